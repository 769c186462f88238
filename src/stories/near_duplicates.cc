// Tested by near_duplicates_test.cc.
#include "stories/near_duplicates.h"

#include <algorithm>

namespace dossier::stories {
namespace {

inline uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

bool IsEmpty(const MinHashSignature& s) {
  return std::all_of(s.begin(), s.end(), [](uint32_t v) { return v == UINT32_MAX; });
}

}  // namespace

NearDuplicateIndex::NearDuplicateIndex(NearDuplicateOptions options) : options_(options) {
  if (options_.rows < 1 || options_.rows > kMinHashSlots) options_.rows = 4;
}

MinHashSignature NearDuplicateIndex::Sign(const std::vector<uint64_t>& shingles) const {
  MinHashSignature s;
  s.fill(UINT32_MAX);
  if (static_cast<int>(shingles.size()) < options_.min_shingles) return s;
  // Slot i's hash function: multiply-shift of the mixed shingle hash by an
  // odd multiplier and an offset of its own (one multiply per slot, not a
  // full mix: Sign dominated the clusterer's time).
  static const auto kSeeds = [] {
    std::array<std::pair<uint64_t, uint64_t>, kMinHashSlots> seeds{};
    for (int i = 0; i < kMinHashSlots; ++i) {
      seeds[i] = {Mix(0x9e3779b97f4a7c15ULL * (2 * i + 1)) | 1,
                  Mix(0xc2b2ae3d27d4eb4fULL * (i + 7))};
    }
    return seeds;
  }();
  for (uint64_t sh : shingles) {
    const uint64_t base = Mix(sh);
    for (int i = 0; i < kMinHashSlots; ++i) {
      uint32_t h = static_cast<uint32_t>((base * kSeeds[i].first + kSeeds[i].second) >> 32);
      s[i] = std::min(s[i], h == UINT32_MAX ? UINT32_MAX - 1 : h);  // all-ones: "no signature"
    }
  }
  return s;
}

uint64_t NearDuplicateIndex::BandKey(const MinHashSignature& s, int band) const {
  uint64_t h = 0x12345678ULL + static_cast<uint64_t>(band);
  for (int r = 0; r < options_.rows; ++r) h = Mix(h ^ s[band * options_.rows + r]);
  return h;
}

double EstimatedJaccard(const MinHashSignature& a, const MinHashSignature& b) {
  int equal = 0;
  for (int i = 0; i < kMinHashSlots; ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / kMinHashSlots;
}

int64_t NearDuplicateIndex::Find(const MinHashSignature& signature) const {
  if (IsEmpty(signature) || entries_.empty()) return -1;
  int64_t best = -1;
  const uint64_t first = entries_.front().first;
  for (int band = 0; band < kMinHashSlots / options_.rows; ++band) {
    auto it = buckets_.find(BandKey(signature, band));
    if (it == buckets_.end()) continue;
    for (uint64_t ordinal : it->second) {
      if (best >= 0 && ordinal >= static_cast<uint64_t>(best)) break;  // sorted ascending
      // Ordinals are increasing but not dense: find the entry by binary search.
      auto e = std::lower_bound(entries_.begin(), entries_.end(), ordinal,
                                [](const auto& x, uint64_t o) { return x.first < o; });
      if (ordinal < first || e == entries_.end() || e->first != ordinal) continue;
      if (EstimatedJaccard(e->second, signature) >= options_.min_similarity) {
        best = static_cast<int64_t>(ordinal);
        break;
      }
    }
  }
  return best;
}

void NearDuplicateIndex::Insert(uint64_t ordinal, const MinHashSignature& signature) {
  if (IsEmpty(signature)) return;
  entries_.emplace_back(ordinal, signature);
  for (int band = 0; band < kMinHashSlots / options_.rows; ++band) {
    buckets_[BandKey(signature, band)].push_back(ordinal);
  }
  Forget();
}

void NearDuplicateIndex::Forget() {
  while (entries_.size() > options_.window) {
    const auto& [ordinal, signature] = entries_.front();
    for (int band = 0; band < kMinHashSlots / options_.rows; ++band) {
      auto it = buckets_.find(BandKey(signature, band));
      if (it == buckets_.end()) continue;
      std::vector<uint64_t>& v = it->second;
      v.erase(std::remove(v.begin(), v.end(), ordinal), v.end());
      if (v.empty()) buckets_.erase(it);
    }
    entries_.pop_front();
  }
}

}  // namespace dossier::stories
