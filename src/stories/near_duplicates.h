// NearDuplicateIndex: finds an earlier article whose text is a copy of a new
// one (syndicated wire copies with small edits, another headline, other
// boilerplate), by MinHash signatures over word shingles and LSH banding.
//
//   NearDuplicateIndex index(options);
//   MinHashSignature s = index.Sign(doc.shingles);
//   int64_t earlier = index.Find(s);   // an earlier ordinal, or -1
//   index.Insert(ordinal, s);
//
// Two articles are copies when the fraction of equal signature slots (an
// estimate of the Jaccard similarity of their shingle sets) is at least
// min_similarity. Candidates are the articles sharing a band (rows
// consecutive slots); the earliest qualifying one is returned, so the
// answer is deterministic. Only the last `window` inserted articles are
// kept: older ones are forgotten (memory stays bounded).
//
// Thread-safety: not thread-safe.
#ifndef DOSSIER_STORIES_NEAR_DUPLICATES_H_
#define DOSSIER_STORIES_NEAR_DUPLICATES_H_

#include <array>
#include <cstdint>
#include <deque>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dossier::stories {

inline constexpr int kMinHashSlots = 32;
using MinHashSignature = std::array<uint32_t, kMinHashSlots>;

struct NearDuplicateOptions {
  // Estimated Jaccard similarity of shingle sets that makes two articles
  // copies. Default 0.6.
  double min_similarity = 0.6;
  // Slots per LSH band (kMinHashSlots / rows bands). Fewer rows find more
  // candidates at more cost. Default 4 (8 bands).
  int rows = 4;
  // Articles remembered. Default 200,000.
  uint32_t window = 200000;
  // Articles with fewer shingles are never copies (too little text to tell).
  // Default 8.
  int min_shingles = 8;
};

class NearDuplicateIndex {
 public:
  explicit NearDuplicateIndex(NearDuplicateOptions options = {});

  // The signature of a shingle set; all-ones (no candidate) when it has
  // fewer than min_shingles shingles.
  MinHashSignature Sign(const std::vector<uint64_t>& shingles) const;
  // The earliest remembered ordinal whose signature is a copy, or -1.
  int64_t Find(const MinHashSignature& signature) const;
  // REQUIRES: ordinals increase from call to call.
  void Insert(uint64_t ordinal, const MinHashSignature& signature);

  // Remembered (ordinal, signature) pairs, oldest first (for saving state).
  const std::deque<std::pair<uint64_t, MinHashSignature>>& entries() const { return entries_; }
  const NearDuplicateOptions& options() const { return options_; }

 private:
  uint64_t BandKey(const MinHashSignature& s, int band) const;
  void Forget();

  NearDuplicateOptions options_;
  std::deque<std::pair<uint64_t, MinHashSignature>> entries_;
  std::unordered_map<uint64_t, std::vector<uint64_t>> buckets_;  // band key -> ordinals
};

// The fraction of equal slots.
double EstimatedJaccard(const MinHashSignature& a, const MinHashSignature& b);

}  // namespace dossier::stories

#endif  // DOSSIER_STORIES_NEAR_DUPLICATES_H_
