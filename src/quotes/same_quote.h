// Same quote, several outlets: whether two quote texts from different
// articles are one statement, by the overlap of their normalised words.
//
//   if (SameQuote(a.text, b.text)) MergeSources(a, b);
//   std::vector<size_t> group = GroupSameQuotes(texts);  // group[i]: a representative index
//
// Normalisation: case folding, apostrophes unified, punctuation and quote
// marks dropped, so “We will stay,” and "we will stay" are equal. The
// overlap is the share of the shorter text's word bigrams (words, for
// one-word texts) found in the longer one, counted with multiplicity: one
// outlet quoting a part of what another quotes in full is the same quote.
//
// Thread-safety: pure functions.
#ifndef DOSSIER_QUOTES_SAME_QUOTE_H_
#define DOSSIER_QUOTES_SAME_QUOTE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::quotes {

struct SameQuoteOptions {
  double min_overlap = 0.6;  ///< QuoteOverlap at or above which two quotes are one
  size_t min_words = 3;      ///< shorter quotes (scare quotes) never merge
};

// The normalised words of a quote text.
std::vector<std::string> NormalizedQuoteWords(std::string_view text);

// In [0, 1]; see the header comment. 0 when either text has no word.
double QuoteOverlap(std::string_view a, std::string_view b);

bool SameQuote(std::string_view a, std::string_view b, const SameQuoteOptions& options = {});

// For each text, the smallest index of a text it is the same quote as
// (transitively), itself if none: quotes with equal values are one quote.
std::vector<size_t> GroupSameQuotes(const std::vector<std::string_view>& texts,
                                    const SameQuoteOptions& options = {});

}  // namespace dossier::quotes

#endif  // DOSSIER_QUOTES_SAME_QUOTE_H_
