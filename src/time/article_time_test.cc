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
  ASSERT_EQ(t.sentence_dates.size(), 3u);
  EXPECT_EQ(t.sentence_dates[1].value, "2021-07-22");
  EXPECT_TRUE(t.sentence_dates[1].estimated);
  EXPECT_EQ(t.sentence_dates[2].value, "2020-03");
  EXPECT_FALSE(t.sentence_dates[2].estimated);
}

TEST(ArticleTime, NoDateAnywhere) {
  Result<TimeTagger> tagger = TimeTagger::Create("en");
  ASSERT_TRUE(tagger.ok());
  std::string text = "Nothing is dated here.";
  ArticleTime t = AnalyzeArticleTime(*tagger, text, "", Sentences(text), {});
  EXPECT_FALSE(t.anchor);
  ASSERT_EQ(t.sentence_dates.size(), 1u);
  EXPECT_EQ(t.sentence_dates[0].source, DateSource::kNone);
}

}  // namespace
}  // namespace dossier
