#include "stories/story_document.h"

#include <gtest/gtest.h>

namespace dossier::stories {
namespace {

TEST(StoryDocument, DaysRoundTrip) {
  struct Case {
    const char* iso;
    int32_t day;
  } cases[] = {{"1970-01-01", 0}, {"2020-09-02", 18507}, {"2000-02-29", 11016}, {"1969-12-31", -1}};
  for (const Case& c : cases) {
    EXPECT_EQ(DayFromIso(c.iso), c.day) << c.iso;
    EXPECT_EQ(IsoFromDay(c.day), c.iso) << c.iso;
  }
  EXPECT_EQ(DayFromIso("2021-07-22T09:30:00Z"), DayFromIso("2021-07-22"));
  EXPECT_EQ(DayFromIso("2021-07"), kNoDay);
  EXPECT_EQ(DayFromIso("2021-13-01"), kNoDay);
  EXPECT_EQ(DayFromIso("abcd-ef-gh"), kNoDay);
  EXPECT_EQ(IsoFromDay(kNoDay), "");
}

TEST(StoryDocument, KeysAreStableAndTyped) {
  EXPECT_EQ(FeatureKey(FeatureKind::kTerm, "elect"), FeatureKey(FeatureKind::kTerm, "elect"));
  EXPECT_NE(FeatureKey(FeatureKind::kTerm, "elect"), FeatureKey(FeatureKind::kNumber, "elect"));
  EXPECT_NE(FeatureKey(FeatureKind::kTerm, "elect"), FeatureKey(FeatureKind::kTerm, "elects"));
  EXPECT_EQ(KindOfKey(FeatureKey(FeatureKind::kPlace, "country:IQ")), FeatureKind::kPlace);
}

}  // namespace
}  // namespace dossier::stories
