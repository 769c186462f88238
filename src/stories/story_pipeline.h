// StoryPipeline: the chain a tool needs to turn raw articles into story
// assignments without the store: NER (committed models), within-article
// entities, the cross-article EntityResolver, the DocumentBuilder and the
// StoryClusterer. The engine will call the same pieces itself; this exists
// for the bench tools and tests.
//
//   Result<std::unique_ptr<StoryPipeline>> p = StoryPipeline::Create(options);
//   Result<StoryDocument> d = (*p)->Build(article, dates);
//   Assignment a = (*p)->clusterer().Add(*d);
//
// Languages without an NER model get no entities (terms, numbers and dates
// still count). A missing lexicon is an error unless allow_missing_lexicon.
//
// Thread-safety: not thread-safe.
#ifndef DOSSIER_STORIES_STORY_PIPELINE_H_
#define DOSSIER_STORIES_STORY_PIPELINE_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "clean/article.h"
#include "entities/article_ner.h"
#include "entities/entity_resolver.h"
#include "entities/identity_resources.h"
#include "entities/model_registry.h"
#include "stories/document_builder.h"
#include "stories/pivot_lexicon.h"
#include "stories/story_clusterer.h"

namespace dossier::stories {

struct PipelineOptions {
  ClustererOptions clusterer;
  DocumentOptions document;
  LexiconOptions lexicon;
  bool use_lexicon = true;             ///< false: no pivot mapping at all
  bool allow_missing_lexicon = false;  ///< true: degrade to no lexicon when not installed
};

// Sets an option from text as SetClustererOption does; "document.lead_decay"
// (a number >= 0) sets the DocumentBuilder's. For tools and tuning.
Status SetPipelineOption(PipelineOptions* options, std::string_view name, std::string_view value);

class StoryPipeline {
 public:
  static Result<std::unique_ptr<StoryPipeline>> Create(const PipelineOptions& options);

  // The article's StoryDocument (entities resolved against all articles
  // built so far). `dates`: ISO dates the text mentions.
  StoryDocument Build(const Article& article, const std::vector<std::string>& dates = {});

  StoryClusterer& clusterer() { return *clusterer_; }
  const PivotLexicon* lexicon() const { return lexicon_.get(); }

 private:
  StoryPipeline() = default;
  ner::ModelRegistry registry_;
  std::unique_ptr<const identity::IdentityResources> resources_;
  std::unique_ptr<identity::EntityResolver> resolver_;
  std::unique_ptr<const PivotLexicon> lexicon_;
  std::unique_ptr<DocumentBuilder> builder_;
  std::unique_ptr<StoryClusterer> clusterer_;
  std::map<std::string, std::shared_ptr<const ner::NerTagger>> taggers_;
  std::map<std::string, std::unique_ptr<ner::ArticleNer>> ners_;
};

}  // namespace dossier::stories

#endif  // DOSSIER_STORIES_STORY_PIPELINE_H_
