// ArticleAnalyzer: runs the text stage over a cleaned article.
//
// Segments the article (sentences, tokens) with the segmenter of its language
// and builds the stem string the store indexes for search. Segmenters and
// stemmers are created on first use per language and reused.
//
// Thread-safety: NOT thread-safe (holds ICU iterators and stemmers); one per thread.
#ifndef DOSSIER_ENGINE_ARTICLE_ANALYZER_H_
#define DOSSIER_ENGINE_ARTICLE_ANALYZER_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "clean/article.h"
#include "store/store.h"
#include "text/segmenter.h"
#include "text/stemmer.h"

namespace dossier {

class ArticleAnalyzer {
 public:
  ArticleAnalyzer();
  ~ArticleAnalyzer();

  AnalyzedArticle Analyze(Article article);

  // Appends the Snowball stems of the words of `text` in `language` to `out`,
  // space-separated. Words are case-folded first. Used for queries too, so
  // that a query matches the stems the store indexed.
  void AppendStems(std::string_view text, std::string_view language, std::string* out);

 private:
  TextSegmenter& SegmenterFor(std::string_view language);
  Stemmer& StemmerFor(std::string_view language);

  std::map<std::string, std::unique_ptr<TextSegmenter>, std::less<>> segmenters_;
  std::map<std::string, std::unique_ptr<Stemmer>, std::less<>> stemmers_;
};

}  // namespace dossier

#endif  // DOSSIER_ENGINE_ARTICLE_ANALYZER_H_
