// Tests for text/sentence_breaker.h: its boundaries must be exactly those of
// ICU's root sentence BreakIterator.
#include "text/sentence_breaker.h"

#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

namespace dossier::text_internal {
namespace {

// The reference: ICU's boundaries after the start, over UTF-8.
std::vector<uint32_t> IcuBreaks(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  EXPECT_TRUE(U_SUCCESS(status));
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
  it->setText(&ut, status);
  std::vector<uint32_t> out;
  for (int32_t at = it->next(); at != icu::BreakIterator::DONE; at = it->next()) {
    out.push_back(static_cast<uint32_t>(at));
  }
  utext_close(&ut);
  return out;
}

std::string Dump(std::string_view text, const std::vector<uint32_t>& breaks) {
  std::string out;
  size_t from = 0;
  for (uint32_t b : breaks) {
    out += std::string(text.substr(from, b - from)) + "|";
    from = b;
  }
  return out;
}

bool Agrees(SimpleSentenceBreaker& breaker, std::string_view text) {
  std::vector<uint32_t> got;
  if (!breaker.FindBreaks(text, &got)) {
    ADD_FAILURE() << "refused: \"" << text << "\"";
    return false;
  }
  const std::vector<uint32_t> want = IcuBreaks(text);
  EXPECT_EQ(Dump(text, got), Dump(text, want)) << "text: \"" << text << "\"";
  return got == want;
}

TEST(SimpleSentenceBreakerTest, RulesAgreeWithIcu) {
  SimpleSentenceBreaker breaker;
  const char* kCases[] = {
      "",
      "One.",
      "He left. She stayed.",
      "The U.S. Army said so. Then it left.",
      "It cost 3.5 million. Fine.",
      "Mr. Smith went to Washington.",
      "\"Go!\" he said. \"Now.\" They went.",
      "He said (twice.) Then left.",
      "etc. and more. Then?",
      "Is it? Yes! No... maybe.",
      "Line one\nLine two\r\nLine three\rfour",
      "End.\n\nNext paragraph.",
      "A sentence.  \n  Indented next.",
      "Il a dit : « Non. » Puis il est parti.",
      "Fin du texte 2020. 5 soldats.",
      "Über alles. Ärger folgt.",
      "中文句子。第二句。",
      "He said.\u2029New paragraph.",
      "x.\u0301Y z",
      "\u0301start. End.",
      "a.\u00adB",
      "Trailing spaces.   ",
      "What?!\" he asked, \"why\"",
      "no terminator at all",
      "Numbers 1. 2. 3.",
      "e.g. the thing. The end.",
  };
  for (const char* text : kCases) Agrees(breaker, text);
}

// Random strings over characters of every Sentence_Break class, where the
// rules interact most.
TEST(SimpleSentenceBreakerTest, RandomStringsAgreeWithIcu) {
  const char* kAlphabet[] = {
      "a",  "b",      "Z",      "É",      "é",      "Ω",      "ж",      "中",     "ا",
      "1",  "٣",      ".",      "?",      "!",      "。",     "؟",      "‼",      "…",
      ",",  ";",      ":",      "-",      "\"",     "'",      "(",      ")",      "[",
      "«",  "»",      "“",      "”",      " ",      " ",      " ",      "\u00a0", "\t",
      "\n", "\r",     "\u2028", "\u2029", "\u0085", "\u0301", "\u200d", "\u00ad", "\u200b",
      "।",  "\u2024", "\ufe52", "\uff0e", "\u3002", "\ufe63", "・",     "%",      "&"};
  std::mt19937 rng(20261207);
  std::uniform_int_distribution<size_t> pick(0, std::size(kAlphabet) - 1);
  std::uniform_int_distribution<int> length(1, 20);
  SimpleSentenceBreaker breaker;
  constexpr int kStrings = 30000;
  int agreed = 0;
  for (int i = 0; i < kStrings; ++i) {
    std::string text;
    for (int n = length(rng); n > 0; --n) text += kAlphabet[pick(rng)];
    agreed += Agrees(breaker, text);
    if (::testing::Test::HasFailure()) break;
  }
  EXPECT_EQ(agreed, kStrings);
}

TEST(SimpleSentenceBreakerTest, SampleArticlesAgreeWithIcu) {
  SimpleSentenceBreaker breaker;
  for (const char* name : {"000_e1a734cba25a82d5", "001_70321ae0b2c1328a", "002_7ae8a522009a5cd5",
                           "003_c9ff6c25b3102a1e", "004_e7a04df67541ed59"}) {
    std::ifstream in(std::string(DOSSIER_SOURCE_DIR) + "/samples/" + name + ".txt");
    std::ostringstream s;
    s << in.rdbuf();
    ASSERT_FALSE(s.str().empty()) << name;
    EXPECT_TRUE(Agrees(breaker, s.str())) << name;
  }
}

TEST(SimpleSentenceBreakerTest, RefusesIllFormedUtf8) {
  SimpleSentenceBreaker breaker;
  std::vector<uint32_t> breaks = {7};
  EXPECT_FALSE(breaker.FindBreaks("bad \xC3 byte. Next.", &breaks));
  EXPECT_FALSE(breaker.FindBreaks("surrogate \xED\xA0\x80.", &breaks));
  EXPECT_EQ(breaks, std::vector<uint32_t>{7});  // unchanged
}

TEST(SimpleSentenceBreakerTest, AppendsAfterWhatIsThere) {
  SimpleSentenceBreaker breaker;
  std::vector<uint32_t> breaks = {0};
  ASSERT_TRUE(breaker.FindBreaks("A. B.", &breaks));
  EXPECT_EQ(breaks, (std::vector<uint32_t>{0, 3, 5}));
}

}  // namespace
}  // namespace dossier::text_internal
