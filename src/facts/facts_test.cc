#include <cmath>

#include <gtest/gtest.h>

#include "facts/claims.h"
#include "facts/facts_test_util.h"

namespace dossier {
namespace {

TEST(ParseNumberToken, BothLanguages) {
  struct {
    const char* token;
    const char* lang;
    double value;
  } static const kCases[] = {
      {"5,000", "en", 5000},     {"2.500", "fr", 2500},     {"1,5", "fr", 1.5},
      {"1.5", "en", 1.5},        {"160", "en", 160},        {"1,234,567", "en", 1234567},
      {"1.234,5", "fr", 1234.5}, {"110.000", "fr", 110000},
  };
  for (const auto& c : kCases) {
    double v = -1;
    ASSERT_TRUE(ParseNumberToken(c.token, c.lang, &v)) << c.token;
    EXPECT_DOUBLE_EQ(v, c.value) << c.token << " " << c.lang;
  }
  double v;
  EXPECT_FALSE(ParseNumberToken("2021-07-22", "en", &v));
  EXPECT_FALSE(ParseNumberToken("10:30", "fr", &v));
}

TEST(NumericClaims, EnglishMarkersUnitsAndDates) {
  std::string text =
      "Some 5,000 American soldiers and diplomats are still deployed there. "
      "The US slashed troop numbers, with over 2,800 soldiers withdrawn between March 2020 and "
      "January 2021. Militias launched hundreds of rocket attacks. France has about 160 troops in "
      "Iraq. "
      "The 33-year-old spoke at the G7 on 3 March 2021.";
  ArticleFacts f = FactsOf("a", text, "en", "2021-07-27");
  ASSERT_EQ(f.figures.size(), 4u);
  const NumericClaim& some = f.figures[0];
  EXPECT_EQ(some.value, 5000);
  EXPECT_EQ(some.approx, "Some");
  EXPECT_EQ(some.unit, "American soldiers");
  EXPECT_EQ(some.counted, "troops");
  EXPECT_EQ(some.nationality, "US");
  EXPECT_DOUBLE_EQ(some.low, 4500);
  EXPECT_EQ(some.date.value, "2021-07-27");  // the publication day
  EXPECT_TRUE(some.date.from_sentence);
  const NumericClaim& over = f.figures[1];
  EXPECT_EQ(over.value, 2800);
  EXPECT_EQ(over.approx, "over");
  EXPECT_TRUE(std::isinf(over.high));
  EXPECT_EQ(over.date.value, "2020-03/2021-01");
  const NumericClaim& hundreds = f.figures[2];
  EXPECT_EQ(hundreds.counted, "attacks");
  EXPECT_EQ(hundreds.low, 200);
  EXPECT_EQ(f.figures[3].value, 160);
  EXPECT_EQ(f.figures[3].subject, "Iraq");
  EXPECT_EQ(f.figures[3].subject_keys, std::vector<std::string>{"place:iraq"});
}

TEST(NumericClaims, FrenchFormatsAndVagueQuantities) {
  std::string text =
      "500 soldats étrangers sont encore sur le territoire irakien parmi lesquels 2.500 "
      "Américains. "
      "Les milices ont mené une cinquantaine d'attaques. Le pays compte 2 500 militaires et "
      "1,5 million de réfugiés.";
  ArticleFacts f = FactsOf("b", text, "fr", "2021-07-23");
  std::string found;
  for (const NumericClaim& c : f.figures) found += c.text + " | ";
  ASSERT_EQ(f.figures.size(), 5u) << found;
  EXPECT_EQ(f.figures[0].counted, "troops");
  EXPECT_EQ(f.figures[1].value, 2500);
  EXPECT_EQ(f.figures[1].nationality, "US");
  EXPECT_EQ(f.figures[1].counted, "persons");
  EXPECT_EQ(f.figures[2].counted, "attacks");
  EXPECT_EQ(f.figures[2].low, 40);
  EXPECT_EQ(f.figures[2].approx, "une cinquantaine d'");
  EXPECT_EQ(f.figures[3].value, 2500);
  EXPECT_EQ(f.figures[3].counted, "troops");
  EXPECT_EQ(f.figures[4].value, 1500000);
  EXPECT_EQ(f.figures[4].counted, "refugees");
}

TEST(HappeningClaims, DatedKillingsWithNames) {
  std::string text =
      "Attacks grew after the US assassinated Iranian general Qasem Soleimani in January 2019. "
      "Soleimani's killing prompted strikes.";
  ArticleFacts f = FactsOf("c", text, "en", "2021-01-10");
  ASSERT_EQ(f.happenings.size(), 1u);  // the second sentence has no date
  EXPECT_EQ(f.happenings[0].happening, "death");
  EXPECT_EQ(f.happenings[0].participant, "soleimani");
  EXPECT_EQ(f.happenings[0].date.value, "2019-01");
}

TEST(HappeningClaims, FrenchAndEstimatedDatesDropped) {
  ArticleFacts f =
      FactsOf("d", "Le général Soleimani a été tué en janvier 2020 à Bagdad.", "fr", "2021-07-23");
  ASSERT_EQ(f.happenings.size(), 1u);
  EXPECT_EQ(f.happenings[0].participant, "soleimani");
  EXPECT_EQ(f.happenings[0].date.value, "2020-01");
  // No publication date: "in January" rests on an estimate and is no evidence.
  ArticleFacts g = FactsOf(
      "e", "A drone killed Qasem Soleimani in January. Talks began on 3 May 2020.", "en", "");
  EXPECT_TRUE(g.happenings.empty());
}

}  // namespace
}  // namespace dossier
