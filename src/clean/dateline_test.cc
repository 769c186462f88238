// Tests for clean/dateline.h.
#include "clean/dateline.h"

#include <string>

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(DatelineTest, Table) {
  struct Case {
    std::string paragraph;
    std::string place;  // "" when the paragraph has no dateline
    std::string agency;
    std::string body;
  };
  const Case cases[] = {
      {"ERBIL, Kurdistan Region \xE2\x80\x93 France will tell the US.", "ERBIL, Kurdistan Region",
       "", "France will tell the US."},
      {"BAGHDAD \xE2\x80\x94 Rockets hit the base.", "BAGHDAD", "", "Rockets hit the base."},
      {"WASHINGTON\xE2\x80\x94 Rockets hit the base.", "WASHINGTON", "", "Rockets hit the base."},
      {"PARIS (Reuters) - France said it would stay.", "PARIS", "Reuters",
       "France said it would stay."},
      {"Paris, 12 mars (AFP) - La France reste.", "Paris", "AFP", "La France reste."},
      {"WASHINGTON, D.C. -- The talks resumed.", "WASHINGTON, D.C.", "", "The talks resumed."},
      {"Berlin (dpa) - Die Bundeswehr bleibt.", "Berlin", "dpa", "Die Bundeswehr bleibt."},
      {"WASHINGTON, 26 jul (EFE).- El presidente habl\xC3\xB3.", "WASHINGTON", "EFE",
       "El presidente habl\xC3\xB3."},
      // Not datelines.
      {"Iraq - the country in the middle - is caught between allies.", "", "", ""},
      {"US \xE2\x80\x93 China trade talks resumed on Friday.", "", "", ""},
      {"Paris \xE2\x80\x93 a city of lights \xE2\x80\x93 hosted the talks.", "", "", ""},
      {"BAGHDAD \xE2\x80\x94 the capital, was calm.", "", "", ""},
      {"The minister said: \"BAGHDAD \xE2\x80\x94 is safe\".", "", "", ""},
      {"France will tell the US to delay withdrawal, the minister said.", "", "", ""},
      {"", "", "", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.paragraph);
    std::optional<Dateline> d = FindDateline(c.paragraph);
    if (c.place.empty()) {
      EXPECT_FALSE(d.has_value());
      continue;
    }
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->place, c.place);
    EXPECT_EQ(d->agency, c.agency);
    EXPECT_EQ(c.paragraph.substr(d->body_start), c.body);
  }
}

}  // namespace
}  // namespace dossier
