// Tag schemes: BILOU labels (what the model predicts) and IOB tags (what
// corpora and conlleval use), and conversions through entity spans.
//
// A label is a small integer: 0 is O, then four labels per entity type in the
// order B (begin), I (inside), L (last), U (unit, a one-token entity):
//   label = 1 + 4 * type + part.
// These values are written into model files (transition tables): frozen.
//
// IOB input follows the conlleval chunk rule, so IOB1 and IOB2 read alike: a
// chunk starts at a B-X tag, or at an I-X tag whose previous tag is O or has
// another type; it continues over I-X tags of the same type.
//
// Thread-safety: pure functions.
#ifndef DOSSIER_ENTITIES_TAG_SCHEME_H_
#define DOSSIER_ENTITIES_TAG_SCHEME_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "entities/entity_type.h"

namespace dossier::ner {

inline constexpr int kNumLabels = 1 + 4 * kNumEntityTypes;  // 17
inline constexpr int kLabelO = 0;

enum class LabelPart : uint8_t { kB = 0, kI = 1, kL = 2, kU = 3 };

inline int MakeLabel(EntityType type, LabelPart part) {
  return 1 + 4 * static_cast<int>(type) + static_cast<int>(part);
}
// REQUIRES: label != kLabelO for the next two.
inline EntityType LabelType(int label) { return static_cast<EntityType>((label - 1) / 4); }
inline LabelPart LabelPartOf(int label) { return static_cast<LabelPart>((label - 1) % 4); }

// "O", "B-PER", "U-LOC", ...
std::string LabelName(int label);

// Whether BILOU allows `to` right after `from`. from == -1 means the start
// of the sentence; to == -1 means its end.
bool AllowedTransition(int from, int to);

// BILOU labels of a sentence of n tokens with the given (non-overlapping)
// spans; tokens outside every span are O.
std::vector<uint8_t> BilouFromSpans(size_t n, const std::vector<EntitySpan>& spans);

// Spans of a BILOU label sequence. Ill-formed sequences (possible only from
// unconstrained decoders) are read leniently: B or I starts a span that
// continues while labels of the same type are I or L.
std::vector<EntitySpan> SpansFromBilou(const std::vector<uint8_t>& labels);

// Spans of IOB1/IOB2 tags ("O", "B-PER", "I-LOC", ...), conlleval rule above.
// Fails with InvalidInput on a tag that is neither O nor [BI]-{PER,ORG,LOC,MISC}.
Result<std::vector<EntitySpan>> SpansFromIob(const std::vector<std::string>& tags);

// IOB2 tags of n tokens with the given spans.
std::vector<std::string> Iob2FromSpans(size_t n, const std::vector<EntitySpan>& spans);

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_TAG_SCHEME_H_
