// Tests for clean/utf8.h.
#include "clean/utf8.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(Utf8Test, ScanCountsWhatCharsetDecisionsNeed) {
  struct Case {
    std::string_view bytes;
    bool valid;
    size_t first_invalid, invalid, multibyte, nul, control;
  };
  using namespace std::string_view_literals;
  const Case cases[] = {
      {"plain ascii", true, 0, 0, 0, 0, 0},
      {"caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D", true, 0, 0, 3, 0, 0},
      {"caf\xE9", false, 3, 1, 0, 0, 0},           // Latin-1 é
      {"\xC3\xA9t\xE9", false, 3, 1, 1, 0, 0},     // mixed
      {"\xE2\x80", false, 0, 1, 0, 0, 0},          // truncated
      {"\xC0\xAF", false, 0, 1, 0, 0, 0},          // overlong '/'
      {"\xED\xA0\x80", false, 0, 1, 0, 0, 0},      // surrogate
      {"\xF4\x90\x80\x80", false, 0, 1, 0, 0, 0},  // > U+10FFFF
      {"\xF0\x9F\x98\x80", true, 0, 0, 1, 0, 0},   // emoji
      {"a\0b"sv, true, 0, 0, 0, 1, 0},
      {"a\x01\x02\tb\n\x1B", true, 0, 0, 0, 0, 2},  // tab, LF, ESC are fine
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.bytes));
    const Utf8Scan s = ScanUtf8(c.bytes);
    EXPECT_EQ(s.valid, c.valid);
    if (!c.valid) {
      EXPECT_EQ(s.first_invalid, c.first_invalid);
    }
    EXPECT_EQ(s.invalid_count, c.invalid);
    EXPECT_EQ(s.multibyte_count, c.multibyte);
    EXPECT_EQ(s.nul_count, c.nul);
    EXPECT_EQ(s.control_count, c.control);
  }
}

TEST(Utf8Test, DecodeEncodeRoundTrip) {
  const uint32_t cps[] = {0x41, 0xE9, 0x20AC, 0x1F600, 0x7FF, 0x800, 0xFFFF, 0x10000};
  for (uint32_t cp : cps) {
    std::string s;
    AppendUtf8(cp, &s);
    EXPECT_EQ(Utf8SequenceLength(s, 0), s.size());
    size_t i = 0;
    EXPECT_EQ(NextCodePoint(s, &i), cp);
    EXPECT_EQ(i, s.size());
  }
}

TEST(Utf8Test, ToValidUtf8ReplacesBadSequences) {
  EXPECT_EQ(ToValidUtf8("ok"), "ok");
  EXPECT_EQ(ToValidUtf8("caf\xE9!"), "caf\xEF\xBF\xBD!");
  EXPECT_EQ(ToValidUtf8("\xE2\x80"), "\xEF\xBF\xBD");
}

}  // namespace
}  // namespace dossier
