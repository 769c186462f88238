// Tests for clean/language.h.
#include "clean/language.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(LanguageTest, DetectsCommonLanguages) {
  struct Case {
    std::string_view text;
    std::string_view code;
  };
  const Case cases[] = {
      {"France will keep troops in Iraq for anti-terrorism operations so long as the Iraqi "
       "government needs their assistance, the French president has announced.",
       "en"},
      {"Une délégation irakienne a entamé jeudi à Washington des discussions sur la présence "
       "militaire américaine en Irak, avant une rencontre avec le président.",
       "fr"},
      {"Die Bundesregierung will die Soldaten noch in diesem Jahr aus dem Irak abziehen, sagte "
       "der Sprecher des Verteidigungsministeriums am Montag in Berlin.",
       "de"},
      {"El gobierno iraquí y Estados Unidos acordaron el jueves un calendario para la retirada de "
       "las tropas de combate estadounidenses del país.",
       "es"},
      {"Il governo iracheno e gli Stati Uniti hanno concordato giovedì un calendario per il ritiro "
       "delle truppe da combattimento americane dal paese.",
       "it"},
      {"O governo iraquiano e os Estados Unidos acordaram na quinta-feira um calendário para a "
       "retirada das tropas de combate americanas do país.",
       "pt"},
      {"Правительство Ирака и США в четверг согласовали график вывода американских боевых "
       "войск из страны, сообщил представитель министерства.",
       "ru"},
  };
  LanguageDetector d;
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.text));
    const LanguageGuess g = d.Detect(c.text);
    EXPECT_EQ(g.code, c.code);
    EXPECT_GT(g.confidence, 0.5);
    EXPECT_LE(g.confidence, 1.0);
    EXPECT_FALSE(g.mixed);
  }
}

TEST(LanguageTest, ShortTextsNeedAHint) {
  LanguageDetector d;
  EXPECT_EQ(d.Detect("Oui").code, "");
  EXPECT_EQ(d.Detect("").code, "");
  const LanguageGuess g = d.Detect("Oui", "fr-FR");
  EXPECT_EQ(g.code, "fr");
  EXPECT_GT(g.confidence, 0.0);
}

TEST(LanguageTest, MixedText) {
  LanguageDetector d;
  const std::string text =
      "France will keep troops in Iraq for anti-terrorism operations so long as the Iraqi "
      "government needs their assistance, the French president announced on Saturday in Baghdad. "
      "Une délégation irakienne a entamé jeudi à Washington des discussions sur la présence "
      "militaire américaine en Irak, avant une rencontre du Premier ministre avec le président.";
  const LanguageGuess g = d.Detect(text);
  EXPECT_TRUE(g.code == "en" || g.code == "fr") << g.code;
  EXPECT_TRUE(g.mixed);
  EXPECT_EQ(g.second_code, g.code == "en" ? "fr" : "en");
}

TEST(LanguageTest, InvalidUtf8IsUndetermined) {
  LanguageDetector d;
  EXPECT_EQ(d.Detect("Une d\xE9l\xE9gation irakienne a entam\xE9 jeudi des discussions.").code, "");
}

TEST(LanguageTest, GibberishIsUndetermined) {
  LanguageDetector d;
  const LanguageGuess g = d.Detect("1234 5678 9012 3456 7890 1234 5678 9012 3456 7890 ++ -- ==");
  EXPECT_EQ(g.code, "");
  EXPECT_EQ(g.confidence, 0.0);
}

}  // namespace
}  // namespace dossier
