// Tested by tag_scheme_test.cc.
#include "entities/ner_eval.h"

#include <cstdio>

namespace dossier::ner {

void NerScores::Add(const std::vector<EntitySpan>& gold, const std::vector<EntitySpan>& predicted) {
  for (const EntitySpan& g : gold) {
    ++overall.gold;
    ++by_type[static_cast<int>(g.type)].gold;
  }
  for (const EntitySpan& p : predicted) {
    ++overall.predicted;
    ++by_type[static_cast<int>(p.type)].predicted;
    for (const EntitySpan& g : gold) {
      if (g == p) {
        ++overall.correct;
        ++by_type[static_cast<int>(p.type)].correct;
        break;
      }
    }
  }
}

std::string NerScores::Summary() const {
  char buf[256];
  std::snprintf(buf, sizeof(buf), "F1 %.2f (P %.2f R %.2f); PER %.1f ORG %.1f LOC %.1f MISC %.1f",
                overall.F1(), overall.Precision(), overall.Recall(), by_type[0].F1(),
                by_type[1].F1(), by_type[2].F1(), by_type[3].F1());
  return buf;
}

}  // namespace dossier::ner
