// WordLexicon: what the trainer learned about words from unlabelled text,
// keyed by the hash of the lower-case word (Gazetteer::TokenKey):
//   - word clusters at up to kLevels granularities (coarse to fine), from
//     distributional clustering of unlabelled text (word_clusters.h);
//   - how often the word is capitalised in the middle of a sentence, as a
//     bucket (the best single cue for a name in lower-resource settings:
//     "Bush" vs "bush");
//   - a frequency bucket.
//
// Thread-safety: const methods may run concurrently.
#ifndef DOSSIER_ENTITIES_WORD_LEXICON_H_
#define DOSSIER_ENTITIES_WORD_LEXICON_H_

#include <cstdint>

#include "entities/binary_io.h"
#include "entities/flat_hash_map.h"

namespace dossier::ner {

class WordLexicon {
 public:
  static constexpr int kLevels = 3;

  struct Entry {
    uint16_t cluster[3] = {0, 0, 0};  ///< cluster id + 1 per level; 0: none
    uint8_t caps = 0;                 ///< 0: unknown; 1..5 from never to always capitalised
    uint8_t freq = 0;                 ///< floor(log2(count)), capped at 15
  };

  // The caps bucket of a word seen `n` times mid-sentence, `k` of them
  // capitalised; 0 if n is too small to say.
  static uint8_t CapsBucket(uint64_t k, uint64_t n);

  void Set(uint64_t lower_key, const Entry& e) { entries_[lower_key] = e; }
  const Entry* Find(uint64_t lower_key) const { return entries_.Find(lower_key); }
  size_t size() const { return entries_.size(); }

  void Save(ByteWriter* w) const;
  bool Load(ByteReader* r);

 private:
  FlatHashMap<Entry> entries_;
};

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_WORD_LEXICON_H_
