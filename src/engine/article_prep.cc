// Tested by engine_test.cc (ArticlePrep*, AnalysisPass*) and tests/scale_out_test.cc.
#include "engine/article_prep.h"

#include <exception>
#include <utility>

#include <nlohmann/json.hpp>

#include "engine/claims_json.h"
#include "stories/story_document.h"
#include "time/time_value.h"

namespace dossier {
namespace {

using PrepJson = nlohmann::json;

PrepJson EntitiesJson(const identity::ArticleEntities& e) {
  PrepJson j;
  j["article_id"] = e.article_id;
  j["language"] = e.language;
  j["published"] = e.published;
  j["entities"] = PrepJson::array();
  for (const identity::ArticleEntity& x : e.entities) {
    PrepJson v = PrepJson::array(), m = PrepJson::array(), r = PrepJson::array();
    for (const identity::NameVariant& n : x.variants) v.push_back({n.text, n.count});
    for (const identity::EntityMention& k : x.mentions) {
      m.push_back({k.begin, k.end, static_cast<int>(k.kind)});
    }
    for (const identity::EntityRole& k : x.roles) {
      r.push_back({k.canonical, k.role_class, k.country, k.text, k.date, k.begin, k.end});
    }
    j["entities"].push_back({{"type", static_cast<int>(x.type)},
                             {"name", x.name},
                             {"alias_id", x.alias_id},
                             {"capital_of", x.capital_of},
                             {"variants", std::move(v)},
                             {"mentions", std::move(m)},
                             {"roles", std::move(r)}});
  }
  return j;
}

identity::ArticleEntities EntitiesFrom(const PrepJson& j) {
  identity::ArticleEntities e;
  e.article_id = j.at("article_id");
  e.language = j.at("language");
  e.published = j.at("published");
  for (const PrepJson& x : j.at("entities")) {
    identity::ArticleEntity a;
    a.type = static_cast<ner::EntityType>(x.at("type").get<int>());
    a.name = x.at("name");
    a.alias_id = x.at("alias_id");
    a.capital_of = x.at("capital_of");
    for (const PrepJson& v : x.at("variants")) a.variants.push_back({v.at(0), v.at(1)});
    for (const PrepJson& m : x.at("mentions")) {
      a.mentions.push_back(
          {m.at(0), m.at(1), static_cast<identity::MentionKind>(m.at(2).get<int>())});
    }
    for (const PrepJson& r : x.at("roles")) {
      a.roles.push_back({r.at(0), r.at(1), r.at(2), r.at(3), r.at(4), r.at(5), r.at(6)});
    }
    e.entities.push_back(std::move(a));
  }
  return e;
}

}  // namespace

ArticlePreparer::~ArticlePreparer() = default;

Result<std::unique_ptr<ArticlePreparer>> ArticlePreparer::Create(
    const identity::IdentityResources* resources) {
  std::unique_ptr<ArticlePreparer> p(new ArticlePreparer());
  if (resources == nullptr) {
    Result<std::unique_ptr<const identity::IdentityResources>> loaded =
        identity::IdentityResources::Load();
    if (!loaded.ok()) return loaded.status();
    p->owned_resources_ = std::move(*loaded);
    resources = p->owned_resources_.get();
  }
  p->resources_ = resources;
  return p;
}

ner::ArticleNer* ArticlePreparer::NerFor(const std::string& language) {
  auto it = ners_.find(language);
  if (it != ners_.end()) return it->second.get();
  std::unique_ptr<ner::ArticleNer> ner;
  if (!language.empty()) {
    Result<std::shared_ptr<const ner::NerTagger>> tagger = models_.Ner(language);
    if (tagger.ok()) {
      taggers_.push_back(*tagger);
      ner = std::make_unique<ner::ArticleNer>(tagger->get(), language);
    }
  }
  return ners_.emplace(language, std::move(ner)).first->second.get();
}

Result<PreparedArticle> ArticlePreparer::Prepare(const Article& article) {
  PreparedArticle p;
  p.article_id = article.id;
  ner::ArticleNer* ner = NerFor(article.language);
  // Without a model the article has no entities, but the resolver still
  // counts it (how rare an entity is, is over all articles) and the later
  // stages still run.
  std::vector<ner::Mention> mentions;
  if (ner == nullptr) {
    p.without_model = true;
  } else {
    mentions = ner->Find(article.text);
  }
  p.entities = identity::FindArticleEntities(
      *resources_, {article.id, article.text, article.language, article.published, &mentions});
  p.stages = stages_.Run(article, p.entities);
  if (!stages_.status().ok()) return stages_.status();
  for (const TemporalExpression& t : p.stages.time.expressions) {
    if (t.precision == Precision::kDay && !t.anchor_estimated) p.dates.push_back(t.value);
  }
  // An article without a publication day stays undated for the clusterer:
  // the day the time stage estimates is a lower bound (the latest date the
  // text mentions) that can be months early, and a wrong day splits a
  // storyline where no day only drops the time evidence. The bound, or a
  // publication month, still helps date its event (engine/event_dates.h).
  p.estimated_published = PublishedNotBefore(p.stages.time.anchor);
  return p;
}

std::string PreparedToJson(const PreparedArticle& p) {
  PrepJson j;
  j["v"] = 1;
  j["article_id"] = p.article_id;
  j["without_model"] = p.without_model;
  j["entities"] = EntitiesJson(p.entities);
  j["rows"] = PrepJson::array();
  for (const FindingRow& r : p.stages.rows) {
    j["rows"].push_back({r.collection, r.id, r.article_id, r.json});
  }
  j["quotes"] = PrepJson::array();
  for (const ArticleStageOutput::QuoteKey& q : p.stages.quotes) {
    j["quotes"].push_back({q.id, q.speaker, q.text});
  }
  j["claims"] = ClaimsToJson(p.stages.facts);
  j["dates"] = p.dates;
  j["estimated_published"] = p.estimated_published;
  return j.dump(-1, ' ', false, PrepJson::error_handler_t::replace);
}

Result<PreparedArticle> PreparedFromJson(const std::string& json) {
  try {
    const PrepJson j = PrepJson::parse(json);
    if (j.at("v").get<int>() != 1) return Status::Corruption("prepared article: unknown version");
    PreparedArticle p;
    p.article_id = j.at("article_id");
    p.without_model = j.at("without_model");
    p.entities = EntitiesFrom(j.at("entities"));
    for (const PrepJson& r : j.at("rows")) {
      p.stages.rows.push_back({r.at(0), r.at(1), r.at(2), r.at(3)});
    }
    for (const PrepJson& q : j.at("quotes")) {
      p.stages.quotes.push_back({q.at(0), q.at(1), q.at(2)});
    }
    Result<ArticleFacts> facts = ClaimsFromJson(j.at("claims"));
    if (!facts.ok()) return facts.status();
    p.stages.facts = std::move(*facts);
    p.dates = j.at("dates").get<std::vector<std::string>>();
    p.estimated_published = j.at("estimated_published");
    return p;
  } catch (const std::exception& e) {
    return Status::Corruption(std::string("prepared article: ") + e.what());
  }
}

}  // namespace dossier
