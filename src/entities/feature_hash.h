// Hashing of feature strings and of feature tuples.
//
// A feature is a template id and one or more values; values are 64-bit
// hashes of strings (HashString) or small integers. Combine() mixes them
// into a 64-bit key, and Bucket() maps the key into a table of 2^bits rows.
// The functions are fixed: changing them changes every trained model, so a
// change needs a new model format version.
//
// Thread-safety: pure functions.
#ifndef DOSSIER_ENTITIES_FEATURE_HASH_H_
#define DOSSIER_ENTITIES_FEATURE_HASH_H_

#include <cstdint>
#include <string_view>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace dossier::ner {

inline uint64_t HashString(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

// A strong 64-bit mix (the murmur3 finaliser) of an ordered pair.
inline uint64_t Combine(uint64_t a, uint64_t b) {
  uint64_t h = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL + (a << 6) + (a >> 2));
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 33;
  return h;
}

inline uint32_t Bucket(uint64_t key, int bits) { return static_cast<uint32_t>(key >> (64 - bits)); }

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_FEATURE_HASH_H_
