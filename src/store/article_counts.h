// The per-(language, outlet) counters both backends keep in their table
// article_counts, so that Stats() reads a few rows instead of every
// article: what one batch of stored articles adds to them.
//
// Internal to the store stage. Thread-safety: plain values.
#ifndef DOSSIER_STORE_ARTICLE_COUNTS_H_
#define DOSSIER_STORE_ARTICLE_COUNTS_H_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <utility>

#include "store/store.h"

namespace dossier::store_internal {

struct CountsDelta {
  int64_t articles = 0;
  int64_t sentences = 0;
  int64_t tokens = 0;
  int64_t text_bytes = 0;
};

// Keyed by (language, outlet), in key order: concurrent writers then update
// the counter rows in one order.
using CountsByKey = std::map<std::pair<std::string, std::string>, CountsDelta>;

// Counts `analyzed`, whose text is stored as `text_bytes` bytes.
inline void CountArticle(const AnalyzedArticle& analyzed, size_t text_bytes, CountsByKey* counts) {
  CountsDelta& c = (*counts)[{analyzed.article.language, analyzed.article.outlet}];
  ++c.articles;
  c.sentences += analyzed.sentence_count;
  c.tokens += analyzed.token_count;
  c.text_bytes += static_cast<int64_t>(text_bytes);
}

// `v` as a SQL integer parameter: values past INT64_MAX become INT64_MAX.
inline int64_t ClampToInt64(size_t v) {
  return v > static_cast<size_t>(std::numeric_limits<int64_t>::max())
             ? std::numeric_limits<int64_t>::max()
             : static_cast<int64_t>(v);
}

}  // namespace dossier::store_internal

#endif  // DOSSIER_STORE_ARTICLE_COUNTS_H_
