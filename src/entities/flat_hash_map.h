// FlatHashMap: an open-addressing map from non-zero 64-bit hashes to small
// values, for the read-mostly tables of the model (gazetteer phrases, word
// lexicon, feature rows). One probe sequence in one array: a lookup costs
// about one cache miss, which is what the tagger's speed depends on.
//
// Keys are already hashes, so they are used as they are; key 0 is stored
// as 1 (a 2^-64 collision). Load factor stays at or below 1/2.
//
// Thread-safety: const methods may run concurrently; Insert needs exclusive
// access.
#ifndef DOSSIER_ENTITIES_FLAT_HASH_MAP_H_
#define DOSSIER_ENTITIES_FLAT_HASH_MAP_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace dossier::ner {

template <typename V>
class FlatHashMap {
 public:
  struct Slot {
    uint64_t key = 0;  ///< 0: empty
    V value{};
  };

  FlatHashMap() { slots_.resize(16); }

  size_t size() const { return size_; }
  const std::vector<Slot>& slots() const { return slots_; }

  void Reserve(size_t n) {
    size_t cap = 16;
    while (cap < 2 * n) cap *= 2;
    if (cap > slots_.size()) Rehash(cap);
  }

  // Pointer to the value of `key`, or nullptr. Valid until the next Insert.
  const V* Find(uint64_t key) const {
    if (key == 0) key = 1;
    size_t mask = slots_.size() - 1;
    for (size_t i = Home(key) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.key == key) return &s.value;
      if (s.key == 0) return nullptr;
    }
  }
  V* Find(uint64_t key) { return const_cast<V*>(static_cast<const FlatHashMap*>(this)->Find(key)); }

  // The value of `key`, value-initialised if new.
  V& operator[](uint64_t key) {
    if (key == 0) key = 1;
    if (2 * (size_ + 1) > slots_.size()) Rehash(slots_.size() * 2);
    size_t mask = slots_.size() - 1;
    for (size_t i = Home(key) & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.key == key) return s.value;
      if (s.key == 0) {
        s.key = key;
        ++size_;
        return s.value;
      }
    }
  }

  void Prefetch(uint64_t key) const {
    if (key == 0) key = 1;
    __builtin_prefetch(&slots_[Home(key) & (slots_.size() - 1)]);
  }

 private:
  // Keys are hashes, but their low bits may be structured (buckets are the
  // high bits of a hash); fold the halves.
  static size_t Home(uint64_t key) { return static_cast<size_t>(key ^ (key >> 29) ^ (key >> 47)); }

  void Rehash(size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot());
    size_ = 0;
    for (Slot& s : old) {
      if (s.key != 0) (*this)[s.key] = std::move(s.value);
    }
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_FLAT_HASH_MAP_H_
