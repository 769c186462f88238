#include "quotes/quote_lexicon.h"

#include <gtest/gtest.h>

namespace dossier::quotes {
namespace {

TEST(QuoteLexicon, CompiledInLanguages) {
  for (const char* lang : {"en", "fr"}) {
    Result<QuoteLexicon> lex = QuoteLexicon::ForLanguage(lang);
    ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  }
  Result<QuoteLexicon> en = QuoteLexicon::ForLanguage("en");
  ASSERT_TRUE(en.ok());
  const VerbForm* told = en->Verb("told");
  ASSERT_NE(told, nullptr);
  EXPECT_EQ(told->lemma, "tell");
  EXPECT_TRUE(told->takes_object);
  ASSERT_NE(en->Verb("said"), nullptr);
  EXPECT_FALSE(en->Verb("said")->takes_object);
  EXPECT_EQ(en->Verb("table"), nullptr);
  EXPECT_TRUE(en->IsPersonPronoun("he"));
  Result<QuoteLexicon> fr = QuoteLexicon::ForLanguage("fr");
  ASSERT_TRUE(fr.ok());
  EXPECT_NE(fr->Verb("souligné"), nullptr);
  EXPECT_TRUE(fr->IsThat("qu'"));  // written qu’ in the file: apostrophes unified
  EXPECT_FALSE(QuoteLexicon::ForLanguage("xx").ok());
}

TEST(QuoteLexicon, MalformedLineNamesSourceAndLine) {
  Result<QuoteLexicon> lex = QuoteLexicon::Parse("verb say said\nbogus x\n", "t.txt");
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("t.txt:2"), std::string::npos);
  EXPECT_FALSE(QuoteLexicon::Parse("# nothing\n", "e.txt").ok());
}

}  // namespace
}  // namespace dossier::quotes
