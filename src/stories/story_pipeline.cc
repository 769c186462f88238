// Exercised by the bench tools (bench/story_bench.py) and story_pipeline_test.cc.
#include "stories/story_pipeline.h"

#include "entities/article_entities.h"

namespace dossier::stories {

Result<std::unique_ptr<StoryPipeline>> StoryPipeline::Create(const PipelineOptions& options) {
  std::unique_ptr<StoryPipeline> p(new StoryPipeline());
  Result<std::unique_ptr<const identity::IdentityResources>> resources =
      identity::IdentityResources::Load();
  if (!resources.ok()) return resources.status();
  p->resources_ = std::move(*resources);
  p->resolver_ = std::make_unique<identity::EntityResolver>(p->resources_.get());
  if (options.use_lexicon) {
    Result<std::unique_ptr<const PivotLexicon>> lex = PivotLexicon::Load(options.lexicon);
    if (lex.ok()) {
      p->lexicon_ = std::move(*lex);
    } else if (!options.allow_missing_lexicon || lex.status().code() != Status::Code::kNotFound) {
      return lex.status();
    }
  }
  p->builder_ = std::make_unique<DocumentBuilder>(p->lexicon_.get(), options.document);
  p->clusterer_ = std::make_unique<StoryClusterer>(options.clusterer);
  return p;
}

StoryDocument StoryPipeline::Build(const Article& article, const std::vector<std::string>& dates) {
  std::vector<ner::Mention> mentions;
  auto it = ners_.find(article.language);
  if (it == ners_.end()) {
    std::unique_ptr<ner::ArticleNer> ner;
    Result<std::shared_ptr<const ner::NerTagger>> tagger = registry_.Ner(article.language);
    if (tagger.ok()) {
      taggers_[article.language] = *tagger;
      ner = std::make_unique<ner::ArticleNer>(tagger->get(), article.language);
    }
    it = ners_.emplace(article.language, std::move(ner)).first;
  }
  if (it->second != nullptr) mentions = it->second->Find(article.text);
  identity::ArticleEntities entities = identity::FindArticleEntities(
      *resources_, {article.id, article.text, article.language, article.published, &mentions});
  std::vector<uint32_t> ids = resolver_->Add(entities);
  return builder_->Build(article, entities, ids, dates);
}

}  // namespace dossier::stories
