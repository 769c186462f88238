// Settle's second step: a storyline that gained articles since the last
// Settle is compared with the active storylines that share its heaviest
// keys (for an undated one, those within the window of articles, however
// old their days), and storylines are merged by average linkage over their events:
// two storylines' link is the mean cosine of their events' heaviest terms
// (storyline_merge_terms; the newest storyline_merge_events of each
// storyline), each pair weighted by
// exp(-gap / storyline_decay_days) between the events' spans; the best
// link is merged while it reaches storyline_merge_threshold.
//
// Why: the online step places an article by the storyline's centroid, which
// depends on arrival order; linking events as wholes, once they have
// formed, finds the storylines a one-pass decision split. Merging is an
// overlay (Rep::storyline_parent): the lower id is the root that
// summaries and assignments report, and the online steps go on placing
// articles in the merged storylines' own parts.
//
// Internal to the stories stage (story_clusterer.cc).
#ifndef DOSSIER_STORIES_STORYLINE_MERGE_H_
#define DOSSIER_STORIES_STORYLINE_MERGE_H_

#include <cstdint>
#include <vector>

#include "stories/cluster_state.h"

namespace dossier::stories::internal {

// Merges storylines as above, starting from r.unlinked (then cleared).
// Returns the roots that changed: those that took others in and those
// taken in (no longer roots), ascending.
std::vector<uint32_t> MergeStorylines(StoryClusterer::Rep& r);

}  // namespace dossier::stories::internal

#endif  // DOSSIER_STORIES_STORYLINE_MERGE_H_
