#include "stories/storyline_merge.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

namespace dossier::stories::internal {
namespace {

using Rep = StoryClusterer::Rep;

// Whether `s` may be merged. For an undated storyline (`undated`) only the
// window of articles counts, as for an undated article: it may tell of a
// story whose dated reports have left the window of days.
bool Linkable(const Rep& r, const StorylineState& s, uint32_t ordinal, bool undated) {
  return !s.events.empty() && s.centroid.norm > 0 && StorylineActive(r, s, ordinal, undated);
}

// The newest `cap` events of `s` that have articles.
std::vector<uint32_t> NewestEvents(const Rep& r, const StorylineState& s, uint32_t cap) {
  std::vector<uint32_t> out;
  for (size_t k = s.events.size(); k-- > 0 && out.size() < cap;) {
    if (!r.events[s.events[k]].articles.empty()) out.push_back(s.events[k]);
  }
  return out;
}

// Roots of the linkable storylines reached through the postings of the
// heaviest keys of storyline `id`, the max_candidates with the most weight
// in common; not `id`'s own root.
std::vector<uint32_t> Neighbours(Rep& r, uint32_t id, uint32_t ordinal) {
  const ClustererOptions& o = r.options;
  const uint32_t own = StorylineRoot(r, id);
  const bool undated = r.storylines[id].first_day == kNoDay;
  std::unordered_map<uint32_t, double> by_root;
  for (uint32_t other : Candidates(r, r.storylines[id].centroid.entries, r.storyline_postings,
                                   r.storylines.size(), SIZE_MAX)) {
    if (!Linkable(r, r.storylines[other], ordinal, undated)) continue;
    const uint32_t root = StorylineRoot(r, other);
    if (root != own) by_root[root] = std::max<double>(by_root[root], r.accumulator[other]);
  }
  std::vector<std::pair<double, uint32_t>> ranked;
  for (const auto& [root, w] : by_root) ranked.emplace_back(-w, root);
  std::sort(ranked.begin(), ranked.end());
  if (ranked.size() > o.max_candidates) ranked.resize(o.max_candidates);
  std::vector<uint32_t> out;
  for (const auto& [w, root] : ranked) out.push_back(root);
  return out;
}

// The heaviest `cap` entries of `v`, sorted by key, unit length.
SparseVector HeaviestUnit(const SparseVector& v, uint32_t cap) {
  Centroid heaviest;  // keeps the heaviest `cap`, with their norm
  heaviest.Add(v, cap, nullptr);
  for (auto& [key, w] : heaviest.entries) {
    w = heaviest.norm > 0 ? static_cast<float>(w / heaviest.norm) : 0.0f;
  }
  return std::move(heaviest.entries);
}

// What event `x` is compared by (ClustererOptions::storyline_merge_terms):
// the sum of its articles' unit vectors with the document frequencies of
// now, while its storyline keeps their features (refine_max_articles),
// else its centroid; its terms only, the heaviest storyline_merge_terms.
// The whole centroid when that is 0.
SparseVector EventSignature(const Rep& r, uint32_t x) {
  const ClustererOptions& o = r.options;
  const EventState& e = r.events[x];
  if (o.storyline_merge_terms == 0) return HeaviestUnit(e.centroid.entries, UINT32_MAX);
  SparseVector terms_of;
  if (r.storylines[e.storyline].articles <= o.refine_max_articles) {
    Centroid sum;
    for (uint32_t m : e.articles) {
      SparseVector v = VectorNow(r, r.articles[m].features);
      std::erase_if(v, [](const auto& x) { return KindOfKey(x.first) != FeatureKind::kTerm; });
      sum.Add(v, UINT32_MAX, nullptr);
    }
    terms_of = std::move(sum.entries);
  } else {
    for (const auto& entry : e.centroid.entries) {
      if (KindOfKey(entry.first) == FeatureKind::kTerm) terms_of.push_back(entry);
    }
  }
  return HeaviestUnit(terms_of, o.storyline_merge_terms);
}

// What linkage compares of a merged whole: its newest events, its names
// and its span.
struct Group {
  std::vector<uint32_t> events;
  Centroid salient;
  int32_t first_day = kNoDay, last_day = kNoDay;

