// Options from text, for tools and tuning (story_clusterer.h,
// story_pipeline.h). Tested by story_clusterer_test.cc.
#include <charconv>
#include <string>

#include "stories/story_clusterer.h"
#include "stories/story_pipeline.h"

namespace dossier::stories {
namespace {

template <typename T>
bool Parse(std::string_view text, T* out) {
  std::string s(text);
  try {
    size_t used = 0;
    if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>) {
      *out = static_cast<T>(std::stod(s, &used));
    } else {
      long long v = std::stoll(s, &used);
      if (v < 0 && std::is_unsigned_v<T>) return false;
      *out = static_cast<T>(v);
    }
    return used == s.size();
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

Status SetClustererOption(ClustererOptions* o, std::string_view name, std::string_view value) {
  bool ok = false;
  auto f = [&](std::string_view n, float* p) {
    if (name == n) ok = Parse(value, p), name = "";
  };
  auto i = [&](std::string_view n, int32_t* p) {
    if (name == n) ok = Parse(value, p), name = "";
  };
  auto u = [&](std::string_view n, uint32_t* p) {
    if (name == n) ok = Parse(value, p), name = "";
  };
  std::string_view original = name;
  f("event_threshold", &o->event_threshold);
  f("retired_threshold", &o->retired_threshold);
  f("storyline_threshold", &o->storyline_threshold);
  f("salience_weight", &o->salience_weight);
  u("salience_min_shared", &o->salience_min_shared);
  u("salience_keys", &o->salience_keys);
  f("storyline_merge_threshold", &o->storyline_merge_threshold);
  f("storyline_merge_names_weight", &o->storyline_merge_names_weight);
  u("storyline_merge_events", &o->storyline_merge_events);
  u("storyline_merge_terms", &o->storyline_merge_terms);
  f("entity_boost", &o->entity_boost);
  f("place_boost", &o->place_boost);
  f("number_boost", &o->number_boost);
  f("date_boost", &o->date_boost);
  f("event_decay_days", &o->event_decay_days);
  f("storyline_decay_days", &o->storyline_decay_days);
  f("local_power", &o->local_power);
  u("storyline_counts", &o->storyline_counts);
  u("refine_max_articles", &o->refine_max_articles);
  f("refine_threshold", &o->refine_threshold);
  f("refine_power", &o->refine_power);
  f("refine_entity_boost", &o->refine_entity_boost);
  f("refine_number_boost", &o->refine_number_boost);
  f("refine_protagonist_factor", &o->refine_protagonist_factor);
  f("refine_lone_threshold", &o->refine_lone_threshold);
  f("refine_split_ratio", &o->refine_split_ratio);
  u("refine_split_min_articles", &o->refine_split_min_articles);
  i("refine_lone_days", &o->refine_lone_days);
  u("article_keys", &o->article_keys);
  i("event_window_days", &o->event_window_days);
  i("storyline_window_days", &o->storyline_window_days);
  u("window_articles", &o->window_articles);
  u("centroid_keys", &o->centroid_keys);
  u("storyline_centroid_keys", &o->storyline_centroid_keys);
  u("query_keys", &o->query_keys);
  u("posting_scan", &o->posting_scan);
  u("posting_cap", &o->posting_cap);
  u("max_candidates", &o->max_candidates);
  u("near_duplicates.window", &o->near_duplicates.window);
  i("near_duplicates.rows", &o->near_duplicates.rows);
  i("near_duplicates.min_shingles", &o->near_duplicates.min_shingles);
  if (name == "near_duplicates.min_similarity")
    ok = Parse(value, &o->near_duplicates.min_similarity), name = "";
  if (name == "exhaustive") {
    ok = value == "true" || value == "false";
    o->exhaustive = value == "true";
    name = "";
  }
  if (!name.empty())
    return Status::InvalidInput("unknown clusterer option " + std::string(original));
  if (!ok) {
    return Status::InvalidInput("bad value for " + std::string(original) + ": " +
                                std::string(value));
  }
  return Status::OK();
}

Status SetPipelineOption(PipelineOptions* options, std::string_view name, std::string_view value) {
  if (name != "document.lead_decay") return SetClustererOption(&options->clusterer, name, value);
  float x = 0;
  if (!Parse(value, &x) || !(x >= 0)) {
    return Status::InvalidInput("document.lead_decay needs a number >= 0, not '" +
                                std::string(value) + "'");
  }
  options->document.lead_decay = x;
  return Status::OK();
}

}  // namespace dossier::stories
