// StoryClusterer::Save and Load: the clusterer's whole state as bytes, in
// the format story_state.md describes. Tested by story_state_test.cc.
#include <algorithm>
#include <cmath>

#include "entities/binary_io.h"
#include "stories/cluster_state.h"
#include "stories/story_clusterer.h"

namespace dossier::stories {
namespace {

using ner::ByteReader;
using ner::ByteWriter;

constexpr uint32_t kMagic = 0x59545344;  // "DSTY" little-endian
// 2: refinement (options, article features); 3: protagonists; 4: storylines' names
constexpr uint32_t kVersion = 6;

void PutI32(ByteWriter& w, int32_t v) { w.U32(static_cast<uint32_t>(v)); }
int32_t GetI32(ByteReader& r) { return static_cast<int32_t>(r.U32()); }

void PutOptions(ByteWriter& w, const ClustererOptions& o) {
  for (float f : {o.event_threshold, o.retired_threshold, o.storyline_threshold, o.entity_boost,
                  o.place_boost, o.number_boost, o.date_boost, o.event_decay_days,
                  o.storyline_decay_days, o.local_power}) {
    w.F32(f);
  }
  PutI32(w, o.event_window_days);
  PutI32(w, o.storyline_window_days);
  for (uint32_t u : {o.window_articles, o.centroid_keys, o.storyline_centroid_keys, o.query_keys,
                     o.posting_scan, o.posting_cap, o.max_candidates, o.storyline_counts}) {
    w.U32(u);
  }
  w.U8(o.exhaustive ? 1 : 0);
  w.F32(static_cast<float>(o.near_duplicates.min_similarity));
  w.U32(static_cast<uint32_t>(o.near_duplicates.rows));
  w.U32(o.near_duplicates.window);
  w.U32(static_cast<uint32_t>(o.near_duplicates.min_shingles));
  for (float f :
       {o.refine_threshold, o.refine_power, o.refine_entity_boost, o.refine_number_boost}) {
    w.F32(f);
  }
  w.U32(o.refine_max_articles);
  w.U32(o.article_keys);
  w.F32(o.refine_protagonist_factor);
  w.F32(o.salience_weight);
  w.U32(o.salience_min_shared);
  w.U32(o.salience_keys);
  w.F32(o.refine_split_ratio);
  w.U32(o.refine_split_min_articles);
  w.F32(o.storyline_merge_threshold);
  w.F32(o.storyline_merge_names_weight);
  w.U32(o.storyline_merge_events);
  w.U32(o.storyline_merge_terms);
}

ClustererOptions GetOptions(ByteReader& r, uint32_t version) {
  ClustererOptions o;
  for (float* f : {&o.event_threshold, &o.retired_threshold, &o.storyline_threshold,
                   &o.entity_boost, &o.place_boost, &o.number_boost, &o.date_boost,
                   &o.event_decay_days, &o.storyline_decay_days, &o.local_power}) {
    *f = r.F32();
  }
  o.event_window_days = GetI32(r);
  o.storyline_window_days = GetI32(r);
  for (uint32_t* u :
       {&o.window_articles, &o.centroid_keys, &o.storyline_centroid_keys, &o.query_keys,
        &o.posting_scan, &o.posting_cap, &o.max_candidates, &o.storyline_counts}) {
    *u = r.U32();
  }
  o.exhaustive = r.U8() != 0;
  o.near_duplicates.min_similarity = r.F32();
  o.near_duplicates.rows = static_cast<int>(r.U32());
  o.near_duplicates.window = r.U32();
  o.near_duplicates.min_shingles = static_cast<int>(r.U32());
  if (version < 2) {
    o.refine_max_articles = 0;  // version 1 kept no article features
    return o;
  }
  for (float* f :
       {&o.refine_threshold, &o.refine_power, &o.refine_entity_boost, &o.refine_number_boost}) {
    *f = r.F32();
  }
  o.refine_max_articles = r.U32();
  o.article_keys = r.U32();
  // Before version 3 refinement knew no protagonists: keep deciding as then.
  o.refine_protagonist_factor = version >= 3 ? r.F32() : 1.0f;
  // Before version 4 storylines kept no names: likewise.
  if (version < 4) {
    o.salience_weight = 0;
    return o;
  }
  o.salience_weight = r.F32();
  o.salience_min_shared = r.U32();
  o.salience_keys = r.U32();
  // Before version 5 refinement kept no groups apart, nor did Settle merge
  // storylines: likewise.
  if (version < 5) {
    o.refine_split_ratio = 0;
    o.storyline_merge_threshold = 0;
    return o;
  }
  o.refine_split_ratio = r.F32();
  o.refine_split_min_articles = r.U32();
  o.storyline_merge_threshold = r.F32();
  o.storyline_merge_names_weight = r.F32();
  o.storyline_merge_events = r.U32();
  // Before version 6 merging compared whole event centroids: likewise.
  o.storyline_merge_terms = version >= 6 ? r.U32() : 0;
  return o;
}

void PutCentroid(ByteWriter& w, const internal::Centroid& c) {
  w.VarU64(c.entries.size());
  for (const auto& [key, weight] : c.entries) {
    w.U64(key);
    w.F32(weight);
  }
}

bool GetCentroid(ByteReader& r, internal::Centroid* c) {
  uint64_t n = r.VarU64();
  if (!r.ok() || n > r.remaining() / 12) return false;
  c->entries.resize(n);
  double sum = 0;
  for (auto& [key, weight] : c->entries) {
    key = r.U64();
    weight = r.F32();
    sum += static_cast<double>(weight) * weight;
  }
  c->norm = std::sqrt(sum);
  return r.ok() && std::is_sorted(c->entries.begin(), c->entries.end());
}

void PutIds(ByteWriter& w, const std::vector<uint32_t>& ids) {
  w.VarU64(ids.size());
  for (uint32_t id : ids) w.U32(id);
}

bool GetIds(ByteReader& r, std::vector<uint32_t>* ids, uint64_t limit) {
  uint64_t n = r.VarU64();
  if (!r.ok() || n > r.remaining() / 4) return false;
  ids->resize(n);
  for (uint32_t& id : *ids) {
    id = r.U32();
    if (id >= limit) return false;
  }
  return r.ok();
}

void PutPostings(ByteWriter& w, const internal::Postings& postings) {
  std::vector<uint64_t> keys;
  keys.reserve(postings.size());
  for (const auto& [key, list] : postings) keys.push_back(key);
  std::sort(keys.begin(), keys.end());  // deterministic bytes
  w.VarU64(keys.size());
  for (uint64_t key : keys) {
    w.U64(key);
    PutIds(w, postings.at(key));
  }
}

bool GetPostings(ByteReader& r, internal::Postings* postings, uint64_t limit) {
  uint64_t n = r.VarU64();
  if (!r.ok() || n > r.remaining() / 9) return false;
  postings->reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t key = r.U64();
    if (!GetIds(r, &(*postings)[key], limit)) return false;
  }
  return true;
}

}  // namespace

