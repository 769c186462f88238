// Similarity of two name tokens, tolerant of transliteration and typos.
//
// A weighted edit distance (optimal string alignment: insert, delete,
// substitute, swap two adjacent letters) over the tokens' phonetic forms
// (name_key.h), with costs that reflect how spellings of one name differ:
//   vowel for vowel: a/i 0.6, a/u 0.7, i/u 0.6 (e/i, o/u are already one);
//   close consonants: d/z, s/z 0.3; d/t, g/k, g/j, b/p, f/v, k/x, s/x, j/x,
//     i/j 0.5;
//   inserting or deleting a vowel or an 'h' 0.5; an adjacent swap 0.5;
//   anything else 1.
// Similarity = 1 - distance / (length of the longer phonetic form), in
// [0, 1]. Equal phonetic forms score 1 ("Qasem"/"Qassem"); a one-letter
// token (an initial) scores 0.9 against a token starting with that letter.
//
//   TokenSimilarity("kadhemi", "kazimi") == 1.0
//   TokenSimilarity("emmanual", "emmanuel") ~ 0.91
//   TokenSimilarity("jongun", "jongil") ~ 0.73
//
// Thread-safety: pure functions.
#ifndef DOSSIER_ENTITIES_TOKEN_SIMILARITY_H_
#define DOSSIER_ENTITIES_TOKEN_SIMILARITY_H_

#include <string_view>

#include "entities/name_key.h"

namespace dossier::identity {

// The weighted distance between two phonetic forms.
double PhoneticDistance(std::string_view a, std::string_view b);

// Similarity in [0, 1] of two tokens (see above).
double TokenSimilarity(const NameToken& a, const NameToken& b);

// Convenience for tests and tools: the similarity of two folded tokens.
double TokenSimilarity(std::string_view folded_a, std::string_view folded_b);

}  // namespace dossier::identity

#endif  // DOSSIER_ENTITIES_TOKEN_SIMILARITY_H_