  void Absorb(const Group& g, uint32_t salience_keys) {
    salient.Add(g.salient.entries, salience_keys, nullptr);
    if (g.first_day == kNoDay) return;
    first_day = first_day == kNoDay ? g.first_day : std::min(first_day, g.first_day);
    last_day = last_day == kNoDay ? g.last_day : std::max(last_day, g.last_day);
  }
};

}  // namespace

uint32_t StorylineRoot(const Rep& r, uint32_t id) {
  while (id < r.storyline_parent.size() && r.storyline_parent[id] != id)
    id = r.storyline_parent[id];
  return id;
}

void IndexStorylineRoots(Rep& r) {
  r.storyline_members.clear();
  for (uint32_t id = 0; id < r.storyline_parent.size(); ++id) {
    uint32_t& parent = r.storyline_parent[id];
    parent = r.storyline_parent[parent];  // parents are lower: already a root
    if (parent != id) r.storyline_members[parent].push_back(id);
  }
}

std::vector<uint32_t> MergeStorylines(Rep& r) {
  const ClustererOptions& o = r.options;
  std::vector<uint32_t> seeds = std::move(r.unlinked);
  r.unlinked.clear();
  if (o.storyline_merge_threshold <= 0 || seeds.empty()) return {};
  std::sort(seeds.begin(), seeds.end());
  seeds.erase(std::unique(seeds.begin(), seeds.end()), seeds.end());
  const uint32_t ordinal = static_cast<uint32_t>(r.articles.size());

  // Candidate pairs of roots: a grown storyline's root and its neighbours.
  std::set<std::pair<uint32_t, uint32_t>> pairs;
  for (uint32_t a : seeds) {
    if (!Linkable(r, r.storylines[a], ordinal, r.storylines[a].first_day == kNoDay)) continue;
    const uint32_t root = StorylineRoot(r, a);
    for (uint32_t b : Neighbours(r, a, ordinal))
      pairs.emplace(std::min(root, b), std::max(root, b));
  }
  if (pairs.empty()) return {};
  // The groups of those roots: every storyline merged into one of them.
  std::map<uint32_t, Group> groups;
  for (const auto& [a, b] : pairs) {
    groups[a];
    groups[b];
  }
  for (uint32_t id = 0; id < r.storylines.size(); ++id) {
    auto it = groups.find(StorylineRoot(r, id));
    if (it == groups.end()) continue;
    const StorylineState& s = r.storylines[id];
    Group one;
    one.events = NewestEvents(r, s, o.storyline_merge_events);
    one.salient = s.salient;
    one.first_day = s.first_day;
    one.last_day = s.last_day;
    Group& g = it->second;
    g.events.insert(g.events.end(), one.events.begin(), one.events.end());
    g.Absorb(one, o.salience_keys);
  }
  for (auto& [root, g] : groups) {
    std::sort(g.events.rbegin(), g.events.rend());  // newest first
    if (g.events.size() > o.storyline_merge_events) g.events.resize(o.storyline_merge_events);
  }

  // Links: sums of event cosines (times their time factor); sizes: the
  // events counted on each side.
  std::unordered_map<uint32_t, SparseVector> signature;
  for (const auto& [root, g] : groups) {
    for (uint32_t x : g.events) signature.emplace(x, EventSignature(r, x));
  }
  std::map<std::pair<uint32_t, uint32_t>, double> link;
  for (const auto& key : pairs) {
    double sum = 0;
    for (uint32_t x : groups[key.first].events) {
      const EventState& ex = r.events[x];
      for (uint32_t y : groups[key.second].events) {
        const EventState& ey = r.events[y];
        sum += SparseDot(signature[x], signature[y]) * TimeFactor(ex.first_day, ex.last_day,
                                                                  ey.first_day, ey.last_day,
                                                                  o.storyline_decay_days);
      }
    }
    link[key] = sum;
  }
  std::map<uint32_t, double> size;
  for (const auto& [root, g] : groups) size[root] = static_cast<double>(g.events.size());
  // A group is also like another by the names both are about, as when an
  // article picks its storyline (salience_min_shared names at least).
  auto by_names = [&](uint32_t a, uint32_t b) {
    const Group& x = groups[a];
    const Group& y = groups[b];
    if (x.salient.norm <= 0 || y.salient.norm <= 0) return 0.0;
    uint32_t shared = 0;
    const double cosine =
        x.salient.Dot(y.salient.entries, &shared) / (x.salient.norm * y.salient.norm);
    if (shared < o.salience_min_shared) return 0.0;
    return o.storyline_merge_names_weight * cosine *
           TimeFactor(x.first_day, x.last_day, y.first_day, y.last_day, o.storyline_decay_days);
  };

  // Average linkage over the links found; ties to the lower pair. The
  // lower root stays the root.
  if (r.storyline_parent.size() < r.storylines.size()) {
    const size_t from = r.storyline_parent.size();
    r.storyline_parent.resize(r.storylines.size());
    for (size_t i = from; i < r.storyline_parent.size(); ++i)
      r.storyline_parent[i] = static_cast<uint32_t>(i);
  }
  std::vector<uint32_t> changed;
  while (true) {
    double best = -1;
    std::pair<uint32_t, uint32_t> at;
    for (const auto& [key, sum] : link) {
      const double mean =
          std::max(sum / (size[key.first] * size[key.second]), by_names(key.first, key.second));
      if (mean > best) best = mean, at = key;
    }
    if (best < o.storyline_merge_threshold) break;
    const auto [into, from] = at;
    r.storyline_parent[from] = into;
    changed.push_back(into);
    changed.push_back(from);
    size[into] += size[from];
    groups[into].Absorb(groups[from], o.salience_keys);
    std::map<std::pair<uint32_t, uint32_t>, double> next;
    for (const auto& [key, sum] : link) {
      if (key == at) continue;
      const uint32_t x = key.first == from ? into : key.first;
      const uint32_t y = key.second == from ? into : key.second;
      next[{std::min(x, y), std::max(x, y)}] += sum;
    }
    link = std::move(next);
  }
  if (!changed.empty()) IndexStorylineRoots(r);
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  return changed;
}

}  // namespace dossier::stories::internal
