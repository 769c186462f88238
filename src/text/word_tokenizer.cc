// Tested by word_tokenizer_test.cc (against ICU) and segmenter_test.cc.
#include "text/word_tokenizer.h"

#include <array>

#include <unicode/uchar.h>

#include "text/unicode_util.h"

namespace dossier::text_internal {
namespace {

// Word_Break classes the fast path handles (UAX #29 names).
enum Class : uint8_t {
  kTrail,         // a UTF-8 continuation byte: not the start of a character
  kSpace,         // whitespace: separates, gives no token
  kOther,         // a token of its own
  kALetter,       // letters, and '@' (ICU)
  kNumeric,       // digits
  kExtendNumLet,  // '_' and other connectors
  kMidLetter,     // joins letters: U+00B7 MIDDLE DOT...
  kMidNum,        // joins digits: ',' ';'
  kMidNumLet,     // joins letters or digits: '.', U+2019...
  kIgnorable,     // Extend and Format (soft hyphen, bidi marks, combining marks): WB4
  kUnhandled,     // anything else: use ICU
};

constexpr bool IsCore(uint8_t c) { return c == kALetter || c == kNumeric || c == kExtendNumLet; }

constexpr Class ClassifyAscii(uint8_t b) {
  if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '@') return kALetter;
  if (b >= '0' && b <= '9') return kNumeric;
  if (b == ' ' || (b >= '\t' && b <= '\r')) return kSpace;
  switch (b) {
    case '_':
      return kExtendNumLet;
    case '.':
    case '\'':  // Single_Quote: joins like MidNumLet outside Hebrew
      return kMidNumLet;
    case ',':
    case ';':
      return kMidNum;
    default:
      return kOther;  // ':' too: ICU takes it out of MidLetter
  }
}

constexpr std::array<uint8_t, 128> kAsciiClasses = [] {
  std::array<uint8_t, 128> table{};
  for (int b = 0; b < 128; ++b) table[b] = ClassifyAscii(static_cast<uint8_t>(b));
  return table;
}();

Class ClassifyNonAscii(UChar32 c) {
  if (c < 0 || c >= 0x2E80) return kUnhandled;  // ill-formed, CJK and beyond
  // ICU hands Thai, Lao, Khmer, Myanmar... to a dictionary.
  if (u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT) return kUnhandled;
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER:
      return kALetter;
    case U_WB_NUMERIC:
      return kNumeric;
    case U_WB_EXTENDNUMLET:
      return kExtendNumLet;
    case U_WB_MIDLETTER:
      return kMidLetter;
    case U_WB_MIDNUM:
      return kMidNum;
    case U_WB_MIDNUMLET:
      return kMidNumLet;
    case U_WB_WSEGSPACE:
      return kSpace;
    case U_WB_EXTEND:
    case U_WB_FORMAT:
      return kIgnorable;
    case U_WB_OTHER:
      if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) return kUnhandled;
      return IsSpace(c) ? kSpace : kOther;
    default:  // ZWJ, Hebrew_Letter, Katakana, newlines...
      return kUnhandled;
  }
}

}  // namespace

SimpleWordTokenizer::SimpleWordTokenizer()
    : two_byte_classes_(0x800 - 0x80), punctuation_classes_(0x2070 - 0x2000) {
  for (UChar32 c = 0x80; c < 0x800; ++c) two_byte_classes_[c - 0x80] = ClassifyNonAscii(c);
  for (UChar32 c = 0x2000; c < 0x2070; ++c) {
    punctuation_classes_[c - 0x2000] = ClassifyNonAscii(c);
  }
}

uint8_t SimpleWordTokenizer::ClassOf(UChar32 c) const {
  if (c >= 0x80 && c < 0x800) return two_byte_classes_[c - 0x80];
  if (c >= 0x2000 && c < 0x2070) return punctuation_classes_[c - 0x2000];
  return ClassifyNonAscii(c);
}

bool SimpleWordTokenizer::Prepare(std::string_view text) {
  text_ = text;
  classes_.assign(text.size(), kTrail);
  size_t i = 0;
  while (i < text.size()) {
    const uint8_t b = static_cast<uint8_t>(text[i]);
    if (b < 0x80) {
      classes_[i++] = kAsciiClasses[b];
      continue;
    }
    const size_t at = i;
    const uint8_t c = ClassOf(NextCodePoint(text, &i));
    if (c == kUnhandled) return false;
    classes_[at] = c;
  }
  return true;
}

void SimpleWordTokenizer::Tokenize(size_t begin, size_t end, std::vector<Token>* out) const {
  // The byte after the character at `i` and the Extend and Format characters
  // that follow it: WB4 attaches them to it and the rules skip over them.
  auto next = [&](size_t i) {
    do {
      ++i;
    } while (i < end && (classes_[i] == kTrail || classes_[i] == kIgnorable));
    return i;
  };
  size_t i = begin;
  while (i < end) {
    const uint8_t c = classes_[i];
    const size_t start = i;
    i = next(i);
    if (c == kSpace) {
      // Extend or Format characters right after a space attach to it (WB4),
      // so once the space is trimmed they are a token of their own.
      size_t attached = start + 1;
      while (attached < i && classes_[attached] == kTrail) ++attached;
      if (attached < i) {
        out->push_back(
            {static_cast<uint32_t>(attached), static_cast<uint32_t>(i), TokenKind::kPunct});
      }
      continue;
    }
    Token t;
    t.begin = static_cast<uint32_t>(start);
    if (!IsCore(c)) {  // WB999: any other character is a token of its own
      t.end = static_cast<uint32_t>(i);
      t.kind = TokenKind::kPunct;
      out->push_back(t);
      continue;
    }
    uint8_t last = c;         // class of the last character taken
    uint8_t before = kOther;  // class of the one before it
    size_t chars = 1;
    while (i < end) {
      const uint8_t d = classes_[i];
      if (IsCore(d)) {  // WB5, WB8, WB9, WB10, WB13a, WB13b
        before = last;
        last = d;
        i = next(i);
        ++chars;
        continue;
      }
      // WB6/WB7: letter (MidLetter | MidNumLet) letter; WB11/WB12: digit
      // (MidNum | MidNumLet) digit.
      const bool joins_letters = last == kALetter && (d == kMidLetter || d == kMidNumLet);
      const bool joins_digits = last == kNumeric && (d == kMidNum || d == kMidNumLet);
      if (!joins_letters && !joins_digits) break;
      const size_t after = next(i);
      if (after >= end || classes_[after] != last) break;
      before = d;
      i = next(after);
      chars += 2;
    }
    t.end = static_cast<uint32_t>(i);
    // ICU's rule status follows the last character: a digit makes a number,
    // a letter a word; a final connector takes the status of the character
    // before it ("1_" number, "a_" and "1__" words), and alone ("_") is
    // punctuation.
    if (last == kNumeric || (last == kExtendNumLet && before == kNumeric)) {
      t.kind = TokenKind::kNumber;
    } else if (last == kALetter || chars > 1) {
      t.kind = TokenKind::kWord;
    } else {
      t.kind = TokenKind::kPunct;
    }
    out->push_back(t);
  }
}

}  // namespace dossier::text_internal
