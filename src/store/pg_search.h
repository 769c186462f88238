// Full-text search in the PostgreSQL backend, made to match as the SQLite
// backend's FTS5 index does (search_query.h, snippet.h).
//
// PostgreSQL's own parsers split words differently from FTS5's unicode61
// tokenizer ("al-Kazimi", "U.S.", e-mail addresses, runs of Chinese letters),
// so the store builds the tsvector itself, from the tokens snippet.h folds:
// runs of letters, numbers and marks, case-folded, diacritics removed.
// Columns are weighted as FTS5 columns: title A, text B, stems C; a gap
// between them keeps a phrase within one column. A query word is a phrase
// of its tokens restricted to its group's weights:
//   ('al':AB <-> 'kazimi':AB & 'troops':AB) | ('troop':ABC)
//
// Limits of tsvector, and what happens there: positions past 16,383 (a text
// of more than ~16,000 words) all count as 16,383, so a phrase that far in
// may not match, while its words still do; a lexeme keeps its first 256
// positions; lexemes longer than 2,046 bytes are not indexed; past ~768 KiB
// of distinct lexemes (a multi-megabyte text) further new words are not
// indexed.
//
// Internal to the store stage. Thread-safety: pure functions.
#ifndef DOSSIER_STORE_PG_SEARCH_H_
#define DOSSIER_STORE_PG_SEARCH_H_

#include <string>
#include <string_view>

#include "store/store.h"

namespace dossier::store_internal {

// The tsvector literal (cast with ::tsvector) indexing an article.
std::string BuildTsvector(std::string_view title, std::string_view text, std::string_view stems);

// The tsquery literal (cast with ::tsquery) of `query`, or "" when it has no
// word: the same words and stem groups as BuildMatchExpression.
std::string BuildTsquery(const SearchQuery& query);

}  // namespace dossier::store_internal

#endif  // DOSSIER_STORE_PG_SEARCH_H_
