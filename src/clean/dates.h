// Dates as news text and metadata state them, to ISO 8601.
//
// Accepted forms (the whole string must be a date; surrounding spaces and
// commas are fine, other words are not, so a sentence never parses):
//   ISO 8601      "2021", "2021-07", "2021-07-22", "2021-07-22T09:30:00+02:00",
//                 "2021-07-22 09:30:00Z", "2021/07/22"
//   RFC 822/1123  "Sat, 28 Aug 2021 10:00:00 +0000", "28 Aug 2021 10:00 GMT"
//   written       "August 28, 2020", "Aug. 28, 2020", "28 August 2020",
//                 "Friday 28 August 2020", "July 2021", "28 août 2020",
//                 "1er septembre 2020 à 10h30", "28. August 2020",
//                 "28 de agosto de 2020", "28 agosto 2020"
//                 (month names in en, fr, de, es, it, pt)
//                 "2023 Jan 7"
//   numeric       "28/08/2020", "28.08.2020", "2025.12.17", "08/28/2020" (day and month
//                 told apart when one is > 12; "05/06/2020" is ambiguous and
//                 rejected, except with '.' which is day-first everywhere)
// Precision is kept: "July 2021" is "2021-07", never an invented day. A time
// with a zone or offset is converted to UTC ("...Z"); a time without one is
// kept as local time (no suffix); a time without a day is dropped.
//
// Thread-safety: free functions.
#ifndef DOSSIER_CLEAN_DATES_H_
#define DOSSIER_CLEAN_DATES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dossier {

struct DateParts {
  int year = 0;
  int month = 0;  ///< 1..12, 0 when not stated
  int day = 0;    ///< 1..31, 0 when not stated
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  bool has_offset = false;  ///< a zone or UTC offset was stated
  int offset_minutes = 0;   ///< local time minus UTC
};

// Parses `text` when the whole of it is a date; nullopt otherwise.
std::optional<DateParts> ParseDate(std::string_view text);

// A date at the start of `text` followed by more text ("2021-07 Title ...",
// or a capitalised word glued to its year: "Dec 17, 2025Julian", two spans).
// Sets *consumed to the bytes the date used (trailing spaces included).
std::optional<DateParts> ParseDatePrefix(std::string_view text, size_t* consumed);

// "2021", "2021-07", "2021-07-22", "2021-07-22T09:30:00" or, with an offset,
// the UTC time "2021-07-22T07:30:00Z".
std::string FormatIso8601(const DateParts& date);

// FormatIso8601(ParseDate(text)), or "" when `text` is not a date.
std::string NormalizeDate(std::string_view text);

}  // namespace dossier

#endif  // DOSSIER_CLEAN_DATES_H_
