// Tested by engine_test.cc (AnalysisPass*) and tests/cli_test.cc.
#include "engine/article_stages.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "entities/model_registry.h"
#include "quotes/attribution_model.h"
#include "quotes/quote_extractor.h"
#include "text/segmenter.h"
#include "time/time_tagger.h"
#include "time/time_value.h"

namespace dossier {
namespace {

std::string EntityExportId(int64_t id) {
  std::string out = "E";
  out += std::to_string(id);
  return out;
}

// Entity keys before ResolveEntityIds: "L<index in the article>". A folded
// surname (the facts stage's other participant key) is lower-case and a
// place key starts "place:", so neither can look like one.
std::string LocalEntityKey(size_t index) {
  std::string out = "L";
  out += std::to_string(index);
  return out;
}

// The global key of a local key, or `key` itself when it is not local.
std::string GlobalEntityKey(const std::string& key, const std::vector<uint32_t>& global_ids) {
  if (key.size() < 2 || key[0] != 'L' || key[1] < '0' || key[1] > '9') return key;
  const size_t index = std::stoul(key.substr(1));
  return index < global_ids.size() ? EntityExportId(global_ids[index]) : key;
}

std::string Slice(const std::string& text, uint32_t begin, uint32_t end) {
  if (begin > end || end > text.size()) return {};
  return text.substr(begin, end - begin);
}

MentionType FactsMentionType(ner::EntityType type) {
  switch (type) {
    case ner::EntityType::kPer:
      return MentionType::kPerson;
    case ner::EntityType::kLoc:
      return MentionType::kPlace;
    case ner::EntityType::kOrg:
      return MentionType::kOrg;
    case ner::EntityType::kMisc:
      break;
  }
  return MentionType::kOther;
}

nlohmann::ordered_json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

std::string Dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

size_t WordCount(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// The sentences that report a happening with a date of their own, and the
// lead (the first sentence of some length that is not the headline), which
// reports what the article is about on its anchor day (engine/timeline.h).
// A cap keeps long articles from flooding a timeline: the lead and the
// first dated sentences are the ones a reader needs.
constexpr size_t kMaxHappenings = 16;
constexpr size_t kLeadMinWords = 8;

nlohmann::ordered_json HappeningsJson(const Article& article, const ArticleTime& time,
                                      const std::vector<TextSpan>& sentences) {
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  bool lead_seen = false;
  for (size_t k = 0; k < sentences.size() && k < time.sentence_dates.size(); ++k) {
    if (items.size() >= kMaxHappenings) break;
    const SentenceDate& d = time.sentence_dates[k];
    const std::string text = Slice(article.text, sentences[k].begin, sentences[k].end);
    bool lead = false;
    if (!lead_seen && WordCount(text) >= kLeadMinWords && text != article.title) {
      lead_seen = true;
      lead = d.source != DateSource::kNone;
    }
    if (!lead && (d.source != DateSource::kOwn || d.precision == Precision::kVague)) continue;
    nlohmann::ordered_json j;
    j["date"] = d.value;
    j["precision"] = std::string(PrecisionName(d.precision));
    j["estimated"] = d.estimated;
    j["lead"] = lead;
    j["start"] = sentences[k].begin;
    j["end"] = sentences[k].end;
    j["text"] = text;
    items.push_back(std::move(j));
  }
  nlohmann::ordered_json row;
  row["article"] = article.id;
  row["happenings"] = std::move(items);
  // What an article without a publication day is known to be written after
  // (time/article_time.h): what dates its event when nothing better does,
  // read back by an analysis run after this one.
  if (std::string bound = PublishedNotBefore(time.anchor); !bound.empty()) {
    row["estimated_published"] = std::move(bound);
  }
  return row;
}

}  // namespace

std::string QuoteId(const std::string& article_id, size_t n) {
  std::string out = "Q";
  out += article_id;
  out += "-";
  out += std::to_string(n);
  return out;
}

std::string FigureId(const std::string& article_id, size_t n) {
  std::string out = "F";
  out += article_id;
  out += "-";
  out += std::to_string(n);
  return out;
}

struct ArticleStages::Tools {
  explicit Tools(const std::string& language) : segmenter(language) {}
  TextSegmenter segmenter;
  std::optional<quotes::QuoteExtractor> quotes;
  std::optional<TimeTagger> time;
  std::optional<FactExtractor> facts;
};

ArticleStages::ArticleStages() = default;
ArticleStages::~ArticleStages() = default;

ArticleStages::Tools* ArticleStages::ToolsFor(const std::string& language) {
  auto it = tools_.find(language);
  if (it != tools_.end()) return it->second.get();
  auto tools = std::make_unique<Tools>(language);
  // A language without a lexicon simply has no findings of that kind; one
  // without an attribution model gets the rule-based quotes. A damaged model
  // is an error.
  std::shared_ptr<const quotes::AttributionModel> model;
  Result<std::shared_ptr<const quotes::AttributionModel>> loaded =
      quotes::LoadAttributionModel(language, ner::ModelRegistry::DefaultModelDirs());
  if (loaded.ok()) {
    model = std::move(*loaded);
  } else if (loaded.status().code() != Status::Code::kNotFound &&
             loaded.status().code() != Status::Code::kInvalidInput && status_.ok()) {
    status_ = loaded.status();
  }
  if (Result<quotes::QuoteExtractor> q = quotes::QuoteExtractor::ForLanguage(language, model);
      q.ok()) {
    tools->quotes.emplace(std::move(*q));
  }
  if (Result<TimeTagger> t = TimeTagger::Create(language); t.ok())
    tools->time.emplace(std::move(*t));
  if (Result<FactExtractor> f = FactExtractor::Create(language); f.ok()) {
    tools->facts.emplace(std::move(*f));
  }
  return tools_.emplace(language, std::move(tools)).first->second.get();
}

ArticleStageOutput ArticleStages::Run(const Article& article,
                                      const identity::ArticleEntities& entities) {
  ArticleStageOutput out;
  out.facts.article = article.id;
  if (article.language.empty()) return out;
  Tools* tools = ToolsFor(article.language);
  const Segmentation seg = tools->segmenter.Segment(article.text);
  for (const Sentence& s : seg.sentences) out.sentences.push_back({s.begin, s.end});

  if (tools->quotes) {
    const std::vector<quotes::Quote> found =
        tools->quotes->Extract({article.text, &seg, &entities});
    for (size_t i = 0; i < found.size(); ++i) {
      const quotes::Quote& q = found[i];
      const std::string text = Slice(article.text, q.begin, q.end);
      if (text.empty()) continue;
      const int64_t speaker = q.speaker && *q.speaker < entities.entities.size()
                                  ? static_cast<int64_t>(*q.speaker)
                                  : int64_t{-1};
      nlohmann::ordered_json j;
      j["id"] = QuoteId(article.id, i);
      j["article"] = article.id;
      j["speaker"] = nullptr;  // set by ResolveEntityIds
      j["speaker_text"] = OrNull(q.speaker_text);
      j["text"] = text;
      j["direct"] = q.direct;
      j["start"] = q.begin;
      j["end"] = q.end;
      j["same_as"] = nullptr;  // set by the analysis pass across articles
      out.rows.push_back({"quotes", j["id"], article.id, Dump(j)});
      out.quotes.push_back({j["id"], speaker, text});
    }
  }
  if (tools->time) {
    out.time = AnalyzeArticleTime(*tools->time, article.text, article.published, out.sentences,
                                  seg.paragraphs);
    out.rows.push_back({std::string(kHappenings), article.id, article.id,
                        Dump(HappeningsJson(article, out.time, out.sentences))});
  }
  if (tools->facts && tools->time) {
    FactsArticle fa;
    fa.id = article.id;
    fa.text = article.text;
    fa.language = article.language;
    fa.sentences = out.sentences;
    for (size_t i = 0; i < entities.entities.size(); ++i) {
      MentionType type = FactsMentionType(entities.entities[i].type);
      for (const identity::EntityMention& m : entities.entities[i].mentions) {
        // A demonym ("Iranian general Qassem Soleimani") names a country,
        // not the participant of what the sentence reports.
        if (m.kind == identity::MentionKind::kDemonym) continue;
        fa.mentions.push_back({m.begin, m.end, LocalEntityKey(i), type});
      }
    }
    std::sort(fa.mentions.begin(), fa.mentions.end(),
              [](const EntityMention& a, const EntityMention& b) { return a.begin < b.begin; });
    out.facts = tools->facts->Extract(fa, out.time);
    for (size_t i = 0; i < out.facts.figures.size(); ++i) {
      const NumericClaim& c = out.facts.figures[i];
      nlohmann::ordered_json j;
      j["id"] = FigureId(article.id, i);
      j["article"] = article.id;
      j["value"] = c.value;
      j["low"] = c.low;
      j["high"] =
          std::isfinite(c.high) ? nlohmann::ordered_json(c.high) : nlohmann::ordered_json(nullptr);
      j["approx"] = OrNull(c.approx);
      j["unit"] = OrNull(c.unit);
      j["counts"] = OrNull(c.counted.rfind("stem:", 0) == 0 ? std::string() : c.counted);
      j["subject"] = OrNull(c.subject);
      j["date"] =
          c.date.known ? nlohmann::ordered_json(c.date.value) : nlohmann::ordered_json(nullptr);
      j["date_estimated"] = c.date.known && c.date.estimated;
      j["text"] = c.text;
      j["start"] = c.begin;
      j["end"] = c.end;
      out.rows.push_back({"figures", j["id"], article.id, Dump(j)});
    }
  }
  return out;
}

void ResolveEntityIds(const std::vector<uint32_t>& global_ids, ArticleStageOutput* out) {
  size_t next_quote = 0;
  for (FindingRow& row : out->rows) {
    if (row.collection != "quotes") continue;
    // Rows and keys are made together, one key per quote row, in order.
    ArticleStageOutput::QuoteKey& key = out->quotes[next_quote++];
    if (key.speaker < 0) continue;
    key.speaker = static_cast<size_t>(key.speaker) < global_ids.size()
                      ? static_cast<int64_t>(global_ids[static_cast<size_t>(key.speaker)])
                      : int64_t{-1};
    if (key.speaker < 0) continue;
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(row.json);
    j["speaker"] = EntityExportId(key.speaker);
    row.json = Dump(j);
  }
  for (NumericClaim& c : out->facts.figures) {
    for (std::string& k : c.subject_keys) k = GlobalEntityKey(k, global_ids);
    std::sort(c.subject_keys.begin(), c.subject_keys.end());
    c.subject_keys.erase(std::unique(c.subject_keys.begin(), c.subject_keys.end()),
                         c.subject_keys.end());
  }
  // The facts stage keeps one happening per sentence, happening and
  // participant: two local entities may be one global entity.
  std::vector<HappeningClaim> kept;
  for (HappeningClaim& h : out->facts.happenings) {
    h.participant = GlobalEntityKey(h.participant, global_ids);
    const bool dup = std::any_of(kept.begin(), kept.end(), [&](const HappeningClaim& x) {
      return x.sentence == h.sentence && x.happening == h.happening &&
             x.participant == h.participant;
    });
    if (!dup) kept.push_back(std::move(h));
  }
  out->facts.happenings = std::move(kept);
}

}  // namespace dossier
