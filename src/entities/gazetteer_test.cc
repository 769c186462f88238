#include "entities/gazetteer.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "base/scoped_temp_dir.h"
#include "entities/gazetteer_builder.h"
#include "entities/tag_scheme.h"
#include "entities/word_forms.h"

namespace dossier::ner {
namespace {

std::vector<uint64_t> Marks(const Gazetteer& g, const std::vector<std::string>& tokens) {
  std::vector<uint64_t> keys, marks(tokens.size(), 0);
  for (const std::string& t : tokens) keys.push_back(Gazetteer::TokenKey(Lower(t)));
  g.Match(keys.data(), keys.size(), marks.data());
  return marks;
}

uint64_t Bit(int category, LabelPart part) { return 1ULL << (4 * category + int(part)); }

TEST(Gazetteer, MatchesLongAndNestedPhrases) {
  Gazetteer g;
  int city = g.AddCategory("city");
  int country = g.AddCategory("country");
  g.Add(city, {"new", "york"});
  g.Add(city, {"york"});
  g.Add(country, {"united", "states", "of", "america"});
  std::vector<uint64_t> m =
      Marks(g, {"The", "United", "States", "of", "America", "and", "New", "York"});
  EXPECT_EQ(m[0], 0u);
  EXPECT_EQ(m[1], Bit(country, LabelPart::kB));
  EXPECT_EQ(m[2], Bit(country, LabelPart::kI));
  EXPECT_EQ(m[4], Bit(country, LabelPart::kL));
  EXPECT_EQ(m[6], Bit(city, LabelPart::kB));
  EXPECT_EQ(m[7], Bit(city, LabelPart::kL) | Bit(city, LabelPart::kU));
  // A prefix alone is no match.
  EXPECT_EQ(Marks(g, {"United", "States"})[0], 0u);
}

TEST(Gazetteer, SaveLoadRoundTrip) {
  Gazetteer g;
  g.Add(g.AddCategory("demonym"), {"iraqi"});
  std::string bytes;
  ByteWriter w(&bytes);
  g.Save(&w);
  Gazetteer h;
  ByteReader r(bytes);
  ASSERT_TRUE(h.Load(&r));
  EXPECT_EQ(h.categories(), g.categories());
  EXPECT_EQ(Marks(h, {"IRAQI"})[0], Bit(0, LabelPart::kU));
  ByteReader truncated(std::string_view(bytes).substr(0, bytes.size() - 3));
  EXPECT_FALSE(h.Load(&truncated));
}

TEST(GazetteerBuilder, ReadsGeoNamesStyleFiles) {
  ScopedTempDir tmp("gazetteer");
  const std::filesystem::path dir = tmp.path();
  {
    std::ofstream cities(dir / "cities15000.txt");
    // id, name, ascii name, alternate names, lat, lon, class, code, country, cc2,
    // admin1..4, population, ...
    cities << "98182\tBaghdad\tBaghdad\tBagdad,Bagdád,ALV,بغداد\t33.3\t44.4\tP\tPPLC\tIQ\t\t07"
              "\t\t\t\t7216000\t\t41\tAsia/Baghdad\t2024-01-01\n";
    std::ofstream countries(dir / "countries.json");
    countries << R"([{"name": {"common": "Iraq", "official": "Republic of Iraq"},
                     "altSpellings": ["IQ"], "capital": ["Baghdad"],
                     "demonyms": {"eng": {"f": "Iraqi", "m": "Iraqi"},
                                  "fra": {"f": "Irakienne", "m": "Irakien"}},
                     "translations": {"fra": {"common": "Irak", "official": "République d'Irak"}},
                     "region": "Asia", "subregion": "Western Asia",
                     "languages": {"ara": "Arabic"}}])";
  }
  Gazetteer g;
  GazetteerBuildStats stats;
  ASSERT_TRUE(BuildGazetteer(dir.string(), "en", &g, &stats).ok());
  EXPECT_EQ(stats.files, 2u);
  const int city_1m = g.FindCategory("city_1m"), demonym = g.FindCategory("demonym");
  const int country = g.FindCategory("country"), language = g.FindCategory("language");
  EXPECT_TRUE(Marks(g, {"Bagdád"})[0] & Bit(city_1m, LabelPart::kU));
  EXPECT_EQ(Marks(g, {"ALV"})[0], 0u);  // a code, not a name
  EXPECT_TRUE(Marks(g, {"Iraqis"})[0] & Bit(demonym, LabelPart::kU));
  EXPECT_TRUE(Marks(g, {"Republic", "of", "Iraq"})[2] & Bit(country, LabelPart::kL));
  EXPECT_TRUE(Marks(g, {"Arabic"})[0] & Bit(language, LabelPart::kU));
  EXPECT_EQ(Marks(g, {"Irak"})[0], 0u);  // French names only in a French gazetteer

  Gazetteer fr;
  ASSERT_TRUE(BuildGazetteer(dir.string(), "fr", &fr, &stats).ok());
  EXPECT_TRUE(Marks(fr, {"Irak"})[0] & Bit(country, LabelPart::kU));
  EXPECT_TRUE(Marks(fr, {"Irakiens"})[0] & Bit(demonym, LabelPart::kU));

  EXPECT_TRUE(BuildGazetteer("/nonexistent", "en", &g, &stats).code() == Status::Code::kNotFound);
}

}  // namespace
}  // namespace dossier::ner
