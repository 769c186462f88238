// Tests for text/stemmer.h.
#include "text/stemmer.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace dossier {
namespace {

struct StemCase {
  const char* language;
  const char* word;  // already case-folded
  const char* stem;
};

const StemCase kCases[] = {
    {"en", "troops", "troop"},
    {"en", "running", "run"},
    {"en", "withdrawals", "withdraw"},
    {"en", "presidents", "presid"},
    {"fr", "présidents", "président"},
    {"fr", "discussions", "discuss"},
    {"de", "häuser", "haus"},
    {"es", "presidentes", "president"},
    {"it", "presidenti", "president"},
    {"pt", "presidentes", "president"},
    {"nl", "presidenten", "president"},
    {"ru", "президенты", "президент"},
    {"sv", "presidenterna", "president"},
    {"EN", "troops", "troop"},
    {"pt-BR", "presidentes", "president"},
    {"en", "", ""},
    {"en", "5,000", "5,000"},
};

TEST(StemmerTest, Table) {
  for (const StemCase& c : kCases) {
    Stemmer stemmer(c.language);
    EXPECT_TRUE(stemmer.ok()) << c.language;
    EXPECT_EQ(std::string(stemmer.Stem(c.word)), c.stem) << c.language << " " << c.word;
  }
}

TEST(StemmerTest, EveryMappedLanguageHasAStemmer) {
  for (const char* code :
       {"ar", "ca", "da", "de", "el", "en", "es", "eu", "fi", "fr", "ga", "hi", "hu", "hy", "id",
        "it", "lt", "nb", "ne", "nl", "nn", "no", "pt", "ro", "ru", "sr", "sv", "ta", "tr", "yi"}) {
    EXPECT_TRUE(Stemmer(code).ok()) << code;
  }
}

TEST(StemmerTest, UnknownLanguageReturnsTheWord) {
  for (const char* code : {"", "xx", "zh", "porter", "english"}) {
    Stemmer stemmer(code);
    EXPECT_FALSE(stemmer.ok()) << code;
    EXPECT_EQ(stemmer.Stem("troops"), "troops");
  }
}

// Many words, so many share a cache slot, asked for repeatedly: the cache
// must never give one word's stem for another.
TEST(StemmerTest, CachedStemsMatchUncachedOnes) {
  std::vector<std::string> words;
  for (int i = 0; i < 20000; ++i) {
    std::string w = "troop";
    w += static_cast<char>('a' + i % 26);
    w += std::to_string(i);
    w += i % 3 ? "ing" : "s";
    words.push_back(w);
  }
  // Each word asked once of a fresh stemmer cannot be a cache hit.
  Stemmer reference("en");
  std::vector<std::string> expected;
  for (const std::string& w : words) expected.emplace_back(reference.Stem(w));
  Stemmer cached("en");
  for (int round = 0; round < 3; ++round) {
    for (size_t i = 0; i < words.size(); i += 1 + round) {
      ASSERT_EQ(std::string(cached.Stem(words[i])), expected[i]) << words[i];
    }
  }
  const std::string long_word(100, 'a');
  EXPECT_EQ(cached.Stem(long_word), Stemmer("en").Stem(long_word));
}

TEST(StemmerTest, ReturnedViewIsValidUntilTheNextCall) {
  Stemmer stemmer("en");
  std::string a(stemmer.Stem("nations"));
  std::string b(stemmer.Stem("generously"));
  EXPECT_EQ(a, "nation");
  EXPECT_EQ(b, "generous");
  // Ill-formed UTF-8 must not crash the stemmer.
  EXPECT_FALSE(stemmer.Stem("\xff\xfe\xc3").empty());
}

}  // namespace
}  // namespace dossier
