// SimpleSentenceBreaker: the sentence boundaries of ICU's root sentence
// BreakIterator (UAX #29 rules SB1-SB998), found directly over UTF-8.
//
//   SimpleSentenceBreaker breaker;
//   std::vector<uint32_t> breaks;
//   if (!breaker.FindBreaks(text, &breaks)) ... use icu::BreakIterator ...
//
// ICU runs its rule automaton over a UTF-16 copy of the text, code point by
// code point. Boundaries can only follow a sentence terminator or a paragraph
// separator, so this class passes over the other characters (an ASCII one
// costs a table lookup) and applies the rules around those, with ICU's own
// Sentence_Break property data.
// sentence_breaker_test.cc checks it against ICU. Languages whose sentence
// rules ICU tailors (Greek) keep ICU.
//
// Internal to the text stage. Thread-safety: NOT thread-safe (FindBreaks
// keeps the text it works on).
#ifndef DOSSIER_TEXT_SENTENCE_BREAKER_H_
#define DOSSIER_TEXT_SENTENCE_BREAKER_H_

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace dossier::text_internal {

class SimpleSentenceBreaker {
 public:
  SimpleSentenceBreaker();

  // Appends to `breaks` the byte offsets of every boundary after the start
  // of `text`, its end included (none for an empty text), in increasing
  // order: what icu::BreakIterator::next() returns. False, with `breaks`
  // unchanged, when `text` is not well-formed UTF-8 (ICU then decides how
  // to read it) or longer than 4 GiB.
  bool FindBreaks(std::string_view text, std::vector<uint32_t>* breaks);

 private:
  // A character after rule SB5 (Extend and Format belong to the character
  // before them): its Sentence_Break class and the offset where it ends.
  struct Unit {
    uint8_t cls = 0;
    int32_t end = 0;
  };
  // The class of the character at *i, *i moved past it.
  uint8_t ClassAt(int32_t* i) const;
  // The unit starting at `at`; false for ill-formed UTF-8.
  bool ReadUnit(int32_t at, Unit* unit) const;
  bool Run(std::vector<uint32_t>* breaks) const;

  // Sentence_Break of each ASCII character, and whether the rules must look
  // at it (a terminator, a paragraph separator, Extend or Format).
  std::array<uint8_t, 128> ascii_classes_;
  std::array<bool, 128> ascii_stops_;
  std::string_view text_;  // during FindBreaks
};

}  // namespace dossier::text_internal

#endif  // DOSSIER_TEXT_SENTENCE_BREAKER_H_
