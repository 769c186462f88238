#include "report/report.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "report/summary.h"

namespace dossier::report {
namespace {

using Json = nlohmann::json;

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

uint32_t Offset(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_unsigned() ? it->get<uint32_t>() : 0;
}

std::string ValueText(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (!v.is_number()) return v.dump();
  const double d = v.get<double>();
  char buf[64];
  if (std::abs(d) < 1e15 && d == std::floor(d)) {
    std::snprintf(buf, sizeof buf, "%.0f", d);
  } else {
    std::snprintf(buf, sizeof buf, "%g", d);
  }
  return buf;
}

// The rows of one findings collection, parsed; with `articles`, only the rows
// found in one of them (parsing every quote of a large store would cost more
// than the report). Rows that are not JSON objects are skipped.
Result<std::vector<Json>> LoadRows(Store* store, const char* collection,
                                   const std::set<std::string>* articles = nullptr) {
  Result<std::vector<FindingRow>> rows = store->ListFindings(collection);
  if (!rows.ok()) return rows.status();
  std::vector<Json> out;
  for (const FindingRow& row : *rows) {
    if (articles != nullptr && articles->count(row.article_id) == 0) continue;
    Json j = Json::parse(row.json, nullptr, false);
    if (j.is_object()) out.push_back(std::move(j));
  }
  return out;
}

// One row of a collection; nullopt when it has none of this id.
Result<std::optional<Json>> GetRow(Store* store, const char* collection, std::string_view id) {
  Result<FindingRow> row = store->GetFinding(collection, id);
  if (!row.ok()) {
    if (row.status().code() == Status::Code::kNotFound) return std::optional<Json>();
    return row.status();
  }
  Json j = Json::parse(row->json, nullptr, false);
  if (!j.is_object()) return std::optional<Json>();
  return std::optional<Json>(std::move(j));
}

// Articles by id, read from the store on first use (claims may name articles
// outside the storyline).
class ArticleCache {
 public:
  explicit ArticleCache(Store* store) : store_(store) {}

  // nullptr when the article is not stored.
  const Article* Get(const std::string& id) {
    auto it = articles_.find(id);
    if (it == articles_.end()) {
      Result<Article> a = store_->GetArticle(id);
      it = articles_.emplace(id, a.ok() ? std::optional<Article>(std::move(*a)) : std::nullopt)
               .first;
    }
    return it->second ? &*it->second : nullptr;
  }

  SourceRef Ref(const std::string& id, uint32_t start = 0, uint32_t end = 0) {
    SourceRef r;
    r.article = id;
    r.start = start;
    r.end = end;
    if (const Article* a = Get(id)) {
      r.outlet = a->outlet;
      r.language = a->language;
      r.published = a->published;
    }
    return r;
  }

