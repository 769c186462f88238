// ArticlePreparer: the per-article part of the analysis — named entities
// (the tagger of the article's language) and their identity within the
// article, then quotes, dates and figures (ArticleStages) — which needs
// nothing but the article, so any number of processes may run it in any
// order. AnalysisPass runs the sequential part over what it prepares:
// identity across articles, same quotes, stories, conflicts.
//
//   Result<std::unique_ptr<ArticlePreparer>> p = ArticlePreparer::Create(nullptr);
//   Result<PreparedArticle> prepared = (*p)->Prepare(article);
//   std::string bytes = PreparedToJson(*prepared);  // to the store, for a clusterer
//
// Invariant: AnalysisPass gives the same findings for an article whether it
// prepared the article itself or was handed PreparedFromJson(PreparedToJson(
// Prepare(article))) by another process.
//
// Thread-safety: NOT thread-safe (holds taggers' segmenters); one per thread.
#ifndef DOSSIER_ENGINE_ARTICLE_PREP_H_
#define DOSSIER_ENGINE_ARTICLE_PREP_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "clean/article.h"
#include "engine/article_stages.h"
#include "entities/article_entities.h"
#include "entities/article_ner.h"
#include "entities/identity_resources.h"
#include "entities/model_registry.h"

namespace dossier {

struct PreparedArticle {
  std::string article_id;
  bool without_model = false;          ///< no entity model for the article's language
  identity::ArticleEntities entities;  ///< within the article
  // Quotes, figures and happenings, entities named by their index in
  // `entities` (ResolveEntityIds gives them global ids). Its `time` and
  // `sentences` are not kept (they are empty after PreparedFromJson).
  ArticleStageOutput stages;
  // The days the text states (not those resting on a guessed anchor): what
  // the story clusterer takes as evidence of which happening it reports.
  std::vector<std::string> dates;
  // For an article without a publication day, what it is known to be
  // written after, at its precision ("2017", "2021-07", "2021-07-22"); ""
  // otherwise (time/article_time.h: PublishedNotBefore).
  std::string estimated_published;
};

class ArticlePreparer {
 public:
  // `resources`: shared identity resources, or null to load them (then
  // owned). Errors: missing resources.
  static Result<std::unique_ptr<ArticlePreparer>> Create(
      const identity::IdentityResources* resources);
  ~ArticlePreparer();

  // The per-article findings of `article`. Errors: a damaged model file of
  // the article's language.
  Result<PreparedArticle> Prepare(const Article& article);

 private:
  ArticlePreparer() = default;
  ner::ArticleNer* NerFor(const std::string& language);

  std::unique_ptr<const identity::IdentityResources> owned_resources_;
  const identity::IdentityResources* resources_ = nullptr;
  ner::ModelRegistry models_;
  // Per language: its NER, or null when dossier has no model for it.
  std::map<std::string, std::unique_ptr<ner::ArticleNer>, std::less<>> ners_;
  std::vector<std::shared_ptr<const ner::NerTagger>> taggers_;  // keeps ners_' taggers alive
  ArticleStages stages_;
};

// One JSON object; PreparedFromJson reads it back (Corruption otherwise).
std::string PreparedToJson(const PreparedArticle& p);
Result<PreparedArticle> PreparedFromJson(const std::string& json);

}  // namespace dossier

#endif  // DOSSIER_ENGINE_ARTICLE_PREP_H_
