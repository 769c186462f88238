// DocumentBuilder: makes the StoryDocument of an article from its text, its
// entities (identity::FindArticleEntities) and their global ids
// (identity::EntityResolver::Add).
//
//   DocumentBuilder builder(lexicon.get());  // lexicon may be null
//   std::vector<uint32_t> ids = resolver.Add(entities);
//   StoryDocument d = builder.Build(article, entities, ids, mentioned_dates);
//
// Terms: the words of the text (ICU tokens, case-folded, Snowball stems),
// words shorter than three bytes skipped, headline words (or the first
// sentence's when there is no headline) counted twice, and a word of the
// text's sentence i weighted 1 / (1 + lead_decay * i). A word the lexicon
// maps to pivot stems gives those (its weight split between them) instead of
// its own stem. Numbers are kept as written without separators ("5,000" ->
// "5000"), two characters or more. Shingles are hashes of every run of four
// consecutive word or number tokens. Places are the LOC entities: their
// alias group when they have one ("country:IQ"), else their global id.
//
// Thread-safety: NOT thread-safe (owns segmenters and stemmers, one per
// language, made on first use); use one per thread. The lexicon may be shared.
#ifndef DOSSIER_STORIES_DOCUMENT_BUILDER_H_
#define DOSSIER_STORIES_DOCUMENT_BUILDER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "clean/article.h"
#include "entities/article_entities.h"
#include "stories/pivot_lexicon.h"
#include "stories/story_document.h"
#include "text/segmenter.h"
#include "text/stemmer.h"

namespace dossier::stories {

struct DocumentOptions {
  // News puts what happened first (the inverted pyramid): the lead says what
  // kind of happening it is, later sentences add background other stories
  // share. Default 0.1 (bench/story_bench.py, with ClustererOptions::
  // refine_threshold 0.04): ECB+ dev events' BCubed F1 0.933 (0 and 0.05)
  // -> 0.940, storylines 0.927 -> 0.935, in random orders events 0.922 ->
  // 0.936 and storylines 0.851 -> 0.872 (means of 3).
  float lead_decay = 0.1f;
};

class DocumentBuilder {
 public:
  // REQUIRES: lexicon (if not null) outlives the builder; lead_decay >= 0.
  explicit DocumentBuilder(const PivotLexicon* lexicon, DocumentOptions options = {});
  ~DocumentBuilder();
  DocumentBuilder(const DocumentBuilder&) = delete;
  DocumentBuilder& operator=(const DocumentBuilder&) = delete;

  // `global_ids[i]` is the global id of entities.entities[i] (the result of
  // EntityResolver::Add); `mentioned_dates` are ISO dates the text refers to
  // (from the time stage, one per expression; may be empty): a day named
  // twice or more is also in repeated_dates. Invalid dates are ignored.
  // REQUIRES: global_ids.size() == entities.entities.size().
  StoryDocument Build(const Article& article, const identity::ArticleEntities& entities,
                      const std::vector<uint32_t>& global_ids,
                      const std::vector<std::string>& mentioned_dates = {});

 private:
  struct Language {
    std::unique_ptr<TextSegmenter> segmenter;
    std::unique_ptr<Stemmer> stemmer;
  };
  Language& ForLanguage(const std::string& language);
  void AddWord(std::string_view language, Stemmer& stemmer, std::string_view folded, float weight,
               std::map<uint64_t, float>* terms);

  const PivotLexicon* lexicon_;
  DocumentOptions options_;
  std::map<std::string, Language, std::less<>> languages_;
  std::string fold_;  // scratch
};

}  // namespace dossier::stories

#endif  // DOSSIER_STORIES_DOCUMENT_BUILDER_H_
