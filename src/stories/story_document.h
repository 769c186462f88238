// StoryDocument: what the stories stage knows of one article, language
// independent, and the keys its features are hashed to.
//
//   StoryDocument d = builder.Build(article, entities, global_ids, dates);
//   clusterer.Add(d);
//
// Every feature is a 64-bit key in its own namespace (FeatureKey), so
// features of different kinds never collide and the clusterer can treat
// them uniformly. Terms are pivot-language stems when the lexicon
// translates the word, else the article language's own stem (names such as
// "macron" then match across languages by spelling).
//
// Thread-safety: plain values.
#ifndef DOSSIER_STORIES_STORY_DOCUMENT_H_
#define DOSSIER_STORIES_STORY_DOCUMENT_H_

#include <climits>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entities/entity_type.h"

namespace dossier::stories {

inline constexpr int32_t kNoDay = INT32_MIN;

// Persisted in saved states (story_state.h): do not renumber.
enum class FeatureKind : uint8_t {
  kTerm = 1,     ///< a (pivot) stem
  kEntity = 2,   ///< a global entity id (identity::EntityResolver)
  kPlace = 3,    ///< a place: alias group ("country:IQ") or a LOC entity
  kNumber = 4,   ///< a number as written, separators removed ("5000")
  kDate = 5,     ///< an ISO date mentioned in the text ("2020-09-02")
  kShingle = 6,  ///< a run of words, for near-duplicate detection
};

// A stable 64-bit key (FNV-1a mixed with splitmix64) of `text` in `kind`'s
// namespace. Stable across runs and machines: saved states hold these keys.
uint64_t FeatureKey(FeatureKind kind, std::string_view text);
// The top byte of a key names its kind, so a key says what it is.
inline FeatureKind KindOfKey(uint64_t key) { return static_cast<FeatureKind>(key >> 56); }

struct WeightedTerm {
  uint64_t key = 0;  ///< FeatureKey(kTerm, stem)
  float weight = 0;  ///< occurrences in the article (headline words count double)
};

struct EntityRef {
  uint32_t id = 0;  ///< global id from identity::EntityResolver::Add
  ner::EntityType type = ner::EntityType::kMisc;
  uint32_t mentions = 1;  ///< times the article names it: how central it is to the article
};

struct StoryDocument {
  std::string id;
  std::string language;                  ///< ISO 639-1, or ""
  std::string title;                     ///< headline, or the first sentence when there is none
  int32_t day = kNoDay;                  ///< publication day (days since 1970-01-01), or kNoDay
  std::vector<WeightedTerm> terms;       ///< sorted by key, one entry per key
  std::vector<EntityRef> entities;       ///< distinct ids, in order of first mention
  std::vector<uint64_t> places;          ///< FeatureKey(kPlace, ...), distinct, sorted
  std::vector<uint32_t> place_mentions;  ///< times places[i] is named; empty: once each
  std::vector<uint64_t> numbers;         ///< FeatureKey(kNumber, ...), distinct
  std::vector<int32_t> dates;            ///< days mentioned in the text, distinct, sorted
  std::vector<int32_t> repeated_dates;   ///< of those, the days named twice or more, sorted
  std::vector<uint64_t> shingles;        ///< hashes of word 4-grams, distinct
};

// Days since 1970-01-01 of an ISO 8601 date ("2021-07-22", "2021-07-22T09:30Z");
// kNoDay when it has no valid year-month-day prefix.
int32_t DayFromIso(std::string_view iso);
// "YYYY-MM-DD" of a day; "" for kNoDay.
std::string IsoFromDay(int32_t day);

}  // namespace dossier::stories

#endif  // DOSSIER_STORIES_STORY_DOCUMENT_H_
