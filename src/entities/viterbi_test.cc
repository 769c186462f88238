#include "entities/viterbi.h"

#include <limits>
#include <random>

#include <gtest/gtest.h>

namespace dossier::ner {
namespace {

// Exhaustive search over all 17^n sequences: the reference.
float BruteForce(const std::vector<float>& em, size_t n, const Transitions& t,
                 std::vector<uint8_t>* best) {
  std::vector<uint8_t> y(n, 0);
  float best_score = -std::numeric_limits<float>::infinity();
  for (;;) {
    float s = SequenceScore(em.data(), n, t, y.data());
    if (s > best_score) {
      best_score = s;
      *best = y;
    }
    size_t i = 0;
    while (i < n && ++y[i] == kNumLabels) y[i++] = 0;
    if (i == n) break;
  }
  return best_score;
}

TEST(Viterbi, MatchesBruteForce) {
  std::mt19937 rng(7);
  std::normal_distribution<float> noise(0, 2);
  for (int trial = 0; trial < 30; ++trial) {
    size_t n = 1 + trial % 4;  // up to 17^4 = 83521 sequences
    Transitions t;
    for (float& v : t.start) v = noise(rng);
    for (float& v : t.trans) v = noise(rng);
    for (float& v : t.end) v = noise(rng);
    std::vector<float> em(n * kNumLabels);
    for (float& v : em) v = noise(rng);
    std::vector<uint8_t> got(n), want;
    ViterbiDecode(em.data(), n, t, got.data());
    float best = BruteForce(em, n, t, &want);
    EXPECT_NEAR(SequenceScore(em.data(), n, t, got.data()), best, 1e-3) << "trial " << trial;
    EXPECT_EQ(got, want) << "trial " << trial;
  }
}

TEST(Viterbi, OutputIsWellFormedBilou) {
  // Emissions that favour an ill-formed sequence (I-PER alone).
  const int i_per = MakeLabel(EntityType::kPer, LabelPart::kI);
  std::vector<float> em(3 * kNumLabels, 0);
  em[1 * kNumLabels + i_per] = 10;
  Transitions t;
  std::vector<uint8_t> y(3);
  ViterbiDecode(em.data(), 3, t, y.data());
  for (size_t i = 0; i <= 3; ++i) {
    EXPECT_TRUE(AllowedTransition(i == 0 ? -1 : y[i - 1], i == 3 ? -1 : y[i]));
  }
  ViterbiDecode(em.data(), 0, t, y.data());  // empty input is fine
}

}  // namespace
}  // namespace dossier::ner
