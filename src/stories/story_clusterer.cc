// Tested by story_clusterer_test.cc.
#include "stories/story_clusterer.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <unordered_map>

#include "stories/cluster_state.h"
#include "stories/storyline_merge.h"

namespace dossier::stories {
namespace internal {

void Centroid::Add(const SparseVector& v, uint32_t cap, std::vector<uint64_t>* added) {
  SparseVector merged;
  merged.reserve(entries.size() + v.size());
  std::vector<uint64_t> fresh;
  size_t i = 0, j = 0;
  while (i < entries.size() || j < v.size()) {
    if (j == v.size() || (i < entries.size() && entries[i].first < v[j].first)) {
      merged.push_back(entries[i++]);
    } else if (i == entries.size() || v[j].first < entries[i].first) {
      fresh.push_back(v[j].first);
      merged.push_back(v[j++]);
    } else {
      merged.emplace_back(entries[i].first, entries[i].second + v[j].second);
      ++i;
      ++j;
    }
  }
  if (merged.size() > cap) {
    auto heavier = [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    };
    std::nth_element(merged.begin(), merged.begin() + cap, merged.end(), heavier);
    merged.resize(cap);
    std::sort(merged.begin(), merged.end());
  }
  entries = std::move(merged);
  double sum = 0;
  for (const auto& [key, w] : entries) sum += static_cast<double>(w) * w;
  norm = std::sqrt(sum);
  if (added == nullptr) return;
  for (uint64_t key : fresh) {
    auto it = std::lower_bound(entries.begin(), entries.end(), std::make_pair(key, -1e30f));
    if (it != entries.end() && it->first == key) added->push_back(key);
  }
}

double SparseDot(const SparseVector& a, const SparseVector& b, uint32_t* shared) {
  // Branch-free merge: which side advances is as good as random, so a
  // branch per step is mispredicted about half the time. This is the
  // clusterer's hottest loop; the branch-free form runs it about 1.6 times
  // as fast (192 against 300 keys).
  double sum = 0;
  uint32_t both = 0;
  const size_t n = a.size(), m = b.size();
  size_t i = 0, j = 0;
  while (i < n && j < m) {
    const uint64_t x = a[i].first, y = b[j].first;
    const uint32_t equal = x == y;
    sum += static_cast<double>(a[i].second) * b[j].second * equal;
    both += equal;
    i += x <= y;
    j += y <= x;
  }
  if (shared != nullptr) *shared = both;
  return sum;
}

double Centroid::Dot(const SparseVector& v, uint32_t* shared) const {
  return SparseDot(entries, v, shared);
}

void KeyCounts::Add(const SparseVector& v, uint32_t cap) {
  ++documents;
  std::vector<std::pair<uint64_t, uint32_t>> merged;
  merged.reserve(entries.size() + v.size());
  size_t i = 0, j = 0;
  while (i < entries.size() || j < v.size()) {
    if (j == v.size() || (i < entries.size() && entries[i].first < v[j].first)) {
      merged.push_back(entries[i++]);
    } else if (i == entries.size() || v[j].first < entries[i].first) {
      merged.emplace_back(v[j++].first, 1u);
    } else {
      merged.emplace_back(entries[i].first, entries[i].second + 1);
      ++i;
      ++j;
    }
  }
  if (merged.size() > cap) {
    auto commoner = [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    };
    std::nth_element(merged.begin(), merged.begin() + cap, merged.end(), commoner);
    merged.resize(cap);
    std::sort(merged.begin(), merged.end());
  }
  entries = std::move(merged);
}

void AddPostings(Postings* postings, const std::vector<uint64_t>& keys, uint32_t id, uint32_t cap) {
  for (uint64_t key : keys) {
    std::vector<uint32_t>& list = (*postings)[key];
    list.push_back(id);
    // Dropping the oldest half at once keeps the amortised cost constant.
    if (list.size() > cap) list.erase(list.begin(), list.begin() + (list.size() - cap / 2));
  }
}

}  // namespace internal

namespace {

using internal::AddPostings;
using internal::Centroid;
using internal::SparseVector;

constexpr uint64_t TypedKey(FeatureKind kind, uint64_t value) {
  return (static_cast<uint64_t>(kind) << 56) | (value & 0x00ffffffffffffffULL);
}

// Local weight of a key held by `count` of a storyline's `documents`.
double LocalWeight(uint32_t documents, uint32_t count, float power) {
  double w = std::log((documents + 1.0) / (count + 0.5));
  if (w <= 0) return 0;
  return power == 1.0f ? w : std::pow(w, power);
}

// Cosine of `v` and centroid `c`, both re-weighted by the local weights of
// `counts` (three sorted sequences merged).
double LocalCosine(const SparseVector& v, const Centroid& c, const internal::KeyCounts& counts,
                   float power) {
  if (power <= 0) return c.norm > 0 ? c.Dot(v) / c.norm : 0;
  auto weight_of = [&](uint64_t key, size_t* k) {
    const auto& e = counts.entries;
    while (*k < e.size() && e[*k].first < key) ++*k;
    uint32_t n = *k < e.size() && e[*k].first == key ? e[*k].second : 0;
    return LocalWeight(counts.documents, n, power);
  };
  double vv = 0, dot = 0, cc = 0;
  size_t k = 0;
  for (const auto& [key, w] : v) {
    double l = weight_of(key, &k);
    vv += static_cast<double>(w) * w * l * l;
  }
  k = 0;
  size_t j = 0;
  for (const auto& [key, w] : c.entries) {
    double l = weight_of(key, &k);
    double lw = w * l;
    cc += lw * lw;
    while (j < v.size() && v[j].first < key) ++j;
    if (j < v.size() && v[j].first == key) dot += lw * v[j].second * l;
  }
  if (vv <= 0 || cc <= 0) return 0;
  return dot / std::sqrt(vv * cc);
}

bool Within(int32_t newest, int32_t last, int32_t days) {
  return newest == kNoDay || last == kNoDay || newest - last <= days;
}

}  // namespace

StoryClusterer::StoryClusterer(ClustererOptions options) : rep_(std::make_unique<Rep>(options)) {}
StoryClusterer::~StoryClusterer() = default;

const ClustererOptions& StoryClusterer::options() const { return rep_->options; }
void StoryClusterer::SetSearchOptions(const ClustererOptions& o) {
  rep_->options.query_keys = o.query_keys;
  rep_->options.posting_scan = o.posting_scan;
  rep_->options.max_candidates = o.max_candidates;
  rep_->options.exhaustive = o.exhaustive;
}
size_t StoryClusterer::article_count() const { return rep_->articles.size(); }
size_t StoryClusterer::event_count() const { return rep_->events.size(); }
size_t StoryClusterer::live_event_count() const {
  return static_cast<size_t>(std::count_if(rep_->events.begin(), rep_->events.end(),
                                           [](const auto& e) { return !e.articles.empty(); }));
}
size_t StoryClusterer::storyline_count() const { return rep_->storylines.size(); }
size_t StoryClusterer::live_storyline_count() const {
  const Rep& r = *rep_;
  std::vector<bool> live(r.storylines.size(), false);
  for (const internal::EventState& e : r.events) {
    if (!e.articles.empty()) live[internal::StorylineRoot(r, e.storyline)] = true;
  }
  return static_cast<size_t>(std::count(live.begin(), live.end(), true));
}

namespace {

// Sorts `x` by key, adding up the weights of equal keys.
SparseVector MergeKeys(SparseVector* x) {
  std::sort(x->begin(), x->end());
  SparseVector merged;
  merged.reserve(x->size());
  for (const auto& e : *x) {
    if (!merged.empty() && merged.back().first == e.first)
      merged.back().second += e.second;
    else
      merged.push_back(e);
  }
  return merged;
}

void Normalize(SparseVector* v) {
  double sum = 0;
  for (const auto& [k, w] : *v) sum += static_cast<double>(w) * w;
  if (sum <= 0) return;
  const float inv = static_cast<float>(1.0 / std::sqrt(sum));
  for (auto& e : *v) e.second *= inv;
}

// The article's unit feature vector; updates the document frequencies.
// *raw gets its heaviest article_keys features before idf (tf times boost);
// *names the unit vector of its entities and places, mentions times idf.
SparseVector Vectorize(StoryClusterer::Rep& r, const StoryDocument& d, SparseVector* raw,
                       SparseVector* names) {
  const ClustererOptions& o = r.options;
  SparseVector v, before_idf;
  const size_t features =
      d.terms.size() + d.entities.size() + d.places.size() + d.numbers.size() + d.dates.size();
  v.reserve(features);
  ++r.documents;
  const double n = r.documents;
  // The table of document frequencies outgrows the caches: ask for every
  // slot this article will touch before touching any, so that the misses
  // overlap instead of queueing (about a quarter of the clusterer's time).
  r.df.Reserve(r.df.size() + features);
  for (const WeightedTerm& t : d.terms) r.df.Prefetch(t.key);
  for (const EntityRef& e : d.entities) r.df.Prefetch(TypedKey(FeatureKind::kEntity, e.id));
  for (uint64_t key : d.places) r.df.Prefetch(key);
  for (uint64_t key : d.numbers) r.df.Prefetch(key);
  for (int32_t day : d.dates)
    r.df.Prefetch(TypedKey(FeatureKind::kDate, static_cast<uint32_t>(day)));
  auto idf = [&](uint64_t key) {
    uint32_t df = ++r.df[key];
    return std::log((n + 1.0) / df);
  };
  for (const WeightedTerm& t : d.terms) {
    if (t.weight <= 0) continue;
    double tf = t.weight < 1 ? t.weight : 1.0 + std::log(t.weight);
    v.emplace_back(t.key, static_cast<float>(tf * idf(t.key)));
    before_idf.emplace_back(t.key, static_cast<float>(tf));
  }
  auto add_family = [&](uint64_t key, float boost) {
    const double w = idf(key);
    v.emplace_back(key, static_cast<float>(boost * w));
    before_idf.emplace_back(key, boost);
    return w;
  };
  // The names are built only when storylines use them.
  const bool by_names = o.salience_weight > 0;
  SparseVector salient;
  for (const EntityRef& e : d.entities) {
    const uint64_t key = TypedKey(FeatureKind::kEntity, e.id);
    const double key_idf = add_family(key, o.entity_boost);
    if (by_names) salient.emplace_back(key, static_cast<float>(e.mentions * key_idf));
  }
  for (size_t i = 0; i < d.places.size(); ++i) {
    const uint32_t mentions = i < d.place_mentions.size() ? d.place_mentions[i] : 1;
    const double key_idf = add_family(d.places[i], o.place_boost);
    if (by_names) salient.emplace_back(d.places[i], static_cast<float>(mentions * key_idf));
  }
  for (uint64_t x : d.numbers) add_family(x, o.number_boost);
  for (int32_t day : d.dates) {
    add_family(TypedKey(FeatureKind::kDate, static_cast<uint32_t>(day)), o.date_boost);
  }
  // Merge equal keys (a place key may equal nothing else, but be safe).
  SparseVector merged = MergeKeys(&v);
  *names = MergeKeys(&salient);
  Normalize(names);
  raw->clear();
  if (o.refine_max_articles > 0) {
    SparseVector unweighted = MergeKeys(&before_idf);  // same keys as merged, same order
    if (merged.size() <= o.article_keys) {
      *raw = std::move(unweighted);  // all kept: no need to rank them
    } else {
      std::vector<size_t> order(merged.size());
      for (size_t i = 0; i < order.size(); ++i) order[i] = i;
      const size_t keep = o.article_keys;
      std::nth_element(order.begin(), order.begin() + keep, order.end(), [&](size_t a, size_t b) {
        return merged[a].second != merged[b].second ? merged[a].second > merged[b].second
                                                    : merged[a].first < merged[b].first;
      });
      order.resize(keep);
      std::sort(order.begin(), order.end());
      for (size_t i : order) raw->push_back(unweighted[i]);
    }
  }
  Normalize(&merged);
  return merged;
}

// Whether an event or storyline is active for an article (undated: true
// when it is). An undated article may report anything, old or new: for it
// only the window of articles counts, since the window of days measures
// from the newest day seen, which says nothing of when its happening was.
bool EventActive(const StoryClusterer::Rep& r, const internal::EventState& e, uint32_t ordinal,
                 bool undated = false) {
  return (undated || Within(r.newest_day, e.last_day, r.options.event_window_days)) &&
         ordinal - e.last_article <= r.options.window_articles;
}

}  // namespace

namespace internal {

double TimeFactor(int32_t first_a, int32_t last_a, int32_t first_b, int32_t last_b, float decay) {
  if (first_a == kNoDay || first_b == kNoDay || decay <= 0) return 1.0;
  const int32_t gap = std::max(0, std::max(first_a, first_b) - std::min(last_a, last_b));
  return std::exp(-static_cast<double>(gap) / decay);
}

SparseVector VectorNow(const StoryClusterer::Rep& r, const SparseVector& features) {
  SparseVector v = features;
  for (auto& [key, w] : v) {
    const uint32_t* df = r.df.Find(key);
    w = static_cast<float>(w * std::log((r.documents + 1.0) / (df != nullptr ? *df : 1)));
  }
  Normalize(&v);
  return v;
}

bool StorylineActive(const StoryClusterer::Rep& r, const StorylineState& s, uint32_t ordinal,
                     bool undated) {
  return (undated || Within(r.newest_day, s.last_day, r.options.storyline_window_days)) &&
         ordinal - s.last_article <= r.options.window_articles;
}

std::vector<uint32_t> Candidates(StoryClusterer::Rep& r, const SparseVector& v,
                                 const Postings& postings, size_t id_count, size_t cap) {
  const ClustererOptions& o = r.options;
  if (r.stamp.size() < id_count) {
    r.stamp.resize(id_count + id_count / 2 + 16, 0);
    r.accumulator.resize(r.stamp.size(), 0);
  }
  if (++r.current_stamp == 0) {
    std::fill(r.stamp.begin(), r.stamp.end(), 0);
    r.current_stamp = 1;
  }
  std::vector<size_t> order(v.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  size_t q = std::min<size_t>(o.query_keys, order.size());
  std::partial_sort(order.begin(), order.begin() + q, order.end(), [&](size_t a, size_t b) {
    return v[a].second != v[b].second ? v[a].second > v[b].second : v[a].first < v[b].first;
  });
  std::vector<uint32_t> found;
  for (size_t qi = 0; qi < q; ++qi) {
    auto it = postings.find(v[order[qi]].first);
    if (it == postings.end()) continue;
    const std::vector<uint32_t>& list = it->second;
    const float w = v[order[qi]].second;
    size_t scanned = 0;
    for (size_t k = list.size(); k-- > 0 && scanned < o.posting_scan; ++scanned) {
      uint32_t id = list[k];
      if (r.stamp[id] != r.current_stamp) {
        r.stamp[id] = r.current_stamp;
        r.accumulator[id] = 0;
        found.push_back(id);
      }
      r.accumulator[id] += w;
    }
  }
  if (found.size() > cap) {
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(cap), found.end(),
                      [&](uint32_t a, uint32_t b) {
                        float x = r.accumulator[a], y = r.accumulator[b];
                        return x != y ? x > y : a < b;
                      });
    found.resize(cap);
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace internal

namespace {

using internal::Candidates;
using internal::StorylineActive;

struct Best {
  int64_t id = -1;
  double score = 0;
};

// The best storyline for the article (step 2 of the header), by its
// feature vector `v` and its name vector `names`.
Best PickStoryline(StoryClusterer::Rep& r, const SparseVector& v, const SparseVector& names,
                   const StoryDocument& d, uint32_t ordinal) {
  const ClustererOptions& o = r.options;
  const std::vector<internal::StorylineState>& items = r.storylines;
  const bool by_names = o.salience_weight > 0 && !names.empty();
  std::vector<uint32_t> ids;
  // With no more items than candidates, scoring them all costs no more
  // than scoring candidates, and is exact: the index's heaviest-key query
  // misses items that share only lighter keys, as happens across languages
  // while the document frequencies rest on a handful of articles.
  if (items.size() <= o.max_candidates) {
    for (uint32_t id = 0; id < items.size(); ++id) ids.push_back(id);
  } else if (o.exhaustive) {
    for (uint32_t id = 0; id < items.size(); ++id) {
      if (StorylineActive(r, items[id], ordinal, d.day == kNoDay)) ids.push_back(id);
    }
  } else {
    ids = Candidates(r, v, r.storyline_postings, items.size(), o.max_candidates);
    if (by_names) {
      // A storyline found by its names may share none of the article's
      // heaviest words.
      std::vector<uint32_t> more =
          Candidates(r, names, r.storyline_postings, items.size(), o.max_candidates);
      std::vector<uint32_t> both;
      std::set_union(ids.begin(), ids.end(), more.begin(), more.end(), std::back_inserter(both));
      ids = std::move(both);
    }
  }
  const float retired_threshold = std::max(o.storyline_threshold, o.retired_threshold);
  Best best;
  for (uint32_t id : ids) {
    const internal::StorylineState& s = items[id];
    if (s.centroid.norm <= 0) continue;
    double score = s.centroid.Dot(v) / s.centroid.norm;
    if (by_names && s.salient.norm > 0) {
      uint32_t shared = 0;
      double by_name = s.salient.Dot(names, &shared) / s.salient.norm;
      if (shared >= o.salience_min_shared) score = std::max(score, o.salience_weight * by_name);
    }
    score *= internal::TimeFactor(d.day, d.day, s.first_day, s.last_day, o.storyline_decay_days);
    float needed =
        StorylineActive(r, s, ordinal, d.day == kNoDay) ? o.storyline_threshold : retired_threshold;
    if (score >= needed && score > best.score) best = {id, score};
  }
  return best;
}

// The best event of `s` for the article (step 3 of the header).
Best PickEvent(StoryClusterer::Rep& r, const SparseVector& v, const StoryDocument& d,
               const internal::StorylineState& s, uint32_t ordinal) {
  const ClustererOptions& o = r.options;
  Best best;
  size_t first =
      s.events.size() > o.max_candidates && !o.exhaustive ? s.events.size() - o.max_candidates : 0;
  for (size_t i = first; i < s.events.size(); ++i) {
    const uint32_t id = s.events[i];
    const internal::EventState& e = r.events[id];
    double score = LocalCosine(v, e.centroid, s.counts, o.local_power) *
                   internal::TimeFactor(d.day, d.day, e.first_day, e.last_day, o.event_decay_days);
    float needed =
        EventActive(r, e, ordinal, d.day == kNoDay) ? o.event_threshold : o.retired_threshold;
    if (score >= needed && (score > best.score || best.id < 0)) best = {id, score};
  }
  return best;
}

template <typename State>
void Extend(State* s, int32_t day, uint32_t ordinal) {
  if (day != kNoDay) {
    s->first_day = s->first_day == kNoDay ? day : std::min(s->first_day, day);
    s->last_day = s->last_day == kNoDay ? day : std::max(s->last_day, day);
  }
  s->last_article = ordinal;
}

// Whether a storyline reaching `n` articles is refined: n in 2, 3, 4, 6, 9,
// 13, ... (each step x1.5), at most max (Settle refines the rest).
// Amortised, the pairs compared per article stay proportional to the
// storyline's size, itself at most max.
bool IsRefinePoint(uint32_t n, uint32_t max) {
  if (n < 2 || n > max) return false;
  uint32_t k = 2;
  while (k < n) k = std::max(k + 1, k * 3 / 2);
  return k == n;
}

// The unit vectors refinement compares: current idf, refine boosts, and the
// storyline's local specificity (what all its articles share says little
// about which of its happenings one reports).
std::vector<SparseVector> LocalVectors(const StoryClusterer::Rep& r,
                                       const std::vector<uint32_t>& members) {
  const ClustererOptions& o = r.options;
  std::unordered_map<uint64_t, uint32_t> counts;
  for (uint32_t m : members) {
    for (const auto& [key, w] : r.articles[m].features) ++counts[key];
  }
  const double n = static_cast<double>(members.size());
  std::vector<double> local_of_count(members.size() + 1);  // pow once per count
  for (size_t c = 1; c < local_of_count.size(); ++c) {
    double local = std::log((n + 1.0) / (c + 0.5));
    local_of_count[c] = local <= 0 ? 0 : std::pow(local, static_cast<double>(o.refine_power));
  }
  std::vector<SparseVector> out;
  out.reserve(members.size());
  for (uint32_t m : members) {
    SparseVector v = r.articles[m].features;
    for (auto& [key, w] : v) {
      const uint32_t* df = r.df.Find(key);
      double idf = std::log((r.documents + 1.0) / (df != nullptr ? *df : 1));
      const double local = local_of_count[counts[key]];
      FeatureKind kind = KindOfKey(key);
      double boost = kind == FeatureKind::kEntity   ? o.refine_entity_boost
                     : kind == FeatureKind::kNumber ? o.refine_number_boost
                                                    : 1.0;
      w = static_cast<float>(w * idf * local * boost);
    }
    Normalize(&v);
    out.push_back(std::move(v));
  }
  return out;
}

// How refinement's average linkage groups articles (ClustererOptions).
struct LinkageOptions {
  float threshold = 0;
  float split_ratio = 0;
  uint32_t split_min_articles = 0;
  float lone_threshold = 0;
};

// Average-linkage groups of `vectors` (merging while the best pair's mean
// similarity reaches `threshold`, ties to the lower indices; two groups of
// at least split_min_articles each whose link is below split_ratio times
// the looser one's mean inner similarity stay apart); then each
// vector left alone, in order, joins the group of its most similar vector
// when that similarity reaches `lone_threshold` and may_join(alone, other).
// Returns each vector's group, groups numbered in order of their first member.
template <typename PairFactor, typename MayJoin>
std::vector<uint32_t> AverageLinkage(const std::vector<SparseVector>& vectors,
                                     const LinkageOptions& o, PairFactor factor, MayJoin may_join) {
  const size_t n = vectors.size();
  std::vector<double> sum(n * n, 0);  // similarity sums between groups
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j)
      sum[i * n + j] = sum[j * n + i] = internal::SparseDot(vectors[i], vectors[j]) * factor(i, j);
  }
  std::vector<uint32_t> size(n, 1), head(n);
  for (size_t i = 0; i < n; ++i) head[i] = static_cast<uint32_t>(i);
  std::vector<bool> alive(n, true);
  std::vector<bool> apart(n * n, false);  // groups kept apart as they stand
  std::vector<double> inner(n, 0);        // similarity sums within groups
  auto cohesion = [&](size_t g) { return inner[g] / (size[g] * (size[g] - 1.0) / 2.0); };
  const std::vector<double> pair = sum;  // before any merge: one vector to another
  while (true) {
    double best = -1;
    size_t bi = 0, bj = 0;
    for (size_t i = 0; i < n; ++i) {
      if (!alive[i]) continue;
      for (size_t j = i + 1; j < n; ++j) {
        if (!alive[j] || apart[i * n + j]) continue;
        double mean = sum[i * n + j] / (static_cast<double>(size[i]) * size[j]);
        if (mean > best) best = mean, bi = i, bj = j;
      }
    }
    if (best < o.threshold) break;
    // Two sizeable groups, each far tighter than the link between them,
    // report two happenings (two title defences of one boxer, two DUI
    // arrests of one team's players), however much they share.
    if (o.split_ratio > 0 && size[bi] >= o.split_min_articles && size[bj] >= o.split_min_articles &&
        best < o.split_ratio * std::min(cohesion(bi), cohesion(bj))) {
      apart[bi * n + bj] = apart[bj * n + bi] = true;
      continue;
    }
    inner[bi] += inner[bj] + sum[bi * n + bj];
    alive[bj] = false;
    size[bi] += size[bj];
    for (size_t k = 0; k < n; ++k) {
      sum[bi * n + k] += sum[bj * n + k];
      sum[k * n + bi] = sum[bi * n + k];
    }
    for (size_t k = 0; k < n; ++k) {
      if (head[k] == bj) head[k] = static_cast<uint32_t>(bi);
    }
  }
  for (size_t i = 0; i < n && o.lone_threshold > 0; ++i) {
    if (!alive[i] || size[i] != 1) continue;
    double best = -1;
    size_t nearest = n;
    for (size_t k = 0; k < n; ++k) {
      if (k != i && pair[i * n + k] > best && may_join(i, k)) best = pair[i * n + k], nearest = k;
    }
    if (nearest == n || best < o.lone_threshold) continue;
    const size_t to = head[nearest];
    alive[i] = false;
    size[to] += 1;
    head[i] = static_cast<uint32_t>(to);
  }
  std::vector<uint32_t> group(n), number(n, UINT32_MAX);
  uint32_t next = 0;
  for (size_t i = 0; i < n; ++i) {
    if (number[head[i]] == UINT32_MAX) number[head[i]] = next++;
    group[i] = number[head[i]];
  }
  return group;
}

// The day an article's happening most likely took place: its publication
// day, else the earliest day its text names twice, else the earliest it
// names; kNoDay when it names none.
int32_t HappeningDay(const internal::ArticleState& a) {
  if (a.day != kNoDay) return a.day;
  if (!a.repeated_days.empty())
    return *std::min_element(a.repeated_days.begin(), a.repeated_days.end());
  if (!a.dates.empty()) return *std::min_element(a.dates.begin(), a.dates.end());
  return kNoDay;
}

// Re-groups the articles of storyline `id` into events (ClustererOptions:
// refinement). Its events keep their ids in order of creation; extra groups
// get new events; events left without articles leave the storyline.
void Refine(StoryClusterer::Rep& r, uint32_t id) {
  const ClustererOptions& o = r.options;
  std::vector<uint32_t> members;
  for (uint32_t e : r.storylines[id].events) {
    const auto& list = r.events[e].articles;
    members.insert(members.end(), list.begin(), list.end());
  }
  std::sort(members.begin(), members.end());
  // Copies follow their copy group's first article: only originals vote.
  std::vector<uint32_t> originals;
  std::unordered_map<uint32_t, size_t> index_of;
  for (uint32_t m : members) {
    uint32_t g = r.articles[m].copy_group;
    if (g == m || !std::binary_search(members.begin(), members.end(), g)) {
      index_of[m] = originals.size();
      originals.push_back(m);
    }
  }
  if (originals.size() < 2) return;
  // Whether article m names the entity `key`: its kept features are its
  // heaviest keys, and a named entity (boosted, rare) is nearly always one.
  auto names = [&](uint32_t m, uint64_t key) {
    const SparseVector& f = r.articles[m].features;
    auto it = std::lower_bound(f.begin(), f.end(), std::make_pair(key, -1e30f));
    return it != f.end() && it->first == key;
  };
  auto factor = [&](size_t i, size_t j) -> double {
    const uint64_t pi = r.articles[originals[i]].protagonist;
    const uint64_t pj = r.articles[originals[j]].protagonist;
    if (pi == 0 || pj == 0 || pi == pj) return 1.0;
    if (names(originals[i], pj) || names(originals[j], pi)) return 1.0;
    return o.refine_protagonist_factor;
  };
  // A lone article joins its nearest article's event unless their days,
  // known or estimated from the text, are apart: reports of one happening
  // are published within days of each other.
  std::vector<int32_t> days(originals.size());
  for (size_t i = 0; i < originals.size(); ++i) days[i] = HappeningDay(r.articles[originals[i]]);
  auto may_join = [&](size_t i, size_t j) {
    return days[i] == kNoDay || days[j] == kNoDay ||
           std::abs(days[i] - days[j]) <= o.refine_lone_days;
  };
  LinkageOptions linkage;
  linkage.threshold = o.refine_threshold;
  linkage.split_ratio = o.refine_split_ratio;
  linkage.split_min_articles = o.refine_split_min_articles;
  linkage.lone_threshold = o.refine_lone_threshold;
  std::vector<uint32_t> group =
      AverageLinkage(LocalVectors(r, originals), linkage, factor, may_join);
  const uint32_t groups = *std::max_element(group.begin(), group.end()) + 1;
  std::vector<uint32_t> old_events = r.storylines[id].events;
  std::vector<uint32_t> event_of(groups);
  for (uint32_t g = 0; g < groups; ++g) {
    if (g < old_events.size()) {
      event_of[g] = old_events[g];
    } else {
      event_of[g] = static_cast<uint32_t>(r.events.size());
      r.events.emplace_back();
      r.events.back().storyline = id;
    }
  }
  for (uint32_t e : old_events) r.events[e] = internal::EventState{};
  for (uint32_t e : old_events) r.events[e].storyline = id;
  for (uint32_t m : members) {
    internal::ArticleState& a = r.articles[m];
    auto it = index_of.find(m);
    if (it == index_of.end()) it = index_of.find(a.copy_group);
    internal::EventState& e = r.events[event_of[group[it->second]]];
    a.event = event_of[group[it->second]];
    e.centroid.Add(internal::VectorNow(r, a.features), o.centroid_keys, nullptr);
    Extend(&e, a.day, m);
    e.articles.push_back(m);
    for (int32_t day : a.dates) {
      if (e.mentioned_days.size() < 64 || e.mentioned_days.count(day)) ++e.mentioned_days[day];
    }
  }
  r.storylines[id].events = event_of;
  r.storylines[id].refined_at = r.storylines[id].articles;
}
}  // namespace

Assignment StoryClusterer::Add(const StoryDocument& d) {
  Rep& r = *rep_;
  const ClustererOptions& o = r.options;
  const uint32_t ordinal = static_cast<uint32_t>(r.articles.size());
  if (d.day != kNoDay && r.newest_day != kNoDay && d.day > r.newest_day && !r.unlinked.empty()) {
    // A new day: link the storylines the last one grew, while their events
    // are fresh and still in each other's window (storyline_merge.h).
    std::vector<uint32_t> changed = internal::MergeStorylines(r);
    r.merged.insert(r.merged.end(), changed.begin(), changed.end());
  }
  if (d.day != kNoDay)
    r.newest_day = r.newest_day == kNoDay ? d.day : std::max(r.newest_day, d.day);
  SparseVector raw, names;
  SparseVector v = Vectorize(r, d, &raw, &names);

  Assignment a;
  a.article = ordinal;
  a.copy_group = ordinal;
  MinHashSignature signature = r.near_duplicates.Sign(d.shingles);
  int64_t copy_of = r.near_duplicates.Find(signature);
  int64_t event = -1;
  int64_t storyline = -1;
  if (copy_of >= 0) {
    const internal::ArticleState& original = r.articles[static_cast<size_t>(copy_of)];
    a.copy_group = original.copy_group;
    event = original.event;
    storyline = r.events[original.event].storyline;
    a.score = 1;
  } else {
    Best story = PickStoryline(r, v, names, d, ordinal);
    storyline = story.id;
    if (storyline >= 0) {
      Best best = PickEvent(r, v, d, r.storylines[static_cast<size_t>(storyline)], ordinal);
      event = best.id;
      a.score = static_cast<float>(best.score);
    }
  }
  r.near_duplicates.Insert(ordinal, signature);

  if (storyline < 0) {
    a.new_storyline = true;
    storyline = static_cast<int64_t>(r.storylines.size());
    r.storylines.emplace_back();
  }
  if (event < 0) {
    a.new_event = true;
    a.score = 0;
    event = static_cast<int64_t>(r.events.size());
    r.events.emplace_back();
    r.events.back().storyline = static_cast<uint32_t>(storyline);
    r.storylines[static_cast<size_t>(storyline)].events.push_back(static_cast<uint32_t>(event));
  }
  internal::EventState& e = r.events[static_cast<size_t>(event)];
  a.event = static_cast<uint32_t>(event);
  a.storyline = e.storyline;
  std::vector<uint64_t> added;
  e.centroid.Add(v, o.centroid_keys, nullptr);
  Extend(&e, d.day, ordinal);
  e.articles.push_back(ordinal);
  for (int32_t day : d.dates) {
    if (e.mentioned_days.size() < 64 || e.mentioned_days.count(day)) ++e.mentioned_days[day];
  }
  internal::StorylineState& s = r.storylines[a.storyline];
  added.clear();
  s.centroid.Add(v, o.storyline_centroid_keys, &added);
  // The names are posted through the main centroid, which holds them too.
  if (o.salience_weight > 0) s.salient.Add(names, o.salience_keys, nullptr);
  if (o.local_power > 0) s.counts.Add(v, o.storyline_counts);
  AddPostings(&r.storyline_postings, added, a.storyline, o.posting_cap);
  Extend(&s, d.day, ordinal);
  if (r.unlinked.empty() || r.unlinked.back() != a.storyline) r.unlinked.push_back(a.storyline);

  r.articles.push_back(
      {d.id, d.language, d.title, a.event, a.copy_group, d.day, {}, {}, 0, d.repeated_dates});
  ++s.articles;
  if (s.articles <= o.refine_max_articles) {
    r.articles.back().features = std::move(raw);
    r.articles.back().dates = d.dates;
    for (const EntityRef& e : d.entities) {
      if (e.type == ner::EntityType::kPer) {
        r.articles.back().protagonist = TypedKey(FeatureKind::kEntity, e.id);
        break;
      }
    }
    if (IsRefinePoint(s.articles, o.refine_max_articles)) {
      Refine(r, a.storyline);
      a.event = r.articles.back().event;
    } else {
      r.unsettled.push_back(a.storyline);
    }
  } else if (s.articles == o.refine_max_articles + 1) {
    // Past refinement: free what it needed.
    for (uint32_t id : s.events) {
      for (uint32_t m : r.events[id].articles) {
        r.articles[m].features = SparseVector();
        r.articles[m].dates = std::vector<int32_t>();
      }
    }
  }
  a.storyline = internal::StorylineRoot(r, a.storyline);
  return a;
}

std::vector<uint32_t> StoryClusterer::Settle() {
  Rep& r = *rep_;
  std::sort(r.unsettled.begin(), r.unsettled.end());
  r.unsettled.erase(std::unique(r.unsettled.begin(), r.unsettled.end()), r.unsettled.end());
  for (uint32_t id : r.unsettled) {
    const internal::StorylineState& s = r.storylines[id];
    if (s.articles >= 2 && s.articles <= r.options.refine_max_articles &&
        s.refined_at != s.articles)
      Refine(r, id);
  }
  r.unsettled.clear();
  std::vector<uint32_t> changed = internal::MergeStorylines(r);
  changed.insert(changed.end(), r.merged.begin(), r.merged.end());
  r.merged.clear();
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  return changed;
}

size_t StoryClusterer::active_event_count() const {
  const uint32_t ordinal = static_cast<uint32_t>(rep_->articles.size());
  size_t n = 0;
  for (const internal::EventState& e : rep_->events) {
    n += !e.articles.empty() && EventActive(*rep_, e, ordinal);
  }
  return n;
}

EventSummary StoryClusterer::Summarize(uint32_t id, std::string_view preferred_language) const {
  const Rep& r = *rep_;
  const internal::EventState& e = r.events[id];
  EventSummary out;
  out.id = id;
  out.storyline = internal::StorylineRoot(r, e.storyline);
  out.active = EventActive(r, e, static_cast<uint32_t>(r.articles.size()));
  std::map<uint32_t, size_t> group_index;
  for (uint32_t ordinal : e.articles) {
    const internal::ArticleState& a = r.articles[ordinal];
    out.articles.push_back(a.id);
    auto [it, fresh] = group_index.emplace(a.copy_group, out.copy_groups.size());
    if (fresh) out.copy_groups.emplace_back();
    out.copy_groups[it->second].push_back(a.id);
    if (!a.language.empty() &&
        std::find(out.languages.begin(), out.languages.end(), a.language) == out.languages.end()) {
      out.languages.push_back(a.language);
    }
    if (out.title.empty() && !a.title.empty() &&
        (preferred_language.empty() || a.language == preferred_language)) {
      out.title = a.title;
    }
  }
  if (out.title.empty() && !e.articles.empty()) out.title = r.articles[e.articles[0]].title;
  std::sort(out.languages.begin(), out.languages.end());
  out.sources = static_cast<uint32_t>(out.copy_groups.size());
  // The happening's date: the earliest date the articles mention (by two of
  // them) in the month before the first report; else the first report's
  // day. The only article of an event names its happening's day more than
  // once more often than a day of the background ("headed to Iraq on
  // Thursday ... Parly's visit on Thursday" against "On Wednesday, a UN
  // convoy was damaged"): the earliest day it names twice, else the
  // earliest it names. Without a publication day nothing bounds the days
  // named, and the earliest is as often an anniversary (11 November 1918)
  // or a deadline as the happening: such an event is left undated, for the
  // caller to estimate from its articles' time analysis.
  if (e.first_day == kNoDay) return out;
  auto plausible = [&](int32_t day) { return day <= e.first_day && e.first_day - day <= 31; };
  int32_t date = kNoDay;
  if (e.articles.size() == 1) {
    for (int32_t day : r.articles[e.articles[0]].repeated_days) {
      if (plausible(day)) {
        date = day;
        break;
      }
    }
  }
  const uint32_t needed = e.articles.size() > 1 ? 2 : 1;
  for (const auto& [day, count] : e.mentioned_days) {
    if (date != kNoDay) break;
    if (count >= needed && plausible(day)) date = day;
  }
  if (date == kNoDay) date = e.first_day;
  out.date = IsoFromDay(date);
  return out;
}

StorylineSummary StoryClusterer::SummarizeStoryline(uint32_t id,
                                                    std::string_view preferred_language) const {
  const Rep& r = *rep_;
  StorylineSummary out;
  out.id = id;
  if (internal::StorylineRoot(r, id) != id) return out;  // merged into another
  out.events = r.storylines[id].events;
  auto members = r.storyline_members.find(id);
  if (members != r.storyline_members.end()) {
    for (uint32_t other : members->second) {
      const std::vector<uint32_t>& more = r.storylines[other].events;
      out.events.insert(out.events.end(), more.begin(), more.end());
    }
    std::sort(out.events.begin(), out.events.end());
  }
  if (out.events.empty()) return out;
  uint32_t largest = out.events[0];
  for (uint32_t e : out.events) {
    if (r.events[e].articles.size() > r.events[largest].articles.size()) largest = e;
  }
  out.title = Summarize(largest, preferred_language).title;
  return out;
}

size_t StoryClusterer::IndexBytes() const {
  const Rep& r = *rep_;
  size_t bytes = 0;
  for (const auto& [key, list] : r.storyline_postings)
    bytes += 48 + list.capacity() * sizeof(uint32_t);
  for (const auto& e : r.events) {
    bytes += sizeof(e) + e.centroid.entries.capacity() * 16 + e.articles.capacity() * 4 +
             e.mentioned_days.size() * 48;
  }
  for (const auto& s : r.storylines) {
    bytes += sizeof(s) + s.centroid.entries.capacity() * 16 + s.salient.entries.capacity() * 16 +
             s.events.capacity() * 4 + s.counts.entries.capacity() * 16;
  }
  bytes += r.df.slots().capacity() * sizeof(r.df.slots()[0]);
  bytes += r.near_duplicates.entries().size() * (sizeof(MinHashSignature) + 8 + 8 * 8 * 2);
  for (const auto& a : r.articles) {
    bytes += a.features.capacity() * 16 + (a.dates.capacity() + a.repeated_days.capacity()) * 4;
  }
  bytes += r.accumulator.capacity() * 4 + r.stamp.capacity() * 4;
  return bytes;
}

}  // namespace dossier::stories
