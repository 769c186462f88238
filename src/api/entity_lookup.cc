// Tested by router_test.cc (the entity endpoints).
#include "api/entity_lookup.h"

#include <algorithm>
#include <charconv>

#include <unicode/unistr.h>

namespace dossier::api {
namespace {

std::string Fold(const std::string& s) {
  std::string out;
  icu::UnicodeString::fromUTF8(s).foldCase().toUTF8String(out);
  return out;
}

}  // namespace

std::string EntityId(int64_t id) {
  // Built in two steps: `"E" + std::to_string(id)` trips GCC 12's -Wrestrict
  // false positive at -O3.
  std::string out = "E";
  out += std::to_string(id);
  return out;
}

std::optional<int64_t> ParseEntityId(const std::string& text) {
  if (text.size() < 2 || text[0] != 'E') return std::nullopt;
  int64_t id = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data() + 1, end, id);
  if (ec != std::errc() || ptr != end || id < 0) return std::nullopt;
  return id;
}

std::vector<EntityCandidate> FindEntities(const std::vector<EntityRecord>& entities,
                                          const std::string& name,
                                          const identity::NameMatcher* matcher) {
  std::vector<EntityCandidate> out;
  if (std::optional<int64_t> id = ParseEntityId(name)) {
    for (const EntityRecord& e : entities) {
      if (e.id == *id) out.push_back({3, &e});
    }
    return out;
  }
  const std::string folded = Fold(name);
  for (const EntityRecord& e : entities) {
    double score = Fold(e.name) == folded ? 2 : 0;
    for (const EntityVariantRecord& v : e.variants) {
      if (score >= 2) break;
      if (Fold(v.text) == folded) {
        score = 2;
      } else if (matcher != nullptr) {
        identity::NameMatch m = matcher->Match(name, v.text);
        if (m.match) score = std::max(score, m.score);
      }
    }
    if (score > 0) out.push_back({score, &e});
  }
  std::stable_sort(out.begin(), out.end(), [](const EntityCandidate& a, const EntityCandidate& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.entity->article_count > b.entity->article_count;
  });
  return out;
}

const EntityRecord* FindEntity(const std::vector<EntityRecord>& entities, const std::string& name,
                               const identity::NameMatcher* matcher) {
  std::vector<EntityCandidate> found = FindEntities(entities, name, matcher);
  return found.empty() ? nullptr : found[0].entity;
}

}  // namespace dossier::api
