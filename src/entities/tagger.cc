// Tested by tagger_test.cc.
#include "entities/tagger.h"

#include <cmath>

#include "entities/tag_scheme.h"
#include "entities/viterbi.h"

namespace dossier::ner {

float SpanMargin(const float* emissions, const uint8_t* labels, const EntitySpan& span) {
  float sum = 0;
  for (uint32_t i = span.first_token; i <= span.last_token; ++i) {
    const float* em = emissions + size_t{i} * kNumLabels;
    float best_other = -INFINITY;
    for (int y = 0; y < kNumLabels; ++y) {
      if (y != labels[i]) best_other = std::max(best_other, em[y]);
    }
    sum += em[labels[i]] - best_other;
  }
  return sum / static_cast<float>(span.last_token - span.first_token + 1);
}

Result<NerTagger> NerTagger::Load(const std::string& path) {
  Result<NerModel> m = NerModel::Load(path);
  if (!m.ok()) return m.status();
  return NerTagger(std::move(*m));
}

NerTagger::NerTagger(NerModel model)
    : model_(std::make_unique<const NerModel>(std::move(model))),
      extractor_(model_->args.features, &model_->lexicon, &model_->gazetteer) {}

void NerTagger::Label(const std::vector<std::vector<std::string_view>>& sentences,
                      std::vector<uint8_t>* labels, std::vector<float>* emissions) const {
  DocumentAnalysis a;
  extractor_.Analyze(sentences, &a);
  FeatureBuffer local;
  extractor_.LocalFeatures(a, &local);
  const WeightTable& w = model_->weights;
  const int width = w.width();
  const bool two_stages = w.blocks() == 2 && model_->args.non_local;
  const size_t n = a.tokens.size();

  std::vector<float> em1(n * kNumLabels), em2;
  if (two_stages) em2.resize(n * kNumLabels);
  std::vector<int32_t> acc(width);
  for (size_t t = 0; t < n; ++t) {
    std::fill(acc.begin(), acc.end(), 0);
    w.Accumulate(local.keys.data() + local.offsets[t], local.offsets[t + 1] - local.offsets[t],
                 acc.data());
    for (int y = 0; y < kNumLabels; ++y) {
      em1[t * kNumLabels + y] = acc[y] * w.scale(0);
      if (two_stages) em2[t * kNumLabels + y] = acc[kNumLabels + y] * w.scale(1);
    }
  }
  labels->assign(n, kLabelO);
  for (size_t s = 0; s < a.sentence_count(); ++s) {
    size_t b = a.sentence_begin[s], e = a.sentence_begin[s + 1];
    ViterbiDecode(em1.data() + b * kNumLabels, e - b, model_->transitions[0], labels->data() + b);
  }
  if (!two_stages) {
    *emissions = std::move(em1);
    return;
  }
  FeatureBuffer nonlocal;
  extractor_.NonLocalFeatures(a, *labels, &nonlocal);
  for (size_t t = 0; t < n; ++t) {
    std::fill(acc.begin(), acc.end(), 0);
    w.Accumulate(nonlocal.keys.data() + nonlocal.offsets[t],
                 nonlocal.offsets[t + 1] - nonlocal.offsets[t], acc.data());
    for (int y = 0; y < kNumLabels; ++y) {
      em2[t * kNumLabels + y] += acc[kNumLabels + y] * w.scale(1);
    }
  }
  for (size_t s = 0; s < a.sentence_count(); ++s) {
    size_t b = a.sentence_begin[s], e = a.sentence_begin[s + 1];
    ViterbiDecode(em2.data() + b * kNumLabels, e - b, model_->transitions[1], labels->data() + b);
  }
  *emissions = std::move(em2);
}

std::vector<std::vector<EntitySpan>> NerTagger::TagDocument(
    const std::vector<std::vector<std::string_view>>& sentences) const {
  std::vector<uint8_t> labels;
  std::vector<float> emissions;
  Label(sentences, &labels, &emissions);
  std::vector<std::vector<EntitySpan>> out(sentences.size());
  size_t b = 0;
  for (size_t s = 0; s < sentences.size(); ++s) {
    size_t n = sentences[s].size();
    std::vector<uint8_t> sl(labels.begin() + b, labels.begin() + b + n);
    out[s] = SpansFromBilou(sl);
    for (EntitySpan& span : out[s]) {
      float m = SpanMargin(emissions.data() + b * kNumLabels, labels.data() + b, span);
      const NerArgs& a = model_->args;
      span.score = 1.0f / (1.0f + std::exp(-(a.score_a * m + a.score_b)));
    }
    b += n;
  }
  return out;
}

std::vector<EntitySpan> NerTagger::TagSentence(const std::vector<std::string_view>& tokens) const {
  return TagDocument({tokens})[0];
}

}  // namespace dossier::ner
