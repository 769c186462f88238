// ArticleNer: the entity mentions of an article's text, with byte offsets.
//
// Segments the text with the text stage (TextSegmenter: sentences and word
// tokens with byte offsets), re-tokenises the way the NER corpora do
// (clitics split off: "Macron's" -> "Macron" "'s", French "l'Élysée" ->
// "l'" "Élysée"; hyphenated compounds kept whole: "al-Kadhimi"), tags the
// whole text as one document, and maps the entity spans back to byte ranges
// of the text.
//
//   ArticleNer ner(tagger.get(), "en");
//   for (const Mention& m : ner.Find(article.text))
//     Use(EntityTypeName(m.type), article.text.substr(m.begin, m.end - m.begin));
//
// Invariant: every mention's [begin, end) lies inside the text, starts at
// the first byte of a token and ends after the last byte of one.
//
// Thread-safety: not thread-safe (it owns a TextSegmenter); use one per
// thread. The tagger may be shared.
#ifndef DOSSIER_ENTITIES_ARTICLE_NER_H_
#define DOSSIER_ENTITIES_ARTICLE_NER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "entities/entity_type.h"
#include "entities/tagger.h"
#include "text/segmenter.h"

namespace dossier::ner {

struct Mention {
  uint32_t begin = 0;  ///< byte offset of the first byte
  uint32_t end = 0;    ///< byte offset one past the last byte
  EntityType type = EntityType::kMisc;
  float score = 0;        ///< the tagger's span confidence
  uint32_t sentence = 0;  ///< index of the sentence (TextSegmenter order)
};

class ArticleNer {
 public:
  // REQUIRES: tagger outlives this object.
  ArticleNer(const NerTagger* tagger, std::string_view language);

  // REQUIRES: text is valid UTF-8 shorter than 4 GiB.
  std::vector<Mention> Find(std::string_view text);

 private:
  const NerTagger* tagger_;
  TextSegmenter segmenter_;
};

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_ARTICLE_NER_H_
