// Entity-level scores with the conlleval definition: a predicted entity is
// correct only if its first token, last token and type all match a gold
// entity; precision, recall and F1 are micro-averaged over all entities.
//
// Thread-safety: plain values.
#ifndef DOSSIER_ENTITIES_NER_EVAL_H_
#define DOSSIER_ENTITIES_NER_EVAL_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "entities/entity_type.h"

namespace dossier::ner {

struct SpanCounts {
  uint64_t gold = 0, predicted = 0, correct = 0;
  double Precision() const { return predicted ? 100.0 * correct / predicted : 0; }
  double Recall() const { return gold ? 100.0 * correct / gold : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct NerScores {
  SpanCounts overall;
  std::array<SpanCounts, kNumEntityTypes> by_type;

  // Adds the spans of one sentence.
  void Add(const std::vector<EntitySpan>& gold, const std::vector<EntitySpan>& predicted);
  // "F1 91.23 (P 91.50 R 90.96); PER 95.1 ORG 86.0 LOC 93.2 MISC 85.5"
  std::string Summary() const;
};

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_NER_EVAL_H_
