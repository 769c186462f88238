// FeatureExtractor: the hashed features of every token of a document.
//
// Stage 1 (local) features look at the token, its neighbours (±2), their
// shapes, affixes, clusters and gazetteer matches, and at document-level
// case evidence (is this headline word written in lower case elsewhere in
// the document?). Stage 2 (non-local) features look at the stage-1 labels
// of the whole document: the labels of the neighbours, how the other
// occurrences of the same word were labelled, and matches of the entities
// found elsewhere in the document. A feature is a 64-bit key,
// FeatureKey(template, sub, value); the weight table maps keys to buckets.
//
//   FeatureExtractor fx(options, &lexicon, &gazetteer);
//   DocumentAnalysis a;
//   fx.Analyze(sentences, &a);
//   FeatureBuffer local;
//   fx.LocalFeatures(a, &local);   // local.keys of token t: [offsets[t], offsets[t+1])
//
// Thread-safety: const; one DocumentAnalysis / FeatureBuffer per thread.
#ifndef DOSSIER_ENTITIES_FEATURES_H_
#define DOSSIER_ENTITIES_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entities/feature_hash.h"
#include "entities/flat_hash_map.h"
#include "entities/gazetteer.h"
#include "entities/word_forms.h"
#include "entities/word_lexicon.h"

namespace dossier::ner {

// Feature templates. Persisted through the keys of trained models: frozen.
enum class Feat : uint8_t {
  kBias = 1,
  kWord = 2,             ///< exact token
  kLower = 3,            ///< lower-case token at offset sub (-2..2)
  kShape = 4,            ///< long shape of the token
  kShortShape = 5,       ///< collapsed shape at offset sub
  kShapeBigram = 6,      ///< collapsed shapes of (-1, 0) (sub -1) or (0, +1) (sub 1)
  kShapeTrigram = 7,     ///< collapsed shapes of (-1, 0, +1)
  kLowerBigram = 8,      ///< lower-case (-1, 0), (0, +1), skip (-1, +1) (sub 2)
  kPrefix = 9,           ///< first sub characters (1..4) of the lower-case token
  kSuffix = 10,          ///< last sub characters (1..4)
  kShapeLowerPrev = 11,  ///< shape x previous word
  kShapeLowerNext = 12,  ///< shape x next word
  kPosition = 13,        ///< sentence-initial / headline x shape
  kDigits = 14,          ///< token with digits replaced by 0
  kCapsRatio = 15,       ///< lexicon capitalisation bucket x case class
  kCluster = 16,         ///< cluster of a neighbour at one granularity
  kGazetteer = 17,       ///< gazetteer category and BILOU part at offset sub
  kGazetteerShape = 18,  ///< gazetteer category and part x shape
  kDocCase = 19,         ///< how the word is written elsewhere in the document
  kStage1Label = 32,     ///< stage-1 label at offset sub
  kStage1LabelShape = 33,
  kDocTypeShare = 34,  ///< share of the other occurrences labelled with type sub
  kDocMajority = 35,   ///< majority stage-1 type of the other occurrences
  kDocEntity = 36,     ///< BILOU match of an entity found in the document
};

inline uint64_t FeatureKey(Feat f, int sub, uint64_t value) {
  return Combine((static_cast<uint64_t>(f) << 8) | static_cast<uint8_t>(sub), value);
}

struct FeatureOptions {
  bool gazetteer = true;  ///< use gazetteer matches
  bool clusters = true;   ///< use lexicon clusters and capitalisation buckets
  bool document = true;   ///< use document-level case evidence
};

struct TokenInfo {
  std::string_view word;
  std::string lower;
  uint64_t k_word = 0;         ///< HashString(word)
  uint64_t k_lower = 0;        ///< HashString(lower) (also the gazetteer/lexicon key)
  uint64_t k_shape = 0;        ///< HashString(WordShape(word, false))
  uint64_t k_short_shape = 0;  ///< HashString(WordShape(word, true))
  uint64_t gazetteer = 0;      ///< Gazetteer::Match marks
  const WordLexicon::Entry* lex = nullptr;
  CaseClass case_class = CaseClass::kNoLetter;
  bool has_digit = false;
};

// Everything about a document that both stages' features read.
struct DocumentAnalysis {
  std::vector<TokenInfo> tokens;         ///< all tokens, sentence after sentence
  std::vector<uint32_t> sentence_begin;  ///< index of each sentence's first token, plus the end
  std::vector<uint8_t> headline;         ///< per sentence: mostly upper-case words
  // Per lower-case key, how the word is written in ordinary positions (not
  // sentence-initial, not in a headline): bit 0 lower case, bit 1 capitalised.
  FlatHashMap<uint8_t> case_seen;

  size_t sentence_count() const { return sentence_begin.empty() ? 0 : sentence_begin.size() - 1; }
};

struct FeatureBuffer {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> offsets;  ///< token t's keys: [offsets[t], offsets[t+1])

  void Clear() {
    keys.clear();
    offsets.assign(1, 0);
  }
};

class FeatureExtractor {
 public:
  // lexicon and gazetteer may be null; they must outlive the extractor.
  FeatureExtractor(const FeatureOptions& options, const WordLexicon* lexicon,
                   const Gazetteer* gazetteer);

  void Analyze(const std::vector<std::vector<std::string_view>>& sentences,
               DocumentAnalysis* a) const;

  void LocalFeatures(const DocumentAnalysis& a, FeatureBuffer* out) const;

  // REQUIRES: stage1_labels has one label per token of `a`.
  void NonLocalFeatures(const DocumentAnalysis& a, const std::vector<uint8_t>& stage1_labels,
                        FeatureBuffer* out) const;

 private:
  void TokenFeatures(const DocumentAnalysis& a, size_t sentence, size_t t,
                     std::vector<uint64_t>* keys) const;

  FeatureOptions options_;
  const WordLexicon* lexicon_;
  const Gazetteer* gazetteer_;
};

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_FEATURES_H_
