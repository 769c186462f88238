// AttributionModel: a trained attribution tagger — an averaged-perceptron
// sequence labeller (the NER stage's machinery: hashed features, BILOU
// labels, first-order Viterbi) that marks the SOURCE, CUE and CONTENT spans
// of the attributions of an article (who said/thinks/wants what, quotes and
// paraphrase alike, as PolNeAR annotates them). Trained by
// attribution_trainer.h (quotes_train_tool); used by QuoteExtractor.
//
//   Result<AttributionModel> m = AttributionModel::Load("models/quotes-en.bin");
//   if (!m.ok()) return m.status();
//   std::vector<AttributionSpan> spans = m->Tag(text, segmentation, lexicon);
//
// File format (little-endian): magic "DQAT", u32 format version, u64
// payload size, then the zstd-compressed payload: the provenance string,
// the cue words (varint count, then per word: string, u8 class), u8
// number of stages, and per stage: the transitions (float tables of
// tag_scheme.h labels) and the WeightTable. Load rejects other magics and newer versions.
//
// Thread-safety: immutable after loading; Tag may run concurrently.
#ifndef DOSSIER_QUOTES_ATTRIBUTION_MODEL_H_
#define DOSSIER_QUOTES_ATTRIBUTION_MODEL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "entities/viterbi.h"
#include "entities/weight_table.h"
#include "quotes/attribution_features.h"

namespace dossier::quotes {

inline constexpr uint32_t kAttributionMagic = 0x54415144;  // "DQAT"
inline constexpr uint32_t kAttributionFormatVersion = 1;

enum class AttributionRole : uint8_t { kSource, kCue, kContent };

// A tagged span: tokens [first_token, last_token] of the Segmentation.
struct AttributionSpan {
  AttributionRole role = AttributionRole::kContent;
  uint32_t first_token = 0;
  uint32_t last_token = 0;  ///< inclusive
};

// One tagging pass: weights over feature keys and label transitions.
struct AttributionStage {
  ner::WeightTable weights;
  ner::Transitions transitions;
};

class AttributionModel {
 public:
  static constexpr size_t kMaxStages = 2;

  AttributionModel() = default;
  // The first stage tags from the base features; a second one (optional)
  // re-tags from the base features plus StackedFeatures of the first
  // stage's labels. REQUIRES: 1 or 2 stages.
  AttributionModel(std::vector<AttributionStage> stages, CueWords cue_words, std::string provenance)
      : stages_(std::move(stages)),
        cue_words_(std::move(cue_words)),
        provenance_(std::move(provenance)) {}

  // Corruption on a bad magic, truncated or damaged payload; InvalidInput
  // for a newer format version; IOError when the file cannot be read.
  static Result<AttributionModel> Load(const std::string& path);
  static Result<AttributionModel> Parse(std::string_view bytes);
  std::string Serialize() const;
  Status Save(const std::string& path) const;

  // The spans of the article in text order (per tagging unit, see
  // TaggingUnits). REQUIRES: seg segments text.
  std::vector<AttributionSpan> Tag(std::string_view text, const Segmentation& seg,
                                   const QuoteLexicon& lexicon) const;
  // The same from precomputed features (training evaluates this way).
  std::vector<AttributionSpan> TagFeatures(const TokenFeatures& features,
                                           const std::vector<TokenRange>& units) const;
  // The BILOU labels of every token (O outside the units) after `stages`
  // stages (1 or 2, at most stages().size()).
  std::vector<uint8_t> Label(const TokenFeatures& features, const std::vector<TokenRange>& units,
                             size_t stages) const;

  const std::string& provenance() const { return provenance_; }
  const std::vector<AttributionStage>& stages() const { return stages_; }
  const CueWords& cue_words() const { return cue_words_; }

 private:
  std::vector<AttributionStage> stages_;
  CueWords cue_words_;
  std::string provenance_;  // training data and command
};

// The model of `language` (file quotes-<language>.bin) from the first of
// `dirs` that has it; pass ner::ModelRegistry::DefaultModelDirs() for the
// search path of the NER models. NotFound naming the directories searched
// when none has it (rule-based quotes then); InvalidInput for a malformed
// language code; the file's own error when it is damaged.
Result<std::shared_ptr<const AttributionModel>> LoadAttributionModel(
    std::string_view language, const std::vector<std::string>& dirs);

// The spans of a label sequence over all tokens.
std::vector<AttributionSpan> SpansOfLabels(const std::vector<uint8_t>& labels,
                                           const std::vector<TokenRange>& units);

// Best labels of the units' tokens under one stage, from one or two
// feature sources (second may be null); writes labels[first..first+count)
// of each unit.
void DecodeStage(const AttributionStage& stage, const TokenFeatures& a, const TokenFeatures* b,
                 const std::vector<TokenRange>& units, std::vector<uint8_t>* labels);

// Role <-> BILOU type slot (attribution_features.h).
AttributionRole RoleOfType(ner::EntityType type);
ner::EntityType TypeOfRole(AttributionRole role);

}  // namespace dossier::quotes

#endif  // DOSSIER_QUOTES_ATTRIBUTION_MODEL_H_
