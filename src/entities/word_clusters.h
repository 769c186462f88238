// Word clusters by the exchange algorithm (Kneser & Ney 1993; Martin,
// Liermann & Ney 1998): words move, one at a time, to the class that most
// increases the likelihood of a class bigram model of the text,
//   F = sum_{c,d} N(c,d) log N(c,d) - 2 sum_c N(c) log N(c),
// until few words move. It optimises the same objective as Brown clustering
// but costs O(iterations x words x classes x neighbours) instead of Brown's
// O(words x classes^2), which keeps the trainer within minutes.
//
// Coarser levels cluster the classes of the finer level the same way (the
// classes' bigram counts are the sums of their words'), so the levels nest:
// two words in one fine class share their coarse class too.
//
// Thread-safety: pure functions.
#ifndef DOSSIER_ENTITIES_WORD_CLUSTERS_H_
#define DOSSIER_ENTITIES_WORD_CLUSTERS_H_

#include <cstdint>
#include <vector>

namespace dossier::ner {

// Bigram counts of a vocabulary 0..size-1: pairs (left, right, count).
struct BigramCounts {
  uint32_t size = 0;
  struct Pair {
    uint32_t left, right;
    uint64_t count;
  };
  std::vector<Pair> pairs;
};

// Bigram counts of a token-id stream (adjacent ids; no pair spans an id of
// `size` or more, which callers may use as a boundary).
BigramCounts CountBigrams(const std::vector<uint32_t>& ids, uint32_t size);

// The class (0..classes-1) of every item. Deterministic.
std::vector<uint32_t> ExchangeCluster(const BigramCounts& bigrams, uint32_t classes,
                                      int max_iterations);

// The bigram counts between classes, given each item's class.
BigramCounts ClassBigrams(const BigramCounts& bigrams, const std::vector<uint32_t>& cls,
                          uint32_t classes);

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_WORD_CLUSTERS_H_
