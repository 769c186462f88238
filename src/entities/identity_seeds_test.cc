// The identity stage end to end on the five seed articles of samples/:
// cleaned by the clean stage (ArticleCleaner), tagged by the committed NER
// models (ArticleNer), grouped per article (FindArticleEntities) and linked
// across articles (EntityResolver). The expectations are about these files;
// the rules that meet them are general (article_entities.h,
// entity_resolver.h) and no seed string appears in the library.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "clean/cleaner.h"
#include "entities/article_entities.h"
#include "entities/article_ner.h"
#include "entities/entity_resolver.h"
#include "entities/identity_resources.h"
#include "entities/identity_test_util.h"
#include "entities/model_registry.h"

namespace dossier::identity {
namespace {

namespace fs = std::filesystem;

struct Seed {
  std::string name;  // "000"
  Article article;
  std::vector<ner::Mention> mentions;
};

const std::vector<Seed>& Seeds() {
  static const std::vector<Seed>* seeds = [] {
    auto* out = new std::vector<Seed>;
    std::vector<fs::path> paths;
    for (const fs::directory_entry& e :
         fs::directory_iterator(fs::path(DOSSIER_SOURCE_DIR) / "samples")) {
      if (e.path().extension() == ".txt") paths.push_back(e.path());
    }
    std::sort(paths.begin(), paths.end());
    ArticleCleaner cleaner;
    ner::ModelRegistry registry;
    for (const fs::path& p : paths) {
      std::ifstream in(p, std::ios::binary);
      std::ostringstream body;
      body << in.rdbuf();
      RawRecord record;
      record.path = p.string();
      record.body = body.str();
      Result<Article> a = cleaner.Clean(record);
      EXPECT_TRUE(a.ok()) << a.status().ToString();
      if (!a.ok()) continue;
      const std::string lang = a->language.empty() ? "en" : a->language;
      Result<std::shared_ptr<const ner::NerTagger>> tagger = registry.Ner(lang);
      EXPECT_TRUE(tagger.ok()) << tagger.status().ToString();
      if (!tagger.ok()) continue;
      ner::ArticleNer ner(tagger->get(), lang);
      Seed s;
      s.name = p.filename().string().substr(0, 3);
      s.mentions = ner.Find(a->text);
      s.article = std::move(*a);
      out->push_back(std::move(s));
    }
    return out;
  }();
  return *seeds;
}

ArticleEntities Entities(const Seed& s) {
  return FindArticleEntities(testing::Resources(), {s.name, s.article.text, s.article.language,
                                                    s.article.published, &s.mentions});
}

struct SeedResolution {
  EntityResolver resolver{&testing::Resources()};
  std::vector<ArticleEntities> articles;
  std::vector<std::vector<uint32_t>> ids;
};

const SeedResolution& ResolvedSeeds() {
  static const SeedResolution* r = [] {
    auto* out = new SeedResolution;
    for (const Seed& s : Seeds()) {
      out->articles.push_back(Entities(s));
      out->ids.push_back(out->resolver.Add(out->articles.back()));
    }
    return out;
  }();
  return *r;
}

// The global ids of the article entities of seed `seed` that have `variant`
// among their names.
std::vector<uint32_t> IdsWith(const std::string& seed, const std::string& variant) {
  const SeedResolution& r = ResolvedSeeds();
  std::vector<uint32_t> out;
  for (size_t a = 0; a < r.articles.size(); ++a) {
    if (Seeds()[a].name != seed) continue;
    const std::vector<ArticleEntity>& e = r.articles[a].entities;
    for (size_t i = 0; i < e.size(); ++i) {
      for (const NameVariant& v : e[i].variants) {
        if (v.text == variant) out.push_back(r.ids[a][i]);
      }
    }
  }
  return out;
}

// The one global id holding `variant` in `seed`.
uint32_t Id(const std::string& seed, const std::string& variant) {
  std::vector<uint32_t> ids = IdsWith(seed, variant);
  EXPECT_EQ(ids.size(), 1u) << seed << ": " << variant;
  return ids.empty() ? UINT32_MAX : ids[0];
}

bool HasVariant(const GlobalEntity& g, const std::string& text) {
  for (const NameVariant& v : g.variants) {
    if (v.text == text) return true;
  }
  return false;
}

TEST(IdentitySeeds, ResolvedAcrossArticles) {
  ASSERT_EQ(Seeds().size(), 5u);
  const SeedResolution& r = ResolvedSeeds();
  SCOPED_TRACE(r.resolver.Dump());

  // One man: Kazimi / Kadhemi / Kadhimi across 000, 001, 003, 004.
  const uint32_t kazimi = Id("000", "Moustafa al-Kazimi");
  EXPECT_EQ(Id("000", "Mustafa al-Kazimi"), kazimi);
  EXPECT_EQ(Id("001", "Mustafa al-Kadhemi"), kazimi);
  EXPECT_EQ(Id("001", "Al-Kadhemi"), kazimi);
  EXPECT_EQ(Id("001", "al-Kadhimi"), kazimi);
  EXPECT_EQ(Id("003", "Mustafa al-Kadhimi"), kazimi);
  EXPECT_EQ(Id("003", "Kadhimi"), kazimi);
  EXPECT_EQ(Id("004", "Moustafa al-Kazimi"), kazimi);
  const GlobalEntity& k = r.resolver.entity(kazimi);
  EXPECT_EQ(k.type, ner::EntityType::kPer);
  EXPECT_EQ(k.article_count, 4u);
  bool prime_minister = false;
  for (const GlobalRole& role : k.roles) {
    prime_minister = prime_minister ||
                     (role.role.canonical == "prime-minister" && role.role.country == "country:IQ");
  }
  EXPECT_TRUE(prime_minister);

  // Macron, with the typo.
  const uint32_t macron = Id("000", "Emmanuel Macron");
  EXPECT_EQ(Id("001", "Emmanual Macron"), macron);
  EXPECT_EQ(Id("001", "Macron"), macron);
  EXPECT_EQ(Id("002", "Emmanuel Macron"), macron);
  EXPECT_EQ(r.resolver.entity(macron).name, "Emmanuel Macron");

  // One organisation: IS, ISIS, Daesh, EI, Etat islamique, Islamic State.
  const uint32_t is = Id("000", "Islamic State");
  EXPECT_EQ(Id("001", "Daesh"), is);
  EXPECT_EQ(Id("002", "ISIS"), is);
  EXPECT_EQ(Id("003", "IS"), is);
  EXPECT_EQ(Id("004", "Etat islamique"), is);
  const GlobalEntity& org = r.resolver.entity(is);
  EXPECT_EQ(org.type, ner::EntityType::kOrg);
  for (const char* v : {"IS", "ISIS", "Daesh", "EI", "Etat islamique", "Islamic State"}) {
    EXPECT_TRUE(HasVariant(org, v)) << v;
  }

  // Iraq / Irak: one place.
  const uint32_t iraq = Id("000", "Iraq");
  EXPECT_EQ(Id("004", "Irak"), iraq);
  EXPECT_EQ(r.resolver.entity(iraq).type, ner::EntityType::kLoc);
  EXPECT_EQ(r.resolver.entity(iraq).alias_id, "country:IQ");

  // Soleimani is one man; al-Araji is another; so are the two Husseins.
  const uint32_t soleimani = Id("001", "Qassem Soleimani");
  EXPECT_EQ(Id("002", "Qasem Soleimani"), soleimani);
  EXPECT_EQ(Id("003", "Qasem Soleimani"), soleimani);
  EXPECT_NE(Id("004", "Qassem al-Araji"), soleimani);
  EXPECT_NE(Id("002", "Fuad Hussein"), Id("001", "Saddam Hussein"));
  EXPECT_EQ(Id("003", "Barham Salih"), Id("000", "Barham Saleh"));
}

TEST(IdentitySeeds, WithinArticles) {
  const SeedResolution& r = ResolvedSeeds();
  auto entity = [&](const std::string& seed, const std::string& name) -> const ArticleEntity* {
    for (size_t a = 0; a < r.articles.size(); ++a) {
      if (Seeds()[a].name != seed) continue;
      for (const ArticleEntity& e : r.articles[a].entities) {
        if (e.name == name) return &e;
      }
    }
    return nullptr;
  };
  auto count = [](const ArticleEntity* e, MentionKind kind) {
    size_t n = 0;
    for (const EntityMention& m : e->mentions) n += m.kind == kind ? 1 : 0;
    return n;
  };
  const ArticleEntity* macron = entity("000", "Emmanuel Macron");
  ASSERT_NE(macron, nullptr);
  EXPECT_GE(count(macron, MentionKind::kRole), 2u);  // "the French president", "the head of state"
  const ArticleEntity* kazimi = entity("004", "Moustafa al-Kazimi");
  ASSERT_NE(kazimi, nullptr);
  EXPECT_EQ(count(kazimi, MentionKind::kShortForm), 1u);  // "M. al-Kazimi"
  const ArticleEntity* le_drian = entity("002", "Jean-Yves Le Drian");
  ASSERT_NE(le_drian, nullptr);
  EXPECT_EQ(count(le_drian, MentionKind::kShortForm), 3u);  // "Le Drian", tagged ORG
  const ArticleEntity* austin = entity("004", "Lloyd Austin");
  ASSERT_NE(austin, nullptr);
  ASSERT_FALSE(austin->roles.empty());
  EXPECT_EQ(austin->roles[0].canonical, "defense-minister");
  const ArticleEntity* us = entity("004", "Etats-Unis");
  ASSERT_NE(us, nullptr);
  EXPECT_GE(count(us, MentionKind::kDemonym), 3u);  // "américaine", "américains", ...
}

}  // namespace
}  // namespace dossier::identity
