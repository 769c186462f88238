// The state behind StoryClusterer (story_clusterer.h), shared by the
// clustering code (story_clusterer.cc) and its serialisation
// (story_state.cc). Internal to the stories stage.
//
// Thread-safety: not thread-safe.
#ifndef DOSSIER_STORIES_CLUSTER_STATE_H_
#define DOSSIER_STORIES_CLUSTER_STATE_H_

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "entities/flat_hash_map.h"
#include "stories/near_duplicates.h"
#include "stories/story_clusterer.h"
#include "stories/story_document.h"

namespace dossier::stories::internal {

// A sparse vector sorted by key.
using SparseVector = std::vector<std::pair<uint64_t, float>>;

// The dot product of `a` and `b`; *shared, when given, gets the number of
// keys both have.
double SparseDot(const SparseVector& a, const SparseVector& b, uint32_t* shared = nullptr);

// The sum of unit vectors, its heaviest `cap` keys kept.
struct Centroid {
  SparseVector entries;
  double norm = 0;

  // Adds `v`; appends to *added the keys now present that were not before.
  void Add(const SparseVector& v, uint32_t cap, std::vector<uint64_t>* added);
  // The dot product with `v` (both sorted by key); *shared, when given,
  // gets the number of keys both have.
  double Dot(const SparseVector& v, uint32_t* shared = nullptr) const;
};

struct EventState {
  Centroid centroid;
  uint32_t storyline = 0;
  int32_t first_day = kNoDay;  ///< span of its articles' publication days
  int32_t last_day = kNoDay;
  uint32_t last_article = 0;  ///< ordinal of its newest article
  std::vector<uint32_t> articles;
  std::map<int32_t, uint32_t> mentioned_days;  ///< day -> articles mentioning it
};

// How many of a storyline's articles have each key: what its events have in
// common, which says little about which event an article reports. Sorted
// by key; at most `cap` entries, the rarest dropped first.
struct KeyCounts {
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  uint32_t documents = 0;

  void Add(const SparseVector& v, uint32_t cap);
};

struct StorylineState {
  Centroid centroid;
  Centroid salient;  ///< of its articles' name vectors (ClustererOptions::salience_weight)
  KeyCounts counts;
  std::vector<uint32_t> events;
  int32_t first_day = kNoDay;
  int32_t last_day = kNoDay;
  uint32_t last_article = 0;
  uint32_t articles = 0;    ///< articles in its events (not saved: summed on Load)
  uint32_t refined_at = 0;  ///< `articles` at its last refinement
};

struct ArticleState {
  std::string id;
  std::string language;
  std::string title;
  uint32_t event = 0;
  uint32_t copy_group = 0;
  int32_t day = kNoDay;
  // Kept while its storyline is small enough to be refined
  // (refine_max_articles), then freed: its heaviest article_keys features
  // before idf (tf times boost), sorted by key, and the days it mentions.
  SparseVector features;
  std::vector<int32_t> dates;
  uint64_t protagonist = 0;  ///< entity key of its first-named person, 0 if none
  // Days it names twice or more (always kept: they date a one-article event).
  std::vector<int32_t> repeated_days;
};

// Feature key -> ids (events or storylines), in order of entry.
using Postings = std::unordered_map<uint64_t, std::vector<uint32_t>>;

// exp(-gap / decay), gap the days between the spans [first_a, last_a] and
// [first_b, last_b]: 0 when they overlap, 1 when either is undated (kNoDay)
// or decay is not positive. A day is the span [day, day].
double TimeFactor(int32_t first_a, int32_t last_a, int32_t first_b, int32_t last_b, float decay);

// An article's kept features (ArticleState::features) weighted by the
// document frequencies of now, unit length: its vector as it would be
// made today.
SparseVector VectorNow(const StoryClusterer::Rep& r, const SparseVector& features);

// Whether storyline `s` is active when article `ordinal` arrives: its last
// article within the window of articles and, unless the article is
// undated, its last day within storyline_window_days of the newest day
// seen (an undated article may report an old happening).
bool StorylineActive(const StoryClusterer::Rep& r, const StorylineState& s, uint32_t ordinal,
                     bool undated = false);

// Ids reached through the postings of the heaviest query_keys keys of `v`
// (the newest posting_scan of each), with r.accumulator[id] their partial
// dot product: the `cap` with the largest, ties to lower ids, ascending.
// Uses r's scratch; id_count bounds the ids.
std::vector<uint32_t> Candidates(StoryClusterer::Rep& r, const SparseVector& v,
                                 const Postings& postings, size_t id_count, size_t cap);

// The storyline that `id` was merged into, itself if none.
uint32_t StorylineRoot(const StoryClusterer::Rep& r, uint32_t id);

// Points every merged storyline at its root and rebuilds storyline_members.
void IndexStorylineRoots(StoryClusterer::Rep& r);

// Appends `id` to the postings of `keys`, each list kept to about `cap`
// (the oldest half dropped at once).
void AddPostings(Postings* postings, const std::vector<uint64_t>& keys, uint32_t id, uint32_t cap);

}  // namespace dossier::stories::internal

namespace dossier::stories {

struct StoryClusterer::Rep {
  ClustererOptions options;
  uint32_t documents = 0;  ///< articles added (the N of the document frequencies)
  int32_t newest_day = kNoDay;
  ner::FlatHashMap<uint32_t> df;  ///< feature key -> articles with it
  std::vector<internal::ArticleState> articles;
  std::vector<internal::EventState> events;
  std::vector<internal::StorylineState> storylines;
  internal::Postings storyline_postings;
  NearDuplicateIndex near_duplicates;
  // Storylines that gained articles since their last refinement (Settle);
  // not saved: Load finds them from refined_at.
  std::vector<uint32_t> unsettled;
  // Storylines that gained articles since the last Settle, which links them
  // with storylines like them (storyline_merge.h); saved.
  std::vector<uint32_t> unlinked;
  // Storylines merging changed since the last Settle (which returns them);
  // saved.
  std::vector<uint32_t> merged;
  // Merged storylines (storyline_merge.h): each storyline's parent, a
  // storyline its own root; ids past the end are roots. The online steps
  // keep using each storyline's own centroid and events: a merged whole's
  // blended centroid would draw a new article less than the part it
  // belongs to. Saved.
  std::vector<uint32_t> storyline_parent;
  // Root -> the storylines merged into it, ascending; from storyline_parent
  // (not saved: Load rebuilds it).
  std::unordered_map<uint32_t, std::vector<uint32_t>> storyline_members;

  // Scratch for candidate search, sized to the larger of events/storylines.
  std::vector<float> accumulator;
  std::vector<uint32_t> stamp;
  uint32_t current_stamp = 0;

  explicit Rep(const ClustererOptions& o) : options(o), near_duplicates(o.near_duplicates) {}
};

}  // namespace dossier::stories

#endif  // DOSSIER_STORIES_CLUSTER_STATE_H_
