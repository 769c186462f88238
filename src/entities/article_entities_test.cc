#include "entities/article_entities.h"

#include <gtest/gtest.h>

#include "entities/identity_test_util.h"

namespace dossier::identity {
namespace {

using ner::EntityType;
using testing::CountKind;
using testing::FindEntity;
using testing::TestArticle;

using testing::kLoc;
using testing::kMisc;
using testing::kOrg;
using testing::kPer;

TEST(ArticleEntities, EnglishShortFormsRolesAcronymsDemonyms) {
  TestArticle a(
      "a",
      "French President Emmanuel Macron met Iraqi Prime Minister Mustafa al-Kadhimi in "
      "Baghdad on Monday. Macron said the Islamic State (IS) group was still a threat. "
      "Al-Kadhimi thanked him. The French president also met Mr Kadhimi's foreign minister "
      "Fuad Hussein, who said IS was weakened. American troops stay in Iraq.",
      "en", "2020-09-02",
      {{"Emmanuel Macron", kPer},
       {"Mustafa al-Kadhimi", kPer},
       {"Baghdad", kLoc},
       {"Macron", kPer},
       {"Islamic", kMisc},
       {"Al-Kadhimi", kOrg},
       {"Kadhimi", kPer},
       {"Fuad Hussein", kPer},
       {"American", kMisc},
       {"Iraq", kLoc}});
  ArticleEntities e = a.Entities();
  SCOPED_TRACE(DumpArticleEntities(e));
  EXPECT_EQ(e.article_id, "a");
  EXPECT_EQ(e.published, "2020-09-02");

  const ArticleEntity* macron = FindEntity(e, "Emmanuel Macron");
  ASSERT_NE(macron, nullptr);
  EXPECT_EQ(macron->type, kPer);
  EXPECT_EQ(CountKind(*macron, MentionKind::kShortForm), 1u);
  EXPECT_EQ(CountKind(*macron, MentionKind::kRole), 1u);  // "The French president"
  ASSERT_EQ(macron->roles.size(), 1u);
  EXPECT_EQ(macron->roles[0].canonical, "president");
  EXPECT_EQ(macron->roles[0].country, "country:FR");
  EXPECT_EQ(macron->roles[0].text, "French President");
  EXPECT_EQ(macron->roles[0].date, "2020-09-02");

  const ArticleEntity* kadhimi = FindEntity(e, "Mustafa al-Kadhimi");
  ASSERT_NE(kadhimi, nullptr);
  EXPECT_EQ(kadhimi->type, kPer);  // "Al-Kadhimi" typed ORG by the tagger joins all the same
  EXPECT_EQ(CountKind(*kadhimi, MentionKind::kShortForm), 2u);
  ASSERT_FALSE(kadhimi->roles.empty());
  EXPECT_EQ(kadhimi->roles[0].canonical, "prime-minister");
  EXPECT_EQ(kadhimi->roles[0].country, "country:IQ");

  const ArticleEntity* is = FindEntity(e, "Islamic State");
  ASSERT_NE(is, nullptr);
  EXPECT_EQ(is->type, kOrg);
  EXPECT_EQ(is->alias_id, "islamic-state");
  EXPECT_EQ(CountKind(*is, MentionKind::kAcronym), 2u);

  const ArticleEntity* baghdad = FindEntity(e, "Baghdad");
  ASSERT_NE(baghdad, nullptr);
  EXPECT_EQ(baghdad->capital_of, "country:IQ");

  const ArticleEntity* us = FindEntity(e, "United States");
  ASSERT_NE(us, nullptr);  // named by its demonym only
  EXPECT_EQ(CountKind(*us, MentionKind::kDemonym), 1u);
  EXPECT_TRUE(us->variants.empty());

  const ArticleEntity* iraq = FindEntity(e, "Iraq");
  ASSERT_NE(iraq, nullptr);
  EXPECT_EQ(CountKind(*iraq, MentionKind::kDemonym), 1u);  // "Iraqi"

  const ArticleEntity* fuad = FindEntity(e, "Fuad Hussein");
  ASSERT_NE(fuad, nullptr);
  ASSERT_EQ(fuad->roles.size(), 1u);
  EXPECT_EQ(fuad->roles[0].canonical, "foreign-minister");
}

TEST(ArticleEntities, FrenchRolePrefixHonorificsAndDeclaredAcronym) {
  TestArticle a(
      "b",
      "Le ministre de la Défense Lloyd Austin a reçu M. al-Kazimi à Washington. M. Austin a "
      "rappelé que les Etats-Unis restaient en Irak. Le ministre a ajouté que le groupe "
      "Etat islamique (EI) restait une menace pour les soldats américains.",
      "fr", "2021-07",
      {{"Le ministre de la Défense Lloyd Austin", kOrg},
       {"Washington", kLoc},
       {"Austin", kLoc},
       {"Etats-Unis", kLoc},
       {"Irak", kLoc},
       {"Etat islamique", kOrg}});
  ArticleEntities e = a.Entities();
  SCOPED_TRACE(DumpArticleEntities(e));
  const ArticleEntity* austin = FindEntity(e, "Lloyd Austin");
  ASSERT_NE(austin, nullptr);
  EXPECT_EQ(austin->type, kPer);
  EXPECT_EQ(CountKind(*austin, MentionKind::kShortForm), 1u);  // "M. Austin", tagged LOC
  EXPECT_EQ(CountKind(*austin, MentionKind::kRole), 1u);       // "Le ministre a ajouté"
  ASSERT_EQ(austin->roles.size(), 1u);
  EXPECT_EQ(austin->roles[0].canonical, "defense-minister");

  const ArticleEntity* kazimi = FindEntity(e, "al-Kazimi");
  ASSERT_NE(kazimi, nullptr);  // found after the honorific, untagged
  EXPECT_EQ(kazimi->type, kPer);

  const ArticleEntity* us = FindEntity(e, "Etats-Unis");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us->alias_id, "country:US");
  EXPECT_EQ(CountKind(*us, MentionKind::kDemonym), 1u);  // "américains"

