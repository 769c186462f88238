#include "engine/event_dates.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(PlaceEventDates, DatedEventsKeepTheirDates) {
  std::vector<PlacedDate> d = PlaceEventDates({{"2020-08-27", ""}, {"2021-07", ""}});
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].date, "2020-08-27");
  EXPECT_FALSE(d[0].estimated);
  EXPECT_EQ(d[0].not_before, "");
  EXPECT_EQ(d[1].date, "2021-07");
  EXPECT_FALSE(d[1].estimated);
}

// A day or month the articles name as past holds the event after it: the
// first dated event on or after it, or the bound itself past the last.
TEST(PlaceEventDates, DayOrMonthBoundPlacesAtTheNextDatedEvent) {
  std::vector<PlacedDate> d = PlaceEventDates({{"2021-07-01", ""},
                                               {"", "2019-01"},
                                               {"2020-08-27", ""},
                                               {"", "2020-11-10"},
                                               {"", "2021-08-02"},
                                               {"", "2020-08-27"}});
  EXPECT_EQ(d[1].date, "2020-08-27");
  EXPECT_TRUE(d[1].estimated);
  EXPECT_EQ(d[1].not_before, "2019-01");
  EXPECT_EQ(d[3].date, "2021-07-01");
  EXPECT_EQ(d[4].date, "2021-08-02");  // after every dated event: the bound
  EXPECT_TRUE(d[4].estimated);
  EXPECT_EQ(d[5].date, "2020-08-27");  // on the day of a dated event
}

// A year alone, or no date at all, says little: the storyline's (lower)
// median dated event.
TEST(PlaceEventDates, YearOrNoBoundTakesTheMedianDatedEvent) {
  std::vector<PlacedDate> d = PlaceEventDates({{"2020-08-27", ""},
                                               {"2021-07-01", ""},
                                               {"2020-12-01", ""},
                                               {"2022-01-05", ""},
                                               {"", "2017"},
                                               {"", ""},
                                               {"", "2020-W35"}});
  EXPECT_EQ(d[4].date, "2020-12-01");
  EXPECT_EQ(d[4].not_before, "2017");
  EXPECT_TRUE(d[4].estimated);
  EXPECT_EQ(d[5].date, "2020-12-01");
  EXPECT_TRUE(d[5].estimated);
  EXPECT_EQ(d[5].not_before, "");
  EXPECT_EQ(d[6].date, "2020-12-01");  // a week is as vague as its year
}

TEST(PlaceEventDates, WithoutDatedEventsTheBoundOrNothing) {
  std::vector<PlacedDate> d = PlaceEventDates({{"", "2018"}, {"", ""}});
  EXPECT_EQ(d[0].date, "2018");
  EXPECT_TRUE(d[0].estimated);
  EXPECT_EQ(d[1].date, "");
  EXPECT_FALSE(d[1].estimated);
  EXPECT_TRUE(PlaceEventDates({}).empty());
}

}  // namespace
}  // namespace dossier
