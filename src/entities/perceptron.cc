// Tested by perceptron_test.cc.
#include "entities/perceptron.h"

namespace dossier::ner {

AveragedPerceptron::AveragedPerceptron(int bits)
    : bits_(bits),
      w_((size_t{1} << bits) * kNumLabels, 0.0f),
      u_((size_t{1} << bits) * kNumLabels, 0.0),
      tu_(kNumLabels * (kNumLabels + 2), 0.0) {}

namespace {

void Emissions(const std::vector<float>& w, const SentenceRef& s, std::vector<float>* em) {
  em->assign(s.n * kNumLabels, 0.0f);
  for (const BucketedFeatures* f : s.features) {
    if (f == nullptr) continue;
    for (size_t i = 0; i < s.n; ++i) {
      float* out = em->data() + i * kNumLabels;
      size_t t = s.first + i;
      for (uint32_t k = f->offsets[t]; k < f->offsets[t + 1]; ++k) {
        const float* row = w.data() + size_t{f->buckets[k]} * kNumLabels;
        for (int y = 0; y < kNumLabels; ++y) out[y] += row[y];
      }
    }
  }
}

}  // namespace

void DecodeWithWeights(const std::vector<float>& weights, const Transitions& t,
                       const SentenceRef& s, std::vector<float>* scratch, uint8_t* out) {
  Emissions(weights, s, scratch);
  ViterbiDecode(scratch->data(), s.n, t, out);
}

void AveragedPerceptron::Decode(const SentenceRef& s, uint8_t* out) const {
  DecodeWithWeights(w_, tw_, s, &em_, out);
}

void AveragedPerceptron::UpdateToken(const SentenceRef& s, size_t i, int label, float delta) {
  size_t t = s.first + i;
  double cd = c_ * delta;
  for (const BucketedFeatures* f : s.features) {
    if (f == nullptr) continue;
    for (uint32_t k = f->offsets[t]; k < f->offsets[t + 1]; ++k) {
      size_t idx = size_t{f->buckets[k]} * kNumLabels + label;
      w_[idx] += delta;
      u_[idx] += cd;
    }
  }
}

void AveragedPerceptron::UpdateTransition(int from, int to, float delta) {
  double cd = c_ * delta;
  if (from < 0) {
    tw_.start[to] += delta;
    tu_[to] += cd;
  } else if (to < 0) {
    tw_.end[from] += delta;
    tu_[kNumLabels * (kNumLabels + 1) + from] += cd;
  } else {
    tw_.trans[from * kNumLabels + to] += delta;
    tu_[kNumLabels + from * kNumLabels + to] += cd;
  }
}

int AveragedPerceptron::Train(const SentenceRef& s) {
  pred_.resize(s.n);
  Decode(s, pred_.data());
  int errors = 0;
  for (size_t i = 0; i < s.n; ++i) {
    if (pred_[i] != s.gold[i]) {
      ++errors;
      UpdateToken(s, i, s.gold[i], 1.0f);
      UpdateToken(s, i, pred_[i], -1.0f);
    }
  }
  if (errors > 0) {
    for (size_t i = 0; i <= s.n; ++i) {
      int gf = i == 0 ? -1 : s.gold[i - 1], gt = i == s.n ? -1 : s.gold[i];
      int pf = i == 0 ? -1 : pred_[i - 1], pt = i == s.n ? -1 : pred_[i];
      if (gf == pf && gt == pt) continue;
      UpdateTransition(gf, gt, 1.0f);
      UpdateTransition(pf, pt, -1.0f);
    }
  }
  c_ += 1;
  return errors;
}

void AveragedPerceptron::Averaged(std::vector<float>* weights, Transitions* t) const {
  weights->resize(w_.size());
  for (size_t i = 0; i < w_.size(); ++i) {
    (*weights)[i] = static_cast<float>(w_[i] - u_[i] / c_);
  }
  for (int y = 0; y < kNumLabels; ++y) {
    t->start[y] = static_cast<float>(tw_.start[y] - tu_[y] / c_);
    t->end[y] = static_cast<float>(tw_.end[y] - tu_[kNumLabels * (kNumLabels + 1) + y] / c_);
  }
  for (size_t i = 0; i < t->trans.size(); ++i) {
    t->trans[i] = static_cast<float>(tw_.trans[i] - tu_[kNumLabels + i] / c_);
  }
}

}  // namespace dossier::ner
