// First-order Viterbi decoding over BILOU labels.
//
// Score of a label sequence y for n tokens:
//   start[y0] + sum_i emission[i][y_i] + sum_i>0 trans[y_{i-1}][y_i] + end[y_{n-1}]
// Transitions that BILOU forbids (AllowedTransition) are never taken, so the
// result is always a well-formed BILOU sequence.
//
// Thread-safety: pure functions.
#ifndef DOSSIER_ENTITIES_VITERBI_H_
#define DOSSIER_ENTITIES_VITERBI_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "entities/tag_scheme.h"

namespace dossier::ner {

struct Transitions {
  std::array<float, kNumLabels> start{};
  std::array<float, kNumLabels * kNumLabels> trans{};  ///< [from * kNumLabels + to]
  std::array<float, kNumLabels> end{};
};

// Writes the best label sequence into out[0..n). emissions is n x kNumLabels,
// row-major. n == 0 is allowed (nothing written).
void ViterbiDecode(const float* emissions, size_t n, const Transitions& t, uint8_t* out);

// The score of `labels` under the same model (for tests and margins).
float SequenceScore(const float* emissions, size_t n, const Transitions& t, const uint8_t* labels);

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_VITERBI_H_
