#include "facts/conflicts.h"

#include <gtest/gtest.h>

#include "facts/facts_test_util.h"

namespace dossier {
namespace {

TEST(Conflicts, DifferentDatesForOneKilling) {
  std::vector<ArticleFacts> all = {
      FactsOf("a1",
              "The assassination of Iranian general Qassem Soleimani in Baghdad in January 2020 "
              "angered Iraq.",
              "en", "2021-07-27"),
      FactsOf(
          "a2",
          "Attacks grew after the US assassinated Iranian general Qasem Soleimani in January 2019.",
          "en", "2020-11-18"),
      FactsOf("a3", "Le général Soleimani a été tué en janvier 2020.", "fr", "2021-07-23"),
  };
  std::vector<Conflict> c = FindConflicts(all);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, ConflictKind::kDate);
  EXPECT_EQ(c[0].claims.size(), 3u);
  EXPECT_EQ(c[0].articles, (std::vector<std::string>{"a1", "a2", "a3"}));
  EXPECT_NE(c[0].description.find("2019-01 (a2)"), std::string::npos) << c[0].description;
  EXPECT_NE(c[0].description.find("2020-01 (a1, a3)"), std::string::npos) << c[0].description;
}

TEST(Conflicts, FiguresAtComparableTimes) {
  std::vector<ArticleFacts> all = {
      FactsOf("a1", "Some 5,000 American soldiers are deployed in Iraq.", "en", "2020-09-02"),
      FactsOf("a2", "About 5,200 American troops are in Iraq right now.", "en", "2020-09-10"),
      FactsOf("a3", "Quelque 2.500 soldats américains sont en Irak.", "fr", "2020-09-05"),
  };
  std::vector<Conflict> c = FindConflicts(all);
  // 5,000 and 5,200 agree within "some"/"about"; 2,500 disagrees with both.
  ASSERT_EQ(c.size(), 2u);
  for (const Conflict& x : c) {
    EXPECT_EQ(x.kind, ConflictKind::kFigure);
    EXPECT_EQ(x.articles.back(), "a3");
    EXPECT_EQ(x.claims.size(), 2u);
  }
  EXPECT_NE(c[0].claims[1].value.find("2.500"), std::string::npos);
}

TEST(Conflicts, ChangeOverTimeIsNoConflict) {
  std::vector<ArticleFacts> all = {
      FactsOf("a1", "Some 5,000 American soldiers are deployed in Iraq.", "en", "2020-09-02"),
      FactsOf("a2", "Quelque 2.500 soldats américains sont en Irak.", "fr", "2021-07-23"),
      // Other nationality: another quantity.
      FactsOf("a3", "About 160 French troops are in Iraq.", "en", "2020-09-03"),
  };
  EXPECT_TRUE(FindConflicts(all).empty());
  ConflictOptions wide;
  wide.max_gap_days = 400;
  EXPECT_EQ(FindConflicts(all, wide).size(), 1u);
}

TEST(Conflicts, EntityIdsLinkSubjects) {
  std::string t1 = "The United States has about 5,200 troops there.";
  std::string t2 = "Washington keeps 9,000 soldiers on the ground.";
  std::vector<ArticleFacts> all = {
      FactsOf("a1", t1, "en", "2020-09-02", {{4, 17, "E:US"}}),
      FactsOf("a2", t2, "en", "2020-09-04", {{0, 10, "E:US"}}),
  };
  std::vector<Conflict> c = FindConflicts(all);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].claims[0].article, "a1");
  EXPECT_EQ(t1.substr(c[0].claims[0].begin, c[0].claims[0].end - c[0].claims[0].begin),
            "about 5,200 troops");
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

TEST(Conflicts, MarkersDecideCompatibility) {
  auto pair = [](const std::string& a, const std::string& b) {
    return FindConflicts(
               {FactsOf("a1", a, "en", "2020-09-02"), FactsOf("a2", b, "en", "2020-09-03")})
        .size();
  };
  EXPECT_EQ(pair("Over 2,800 US soldiers left Iraq.", "About 3,000 US soldiers left Iraq."), 0u);
  EXPECT_EQ(pair("Nearly 100 US soldiers left Iraq.", "120 US soldiers left Iraq."), 1u);
  EXPECT_EQ(pair("Dozens of US soldiers left Iraq.", "50 US soldiers left Iraq."), 0u);
  EXPECT_EQ(pair("Dozens of US soldiers left Iraq.", "Hundreds of US soldiers left Iraq."), 1u);
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

TEST(Conflicts, FiguresAreComparedWithinTheirScopeOnly) {
  std::vector<ArticleFacts> all = {
      FactsOf("a1", "Some 5,000 American soldiers are deployed in Iraq.", "en", "2020-09-02"),
      FactsOf("a2", "Quelque 2.500 soldats américains sont en Irak.", "fr", "2020-09-05"),
  };
  ConflictOptions apart;
  apart.scope_of_article = {{"a1", "S0"}, {"a2", "S1"}};
  EXPECT_TRUE(FindConflicts(all, apart).empty());
  ConflictOptions together;
  together.scope_of_article = {{"a1", "S0"}, {"a2", "S0"}};
  EXPECT_EQ(FindConflicts(all, together).size(), 1u);
  ConflictOptions unknown;  // an article without a scope is compared with none
  unknown.scope_of_article = {{"a1", "S0"}};
  EXPECT_TRUE(FindConflicts(all, unknown).empty());
}

TEST(Conflicts, MeasuresAndUnknownNounsAreNotCompared) {
  auto pair = [](const std::string& a, const std::string& b) {
    return FindConflicts(
               {FactsOf("a1", a, "en", "2020-09-02"), FactsOf("a2", b, "en", "2020-09-03")})
        .size();
  };
  // Two polls, two budgets, two sets of countries: not one quantity.
  EXPECT_EQ(pair("In Iraq, 35 percent back the plan.", "In Iraq, 60 percent back the plan."), 0u);
  EXPECT_EQ(pair("Iraq will get $5 million.", "Iraq will get $90 million."), 0u);
  EXPECT_EQ(pair("Iraq and two countries met.", "Iraq and nine countries met."), 0u);
  // A count of a lexicon concept still is.
  EXPECT_EQ(pair("200 Iraqi civilians died.", "900 Iraqi civilians died."), 1u);
}

}  // namespace
}  // namespace dossier