 private:
  Store* store_;
  std::map<std::string, std::optional<Article>> articles_;
};

std::vector<ActorRole> MergeRoles(const std::vector<RoleRecord>& records) {
  std::vector<ActorRole> roles;
  for (const RoleRecord& r : records) {
    auto it = std::find_if(roles.begin(), roles.end(), [&r](const ActorRole& x) {
      return x.role == r.role && x.country == r.country;
    });
    if (it == roles.end()) {
      roles.push_back({r.role, r.country, {}, "", ""});
      it = roles.end() - 1;
    }
    if (std::find(it->texts.begin(), it->texts.end(), r.text) == it->texts.end()) {
      it->texts.push_back(r.text);
    }
    if (!r.date.empty()) {
      if (it->first_date.empty() || r.date < it->first_date) it->first_date = r.date;
      if (r.date > it->last_date) it->last_date = r.date;
    }
  }
  return roles;
}

// The entities mentioned in the articles (`mentions`, by article), most
// mentions first.
Result<std::vector<Actor>> FindActors(Store* store,
                                      const std::vector<std::vector<MentionRecord>>& mentions) {
  std::map<int64_t, std::pair<uint32_t, uint32_t>> counts;  // entity -> (mentions, articles)
  for (const std::vector<MentionRecord>& article : mentions) {
    std::set<int64_t> seen;
    for (const MentionRecord& m : article) {
      ++counts[m.entity].first;
      if (seen.insert(m.entity).second) ++counts[m.entity].second;
    }
  }
  std::vector<Actor> actors;
  for (const auto& [id, count] : counts) {
    Result<EntityDetail> detail = store->GetEntity(id);
    if (!detail.ok()) {
      if (detail.status().code() == Status::Code::kNotFound) continue;
      return detail.status();
    }
    Actor actor;
    actor.id = "E" + std::to_string(id);
    actor.type = detail->entity.type;
    actor.name = detail->entity.name;
    actor.names = detail->entity.variants;
    actor.mentions = count.first;
    actor.articles = count.second;
    actor.store_articles = detail->entity.article_count;
    actor.roles = MergeRoles(detail->roles);
    actors.push_back(std::move(actor));
  }
  std::stable_sort(actors.begin(), actors.end(), [](const Actor& a, const Actor& b) {
    if (a.mentions != b.mentions) return a.mentions > b.mentions;
    return a.articles > b.articles;
  });
  return actors;
}

// The name of each speaker entity: the actors', else the store's.
std::map<std::string, std::string> SpeakerNames(Store* store, const std::vector<Json>& quotes,
                                                const std::vector<Actor>& actors) {
  std::map<std::string, std::string> names;
  for (const Actor& a : actors) names[a.id] = a.name;
  for (const Json& q : quotes) {
    const std::string speaker = Str(q, "speaker");
    if (speaker.size() < 2 || speaker[0] != 'E' || names.count(speaker) > 0) continue;
    int64_t id = 0;
    for (size_t i = 1; i < speaker.size(); ++i) {
      if (!std::isdigit(static_cast<unsigned char>(speaker[i]))) return names;
      id = id * 10 + (speaker[i] - '0');
    }
    Result<EntityDetail> e = store->GetEntity(id);
    if (e.ok()) names[speaker] = e->entity.name;
  }
  return names;
}

std::vector<SpeakerQuotes> GroupQuotes(const std::vector<Json>& rows,
                                       const std::set<std::string>& articles,
                                       const std::vector<Actor>& actors,
                                       const std::map<std::string, std::string>& entity_names,
                                       ArticleCache* cache) {
  std::vector<SpeakerQuotes> groups;
  std::map<std::string, size_t> group_of;                     // speaker key -> group
  std::map<std::string, std::pair<size_t, size_t>> quote_of;  // first quote id -> (group, quote)
  for (const Json& q : rows) {
    const std::string article = Str(q, "article");
    if (articles.count(article) == 0) continue;
    const std::string same_as = Str(q, "same_as");
    const std::string root = same_as.empty() ? Str(q, "id") : same_as;
    SourceRef source = cache->Ref(article, Offset(q, "start"), Offset(q, "end"));
    auto known = quote_of.find(root);
    if (known != quote_of.end()) {
      ReportQuote& quote = groups[known->second.first].quotes[known->second.second];
      const bool seen = std::any_of(quote.sources.begin(), quote.sources.end(),
                                    [&](const SourceRef& s) { return s.article == article; });
      if (!seen) quote.sources.push_back(std::move(source));
      continue;
    }
    const std::string speaker = Str(q, "speaker");
    const std::string speaker_text = Str(q, "speaker_text");
    const std::string key = !speaker.empty()        ? speaker
                            : !speaker_text.empty() ? "\x01" + speaker_text
                                                    : std::string();
    auto g = group_of.find(key);
    if (g == group_of.end()) {
      SpeakerQuotes group;
      group.speaker_id = speaker;
      if (!speaker.empty()) {
        auto name = entity_names.find(speaker);
        group.speaker = name != entity_names.end() ? name->second : speaker;
      } else {
        group.speaker = speaker_text;
      }
      g = group_of.emplace(key, groups.size()).first;
      groups.push_back(std::move(group));
    }
    ReportQuote quote;
    quote.id = root;
    quote.text = Str(q, "text");
    quote.direct = q.value("direct", true);
    quote.speaker_text = speaker_text;
    quote.sources.push_back(std::move(source));
    quote_of[root] = {g->second, groups[g->second].quotes.size()};
    groups[g->second].quotes.push_back(std::move(quote));
  }
  // Known speakers first (the storyline's most mentioned actors among equals),
  // then speakers as written, then the unattributed.
  std::map<std::string, size_t> actor_rank;
  for (size_t i = 0; i < actors.size(); ++i) actor_rank[actors[i].id] = i;
  auto tier = [](const SpeakerQuotes& s) {
    return !s.speaker_id.empty() ? 0 : !s.speaker.empty() ? 1 : 2;
  };
  std::stable_sort(groups.begin(), groups.end(),
                   [&](const SpeakerQuotes& a, const SpeakerQuotes& b) {
                     if (tier(a) != tier(b)) return tier(a) < tier(b);
                     if (a.quotes.size() != b.quotes.size())
                       return a.quotes.size() > b.quotes.size();
                     auto ra = actor_rank.find(a.speaker_id), rb = actor_rank.find(b.speaker_id);
                     const size_t xa = ra == actor_rank.end() ? actors.size() : ra->second;
                     const size_t xb = rb == actor_rank.end() ? actors.size() : rb->second;
                     return xa < xb;
                   });
  return groups;
}

std::vector<ReportConflict> SelectConflicts(const std::vector<Json>& rows,
                                            const std::set<std::string>& articles,
                                            ArticleCache* cache) {
  std::vector<ReportConflict> out;
  for (const Json& c : rows) {
    const Json& ids = c.contains("articles") ? c["articles"] : Json::array();
    const bool involved = std::any_of(ids.begin(), ids.end(), [&](const Json& id) {
      return id.is_string() && articles.count(id.get<std::string>()) > 0;
    });
    if (!involved) continue;
    ReportConflict conflict;
    conflict.id = Str(c, "id");
    conflict.kind = Str(c, "kind");
    conflict.subject = Str(c, "subject");
    conflict.description = Str(c, "description");
    if (c.contains("claims") && c["claims"].is_array()) {
      for (const Json& claim : c["claims"]) {
        ReportClaim rc;
        rc.value = claim.contains("value") ? ValueText(claim["value"]) : "";
        rc.text = Str(claim, "text");
        rc.source = cache->Ref(Str(claim, "article"), Offset(claim, "start"), Offset(claim, "end"));
        conflict.claims.push_back(std::move(rc));
      }
    }
    out.push_back(std::move(conflict));
  }
  return out;
}

std::vector<ReportFigure> SelectFigures(const std::vector<Json>& rows,
                                        const std::vector<std::string>& article_order,
                                        const std::vector<ReportConflict>& conflicts,
                                        ArticleCache* cache) {
  std::map<std::string, size_t> rank;
  for (size_t i = 0; i < article_order.size(); ++i) rank[article_order[i]] = i;
  std::vector<ReportFigure> out;
  for (const Json& f : rows) {
    const std::string article = Str(f, "article");
    if (rank.count(article) == 0) continue;
    ReportFigure fig;
    fig.id = Str(f, "id");
    fig.value = f.value("value", 0.0);
    fig.low = f.value("low", fig.value);
    if (f.contains("high") && f["high"].is_number()) fig.high = f["high"].get<double>();
    fig.approx = Str(f, "approx");
    fig.unit = Str(f, "unit");
    fig.counts = Str(f, "counts");
    fig.subject = Str(f, "subject");
    fig.date = Str(f, "date");
    fig.date_estimated = f.value("date_estimated", false);
    fig.text = Str(f, "text");
    fig.source = cache->Ref(article, Offset(f, "start"), Offset(f, "end"));
    for (const ReportConflict& c : conflicts) {
      for (const ReportClaim& claim : c.claims) {
        const bool overlaps = claim.source.article == article &&
                              claim.source.start < fig.source.end &&
                              fig.source.start < claim.source.end;
        if (overlaps && (fig.conflicts.empty() || fig.conflicts.back() != c.id)) {
          fig.conflicts.push_back(c.id);
        }
      }
    }
    out.push_back(std::move(fig));
  }
  std::stable_sort(out.begin(), out.end(), [&](const ReportFigure& a, const ReportFigure& b) {
    if (a.source.article != b.source.article) {
      return rank[a.source.article] < rank[b.source.article];
    }
    return a.source.start < b.source.start;
  });
  return out;
}

std::vector<OutletSources> GroupSources(const std::vector<const Article*>& articles) {
  std::vector<OutletSources> out;
  for (const Article* a : articles) {
    auto it = std::find_if(out.begin(), out.end(),
                           [a](const OutletSources& o) { return o.outlet == a->outlet; });
    if (it == out.end()) {
      out.push_back({a->outlet, {}, {}});
      it = out.end() - 1;
    }
    it->articles.push_back({a->id, a->title, a->outlet, a->language, a->published, a->url});
    if (!a->language.empty() &&
        std::find(it->languages.begin(), it->languages.end(), a->language) == it->languages.end()) {
      it->languages.push_back(a->language);
    }
  }
  for (OutletSources& o : out) {
    std::stable_sort(o.articles.begin(), o.articles.end(),
                     [](const SourceArticle& x, const SourceArticle& y) {
                       if (x.published.empty() != y.published.empty()) return !x.published.empty();
                       return x.published < y.published;
                     });
  }
  // Most articles first; the unknown outlet last.
  std::stable_sort(out.begin(), out.end(), [](const OutletSources& x, const OutletSources& y) {
    if (x.outlet.empty() != y.outlet.empty()) return !x.outlet.empty();
    return x.articles.size() > y.articles.size();
  });
  return out;
}

std::vector<std::string> Languages(const std::vector<const Article*>& articles) {
  std::map<std::string, size_t> count;
  std::vector<std::string> order;
  for (const Article* a : articles) {
    if (a->language.empty()) continue;
    if (count[a->language]++ == 0) order.push_back(a->language);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](const std::string& x, const std::string& y) { return count[x] > count[y]; });
  return order;
}

}  // namespace

