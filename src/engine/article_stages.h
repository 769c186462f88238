// ArticleStages: the per-article stages that follow the entities — quotes,
// time and figures — run over one article with its entities, and their
// findings as export objects (docs/export.schema.json).
//
//   ArticleStages stages;
//   ArticleStageOutput out = stages.Run(article, entities);  // per article, pure
//   ResolveEntityIds(global_ids, &out);                      // after the resolver
//   for (const FindingRow& row : out.rows) batch.rows.push_back(row);
//   all_facts.push_back(std::move(out.facts));  // for FindConflicts
//
// Run() needs only the article and its own entities, so it can run anywhere
// (the scale-out workers run it); its output names entities by their index
// in `entities` until ResolveEntityIds() gives them their global ids, which
// yields exactly what running the stages with the global ids would.
//
// Tools are created per language on first use; a language without a tool
// gets no findings of that kind (quotes, time and figures exist for English
// and French). Quotes use the learned attribution model of the language
// (models/quotes-<lang>.bin, found like the NER models) when there is one,
// else the rules alone.
//
// Thread-safety: not thread-safe (holds segmenters); one per thread.
#ifndef DOSSIER_ENGINE_ARTICLE_STAGES_H_
#define DOSSIER_ENGINE_ARTICLE_STAGES_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "clean/article.h"
#include "entities/article_entities.h"
#include "facts/claims.h"
#include "store/findings.h"
#include "time/article_time.h"

namespace dossier {

struct ArticleStageOutput {
  std::vector<FindingRow> rows;  ///< "quotes" and "figures" rows
  ArticleFacts facts;            ///< figures and happenings, for conflicts
  ArticleTime time;
  std::vector<TextSpan> sentences;
  // The quotes' speaker entity (global id, -1 when none; before
  // ResolveEntityIds its index in the article's entities) and normalised
  // text, for telling the same quote in other articles.
  struct QuoteKey {
    std::string id;
    int64_t speaker = -1;
    std::string text;
  };
  std::vector<QuoteKey> quotes;
};

class ArticleStages {
 public:
  ArticleStages();
  ~ArticleStages();
  ArticleStages(const ArticleStages&) = delete;
  ArticleStages& operator=(const ArticleStages&) = delete;

  // The stages over one article; entities are named by their index in
  // `entities` (see ResolveEntityIds).
  ArticleStageOutput Run(const Article& article, const identity::ArticleEntities& entities);

  // The first error met loading a language's tools (a damaged model file);
  // OK otherwise. A missing model or lexicon is not an error.
  const Status& status() const { return status_; }

 private:
  struct Tools;
  Tools* ToolsFor(const std::string& language);
  std::map<std::string, std::unique_ptr<Tools>, std::less<>> tools_;
  Status status_;
};

// Gives the entities of `out` (from ArticleStages::Run) their global ids:
// `global_ids[i]` is the global entity id of entities.entities[i]. The result
// is what the stages give when they see the global ids: figures and
// happenings keyed by the same global entity are merged as the facts stage
// merges them.
void ResolveEntityIds(const std::vector<uint32_t>& global_ids, ArticleStageOutput* out);

// The private findings collection of each article's dated sentences, one
// row per article (id = the article id); engine/timeline.h reads it.
inline constexpr std::string_view kHappenings = "happenings";

// The export id of a quote and a figure: "Q<article>-<n>", "F<article>-<n>".
std::string QuoteId(const std::string& article_id, size_t n);
std::string FigureId(const std::string& article_id, size_t n);

}  // namespace dossier

#endif  // DOSSIER_ENGINE_ARTICLE_STAGES_H_
