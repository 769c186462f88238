// Fuzz target: the time and facts stages on arbitrary text: temporal
// expressions (absolute and relative to a publication date), numbers in
// both languages' formats, figures and dated happenings. The first byte
// picks the language and whether a publication date is given; the rest,
// made valid UTF-8 as the clean stage makes every article, is the text.
// Besides not crashing: every span lies inside the text.
// FUZZ_DEPS: dossier_facts dossier_time dossier_text dossier_clean
#include <cstdint>
#include <string>
#include <vector>

#include "clean/utf8.h"
#include "facts/claims.h"
#include "fuzz_util.h"
#include "text/segmenter.h"
#include "time/article_time.h"

using dossier::fuzz::Require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kLanguages[] = {"en", "fr"};
  const std::string language = kLanguages[data[0] & 1];
  const std::string published = (data[0] & 2) ? "2020-09-02" : "";
  const std::string text =
      dossier::ToValidUtf8(dossier::fuzz::AsView(data + 1, std::min<size_t>(size - 1, 1 << 14)));

  static dossier::TextSegmenter en_seg("en"), fr_seg("fr");
  static const auto en_tagger = dossier::TimeTagger::Create("en");
  static const auto fr_tagger = dossier::TimeTagger::Create("fr");
  static const auto en_facts = dossier::FactExtractor::Create("en");
  static const auto fr_facts = dossier::FactExtractor::Create("fr");
  Require(en_tagger.ok() && fr_tagger.ok() && en_facts.ok() && fr_facts.ok(), "data loads");
  bool en = language == "en";

  dossier::Segmentation s = (en ? en_seg : fr_seg).Segment(text);
  std::vector<dossier::TextSpan> sentences;
  for (const dossier::Sentence& x : s.sentences) sentences.push_back({x.begin, x.end});
  dossier::ArticleTime time = dossier::AnalyzeArticleTime(en ? *en_tagger : *fr_tagger, text,
                                                          published, sentences, s.paragraphs);
  for (const dossier::TemporalExpression& e : time.expressions) {
    Require(e.begin < e.end && e.end <= text.size(), "expression inside the text");
  }
  dossier::FactsArticle article{"fuzz", text, language, sentences, {}};
  dossier::ArticleFacts facts = (en ? *en_facts : *fr_facts).Extract(article, time);
  for (const dossier::NumericClaim& c : facts.figures) {
    Require(c.begin < c.end && c.end <= text.size(), "figure inside the text");
    Require(c.sentence < sentences.size(), "figure in a sentence");
    Require(c.low <= c.value && c.value <= c.high, "value inside its interval");
  }
  for (const dossier::HappeningClaim& h : facts.happenings) {
    Require(h.begin < h.end && h.end <= text.size(), "happening inside the text");
    Require(h.date.known, "a happening has a date");
  }
  return 0;
}
