// QuotesFromAttributions: Quotes from the spans the attribution tagger
// marks (attribution_model.h) — each CONTENT span with the CUE that governs
// it and the SOURCE of that cue, all within one paragraph.
//
// Rules (general, tuned on a held-out slice of PolNeAR train):
//  - The cue of a content is the nearest cue span of the sentences the
//    content touches (token distance to the content's edges), else of the
//    sentence before or after it.
//  - The source is the source span nearest to that cue in the cue's
//    sentence, else the nearest source in the content's sentences.
//  - Two contents around one cue they share ("“A,” she said, “B.”") are
//    one quote.
//  - Content is direct when most of its words are between quote marks
//    (in each piece of a merged quote).
//
// Thread-safety: pure function.
#ifndef DOSSIER_QUOTES_ATTRIBUTION_QUOTES_H_
#define DOSSIER_QUOTES_ATTRIBUTION_QUOTES_H_

#include <string_view>
#include <vector>

#include "quotes/attribution_model.h"
#include "quotes/quote.h"
#include "quotes/speaker_resolver.h"

namespace dossier::quotes {

// REQUIRES: spans come from AttributionModel::Tag over (text, seg); the
// resolver was made for `text`. Quotes come in text order.
std::vector<Quote> QuotesFromAttributions(std::string_view text, const Segmentation& seg,
                                          const std::vector<AttributionSpan>& spans,
                                          const SpeakerResolver& resolver);

}  // namespace dossier::quotes

#endif  // DOSSIER_QUOTES_ATTRIBUTION_QUOTES_H_
