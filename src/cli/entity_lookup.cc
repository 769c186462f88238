#include "cli/entity_lookup.h"

#include <algorithm>

#include <unicode/unistr.h>

namespace dossier::cli {
namespace {

std::string Fold(const std::string& s) {
  std::string out;
  icu::UnicodeString::fromUTF8(s).foldCase().toUTF8String(out);
  return out;
}

}  // namespace

std::string EntityId(int64_t id) {
  std::string out = "E";
  out += std::to_string(id);
  return out;
}

std::vector<Candidate> FindEntities(const std::vector<EntityRecord>& entities,
                                    const std::string& name, const identity::NameMatcher* matcher) {
  std::vector<Candidate> out;
  if (name.size() > 1 && name[0] == 'E' &&
      std::all_of(name.begin() + 1, name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const long long id = std::stoll(name.substr(1));
    for (const EntityRecord& e : entities) {
      if (e.id == id) out.push_back({3, &e});
    }
    return out;
  }
  const std::string folded = Fold(name);
  for (const EntityRecord& e : entities) {
    double best = Fold(e.name) == folded ? 2 : 0;
    for (const EntityVariantRecord& v : e.variants) {
      if (best >= 2) break;
      if (Fold(v.text) == folded) {
        best = 2;
      } else if (matcher != nullptr) {
        identity::NameMatch m = matcher->Match(name, v.text);
        if (m.match) best = std::max(best, m.score);
      }
    }
    if (best > 0) out.push_back({best, &e});
  }
  std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.entity->article_count > b.entity->article_count;
  });
  return out;
}

}  // namespace dossier::cli
