// TextWords: an article's words and punctuation with byte offsets and folded
// forms, the surface the identity library reads around entity mentions
// (role phrases, acronym declarations, demonyms).
//
//   std::vector<TextWord> w = ScanWords(normalizer, "le porte-parole du Pentagone, John Kirby");
//   // le | porte | parole (hyphen_before) | du | pentagone | , | john | kirby
//
// Words are runs of letters, digits and combining marks. Hyphens and
// apostrophes split words (and set hyphen_before on the next one: role
// phrases are written "porte parole", "chef d etat" in the lexicons); they
// are not tokens themselves. Other non-space characters are one-character
// punctuation tokens (a typographic quote folds to '"').
//
// Thread-safety: pure function.
#ifndef DOSSIER_ENTITIES_TEXT_WORDS_H_
#define DOSSIER_ENTITIES_TEXT_WORDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entities/name_normalizer.h"

namespace dossier::identity {

struct TextWord {
  uint32_t begin = 0;  ///< byte offset of the first byte
  uint32_t end = 0;    ///< byte offset one past the last byte
  std::string folded;  ///< NameNormalizer::Fold of the word; the character for punctuation
  bool punct = false;
  bool capitalized = false;        ///< the first letter is upper case
  bool all_caps = false;           ///< two letters or more, none lower case
  bool hyphen_before = false;      ///< joined to the previous word by a hyphen
  bool apostrophe_before = false;  ///< joined to the previous word by an apostrophe
  bool line_before = false;        ///< a line break lies between it and the previous token
};

// REQUIRES: text is valid UTF-8 shorter than 4 GiB.
std::vector<TextWord> ScanWords(const NameNormalizer& normalizer, std::string_view text);

// The index of the first token whose begin is >= offset (words.size() if none).
size_t WordAt(const std::vector<TextWord>& words, uint32_t offset);

}  // namespace dossier::identity

#endif  // DOSSIER_ENTITIES_TEXT_WORDS_H_
