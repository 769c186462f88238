#include "stories/pivot_lexicon.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "base/scoped_temp_dir.h"
#include "stories/dictd_file.h"
#include "stories/story_test_util.h"
#include "text/stemmer.h"

namespace dossier::stories {
namespace {

std::string StemOf(const char* lang, const char* folded) {
  Stemmer s(lang);
  return std::string(s.Stem(folded));
}

bool Has(const std::vector<std::string>* v, const std::string& x) {
  return v != nullptr && std::find(v->begin(), v->end(), x) != v->end();
}

TEST(Dictd, ReadsIndexAndGzipData) {
  ScopedTempDir tmp("stories_dictd");
  const std::string& dir = tmp.path();
  testing::WriteDictd(dir, "freedict-fra-eng",
                      {{"00databaseinfo", "metadata\n"},
                       {"élection", "élection /elɛksjɔ̃/ <n, fem>\n1. election\n2. poll (vote)\n"}});
  Result<std::vector<DictEntry>> e = ReadDictd(dir + "/freedict-fra-eng");
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  ASSERT_EQ(e->size(), 1u);
  EXPECT_EQ((*e)[0].headword, "élection");
  EXPECT_EQ(FreedictTranslations((*e)[0].definition),
            (std::vector<std::string>{"election", "poll"}));
  EXPECT_EQ(ReadDictd(dir + "/missing").status().code(), Status::Code::kNotFound);
}

TEST(Dictd, RejectsEntriesOutsideTheData) {
  ScopedTempDir tmp("stories_dictd_bad");
  const std::string& dir = tmp.path();
  testing::WriteDictd(dir, "d", {{"mot", "mot\nword\n"}});
  std::ofstream(dir + "/d.index") << "mot\tA\tZZZ\n";
  EXPECT_EQ(ReadDictd(dir + "/d").status().code(), Status::Code::kCorruption);
}

TEST(PivotLexicon, MapsStemsBothWays) {
  ScopedTempDir tmp("stories_lexicon");
  const std::string& dir = tmp.path();
  testing::WriteDictd(dir, "freedict-fra-eng",
                      {{"élection", "élection /elɛksjɔ̃/\n1. election\n2. poll\n"},
                       {"retirer", "retirer\nto withdraw\n"},
                       {"pomme de terre", "pomme de terre\npotato\n"}});
  testing::WriteDictd(dir, "freedict-eng-fra", {{"soldier", "soldier /səʊldʒə/\nsoldat\n"}});
  LexiconOptions o;
  o.dict_dir = dir;
  Result<std::unique_ptr<const PivotLexicon>> lex = PivotLexicon::Load(o);
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  EXPECT_TRUE(Has((*lex)->Pivots("fr", StemOf("fr", "élections")), StemOf("en", "election")));
  EXPECT_TRUE(Has((*lex)->Pivots("fr", StemOf("fr", "retirer")), StemOf("en", "withdraw")));
  EXPECT_TRUE(Has((*lex)->Pivots("fr", StemOf("fr", "soldats")), StemOf("en", "soldier")));
  EXPECT_EQ((*lex)->Pivots("fr", "pomme"), nullptr);  // phrases are not words
  EXPECT_EQ((*lex)->Pivots("de", StemOf("fr", "élection")), nullptr);
  EXPECT_EQ((*lex)->size("fr"), 3u);
}

TEST(PivotLexicon, MissingDictionariesAreNotFound) {
  LexiconOptions o;
  ScopedTempDir empty("stories_lexicon_empty");
  o.dict_dir = empty.path();
  Result<std::unique_ptr<const PivotLexicon>> lex = PivotLexicon::Load(o);
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.status().code(), Status::Code::kNotFound);
  EXPECT_NE(lex.status().message().find("freedict-fra-eng"), std::string::npos);
  o.languages = {"xx"};
  EXPECT_EQ(PivotLexicon::Load(o).status().code(), Status::Code::kInvalidInput);
}

TEST(PivotLexicon, DebianFreedictWhenInstalled) {
  LexiconOptions o;
  Result<std::unique_ptr<const PivotLexicon>> lex = PivotLexicon::Load(o);
  if (!lex.ok()) GTEST_SKIP() << lex.status().ToString();
  EXPECT_GT((*lex)->size("fr"), 5000u);
  EXPECT_TRUE(Has((*lex)->Pivots("fr", StemOf("fr", "guerre")), StemOf("en", "war")));
}

}  // namespace
}  // namespace dossier::stories
