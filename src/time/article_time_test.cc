#include "time/article_time.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

// Sentence spans split at ". " for the test texts.
std::vector<TextSpan> Sentences(std::string_view text) {
  std::vector<TextSpan> out;
  uint32_t begin = 0;
  for (uint32_t k = 0; k < text.size(); ++k) {
    if (text[k] == '.' && (k + 1 == text.size() || text[k + 1] == ' ' || text[k + 1] == '\n')) {
      out.push_back({begin, k + 1});
      begin = k + 1;
      while (begin < text.size() && (text[begin] == ' ' || text[begin] == '\n')) ++begin;
    }
  }
  return out;
}

// The dates of `text` split by Sentences(), with a tagger for `language`.
ArticleTime Analyze(const char* language, std::string_view text, std::string_view published) {
  Result<TimeTagger> tagger = TimeTagger::Create(language);
  EXPECT_TRUE(tagger.ok()) << tagger.status().ToString();
  if (!tagger.ok()) return {};
  return AnalyzeArticleTime(*tagger, text, published, Sentences(text), {});
}

TEST(ArticleTime, PublicationAnchorAndSentenceDates) {
  Result<TimeTagger> tagger = TimeTagger::Create("en");
  ASSERT_TRUE(tagger.ok());
  std::string text =
      "Macron on Wednesday visited Baghdad. He met the prime minister. "
      "Soleimani was killed in January 2020.";
  auto sentences = Sentences(text);
  ASSERT_EQ(sentences.size(), 3u);
  ArticleTime t = AnalyzeArticleTime(*tagger, text, "2020-09-03", sentences, {});
  ASSERT_TRUE(t.anchor);
  EXPECT_FALSE(t.anchor->estimated);
  ASSERT_EQ(t.sentence_dates.size(), 3u);
  EXPECT_EQ(t.sentence_dates[0].value, "2020-09-02");
  EXPECT_EQ(t.sentence_dates[0].source, DateSource::kOwn);
  EXPECT_EQ(t.sentence_dates[1].value, "2020-09-02");
  EXPECT_EQ(t.sentence_dates[1].source, DateSource::kInherited);
  EXPECT_EQ(t.sentence_dates[2].value, "2020-01");
}

TEST(ArticleTime, EstimatedAnchorWhenUnpublished) {
  Result<TimeTagger> tagger = TimeTagger::Create("fr");
  ASSERT_TRUE(tagger.ok());
  std::string text =
      "Le 22 juillet 2021, une délégation est arrivée. Elle repart jeudi. "
      "Le retrait avait commencé en mars 2020.";
  auto sentences = Sentences(text);
  ArticleTime t = AnalyzeArticleTime(*tagger, text, "", sentences, {});
  ASSERT_TRUE(t.anchor);
  EXPECT_TRUE(t.anchor->estimated);
  EXPECT_EQ(t.anchor->day, (CivilDay{2021, 7, 22}));
  EXPECT_EQ(FormatTimePoint(t.anchor->evidence), "2021-07-22");
  ASSERT_EQ(t.sentence_dates.size(), 3u);
  EXPECT_EQ(t.sentence_dates[1].value, "2021-07-22");
  EXPECT_TRUE(t.sentence_dates[1].estimated);
  EXPECT_EQ(t.sentence_dates[2].value, "2020-03");
  EXPECT_FALSE(t.sentence_dates[2].estimated);
}

// Years alone: the estimate rests on the latest, and says so; a deadline
// still ahead of the article does not count.
TEST(ArticleTime, EstimateFromYearsKeepsItsPrecision) {
  ArticleTime t = Analyze("en",
                          "It is his first visit since his election in 2017. "
                          "All combat troops must leave by 2030.",
                          "");
  ASSERT_TRUE(t.anchor);
  EXPECT_TRUE(t.anchor->estimated);
  EXPECT_EQ(t.anchor->day, (CivilDay{2017, 12, 31}));
  EXPECT_EQ(FormatTimePoint(t.anchor->evidence), "2017");
}

TEST(ArticleTime, PublishedNotBefore) {
  auto bound = [](std::string_view published, std::string_view text) {
    return PublishedNotBefore(Analyze("en", text, published).anchor);
  };
  const std::string text = "Troops left in March 2020. The review came in 2017.";
  EXPECT_EQ(bound("2021-07-22", text), "");  // a publication day needs no bound
  EXPECT_EQ(bound("2021-07", text), "2021-07");
  EXPECT_EQ(bound("2021", text), "2021");
  EXPECT_EQ(bound("", text), "2020-03");
  EXPECT_EQ(bound("", "The review came in 2017."), "2017");
  EXPECT_EQ(bound("", "Nothing is dated here."), "");
}

// A publication month without its day: relative dates resolved against its
// 1st are guesses, and marked so.
TEST(ArticleTime, MonthOnlyPublicationIsAnEstimatedAnchor) {
  ArticleTime t = Analyze(
      "fr", "Une délégation a entamé jeudi des discussions. Elles avaient commencé en 2014.",
      "2021-07");
  ASSERT_TRUE(t.anchor);
  EXPECT_TRUE(t.anchor->estimated);
  EXPECT_EQ(FormatTimePoint(t.anchor->evidence), "2021-07");
  ASSERT_EQ(t.sentence_dates.size(), 2u);
  EXPECT_TRUE(t.sentence_dates[0].estimated);   // "jeudi"
  EXPECT_FALSE(t.sentence_dates[1].estimated);  // "en 2014" needs no anchor
  EXPECT_EQ(t.sentence_dates[1].value, "2014");
}

TEST(ArticleTime, NoDateAnywhere) {
  ArticleTime t = Analyze("en", "Nothing is dated here.", "");
  EXPECT_FALSE(t.anchor);
  ASSERT_EQ(t.sentence_dates.size(), 1u);
  EXPECT_EQ(t.sentence_dates[0].source, DateSource::kNone);
}

}  // namespace
}  // namespace dossier
