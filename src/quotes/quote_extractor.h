// QuoteExtractor: who said what in one article — direct quotes in every
// quote style and reported speech, in English and French, each with its
// reporting cue, the words naming its speaker and the article entity they
// refer to.
//
//   // The attribution model is optional: without it, rules alone.
//   auto model = LoadAttributionModel(article.language, ner::ModelRegistry::DefaultModelDirs());
//   Result<QuoteExtractor> x = QuoteExtractor::ForLanguage(
//       article.language, model.ok() ? *model : nullptr);
//   if (!x.ok()) return x.status();  // NotFound: no lexicon for the language
//   TextSegmenter seg(article.language);
//   Segmentation s = seg.Segment(article.text);
//   identity::ArticleEntities e = identity::FindArticleEntities(resources, {...});
//   for (const Quote& q : x->Extract({article.text, &s, &e})) Use(q);
//
// What is found (general rules; see quote_extractor.cc):
//  - Cues: reporting verbs of data/quotes/reporting-verbs-<lang>.txt with
//    their auxiliaries ("has also said", "a indiqué", "a-t-il ajouté",
//    "dit-elle") and source prepositions ("according to", "selon").
//  - Frames around a cue, within a sentence: `SPEAKER said (that) CONTENT`,
//    `SPEAKER told ADDRESSEE (that) CONTENT`, `CONTENT, SPEAKER said`,
//    `CONTENT, said SPEAKER` (and French inversion), `CONTENT, SPEAKER
//    said, CONTENT`, `according to SPEAKER, CONTENT`, `SPEAKER said:` then a
//    quote. Content that runs into a quote crossing sentences or paragraphs
//    takes the whole quote.
//  - Content made of quoted words is direct; reported content that holds
//    quoted fragments ("his support for Iraq's “sovereignty”") is not.
//  - A quote of four words or more with no cue of its own is attributed to
//    a name after a dash that ends its line (`“...” — Adriana Rodarte`), or
//    continues the quote before it in the same or previous paragraph (same
//    speaker), or has no speaker.
//  - With the model, its quotes win; a rule quote over one the model left
//    without a speaker lends it its speaker.
//  - Speakers (speaker_resolver.h): an entity mention inside the speaker
//    words (names, role nouns, organisations), a pronoun (the last person
//    mentioned), or the entity whose names share the speaker's words.
//
// Invariant: quotes come in text order; every span lies inside the text;
// begin < end for the content.
//
// Thread-safety: immutable after construction; Extract may run
// concurrently.
#ifndef DOSSIER_QUOTES_QUOTE_EXTRACTOR_H_
#define DOSSIER_QUOTES_QUOTE_EXTRACTOR_H_

#include <memory>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "entities/article_entities.h"
#include "quotes/attribution_model.h"
#include "quotes/quote.h"
#include "quotes/quote_lexicon.h"
#include "text/segmenter.h"

namespace dossier::quotes {

struct QuoteInput {
  std::string_view text;                       ///< UTF-8, paragraphs separated by blank lines
  const Segmentation* segmentation = nullptr;  ///< of `text`; REQUIRED
  const identity::ArticleEntities* entities = nullptr;  ///< of `text`; null: no speakers
};

class QuoteExtractor {
 public:
  explicit QuoteExtractor(QuoteLexicon lexicon) : lexicon_(std::move(lexicon)) {}
  // With an attribution model (attribution_model.h), attributions come from
  // the model (attribution_quotes.h: quotes and paraphrase, PolNeAR's
  // sense); the rule frames above then only add quoted stretches the model
  // left out. `model` may be null (rules only).
  QuoteExtractor(QuoteLexicon lexicon, std::shared_ptr<const AttributionModel> model)
      : lexicon_(std::move(lexicon)), model_(std::move(model)) {}

  // The extractor with the compiled-in lexicon of `language`; NotFound when
  // there is none. `model` as above (null: rules only).
  static Result<QuoteExtractor> ForLanguage(std::string_view language,
                                            std::shared_ptr<const AttributionModel> model = {});

  // REQUIRES: input.segmentation segments input.text; the entity mentions
  // lie inside it.
  std::vector<Quote> Extract(const QuoteInput& input) const;

  const QuoteLexicon& lexicon() const { return lexicon_; }
  const AttributionModel* model() const { return model_.get(); }

 private:
  std::vector<Quote> Combine(std::vector<Quote> from_model, std::vector<Quote> from_rules) const;

  QuoteLexicon lexicon_;
  std::shared_ptr<const AttributionModel> model_;
};

}  // namespace dossier::quotes

#endif  // DOSSIER_QUOTES_QUOTE_EXTRACTOR_H_
