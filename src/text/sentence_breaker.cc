// Tested by sentence_breaker_test.cc (against ICU) and segmenter_test.cc.
#include "text/sentence_breaker.h"

#include <limits>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace dossier::text_internal {
namespace {

// Not a Sentence_Break class: a character that is not well-formed UTF-8,
// and "no character before" at the start of the text.
constexpr uint8_t kIllFormed = U_SB_COUNT;
constexpr uint8_t kNone = U_SB_COUNT + 1;

bool IsParaSep(uint8_t c) { return c == U_SB_SEP || c == U_SB_CR || c == U_SB_LF; }
bool IsSATerm(uint8_t c) { return c == U_SB_ATERM || c == U_SB_STERM; }
bool IsExtendOrFormat(uint8_t c) { return c == U_SB_EXTEND || c == U_SB_FORMAT; }

// The characters that end the run SB8 looks through for a lower-case letter.
bool EndsSb8Run(uint8_t c) {
  return c == U_SB_OLETTER || c == U_SB_UPPER || c == U_SB_LOWER || IsParaSep(c) || IsSATerm(c);
}

}  // namespace

SimpleSentenceBreaker::SimpleSentenceBreaker() {
  for (UChar32 b = 0; b < 128; ++b) {
    const auto cls = static_cast<uint8_t>(u_getIntPropertyValue(b, UCHAR_SENTENCE_BREAK));
    ascii_classes_[b] = cls;
    ascii_stops_[b] = IsSATerm(cls) || IsParaSep(cls) || IsExtendOrFormat(cls);
  }
}

uint8_t SimpleSentenceBreaker::ClassAt(int32_t* i) const {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text_.data());
  if (bytes[*i] < 0x80) return ascii_classes_[bytes[(*i)++]];
  UChar32 c;
  U8_NEXT(bytes, *i, static_cast<int32_t>(text_.size()), c);
  if (c < 0) return kIllFormed;
  return static_cast<uint8_t>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
}

bool SimpleSentenceBreaker::ReadUnit(int32_t at, Unit* unit) const {
  const auto length = static_cast<int32_t>(text_.size());
  int32_t i = at;
  unit->cls = ClassAt(&i);
  if (unit->cls == kIllFormed) return false;
  // SB5: Extend and Format belong to the character before them, unless it
  // separates paragraphs.
  if (!IsParaSep(unit->cls)) {
    for (int32_t next = i; next < length;) {
      const uint8_t cls = ClassAt(&next);
      if (cls == kIllFormed) return false;
      if (!IsExtendOrFormat(cls)) break;
      i = next;
    }
  }
  unit->end = i;
  return true;
}

bool SimpleSentenceBreaker::FindBreaks(std::string_view text, std::vector<uint32_t>* breaks) {
  if (text.size() >= static_cast<size_t>(std::numeric_limits<int32_t>::max())) return false;
  text_ = text;
  const bool ok = Run(breaks);
  text_ = {};
  return ok;
}

bool SimpleSentenceBreaker::Run(std::vector<uint32_t>* breaks) const {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text_.data());
  const auto length = static_cast<int32_t>(text_.size());
  const size_t first = breaks->size();
  auto fail = [&] {
    breaks->resize(first);
    return false;
  };
  // The class of the character before `pos` (after SB5).
  uint8_t prev = kNone;
  int32_t pos = 0;
  while (pos < length) {
    // Most characters neither end a sentence nor separate paragraphs, and
    // only matter to the rules as the neighbours of one that does.
    if (bytes[pos] < 0x80 && !ascii_stops_[bytes[pos]]) {
      prev = ascii_classes_[bytes[pos++]];
      continue;
    }
    Unit u;
    if (!ReadUnit(pos, &u)) return fail();
    if (IsExtendOrFormat(u.cls) && prev != kNone && !IsParaSep(prev)) {  // SB5
      pos = u.end;
      continue;
    }
    if (IsParaSep(u.cls)) {
      int32_t end = u.end;
      if (u.cls == U_SB_CR && end < length) {  // SB3
        Unit next;
        if (!ReadUnit(end, &next)) return fail();
        if (next.cls == U_SB_LF) end = next.end;
      }
      breaks->push_back(static_cast<uint32_t>(end));  // SB4
      prev = U_SB_LF;
      pos = end;
      continue;
    }
    if (!IsSATerm(u.cls)) {
      prev = u.cls;
      pos = u.end;
      continue;
    }
    // A terminator: what follows it decides.
    Unit at_j;
    int32_t j = u.end;
    bool more = j < length;
    if (more && !ReadUnit(j, &at_j)) return fail();
    if (u.cls == U_SB_ATERM && more &&
        (at_j.cls == U_SB_NUMERIC ||                                                 // SB6: "3.5"
         ((prev == U_SB_UPPER || prev == U_SB_LOWER) && at_j.cls == U_SB_UPPER))) {  // SB7
      prev = u.cls;
      pos = u.end;
      continue;
    }
    uint8_t before_j = u.cls;
    for (const uint8_t skipped : {uint8_t{U_SB_CLOSE}, uint8_t{U_SB_SP}}) {  // SB9, SB10
      while (more && at_j.cls == skipped) {
        before_j = skipped;
        j = at_j.end;
        more = j < length;
        if (more && !ReadUnit(j, &at_j)) return fail();
      }
    }
    if (!more) break;                     // SB2: the end of the text
    bool joined = IsParaSep(at_j.cls) ||  // SB11 breaks after it, as SB4 does
                  at_j.cls == U_SB_SCONTINUE || IsSATerm(at_j.cls);  // SB8a
    if (!joined && u.cls == U_SB_ATERM) {                            // SB8: "etc. and"
      Unit at_k = at_j;
      while (!EndsSb8Run(at_k.cls) && at_k.end < length) {
        if (!ReadUnit(at_k.end, &at_k)) return fail();
      }
      joined = at_k.cls == U_SB_LOWER;
    }
    if (!joined) breaks->push_back(static_cast<uint32_t>(j));  // SB11
    prev = before_j;
    pos = j;
  }
  if (length > 0 && (breaks->size() == first || breaks->back() != text_.size())) {
    breaks->push_back(static_cast<uint32_t>(text_.size()));
  }
  return true;
}

}  // namespace dossier::text_internal
