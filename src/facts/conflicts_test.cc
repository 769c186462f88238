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
      FactsOf("a1", t1, "en", "2020-09-02", {{4, 17, "E:US", MentionType::kPlace}}),
      FactsOf("a2", t2, "en", "2020-09-04", {{0, 10, "E:US", MentionType::kPlace}}),
  };
  std::vector<Conflict> c = FindConflicts(all);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].claims[0].article, "a1");
  EXPECT_EQ(t1.substr(c[0].claims[0].begin, c[0].claims[0].end - c[0].claims[0].begin),
            "about 5,200 troops");
}

TEST(Conflicts, APersonBesideAFigureDoesNotSayWhatItCounts) {
  std::string t1 = "Sanders won 5 votes there.";
  std::string t2 = "Sanders won 12 votes there.";
  std::vector<ArticleFacts> all = {
      FactsOf("a1", t1, "en", "2016-03-15", {{0, 7, "E:Sanders", MentionType::kPerson}}),
      FactsOf("a2", t2, "en", "2016-03-16", {{0, 7, "E:Sanders", MentionType::kPerson}}),
  };
  EXPECT_TRUE(FindConflicts(all).empty());
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
  // A vague quantity claims no figure.
  EXPECT_EQ(pair("Dozens of US soldiers left Iraq.", "500 US soldiers left Iraq."), 0u);
  EXPECT_EQ(pair("Dozens of US soldiers left Iraq.", "Hundreds of US soldiers left Iraq."), 0u);
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
  // "people" alone could be any people; killed, they are deaths.
  auto in_iraq = [](const std::string& a, const std::string& b) {
    std::vector<EntityMention> iraq = {{3, 7, "E:IQ", MentionType::kPlace}};
    return FindConflicts({FactsOf("a1", a, "en", "2020-09-02", iraq),
                          FactsOf("a2", b, "en", "2020-09-03", iraq)})
        .size();
  };
  EXPECT_EQ(in_iraq("In Iraq, 200 people met.", "In Iraq, 300 people met."), 0u);
  EXPECT_EQ(in_iraq("In Iraq, 200 people were killed.", "In Iraq, 300 people were killed."), 1u);
  // A count of a lexicon concept still is, within an order of magnitude.
  EXPECT_EQ(pair("200 Iraqi civilians died.", "700 Iraqi civilians died."), 1u);
  EXPECT_EQ(pair("8 Iraqi civilians died.", "2,000 Iraqi civilians died."), 0u);
}

TEST(Conflicts, OnlyCountsOfOneSetCompare) {
  auto pair = [](const std::string& a, const std::string& b) {
    return FindConflicts(
               {FactsOf("a1", a, "en", "2020-09-02"), FactsOf("a2", b, "en", "2020-09-03")})
        .size();
  };
  const std::string count = "Some 3,000 US troops are in Iraq.";
  EXPECT_EQ(pair(count, "About 5,200 US troops are in Iraq."), 1u);
  // A subset: other words qualify the counted noun.
  EXPECT_EQ(pair(count, "About 5,200 US combat troops are in Iraq."), 0u);
  // A proposal, a plan: no count.
  EXPECT_EQ(pair(count, "He called for 5,200 US troops in Iraq."), 0u);
  EXPECT_EQ(pair(count, "They would send 5,200 US troops in Iraq."), 0u);
  // A count per item.
  EXPECT_EQ(pair(count, "About 5,200 US troops are in Iraq at each base."), 0u);
  // A change is stated with "to": still a count.
  EXPECT_EQ(pair(count, "The US cut to 5,200 US troops in Iraq."), 1u);
}

// Each pair dates one death of one person two ways, or seems to.
size_t DateConflicts(const std::string& a, const std::string& b) {
  return FindConflicts({FactsOf("a1", a, "en", "2016-05-02"), FactsOf("a2", b, "en", "2016-05-03")})
      .size();
}

TEST(Conflicts, AHappeningIsDatedByItsOwnWords) {
  const std::string truth = "Trayvon Martin was killed in February 2012.";
  EXPECT_EQ(DateConflicts(truth, "The man who killed Trayvon Martin in 2013 spoke."), 1u);
  // The date of another verb: acquitted in 2013.
  EXPECT_EQ(DateConflicts(truth, "Zimmerman, acquitted in 2013 of killing Trayvon Martin, spoke."),
            0u);
  // Dates of other clauses.
  EXPECT_EQ(DateConflicts(truth, "Trayvon Martin died while Zimmerman, jailed in 2013, waited."),
            0u);
  EXPECT_EQ(
      DateConflicts(truth, "Tests made when Trayvon Martin was killed were released in 2013."), 0u);
  EXPECT_EQ(DateConflicts(truth, "Trayvon Martin was killed in a shooting in 2013."), 1u);
  // A date that opens the sentence dates its happening.
  EXPECT_EQ(DateConflicts(truth, "In 2013, a man killed Trayvon Martin."), 1u);
}

TEST(Conflicts, OnlyAReportedDeathOfThePersonNamedCounts) {
  const std::string truth = "Ronald Reagan died in June 2004.";
  // An attempt, a plot, a sentence are no death.
  EXPECT_EQ(DateConflicts(truth, "The assassination attempt on Ronald Reagan in 1981 failed."), 0u);
  EXPECT_EQ(DateConflicts(truth, "A man plotted to kill Ronald Reagan in 1981."), 0u);
  // The death of someone else, in a sentence that names him.
  EXPECT_EQ(DateConflicts(truth, "The death of his son in 1981 hurt Ronald Reagan."), 0u);
  EXPECT_EQ(DateConflicts(truth, "Ronald Reagan said the killing in Iraq in 1981 was wrong."), 0u);
}

}  // namespace
}  // namespace dossier
