// Turns a user's search text into a safe FTS5 MATCH expression.
//
// The text is never parsed as FTS5 syntax: it is split into words at
// whitespace and control characters, each word loses its leading and trailing
// punctuation ("(Macron)" -> "Macron"; inner punctuation stays, so "al-Kazimi"
// and "U.S" match as phrases), and each word becomes an FTS5 string literal.
// Operators, column filters, NEAR, '*' and '^' in the text are thus plain
// characters that the FTS5 tokenizer drops.
//
// Internal to the store stage. Thread-safety: pure functions.
#ifndef DOSSIER_STORE_SEARCH_QUERY_H_
#define DOSSIER_STORE_SEARCH_QUERY_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace dossier::store_internal {

// Words beyond this many are ignored: they would only slow the query down.
inline constexpr size_t kMaxQueryWords = 64;
// Stem lists beyond this many are ignored.
inline constexpr size_t kMaxStemLists = 16;

// The words of `text` as described above; words without a letter or digit
// are dropped. Ill-formed UTF-8 bytes separate words.
std::vector<std::string> QueryWords(std::string_view text);

// `word` as an FTS5 string literal: in double quotes, inner quotes doubled.
std::string QuoteFts5(std::string_view word);

// The MATCH expression for `query`, or "" when it has no word:
//   ({title text} : ("w1" AND "w2")) OR ("s1" AND "s2") OR ...
// with one stems group (over every column: title, text, stems) per distinct
// non-empty entry of query.stems, and no words group when a stems group has
// the same tokens (it matches all the words group does).
std::string BuildMatchExpression(const SearchQuery& query);

}  // namespace dossier::store_internal

#endif  // DOSSIER_STORE_SEARCH_QUERY_H_
