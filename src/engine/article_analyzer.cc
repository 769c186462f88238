// Tested by engine_test.cc.
#include "engine/article_analyzer.h"

#include <utility>

namespace dossier {

ArticleAnalyzer::ArticleAnalyzer() = default;
ArticleAnalyzer::~ArticleAnalyzer() = default;

TextSegmenter& ArticleAnalyzer::SegmenterFor(std::string_view language) {
  auto it = segmenters_.find(language);
  if (it == segmenters_.end()) {
    it =
        segmenters_.emplace(std::string(language), std::make_unique<TextSegmenter>(language)).first;
  }
  return *it->second;
}

Stemmer& ArticleAnalyzer::StemmerFor(std::string_view language) {
  auto it = stemmers_.find(language);
  if (it == stemmers_.end()) {
    it = stemmers_.emplace(std::string(language), std::make_unique<Stemmer>(language)).first;
  }
  return *it->second;
}

void ArticleAnalyzer::AppendStems(std::string_view text, std::string_view language,
                                  std::string* out) {
  Stemmer& stemmer = StemmerFor(language);
  Segmentation seg = SegmenterFor(language).Segment(text);
  for (const Token& t : seg.tokens) {
    if (t.kind == TokenKind::kPunct) continue;
    std::string folded = FoldCase(text.substr(t.begin, t.end - t.begin));
    std::string_view stem = t.kind == TokenKind::kWord ? stemmer.Stem(folded) : folded;
    if (stem.empty()) continue;
    if (!out->empty()) out->push_back(' ');
    out->append(stem);
  }
}

AnalyzedArticle ArticleAnalyzer::Analyze(Article article) {
  AnalyzedArticle result;
  Segmentation seg = SegmenterFor(article.language).Segment(article.text);
  result.sentence_count = static_cast<uint32_t>(seg.sentences.size());
  Stemmer& stemmer = StemmerFor(article.language);
  std::string& stems = result.stems;
  stems.reserve(article.text.size() / 2);
  // Title stems first so a title word is found by stem too.
  if (!article.title.empty()) AppendStems(article.title, article.language, &stems);
  uint32_t words = 0;
  std::string folded;
  for (const Token& t : seg.tokens) {
    if (t.kind == TokenKind::kPunct) continue;
    ++words;
    if (t.kind != TokenKind::kWord) continue;  // numbers are indexed as words already
    folded = FoldCase(std::string_view(article.text).substr(t.begin, t.end - t.begin));
    std::string_view stem = stemmer.Stem(folded);
    if (stem.empty()) continue;
    if (!stems.empty()) stems.push_back(' ');
    stems.append(stem);
  }
  result.token_count = words;
  result.article = std::move(article);
  return result;
}

}  // namespace dossier
