#include "entities/word_forms.h"

#include <gtest/gtest.h>

#include "entities/simple_tokenizer.h"

namespace dossier::ner {
namespace {

TEST(WordForms, Table) {
  struct Case {
    const char* word;
    const char* lower;
    const char* shape;
    const char* short_shape;
    CaseClass case_class;
  } cases[] = {
      {"Macron", "macron", "Xxxx", "Xx", CaseClass::kInitCap},
      {"al-Kadhimi", "al-kadhimi", "xx-Xxxx", "x-Xx", CaseClass::kMixed},
      {"U.S.", "u.s.", "X.X.", "X.X.", CaseClass::kAllCaps},
      {"BAGHDAD", "baghdad", "XXX", "X", CaseClass::kAllCaps},
      {"1996-08-22", "1996-08-22", "ddd-dd-dd", "d-d-d", CaseClass::kNoLetter},
      {"Élysée", "élysée", "Xxxx", "Xx", CaseClass::kInitCap},
      {"ÉTATS-UNIS", "états-unis", "XXX-XXX", "X-X", CaseClass::kAllCaps},
      {"iPhone", "iphone", "xXxxx", "xXx", CaseClass::kMixed},
      {"Москва", "москва", "Xxxx", "Xx", CaseClass::kInitCap},
      {"I", "i", "X", "X", CaseClass::kInitCap},
      {",", ",", ",", ",", CaseClass::kNoLetter},
      {"", "", "", "", CaseClass::kNoLetter},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Lower(c.word), c.lower) << c.word;
    EXPECT_EQ(WordShape(c.word, false), c.shape) << c.word;
    EXPECT_EQ(WordShape(c.word, true), c.short_shape) << c.word;
    EXPECT_EQ(GetCaseClass(c.word), c.case_class) << c.word;
  }
}

TEST(WordForms, AffixesCountCharactersNotBytes) {
  EXPECT_EQ(Utf8Prefix("élysée", 2), "él");
  EXPECT_EQ(Utf8Suffix("élysée", 2), "ée");
  EXPECT_EQ(Utf8Suffix("ab", 4), "ab");
  EXPECT_EQ(Utf8Length("élysée"), 6);
  EXPECT_EQ(NormalizeDigits("1996-08"), "0000-00");
}

TEST(SimpleTokenizer, SplitsLikeTheCorpora) {
  struct Case {
    const char* text;
    const char* tokens;
  } cases[] = {
      {"Macron's visit to the U.S. ended.", "Macron|'s|visit|to|the|U.S.|ended|."},
      {"(Reuters) - \"We don't know,\" he said.", "(|Reuters|)|-|\"|We|do|n't|know|,|\"|he|said|."},
      {"l'Élysée et d'Emmanuel Macron", "l'|Élysée|et|d'|Emmanuel|Macron"},
      {"al-Kadhimi, J. Smith", "al-Kadhimi|,|J.|Smith"},
      {"  ", ""},
  };
  for (const Case& c : cases) {
    std::vector<std::string_view> tokens;
    SimpleTokenize(c.text, &tokens);
    std::string joined;
    for (std::string_view t : tokens) {
      if (!joined.empty()) joined += '|';
      joined += t;
    }
    EXPECT_EQ(joined, c.tokens) << c.text;
  }
}

}  // namespace
}  // namespace dossier::ner
