// SimpleWordTokenizer: ICU's word-break rules, made fast for the characters
// most news text is made of.
//
//   SimpleWordTokenizer words;
//   if (words.Prepare(text)) words.Tokenize(sentence_begin, sentence_end, &tokens);
//   else  ... use icu::BreakIterator ...
//
// For text made only of characters below U+2E80 that are not Hebrew letters,
// Katakana, ZWJ, line separators or in the scripts ICU segments with a
// dictionary (Thai, Lao, Khmer, Myanmar...), Tokenize gives exactly the
// tokens ICU's word BreakIterator gives (UAX #29 rules WB4-WB13b with ICU's
// tailoring: '@' is a letter, ':' is not MidLetter), with the same kinds.
// word_tokenizer_test.cc checks that against ICU. Prepare returns false for
// any other text, which the caller then gives to ICU.
//
// Internal to the text stage. Thread-safety: NOT thread-safe (scratch state).
#ifndef DOSSIER_TEXT_WORD_TOKENIZER_H_
#define DOSSIER_TEXT_WORD_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include <unicode/umachine.h>

#include "text/segmenter.h"

namespace dossier::text_internal {

class SimpleWordTokenizer {
 public:
  SimpleWordTokenizer();

  // Classifies every character of `text`. False when one is outside the
  // handled set. `text` must outlive the following Tokenize calls.
  bool Prepare(std::string_view text);

  // Appends the tokens of text[begin, end) to `out` (offsets into the whole
  // text); whitespace gives no token. REQUIRES: the last Prepare returned
  // true; [begin, end) starts and ends on character boundaries.
  void Tokenize(size_t begin, size_t end, std::vector<Token>* out) const;

 private:
  uint8_t ClassOf(UChar32 c) const;

  std::string_view text_;
  std::vector<uint8_t> classes_;  // per byte: the class of the character starting there
  // Classes of U+0080..U+07FF (two-byte UTF-8: Latin, Greek, Cyrillic,
  // Arabic...) and of U+2000..U+206F (quotes, dashes, spaces), looked up
  // once: most non-ASCII characters of news text are there.
  std::vector<uint8_t> two_byte_classes_;
  std::vector<uint8_t> punctuation_classes_;
};

}  // namespace dossier::text_internal

#endif  // DOSSIER_TEXT_WORD_TOKENIZER_H_