  const ArticleEntity* ei = FindEntity(e, "Etat islamique");
  ASSERT_NE(ei, nullptr);
  EXPECT_EQ(ei->alias_id, "islamic-state");
  ASSERT_EQ(ei->variants.size(), 2u);
  EXPECT_EQ(ei->variants[1].text, "EI");

  const ArticleEntity* washington = FindEntity(e, "Washington");
  ASSERT_NE(washington, nullptr);
  EXPECT_EQ(washington->alias_id, "capital:US");
}

TEST(ArticleEntities, ShortFormBeforeFullNameAndSharedFamilyNames) {
  TestArticle b(
      "c",
      "Pompeo arrived late. Mike Pompeo then met Saddam Hussein's former aide and Fuad "
      "Hussein. Hussein said little. Qassem al-Araji and Qassem Soleimani were not there.",
      "en", "",
      {{"Pompeo", kPer},
       {"Mike Pompeo", kPer},
       {"Saddam Hussein", kPer},
       {"Fuad Hussein", kPer},
       {"Hussein", kPer},
       {"Qassem al-Araji", kPer},
       {"Qassem Soleimani", kPer}});
  ArticleEntities e = b.Entities();
  SCOPED_TRACE(DumpArticleEntities(e));
  const ArticleEntity* pompeo = FindEntity(e, "Mike Pompeo");
  ASSERT_NE(pompeo, nullptr);
  EXPECT_EQ(pompeo->mentions.size(), 2u);
  EXPECT_EQ(FindEntity(e, "Pompeo"), nullptr);
  const ArticleEntity* saddam = FindEntity(e, "Saddam Hussein");
  const ArticleEntity* fuad = FindEntity(e, "Fuad Hussein");
  ASSERT_NE(saddam, nullptr);
  ASSERT_NE(fuad, nullptr);
  EXPECT_EQ(saddam->mentions.size(), 1u);
  EXPECT_EQ(fuad->mentions.size(), 2u);  // the later "Hussein": the last one named
  EXPECT_NE(FindEntity(e, "Qassem al-Araji"), nullptr);
  EXPECT_NE(FindEntity(e, "Qassem Soleimani"), nullptr);
}

// Called by the given name alone, a person is the one the article names in
// full with it; with two such persons, the given name says nothing.
TEST(ArticleEntities, GivenNameAloneIsTheOnePersonWithIt) {
  TestArticle a("g",
                "Hillary rallied in Iowa. Hillary Clinton and Bill Clinton spoke. Then Hillary "
                "left. Qassem al-Araji and Qassem Soleimani met; Qassem spoke.",
                "en", "",
                {{"Hillary", kPer},
                 {"Hillary Clinton", kPer},
                 {"Bill Clinton", kPer},
                 {"Hillary", kPer},
                 {"Qassem al-Araji", kPer},
                 {"Qassem Soleimani", kPer},
                 {"Qassem", kPer}});
  ArticleEntities e = a.Entities();
  SCOPED_TRACE(DumpArticleEntities(e));
  const ArticleEntity* hillary = FindEntity(e, "Hillary Clinton");
  ASSERT_NE(hillary, nullptr);
  EXPECT_EQ(hillary->mentions.size(), 3u);
  EXPECT_EQ(CountKind(*hillary, MentionKind::kShortForm), 2u);
  EXPECT_EQ(FindEntity(e, "Hillary"), nullptr);
  const ArticleEntity* bill = FindEntity(e, "Bill Clinton");
  ASSERT_NE(bill, nullptr);
  EXPECT_EQ(bill->mentions.size(), 1u);
  EXPECT_NE(FindEntity(e, "Qassem"), nullptr);  // two Qassems: no link
}

TEST(ArticleEntities, EdgeCases) {
  TestArticle empty("d", "", "en", "", {});
  EXPECT_TRUE(empty.Entities().entities.empty());
  TestArticle spaces("e", "  \n\n ", "en", "", {});
  EXPECT_TRUE(spaces.Entities().entities.empty());
  ArticleEntities none =
      FindArticleEntities(testing::Resources(), {"f", "Iraq.", "xx", "", nullptr});
  ASSERT_EQ(none.entities.size(), 1u);  // an untagged country name is still found
  EXPECT_EQ(none.entities[0].alias_id, "country:IQ");
  // A mention that is only a role phrase is no entity.
  TestArticle role("g", "Le Premier ministre a parlé.", "fr", "", {{"Premier ministre", kOrg}});
  EXPECT_TRUE(role.Entities().entities.empty());
  // An honorific tagged alone is no entity: one "Mr" would otherwise join
  // every man the paper names so.
  TestArticle honorific("h", "Mr. Clarke, 61, had never been in a coal mine. Mr. Clarke said so.",
                        "en", "", {{"Mr", kPer}, {"Mr", kPer}});
  ArticleEntities h = honorific.Entities();
  SCOPED_TRACE(DumpArticleEntities(h));
  ASSERT_EQ(h.entities.size(), 1u);
  EXPECT_EQ(h.entities[0].name, "Clarke");
  EXPECT_EQ(h.entities[0].mentions.size(), 2u);
}

// A page of thousands of names (a crawl that kept a site's whole index)
// compares each new spelling with the newest name forms only, so its cost
// grows with its length, not with its length squared; names repeated or
// varied near their last mention still join.
TEST(ArticleEntities, PageOfThousandsOfNamesKeepsRecentVariants) {
  std::string text = "Mustafa al-Kadhimi met the envoy. ";  // then 400 other persons
  std::vector<std::pair<std::string, ner::EntityType>> surfaces = {{"Mustafa al-Kadhimi", kPer}};
  auto letters = [](size_t i) {
    std::string out;
    for (int k = 0; k < 4; ++k, i /= 26) out += static_cast<char>('a' + i % 26);
    return out;
  };
  const size_t names = 400;  // more than the forms a key is compared with (256)
  for (size_t i = 0; i < names; ++i) {
    std::string name = "Bor" + letters(i) + " Vel" + letters(i * 7919 + 13);
    name[4] = static_cast<char>(name[4] - 'a' + 'A');
    text += name + " spoke. ";
    surfaces.push_back({name, kPer});
  }
  text += "Mustafa al-Kadhimi answered, and Moustafa al-Kazimi left.";
  surfaces.push_back({"Mustafa al-Kadhimi", kPer});
  surfaces.push_back({"Moustafa al-Kazimi", kPer});
  TestArticle a("page", text, "en", "2021-08-28", surfaces);
  ArticleEntities e = a.Entities();
  const ArticleEntity* kadhimi = FindEntity(e, "Mustafa al-Kadhimi");
  ASSERT_NE(kadhimi, nullptr);
  EXPECT_EQ(kadhimi->mentions.size(), 3u);
  EXPECT_EQ(FindEntity(e, "Moustafa al-Kazimi"), nullptr);
  EXPECT_GE(e.entities.size(), names / 2);  // the generated names stay apart
}

}  // namespace
}  // namespace dossier::identity