std::string StoryClusterer::Save() const {
  const Rep& s = *rep_;
  std::string out;
  ByteWriter w(&out);
  w.U32(kMagic);
  w.U32(kVersion);
  PutOptions(w, s.options);
  w.U32(s.documents);
  PutI32(w, s.newest_day);
  std::vector<std::pair<uint64_t, uint32_t>> df;
  df.reserve(s.df.size());
  for (const auto& slot : s.df.slots()) {
    if (slot.key != 0) df.emplace_back(slot.key, slot.value);
  }
  std::sort(df.begin(), df.end());
  w.VarU64(df.size());
  for (const auto& [key, count] : df) {
    w.U64(key);
    w.U32(count);
  }
  w.VarU64(s.articles.size());
  for (const internal::ArticleState& a : s.articles) {
    w.Str(a.id);
    w.Str(a.language);
    w.Str(a.title);
    w.U32(a.event);
    w.U32(a.copy_group);
    PutI32(w, a.day);
    PutCentroid(w, {a.features, 0});
    w.VarU64(a.dates.size());
    for (int32_t day : a.dates) PutI32(w, day);
    w.U64(a.protagonist);
    w.VarU64(a.repeated_days.size());
    for (int32_t day : a.repeated_days) PutI32(w, day);
  }
  w.VarU64(s.storylines.size());
  for (const internal::StorylineState& x : s.storylines) {
    PutCentroid(w, x.centroid);
    PutCentroid(w, x.salient);
    w.U32(x.counts.documents);
    w.VarU64(x.counts.entries.size());
    for (const auto& [key, count] : x.counts.entries) {
      w.U64(key);
      w.U32(count);
    }
    PutIds(w, x.events);
    PutI32(w, x.first_day);
    PutI32(w, x.last_day);
    w.U32(x.last_article);
    w.U32(x.refined_at);
  }
  w.VarU64(s.events.size());
  for (const internal::EventState& e : s.events) {
    PutCentroid(w, e.centroid);
    w.U32(e.storyline);
    PutI32(w, e.first_day);
    PutI32(w, e.last_day);
    w.U32(e.last_article);
    PutIds(w, e.articles);
    w.VarU64(e.mentioned_days.size());
    for (const auto& [day, count] : e.mentioned_days) {
      PutI32(w, day);
      w.U32(count);
    }
  }
  PutPostings(w, s.storyline_postings);
  const auto& entries = s.near_duplicates.entries();
  w.VarU64(entries.size());
  for (const auto& [ordinal, signature] : entries) {
    w.U64(ordinal);
    for (uint32_t slot : signature) w.U32(slot);
  }
  PutIds(w, s.unlinked);
  PutIds(w, s.merged);
  PutIds(w, s.storyline_parent);
  return out;
}

