#include "entities/acronyms.h"

#include <gtest/gtest.h>

namespace dossier::identity {
namespace {

TEST(Acronyms, Declarations) {
  NameNormalizer n;
  struct Case {
    const char* text;
    const char* long_form;  // "" = no declaration
    const char* acronym;
  } cases[] = {
      {"the caliphate of the Islamic State (IS) group", "Islamic State", "IS"},
      {"contre le groupe Etat islamique (EI), a ajouté", "Etat islamique", "EI"},
      {"the Global Coalition to defeat the Islamic State (ISIS).", "Islamic State", "ISIS"},
      {"improvised explosive device (IED) attacks", "improvised explosive device", "IED"},
      {"l'Organisation des Nations unies (ONU)", "Organisation des Nations unies", "ONU"},
      {"Islamic Revolutionary Guard Corps (IRGC)", "Islamic Revolutionary Guard Corps", "IRGC"},
      {"some words (NOT) here", "", ""},
      {"Iraq (IQ", "", ""},
      {"(IS)", "", ""},
      {"", "", ""},
  };
  for (const Case& c : cases) {
    std::string text = c.text;
    std::vector<TextWord> w = ScanWords(n, text);
    std::vector<AcronymDeclaration> d = FindAcronymDeclarations(w);
    if (c.long_form[0] == '\0') {
      EXPECT_TRUE(d.empty()) << c.text;
      continue;
    }
    ASSERT_EQ(d.size(), 1u) << c.text;
    EXPECT_EQ(
        text.substr(w[d[0].long_first].begin, w[d[0].long_last].end - w[d[0].long_first].begin),
        c.long_form);
    EXPECT_EQ(text.substr(w[d[0].acronym].begin, w[d[0].acronym].end - w[d[0].acronym].begin),
              c.acronym);
  }
}

TEST(Acronyms, AbbreviatesLongForm) {
  EXPECT_TRUE(AbbreviatesLongForm("isis", "islamic state"));
  EXPECT_TRUE(AbbreviatesLongForm("ei", "etat islamique"));
  EXPECT_FALSE(AbbreviatesLongForm("is", "state of islam"));
  EXPECT_FALSE(AbbreviatesLongForm("", "x"));
}

}  // namespace
}  // namespace dossier::identity
