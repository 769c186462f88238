// ArticleAnalyzer: runs the text stage over a cleaned article.
//
// Segments the article (sentences, tokens) with the segmenter of its language
// and builds the stem string the store indexes for search
// (AnalyzedArticle::stems): each Snowball stem of the title's and the text's
// words once, leaving out a stem that is the word itself as the title or
// text already spell it (the index finds those in the title and text
// columns). Segmenters and stemmers are created on first use per language
// and reused.
//
// Thread-safety: NOT thread-safe (holds ICU iterators and stemmers); one per thread.
#ifndef DOSSIER_ENGINE_ARTICLE_ANALYZER_H_
#define DOSSIER_ENGINE_ARTICLE_ANALYZER_H_

#include <cstdint>
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

namespace engine_internal {

// A set of byte spans of one string (`base`, which may grow between calls
// but must not change what earlier spans hold), compared by their bytes.
// Open addressing; Clear() keeps the memory for the next article and costs
// what the last article added, not the size of the table (zeroing a table
// grown by one long article cost ~3% of ingest, for every later article).
class SpanSet {
 public:
  void Clear();
  // Adds base.substr(at, length); false when an equal span is there already.
  // An empty span, or one of 64 KiB or more, is never kept (always true).
  bool Insert(std::string_view base, uint32_t at, uint32_t length);

 private:
  void Grow(std::string_view base);

  // at << 32 | 16 bits of the span's hash << 16 | length; 0: empty.
  std::vector<uint64_t> slots_;
  // Indexes of the filled slots, so that Clear() empties only those.
  std::vector<uint32_t> filled_;
};

}  // namespace engine_internal

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
  // Appends the stem of `token` of `text` to *stems unless the index needs
  // no stem for it (see above) or *stems has it already.
  void AddIndexStem(std::string_view text, const Token& token, Stemmer& stemmer,
                    std::string* stems);

  std::map<std::string, std::unique_ptr<TextSegmenter>, std::less<>> segmenters_;
  std::map<std::string, std::unique_ptr<Stemmer>, std::less<>> stemmers_;
  // Scratch reused across articles: the folded word, the words of the text
  // already stemmed (a word repeats, its stem is already decided), and the
  // stems added.
  std::string folded_;
  engine_internal::SpanSet words_;
  engine_internal::SpanSet stems_;
};

}  // namespace dossier

#endif  // DOSSIER_ENGINE_ARTICLE_ANALYZER_H_
