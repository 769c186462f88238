#include "entities/alias_table.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "base/scoped_temp_dir.h"
#include "entities/identity_resources.h"
#include "entities/mo_file.h"

namespace dossier::identity {
namespace {

// A gettext catalogue of {msgid, msgstr} pairs, little-endian.
std::string MakeMo(const std::vector<std::pair<std::string, std::string>>& messages) {
  auto u32 = [](std::string* out, uint32_t v) {
    for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  };
  const uint32_t n = static_cast<uint32_t>(messages.size());
  const uint32_t originals = 28, translations = originals + 8 * n;
  uint32_t offset = translations + 8 * n;
  std::string header, tables_o, tables_t, strings;
  for (const auto& m : messages) {
    u32(&tables_o, static_cast<uint32_t>(m.first.size()));
    u32(&tables_o, offset + static_cast<uint32_t>(strings.size()));
    strings += m.first + '\0';
  }
  for (const auto& m : messages) {
    u32(&tables_t, static_cast<uint32_t>(m.second.size()));
    u32(&tables_t, offset + static_cast<uint32_t>(strings.size()));
    strings += m.second + '\0';
  }
  u32(&header, 0x950412de);
  u32(&header, 0);
  u32(&header, n);
  u32(&header, originals);
  u32(&header, translations);
  u32(&header, 0);
  u32(&header, 0);
  return header + tables_o + tables_t + strings;
}

TEST(MoCatalog, ParsesAndRejects) {
  std::string mo =
      MakeMo({{"", "Content-Type: text/plain\n"}, {"Iraq", "Irakia"}, {"Iran", "Iran"}});
  Result<MoCatalog> c = MoCatalog::Parse(mo);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->Translate("Iraq"), "Irakia");
  EXPECT_EQ(c->Translate("Syria"), "");
  EXPECT_EQ(c->size(), 2u);  // the header entry is not a message
  EXPECT_EQ(MoCatalog::Parse("short").status().code(), Status::Code::kCorruption);
  std::string bad = mo;
  bad[0] = 'x';
  EXPECT_EQ(MoCatalog::Parse(bad).status().code(), Status::Code::kCorruption);
  std::string truncated = mo.substr(0, mo.size() - 10);
  EXPECT_EQ(MoCatalog::Parse(truncated).status().code(), Status::Code::kCorruption);
  EXPECT_EQ(MoCatalog::Read("/nonexistent/x.mo").status().code(), Status::Code::kNotFound);
}

std::string GroupOf(const AliasTable& t, std::string_view name, AliasKind kind = AliasKind::kName) {
  std::optional<uint32_t> g = AliasTable::UniqueGroup(t.Lookup(name), kind);
  return g.has_value() ? t.group(*g).id : "";
}

TEST(AliasTable, CuratedFiles) {
  NameNormalizer n;
  AliasTable t(&n);
  ASSERT_TRUE(t.AddAliases("# comment\n\nislamic-state\tORG\tIslamic State|IS|Daesh\n", "a").ok());
  ASSERT_TRUE(t.AddDemonyms("IQ\ten\tIraqi|Iraqis\nTH\ten\tThai\n", "d").ok());
  ASSERT_TRUE(t.AddCapitals("IQ\tBaghdad|Bagdad\n", "c").ok());
  EXPECT_EQ(GroupOf(t, "Daech"), "islamic-state");  // a spelling the key folds
  EXPECT_EQ(GroupOf(t, "IS"), "islamic-state");
  EXPECT_EQ(GroupOf(t, "is"), "");  // acronyms are case-sensitive
  EXPECT_EQ(GroupOf(t, "Iraqis", AliasKind::kDemonym), "country:IQ");
  EXPECT_EQ(GroupOf(t, "the", AliasKind::kDemonym), "");  // short keys are spelt alike
  EXPECT_EQ(GroupOf(t, "Bagdad"), "capital:IQ");
  std::optional<uint32_t> capital = t.FindGroup("capital:IQ");
  ASSERT_TRUE(capital.has_value());
  EXPECT_EQ(t.group(*capital).capital_of, "country:IQ");
  EXPECT_EQ(t.group(*capital).type, ner::EntityType::kLoc);

  Status s = t.AddAliases("ok\tORG\tA\nbroken line\n", "aliases.tsv");
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find("aliases.tsv:2"), std::string::npos) << s.message();
  EXPECT_FALSE(t.AddAliases("x\tTHING\tA\n", "a").ok());
  EXPECT_FALSE(t.AddDemonyms("Iraq\ten\tIraqi\n", "d").ok());
  EXPECT_FALSE(t.AddCapitals("iq\tBaghdad\n", "c").ok());
}

TEST(AliasTable, AmbiguousKeysNameNoGroup) {
  NameNormalizer n;
  AliasTable t(&n);
  t.AddName("a", ner::EntityType::kOrg, "Union", AliasKind::kName, 2);
  t.AddName("b", ner::EntityType::kOrg, "Union", AliasKind::kName, 2);
  EXPECT_EQ(GroupOf(t, "Union"), "");
  t.AddName("c", ner::EntityType::kOrg, "Union", AliasKind::kName, 1);  // better priority wins
  EXPECT_EQ(GroupOf(t, "Union"), "c");
}

