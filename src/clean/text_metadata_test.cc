// Tests for clean/text_metadata.h.
#include "clean/text_metadata.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace dossier {
namespace {

struct Outcome {
  TextMetadata meta;
  std::vector<std::string> body;
};

Outcome Extract(const std::vector<std::string>& lines, const BoilerplateReport& removed = {},
                std::string_view known_title = {}) {
  std::vector<std::string_view> ps(lines.begin(), lines.end());
  Outcome o;
  o.meta = ExtractTextMetadata(&ps, removed, known_title);
  o.body.assign(ps.begin(), ps.end());
  return o;
}

const std::string kLede =
    "France's defense minister headed to Iraq on Thursday to reiterate her country's commitment.";
const std::string kMore = "The minister met with Iraqi President Barham Salih, officials said.";

TEST(TextMetadataTest, TitleAndDateLine) {
  Outcome o = Extract(
      {"French minister visits Iraq following turnover of US base", kLede, "Aug 28, 2020", kMore});
  EXPECT_EQ(o.meta.title, "French minister visits Iraq following turnover of US base");
  EXPECT_EQ(o.meta.published, "2020-08-28");
  EXPECT_EQ(o.body, (std::vector<std::string>{kLede, kMore}));
}

TEST(TextMetadataTest, DateHeader) {
  Outcome o = Extract({"date 2021-07 Discussions entre Washington et Bagdad", kLede});
  EXPECT_EQ(o.meta.published, "2021-07");
  EXPECT_EQ(o.meta.title, "Discussions entre Washington et Bagdad");
  EXPECT_EQ(o.body, (std::vector<std::string>{kLede}));
}

TEST(TextMetadataTest, LabelledDateLines) {
  const std::pair<std::string, std::string> cases[] = {
      {"Published: 28 August 2020", "2020-08-28"},
      {"Publié le 28 août 2020 à 10h30", "2020-08-28T10:30:00"},
      {"Mis à jour le 29/08/2020", "2020-08-29"},
      {"Veröffentlicht am 28. August 2020", "2020-08-28"},
      {"Publicado el 28 de agosto de 2020", "2020-08-28"},
      {"2020-08-28", "2020-08-28"},
      {"Publié le 29 août 2021 à 18h05 - Mis à jour le 30 août 2021 à 09h12",
       "2021-08-29T18:05:00"},
      {"Updated: Aug. 30, 2021 | Published: Aug. 29, 2021", "2021-08-29"},
  };
  for (const auto& [line, iso] : cases) {
    SCOPED_TRACE(line);
    Outcome o = Extract({kLede, line, kMore});
    EXPECT_EQ(o.meta.published, iso);
    EXPECT_EQ(o.body, (std::vector<std::string>{kLede, kMore}));
  }
  // A publication date wins over an update date.
  Outcome both = Extract({kLede, "Updated: August 29, 2020", "Published: August 28, 2020", kMore});
  EXPECT_EQ(both.meta.published, "2020-08-28");
}

TEST(TextMetadataTest, NoDatesFromSentencesOrFarDown) {
  Outcome o =
      Extract({kLede, "President Donald Trump reaffirmed his desire on August 21, 2020.", kMore});
  EXPECT_EQ(o.meta.published, "");
  EXPECT_EQ(o.body.size(), 3u);
  std::vector<std::string> long_text(8, kMore);
  long_text.push_back("August 28, 2020");
  Outcome far = Extract(long_text);
  EXPECT_EQ(far.meta.published, "");
}

TEST(TextMetadataTest, NoTitleFromSentences) {
  Outcome o = Extract({"France will keep troops in Iraq, Macron has announced.", kMore});
  EXPECT_EQ(o.meta.title, "");
  EXPECT_EQ(o.body.size(), 2u);
  // A single paragraph is body, not a title.
  EXPECT_EQ(Extract({"Short headline-like text"}).meta.title, "");
}

TEST(TextMetadataTest, KnownTitleRepeatedInTextIsDropped) {
  Outcome o = Extract({"Macron in Baghdad", kLede}, {}, "Macron in Baghdad");
  EXPECT_EQ(o.meta.title, "");
  EXPECT_EQ(o.body, (std::vector<std::string>{kLede}));
  Outcome other = Extract({"A different kicker line", kLede}, {}, "Macron in Baghdad");
  EXPECT_EQ(other.body.size(), 2u);
}

TEST(TextMetadataTest, Datelines) {
  struct Case {
    std::string para;
    std::string place;
    std::string body;
    std::string outlet;
  };
  const Case cases[] = {
      {"ERBIL, Kurdistan Region \xE2\x80\x93 France will tell the US to delay withdrawal.",
       "ERBIL, Kurdistan Region", "France will tell the US to delay withdrawal.", ""},
      {"BAGHDAD \xE2\x80\x94 Rockets hit the base.", "BAGHDAD", "Rockets hit the base.", ""},
      {"PARIS (Reuters) - France said on Friday it would stay.", "PARIS",
       "France said on Friday it would stay.", "Reuters"},
      {"WASHINGTON (AP) \xE2\x80\x94 The talks resumed.", "WASHINGTON", "The talks resumed.", "AP"},
      {"Paris, 12 mars (AFP) - La France reste.", "Paris", "La France reste.", "AFP"},
      {"WASHINGTON, Aug. 28 (Reuters) - Talks resumed.", "WASHINGTON", "Talks resumed.", "Reuters"},
      {"Berlin (dpa) - Die Bundeswehr bleibt.", "Berlin", "Die Bundeswehr bleibt.", "dpa"},
      {"WASHINGTON, 26 jul (EFE).- El presidente habló.", "WASHINGTON", "El presidente habló.",
       "EFE"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.para);
    Outcome o = Extract({c.para, kMore});
    EXPECT_EQ(o.meta.dateline, c.place);
    EXPECT_EQ(o.meta.outlet, c.outlet);
    ASSERT_FALSE(o.body.empty());
    EXPECT_EQ(o.body[0], c.body);
  }
  // Not datelines.
  for (std::string para : {"Iraq - the country in the middle - is caught between allies.",
                           "US \xE2\x80\x93 China trade talks resumed on Friday.",
                           "The minister said: \"BAGHDAD \xE2\x80\x94 is safe\"."}) {
    SCOPED_TRACE(para);
    Outcome o = Extract({para, kMore});
    EXPECT_EQ(o.meta.dateline, "");
    EXPECT_EQ(o.body[0], para);
  }
}

TEST(TextMetadataTest, TrailingCredit) {
  const std::pair<std::string, std::string> cases[] = {
      {"Quelque 3.500 soldats sont encore sur le territoire. (Belga)", "Belga"},
      {"The talks will resume on Monday. (AFP)", "AFP"},
      {"The talks will resume on Monday. (With Reuters)", "Reuters"},
      {"The talks will resume on Monday. (Associated Press)", "Associated Press"},
  };
  for (const auto& [para, outlet] : cases) {
    SCOPED_TRACE(para);
    Outcome o = Extract({kLede, para});
    EXPECT_EQ(o.meta.outlet, outlet);
    EXPECT_EQ(o.body.back().find('('), std::string::npos);
    EXPECT_TRUE(o.body.back().ends_with('.'));
  }
  // A closing credit paragraph names the outlet and leaves the body.
  for (const auto& [para, outlet] : std::vector<std::pair<std::string, std::string>>{
           {"Le Monde avec AFP", "Le Monde"}, {"With Reuters", "Reuters"}}) {
    SCOPED_TRACE(para);
    Outcome o = Extract({kLede, kMore, para});
    EXPECT_EQ(o.meta.outlet, outlet);
    EXPECT_EQ(o.body, (std::vector<std::string>{kLede, kMore}));
  }
  // Parentheses that belong to the sentence.
  for (std::string para : {"They fought the Islamic State (IS)", "It was reported (in 2020)",
                           "The group left. (many of them)"}) {
    SCOPED_TRACE(para);
    Outcome o = Extract({kLede, para});
    EXPECT_EQ(o.meta.outlet, "");
    EXPECT_EQ(o.body.back(), para);
  }
}

TEST(TextMetadataTest, NamedOutletBeatsWireCredit) {
  BoilerplateReport r;
  r.removed = {
      {"Rudaw moderates all comments submitted on our website.", BoilerplateKind::kComments}};
  // A named outlet beats a trailing wire credit.
  Outcome o = Extract({kLede, "The talks will resume. (AFP)"}, r);
  EXPECT_EQ(o.meta.outlet, "Rudaw");
  EXPECT_EQ(o.body.back(), "The talks will resume.");
}

TEST(TextMetadataTest, Empty) {
  Outcome o = Extract({});
  EXPECT_EQ(o.meta.title, "");
  EXPECT_TRUE(o.body.empty());
}

}  // namespace
}  // namespace dossier
