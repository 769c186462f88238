// SearchArticles: ranked full-text search that also matches word stems.
//
// The query is stemmed in every language the store holds, so "troops" finds
// "troop" and "présidents" finds "président" in articles of that language.
// The query is always treated as text, never as query syntax.
#ifndef DOSSIER_ENGINE_ARTICLE_SEARCH_H_
#define DOSSIER_ENGINE_ARTICLE_SEARCH_H_

#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "engine/article_analyzer.h"
#include "store/store.h"

namespace dossier {

// `wants_snippet`: see SearchQuery (null: every hit gets one).
Result<std::vector<SearchHit>> SearchArticles(
    Store& store, ArticleAnalyzer& analyzer, const std::string& text, size_t limit, size_t offset,
    std::function<bool(const SearchHit&)> wants_snippet = nullptr);

}  // namespace dossier

#endif  // DOSSIER_ENGINE_ARTICLE_SEARCH_H_
