// Small helpers over one line of normalised UTF-8 text, shared by the
// boilerplate, metadata and date code: case folding for matching, word
// counts and the "shape" of a line (headline, sentence, prompt).
//
// All functions take well-formed UTF-8 (the output of NormalizeText).
//
// Thread-safety: free functions over caller-owned data.
#ifndef DOSSIER_CLEAN_TEXT_UTIL_H_
#define DOSSIER_CLEAN_TEXT_UTIL_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>

namespace dossier {

// Lowercases ASCII, Latin-1 and Cyrillic capitals WITHOUT changing the byte
// length, so offsets in the folded copy are offsets in the original.
void LowerForMatchingInPlace(std::string* s);
std::string LowerForMatching(std::string_view s);

// Lowercase ASCII with Latin-1 accents removed ("Août" -> "aout",
// "Veröffentlicht" -> "veroffentlicht"); other non-ASCII bytes are kept.
// For matching words against ASCII tables; lengths may change.
std::string FoldAscii(std::string_view s);

// True when `table` (an array or span of std::string_view, say) holds `word`.
template <typename Table>
bool InTable(const Table& table, std::string_view word) {
  return std::find(std::begin(table), std::end(table), word) != std::end(table);
}

// Whitespace-separated tokens that contain at least one letter or digit;
// counting stops past `limit` (the result is then limit + 1), so a caller
// that only compares the count with thresholds need not scan a long
// paragraph to its end.
size_t CountWords(std::string_view line, size_t limit = SIZE_MAX);

// `line` without leading and trailing ASCII spaces.
std::string_view TrimSpaces(std::string_view line);

// The last character that is not a closing quote or bracket: '.', '?', ...
// Returns 0 for an empty line or a non-ASCII final character other than the
// ellipsis '…' (returned as '.').
char FinalPunctuation(std::string_view line);

// Ends with '.', '!', '?' or '…' (closing quotes and brackets skipped).
bool EndsSentence(std::string_view line);

// Starts with a lowercase letter (ASCII or any script ICU knows).
bool StartsLowercase(std::string_view line);

// Starts with an uppercase letter.
bool StartsUppercase(std::string_view line);

// Holds a sentence break inside: ". X" where the word before the period has
// at least three letters (so initials like "J. Smith" do not count) and X is
// uppercase.
bool HasSentenceBreak(std::string_view line);

// A headline: 2..max_words words, at most 300 bytes, not starting lowercase,
// not ending in '.', ',', ';' or ':' and not made of two sentences.
bool LooksLikeHeadline(std::string_view line, size_t max_words = 20);

// True when the byte at `i` is inside a word: an ASCII letter or digit or
// part of a non-ASCII letter. U+0080..U+00BF, U+00D7, U+00F7, U+2000..U+2BFF
// (punctuation, symbols, shapes) and U+3000..U+303F are not word bytes.
bool IsWordByteAt(std::string_view s, size_t i);

}  // namespace dossier

#endif  // DOSSIER_CLEAN_TEXT_UTIL_H_
