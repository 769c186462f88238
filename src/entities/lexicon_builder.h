// LexiconBuilder: collects word statistics from unlabelled text and builds
// the WordLexicon of a model (trainer side).
//
//   LexiconBuilder b;
//   for (each line) b.AddLine(tokens);
//   b.Build(512, 3, &lexicon, &report);
//
// Thread-safety: one object per thread.
#ifndef DOSSIER_ENTITIES_LEXICON_BUILDER_H_
#define DOSSIER_ENTITIES_LEXICON_BUILDER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entities/word_lexicon.h"

namespace dossier::ner {

class LexiconBuilder {
 public:
  // One line (or sentence) of tokens.
  void AddLine(const std::vector<std::string_view>& tokens);

  // Fills *lexicon: capitalisation and frequency buckets for every word;
  // clusters at three levels (classes/16, classes/4, classes) for words seen
  // at least min_count times, if classes >= 16. Appends a summary to *report.
  void Build(int classes, int min_count, WordLexicon* lexicon, std::string* report) const;

  size_t vocabulary() const { return words_.size(); }

 private:
  struct Stats {
    uint64_t total = 0;  ///< occurrences
    uint64_t mid = 0;    ///< occurrences in ordinary positions (not line-initial, not headline)
    uint64_t caps = 0;   ///< of those, capitalised
  };
  uint32_t Id(std::string_view lower);

  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> words_;
  std::vector<Stats> stats_;
  std::vector<uint32_t> stream_;  // word ids; kBoundary between lines
};

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_LEXICON_BUILDER_H_
