// Gazetteer: lists of names (phrases of tokens) in up to 16 categories, and
// the matching of a token sequence against them.
//
// Matching is case-insensitive (tokens are compared by the hash of their
// Lower() form) and marks, for every token, its BILOU position in every
// phrase that covers it: bit 4 * category + part of the token's mark word
// (part as in LabelPart: B, I, L, U). Phrases are stored as hashes, so the
// lists themselves are not kept; a phrase hash collision (2^-64) is a false
// match.
//
//   Gazetteer g;
//   int city = g.AddCategory("city");
//   g.Add(city, {"new", "york"});
//   g.Match(keys, n, marks);  // marks[i] for "New" has bit 4*city+B
//
// Thread-safety: const methods may run concurrently.
#ifndef DOSSIER_ENTITIES_GAZETTEER_H_
#define DOSSIER_ENTITIES_GAZETTEER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entities/binary_io.h"
#include "entities/flat_hash_map.h"

namespace dossier::ner {

class Gazetteer {
 public:
  static constexpr int kMaxCategories = 16;
  static constexpr int kMaxPhraseTokens = 8;

  // The id of category `name`, added if new; -1 if there are already
  // kMaxCategories.
  int AddCategory(std::string_view name);
  int FindCategory(std::string_view name) const;  // -1 if absent
  const std::vector<std::string>& categories() const { return categories_; }

  // Adds a phrase of lower-case tokens. Empty phrases and phrases longer than
  // kMaxPhraseTokens are ignored. REQUIRES: 0 <= category < categories().size().
  void Add(int category, const std::vector<std::string>& lower_tokens);

  // The key of one token for Match(): HashString(Lower(token)).
  static uint64_t TokenKey(std::string_view lower_token);

  // marks[i] |= bits of every phrase match covering token i (see above).
  void Match(const uint64_t* token_keys, size_t n, uint64_t* marks) const;

  size_t phrase_count() const { return phrase_count_; }

  void Save(ByteWriter* w) const;
  // False on malformed input (the reader is then failed too).
  bool Load(ByteReader* r);

 private:
  static constexpr uint32_t kPrefixBit = 1u << 16;
  static uint64_t Extend(uint64_t phrase_key, uint64_t token_key);

  std::vector<std::string> categories_;
  // Phrase key -> category mask (bits 0..15) | kPrefixBit if a longer phrase
  // starts with it.
  FlatHashMap<uint32_t> phrases_;
  size_t phrase_count_ = 0;
};

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_GAZETTEER_H_
