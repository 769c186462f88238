// Differential test of text/word_tokenizer.h: on every text it accepts, the
// fast tokenizer must give exactly what ICU's word BreakIterator gives.
#include "text/word_tokenizer.h"

#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "text/unicode_util.h"

namespace dossier::text_internal {
namespace {

// The reference: ICU segments, whitespace trimmed away, kind from the rule
// status (the same mapping as segmenter.cc).
std::vector<Token> IcuTokens(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
  it->setText(&ut, status);
  EXPECT_TRUE(U_SUCCESS(status));
  std::vector<Token> out;
  int32_t begin = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; begin = end, end = it->next()) {
    const int32_t rule = it->getRuleStatus();
    size_t b = static_cast<size_t>(begin), e = static_cast<size_t>(end);
    Token t;
    if (rule < UBRK_WORD_NONE_LIMIT) {
      while (b < e) {
        size_t n = b;
        if (!IsSpace(NextCodePoint(text, &n))) break;
        b = n;
      }
      while (e > b) {
        size_t p = e;
        if (!IsSpace(PrevCodePoint(text, b, &p))) break;
        e = p;
      }
      if (b == e) continue;
      t.kind = TokenKind::kPunct;
    } else {
      t.kind = rule < UBRK_WORD_NUMBER_LIMIT ? TokenKind::kNumber : TokenKind::kWord;
    }
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    out.push_back(t);
  }
  utext_close(&ut);
  return out;
}

std::string Dump(std::string_view text, const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) {
    out += t.kind == TokenKind::kWord ? " W:" : t.kind == TokenKind::kNumber ? " N:" : " P:";
    out += text.substr(t.begin, t.end - t.begin);
  }
  return out;
}

// Checks one text; returns whether the fast path accepted it.
bool Check(const std::string& text) {
  SimpleWordTokenizer fast;
  if (!fast.Prepare(text)) return false;
  std::vector<Token> got;
  fast.Tokenize(0, text.size(), &got);
  EXPECT_EQ(Dump(text, got), Dump(text, IcuTokens(text))) << "text: \"" << text << "\"";
  return true;
}

TEST(SimpleWordTokenizerTest, HandwrittenCases) {
  const char* kCases[] = {
      "",
      "Iraq's 5,000 troops, al-Kazimi said.",
      "U.S. a.m. e.g. Ph.D. 3.500 2,800 1.5% 10:30 1'000 1’000 don’t",
      "user@example.com @name a@ 5th a1.5 1a.5 a1,5 1,2.3 a1.b x_.y",
      "_ __ _1 1_ a_ _a a_1,2 ___x",
      "a. a.. a.b. .a ,1 1, 1,,2 a''b a'.b 'quoted' \"double\" a\"b",
      "a·b 1·2 a;b 1;2 a:b",
      "tab\tNBSP\u00a0narrow\u202fem\u2003thin\u2009end",
      "“Quotes” — dashes – … € £ © ® ² ½ ⁄ ‐ ‑ ‒",
      "Égypte ÉTATS-UNIS ǅa ǈ ʰa ⓐⓑ Ⅻ",
      "Αθήνα Москва 5-й Ереван Թբիլիսի",
      "١٢ a٫b 1٫2 ٣,٤",
      "Straße naïve coöperate façade",
      "soft\u00adhyphen \u00adlead trail\u00ad \u00ad\u00ad \u200ebidi\u200f e\u0301",
      "\u00ad",
      "\u0301x",
      " \u0301",
      "a\u00ad.b a.\u00adb 1\u00ad,2 _\u00ad \u2014\u00ad",
      "\u064a\u064e\u0648\u0652\u0645 \u202bRTL\u202c",
  };
  for (const char* text : kCases) EXPECT_TRUE(Check(text)) << text;
}

TEST(SimpleWordTokenizerTest, UnhandledTextIsRefused) {
  const char* kCases[] = {
      "中国人",         // ideographs: ICU uses a dictionary
      "ภาษาไทย",        // Thai: dictionary
      "שלום",           // Hebrew letters have their own rules
      "カタカナ",       // Katakana
      "a\u200db",       // ZWJ
      "🇫🇷",             // regional indicators
      "\xff",           // ill-formed UTF-8
      "line\u2028sep",  // a line separator
  };
  SimpleWordTokenizer fast;
  for (const char* text : kCases) EXPECT_FALSE(fast.Prepare(text)) << text;
}

// Random strings over characters of every handled class, where the rules
// interact most.
TEST(SimpleWordTokenizerTest, RandomStringsAgreeWithIcu) {
  const char* kAlphabet[] = {"a",      "Z",      "é",      "Ω",      "ж",      "@",      "1",
                             "9",      "٣",      "²",      "_",      "‿",      ".",      "'",
                             "’",      "‘",      ",",      ";",      ":",      "·",      "\"",
                             "-",      " ",      "\u00a0", "\t",     "…",      "“",      "©",
                             "€",      "/",      "(",      "%",      "#",      "\u2003", "\u0387",
                             "\u2027", "\u055f", "\u037e", "\u066c", "\u0589", "\u2024", "\u2040",
                             "\u2054", "\u05f4", "\u200b", "\u00b5"};
  std::mt19937 rng(20240601);
  std::uniform_int_distribution<size_t> pick(0, std::size(kAlphabet) - 1);
  std::uniform_int_distribution<int> length(1, 16);
  constexpr int kStrings = 20000;
  int accepted = 0;
  for (int i = 0; i < kStrings; ++i) {
    std::string text;
    for (int n = length(rng); n > 0; --n) text += kAlphabet[pick(rng)];
    accepted += Check(text);
    if (::testing::Test::HasFailure()) break;
  }
  EXPECT_EQ(accepted, kStrings);
}

TEST(SimpleWordTokenizerTest, SampleArticlesAgreeWithIcu) {
  for (const char* name : {"000_e1a734cba25a82d5", "001_70321ae0b2c1328a", "002_7ae8a522009a5cd5",
                           "003_c9ff6c25b3102a1e", "004_e7a04df67541ed59"}) {
    std::ifstream in(std::string(DOSSIER_SOURCE_DIR) + "/samples/" + name + ".txt");
    std::ostringstream s;
    s << in.rdbuf();
    ASSERT_FALSE(s.str().empty()) << name;
    EXPECT_TRUE(Check(s.str())) << name;
  }
}

}  // namespace
}  // namespace dossier::text_internal
