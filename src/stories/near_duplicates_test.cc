#include "stories/near_duplicates.h"

#include <gtest/gtest.h>

#include "stories/story_test_util.h"

namespace dossier::stories {
namespace {

using testing::MakeDoc;

const char kWire[] =
    "the defence ministry said on tuesday that the last combat troops would leave the country "
    "by the end of the year after talks between the two governments in the capital where the "
    "prime minister met the visiting president for three hours";

TEST(NearDuplicates, EditedCopyIsFoundDifferentTextIsNot) {
  NearDuplicateIndex index;
  index.Insert(0, index.Sign(MakeDoc("a", kWire).shingles));
  index.Insert(1, index.Sign(MakeDoc("b",
                                     "an earthquake of magnitude six struck the coast early "
                                     "on sunday morning and rescuers searched the rubble of "
                                     "collapsed houses in three villages near the epicentre")
                                 .shingles));
  // Another outlet's headline and a changed closing phrase.
  std::string copy = std::string("troops to leave by year end ") + kWire + " said the statement";
  EXPECT_EQ(index.Find(index.Sign(MakeDoc("c", copy).shingles)), 0);
  EXPECT_EQ(index.Find(index.Sign(MakeDoc("d",
                                          "the prime minister met the visiting president "
                                          "and discussed trade tariffs fishing rights and "
                                          "a new railway line across the northern border")
                                      .shingles)),
            -1);
}

TEST(NearDuplicates, ShortTextsAreNeverCopies) {
  NearDuplicateIndex index;
  MinHashSignature s = index.Sign(MakeDoc("a", "troops leave iraq").shingles);
  index.Insert(0, s);
  EXPECT_EQ(index.Find(s), -1);
}

TEST(NearDuplicates, ForgetsBeyondWindow) {
  NearDuplicateOptions o;
  o.window = 2;
  NearDuplicateIndex index(o);
  MinHashSignature wire = index.Sign(MakeDoc("a", kWire).shingles);
  index.Insert(0, wire);
  EXPECT_EQ(index.Find(wire), 0);
  index.Insert(1, index.Sign(MakeDoc("b", std::string("one two three four five six seven eight "
                                                      "nine ten eleven twelve"))
                                 .shingles));
  index.Insert(2, index.Sign(MakeDoc("c", std::string("alpha beta gamma delta epsilon zeta eta "
                                                      "theta iota kappa lambda mu"))
                                 .shingles));
  EXPECT_EQ(index.Find(wire), -1);
  EXPECT_EQ(index.entries().size(), 2u);
}

}  // namespace
}  // namespace dossier::stories
