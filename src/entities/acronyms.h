// Acronyms declared in text: "the Islamic State (IS) group", "le groupe
// Etat islamique (EI)", "improvised explosive device (IED)".
//
//   std::vector<TextWord> w = ScanWords(normalizer, text);
//   for (const AcronymDeclaration& d : FindAcronymDeclarations(w)) ...
//
// A declaration is a word in capitals (2 to 10 letters or digits) alone in
// parentheses right after the words of its long form. The long form is
// found as Schwartz & Hearst do (A Simple Algorithm for Identifying
// Abbreviation Definitions in Biomedical Text, PSB 2003): walking both
// backwards, every letter of the acronym must match a letter of the long
// form, the first one at the start of a word; the long form is the
// shortest such run of words, at most min(|A| + 5, 2 |A|) words, with no
// punctuation inside. "Islamic State (ISIS)" holds (I-s-l-a-m-I-c S-tate:
// the letters need not all be initials), "Etat islamique (EI)" holds.
//
// Thread-safety: pure function.
#ifndef DOSSIER_ENTITIES_ACRONYMS_H_
#define DOSSIER_ENTITIES_ACRONYMS_H_

#include <cstddef>
#include <vector>

#include "entities/text_words.h"

namespace dossier::identity {

struct AcronymDeclaration {
  size_t long_first = 0;  ///< first word of the long form
  size_t long_last = 0;   ///< last word of the long form (inclusive)
  size_t acronym = 0;     ///< the word in parentheses
};

std::vector<AcronymDeclaration> FindAcronymDeclarations(const std::vector<TextWord>& words);

// True if `acronym` (folded) abbreviates `long_form` (folded, words
// separated by spaces) by the rule above.
bool AbbreviatesLongForm(std::string_view acronym, std::string_view long_form);

}  // namespace dossier::identity

#endif  // DOSSIER_ENTITIES_ACRONYMS_H_
