#include "time/time_tagger.h"

#include <gtest/gtest.h>

#include "time/lexicon.h"

namespace dossier {
namespace {

struct Case {
  const char* text;
  const char* published;   // YYYY-MM-DD
  const char* expression;  // the span expected
  const char* value;
};

std::string Run(const TimeTagger& tagger, const Case& c, std::string* span, bool* anchored) {
  int y, m, d;
  std::sscanf(c.published, "%d-%d-%d", &y, &m, &d);
  std::string text = c.text;
  for (const TemporalExpression& e : tagger.Tag(text, TimeAnchor{{y, m, d}, false})) {
    std::string s = text.substr(e.begin, e.end - e.begin);
    if (s.find(c.expression) != std::string::npos ||
        std::string(c.expression).find(s) != std::string::npos) {
      *span = s;
      *anchored = e.anchored;
      return e.value;
    }
  }
  return "<none>";
}

void Check(std::string_view lang, const Case* cases, size_t n) {
  Result<TimeTagger> tagger = TimeTagger::Create(lang);
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  for (size_t k = 0; k < n; ++k) {
    std::string span;
    bool anchored = false;
    EXPECT_EQ(Run(*tagger, cases[k], &span, &anchored), cases[k].value)
        << cases[k].text << " [" << cases[k].published << "]";
  }
}

TEST(TimeTagger, EnglishAbsolute) {
  static const Case kCases[] = {
      {"The deal was signed on Aug 28, 2020 in Doha.", "2021-01-01", "Aug 28, 2020", "2020-08-28"},
      {"It was signed on August 28 2020.", "2021-01-01", "August 28 2020", "2020-08-28"},
      {"Talks resumed in March 2020.", "2021-01-01", "March 2020", "2020-03"},
      {"The report is dated 2021-07.", "2021-09-01", "2021-07", "2021-07"},
      {"He was elected in 2017.", "2021-09-01", "2017", "2017"},
      {"Violence peaked in the 1990s.", "2021-09-01", "1990s", "199X"},
      {"On Friday, Aug. 28, 2020, he left.", "2021-01-01", "Friday, Aug. 28, 2020", "2020-08-28"},
      {"over 2,800 soldiers withdrawn between March 2020 and January 2021", "2021-06-01",
       "between March 2020 and January 2021", "2020-03/2021-01"},
      {"The war lasted from 2011 to 2013.", "2021-06-01", "from 2011 to 2013", "2011/2013"},
  };
  Check("en", kCases, std::size(kCases));
}

TEST(TimeTagger, EnglishRelative) {
  static const Case kCases[] = {
      // 2020-09-03 is a Thursday.
      {"Macron on Wednesday affirmed his support.", "2020-09-03", "Wednesday", "2020-09-02"},
      {"The minister spoke on Thursday.", "2020-09-03", "Thursday", "2020-09-03"},
      {"The minister will speak on Monday.", "2020-09-03", "Monday", "2020-09-07"},
      {"He told Pompeo last month.", "2020-09-03", "last month", "2020-08"},
      {"Troops arrived in October.", "2020-09-03", "October", "2019-10"},
      {"Troops will arrive in October.", "2020-09-03", "October", "2020-10"},
      {"The mandate runs until January 20.", "2020-12-03", "January 20", "2021-01-20"},
      {"Forces will leave by the end of 2021.", "2021-07-27", "the end of 2021", "2021"},
      {"Clashes erupted yesterday.", "2020-09-03", "yesterday", "2020-09-02"},
      {"It happened two years ago.", "2020-09-03", "two years ago", "2018"},
      {"The plan was announced last week.", "2020-09-03", "last week", "2020-W35"},
      {"More talks are expected in the coming months.", "2020-09-03", "coming months",
       "FUTURE_REF"},
      {"The strike killed Soleimani in January.", "2020-09-03", "January", "2020-01"},
  };
  Check("en", kCases, std::size(kCases));
}

TEST(TimeTagger, FrenchAbsoluteAndRelative) {
  static const Case kCases[] = {
      {"L'accord a été signé le 10 novembre 2020.", "2021-01-05", "10 novembre 2020", "2020-11-10"},
      {"Il a été élu en juillet 2021.", "2021-09-05", "juillet 2021", "2021-07"},
      // 2021-07-23 is a Friday.
      {"Une délégation a entamé jeudi des discussions.", "2021-07-23", "jeudi", "2021-07-22"},
      {"Il rencontrera Joe Biden lundi.", "2021-07-23", "lundi", "2021-07-26"},
      {"Il l'a dit hier soir.", "2021-07-23", "hier soir", "2021-07-22"},
      {"Le ministre est venu la semaine dernière.", "2021-07-23", "la semaine dernière",
       "2021-W28"},
      {"Les troupes sont arrivées le mois dernier.", "2021-07-23", "le mois dernier", "2021-06"},
      {"Il a été tué il y a deux ans.", "2021-07-23", "il y a deux ans", "2019"},
      {"Le retrait aura lieu d'ici la fin de l'année.", "2021-07-23", "la fin de l'année", "2021"},
      {"Les combats ont eu lieu entre mars 2020 et janvier 2021.", "2021-07-23",
       "entre mars 2020 et janvier 2021", "2020-03/2021-01"},
      {"La conférence se tiendra du 10 au 12 novembre.", "2021-07-23", "du 10 au 12 novembre",
       "2021-11-10/2021-11-12"},
      {"C'était dans les années 1990.", "2021-07-23", "années 1990", "199X"},
      {"Il est arrivé le 1er septembre.", "2021-09-05", "1er septembre", "2021-09-01"},
  };
  Check("fr", kCases, std::size(kCases));
}

TEST(TimeTagger, SpansAndFlags) {
  Result<TimeTagger> tagger = TimeTagger::Create("en");
  ASSERT_TRUE(tagger.ok());
  std::string text = "Soleimani was killed in January 2020. Macron spoke on Wednesday.";
  auto out = tagger->Tag(text, TimeAnchor{{2020, 9, 3}, true});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(text.substr(out[0].begin, out[0].end - out[0].begin), "January 2020");
  EXPECT_FALSE(out[0].anchored);
  EXPECT_EQ(text.substr(out[1].begin, out[1].end - out[1].begin), "Wednesday");
  EXPECT_TRUE(out[1].anchored);
  EXPECT_TRUE(out[1].anchor_estimated);
  // Without an anchor, relative expressions are not reported.
  auto absolute_only = tagger->Tag(text, std::nullopt);
  ASSERT_EQ(absolute_only.size(), 1u);
  EXPECT_EQ(absolute_only[0].value, "2020-01");
}

TEST(TimeTagger, NotDates) {
  Result<TimeTagger> tagger = TimeTagger::Create("en");
  ASSERT_TRUE(tagger.ok());
  for (const char* text : {"Some 5,000 American soldiers are deployed.", "It may rain.",
                           "They march on the capital.", "It costs $2020 a month.", ""}) {
    auto out = tagger->Tag(text, TimeAnchor{{2020, 9, 3}, false});
    EXPECT_TRUE(out.empty()) << text << " -> " << out[0].value;
  }
  EXPECT_FALSE(TimeTagger::Create("xx").ok());
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

TEST(TimeLexicon, TokensAndErrors) {
  std::vector<TimeToken> t = TokenizeForTime(
      "l\xE2\x80\x99"
      "an dernier, week's 5,000 2021-07-22");
  ASSERT_EQ(t.size(), 9u);
  EXPECT_EQ(t[0].folded, "l'");
  EXPECT_EQ(t[4].folded, "week");  // a possessive stays whole
  EXPECT_EQ(t[7].folded, "5,000");
  EXPECT_EQ(t[8].folded, "2021-07-22");
  Result<TimeLexicon> bad = TimeLexicon::Parse("hier\tdayoffset\n");
  EXPECT_FALSE(bad.ok());
  Result<TimeLexicon> unknown = TimeLexicon::Parse("hier\tnope\t-1\n");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("line 1"), std::string::npos);
  Result<TimeLexicon> good = TimeLexicon::Parse("# c\nil y a\tagopre\t\n");
  ASSERT_TRUE(good.ok());
  std::vector<TimeToken> text = TokenizeForTime("il y a deux ans");
  EXPECT_EQ(good->Match(text, 0, LexCat::kAgoPre), 3u);
  EXPECT_EQ(good->Match(text, 1, LexCat::kAgoPre), 0u);
}

}  // namespace
}  // namespace dossier
