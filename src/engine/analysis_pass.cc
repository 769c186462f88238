// Tested by engine_test.cc (AnalysisPass*) and tests/cli_test.cc.
#include "engine/analysis_pass.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/article_prep.h"
#include "engine/article_stages.h"
#include "engine/claims_json.h"
#include "engine/event_dates.h"
#include "entities/article_entities.h"
#include "entities/article_ner.h"
#include "entities/entity_resolver.h"
#include "entities/identity_resources.h"
#include "entities/model_registry.h"
#include "facts/conflicts.h"
#include "quotes/same_quote.h"
#include "stories/document_builder.h"
#include "stories/pivot_lexicon.h"
#include "stories/story_clusterer.h"
#include "time/time_tagger.h"

namespace dossier {
namespace {

// The names of the online stages' states in the store.
constexpr char kResolverState[] = "entity-resolver";
constexpr char kClustererState[] = "story-clusterer";
// Event and storyline titles: a headline in this language when one exists.
constexpr char kPreferredLanguage[] = "en";

std::string PrefixedId(char prefix, uint32_t id) {
  std::string out(1, prefix);
  out += std::to_string(id);
  return out;
}

// The dates of a storyline's events, by event id (engine/event_dates.h): the
// clusterer's, or for an event of undated articles, placed in its storyline
// from the earliest bound the time stage gave its articles.
using EstimateDate = std::function<std::string(const std::vector<std::string>& articles)>;
using PlacedDates = std::map<uint32_t, PlacedDate>;

PlacedDates DateEvents(const std::vector<stories::EventSummary>& events,
                       const EstimateDate& estimate) {
  std::vector<EventDateEvidence> evidence;
  for (const stories::EventSummary& e : events) {
    evidence.push_back({e.date, e.date.empty() ? estimate(e.articles) : std::string()});
  }
  std::vector<PlacedDate> placed = PlaceEventDates(evidence);
  PlacedDates out;
  for (size_t k = 0; k < events.size(); ++k) out[events[k].id] = std::move(placed[k]);
  return out;
}

FindingRow EventRow(const stories::EventSummary& e, const PlacedDate& date) {
  nlohmann::ordered_json j;
  j["id"] = PrefixedId('V', e.id);
  j["date"] =
      date.date.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(date.date);
  j["date_estimated"] = date.estimated;
  if (date.estimated) {
    j["not_before"] = date.not_before.empty() ? nlohmann::ordered_json(nullptr)
                                              : nlohmann::ordered_json(date.not_before);
  }
  j["title"] = e.title.empty() ? std::string("(untitled)") : e.title;
  j["articles"] = e.articles;
  j["sources"] = e.sources;
  j["languages"] = e.languages;
  j["storyline"] = PrefixedId('S', e.storyline);
  j["copy_groups"] = e.copy_groups;
  return {"events", j["id"], "", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

// Events in date order (undated last, in creation order).
FindingRow StorylineRow(const stories::StorylineSummary& s,
                        const std::vector<stories::EventSummary>& events,
                        const PlacedDates& dates) {
  std::vector<std::pair<std::string, uint32_t>> dated;
  std::set<std::string> languages;
  std::string first, last;
  size_t articles = 0;
  for (const stories::EventSummary& sum : events) {
    const std::string& date = dates.at(sum.id).date;
    dated.emplace_back(date.empty() ? std::string("~") : date, sum.id);
    languages.insert(sum.languages.begin(), sum.languages.end());
    articles += sum.articles.size();
    if (!date.empty() && (first.empty() || date < first)) first = date;
    if (!date.empty() && (last.empty() || date > last)) last = date;
  }
  std::stable_sort(dated.begin(), dated.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  nlohmann::ordered_json j;
  j["id"] = PrefixedId('S', s.id);
  j["title"] = s.title.empty() ? std::string("(untitled)") : s.title;
  j["events"] = nlohmann::ordered_json::array();
  for (const auto& [date, e] : dated) j["events"].push_back(PrefixedId('V', e));
  j["first_date"] = first.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(first);
  j["last_date"] = last.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(last);
  j["articles"] = articles;
  j["languages"] = std::vector<std::string>(languages.begin(), languages.end());
  return {"storylines", j["id"], "",
          j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

// Private findings: the claims of each article, for the conflicts of later runs.
constexpr char kClaims[] = "claims";

// The passage around [begin, end): from the sentence's start to its end, as
// far as punctuation tells (the stored article keeps no sentence spans).
std::string Passage(const std::string& text, uint32_t begin, uint32_t end) {
  if (begin > end || end > text.size()) return {};
  size_t from = begin;
  while (from > 0 && text[from - 1] != '\n' &&
         !(from >= 2 && (text[from - 2] == '.' || text[from - 2] == '!' || text[from - 2] == '?') &&
           text[from - 1] == ' ')) {
    --from;
  }
  size_t to = end;
  while (to < text.size() && text[to] != '\n' &&
         !((text[to] == '.' || text[to] == '!' || text[to] == '?') &&
           (to + 1 == text.size() || text[to + 1] == ' ' || text[to + 1] == '\n'))) {
    ++to;
  }
  if (to < text.size() && text[to] != '\n') ++to;
  return text.substr(from, to - from);
}

EntityRecord ToRecord(const identity::GlobalEntity& g) {
  EntityRecord r;
  r.id = g.id;
  r.type = std::string(ner::EntityTypeName(g.type));
  r.name = g.name;
  r.alias_id = g.alias_id;
  r.capital_of = g.capital_of;
  r.article_count = g.article_count;
  for (const identity::NameVariant& v : g.variants) r.variants.push_back({v.text, v.count});
  return r;
}

}  // namespace

struct AnalysisPass::Impl {
  // A quote already seen, for telling the same quote in a later article.
  struct KnownQuote {
    std::string id;
    std::string article;
    std::string text;
    std::string group;  // id of the first quote of its group
  };

  Store* store = nullptr;
  AnalysisOptions options;
  ProgressCallback on_progress;
  std::unique_ptr<const identity::IdentityResources> resources;
  std::unique_ptr<identity::EntityResolver> resolver;
  std::unique_ptr<ArticlePreparer> preparer;             // the per-article part
  std::unique_ptr<const stories::PivotLexicon> lexicon;  // null: no dictionary installed
  std::unique_ptr<stories::DocumentBuilder> builder;
  std::unique_ptr<stories::StoryClusterer> clusterer;
  std::set<uint32_t> events_touched, storylines_touched;
  // The events each storyline's stored row lists, so that an event that
  // refinement emptied is found and removed.
  std::map<uint32_t, std::vector<uint32_t>> storyline_events;
  std::vector<ArticleFacts> facts;  // every analysed article's claims
  std::map<int64_t, std::vector<KnownQuote>> quotes_by_speaker;

  FindingsBatch batch;
  std::set<uint32_t> touched;  // entities the batch changed
  // Article id -> the bound of an undated article's publication ("2017",
  // "2021-07-22"), "" when it is dated or names no date (filled by Analyze
  // and, for articles of earlier runs, from their stored happenings).
  std::map<std::string, std::string> estimated_published;
  std::string EstimatedDate(const std::vector<std::string>& articles);
  AnalysisReport report;

  Status LoadFindings();
  Status Analyze(const Article& article);
  Status Finish(const Article& article, PreparedArticle prepared);
  void LinkSameQuotes(const ArticleStageOutput& out);
  // Writes the batch (when it holds an article, or always when `force`).
  Status Flush(bool force = false);
  AnalysisReport Done();
  Status WriteConflicts();
};

Status AnalysisPass::Impl::LoadFindings() {
  Result<std::vector<FindingRow>> claims = store->ListFindings(kClaims);
  if (!claims.ok()) return claims.status();
  for (const FindingRow& row : *claims) {
    Result<ArticleFacts> f = ClaimsFromJson(row.json);
    if (!f.ok()) return f.status();
    facts.push_back(std::move(*f));
  }
  Result<std::vector<FindingRow>> storylines = store->ListFindings("storylines");
  if (!storylines.ok()) return storylines.status();
  for (const FindingRow& row : *storylines) {
    const nlohmann::json j = nlohmann::json::parse(row.json, nullptr, false);
    if (j.is_discarded() || row.id.size() < 2) continue;
    std::vector<uint32_t>& events = storyline_events[std::stoul(row.id.substr(1))];
    for (const auto& e : j["events"]) events.push_back(std::stoul(e.get<std::string>().substr(1)));
  }
  Result<std::vector<FindingRow>> quotes = store->ListFindings("quotes");
  if (!quotes.ok()) return quotes.status();
  for (const FindingRow& row : *quotes) {
    const nlohmann::json j = nlohmann::json::parse(row.json, nullptr, false);
    if (j.is_discarded() || !j["speaker"].is_string()) continue;
    const int64_t speaker = std::stoll(j["speaker"].get<std::string>().substr(1));
    const std::string group = j["same_as"].is_string() ? j["same_as"].get<std::string>() : row.id;
    quotes_by_speaker[speaker].push_back({row.id, row.article_id, j["text"], group});
  }
  return Status::OK();
}

// A quote of the same speaker in another article with the same words is one
// quote with several sources: the later ones point to the first.
void AnalysisPass::Impl::LinkSameQuotes(const ArticleStageOutput& out) {
  for (const ArticleStageOutput::QuoteKey& q : out.quotes) {
    if (q.speaker < 0) continue;
    std::vector<KnownQuote>& known = quotes_by_speaker[q.speaker];
    std::string group = q.id;
    for (const KnownQuote& k : known) {
      if (k.article != out.facts.article && quotes::SameQuote(q.text, k.text)) {
        group = k.group;
        break;
      }
    }
    known.push_back({q.id, out.facts.article, q.text, group});
    if (group == q.id) continue;
    for (FindingRow& row : batch.rows) {
      if (row.collection != "quotes" || row.id != q.id) continue;
      nlohmann::ordered_json j = nlohmann::ordered_json::parse(row.json);
      j["same_as"] = group;
      row.json = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
  }
}

Status AnalysisPass::Impl::WriteConflicts() {
  FindingsBatch b;
  b.replace_collections.push_back("conflicts");
  // Figures are compared within a storyline (facts/conflicts.h): the stored
  // events, written by Flush(), tell each article's storyline.
  ConflictOptions options;
  Result<std::vector<FindingRow>> events = store->ListFindings("events");
  if (!events.ok()) return events.status();
  for (const FindingRow& row : *events) {
    const nlohmann::json j = nlohmann::json::parse(row.json, nullptr, false);
    if (j.is_discarded() || !j["storyline"].is_string()) continue;
    for (const auto& a : j["articles"]) {
      if (a.is_string()) options.scope_of_article[a.get<std::string>()] = j["storyline"];
    }
  }
  const std::vector<Conflict> conflicts = FindConflicts(facts, options);
  std::map<std::string, std::string> texts;  // article id -> text, for the passages
  for (size_t i = 0; i < conflicts.size(); ++i) {
    const Conflict& c = conflicts[i];
    nlohmann::ordered_json j;
    std::string id = "C";
    id += std::to_string(i);
    j["id"] = id;
    j["kind"] = std::string(ConflictKindName(c.kind));
    j["subject"] = c.description;
    j["description"] = c.description;
    j["articles"] = c.articles;
    j["claims"] = nlohmann::ordered_json::array();
    for (const ClaimRef& r : c.claims) {
      auto it = texts.find(r.article);
      if (it == texts.end()) {
        Result<Article> a = store->GetArticle(r.article);
        if (!a.ok()) return a.status();
        it = texts.emplace(r.article, std::move(a->text)).first;
      }
      j["claims"].push_back({{"article", r.article},
                             {"value", r.value},
                             {"text", Passage(it->second, r.begin, r.end)},
                             {"start", r.begin},
                             {"end", r.end}});
    }
    b.rows.push_back(
        {"conflicts", id, "", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
  }
  report.conflicts = conflicts.size();
  return store->PutFindings(b);
}

Status AnalysisPass::Impl::Analyze(const Article& article) {
  Result<PreparedArticle> prepared = preparer->Prepare(article);
  if (!prepared.ok()) return prepared.status();
  return Finish(article, std::move(*prepared));
}

// The sequential part, in analysis order: identity across articles, same
// quotes, stories.
Status AnalysisPass::Impl::Finish(const Article& article, PreparedArticle prepared) {
  ArticleFindings findings;
  findings.article_id = article.id;
  ++report.articles;
  if (prepared.without_model) ++report.without_model;
  const identity::ArticleEntities& entities = prepared.entities;
  const std::vector<uint32_t> ids = resolver->Add(entities);
  ArticleStageOutput& out = prepared.stages;
  ResolveEntityIds(ids, &out);
  for (FindingRow& row : out.rows) {
    if (row.collection == "quotes") ++report.quotes;
    if (row.collection == "figures") ++report.figures;
    batch.rows.push_back(std::move(row));
  }
  LinkSameQuotes(out);
  batch.rows.push_back({kClaims, article.id, article.id, ClaimsToJson(out.facts)});
  if (!prepared.estimated_published.empty()) {
    estimated_published[article.id] = prepared.estimated_published;
  }
  const std::vector<std::string>& dates = prepared.dates;
  const stories::Assignment a = clusterer->Add(builder->Build(article, entities, ids, dates));
  events_touched.insert(a.event);
  storylines_touched.insert(a.storyline);
  facts.push_back(std::move(out.facts));
  for (size_t i = 0; i < entities.entities.size(); ++i) {
    const identity::ArticleEntity& e = entities.entities[i];
    touched.insert(ids[i]);
    for (const identity::EntityMention& m : e.mentions) {
      findings.mentions.push_back(
          {ids[i], m.begin, m.end, std::string(identity::MentionKindName(m.kind))});
    }
    for (const identity::EntityRole& r : e.roles) {
      findings.roles.push_back({ids[i], article.id, r.canonical, r.role_class, r.country, r.text,
                                r.date, r.begin, r.end});
    }
  }
  report.mentions += findings.mentions.size();
  batch.articles.push_back(std::move(findings));
  return Status::OK();
}

// The earliest of the bounds the time stage gave `articles` (undated ones:
// time/article_time.h, PublishedNotBefore); "" when none has one. An article
// of an earlier run is looked up in its stored happenings: the bound written
// there (a day, in stores written before bounds kept their precision), or in
// stores older still, the day of the lead when that rests on an estimate.
std::string AnalysisPass::Impl::EstimatedDate(const std::vector<std::string>& articles) {
  std::string earliest;
  for (const std::string& id : articles) {
    auto it = estimated_published.find(id);
    if (it == estimated_published.end()) {
      std::string day;
      Result<FindingRow> row = store->GetFinding(kHappenings, id);
      if (row.ok()) {
        const nlohmann::json j = nlohmann::json::parse(row->json, nullptr, false);
        if (!j.is_discarded() && j.contains("estimated_published") &&
            j["estimated_published"].is_string()) {
          day = j["estimated_published"].get<std::string>();
        } else if (!j.is_discarded() && j.contains("happenings")) {
          for (const auto& h : j["happenings"]) {
            if (h.value("lead", false) && h.value("estimated", false) && h["date"].is_string()) {
              day = h["date"].get<std::string>().substr(0, 10);
              break;
            }
          }
        }
      }
      it = estimated_published.emplace(id, day).first;
    }
    if (!it->second.empty() && (earliest.empty() || it->second < earliest)) earliest = it->second;
  }
  return earliest;
}

Status AnalysisPass::Impl::Flush(bool force) {
  if (batch.articles.empty()) {
    // Only the caller's rows and states: the online stages saw nothing new.
    if (!force) return Status::OK();
    Status s = store->PutFindings(batch);
    batch = FindingsBatch();
    return s;
  }
  const EstimateDate estimate = [this](const std::vector<std::string>& ids) {
    return EstimatedDate(ids);
  };
  for (uint32_t id : touched) batch.entities.push_back(ToRecord(resolver->entity(id)));
  batch.states.emplace_back(kResolverState, resolver->SaveState());
  // Refinement may move articles between the events of a storyline: every
  // event of a touched storyline is written again, and an emptied one goes.
  // Merging may join storylines: the one taken in goes, its events are
  // written again under the one that took it in.
  for (uint32_t id : clusterer->Settle()) storylines_touched.insert(id);
  batch.states.emplace_back(kClustererState, clusterer->Save());
  PlacedDates dates;  // of every event of the storylines written below
  std::map<uint32_t, stories::EventSummary> summaries;
  for (uint32_t id : storylines_touched) {
    const stories::StorylineSummary s = clusterer->SummarizeStoryline(id, kPreferredLanguage);
    std::vector<uint32_t>& listed = storyline_events[id];
    events_touched.insert(listed.begin(), listed.end());
    events_touched.insert(s.events.begin(), s.events.end());
    listed = s.events;
    if (s.events.empty()) {
      batch.delete_rows.emplace_back("storylines", PrefixedId('S', id));
      continue;
    }
    std::vector<stories::EventSummary> events;
    for (uint32_t e : s.events) events.push_back(clusterer->Summarize(e, kPreferredLanguage));
    dates.merge(DateEvents(events, estimate));
    batch.rows.push_back(StorylineRow(s, events, dates));
    for (stories::EventSummary& e : events) summaries.emplace(e.id, std::move(e));
  }
  for (uint32_t id : events_touched) {
    auto summary = summaries.find(id);
    const stories::EventSummary e = summary != summaries.end()
                                        ? std::move(summary->second)
                                        : clusterer->Summarize(id, kPreferredLanguage);
    if (e.articles.empty()) {
      batch.delete_rows.emplace_back("events", PrefixedId('V', id));
      continue;
    }
    auto placed = dates.find(id);
    if (placed == dates.end()) {  // its storyline was not written: date it alone
      placed = dates.emplace(id, DateEvents({e}, estimate).at(id)).first;
    }
    batch.rows.push_back(EventRow(e, placed->second));
  }
  events_touched.clear();
  storylines_touched.clear();
  Status s = store->PutFindings(batch);
  batch = FindingsBatch();
  touched.clear();
  return s;
}

AnalysisPass::AnalysisPass(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AnalysisPass::~AnalysisPass() = default;

void AnalysisPass::set_progress_callback(ProgressCallback cb) {
  impl_->on_progress = std::move(cb);
}

Result<std::unique_ptr<AnalysisPass>> AnalysisPass::Create(Store* store, AnalysisOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->store = store;
  impl->options = options;
  if (impl->options.batch_size == 0) impl->options.batch_size = 1;
  Result<std::unique_ptr<const identity::IdentityResources>> resources =
      identity::IdentityResources::Load();
  if (!resources.ok()) return resources.status();
  impl->resources = std::move(*resources);
  identity::ResolverOptions resolver_options;
  resolver_options.keep_mentions = false;  // the store keeps them
  impl->resolver =
      std::make_unique<identity::EntityResolver>(impl->resources.get(), resolver_options);
  Result<std::unique_ptr<ArticlePreparer>> preparer =
      ArticlePreparer::Create(impl->resources.get());
  if (!preparer.ok()) return preparer.status();
  impl->preparer = std::move(*preparer);
  DOSSIER_RETURN_IF_ERROR(impl->LoadFindings());
  // Without FreeDict's dictionaries stories still form, within each
  // language; the setup script installs them.
  Result<std::unique_ptr<const stories::PivotLexicon>> lexicon =
      stories::PivotLexicon::Load(stories::LexiconOptions());
  if (lexicon.ok()) impl->lexicon = std::move(*lexicon);
  impl->builder = std::make_unique<stories::DocumentBuilder>(impl->lexicon.get());
  Result<std::string> clusterer_state = store->GetState(kClustererState);
  if (!clusterer_state.ok()) return clusterer_state.status();
  if (clusterer_state->empty()) {
    impl->clusterer = std::make_unique<stories::StoryClusterer>();
  } else {
    Result<std::unique_ptr<stories::StoryClusterer>> c =
        stories::StoryClusterer::Load(*clusterer_state);
    if (!c.ok()) return c.status();
    impl->clusterer = std::move(*c);
  }
  Result<std::string> state = store->GetState(kResolverState);
  if (!state.ok()) return state.status();
  if (!state->empty()) {
    Status s = impl->resolver->LoadState(*state);
    if (!s.ok()) return s;
  }
  return std::unique_ptr<AnalysisPass>(new AnalysisPass(std::move(impl)));
}

Result<AnalysisReport> AnalysisPass::Run() {
  Impl& impl = *impl_;
  impl.report = AnalysisReport();
  Result<std::vector<std::string>> pending = impl.store->PendingAnalysis();
  if (!pending.ok()) return pending.status();
  size_t left = pending->size();
  for (const std::string& id : *pending) {
    Result<Article> article = impl.store->GetArticle(id);
    if (!article.ok()) return article.status();
    DOSSIER_RETURN_IF_ERROR(impl.Analyze(*article));
    --left;
    if (impl.batch.articles.size() >= impl.options.batch_size) {
      DOSSIER_RETURN_IF_ERROR(impl.Flush());
      if (impl.on_progress) impl.on_progress(impl.report, left);
    }
  }
  DOSSIER_RETURN_IF_ERROR(impl.Flush());
  // Conflicts are between all articles: recomputed whole after each run.
  if (impl.report.articles > 0 || !impl.facts.empty())
    DOSSIER_RETURN_IF_ERROR(impl.WriteConflicts());
  return impl.Done();
}

Result<AnalysisReport> AnalysisPass::RunPrepared(std::vector<PreparedArticle> prepared,
                                                 FindingsBatch last) {
  Impl& impl = *impl_;
  impl.report = AnalysisReport();
  size_t left = prepared.size();
  for (PreparedArticle& p : prepared) {
    Result<Article> article = impl.store->GetArticle(p.article_id);
    if (!article.ok()) return article.status();
    DOSSIER_RETURN_IF_ERROR(impl.Finish(*article, std::move(p)));
    --left;
    if (impl.batch.articles.size() >= impl.options.batch_size && left > 0) {
      DOSSIER_RETURN_IF_ERROR(impl.Flush());
      if (impl.on_progress) impl.on_progress(impl.report, left);
    }
  }
  FindingsBatch& b = impl.batch;
  for (auto& state : last.states) b.states.push_back(std::move(state));
  for (auto& row : last.rows) b.rows.push_back(std::move(row));
  for (auto& row : last.delete_rows) b.delete_rows.push_back(std::move(row));
  DOSSIER_RETURN_IF_ERROR(impl.Flush(/*force=*/true));
  if (impl.report.articles > 0) DOSSIER_RETURN_IF_ERROR(impl.WriteConflicts());
  return impl.Done();
}

AnalysisReport AnalysisPass::Impl::Done() {
  report.entities = resolver->size();
  report.events = clusterer->live_event_count();
  report.storylines = clusterer->live_storyline_count();
  if (on_progress) on_progress(report, 0);
  return report;
}

}  // namespace dossier
