// Snippets of search hits: the stretch of an article's text around its best
// match on one line, query tokens in [brackets], cut ends marked "…", as FTS5's
// snippet() shows them, made from the text alone. FTS5 needs the MATCH run
// again, per hit, to make its own: that read every doclist of the query
// again and was half the time of a broad search on a large store.
//
// Tokens are FTS5 unicode61's: runs of letters, numbers, marks and
// private-use characters; they match when equal after case folding and
// removal of diacritics (remove_diacritics 2).
//
// Internal to the store stage. Thread-safety: pure functions.
#ifndef DOSSIER_STORE_SNIPPET_H_
#define DOSSIER_STORE_SNIPPET_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::store_internal {

// The tokens of `text` in order, each folded as matching folds it (tokens
// that fold to nothing, such as a lone combining mark, are left out). The
// PostgreSQL backend indexes these, so it matches as FTS5 unicode61 does.
std::vector<std::string> FoldedTokens(std::string_view text);

// The folded tokens of the query words (a word "al-Kazimi" gives "al" and
// "kazimi"), distinct, in query order.
std::vector<std::string> SnippetTerms(const std::vector<std::string>& query_words);

// At most `max_tokens` tokens of `text` around the window with the most
// distinct terms (then the most hits; the earliest of equals), a few tokens
// of context before its first hit. No hit: the opening of the text. Only the
// first 64 KiB of the text are read (a hit beyond gives the opening).
std::string MakeSnippet(std::string_view text, const std::vector<std::string>& terms,
                        size_t max_tokens = 30);

}  // namespace dossier::store_internal

#endif  // DOSSIER_STORE_SNIPPET_H_
