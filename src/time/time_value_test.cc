#include "time/time_value.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(TimeValue, CivilRoundTripAndWeekday) {
  CivilDay d{2020, 2, 29};
  EXPECT_EQ(CivilFromDays(DaysFromCivil(d)), d);
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(IsoWeekday({2021, 7, 22}), 4);  // a Thursday
  EXPECT_EQ(AddDays({2020, 12, 31}, 1), (CivilDay{2021, 1, 1}));
}

TEST(TimeValue, Formats) {
  EXPECT_EQ(FormatTimePoint(DayPoint({2020, 8, 28})), "2020-08-28");
  EXPECT_EQ(FormatTimePoint(MonthPoint(2021, 7)), "2021-07");
  EXPECT_EQ(FormatTimePoint(YearPoint(2017)), "2017");
  EXPECT_EQ(FormatTimePoint(WeekPoint({2021, 1, 3}, false)), "2020-W53");
  EXPECT_EQ(FormatTimePoint(WeekPoint({2021, 7, 22}, true)), "2021-W29-WE");
  TimePoint decade;
  decade.precision = Precision::kDecade;
  decade.year = 1990;
  EXPECT_EQ(FormatTimePoint(decade), "199X");
}

TEST(TimeValue, BoundsNestCoarserValues) {
  auto year = Bounds(YearPoint(2020));
  auto day = Bounds(DayPoint({2020, 1, 3}));
  ASSERT_TRUE(year && day);
  EXPECT_LE(year->first, day->first);
  EXPECT_GE(year->last, day->last);
  auto feb = Bounds(MonthPoint(2020, 2));
  ASSERT_TRUE(feb);
  EXPECT_EQ(feb->last - feb->first, 28);
  auto week = Bounds(WeekPoint({2021, 7, 22}, false));
  ASSERT_TRUE(week);
  EXPECT_EQ(CivilFromDays(week->first), (CivilDay{2021, 7, 19}));
  TimePoint vague;
  vague.precision = Precision::kVague;
  EXPECT_FALSE(Bounds(vague));
}

}  // namespace
}  // namespace dossier
