// Tested by time_value_test.cc.
#include "time/time_value.h"

#include <cstdio>

namespace dossier {

std::string_view PrecisionName(Precision p) {
  switch (p) {
    case Precision::kDay:
      return "day";
    case Precision::kWeek:
      return "week";
    case Precision::kMonth:
      return "month";
    case Precision::kSeason:
      return "season";
    case Precision::kYear:
      return "year";
    case Precision::kDecade:
      return "decade";
    case Precision::kRange:
      return "range";
    case Precision::kVague:
      return "vague";
  }
  return "?";
}

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t DaysFromCivil(const CivilDay& d) {
  int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t mp = (d.month + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDay CivilFromDays(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

int IsoWeekday(const CivilDay& d) {
  int64_t z = DaysFromCivil(d);  // 1970-01-01 was a Thursday (4)
  int64_t w = (z % 7 + 7 + 3) % 7;
  return static_cast<int>(w) + 1;
}

CivilDay AddDays(const CivilDay& d, int64_t n) { return CivilFromDays(DaysFromCivil(d) + n); }

TimePoint DayPoint(const CivilDay& d) {
  TimePoint t;
  t.precision = Precision::kDay;
  t.year = d.year;
  t.month = d.month;
  t.day = d.day;
  return t;
}

TimePoint MonthPoint(int year, int month) {
  TimePoint t;
  t.precision = Precision::kMonth;
  t.year = year;
  t.month = month;
  return t;
}

TimePoint YearPoint(int year) {
  TimePoint t;
  t.precision = Precision::kYear;
  t.year = year;
  return t;
}

TimePoint WeekPoint(const CivilDay& any_day, bool weekend) {
  // The ISO week-year is the year of the week's Thursday.
  CivilDay thursday = AddDays(any_day, 4 - IsoWeekday(any_day));
  CivilDay jan4{thursday.year, 1, 4};
  int64_t week1_monday = DaysFromCivil(jan4) - (IsoWeekday(jan4) - 1);
  TimePoint t;
  t.precision = Precision::kWeek;
  t.year = thursday.year;
  t.week = static_cast<int>((DaysFromCivil(thursday) - week1_monday) / 7 + 1);
  t.weekend = weekend;
  return t;
}

std::optional<DayInterval> Bounds(const TimePoint& t) {
  switch (t.precision) {
    case Precision::kDay: {
      int64_t d = DaysFromCivil({t.year, t.month, t.day});
      return DayInterval{d, d};
    }
    case Precision::kWeek: {
      CivilDay jan4{t.year, 1, 4};
      int64_t monday = DaysFromCivil(jan4) - (IsoWeekday(jan4) - 1) + 7 * (t.week - 1);
      return t.weekend ? DayInterval{monday + 5, monday + 6} : DayInterval{monday, monday + 6};
    }
    case Precision::kMonth:
      return DayInterval{DaysFromCivil({t.year, t.month, 1}),
                         DaysFromCivil({t.year, t.month, DaysInMonth(t.year, t.month)})};
    case Precision::kSeason: {
      // Meteorological seasons; winter spans the turn of the year.
      static constexpr int kFirstMonth[] = {3, 6, 9, 12};
      int m = kFirstMonth[(t.season - 1) & 3];
      int64_t first = DaysFromCivil({t.year, m, 1});
      CivilDay after = m == 12 ? CivilDay{t.year + 1, 3, 1} : CivilDay{t.year, m + 3, 1};
      return DayInterval{first, DaysFromCivil(after) - 1};
    }
    case Precision::kYear:
      return DayInterval{DaysFromCivil({t.year, 1, 1}), DaysFromCivil({t.year, 12, 31})};
    case Precision::kDecade: {
      int y = t.year - t.year % 10;
      return DayInterval{DaysFromCivil({y, 1, 1}), DaysFromCivil({y + 9, 12, 31})};
    }
    case Precision::kRange:
    case Precision::kVague:
      return std::nullopt;
  }
  return std::nullopt;
}

std::string FormatTimePoint(const TimePoint& t) {
  char buf[32];
  switch (t.precision) {
    case Precision::kDay:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
      return buf;
    case Precision::kWeek:
      std::snprintf(buf, sizeof buf, "%04d-W%02d%s", t.year, t.week, t.weekend ? "-WE" : "");
      return buf;
    case Precision::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", t.year, t.month);
      return buf;
    case Precision::kSeason: {
      static constexpr const char* kNames[] = {"SP", "SU", "FA", "WI"};
      std::snprintf(buf, sizeof buf, "%04d-%s", t.year, kNames[(t.season - 1) & 3]);
      return buf;
    }
    case Precision::kYear:
      std::snprintf(buf, sizeof buf, "%04d", t.year);
      return buf;
    case Precision::kDecade:
      std::snprintf(buf, sizeof buf, "%03dX", t.year / 10);
      return buf;
    case Precision::kRange:
      return "";
    case Precision::kVague:
      return t.vague;
  }
  return "";
}

}  // namespace dossier
