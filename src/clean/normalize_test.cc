// Tests for clean/normalize.h.
#include "clean/normalize.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(NormalizeTest, Table) {
  struct Case {
    std::string_view in;
    std::string_view want;
  };
  const Case cases[] = {
      {"", ""},
      {"   \n\t \n", ""},
      {"One line.", "One line."},
      // CRLF and CR; every line its own paragraph; blank lines collapse.
      {"a\r\nb\rc\n\n\n\nd", "a\n\nb\n\nc\n\nd"},
      // Spaces: NBSP, thin, narrow NBSP, ideographic, tabs; runs collapse; lines trimmed.
      {"  x\xC2\xA0\xC2\xA0y\xE2\x80\x89z\xE2\x80\xAFw\xE3\x80\x80v\t\tu  ", "x y z w v u"},
      // Soft hyphen, zero-width space, word joiner, BOM and bidi marks vanish.
      {"co\xC2\xADop\xE2\x80\x8B"
       "er\xE2\x81\xA0"
       "a\xEF\xBB\xBFtion\xE2\x80\x8E",
       "cooperation"},
      // ZWJ stays (emoji sequences, Indic scripts).
      {"\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB",
       "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB"},
      // Control characters go, C1 too; NEL is a line break.
      {"a\x01"
       "b\x7F"
       "c\xC2\x85"
       "d\xC2\x9F",
       "abc\n\nd"},
      // NFC: e + combining acute -> é; Hangul jamo compose.
      {"e\xCC\x81t\xCC\x81", "\xC3\xA9t\xCC\x81"},
      {"\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", "\xED\x95\x9C"},
      // U+2028 line separator, U+2029 paragraph separator.
      {"a\xE2\x80\xA8"
       "b\xE2\x80\xA9"
       "c",
       "a\n\nb\n\nc"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.in));
    EXPECT_EQ(NormalizeText(c.in), c.want);
  }
}

TEST(NormalizeTest, HardWrappedBlocksAreJoined) {
  const std::string in =
      "The French president spent only a few hours in Baghdad, the time\n"
      "to meet the main political leaders, including the new Prime\n"
      "Minister Moustafa al-Kazimi, and to discuss the means to well-\n"
      "known issues.\n"
      "\n"
      "In addition to bilateral relations between the two countries, he\n"
      "discussed the means to accompany the process of sovereignty.\n";
  EXPECT_EQ(NormalizeText(in),
            "The French president spent only a few hours in Baghdad, the time to meet the main "
            "political leaders, including the new Prime Minister Moustafa al-Kazimi, and to "
            "discuss the means to well-known issues.\n\n"
            "In addition to bilateral relations between the two countries, he discussed the "
            "means to accompany the process of sovereignty.");
}

TEST(NormalizeTest, OneParagraphPerLineWhenNotWrapped) {
  // Blank lines, but the lines inside blocks are short list items.
  const std::string list =
      "Continue reading this article by registering at no cost and get unlimited access to:\n"
      "  \xE2\x80\xA2 Archives\n"
      "  \xE2\x80\xA2 The Week in Review\n"
      "  \xE2\x80\xA2 Exclusive Events\n"
      "\n"
      "Next.";
  EXPECT_EQ(NormalizeText(list),
            "Continue reading this article by registering at no cost and get unlimited access "
            "to:\n\n\xE2\x80\xA2 Archives\n\n\xE2\x80\xA2 The Week in Review\n\n\xE2\x80\xA2 "
            "Exclusive Events\n\nNext.");
  // No blank lines at all: lines are paragraphs even if they look wrapped.
  const std::string lines =
      "The French president spent only a few hours in Baghdad, the time\n"
      "to meet the main political leaders, including the new Prime\n"
      "Minister Moustafa al-Kazimi.\n";
  EXPECT_EQ(NormalizeText(lines),
            "The French president spent only a few hours in Baghdad, the time\n\nto meet the main "
            "political leaders, including the new Prime\n\nMinister Moustafa al-Kazimi.");
}

TEST(NormalizeTest, ParagraphModelInvariant) {
  const std::string out = NormalizeText("\n\n  A \n\n\n B  \r\n\r\n\r\nC\n");
  EXPECT_EQ(out, "A\n\nB\n\nC");
  EXPECT_EQ(out.find("\n\n\n"), std::string::npos);
}

TEST(NormalizeTest, Inline) {
  EXPECT_EQ(NormalizeInline("  French\n minister\xC2\xA0visits\t Iraq "),
            "French minister visits Iraq");
  EXPECT_EQ(NormalizeInline("bad \xE9 byte"), "bad \xEF\xBF\xBD byte");
  EXPECT_EQ(NormalizeInline(""), "");
}

TEST(NormalizeTest, SplitAndJoin) {
  const std::string text = "A\n\nB b\n\nC";
  const std::vector<std::string_view> ps = SplitParagraphs(text);
  ASSERT_EQ(ps.size(), 3u);
  EXPECT_EQ(ps[1], "B b");
  EXPECT_EQ(JoinParagraphs(ps), text);
  EXPECT_TRUE(SplitParagraphs("").empty());
  EXPECT_EQ(JoinParagraphs({"x", "", "y"}), "x\n\ny");
}

}  // namespace
}  // namespace dossier
