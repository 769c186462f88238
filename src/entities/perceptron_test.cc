#include "entities/perceptron.h"

#include <random>

#include <gtest/gtest.h>

#include "entities/feature_hash.h"
#include "entities/weight_table.h"

namespace dossier::ner {
namespace {

constexpr int kBits = 16;

// A tiny synthetic language: words 0-9 are names of people (one token),
// 10-19 start two-token organisations whose second word is 20-29, the rest
// are O. A token's only features are its word and its left neighbour, so
// the second word of an organisation needs the transition weights.
struct Synthetic {
  std::vector<std::vector<int>> words;
  std::vector<std::vector<uint8_t>> gold;
};

Synthetic Generate(int sentences, uint32_t seed) {
  std::mt19937 rng(seed);
  Synthetic s;
  const uint8_t u_per = MakeLabel(EntityType::kPer, LabelPart::kU);
  const uint8_t b_org = MakeLabel(EntityType::kOrg, LabelPart::kB);
  const uint8_t l_org = MakeLabel(EntityType::kOrg, LabelPart::kL);
  for (int k = 0; k < sentences; ++k) {
    std::vector<int> w;
    std::vector<uint8_t> g;
    int n = 3 + static_cast<int>(rng() % 8);
    while (static_cast<int>(w.size()) < n) {
      int r = static_cast<int>(rng() % 10);
      if (r < 2) {
        w.push_back(static_cast<int>(rng() % 10));
        g.push_back(u_per);
      } else if (r < 4) {
        w.push_back(10 + static_cast<int>(rng() % 10));
        g.push_back(b_org);
        w.push_back(20 + static_cast<int>(rng() % 10));
        g.push_back(l_org);
      } else {
        w.push_back(30 + static_cast<int>(rng() % 70));
        g.push_back(kLabelO);
      }
    }
    s.words.push_back(w);
    s.gold.push_back(g);
  }
  return s;
}

BucketedFeatures Features(const std::vector<int>& w) {
  BucketedFeatures f;
  f.offsets.push_back(0);
  for (size_t i = 0; i < w.size(); ++i) {
    f.buckets.push_back(Bucket(Combine(1, static_cast<uint64_t>(w[i])), kBits));
    f.buckets.push_back(Bucket(Combine(2, i > 0 ? static_cast<uint64_t>(w[i - 1]) : 999), kBits));
    f.offsets.push_back(static_cast<uint32_t>(f.buckets.size()));
  }
  return f;
}

TEST(AveragedPerceptron, LearnsTinySyntheticTask) {
  Synthetic train = Generate(300, 1), test = Generate(100, 2);
  std::vector<BucketedFeatures> train_f, test_f;
  for (const auto& w : train.words) train_f.push_back(Features(w));
  for (const auto& w : test.words) test_f.push_back(Features(w));
  AveragedPerceptron p(kBits);
  int first_epoch_errors = 0, last_epoch_errors = 0;
  for (int epoch = 0; epoch < 5; ++epoch) {
    int errors = 0;
    for (size_t k = 0; k < train.words.size(); ++k) {
      SentenceRef s;
      s.features[0] = &train_f[k];
      s.n = train.words[k].size();
      s.gold = train.gold[k].data();
      errors += p.Train(s);
    }
    if (epoch == 0) first_epoch_errors = errors;
    last_epoch_errors = errors;
  }
  EXPECT_GT(first_epoch_errors, 0);
  EXPECT_EQ(last_epoch_errors, 0);

  std::vector<float> w;
  Transitions t;
  p.Averaged(&w, &t);
  std::vector<float> scratch;
  int wrong = 0, total = 0;
  for (size_t k = 0; k < test.words.size(); ++k) {
    SentenceRef s;
    s.features[0] = &test_f[k];
    s.n = test.words[k].size();
    std::vector<uint8_t> out(s.n);
    DecodeWithWeights(w, t, s, &scratch, out.data());
    for (size_t i = 0; i < s.n; ++i) wrong += out[i] != test.gold[k][i];
    total += static_cast<int>(s.n);
  }
  EXPECT_EQ(wrong, 0) << "of " << total;

  // The quantised table keeps the decisions: same argmax for a PER word.
  WeightTable table = WeightTable::FromDense(kBits, {&w}, 0.0f);
  uint64_t key = Combine(1, 3);  // word 3: a person
  int best = 0;
  for (int y = 1; y < kNumLabels; ++y) {
    if (table.Weight(key, 0, y) > table.Weight(key, 0, best)) best = y;
  }
  EXPECT_EQ(best, MakeLabel(EntityType::kPer, LabelPart::kU));
}

}  // namespace
}  // namespace dossier::ner
