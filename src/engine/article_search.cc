// Tested by engine_test.cc.
#include "engine/article_search.h"

namespace dossier {

Result<std::vector<SearchHit>> SearchArticles(Store& store, ArticleAnalyzer& analyzer,
                                              const std::string& text, size_t limit, size_t offset,
                                              std::function<bool(const SearchHit&)> wants_snippet) {
  Result<StoreStats> stats = store.Stats();
  if (!stats.ok()) return stats.status();
  SearchQuery query;
  query.text = text;
  query.limit = limit;
  query.offset = offset;
  query.wants_snippet = std::move(wants_snippet);
  for (const auto& [language, count] : stats->by_language) {
    if (language.empty() || count == 0) continue;
    std::string stems;
    analyzer.AppendStems(text, language, &stems);
    if (!stems.empty()) query.stems.push_back(std::move(stems));
  }
  return store.Search(query);
}

}  // namespace dossier
