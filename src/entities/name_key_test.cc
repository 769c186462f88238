#include "entities/name_key.h"

#include <gtest/gtest.h>

#include "entities/name_normalizer.h"

namespace dossier::identity {
namespace {

TEST(NameNormalizer, FoldsScriptsAndMarks) {
  NameNormalizer n;
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"", ""},
      {"   ", ""},
      {"Moustafa al-Kāẓimī", "moustafa al-kazimi"},
      {"Emmanuel  Macron", "emmanuel macron"},
      {"Etats-Unis d'Amérique", "etats-unis d amerique"},
      {"l'Élysée", "l elysee"},
      {"U.S.", "us"},
      {"M. Austin", "m austin"},
      {"George W. Bush", "george w bush"},
      {"Macron's", "macron"},
      {"Sa'id", "said"},
      {"Recep Tayyip Erdoğan", "recep tayyip erdogan"},
      {"Straße Łódź Øresund", "strasse lodz oresund"},
      {"Владимир Путин", "vladimir putin"},
      {"al-Kadhimi –", "al-kadhimi"},
      {"ＩＳＩＳ", "isis"},
  };
  for (const Case& c : cases) EXPECT_EQ(n.Fold(c.in), c.out) << c.in;
}

TEST(PhoneticForm, FoldsTransliterationVariants) {
  struct Case {
    const char* a;
    const char* b;
  } same[] = {
      {"qassem", "qasem"},       {"kadhimi", "kazimi"},           {"kadhemi", "kazimi"},
      {"moustafa", "mustafa"},   {"hussein", "husayn"},           {"hussain", "husein"},
      {"saleh", "salih"},        {"soleimani", "sulaimani"},      {"irak", "iraq"},
      {"daesh", "daech"},        {"gorbachev", "gorbatchev"},     {"khrushchev", "khrouchtchev"},
      {"zelensky", "zelenskyy"}, {"ahmadinejad", "ahmadinezhad"}, {"zarqawi", "zarkaoui"},
  };
  for (const Case& c : same) EXPECT_EQ(PhoneticForm(c.a), PhoneticForm(c.b)) << c.a << " " << c.b;
  EXPECT_NE(PhoneticForm("hussein"), PhoneticForm("hassan"));
  EXPECT_EQ(PhoneticForm(""), "");
}

TEST(NameKey, ParticlesHonorificsAndAbd) {
  NameNormalizer n;
  struct Case {
    const char* name;
    const char* lang;
    const char* tokens;
  } cases[] = {
      {"Mustafa al-Kadhemi", "", "mustafa kadhemi"},
      {"Al-Kadhemi", "", "kadhemi"},
      {"M. al-Kazimi", "fr", "kazimi"},
      {"M. al-Kazimi", "", "m kazimi"},
      {"Mr Kadhimi", "", "kadhimi"},
      {"Jean-Yves Le Drian", "", "jeanyves drian"},
      {"Le Drian", "", "drian"},
      {"les Etats-Unis", "", "etatsunis"},
      {"Islamic State of Iraq and the Levant", "", "islamic state iraq levant"},
      {"Osama bin Laden", "", "osama laden"},
      {"Abdul Rahman", "", "abdalrahman"},
      {"Abd al-Rahman", "", "abdalrahman"},
      {"Abdelrahman", "", "abdalrahman"},
      {"Ben Wallace", "", "ben wallace"},
      {"The", "", "the"},
      {"", "", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(MakeNameKey(n, c.name, c.lang).Text(), c.tokens) << c.name;
  }
  NameKey k = MakeNameKey(n, "Islamic State of Iraq and Syria");
  EXPECT_EQ(k.Initials(), "isis");
  EXPECT_TRUE(MakeNameKey(n, "ISIS").all_caps);
  EXPECT_TRUE(MakeNameKey(n, "U.S.").all_caps);
  EXPECT_FALSE(MakeNameKey(n, "Iraq").all_caps);
  EXPECT_TRUE(MakeNameKey(n, "G. Bush").tokens[0].initial);
}

}  // namespace
}  // namespace dossier::identity
