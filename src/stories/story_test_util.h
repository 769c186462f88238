// Helpers for the stories tests: synthetic StoryDocuments and dictd files.
#ifndef DOSSIER_STORIES_STORY_TEST_UTIL_H_
#define DOSSIER_STORIES_STORY_TEST_UTIL_H_

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <zlib.h>

#include "stories/story_document.h"

namespace dossier::stories::testing {

// A document made of the given words (each once; shingles from the word
// sequence), entity ids and publication day.
inline StoryDocument MakeDoc(const std::string& id, const std::string& words,
                             std::vector<uint32_t> entities = {}, int32_t day = kNoDay) {
  StoryDocument d;
  d.id = id;
  d.language = "en";
  d.title = words.substr(0, words.find(' ', 20));
  d.day = day;
  std::istringstream in(words);
  std::vector<std::string> tokens;
  for (std::string w; in >> w;) tokens.push_back(w);
  std::vector<std::pair<uint64_t, float>> terms;
  for (const std::string& w : tokens) {
    uint64_t key = FeatureKey(FeatureKind::kTerm, w);
    bool found = false;
    for (auto& t : terms) {
      if (t.first == key) t.second += 1, found = true;
    }
    if (!found) terms.emplace_back(key, 1.0f);
  }
  std::sort(terms.begin(), terms.end());
  for (const auto& [k, w] : terms) d.terms.push_back({k, w});
  for (size_t i = 0; i + 4 <= tokens.size(); ++i) {
    d.shingles.push_back(
        FeatureKey(FeatureKind::kShingle,
                   tokens[i] + " " + tokens[i + 1] + " " + tokens[i + 2] + " " + tokens[i + 3]));
  }
  std::sort(d.shingles.begin(), d.shingles.end());
  d.shingles.erase(std::unique(d.shingles.begin(), d.shingles.end()), d.shingles.end());
  for (uint32_t e : entities) d.entities.push_back({e, ner::EntityType::kPer});
  return d;
}

// dictd's base64 number.
inline std::string DictdNumber(uint64_t v) {
  static const char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string s;
  do {
    s.insert(s.begin(), kDigits[v % 64]);
    v /= 64;
  } while (v > 0);
  return s;
}

// Writes DIR/NAME.index and DIR/NAME.dict.dz (gzip) for entries
// (headword, definition).
inline void WriteDictd(const std::string& dir, const std::string& name,
                       const std::vector<std::pair<std::string, std::string>>& entries) {
  std::filesystem::create_directories(dir);
  std::string data, index;
  for (const auto& [head, def] : entries) {
    index += head + "\t" + DictdNumber(data.size()) + "\t" + DictdNumber(def.size()) + "\n";
    data += def;
  }
  std::ofstream(dir + "/" + name + ".index") << index;
  gzFile gz = gzopen((dir + "/" + name + ".dict.dz").c_str(), "wb");
  gzwrite(gz, data.data(), static_cast<unsigned>(data.size()));
  gzclose(gz);
}

}  // namespace dossier::stories::testing

#endif  // DOSSIER_STORIES_STORY_TEST_UTIL_H_
