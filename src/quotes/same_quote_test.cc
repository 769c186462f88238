#include "quotes/same_quote.h"

#include <gtest/gtest.h>

namespace dossier::quotes {
namespace {

TEST(SameQuote, NormalisedTextOverlap) {
  // Marks, case and punctuation differ; one outlet quotes a part.
  EXPECT_TRUE(SameQuote("\xE2\x80\x9CWe do not want to be a place of confrontation,\xE2\x80\x9D",
                        "we do not want to be a place of confrontation, but of stability"));
  EXPECT_TRUE(SameQuote("Iraq\xE2\x80\x99s sovereignty is not negotiable",
                        "Iraq's sovereignty is NOT negotiable!"));
  EXPECT_FALSE(
      SameQuote("we will maintain our presence in Iraq", "the troops will leave Iraq next month"));
  // Too short to tell a quote from a shared phrase.
  EXPECT_FALSE(SameQuote("sovereignty", "sovereignty"));
  EXPECT_DOUBLE_EQ(QuoteOverlap("a b c", ""), 0.0);
}

TEST(SameQuote, GroupsTransitively) {
  std::vector<std::string_view> texts = {
      "the challenge for the authorities is to strengthen the Iraqi state",
      "Nothing to do with it at all here",
      "the challenge for the authorities is to strengthen the Iraqi state, to provide answers",
      "The challenge for the authorities is to strengthen"};
  std::vector<size_t> g = GroupSameQuotes(texts);
  EXPECT_EQ(g, (std::vector<size_t>{0, 1, 0, 0}));
}

}  // namespace
}  // namespace dossier::quotes
