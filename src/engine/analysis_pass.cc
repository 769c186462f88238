// Tested by engine_test.cc (AnalysisPass*) and tests/cli_test.cc.
#include "engine/analysis_pass.h"

#include <map>
#include <set>
#include <utility>
#include <vector>

#include "entities/article_entities.h"
#include "entities/article_ner.h"
#include "entities/entity_resolver.h"
#include "entities/identity_resources.h"
#include "entities/model_registry.h"

namespace dossier {
namespace {

// The name of the resolver's state in the store.
constexpr char kResolverState[] = "entity-resolver";

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
  Store* store = nullptr;
  AnalysisOptions options;
  ProgressCallback on_progress;
  ner::ModelRegistry models;
  std::unique_ptr<const identity::IdentityResources> resources;
  std::unique_ptr<identity::EntityResolver> resolver;
  // Per language: its NER (segmenter and tagger), or null when dossier has
  // no model for it.
  std::map<std::string, std::unique_ptr<ner::ArticleNer>, std::less<>> ners;
  std::vector<std::shared_ptr<const ner::NerTagger>> taggers;  // keeps ners' taggers alive

  FindingsBatch batch;
  std::set<uint32_t> touched;  // entities the batch changed
  AnalysisReport report;

  ner::ArticleNer* NerFor(const std::string& language);
  void Analyze(const Article& article);
  Status Flush();
};

ner::ArticleNer* AnalysisPass::Impl::NerFor(const std::string& language) {
  auto it = ners.find(language);
  if (it != ners.end()) return it->second.get();
  std::unique_ptr<ner::ArticleNer> ner;
  if (!language.empty()) {
    Result<std::shared_ptr<const ner::NerTagger>> tagger = models.Ner(language);
    if (tagger.ok()) {
      taggers.push_back(*tagger);
      ner = std::make_unique<ner::ArticleNer>(tagger->get(), language);
    }
  }
  return ners.emplace(language, std::move(ner)).first->second.get();
}

void AnalysisPass::Impl::Analyze(const Article& article) {
  ArticleFindings findings;
  findings.article_id = article.id;
  ++report.articles;
  ner::ArticleNer* ner = NerFor(article.language);
  if (ner == nullptr) {
    ++report.without_model;
    // The resolver still counts the article, so its statistics (how rare
    // an entity is) are over all articles.
    resolver->Add(identity::ArticleEntities{article.id, article.language, article.published, {}});
    batch.articles.push_back(std::move(findings));
    return;
  }
  const std::vector<ner::Mention> mentions = ner->Find(article.text);
  const identity::ArticleEntities entities = identity::FindArticleEntities(
      *resources, {article.id, article.text, article.language, article.published, &mentions});
  const std::vector<uint32_t> ids = resolver->Add(entities);
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
}

Status AnalysisPass::Impl::Flush() {
  if (batch.articles.empty()) return Status::OK();
  for (uint32_t id : touched) batch.entities.push_back(ToRecord(resolver->entity(id)));
  batch.states.emplace_back(kResolverState, resolver->SaveState());
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
    impl.Analyze(*article);
    --left;
    if (impl.batch.articles.size() >= impl.options.batch_size) {
      DOSSIER_RETURN_IF_ERROR(impl.Flush());
      if (impl.on_progress) impl.on_progress(impl.report, left);
    }
  }
  DOSSIER_RETURN_IF_ERROR(impl.Flush());
  impl.report.entities = impl.resolver->size();
  if (impl.on_progress) impl.on_progress(impl.report, 0);
  return impl.report;
}

}  // namespace dossier
