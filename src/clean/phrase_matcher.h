// PhraseMatcher: finds many fixed phrases in one pass over a text
// (Aho-Corasick automaton over bytes), at word boundaries.
//
// Phrases are matched against text folded with LowerForMatching(), so they must be
// given folded (lowercase). A phrase that starts (ends) with a word character
// only matches where the text has no word character just before (after) it:
// "comment" does not match inside "commentary".
//
//   PhraseMatcher m;
//   m.Add("read also", kReadAlso);
//   m.Build();
//   m.ForEachMatch(folded_line, [](const PhraseMatch& x) { ... });
//
// Thread-safety: Add/Build are not; after Build() the matcher is immutable
// and ForEachMatch may run concurrently.
#ifndef DOSSIER_CLEAN_PHRASE_MATCHER_H_
#define DOSSIER_CLEAN_PHRASE_MATCHER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "clean/text_util.h"

namespace dossier {

struct PhraseMatch {
  size_t begin = 0;     ///< byte offset of the match in the text
  size_t end = 0;       ///< one past its last byte
  uint32_t tag = 0;     ///< the tag given to Add()
  uint32_t phrase = 0;  ///< index of the phrase, in order of Add()
};

class PhraseMatcher {
 public:
  // Adds a folded phrase with a caller-defined tag. REQUIRES: !built().
  void Add(std::string_view phrase, uint32_t tag);
  // Compiles the automaton. REQUIRES: called once, after the last Add().
  void Build();
  bool built() const { return built_; }
  size_t phrase_count() const { return phrases_.size(); }

  // Calls fn(const PhraseMatch&) for every match in `folded`, in order of
  // end offset (longer first among those ending together). REQUIRES: built().
  template <typename Fn>
  void ForEachMatch(std::string_view folded, Fn&& fn) const;

 private:
  struct Phrase {
    uint32_t length;
    uint32_t tag;
    bool word_start;  // first byte is a word character
    bool word_end;    // last byte is a word character
  };
  bool AtBoundary(std::string_view text, size_t begin, size_t end, const Phrase& p) const;

  std::vector<Phrase> phrases_;
  std::vector<std::string> pending_;  // phrases until Build()
  uint8_t byte_class_[256] = {};      // bytes of no phrase share class 0
  uint32_t class_count_ = 1;
  // state * class_count_ + class ->
  //   (next state * class_count_) << 1 | (next state has outputs).
  std::vector<uint32_t> next_;
  std::vector<uint32_t> output_begin_;  // state -> range in outputs_ (size states + 1)
  std::vector<uint32_t> outputs_;       // phrase ids ending at each state
  bool built_ = false;
};

template <typename Fn>
void PhraseMatcher::ForEachMatch(std::string_view folded, Fn&& fn) const {
  uint32_t row = 0;  // the current state * class_count_
  for (size_t i = 0; i < folded.size(); ++i) {
    const uint8_t cls = byte_class_[static_cast<unsigned char>(folded[i])];
    const uint32_t entry = next_[row + cls];
    row = entry >> 1;
    if ((entry & 1) == 0) continue;
    const uint32_t state = row / class_count_;
    for (uint32_t k = output_begin_[state]; k < output_begin_[state + 1]; ++k) {
      const uint32_t id = outputs_[k];
      const Phrase& p = phrases_[id];
      const size_t end = i + 1;
      const size_t begin = end - p.length;
      if (!AtBoundary(folded, begin, end, p)) continue;
      fn(PhraseMatch{begin, end, p.tag, id});
    }
  }
}

}  // namespace dossier

#endif  // DOSSIER_CLEAN_PHRASE_MATCHER_H_
