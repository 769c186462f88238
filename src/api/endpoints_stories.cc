// /api/storylines/{id}, /api/storylines/{id}/timeline,
// /api/storylines/{id}/network, /api/events/{id}, /api/events/{id}/timeline:
// one storyline or event with what the web UI shows of it. Tested by
// router_test.cc.
//
// A storyline's dossier gathers the findings of its events' articles: the
// articles with their outlets and languages, the quotes (speaker names
// resolved), the figures, and the conflicts any of its articles takes part
// in. Each list is capped at kMaxItems so one request stays bounded.
#include <map>
#include <memory>
#include <set>

#include "api/actor_network.h"
#include "api/endpoints.h"
#include "api/entity_lookup.h"
#include "api/params.h"
#include "engine/timeline.h"

namespace dossier::api::internal {
namespace {

using Json = nlohmann::json;

constexpr size_t kMaxItems = 1000;
constexpr size_t kDefaultActors = 40;
constexpr size_t kMaxActors = 200;

// The row `id` of `collection`, parsed; NotFound when there is none.
Result<Json> FindRow(Store* store, const std::string& collection, const std::string& id) {
  Result<FindingRow> row = store->GetFinding(collection, id);
  if (!row.ok()) {
    if (row.status().code() != Status::Code::kNotFound) return row.status();
    const char* what = collection == "storylines" ? "storyline" : "event";
    return Status::NotFound(std::string("no ") + what + " with id \"" + id + "\"");
  }
  Json parsed = Json::parse(row->json, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    return Status::Internal("row " + id + " of " + collection + " is not JSON");
  }
  return parsed;
}

// The articles of `events` (each an event object), in event order, once each.
std::vector<std::string> ArticlesOf(const std::vector<Json>& events) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const Json& e : events) {
    if (!e.contains("articles")) continue;
    for (const Json& a : e["articles"]) {
      if (a.is_string() && seen.insert(a.get<std::string>()).second) {
        out.push_back(a.get<std::string>());
      }
    }
  }
  return out;
}

// The rows of `collection` found in one of `articles` (a conflict: naming
// one of them), at most kMaxItems.
Result<Json> RowsAbout(Store* store, const std::string& collection,
                       const std::set<std::string>& articles) {
  Result<std::vector<FindingRow>> rows = store->ListFindings(collection);
  if (!rows.ok()) return rows.status();
  Json out = Json::array();
  for (const FindingRow& r : *rows) {
    if (out.size() == kMaxItems) break;
    Json row = Json::parse(r.json, nullptr, false);
    if (row.is_discarded()) continue;
    bool about = row.contains("article") && row["article"].is_string() &&
                 articles.count(row["article"].get<std::string>()) > 0;
    if (!about && row.contains("articles") && row["articles"].is_array()) {
      for (const Json& a : row["articles"]) {
        if (a.is_string() && articles.count(a.get<std::string>())) about = true;
      }
    }
    if (about) out.push_back(std::move(row));
  }
  return out;
}

ApiResponse TimelineResponse(const EndpointContext& ctx, const std::string& id) {
  Result<Timeline> timeline = BuildTimeline(ctx.session.store, id);
  if (!timeline.ok()) return StatusResponse(timeline.status());
  ApiResponse r;
  r.body = TimelineJson(*timeline).dump(-1, ' ', false, Json::error_handler_t::replace);
  return r;
}

// The event objects `ids` names, in that order (ids without a row skipped).
Result<std::vector<Json>> EventsById(Store* store, const Json& ids) {
  std::vector<Json> out;
  for (const Json& id : ids) {
    if (!id.is_string()) continue;
    Result<Json> e = FindRow(store, "events", id.get<std::string>());
    if (e.ok()) {
      out.push_back(std::move(*e));
    } else if (e.status().code() != Status::Code::kNotFound) {
      return e.status();
    }
  }
  return out;
}

// The dossier of `events`: into `out`, the events (each with its outlets),
// articles, sources, quotes, figures and conflicts.
Status FillDossier(const EndpointContext& ctx, std::vector<Json> events, Json* out) {
  Store* store = ctx.session.store;
  const std::vector<std::string> ids = ArticlesOf(events);
  std::map<std::string, Json> articles;
  Json article_list = Json::array();
  std::map<std::string, int> by_outlet, by_language;
  for (const std::string& id : ids) {
    if (article_list.size() == kMaxItems) break;
    Result<Article> a = store->GetArticle(id);
    if (!a.ok()) continue;  // gone since the analysis
    Json j = {{"id", a->id},         {"title", a->title},       {"url", a->url},
              {"outlet", a->outlet}, {"language", a->language}, {"published", a->published}};
    ++by_outlet[a->outlet];
    ++by_language[a->language];
    articles[id] = j;
    article_list.push_back(std::move(j));
  }
  for (Json& e : events) {
    std::set<std::string> outlets;
    for (const Json& a : e.value("articles", Json::array())) {
      auto it = a.is_string() ? articles.find(a.get<std::string>()) : articles.end();
      if (it != articles.end()) outlets.insert(it->second["outlet"].get<std::string>());
    }
    e["outlets"] = outlets;
  }
  (*out)["events"] = std::move(events);
  (*out)["articles"] = std::move(article_list);
  (*out)["sources"] = {{"by_outlet", by_outlet}, {"by_language", by_language}};

  const std::set<std::string> article_set(ids.begin(), ids.end());
  Result<std::vector<EntityRecord>> entities = store->ListEntities();
  if (!entities.ok()) return entities.status();
  std::map<std::string, std::string> names;
  for (const EntityRecord& e : *entities) names[EntityId(e.id)] = e.name;
  Result<Json> quotes = RowsAbout(store, "quotes", article_set);
  if (!quotes.ok()) return quotes.status();
  for (Json& q : *quotes) {
    auto it = q["speaker"].is_string() ? names.find(q["speaker"].get<std::string>()) : names.end();
    q["speaker_name"] = it == names.end() ? Json(nullptr) : Json(it->second);
  }
  (*out)["quotes"] = std::move(*quotes);
  for (const char* collection : {"figures", "conflicts"}) {
    Result<Json> rows = RowsAbout(store, collection, article_set);
    if (!rows.ok()) return rows.status();
    (*out)[collection] = std::move(*rows);
  }
  return Status::OK();
}

}  // namespace

