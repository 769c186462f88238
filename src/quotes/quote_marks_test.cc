#include "quotes/quote_marks.h"

#include <string>

#include <gtest/gtest.h>

namespace dossier::quotes {
namespace {

// The outermost quoted contents, joined with '|'.
std::string Outer(const std::string& text) {
  TextSegmenter seg("en");
  Segmentation s = seg.Segment(text);
  std::string out;
  for (const QuotedSpan& q : FindQuotedSpans(text, s.paragraphs)) {
    if (q.depth != 0) continue;
    if (!out.empty()) out += '|';
    out += text.substr(q.begin, q.end - q.begin);
  }
  return out;
}

TEST(QuoteMarks, EveryStyle) {
  struct Case {
    const char* text;
    const char* want;
  } cases[] = {
      {"He said \"we stay\" today.", "we stay"},
      {"He said \xE2\x80\x9Cwe stay\xE2\x80\x9D today.", "we stay"},
      {"Il a dit \xC2\xAB nous restons \xC2\xBB hier.", " nous restons "},
      {"He said \xE2\x80\x98we stay\xE2\x80\x99 today.", "we stay"},
      {"He said 'we stay' today.", "we stay"},
      {"He said ``we stay '' today.", "we stay "},
      {"Iraq\xE2\x80\x99s army and the \"troops\" don't leave.", "troops"},
      {"\xE2\x80\x9CIt is \xE2\x80\x98over\xE2\x80\x99 now,\xE2\x80\x9D he said.",
       "It is \xE2\x80\x98over\xE2\x80\x99 now,"},
      {"A \"first\" and a \"second\".", "first|second"},
  };
  for (const Case& c : cases) EXPECT_EQ(Outer(c.text), c.want) << c.text;
}

TEST(QuoteMarks, QuoteSpanningParagraphs) {
  std::string text = "He said: \"We will stay.\n\n\"We will fight.\"\n\nThen he left.";
  TextSegmenter seg("en");
  Segmentation s = seg.Segment(text);
  std::vector<QuotedSpan> q = FindQuotedSpans(text, s.paragraphs);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_TRUE(q[0].multi_paragraph);
  EXPECT_TRUE(q[0].terminated);
  EXPECT_EQ(text.substr(q[0].begin, q[0].end - q[0].begin), "We will stay.\n\n\"We will fight.");
}

TEST(QuoteMarks, UnclosedQuoteEndsWithParagraph) {
  std::string text = "He said \"we stay.\n\nNothing else.";
  TextSegmenter seg("en");
  Segmentation s = seg.Segment(text);
  std::vector<QuotedSpan> q = FindQuotedSpans(text, s.paragraphs);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_FALSE(q[0].terminated);
  EXPECT_EQ(text.substr(q[0].begin, q[0].end - q[0].begin), "we stay.");
}

TEST(QuoteMarks, EmptyText) { EXPECT_EQ(Outer(""), ""); }

}  // namespace
}  // namespace dossier::quotes