Result<std::unique_ptr<StoryClusterer>> StoryClusterer::Load(std::string_view bytes) {
  ByteReader r(bytes);
  if (r.U32() != kMagic || !r.ok()) return Status::Corruption("not a saved story state");
  uint32_t version = r.U32();
  if (version > kVersion) {
    return Status::Unsupported("story state version " + std::to_string(version) +
                               " is newer than this program's " + std::to_string(kVersion));
  }
  ClustererOptions options = GetOptions(r, version);
  auto c = std::make_unique<StoryClusterer>(options);
  Rep& s = *c->rep_;
  const Status corrupt = Status::Corruption("saved story state is truncated or inconsistent");
  s.documents = r.U32();
  s.newest_day = GetI32(r);
  uint64_t n = r.VarU64();
  if (!r.ok() || n > r.remaining() / 12) return corrupt;
  s.df.Reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t key = r.U64();
    s.df[key] = r.U32();
  }
  n = r.VarU64();
  if (!r.ok() || n > r.remaining() / 15) return corrupt;
  s.articles.resize(n);
  for (internal::ArticleState& a : s.articles) {
    a.id = r.Str();
    a.language = r.Str();
    a.title = r.Str();
    a.event = r.U32();
    a.copy_group = r.U32();
    a.day = GetI32(r);
    if (a.copy_group >= n) return corrupt;
    if (version >= 2) {
      internal::Centroid features;
      if (!GetCentroid(r, &features)) return corrupt;
      a.features = std::move(features.entries);
      uint64_t days = r.VarU64();
      if (!r.ok() || days > r.remaining() / 4) return corrupt;
      a.dates.resize(days);
      for (int32_t& day : a.dates) day = GetI32(r);
    }
    if (version >= 3) {
      a.protagonist = r.U64();
      uint64_t days = r.VarU64();
      if (!r.ok() || days > r.remaining() / 4) return corrupt;
      a.repeated_days.resize(days);
      for (int32_t& day : a.repeated_days) day = GetI32(r);
    }
  }
  n = r.VarU64();
  if (!r.ok() || n > r.remaining() / 16) return corrupt;
  s.storylines.resize(n);
  for (internal::StorylineState& x : s.storylines) {
    if (!GetCentroid(r, &x.centroid)) return corrupt;
    if (version >= 4 && !GetCentroid(r, &x.salient)) return corrupt;
    x.counts.documents = r.U32();
    uint64_t counts = r.VarU64();
    if (!r.ok() || counts > r.remaining() / 12) return corrupt;
    x.counts.entries.resize(counts);
    for (auto& [key, count] : x.counts.entries) {
      key = r.U64();
      count = r.U32();
    }
    if (!std::is_sorted(x.counts.entries.begin(), x.counts.entries.end())) return corrupt;
    if (!GetIds(r, &x.events, UINT32_MAX)) return corrupt;
    x.first_day = GetI32(r);
    x.last_day = GetI32(r);
    x.last_article = r.U32();
    if (version >= 2) x.refined_at = r.U32();
  }
  n = r.VarU64();
  if (!r.ok() || n > r.remaining() / 20) return corrupt;
  s.events.resize(n);
  for (internal::EventState& e : s.events) {
    if (!GetCentroid(r, &e.centroid)) return corrupt;
    e.storyline = r.U32();
    e.first_day = GetI32(r);
    e.last_day = GetI32(r);
    e.last_article = r.U32();
    if (!GetIds(r, &e.articles, s.articles.size())) return corrupt;
    uint64_t days = r.VarU64();
    if (!r.ok() || days > r.remaining() / 8) return corrupt;
    for (uint64_t i = 0; i < days; ++i) {
      int32_t day = GetI32(r);
      e.mentioned_days[day] = r.U32();
    }
    if (e.storyline >= s.storylines.size()) return corrupt;
  }
  for (const internal::ArticleState& a : s.articles) {
    if (a.event >= s.events.size()) return corrupt;
  }
  for (internal::StorylineState& x : s.storylines) {
    for (uint32_t e : x.events) {
      if (e >= s.events.size()) return corrupt;
      x.articles += static_cast<uint32_t>(s.events[e].articles.size());
    }
  }
  for (uint32_t id = 0; id < s.storylines.size(); ++id) {
    const internal::StorylineState& x = s.storylines[id];
    if (x.articles <= options.refine_max_articles && x.refined_at != x.articles)
      s.unsettled.push_back(id);
  }
  if (!GetPostings(r, &s.storyline_postings, s.storylines.size())) return corrupt;
  n = r.VarU64();
  if (!r.ok() || n > r.remaining() / (8 + 4 * kMinHashSlots)) return corrupt;
  uint64_t previous = 0;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t ordinal = r.U64();
    MinHashSignature sig;
    for (uint32_t& slot : sig) slot = r.U32();
    if (ordinal >= s.articles.size() || (i > 0 && ordinal <= previous)) return corrupt;
    previous = ordinal;
    s.near_duplicates.Insert(ordinal, sig);
  }
  if (version >= 5 &&
      (!GetIds(r, &s.unlinked, s.storylines.size()) || !GetIds(r, &s.merged, s.storylines.size()) ||
       !GetIds(r, &s.storyline_parent, s.storylines.size())))
    return corrupt;
  // A storyline is merged into a lower one only: no cycles.
  if (s.storyline_parent.size() > s.storylines.size()) return corrupt;
  for (size_t i = 0; i < s.storyline_parent.size(); ++i) {
    if (s.storyline_parent[i] > i) return corrupt;
  }
  internal::IndexStorylineRoots(s);
  if (!r.ok() || !r.done()) return corrupt;
  return c;
}

}  // namespace dossier::stories