Result<StorylineReport> BuildReport(Store* store, std::string_view id,
                                    const ReportOptions& options) {
  StorylineReport report;
  report.id = std::string(id);
  std::vector<std::string> article_ids;
  auto add_articles = [&article_ids](const Json& event) {
    if (!event.contains("articles")) return;
    for (const Json& a : event["articles"]) {
      if (a.is_string() && std::find(article_ids.begin(), article_ids.end(),
                                     a.get<std::string>()) == article_ids.end()) {
        article_ids.push_back(a.get<std::string>());
      }
    }
  };
  Result<std::optional<Json>> storyline = GetRow(store, "storylines", id);
  if (!storyline.ok()) return storyline.status();
  if (const std::optional<Json>& s = *storyline) {
    report.kind = "storyline";
    report.storyline = report.id;
    report.title = Str(*s, "title");
    report.first_date = Str(*s, "first_date");
    report.last_date = Str(*s, "last_date");
    if (s->contains("events")) {
      for (const Json& eid : (*s)["events"]) {
        if (!eid.is_string()) continue;
        report.events.push_back(eid.get<std::string>());
        Result<std::optional<Json>> e = GetRow(store, "events", eid.get<std::string>());
        if (!e.ok()) return e.status();
        if (*e) add_articles(**e);
      }
    }
  } else {
    Result<std::optional<Json>> event = GetRow(store, "events", id);
    if (!event.ok()) return event.status();
    if (!*event) return Status::NotFound("no storyline or event with id " + std::string(id));
    const Json& e = **event;
    report.kind = "event";
    report.storyline = Str(e, "storyline");
    report.title = Str(e, "title");
    report.first_date = report.last_date = Str(e, "date");
    report.events.push_back(report.id);
    add_articles(e);
  }

  ArticleCache cache(store);
  std::vector<const Article*> articles;
  std::vector<std::vector<MentionRecord>> mentions;
  for (const std::string& a : article_ids) {
    const Article* article = cache.Get(a);
    if (article == nullptr) continue;
    Result<std::vector<MentionRecord>> m = store->ListMentions(a);
    if (!m.ok()) return m.status();
    articles.push_back(article);
    mentions.push_back(std::move(*m));
  }
  std::set<std::string> in_story(article_ids.begin(), article_ids.end());
  report.article_count = articles.size();
  report.languages = Languages(articles);
  report.sources = GroupSources(articles);

  Result<Timeline> timeline = BuildTimeline(store, id);
  if (!timeline.ok()) return timeline.status();
  report.timeline = std::move(*timeline);
  if (report.first_date.empty() || report.last_date.empty()) {
    for (const TimelineEntry& e : report.timeline.entries) {
      if (e.date.empty()) continue;
      if (report.first_date.empty() || e.date < report.first_date) report.first_date = e.date;
      if (e.date > report.last_date) report.last_date = e.date;
    }
  }

  Result<std::vector<Actor>> actors = FindActors(store, mentions);
  if (!actors.ok()) return actors.status();
  report.actors = std::move(*actors);

  Result<std::vector<Json>> quotes = LoadRows(store, "quotes", &in_story);
  if (!quotes.ok()) return quotes.status();
  report.quotes = GroupQuotes(*quotes, in_story, report.actors,
                              SpeakerNames(store, *quotes, report.actors), &cache);

  Result<std::vector<Json>> conflicts = LoadRows(store, "conflicts");
  if (!conflicts.ok()) return conflicts.status();
  report.conflicts = SelectConflicts(*conflicts, in_story, &cache);
  Result<std::vector<Json>> figures = LoadRows(store, "figures", &in_story);
  if (!figures.ok()) return figures.status();
  report.figures = SelectFigures(*figures, article_ids, report.conflicts, &cache);

  std::vector<SummaryArticle> summary_input;
  for (size_t i = 0; i < articles.size(); ++i) {
    SummaryArticle a{cache.Ref(articles[i]->id), articles[i]->text, {}};
    for (const MentionRecord& m : mentions[i]) a.entities.emplace_back(m.start, m.entity);
    summary_input.push_back(std::move(a));
  }
  SummaryOptions summary_options;
  summary_options.max_sentences = options.summary_sentences;
  report.summary = Summarize(summary_input, summary_options);
  return report;
}

}  // namespace dossier::report
