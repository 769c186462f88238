// Tests for clean/outlet_names.h.
#include "clean/outlet_names.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(OutletNamesTest, FromRemovedBoilerplate) {
  BoilerplateReport r;
  r.removed = {
      {"Rudaw moderates all comments submitted on our website. We also welcome constructive "
       "criticism about Rudaw.",
       BoilerplateKind::kComments},
      {"Post a comment", BoilerplateKind::kComments},
  };
  EXPECT_EQ(OutletCandidates(r), std::vector<std::string>{"Rudaw"});

  BoilerplateReport m;
  m.removed = {
      {"al-monitor French Defense Minister meets officials. Photo by X/AFP via Getty Images.",
       BoilerplateKind::kCaption},
      {"\xE2\x80\xA2 Al-Monitor Archives", BoilerplateKind::kPaywall},
      {"\xE2\x80\xA2 The Week in Review", BoilerplateKind::kPaywall},
  };
  EXPECT_EQ(OutletCandidates(m), std::vector<std::string>{"Al-Monitor"});

  BoilerplateReport c;
  c.removed = {
      {"\xC2\xA9 2021 Le Monde. Tous droits réservés.", BoilerplateKind::kCopyright},
      {"This article was originally published on The Conversation.", BoilerplateKind::kCredit},
      {"Photo: Jane Doe / AFP", BoilerplateKind::kCaption}};
  EXPECT_EQ(OutletCandidates(c), (std::vector<std::string>{"Le Monde", "The Conversation"}));
}

TEST(OutletNamesTest, NoNamesFromPronounsCaptionsOrStories) {
  BoilerplateReport r;
  r.removed = {
      {"We moderate all comments. Please read our guidelines.", BoilerplateKind::kComments},
      {"Photo: Jane Doe / AFP", BoilerplateKind::kCaption},
      {"Iraqi soldiers in Mosul. Photo by John Smith/Getty Images", BoilerplateKind::kCaption},
      {"Subscribe to our newsletter", BoilerplateKind::kPaywall},
  };
  EXPECT_TRUE(OutletCandidates(r).empty());
  // A caption prefix alone is not enough.
  BoilerplateReport p;
  p.removed = {{"example-news French troops in Erbil. Photo: AFP", BoilerplateKind::kCaption}};
  EXPECT_TRUE(OutletCandidates(p).empty());
}

TEST(OutletNamesTest, MostSupportedNameInItsCommonSpelling) {
  BoilerplateReport r;
  r.removed = {
      {"\xC2\xA9 2021 Example Times", BoilerplateKind::kCopyright},
      {"Example Daily moderates all comments.", BoilerplateKind::kComments},
      {"We also welcome constructive criticism about Example Daily.", BoilerplateKind::kComments},
  };
  EXPECT_EQ(OutletCandidates(r), (std::vector<std::string>{"Example Daily", "Example Times"}));
}

TEST(OutletNamesTest, WireCreditName) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"Belga", "Belga"},
      {"AFP", "AFP"},
      {"with Reuters", "Reuters"},
      {"avec AFP", "AFP"},
      {"Associated Press", "Associated Press"},
      {"AFP/Reuters", "AFP/Reuters"},
      {"dpa", "dpa"},
      {"many of them", ""},
      {"in 2020", ""},
      {"a b c d", ""},
      {"", ""},
  };
  for (const auto& [in, want] : cases) {
    SCOPED_TRACE(std::string(in));
    EXPECT_EQ(WireCreditName(in), want);
  }
  EXPECT_TRUE(IsCreditConnector("Avec"));
  EXPECT_FALSE(IsCreditConnector("and"));
}

}  // namespace
}  // namespace dossier
