// Small UTF-8 helpers over ICU's character properties, shared by the text
// stage. Ill-formed bytes decode as U+FFFD and never read out of bounds.
//
// Internal to the text stage. Thread-safety: pure functions.
#ifndef DOSSIER_TEXT_UNICODE_UTIL_H_
#define DOSSIER_TEXT_UNICODE_UTIL_H_

#include <cstdint>
#include <string_view>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace dossier::text_internal {

// The code point starting at `*i`; advances `*i` past it.
inline UChar32 NextCodePoint(std::string_view s, size_t* i) {
  const uint8_t b = static_cast<uint8_t>(s[*i]);
  if (b < 0x80) {
    ++*i;
    return b;
  }
  int32_t pos = static_cast<int32_t>(*i);
  UChar32 c;
  U8_NEXT_OR_FFFD(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()),
                  c);
  *i = static_cast<size_t>(pos);
  return c;
}

// The code point ending at `*i` (exclusive), not looking before `start`;
// moves `*i` back to its first byte. REQUIRES: *i > start.
inline UChar32 PrevCodePoint(std::string_view s, size_t start, size_t* i) {
  const uint8_t b = static_cast<uint8_t>(s[*i - 1]);
  if (b < 0x80) {
    --*i;
    return b;
  }
  int32_t pos = static_cast<int32_t>(*i);
  UChar32 c;
  U8_PREV_OR_FFFD(reinterpret_cast<const uint8_t*>(s.data()), static_cast<int32_t>(start), pos, c);
  *i = static_cast<size_t>(pos);
  return c;
}

inline bool IsSpace(UChar32 c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return u_isUWhiteSpace(c);
}

// Line and paragraph separators: a sentence never continues across them.
inline bool IsLineBreak(UChar32 c) {
  return c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x85 || c == 0x2028 ||
         c == 0x2029;
}

inline bool IsLetterOrDigit(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c);
}

}  // namespace dossier::text_internal

#endif  // DOSSIER_TEXT_UNICODE_UTIL_H_
