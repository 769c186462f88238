// Tested by word_forms_test.cc.
#include "entities/word_forms.h"

namespace dossier::ner {
namespace {

// Decodes one UTF-8 sequence at s[*i], advancing *i; invalid bytes decode
// as themselves (Latin-1), which is all the callers need.
uint32_t NextCodePoint(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (*i + len > s.size()) len = 1;
  uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[*i + k]);
    if ((cc & 0xC0) != 0x80) {
      len = 1;
      cp = c;
      break;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  *i += len;
  return cp;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The lower-case partner of an upper-case code point, or 0 if cp is not an
// upper-case letter of the covered blocks.
uint32_t LowerOf(uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp < 0xC0) return 0;
  if (cp <= 0xDE) return cp == 0xD7 ? 0 : cp + 32;
  if (cp >= 0x100 && cp <= 0x137) return (cp % 2 == 0) ? cp + 1 : 0;
  if (cp >= 0x139 && cp <= 0x148) return (cp % 2 == 1) ? cp + 1 : 0;
  if (cp >= 0x14A && cp <= 0x177) return (cp % 2 == 0) ? cp + 1 : 0;
  if (cp == 0x178) return 0xFF;
  if (cp >= 0x179 && cp <= 0x17E) return (cp % 2 == 1) ? cp + 1 : 0;
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 32;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return 0;
}

enum class CharClass { kUpper, kLower, kDigit, kOther };

CharClass ClassOf(uint32_t cp) {
  if (cp >= '0' && cp <= '9') return CharClass::kDigit;
  if (LowerOf(cp) != 0) return CharClass::kUpper;
  if ((cp >= 'a' && cp <= 'z')) return CharClass::kLower;
  if (cp < 0xC0) return CharClass::kOther;  // ASCII and Latin-1 punctuation
  if (cp == 0xD7 || cp == 0xF7) return CharClass::kOther;
  if (cp >= 0x2000 && cp <= 0x2BFF) return CharClass::kOther;  // punctuation, symbols
  if (cp >= 0x3000 && cp <= 0x303F) return CharClass::kOther;
  return CharClass::kLower;
}

}  // namespace

void AppendLower(std::string_view word, std::string* out) {
  size_t i = 0;
  while (i < word.size()) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {  // fast path
      out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
      ++i;
      continue;
    }
    size_t start = i;
    uint32_t cp = NextCodePoint(word, &i);
    uint32_t lower = LowerOf(cp);
    if (lower != 0) {
      AppendUtf8(lower, out);
    } else {
      out->append(word.substr(start, i - start));
    }
  }
}

std::string Lower(std::string_view word) {
  std::string s;
  s.reserve(word.size());
  AppendLower(word, &s);
  return s;
}

CaseClass GetCaseClass(std::string_view word) {
  int upper = 0, lower = 0;
  bool first_upper = false, seen_letter = false;
  size_t i = 0;
  while (i < word.size()) {
    CharClass k = ClassOf(NextCodePoint(word, &i));
    if (k == CharClass::kUpper) {
      if (!seen_letter) first_upper = true;
      ++upper;
      seen_letter = true;
    } else if (k == CharClass::kLower) {
      ++lower;
      seen_letter = true;
    }
  }
  if (!seen_letter) return CaseClass::kNoLetter;
  if (upper == 0) return CaseClass::kLower;
  if (lower == 0) return upper >= 2 ? CaseClass::kAllCaps : CaseClass::kInitCap;
  if (first_upper) return CaseClass::kInitCap;
  return CaseClass::kMixed;
}

std::string WordShape(std::string_view word, bool collapse) {
  std::string shape;
  char last = 0;
  int run = 0;
  size_t i = 0;
  while (i < word.size()) {
    size_t start = i;
    uint32_t cp = NextCodePoint(word, &i);
    char c;
    switch (ClassOf(cp)) {
      case CharClass::kUpper:
        c = 'X';
        break;
      case CharClass::kLower:
        c = 'x';
        break;
      case CharClass::kDigit:
        c = 'd';
        break;
      default:
        c = cp < 0x80 ? static_cast<char>(cp) : '*';
        if (cp >= 0x80 && i - start > 1) {
          // Keep typographic quotes and dashes apart from other symbols.
          c = (cp >= 0x2010 && cp <= 0x2015) ? '-' : (cp >= 0x2018 && cp <= 0x201F) ? '\'' : '*';
        }
    }
    run = c == last ? run + 1 : 1;
    last = c;
    if (run > (collapse ? 1 : 3)) continue;
    shape.push_back(c);
  }
  return shape;
}

std::string_view Utf8Prefix(std::string_view word, int n) {
  size_t i = 0;
  for (int k = 0; k < n && i < word.size(); ++k) NextCodePoint(word, &i);
  return word.substr(0, i);
}

std::string_view Utf8Suffix(std::string_view word, int n) {
  size_t i = word.size();
  for (int k = 0; k < n && i > 0; ++k) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(word[i]) & 0xC0) == 0x80) --i;
  }
  return word.substr(i);
}

int Utf8Length(std::string_view word) {
  int n = 0;
  for (char c : word) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string NormalizeDigits(std::string_view word) {
  std::string s(word);
  for (char& c : s) {
    if (c >= '0' && c <= '9') c = '0';
  }
  return s;
}

bool HasDigit(std::string_view word) {
  for (char c : word) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

}  // namespace dossier::ner
