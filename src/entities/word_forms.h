// Word forms used by the features: case folding, word shape, case class,
// character prefixes and suffixes, digit normalisation.
//
// These are cheap, table-free approximations for the scripts the models are
// trained on (Latin, Greek, Cyrillic): FoldCase from text/ (ICU) is exact but
// an order of magnitude slower, and the tagger folds every token.
//
// Thread-safety: pure functions.
#ifndef DOSSIER_ENTITIES_WORD_FORMS_H_
#define DOSSIER_ENTITIES_WORD_FORMS_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dossier::ner {

enum class CaseClass : uint8_t {
  kNoLetter = 0,  ///< digits, punctuation, symbols only
  kLower = 1,     ///< "word", "al-"
  kInitCap = 2,   ///< "Word", "Al-Kadhimi", "McDonald"
  kAllCaps = 3,   ///< "WORD", "U.S.", "BBC" (two or more letters, all upper)
  kMixed = 4,     ///< "iPhone", "eBay"
};

// Appends the lower-case form of `word` to *out (ASCII, Latin-1, Latin
// Extended-A, Greek and Cyrillic capitals; other characters copied).
void AppendLower(std::string_view word, std::string* out);
std::string Lower(std::string_view word);

CaseClass GetCaseClass(std::string_view word);

// Word shape: upper letters map to 'X', lower letters to 'x', digits to 'd',
// other characters stay. With `collapse`, runs of one class shrink to one
// character ("Macron" -> "Xx", "1996-08-22" -> "d-d-d"); without it, runs
// longer than 3 shrink to 3 ("Macron" -> "Xxxx", "1996" -> "ddd").
std::string WordShape(std::string_view word, bool collapse);

// The first / last n characters (code points) of `word`; all of it if
// shorter.
std::string_view Utf8Prefix(std::string_view word, int n);
std::string_view Utf8Suffix(std::string_view word, int n);
int Utf8Length(std::string_view word);

// `word` with every ASCII digit replaced by '0'.
std::string NormalizeDigits(std::string_view word);
bool HasDigit(std::string_view word);

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_WORD_FORMS_H_
