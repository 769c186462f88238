#include "entities/roles.h"

#include <gtest/gtest.h>

#include "entities/identity_resources.h"
#include "entities/identity_test_util.h"

namespace dossier::identity {
namespace {

TEST(ScanWords, WordsPunctuationAndJoiners) {
  NameNormalizer n;
  std::string text = "le porte-parole du Pentagone, John Kirby. L'Élysée «oui»\nIS";
  std::vector<TextWord> w = ScanWords(n, text);
  std::vector<std::string> folded;
  for (const TextWord& x : w) folded.push_back(x.folded);
  EXPECT_EQ(folded,
            (std::vector<std::string>{"le", "porte", "parole", "du", "pentagone", ",", "john",
                                      "kirby", ".", "l", "elysee", "\"", "oui", "\"", "is"}));
  EXPECT_TRUE(w[2].hyphen_before);
  EXPECT_TRUE(w[10].apostrophe_before);
  EXPECT_TRUE(w[10].capitalized);
  EXPECT_TRUE(w[14].all_caps);
  EXPECT_TRUE(w[14].line_before);
  EXPECT_EQ(text.substr(w[4].begin, w[4].end - w[4].begin), "Pentagone");
  EXPECT_EQ(WordAt(w, w[6].begin), 6u);
  EXPECT_TRUE(ScanWords(n, "").empty());
  EXPECT_TRUE(ScanWords(n, " \n\t").empty());
}

struct BeforeCase {
  const char* lang;
  const char* text;
  const char* name;       // the name whose role is sought
  const char* role_text;  // "" = none
  const char* canonical;
  const char* country;
};

TEST(RoleFinder, Before) {
  const BeforeCase cases[] = {
      {"en", "French President Emmanuel Macron said", "Emmanuel", "French President", "president",
       "country:FR"},
      {"en", "met Iraqi Prime Minister Mustafa al-Kadhemi", "Mustafa", "Iraqi Prime Minister",
       "prime-minister", "country:IQ"},
      {"en", "the new Prime Minister Moustafa al-Kazimi.", "Moustafa", "new Prime Minister",
       "prime-minister", ""},
      {"en", "with US Secretary of State Mike Pompeo", "Mike", "US Secretary of State",
       "foreign-minister", "country:US"},
      {"en", "Iranian Islamic Revolutionary Guard Corps Commander Qasem Soleimani", "Qasem",
       "Iranian Islamic Revolutionary Guard Corps Commander", "commander", "country:IR"},
      {"fr", "a indiqué le porte-parole du Pentagone, John Kirby, dans", "John",
       "porte-parole du Pentagone", "spokesperson", ""},
      {"fr", "du Premier ministre irakien Moustafa al-Kazimi avec", "Moustafa",
       "Premier ministre irakien", "prime-minister", "country:IQ"},
      {"fr", "la porte-parole de la présidence américaine, Jen Psaki, a", "Jen",
       "porte-parole de la présidence américaine", "spokesperson", "country:US"},
      {"en", "The minister met with Kadhimi", "Kadhimi", "", "", ""},
      {"en", "President Trump in Washington", "Washington", "President Trump in", "president", ""},
      {"en", "Macron said, adding", "adding", "", "", ""},
  };
  for (const BeforeCase& c : cases) {
    std::string text = c.text;
    std::vector<TextWord> w = ScanWords(testing::Resources().normalizer(), text);
    RoleFinder f(testing::Resources().roles(c.lang), &testing::Resources().aliases());
    size_t name = WordAt(w, static_cast<uint32_t>(text.find(c.name)));
    std::optional<FoundRole> r = f.Before(w, name);
    if (c.role_text[0] == '\0') {
      EXPECT_FALSE(r.has_value()) << c.text;
      continue;
    }
    ASSERT_TRUE(r.has_value()) << c.text;
    EXPECT_EQ(text.substr(r->begin, r->end - r->begin), c.role_text) << c.text;
    EXPECT_EQ(r->canonical, c.canonical) << c.text;
    EXPECT_EQ(r->country, c.country) << c.text;
  }
}

TEST(RoleFinder, AfterAndNouns) {
  RoleFinder en(testing::Resources().roles("en"), &testing::Resources().aliases());
  std::string text =
      "Jean-Yves Le Drian, the French foreign minister, said. Later the French "
      "president and the minister spoke.";
  std::vector<TextWord> w = ScanWords(testing::Resources().normalizer(), text);
  size_t last = WordAt(w, static_cast<uint32_t>(text.find("Drian")));
  std::optional<FoundRole> r = en.After(w, last);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(text.substr(r->begin, r->end - r->begin), "French foreign minister");
  EXPECT_EQ(r->canonical, "foreign-minister");
  EXPECT_EQ(r->country, "country:FR");
  std::vector<FoundRole> nouns = en.Nouns(w);
  ASSERT_EQ(nouns.size(), 3u);
  EXPECT_EQ(nouns[1].canonical, "president");
  EXPECT_EQ(nouns[1].country, "country:FR");
  EXPECT_EQ(nouns[2].canonical, "minister");
  EXPECT_EQ(nouns[2].role_class, "minister");

  RoleFinder none(nullptr, &testing::Resources().aliases());
  EXPECT_FALSE(none.Before(w, 5).has_value());
  EXPECT_TRUE(none.Nouns(w).empty());
}

TEST(RoleLexicon, RejectsMalformedLines) {
  NameNormalizer n;
  RoleLexicon lex;
  EXPECT_TRUE(lex.Add(n, "# c\npresident\tpresident\thead-of-state\n", "r").ok());
  EXPECT_EQ(lex.size(), 1u);
  EXPECT_FALSE(lex.Add(n, "president\tpresident\n", "r").ok());
  EXPECT_FALSE(lex.Add(n, "\t\tx\n", "r").ok());
  ASSERT_NE(lex.Find("president"), nullptr);
  EXPECT_EQ(lex.Find("nothing"), nullptr);
}

}  // namespace
}  // namespace dossier::identity
