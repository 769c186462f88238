// Tested by engine_test.cc (AnalysisPass*) and tests/cli_test.cc.
#include "engine/article_stages.h"

#include <cmath>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "entities/model_registry.h"
#include "quotes/attribution_model.h"
#include "quotes/quote_extractor.h"
#include "text/segmenter.h"
#include "time/time_tagger.h"

namespace dossier {
namespace {

std::string EntityExportId(int64_t id) {
  std::string out = "E";
  out += std::to_string(id);
  return out;
}

std::string Slice(const std::string& text, uint32_t begin, uint32_t end) {
  if (begin > end || end > text.size()) return {};
  return text.substr(begin, end - begin);
}

nlohmann::ordered_json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

std::string Dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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
                                      const identity::ArticleEntities& entities,
                                      const std::vector<uint32_t>& global_ids) {
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
      const int64_t speaker = q.speaker && *q.speaker < global_ids.size()
                                  ? static_cast<int64_t>(global_ids[*q.speaker])
                                  : int64_t{-1};
      nlohmann::ordered_json j;
      j["id"] = QuoteId(article.id, i);
      j["article"] = article.id;
      j["speaker"] = speaker >= 0 ? nlohmann::ordered_json(EntityExportId(speaker))
                                  : nlohmann::ordered_json(nullptr);
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
  }
  if (tools->facts && tools->time) {
    FactsArticle fa;
    fa.id = article.id;
    fa.text = article.text;
    fa.language = article.language;
    fa.sentences = out.sentences;
    for (size_t i = 0; i < entities.entities.size(); ++i) {
      for (const identity::EntityMention& m : entities.entities[i].mentions) {
        // A demonym ("Iranian general Qassem Soleimani") names a country,
        // not the participant of what the sentence reports.
        if (m.kind == identity::MentionKind::kDemonym) continue;
        fa.mentions.push_back({m.begin, m.end, EntityExportId(global_ids[i])});
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

}  // namespace dossier
