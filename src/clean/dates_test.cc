// Tests for clean/dates.h.
#include "clean/dates.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(DatesTest, NormalizeDate) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      // ISO 8601, precision kept.
      {"2021", "2021"},
      {"2021-07", "2021-07"},
      {"2021-07-22", "2021-07-22"},
      {"2021-07-22T09:30:00Z", "2021-07-22T09:30:00Z"},
      {"2021-07-22T09:30:00+02:00", "2021-07-22T07:30:00Z"},
      {"2021-07-22T09:30:00.123-0500", "2021-07-22T14:30:00Z"},
      {"2021-07-22T23:30:00-02:00", "2021-07-23T01:30:00Z"},
      {"2021-01-01T00:30:00+01:00", "2020-12-31T23:30:00Z"},
      {"2021-07-22 09:30", "2021-07-22T09:30:00"},
      {"2021/07/22", "2021-07-22"},
      // RFC 822 / 1123.
      {"Sat, 28 Aug 2021 10:00:00 +0000", "2021-08-28T10:00:00Z"},
      {"Sat, 28 Aug 2021 10:00:00 GMT", "2021-08-28T10:00:00Z"},
      {"Fri, 27 Aug 2021 22:15:00 EDT", "2021-08-28T02:15:00Z"},
      {"28 Aug 21 10:00 +0200", "2021-08-28T08:00:00Z"},
      // Written dates.
      {"Aug 28, 2020", "2020-08-28"},
      {"Aug. 28, 2020", "2020-08-28"},
      {"August 28, 2020", "2020-08-28"},
      {"28 August 2020", "2020-08-28"},
      {"Friday, August 28, 2020", "2020-08-28"},
      {"July 2021", "2021-07"},
      {"juillet 2021", "2021-07"},
      {"28 août 2020", "2020-08-28"},
      {"vendredi 28 août 2020", "2020-08-28"},
      {"1er septembre 2020 à 10h30", "2020-09-01T10:30:00"},
      {"28. August 2020", "2020-08-28"},
      {"28 de agosto de 2020", "2020-08-28"},
      {"28 agosto 2020", "2020-08-28"},
      {"28 de março de 2021", "2021-03-28"},
      {"3 März 2021", "2021-03-03"},
      {"August 28, 2020 at 3:15 pm", "2020-08-28T15:15:00"},
      {"Aug 28, 2020 10:00 PM EST", "2020-08-29T03:00:00Z"},
      // Numeric.
      {"28/08/2020", "2020-08-28"},
      {"08/28/2020", "2020-08-28"},
      {"05.06.2020", "2020-06-05"},
      {"08/2020", "2020-08"},
      {"2025.12.17", "2025-12-17"},
      // Year first, as citation metadata writes it.
      {"2023 Jan 7", "2023-01-07"},
      // Not dates.
      {"", ""},
      {"05/06/2020", ""},  // ambiguous
      {"2021-02-30", ""},
      {"2021-13", ""},
      {"28 August", ""},
      {"Monday", ""},
      {"Troops left Iraq in August 2020.", ""},
      {"In 2020", ""},
      {"12345", ""},
      {"2 days ago", ""},
  };
  for (const auto& [in, want] : cases) {
    SCOPED_TRACE(std::string(in));
    EXPECT_EQ(NormalizeDate(in), want);
  }
}

TEST(DatesTest, ParseDatePrefix) {
  struct Case {
    std::string_view text;
    std::string_view iso;
    std::string_view rest;
  };
  const Case cases[] = {
      {"2021-07 Discussions entre Washington et Bagdad", "2021-07",
       "Discussions entre Washington et Bagdad"},
      {"2020-08-28 Title", "2020-08-28", "Title"},
      {"August 28, 2020 Troops leave", "2020-08-28", "Troops leave"},
      {"2021-07", "2021-07", ""},
      {"2025.12.17 | Essay", "2025-12-17", "Essay"},
      // Two spans without a space between them.
      {"Dec 17, 2025Julian K. Arni", "2025-12-17", "Julian K. Arni"},
      // A month and year then a number: no day is invented.
      {"March 2024 12 comments", "2024-03", "12 comments"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.text));
    size_t used = 0;
    std::optional<DateParts> d = ParseDatePrefix(c.text, &used);
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(FormatIso8601(*d), c.iso);
    EXPECT_EQ(c.text.substr(used), c.rest);
  }
  size_t used = 0;
  EXPECT_FALSE(ParseDatePrefix("Troops leave", &used).has_value());
  EXPECT_FALSE(ParseDatePrefix("20210 people", &used).has_value());
}

TEST(DatesTest, FormatKeepsPrecision) {
  DateParts d;
  d.year = 2021;
  EXPECT_EQ(FormatIso8601(d), "2021");
  d.month = 7;
  EXPECT_EQ(FormatIso8601(d), "2021-07");
  d.day = 22;
  EXPECT_EQ(FormatIso8601(d), "2021-07-22");
}

}  // namespace
}  // namespace dossier
