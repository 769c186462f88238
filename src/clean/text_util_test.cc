// Tests for clean/text_util.h.
#include "clean/text_util.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(TextUtilTest, FoldCaseKeepsByteLength) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"READ ALSO", "read also"},   {"À Lire Aussi", "à lire aussi"},
      {"ÉTÉ ÇA Ü", "été ça ü"},     {"×÷", "×÷"},
      {"ПРИВЕТ Мир", "привет мир"}, {"’Quote“", "’quote“"},
  };
  for (const auto& [in, want] : cases) {
    SCOPED_TRACE(std::string(in));
    const std::string got = LowerForMatching(in);
    EXPECT_EQ(got, want);
    EXPECT_EQ(got.size(), in.size());
  }
}

TEST(TextUtilTest, FoldAscii) {
  EXPECT_EQ(FoldAscii("Août"), "aout");
  EXPECT_EQ(FoldAscii("Veröffentlicht am"), "veroffentlicht am");
  EXPECT_EQ(FoldAscii("Mis à jour"), "mis a jour");
}

TEST(TextUtilTest, CountWords) {
  EXPECT_EQ(CountWords(""), 0u);
  EXPECT_EQ(CountWords("one two three four", 2), 3u);  // stops past the limit
  EXPECT_EQ(CountWords("one two", 2), 2u);
  EXPECT_EQ(CountWords("  • Exclusive Events"), 2u);
  EXPECT_EQ(CountWords(">> READ ALSO -"), 2u);
  EXPECT_EQ(CountWords("Jean-Yves Le Drian, 2020."), 4u);
  EXPECT_EQ(CountWords("« Il a dit »"), 3u);
}

TEST(TextUtilTest, FinalPunctuation) {
  EXPECT_EQ(FinalPunctuation("He left."), '.');
  EXPECT_EQ(FinalPunctuation("He said \"no.\""), '.');
  EXPECT_EQ(FinalPunctuation("He said “no”"), 'o');
  EXPECT_EQ(FinalPunctuation("Access to:"), ':');
  EXPECT_EQ(FinalPunctuation("Wait…"), '.');
  EXPECT_EQ(FinalPunctuation("(Belga)"), 'a');
  EXPECT_EQ(FinalPunctuation(""), 0);
  EXPECT_TRUE(EndsSentence("Really?»"));
  EXPECT_FALSE(EndsSentence("Headline"));
}

TEST(TextUtilTest, LooksLikeHeadline) {
  struct Case {
    std::string_view line;
    bool headline;
  };
  const Case cases[] = {
      {"French armed forces minister visits Iraq following turnover of US base", true},
      {"Iraq: Washington will reduce its troops \"in the coming months\"", true},
      {"Is this the end?", true},
      {"Iraq", false},                              // one word
      {"the minister arrived in Baghdad", false},   // lowercase start
      {"The minister arrived in Baghdad.", false},  // a sentence
      {"Troops leave. The base closes", false},     // two sentences
      {"One two three four five six seven eight nine ten eleven twelve thirteen fourteen "
       "fifteen sixteen seventeen eighteen nineteen twenty twentyone",
       false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.line));
    EXPECT_EQ(LooksLikeHeadline(c.line), c.headline);
  }
}

TEST(TextUtilTest, SentenceBreakIgnoresInitials) {
  EXPECT_FALSE(HasSentenceBreak("Photo: J. Smith / AFP"));
  EXPECT_TRUE(HasSentenceBreak("They left. The base closed"));
  EXPECT_FALSE(HasSentenceBreak("U.S. troops"));
}

TEST(TextUtilTest, CaseOfFirstLetter) {
  EXPECT_TRUE(StartsUppercase("Élysée"));
  EXPECT_TRUE(StartsLowercase("été"));
  EXPECT_FALSE(StartsUppercase("“Quote"));
  EXPECT_FALSE(StartsLowercase("123"));
}

TEST(TextUtilTest, WordBytes) {
  const std::string s = "a•é–b";
  EXPECT_TRUE(IsWordByteAt(s, 0));
  EXPECT_FALSE(IsWordByteAt(s, 1));  // •
  EXPECT_TRUE(IsWordByteAt(s, 4));   // é
  EXPECT_FALSE(IsWordByteAt(s, 6));  // –
}

}  // namespace
}  // namespace dossier