ApiResponse HandleStoryline(const EndpointContext& ctx, const std::string& id) {
  Result<Params> params = Params::Check(ctx.request.params, {});
  if (!params.ok()) return StatusResponse(params.status());
  Result<Json> storyline = FindRow(ctx.session.store, "storylines", id);
  if (!storyline.ok()) return StatusResponse(storyline.status());
  Result<std::vector<Json>> events =
      EventsById(ctx.session.store, storyline->value("events", Json::array()));
  if (!events.ok()) return StatusResponse(events.status());
  Json out = *storyline;
  Status filled = FillDossier(ctx, std::move(*events), &out);
  if (!filled.ok()) return StatusResponse(filled);
  return JsonResponse(out);
}

ApiResponse HandleEvent(const EndpointContext& ctx, const std::string& id) {
  Result<Params> params = Params::Check(ctx.request.params, {});
  if (!params.ok()) return StatusResponse(params.status());
  Result<Json> event = FindRow(ctx.session.store, "events", id);
  if (!event.ok()) return StatusResponse(event.status());
  Json out = *event;
  Status filled = FillDossier(ctx, {*event}, &out);
  if (!filled.ok()) return StatusResponse(filled);
  out.erase("events");  // the event is the object itself
  return JsonResponse(out);
}

ApiResponse HandleTimeline(const EndpointContext& ctx, const std::string& collection,
                           const std::string& id) {
  Result<Params> params = Params::Check(ctx.request.params, {});
  if (!params.ok()) return StatusResponse(params.status());
  // The id must be of the kind the path names: /api/events/S0/timeline is a 404.
  Result<Json> row = FindRow(ctx.session.store, collection, id);
  if (!row.ok()) return StatusResponse(row.status());
  return TimelineResponse(ctx, id);
}

ApiResponse HandleNetwork(const EndpointContext& ctx, const std::string& id) {
  Result<Params> params = Params::Check(ctx.request.params, {"limit"});
  if (!params.ok()) return StatusResponse(params.status());
  Result<size_t> limit = params->Limit(kDefaultActors, kMaxActors);
  if (!limit.ok()) return StatusResponse(limit.status());
  Store* store = ctx.session.store;
  Result<Json> storyline = FindRow(store, "storylines", id);
  if (!storyline.ok()) return StatusResponse(storyline.status());
  Result<std::vector<Json>> events = EventsById(store, storyline->value("events", Json::array()));
  if (!events.ok()) return StatusResponse(events.status());

  ActorNetworkBuilder builder;
  std::map<std::string, std::unique_ptr<TextSegmenter>> segmenters;  // by language
  size_t articles = 0;
  for (const std::string& article : ArticlesOf(*events)) {
    if (articles == kMaxItems) break;
    Result<Article> a = store->GetArticle(article);
    if (!a.ok()) continue;
    Result<std::vector<MentionRecord>> mentions = store->ListMentions(article);
    if (!mentions.ok()) return StatusResponse(mentions.status());
    std::unique_ptr<TextSegmenter>& segmenter = segmenters[a->language];
    if (!segmenter) segmenter = std::make_unique<TextSegmenter>(a->language);
    builder.AddArticle(*mentions, segmenter->Segment(a->text).sentences);
    ++articles;
  }
  const ActorNetwork network = builder.Build(*limit);

  Result<std::vector<EntityRecord>> entities = store->ListEntities();
  if (!entities.ok()) return StatusResponse(entities.status());
  std::map<int64_t, const EntityRecord*> by_id;
  for (const EntityRecord& e : *entities) by_id[e.id] = &e;
  Json nodes = Json::array();
  for (const ActorNode& n : network.nodes) {
    auto it = by_id.find(n.entity);
    Json variants = Json::array();
    if (it != by_id.end()) {
      for (const EntityVariantRecord& v : it->second->variants) variants.push_back(v.text);
    }
    nodes.push_back({{"id", EntityId(n.entity)},
                     {"name", it == by_id.end() ? EntityId(n.entity) : it->second->name},
                     {"type", it == by_id.end() ? "" : it->second->type},
                     {"variants", std::move(variants)},
                     {"mentions", n.mentions},
                     {"articles", n.articles}});
  }
  Json edges = Json::array();
  for (const ActorEdge& e : network.edges) {
    edges.push_back({{"source", EntityId(e.a)},
                     {"target", EntityId(e.b)},
                     {"weight", e.weight()},
                     {"sentences", e.sentences},
                     {"articles", e.articles}});
  }
  return JsonResponse({{"storyline", id},
                       {"articles", articles},
                       {"nodes", std::move(nodes)},
                       {"edges", std::move(edges)}});
}

}  // namespace dossier::api::internal
