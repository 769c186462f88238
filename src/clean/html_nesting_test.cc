// Tests for clean/html_nesting.h.
#include "clean/html_nesting.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(HtmlNestingTest, ShallowPagesAreLeftAlone) {
  std::string out = "untouched";
  const std::string page =
      "<!DOCTYPE html><html><head><script>if (a < b) { x = '<div>'; }</script></head>"
      "<body><!-- <div><div> --><p>One<p>Two<ul><li>a<li>b</ul><br/><img src=x>"
      "<div class=\"a>b\"><span>t</span></div></body></html>";
  EXPECT_FALSE(LimitHtmlNesting(page, 4, &out));
  EXPECT_EQ(out, "untouched");
}

TEST(HtmlNestingTest, DeepElementsAreFlattened) {
  std::string page = "<body>";
  for (int i = 0; i < 10; ++i) page += "<div>" + std::to_string(i);
  for (int i = 0; i < 10; ++i) page += "</div>";
  page += "<p>after</p></body>";
  std::string out;
  ASSERT_TRUE(LimitHtmlNesting(page, 3, &out));
  // body + 2 divs kept; the rest of the tags dropped, the text kept.
  EXPECT_EQ(out, "<body><div>0<div>123456789</div></div><p>after</p></body>");
}

TEST(HtmlNestingTest, DeepRawTextElementsGoWhole) {
  const std::string page = "<div><div><script>var s = '<p>x</p>';</script>text</div></div>";
  std::string out;
  ASSERT_TRUE(LimitHtmlNesting(page, 1, &out));
  EXPECT_EQ(out, "<div>text</div>");
}

TEST(HtmlNestingTest, HundredThousandDeepIsLinear) {
  std::string page = "<html><body>";
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page += "deep text";
  std::string out;
  ASSERT_TRUE(LimitHtmlNesting(page, 512, &out));
  EXPECT_LT(out.size(), 512 * 5 + 100);
  EXPECT_NE(out.find("deep text"), std::string::npos);
}

TEST(HtmlNestingTest, MalformedInputDoesNotCrash) {
  std::string out;
  for (std::string_view page : {"<", "<div", "</", "<!--", "<div class=\"unterminated>",
                                "<script>no end", "<<<>>>", "<a href='x' <b>"}) {
    LimitHtmlNesting(page, 1, &out);
  }
  SUCCEED();
}

}  // namespace
}  // namespace dossier