TEST(AliasTable, IcuCountriesInManyLanguages) {
  NameNormalizer n;
  AliasTable t(&n);
  t.AddIcuCountries({"en", "fr", "de", "es", "ru", "ar"});
  struct Case {
    const char* name;
    const char* group;
  } cases[] = {
      {"Iraq", "country:IQ"},
      {"Irak", "country:IQ"},
      {"United States", "country:US"},
      {"États-Unis", "country:US"},
      {"les Etats-Unis", "country:US"},
      {"Vereinigte Staaten", "country:US"},
      {"Estados Unidos", "country:US"},
      {"US", "country:US"},
      {"UK", "country:GB"},
      {"Ирак", "country:IQ"},
      {"العراق", "country:IQ"},
      {"Allemagne", "country:DE"},
      {"Austria", "country:AT"},
      {"Australia", "country:AU"},
  };
  for (const Case& c : cases) EXPECT_EQ(GroupOf(t, c.name), c.group) << c.name;
  EXPECT_GT(t.group_count(), 240u);
}

TEST(AliasTable, ShortKeysOfOtherLanguagesMustBeSpeltAlike) {
  NameNormalizer n;
  AliasTable t(&n);
  t.AddIcuCountries({"en", "tr"});
  EXPECT_EQ(GroupOf(t, "Suriye"), "country:SY");
  EXPECT_EQ(GroupOf(t, "Syria"), "country:SY");
  // "Sure" folds as "Suriye" does; "Irak" as "Iraq", a first-language name.
  EXPECT_EQ(GroupOf(t, "Sure"), "");
  EXPECT_EQ(GroupOf(t, "Irak"), "country:IQ");
}

TEST(AliasTable, CapitalNamedLikeItsCountryStaysTheCountry) {
  NameNormalizer n;
  AliasTable t(&n);
  t.AddIcuCountries({"en", "fr"});
  ASSERT_TRUE(t.AddCapitals("KW\tKuwait City|Koweït\nDJ\tDjibouti\n", "c").ok());
  EXPECT_EQ(GroupOf(t, "Koweït"), "country:KW");
  EXPECT_EQ(GroupOf(t, "Djibouti"), "country:DJ");
  EXPECT_EQ(GroupOf(t, "Kuwait City"), "capital:KW");
}

TEST(AliasTable, IsoCodes) {
  ScopedTempDir tmp("alias_table");
  const std::filesystem::path dir = tmp.path();
  std::filesystem::create_directories(dir / "xx" / "LC_MESSAGES");
  {
    std::ofstream json(dir / "iso.json");
    json << R"({"3166-1": [{"alpha_2": "IQ", "name": "Iraq", "official_name": "Republic of Iraq"},
                           {"alpha_2": "ZZZ", "name": "Bad code"}]})";
    std::ofstream mo(dir / "xx" / "LC_MESSAGES" / "iso_3166-1.mo", std::ios::binary);
    mo << MakeMo({{"Iraq", "Mesopotamia Republic"}});
  }
  NameNormalizer n;
  AliasTable t(&n);
  ASSERT_TRUE(t.AddIsoCodes((dir / "iso.json").string(), dir.string(), {"en", "xx"}).ok());
  EXPECT_EQ(GroupOf(t, "Republic of Iraq"), "country:IQ");
  EXPECT_EQ(GroupOf(t, "Bad code"), "");
  EXPECT_EQ(t.AddIsoCodes((dir / "none.json").string(), dir.string(), {"en"}).code(),
            Status::Code::kNotFound);
  {
    std::ofstream json(dir / "broken.json");
    json << "{\"3166-1\": [";
  }
  EXPECT_EQ(t.AddIsoCodes((dir / "broken.json").string(), dir.string(), {"en"}).code(),
            Status::Code::kCorruption);
}

TEST(IdentityResources, LoadsDefaultsAndReportsBadOptions) {
  Result<std::unique_ptr<const IdentityResources>> r = IdentityResources::Load();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE((*r)->roles("en"), nullptr);
  EXPECT_NE((*r)->roles("fr"), nullptr);
  EXPECT_EQ((*r)->roles("xx"), nullptr);
  EXPECT_EQ(GroupOf((*r)->aliases(), "Daesh"), "islamic-state");

  IdentityOptions missing_dir;
  missing_dir.data_dir = "/nonexistent/dossier-data";
  EXPECT_EQ(IdentityResources::Load(missing_dir).status().code(), Status::Code::kNotFound);
  IdentityOptions missing_iso;
  missing_iso.iso_codes_json = "/nonexistent/iso_3166-1.json";
  EXPECT_EQ(IdentityResources::Load(missing_iso).status().code(), Status::Code::kNotFound);

  // The data directory of the source tree is the compiled-in data.
  IdentityOptions from_dir;
  from_dir.data_dir = std::string(DOSSIER_SOURCE_DIR) + "/data/entities";
  Result<std::unique_ptr<const IdentityResources>> d = IdentityResources::Load(from_dir);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(GroupOf((*d)->aliases(), "Bagdad"), "capital:IQ");
  EXPECT_NE((*d)->roles("fr"), nullptr);
}

}  // namespace
}  // namespace dossier::identity
