// Tested by viterbi_test.cc (against brute force).
#include "entities/viterbi.h"

#include <limits>

namespace dossier::ner {
namespace {

constexpr float kForbidden = -std::numeric_limits<float>::infinity();

// The allowed-transition mask, computed once per process; read-only.
struct AllowedTable {
  bool start[kNumLabels];
  bool trans[kNumLabels][kNumLabels];
  bool end[kNumLabels];
  AllowedTable() {
    for (int a = 0; a < kNumLabels; ++a) {
      start[a] = AllowedTransition(-1, a);
      end[a] = AllowedTransition(a, -1);
      for (int b = 0; b < kNumLabels; ++b) trans[a][b] = AllowedTransition(a, b);
    }
  }
};

const AllowedTable& Allowed() {
  static const AllowedTable table;
  return table;
}

}  // namespace

void ViterbiDecode(const float* emissions, size_t n, const Transitions& t, uint8_t* out) {
  if (n == 0) return;
  const AllowedTable& ok = Allowed();
  std::vector<float> score(n * kNumLabels);
  std::vector<uint8_t> back(n * kNumLabels, 0);
  for (int y = 0; y < kNumLabels; ++y) {
    score[y] = ok.start[y] ? t.start[y] + emissions[y] : kForbidden;
  }
  for (size_t i = 1; i < n; ++i) {
    const float* prev = &score[(i - 1) * kNumLabels];
    float* cur = &score[i * kNumLabels];
    const float* em = emissions + i * kNumLabels;
    for (int y = 0; y < kNumLabels; ++y) {
      float best = kForbidden;
      int arg = 0;
      for (int x = 0; x < kNumLabels; ++x) {
        if (!ok.trans[x][y]) continue;
        float s = prev[x] + t.trans[x * kNumLabels + y];
        if (s > best) {
          best = s;
          arg = x;
        }
      }
      cur[y] = best + em[y];
      back[i * kNumLabels + y] = static_cast<uint8_t>(arg);
    }
  }
  const float* last = &score[(n - 1) * kNumLabels];
  float best = kForbidden;
  int arg = 0;
  for (int y = 0; y < kNumLabels; ++y) {
    if (!ok.end[y]) continue;
    float s = last[y] + t.end[y];
    if (s > best) {
      best = s;
      arg = y;
    }
  }
  for (size_t i = n; i-- > 0;) {
    out[i] = static_cast<uint8_t>(arg);
    arg = back[i * kNumLabels + arg];
  }
}

float SequenceScore(const float* emissions, size_t n, const Transitions& t, const uint8_t* labels) {
  if (n == 0) return 0;
  const AllowedTable& ok = Allowed();
  if (!ok.start[labels[0]] || !ok.end[labels[n - 1]]) return kForbidden;
  float s = t.start[labels[0]] + t.end[labels[n - 1]];
  for (size_t i = 0; i < n; ++i) {
    s += emissions[i * kNumLabels + labels[i]];
    if (i > 0) {
      if (!ok.trans[labels[i - 1]][labels[i]]) return kForbidden;
      s += t.trans[labels[i - 1] * kNumLabels + labels[i]];
    }
  }
  return s;
}

}  // namespace dossier::ner
