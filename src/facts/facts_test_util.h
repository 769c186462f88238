// Test helper: an article through the text and time stages, then facts.
#ifndef DOSSIER_FACTS_FACTS_TEST_UTIL_H_
#define DOSSIER_FACTS_FACTS_TEST_UTIL_H_

#include <string>

#include <gtest/gtest.h>

#include "facts/claims.h"
#include "text/segmenter.h"
#include "time/article_time.h"

namespace dossier {

inline ArticleFacts FactsOf(const std::string& id, const std::string& text, const std::string& lang,
                            const std::string& published,
                            std::vector<EntityMention> mentions = {}) {
  TextSegmenter seg(lang);
  Segmentation s = seg.Segment(text);
  std::vector<TextSpan> sentences;
  for (const Sentence& x : s.sentences) sentences.push_back({x.begin, x.end});
  Result<TimeTagger> tagger = TimeTagger::Create(lang);
  Result<FactExtractor> fx = FactExtractor::Create(lang);
  EXPECT_TRUE(tagger.ok() && fx.ok());
  ArticleTime time = AnalyzeArticleTime(*tagger, text, published, sentences, s.paragraphs);
  FactsArticle a{id, text, lang, sentences, std::move(mentions)};
  return fx->Extract(a, time);
}

}  // namespace dossier

#endif  // DOSSIER_FACTS_FACTS_TEST_UTIL_H_
