// Calendar values of the time stage: days, weeks, months, seasons, years,
// decades, ranges and vague references, and their ISO 8601 form.
//
// Formats (ISO 8601 with the TIMEX3 extensions for what ISO cannot say):
//   day "2020-08-28", week "2020-W35", weekend "2020-W35-WE", month "2020-08",
//   season "2020-SU" (SP, SU, FA, WI), year "2020", decade "199X",
//   range "2020-03/2021-01" (each side in its own precision),
//   vague "PAST_REF", "PRESENT_REF", "FUTURE_REF".
// Bounds() turns any value into the interval of days it covers, so values of
// different precision can be compared ("2020" contains "2020-01-03").
//
// Thread-safety: plain values and free functions.
#ifndef DOSSIER_TIME_TIME_VALUE_H_
#define DOSSIER_TIME_TIME_VALUE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dossier {

enum class Precision : uint8_t {
  kDay,
  kWeek,  ///< an ISO week, or a weekend (TimePoint::weekend)
  kMonth,
  kSeason,  ///< TimePoint::season 1..4 = spring, summer, fall, winter
  kYear,
  kDecade,
  kRange,  ///< TemporalExpression only: start and end differ
  kVague,  ///< PAST_REF, PRESENT_REF, FUTURE_REF: no interval
};
std::string_view PrecisionName(Precision p);  ///< "day", "week", ..., "vague"

// A day of the proleptic Gregorian calendar.
struct CivilDay {
  int year = 0;
  int month = 0;  ///< 1..12
  int day = 0;    ///< 1..31
  friend bool operator==(const CivilDay&, const CivilDay&) = default;
};
int64_t DaysFromCivil(const CivilDay& d);  ///< days since 1970-01-01
CivilDay CivilFromDays(int64_t days);
int DaysInMonth(int year, int month);
int IsoWeekday(const CivilDay& d);  ///< 1 = Monday .. 7 = Sunday
CivilDay AddDays(const CivilDay& d, int64_t n);

// One calendar value at one precision (never kRange).
struct TimePoint {
  Precision precision = Precision::kDay;
  int year = 0;
  int month = 0;         ///< kDay, kMonth
  int day = 0;           ///< kDay
  int week = 0;          ///< kWeek: ISO week; year is then the ISO week-year
  bool weekend = false;  ///< kWeek: the weekend of that week
  int season = 0;        ///< kSeason
  std::string vague;     ///< kVague: "PAST_REF", ...
  friend bool operator==(const TimePoint&, const TimePoint&) = default;
};
TimePoint DayPoint(const CivilDay& d);
TimePoint MonthPoint(int year, int month);
TimePoint YearPoint(int year);
TimePoint WeekPoint(const CivilDay& any_day_of_week, bool weekend);

// The first and last day (inclusive, DaysFromCivil) a value covers; nullopt
// for vague values.
struct DayInterval {
  int64_t first = 0;
  int64_t last = 0;
};
std::optional<DayInterval> Bounds(const TimePoint& t);

// ISO 8601 / TIMEX3 form, see the file comment.
std::string FormatTimePoint(const TimePoint& t);

}  // namespace dossier

#endif  // DOSSIER_TIME_TIME_VALUE_H_
