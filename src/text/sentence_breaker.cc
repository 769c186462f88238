// Tested by sentence_breaker_test.cc (against ICU) and segmenter_test.cc.
#include "text/sentence_breaker.h"

#include <limits>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace dossier::text_internal {
namespace {

bool IsParaSep(uint8_t c) { return c == U_SB_SEP || c == U_SB_CR || c == U_SB_LF; }
bool IsSATerm(uint8_t c) { return c == U_SB_ATERM || c == U_SB_STERM; }

// The characters that end the run SB8 looks through for a lower-case letter.
bool EndsSb8Run(uint8_t c) {
  return c == U_SB_OLETTER || c == U_SB_UPPER || c == U_SB_LOWER || IsParaSep(c) || IsSATerm(c);
}

}  // namespace

SimpleSentenceBreaker::SimpleSentenceBreaker() {
  for (UChar32 b = 0; b < 128; ++b) {
    ascii_classes_[b] = static_cast<uint8_t>(u_getIntPropertyValue(b, UCHAR_SENTENCE_BREAK));
  }
}

bool SimpleSentenceBreaker::FindBreaks(std::string_view text, std::vector<uint32_t>* breaks) {
  if (text.size() >= static_cast<size_t>(std::numeric_limits<int32_t>::max())) return false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  classes_.clear();
  starts_.clear();
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    uint8_t cls;
    if (bytes[i] < 0x80) {
      cls = ascii_classes_[bytes[i]];
      ++i;
    } else {
      UChar32 c;
      U8_NEXT(bytes, i, length, c);
      if (c < 0) return false;
      cls = static_cast<uint8_t>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
    }
    // SB5: Extend and Format belong to the character before them, unless it
    // starts the text or separates paragraphs.
    if ((cls == U_SB_EXTEND || cls == U_SB_FORMAT) && !classes_.empty() &&
        !IsParaSep(classes_.back())) {
      continue;
    }
    classes_.push_back(cls);
    starts_.push_back(static_cast<uint32_t>(start));
  }
  const size_t n = classes_.size();
  starts_.push_back(static_cast<uint32_t>(text.size()));
  const std::vector<uint8_t>& cls = classes_;
  const size_t first = breaks->size();

  size_t i = 0;
  while (i < n) {
    const uint8_t c = cls[i];
    if (IsParaSep(c)) {
      size_t k = i;
      if (c == U_SB_CR && k + 1 < n && cls[k + 1] == U_SB_LF) ++k;  // SB3
      breaks->push_back(starts_[k + 1]);                            // SB4, SB11
      i = k + 1;
      continue;
    }
    if (!IsSATerm(c)) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    if (c == U_SB_ATERM && j < n) {
      if (cls[j] == U_SB_NUMERIC) {  // SB6: "3.5"
        i = j;
        continue;
      }
      if (i > 0 && (cls[i - 1] == U_SB_UPPER || cls[i - 1] == U_SB_LOWER) &&
          cls[j] == U_SB_UPPER) {  // SB7: "U.S"
        i = j;
        continue;
      }
    }
    while (j < n && cls[j] == U_SB_CLOSE) ++j;  // SB9
    while (j < n && cls[j] == U_SB_SP) ++j;     // SB10
    if (j == n) break;                          // SB2: the end of the text
    if (IsParaSep(cls[j])) {                    // SB11 breaks after it, as SB4 does
      i = j;
      continue;
    }
    if (c == U_SB_ATERM) {  // SB8: "etc. and"
      size_t k = j;
      while (k < n && !EndsSb8Run(cls[k])) ++k;
      if (k < n && cls[k] == U_SB_LOWER) {
        i = j;
        continue;
      }
    }
    if (cls[j] == U_SB_SCONTINUE || IsSATerm(cls[j])) {  // SB8a
      i = j;
      continue;
    }
    breaks->push_back(starts_[j]);  // SB11
    i = j;
  }
  if (n > 0 && (breaks->size() == first || breaks->back() != text.size())) {
    breaks->push_back(static_cast<uint32_t>(text.size()));
  }
  return true;
}

}  // namespace dossier::text_internal
