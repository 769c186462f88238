// Tested by text_util_test.cc.
#include "clean/text_util.h"

#include <unicode/uchar.h>

#include "clean/utf8.h"

namespace dossier {
namespace {

inline bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// Latin-1 letters U+00C0..U+00FF to their ASCII base letter (lowercase);
// 0 for the two symbols in that range.
constexpr char kLatin1Base[64] = {
    'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',  // C0
    'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 't', 's',  // D0
    'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',  // E0
    'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 't', 'y',  // F0
};

// Closing quotes and brackets that may follow a sentence's final mark.
bool IsClosingAt(std::string_view s, size_t begin, size_t len) {
  std::string_view c = s.substr(begin, len);
  return c == "\"" || c == "'" || c == ")" || c == "]" || c == "\xE2\x80\x9D" ||  // ”
         c == "\xE2\x80\x99" || c == "\xC2\xBB" || c == "\xE2\x80\xBA";           // ’ » ›
}

// Start of the UTF-8 character that ends just before `end`.
size_t PrevCharStart(std::string_view s, size_t end) {
  size_t i = end - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

uint32_t FirstCodePoint(std::string_view line) {
  line = TrimSpaces(line);
  if (line.empty()) return 0;
  size_t i = 0;
  return NextCodePoint(line, &i);
}

}  // namespace

void LowerForMatchingInPlace(std::string* s) {
  auto* p = reinterpret_cast<unsigned char*>(s->data());
  const size_t n = s->size();
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') p[i] = c + 32;
    } else if (c == 0xC3 && i + 1 < n) {
      // U+00C0..U+00DE except U+00D7 (multiplication sign).
      if (p[i + 1] >= 0x80 && p[i + 1] <= 0x9E && p[i + 1] != 0x97) p[i + 1] += 0x20;
      ++i;
    } else if (c == 0xD0 && i + 1 < n) {
      const unsigned char d = p[i + 1];
      if (d >= 0x90 && d <= 0x9F) {  // А..П -> а..п
        p[i + 1] = d + 0x20;
      } else if (d >= 0xA0 && d <= 0xAF) {  // Р..Я -> р..я (next lead byte)
        p[i] = 0xD1;
        p[i + 1] = d - 0x20;
      }
      ++i;
    }
  }
}

std::string LowerForMatching(std::string_view s) {
  std::string out(s);
  LowerForMatchingInPlace(&out);
  return out;
}

std::string FoldAscii(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
    } else if (c == 0xC3 && i + 1 < s.size()) {
      const unsigned char d = static_cast<unsigned char>(s[i + 1]);
      const char base = d >= 0x80 && d <= 0xBF ? kLatin1Base[d - 0x80] : 0;
      if (base != 0) {
        out.push_back(base);
      } else {
        out.append(s.substr(i, 2));
      }
      ++i;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

size_t CountWords(std::string_view line, size_t limit) {
  size_t words = 0;
  bool token_has_word = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if (c == ' ' || c == '\n') {
      words += token_has_word;
      token_has_word = false;
      if (words > limit) return words;
    } else if (!token_has_word) {
      token_has_word = c < 0x80 ? IsAsciiAlnum(c) : IsWordByteAt(line, i);
    }
  }
  return words + token_has_word;
}

std::string_view TrimSpaces(std::string_view line) {
  size_t b = 0, e = line.size();
  while (b < e && (line[b] == ' ' || line[b] == '\n')) ++b;
  while (e > b && (line[e - 1] == ' ' || line[e - 1] == '\n')) --e;
  return line.substr(b, e - b);
}

char FinalPunctuation(std::string_view line) {
  line = TrimSpaces(line);
  size_t end = line.size();
  while (end > 0) {
    const size_t start = PrevCharStart(line, end);
    if (IsClosingAt(line, start, end - start)) {
      end = start;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(line[start]);
    if (c < 0x80) return static_cast<char>(c);
    if (line.substr(start, end - start) == "\xE2\x80\xA6") return '.';  // …
    return 0;
  }
  return 0;
}

bool EndsSentence(std::string_view line) {
  const char c = FinalPunctuation(line);
  return c == '.' || c == '!' || c == '?';
}

bool StartsLowercase(std::string_view line) {
  const uint32_t cp = FirstCodePoint(line);
  return cp != 0 && u_islower(static_cast<UChar32>(cp));
}

bool StartsUppercase(std::string_view line) {
  const uint32_t cp = FirstCodePoint(line);
  return cp != 0 && (u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp)));
}

bool LooksLikeHeadline(std::string_view line, size_t max_words) {
  line = TrimSpaces(line);
  if (line.empty() || line.size() > 300) return false;
  const size_t words = CountWords(line);
  if (words < 2 || words > max_words) return false;
  if (StartsLowercase(line)) return false;
  const char last = FinalPunctuation(line);
  if (last == '.' || last == ',' || last == ';' || last == ':') return false;
  // Two sentences ("... troops. The ...") are a paragraph, not a headline.
  return !HasSentenceBreak(line);
}

bool HasSentenceBreak(std::string_view line) {
  for (size_t i = 3; i + 2 < line.size(); ++i) {
    if ((line[i] == '.' || line[i] == '!' || line[i] == '?') && line[i + 1] == ' ' &&
        IsWordByteAt(line, i - 1) && IsWordByteAt(line, i - 2) && IsWordByteAt(line, i - 3) &&
        StartsUppercase(line.substr(i + 2))) {
      return true;
    }
  }
  return false;
}

bool IsWordByteAt(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return IsAsciiAlnum(c);
  size_t start = i;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  const unsigned char lead = static_cast<unsigned char>(s[start]);
  if (lead == 0xC2) return false;  // U+0080..U+00BF: NBSP, «, », ©, ...
  if (lead == 0xC3 && start + 1 < s.size()) {
    const unsigned char d = static_cast<unsigned char>(s[start + 1]);
    return d != 0x97 && d != 0xB7;  // × and ÷
  }
  if (lead == 0xE2 && start + 1 < s.size()) {
    const unsigned char d = static_cast<unsigned char>(s[start + 1]);
    // U+2000..U+2BFF are punctuation, symbols, arrows, shapes and dingbats;
    // U+2C00..U+2DFF hold letters (Glagolitic, Coptic, ...).
    return d >= 0xB0 && d <= 0xB7;
  }
  if (lead == 0xE3 && start + 1 < s.size()) {
    return static_cast<unsigned char>(s[start + 1]) != 0x80;  // U+3000..U+303F: CJK punctuation
  }
  return true;
}

}  // namespace dossier
