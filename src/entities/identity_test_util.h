// Helpers shared by the identity tests: the default resources, loaded once,
// and articles whose mentions are written by hand (as a tagger would find
// them), so the tests do not depend on a NER model.
#ifndef DOSSIER_ENTITIES_IDENTITY_TEST_UTIL_H_
#define DOSSIER_ENTITIES_IDENTITY_TEST_UTIL_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "entities/article_entities.h"
#include "entities/identity_resources.h"

namespace dossier::identity::testing {

inline const IdentityResources& Resources() {
  static const IdentityResources* r = [] {
    Result<std::unique_ptr<const IdentityResources>> loaded = IdentityResources::Load();
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return loaded.ok() ? std::move(*loaded).release() : nullptr;
  }();
  return *r;
}

// The entity types, short, for the mention lists of test articles.
inline constexpr ner::EntityType kPer = ner::EntityType::kPer;
inline constexpr ner::EntityType kOrg = ner::EntityType::kOrg;
inline constexpr ner::EntityType kLoc = ner::EntityType::kLoc;
inline constexpr ner::EntityType kMisc = ner::EntityType::kMisc;

// An article and its mentions given as {surface text, type}: each surface
// is found in the text after the previous one.
struct TestArticle {
  std::string id, text, language, published;
  std::vector<ner::Mention> mentions;

  TestArticle(std::string id_, std::string text_, std::string language_, std::string published_,
              const std::vector<std::pair<std::string, ner::EntityType>>& surfaces)
      : id(std::move(id_)),
        text(std::move(text_)),
        language(std::move(language_)),
        published(std::move(published_)) {
    size_t from = 0;
    for (const auto& [surface, type] : surfaces) {
      size_t at = text.find(surface, from);
      EXPECT_NE(at, std::string::npos) << surface;
      if (at == std::string::npos) continue;
      ner::Mention m;
      m.begin = static_cast<uint32_t>(at);
      m.end = static_cast<uint32_t>(at + surface.size());
      m.type = type;
      m.score = 0.9f;
      mentions.push_back(m);
      from = at + surface.size();
    }
  }

  ArticleEntities Entities() const {
    return FindArticleEntities(Resources(), {id, text, language, published, &mentions});
  }
};

// The entity whose best name is `name`, or null.
inline const ArticleEntity* FindEntity(const ArticleEntities& e, const std::string& name) {
  for (const ArticleEntity& x : e.entities) {
    if (x.name == name) return &x;
  }
  return nullptr;
}

inline size_t CountKind(const ArticleEntity& e, MentionKind kind) {
  size_t n = 0;
  for (const EntityMention& m : e.mentions) n += m.kind == kind ? 1 : 0;
  return n;
}

}  // namespace dossier::identity::testing

#endif  // DOSSIER_ENTITIES_IDENTITY_TEST_UTIL_H_
