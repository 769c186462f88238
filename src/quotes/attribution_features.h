// Attribution features: what the attribution tagger (attribution_model.h)
// sees of each token of an article — the word and its neighbours, shape,
// reporting-verb lexicon membership and distance to the nearest cue in the
// sentence, quote-mark state, sentence position — as hashed feature keys
// (entities/feature_hash.h). Training (attribution_trainer.h) and tagging
// compute them with this one function, so both see the same features.
//
// The tagger labels tokens with the BILOU labels of entities/tag_scheme.h,
// reusing three of its four type slots for the attribution roles below.
//
// Thread-safety: pure functions.
#ifndef DOSSIER_QUOTES_ATTRIBUTION_FEATURES_H_
#define DOSSIER_QUOTES_ATTRIBUTION_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entities/entity_type.h"
#include "quotes/quote_lexicon.h"
#include "text/segmenter.h"

namespace dossier::quotes {

// Attribution roles in the entity-type slots of the BILOU labels. Persisted
// in model files: frozen.
inline constexpr ner::EntityType kSourceRole = ner::EntityType::kPer;
inline constexpr ner::EntityType kCueRole = ner::EntityType::kOrg;
inline constexpr ner::EntityType kContentRole = ner::EntityType::kLoc;

// The feature keys of every token of an article: token t's keys are
// keys[offsets[t] .. offsets[t+1]).
struct TokenFeatures {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> offsets;
  std::vector<uint64_t> word;      ///< hash of each token's folded word (base features only)
  std::vector<uint32_t> sentence;  ///< sentence index of each token (base features only)
};

// The tagging units of an article: runs of tokens [first, first + count),
// one per paragraph (attributions seldom cross paragraphs; content that
// does is cut at the break).
struct TokenRange {
  uint32_t first = 0;
  uint32_t count = 0;
};
std::vector<TokenRange> TaggingUnits(const Segmentation& seg);

// CueWords: the words that often serve as attribution cues in the training
// data ("said", "wants", "believes", "plan"), each with a class of how often
// it does (1: 5-15% of its occurrences, 2: to 35%, 3: to 60%, 4: more).
// Learned by the trainer and stored in the model, as the reporting-verb
// lexicon misses the stance and intention cues the corpus marks.
class CueWords {
 public:
  static constexpr int kMinCount = 2;  // cue occurrences for a word to count

  // From counts of case-folded words: as a cue, and in all.
  static CueWords FromCounts(const std::unordered_map<std::string, uint32_t>& as_cue,
                             const std::unordered_map<std::string, uint32_t>& total);
  // 0 for a word that is seldom or never a cue.
  int Class(const std::string& folded) const {
    auto it = classes_.find(folded);
    return it == classes_.end() ? 0 : it->second;
  }
  size_t size() const { return classes_.size(); }
  void Add(std::string folded, uint8_t cls) { classes_[std::move(folded)] = cls; }
  const std::unordered_map<std::string, uint8_t>& classes() const { return classes_; }

 private:
  std::unordered_map<std::string, uint8_t> classes_;
};

// REQUIRES: seg segments text. `cue_words` may be null (none learned).
TokenFeatures AttributionFeatures(std::string_view text, const Segmentation& seg,
                                  const QuoteLexicon& lexicon, const CueWords* cue_words);

// The second-stage features of every token (stacking): what the first
// stage labelled it and its neighbours, the distance to the nearest cue,
// source and content spans it found in the sentence, and the cue's word.
// `labels` holds the first stage's BILOU label of every token (O outside
// the units). REQUIRES: base from AttributionFeatures.
TokenFeatures StackedFeatures(const TokenFeatures& base, const std::vector<TokenRange>& units,
                              const std::vector<uint8_t>& labels);

}  // namespace dossier::quotes

#endif  // DOSSIER_QUOTES_ATTRIBUTION_FEATURES_H_
