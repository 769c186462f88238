// AveragedPerceptron: the structured perceptron (Collins 2002) over BILOU
// labels with first-order Viterbi decoding, averaged with the lazy trick of
// Daumé (2006): weights w and accumulated updates u, average = w - u / c.
//
// Training side only: the tagger reads the averaged weights through
// WeightTable. A sentence's features are bucket ids (Bucket(key, bits)),
// given as one or more spans of buckets per token (local and non-local).
//
// Thread-safety: one object per thread.
#ifndef DOSSIER_ENTITIES_PERCEPTRON_H_
#define DOSSIER_ENTITIES_PERCEPTRON_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "entities/viterbi.h"

namespace dossier::ner {

// The buckets of the tokens of one document: token t's buckets are
// buckets[offsets[t] .. offsets[t+1]).
struct BucketedFeatures {
  std::vector<uint32_t> buckets;
  std::vector<uint32_t> offsets;
};

// A sentence to train on or decode: tokens [first, first + n) of one
// document, with features from up to two sources (null if unused).
struct SentenceRef {
  const BucketedFeatures* features[2] = {nullptr, nullptr};
  size_t first = 0;
  size_t n = 0;
  const uint8_t* gold = nullptr;  ///< n BILOU labels (training only)
};

// Best labels of s under given weights (2^bits x kNumLabels) and
// transitions. `scratch` is reused between calls.
void DecodeWithWeights(const std::vector<float>& weights, const Transitions& t,
                       const SentenceRef& s, std::vector<float>* scratch, uint8_t* out);

class AveragedPerceptron {
 public:
  explicit AveragedPerceptron(int bits);

  // Best labels under the current (not averaged) weights.
  void Decode(const SentenceRef& s, uint8_t* out) const;

  // One online step: decodes, and if the result differs from s.gold,
  // moves the weights toward gold. Returns the number of wrong tokens.
  int Train(const SentenceRef& s);

  // The averaged weights (2^bits x kNumLabels) and transitions.
  void Averaged(std::vector<float>* weights, Transitions* transitions) const;

 private:
  void UpdateToken(const SentenceRef& s, size_t i, int label, float delta);
  void UpdateTransition(int from, int to, float delta);  // -1: start / end

  int bits_;
  // u_ and c_ are double: u_ sums c * delta over hundreds of thousands of
  // steps, beyond float precision.
  std::vector<float> w_;
  std::vector<double> u_;
  Transitions tw_;
  std::vector<double> tu_;  // start (kNumLabels), trans (kNumLabels^2), end (kNumLabels)
  double c_ = 1;            // examples seen + 1
  mutable std::vector<float> em_;
  std::vector<uint8_t> pred_;
};

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_PERCEPTRON_H_
