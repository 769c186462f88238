// Extractive summary of a set of articles: a few of their sentences, chosen
// across sources and languages.
//
//   std::vector<SummarySentence> s = Summarize(articles);
//
// Method (no language-specific rule besides the segmenter and the Snowball
// stemmer):
//  - candidates: the sentences of each article's paragraphs, leaving out the
//    paragraphs the clean stage's boilerplate rules recognise (comment
//    policies, captions, prompts...), sentences shorter than `min_words` or
//    longer than `max_words`, and sentences not ended by a full stop, "?",
//    "!" or a closing quote (headlines, captions, list items);
//  - features of a sentence: its content stems (per language), its numbers,
//    and the entities it names (the store's mentions, which link sentences
//    across languages and spellings);
//  - centrality: each feature weighs its inverse sentence frequency times
//    the share of articles that contain it (the centroid of the articles);
//    a sentence scores the sum of its features' weights over the square root
//    of their number, a little more near the start of its article;
//  - selection by maximal marginal relevance: relevance minus the highest
//    similarity (cosine) to a sentence already chosen, plus a bonus for an
//    article not yet represented and one for a language not yet represented
//    (large enough that every language gets its best sentence first, as far
//    as the sentences go); near-duplicates (copies) are never chosen twice;
//  - the chosen sentences come out in reading order: by their article's date,
//    then by position.
//
// Thread-safety: a free function.
#ifndef DOSSIER_REPORT_SUMMARY_H_
#define DOSSIER_REPORT_SUMMARY_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "report/report.h"

namespace dossier::report {

struct SummaryArticle {
  SourceRef source;  ///< start/end unused
  std::string text;  ///< the cleaned article text
  // Where the article names an entity: (byte offset, entity id); any order.
  std::vector<std::pair<uint32_t, int64_t>> entities;
};

struct SummaryOptions {
  size_t max_sentences = 5;
  size_t min_words = 6;
  size_t max_words = 60;
  double lambda = 0.6;  ///< relevance against redundancy in MMR
  // For a sentence in a language not yet chosen: past any relevance, so each
  // language's best sentence comes first (as many languages as sentences).
  double new_language_bonus = 1.0;
  double new_article_bonus = 0.15;    ///< for a sentence of an article not yet chosen
  double duplicate_similarity = 0.7;  ///< at or above this, a candidate repeats a chosen one
};

std::vector<SummarySentence> Summarize(const std::vector<SummaryArticle>& articles,
                                       const SummaryOptions& options = {});

}  // namespace dossier::report

#endif  // DOSSIER_REPORT_SUMMARY_H_
