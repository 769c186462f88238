// UTF-8 helpers shared by the clean stage: validation with statistics, code
// point decoding and encoding.
//
// Thread-safety: free functions over caller-owned data.
#ifndef DOSSIER_CLEAN_UTF8_H_
#define DOSSIER_CLEAN_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dossier {

// What one pass over a byte string found, for charset decisions.
struct Utf8Scan {
  bool valid = true;           ///< the whole input is well-formed UTF-8
  size_t first_invalid = 0;    ///< byte offset of the first bad sequence, when !valid
  size_t invalid_count = 0;    ///< number of bad sequences (each counted once)
  size_t multibyte_count = 0;  ///< well-formed sequences of 2 to 4 bytes
  size_t nul_count = 0;        ///< 0x00 bytes
  size_t control_count = 0;    ///< other C0 controls except \t \n \v \f \r and ESC
  size_t high_byte_count = 0;  ///< bytes >= 0x80
};

// Scans `bytes` once. Overlong forms, surrogates and code points above
// U+10FFFF count as invalid.
Utf8Scan ScanUtf8(std::string_view bytes);

// Length of the well-formed sequence starting at `s[i]`, or 0 when the bytes
// there are not well-formed UTF-8. REQUIRES: i < s.size().
size_t Utf8SequenceLength(std::string_view s, size_t i);

// Decodes the code point at `s[*i]` and advances *i past it.
// REQUIRES: s is well-formed UTF-8 and *i < s.size() is at a sequence start.
inline uint32_t NextCodePoint(std::string_view s, size_t* i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + *i;
  uint32_t c = p[0];
  if (c < 0x80) {
    *i += 1;
    return c;
  }
  if (c < 0xE0) {
    *i += 2;
    return ((c & 0x1F) << 6) | (p[1] & 0x3F);
  }
  if (c < 0xF0) {
    *i += 3;
    return ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  }
  *i += 4;
  return ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

// Appends the UTF-8 form of `cp` (REQUIRES: a Unicode scalar value).
void AppendUtf8(uint32_t cp, std::string* out);

// Returns `s` with every ill-formed sequence replaced by U+FFFD.
std::string ToValidUtf8(std::string_view s);

}  // namespace dossier

#endif  // DOSSIER_CLEAN_UTF8_H_
