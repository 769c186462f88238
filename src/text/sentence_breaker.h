// SimpleSentenceBreaker: the sentence boundaries of ICU's root sentence
// BreakIterator (UAX #29 rules SB1-SB998), found directly over UTF-8.
//
//   SimpleSentenceBreaker breaker;
//   std::vector<uint32_t> breaks;
//   if (!breaker.FindBreaks(text, &breaks)) ... use icu::BreakIterator ...
//
// ICU runs its rule automaton over a UTF-16 copy of the text, code point by
// code point; boundaries can only follow a sentence terminator or a paragraph
// separator, so this class classifies each character once (ICU's own
// Sentence_Break property data) and applies the rules only around those.
// sentence_breaker_test.cc checks it against ICU. Languages whose sentence
// rules ICU tailors (Greek) keep ICU.
//
// Internal to the text stage. Thread-safety: NOT thread-safe (scratch state).
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
  // Sentence_Break of each ASCII character.
  std::array<uint8_t, 128> ascii_classes_;
  // Scratch: one entry per character left after rule SB5 (Extend and
  // Format join the character before them): its class and first byte.
  std::vector<uint8_t> classes_;
  std::vector<uint32_t> starts_;
};

}  // namespace dossier::text_internal

#endif  // DOSSIER_TEXT_SENTENCE_BREAKER_H_
