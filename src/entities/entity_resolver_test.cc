#include "entities/entity_resolver.h"

#include <gtest/gtest.h>

#include "entities/identity_test_util.h"

namespace dossier::identity {
namespace {

using ner::EntityType;
using testing::TestArticle;

using testing::kLoc;
using testing::kOrg;
using testing::kPer;

// Articles on one storyline, in two languages, plus unrelated ones.
std::vector<TestArticle> Corpus() {
  std::vector<TestArticle> c;
  c.emplace_back("a1",
                 "Iraqi Prime Minister Moustafa al-Kazimi met French President Emmanuel Macron "
                 "in Baghdad, where the Islamic State (IS) group is still a threat to Iraq.",
                 "en", "2020-09-02",
                 std::vector<std::pair<std::string, EntityType>>{{"Moustafa al-Kazimi", kPer},
                                                                 {"Emmanuel Macron", kPer},
                                                                 {"Baghdad", kLoc},
                                                                 {"Islamic State", kOrg},
                                                                 {"Iraq", kLoc}});
  c.emplace_back("a2",
                 "Mustafa al-Kadhemi spoke with Emmanual Macron about Iraq and Daesh in Baghdad.",
                 "en", "2021-08-28",
                 std::vector<std::pair<std::string, EntityType>>{{"Mustafa al-Kadhemi", kPer},
                                                                 {"Emmanual Macron", kPer},
                                                                 {"Iraq", kLoc},
                                                                 {"Daesh", kPer},
                                                                 {"Baghdad", kLoc}});
  c.emplace_back(
      "a3", "Kadhimi said Iraq and France would fight Daesh together; Baghdad welcomed it.", "en",
      "2021-09-01",
      std::vector<std::pair<std::string, EntityType>>{
          {"Kadhimi", kPer}, {"Iraq", kLoc}, {"France", kLoc}, {"Daesh", kOrg}, {"Baghdad", kLoc}});
  c.emplace_back("a4", "Kadhimi won the tennis final in Madrid against Rafael Nadal.", "en",
                 "2021-09-02",
                 std::vector<std::pair<std::string, EntityType>>{
                     {"Kadhimi", kPer}, {"Madrid", kLoc}, {"Rafael Nadal", kPer}});
  c.emplace_back("a5",
                 "Le Premier ministre irakien Moustafa al-Kazimi a reçu à Bagdad le chef de "
                 "l'Etat islamique (EI) ? Non : il a parlé de l'Irak.",
                 "fr", "2021-07-22",
                 std::vector<std::pair<std::string, EntityType>>{{"Moustafa al-Kazimi", kPer},
                                                                 {"Bagdad", kLoc},
                                                                 {"Etat islamique", kOrg},
                                                                 {"Irak", kLoc}});
  c.emplace_back(
      "a6", "Saddam Hussein ruled Iraq until 2003.", "en", "2019-01-01",
      std::vector<std::pair<std::string, EntityType>>{{"Saddam Hussein", kPer}, {"Iraq", kLoc}});
  c.emplace_back(
      "a7", "Foreign minister Fuad Hussein visited Iraq's north.", "en", "2020-10-01",
      std::vector<std::pair<std::string, EntityType>>{{"Fuad Hussein", kPer}, {"Iraq", kLoc}});
  c.emplace_back("a8", "Qassem al-Araji met Qassem Soleimani's successor in Baghdad.", "fr",
                 "2021-07-22",
                 std::vector<std::pair<std::string, EntityType>>{
                     {"Qassem al-Araji", kPer}, {"Qassem Soleimani", kPer}, {"Baghdad", kLoc}});
  return c;
}

struct Resolved {
  EntityResolver resolver{&testing::Resources()};
  std::vector<std::vector<uint32_t>> ids;  // per article
  std::vector<ArticleEntities> entities;
};

void Resolve(Resolved* r) {
  for (const TestArticle& a : Corpus()) {
    r->entities.push_back(a.Entities());
    r->ids.push_back(r->resolver.Add(r->entities.back()));
  }
}

// The global id of the entity named `name` in article `article`.
uint32_t IdOf(const Resolved& r, size_t article, const std::string& name) {
  const std::vector<ArticleEntity>& e = r.entities[article].entities;
  for (size_t i = 0; i < e.size(); ++i) {
    if (e[i].name == name) return r.ids[article][i];
  }
  ADD_FAILURE() << "no entity " << name << " in article " << article << "\n"
                << DumpArticleEntities(r.entities[article]);
  return UINT32_MAX;
}

TEST(EntityResolver, LinksOnEvidenceOnly) {
  Resolved r;
  Resolve(&r);
  SCOPED_TRACE(r.resolver.Dump());
  const uint32_t kazimi = IdOf(r, 0, "Moustafa al-Kazimi");
  EXPECT_EQ(IdOf(r, 1, "Mustafa al-Kadhemi"), kazimi);  // full-name variant
  EXPECT_EQ(IdOf(r, 2, "Kadhimi"), kazimi);             // short form, context: Iraq, Baghdad
  EXPECT_NE(IdOf(r, 3, "Kadhimi"), kazimi);             // short form, no shared context
  EXPECT_EQ(IdOf(r, 4, "Moustafa al-Kazimi"), kazimi);  // French article
  EXPECT_EQ(IdOf(r, 1, "Emmanual Macron"), IdOf(r, 0, "Emmanuel Macron"));
  const uint32_t is = IdOf(r, 0, "Islamic State");
  EXPECT_EQ(IdOf(r, 1, "Daesh"), is);
  EXPECT_EQ(IdOf(r, 2, "Daesh"), is);
  EXPECT_EQ(IdOf(r, 4, "Etat islamique"), is);
  EXPECT_EQ(IdOf(r, 4, "Irak"), IdOf(r, 0, "Iraq"));
  EXPECT_EQ(IdOf(r, 4, "Bagdad"), IdOf(r, 0, "Baghdad"));
  EXPECT_NE(IdOf(r, 5, "Saddam Hussein"), IdOf(r, 6, "Fuad Hussein"));
  EXPECT_NE(IdOf(r, 7, "Qassem al-Araji"), IdOf(r, 7, "Qassem Soleimani"));

  const GlobalEntity& g = r.resolver.entity(kazimi);
  EXPECT_EQ(g.type, kPer);
  EXPECT_EQ(g.id, kazimi);
  EXPECT_EQ(g.name, "Moustafa al-Kazimi");  // the most frequent full name
  EXPECT_EQ(g.article_count, 4u);
  uint32_t kazimi_count = 0;
  for (const NameVariant& v : g.variants) {
    if (v.text == "Moustafa al-Kazimi") kazimi_count = v.count;
  }
  EXPECT_EQ(kazimi_count, 2u);
  ASSERT_FALSE(g.mentions.empty());
  EXPECT_EQ(r.resolver.article_ids()[g.mentions.front().article], "a1");
  bool dated_role = false;
  for (const GlobalRole& role : g.roles) {
    dated_role =
        dated_role || (role.role.canonical == "prime-minister" &&
                       role.role.country == "country:IQ" && role.role.date == "2021-07-22");
  }
  EXPECT_TRUE(dated_role);
  EXPECT_EQ(r.resolver.entity(is).alias_id, "islamic-state");
  EXPECT_EQ(r.resolver.entity(is).type, kOrg);
}

// Two people of one family share their family name and their context; their
// full names tell them apart. The name shown is the full name most used.
TEST(EntityResolver, FullNamesTellAFamilyApart) {
  std::vector<TestArticle> c;
  c.emplace_back("c1",
                 "Hillary Clinton campaigned in Iowa with the Democratic Party. Clinton said "
                 "she would win.",
                 "en", "2016-01-10",
                 std::vector<std::pair<std::string, EntityType>>{{"Hillary Clinton", kPer},
                                                                 {"Iowa", kLoc},
                                                                 {"Democratic Party", kOrg},
                                                                 {"Clinton", kPer}});
  c.emplace_back(
      "c2",
      "Bill Clinton campaigned in Iowa with the Democratic Party. Clinton said his "
      "wife would win.",
      "en", "2016-01-11",
      std::vector<std::pair<std::string, EntityType>>{
          {"Bill Clinton", kPer}, {"Iowa", kLoc}, {"Democratic Party", kOrg}, {"Clinton", kPer}});
  c.emplace_back("c3", "Hillary Rodham Clinton spoke in Iowa for the Democratic Party.", "en",
                 "2016-01-12",
                 std::vector<std::pair<std::string, EntityType>>{
                     {"Hillary Rodham Clinton", kPer}, {"Iowa", kLoc}, {"Democratic Party", kOrg}});
  c.emplace_back(
      "c4", "Hillary Clinton spoke in Iowa.", "en", "2016-01-13",
      std::vector<std::pair<std::string, EntityType>>{{"Hillary Clinton", kPer}, {"Iowa", kLoc}});
  Resolved r;
  for (const TestArticle& a : c) {
    r.entities.push_back(a.Entities());
    r.ids.push_back(r.resolver.Add(r.entities.back()));
  }
  SCOPED_TRACE(r.resolver.Dump());
  const uint32_t hillary = IdOf(r, 0, "Hillary Clinton");
  EXPECT_NE(IdOf(r, 1, "Bill Clinton"), hillary);
  EXPECT_EQ(IdOf(r, 2, "Hillary Rodham Clinton"), hillary);
  EXPECT_EQ(IdOf(r, 3, "Hillary Clinton"), hillary);
  // Not the longest name: the full name most articles use.
  EXPECT_EQ(r.resolver.entity(hillary).name, "Hillary Clinton");
}

TEST(EntityResolver, DeterministicForAnInputOrder) {
  Resolved a, b;
  Resolve(&a);
  Resolve(&b);
  EXPECT_EQ(a.resolver.Dump(), b.resolver.Dump());
  EXPECT_EQ(a.ids, b.ids);
  for (uint32_t id = 0; id < a.resolver.size(); ++id) EXPECT_EQ(a.resolver.entity(id).id, id);
}

TEST(EntityResolver, TimeWindowBoundsWeakLinks) {
  ResolverOptions options;
  options.time_window_days = 10;
  EntityResolver resolver(&testing::Resources(), options);
  std::vector<TestArticle> c = Corpus();
  std::vector<uint32_t> first = resolver.Add(c[0].Entities());  // 2020-09-02
  std::vector<uint32_t> third = resolver.Add(c[2].Entities());  // 2021-09-01: a year later
  ArticleEntities e0 = c[0].Entities(), e2 = c[2].Entities();
  uint32_t kazimi = UINT32_MAX, kadhimi = UINT32_MAX;
  for (size_t i = 0; i < e0.entities.size(); ++i) {
    if (e0.entities[i].name == "Moustafa al-Kazimi") kazimi = first[i];
  }
  for (size_t i = 0; i < e2.entities.size(); ++i) {
    if (e2.entities[i].name == "Kadhimi") kadhimi = third[i];
  }
  EXPECT_NE(kazimi, UINT32_MAX);
  EXPECT_NE(kadhimi, kazimi);
}

TEST(EntityResolver, AcronymJoinsItsLongFormWithContext) {
  EntityResolver resolver(&testing::Resources());
  TestArticle a("x1", "Human Rights Watch said detainees in Iraq and Syria were abused.", "en",
                "2021-01-01",
                std::vector<std::pair<std::string, EntityType>>{
                    {"Human Rights Watch", kOrg}, {"Iraq", kLoc}, {"Syria", kLoc}});
  TestArticle b("x2", "HRW asked Iraq and Syria to free them.", "en", "2021-01-05",
                std::vector<std::pair<std::string, EntityType>>{
                    {"HRW", kOrg}, {"Iraq", kLoc}, {"Syria", kLoc}});
  TestArticle c("x3", "HRW won the league in Madrid.", "en", "2021-01-05",
                std::vector<std::pair<std::string, EntityType>>{{"HRW", kOrg}, {"Madrid", kLoc}});
  std::vector<uint32_t> ia = resolver.Add(a.Entities());
  std::vector<uint32_t> ib = resolver.Add(b.Entities());
  std::vector<uint32_t> ic = resolver.Add(c.Entities());
  SCOPED_TRACE(resolver.Dump());
  EXPECT_EQ(ib[0], ia[0]);  // the acronym, confirmed by Iraq and Syria
  EXPECT_NE(ic[0], ia[0]);  // no shared context
}

TEST(EntityResolver, EmptyArticle) {
  EntityResolver resolver(&testing::Resources());
  EXPECT_TRUE(resolver.Add(ArticleEntities()).empty());
  EXPECT_EQ(resolver.size(), 0u);
  EXPECT_EQ(resolver.article_ids().size(), 1u);
  EXPECT_EQ(resolver.Dump(), "");
}

// A resolver saved after some articles and restored links the rest as the
// original does, and its dump is the same.
TEST(EntityResolver, SavedStateLinksLikeTheOriginal) {
  std::vector<TestArticle> corpus = Corpus();
  EntityResolver original(&testing::Resources());
  EntityResolver restored(&testing::Resources());
  const size_t half = corpus.size() / 2;
  for (size_t i = 0; i < half; ++i) original.Add(corpus[i].Entities());
  ASSERT_TRUE(restored.LoadState(original.SaveState()).ok());
  EXPECT_EQ(restored.Dump(), original.Dump());
  for (size_t i = half; i < corpus.size(); ++i) {
    ArticleEntities e = corpus[i].Entities();
    EXPECT_EQ(restored.Add(e), original.Add(e)) << corpus[i].id;
  }
  EXPECT_EQ(restored.Dump(), original.Dump());
  EXPECT_EQ(restored.article_ids(), original.article_ids());
}

TEST(EntityResolver, CorruptStateIsAnErrorAndLeavesItEmpty) {
  EntityResolver original(&testing::Resources());
  for (const TestArticle& a : Corpus()) original.Add(a.Entities());
  const std::string state = original.SaveState();
  EntityResolver r(&testing::Resources());
  EXPECT_EQ(r.LoadState("XXXX").code(), Status::Code::kCorruption);
  for (size_t cut : {size_t{0}, size_t{5}, state.size() / 2, state.size() - 1}) {
    Status s = r.LoadState(std::string_view(state).substr(0, cut));
    EXPECT_EQ(s.code(), Status::Code::kCorruption) << cut;
    EXPECT_EQ(r.size(), 0u);
  }
  EXPECT_EQ(r.LoadState(state + "x").code(), Status::Code::kCorruption);
  ASSERT_TRUE(r.LoadState(state).ok());
  EXPECT_EQ(r.size(), original.size());
}

TEST(EntityResolver, MentionsCanBeLeftToTheCaller) {
  ResolverOptions options;
  options.keep_mentions = false;
  EntityResolver resolver(&testing::Resources(), options);
  for (const TestArticle& a : Corpus()) resolver.Add(a.Entities());
  ASSERT_GT(resolver.size(), 0u);
  for (uint32_t id = 0; id < resolver.size(); ++id) {
    EXPECT_TRUE(resolver.entity(id).mentions.empty());
    EXPECT_FALSE(resolver.entity(id).variants.empty());
  }
}

}  // namespace
}  // namespace dossier::identity
