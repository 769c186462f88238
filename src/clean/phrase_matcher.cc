// Tested by phrase_matcher_test.cc.
#include "clean/phrase_matcher.h"

namespace dossier {

void PhraseMatcher::Add(std::string_view phrase, uint32_t tag) {
  if (phrase.empty()) return;
  const std::string s(phrase);
  phrases_.push_back(Phrase{static_cast<uint32_t>(s.size()), tag, IsWordByteAt(s, 0),
                            IsWordByteAt(s, s.size() - 1)});
  pending_.push_back(s);
}

bool PhraseMatcher::AtBoundary(std::string_view text, size_t begin, size_t end,
                               const Phrase& p) const {
  if (p.word_start && begin > 0 && IsWordByteAt(text, begin - 1)) return false;
  if (p.word_end && end < text.size() && IsWordByteAt(text, end)) return false;
  return true;
}

void PhraseMatcher::Build() {
  // Byte classes: each byte used by some phrase gets its own class.
  for (const std::string& p : pending_) {
    for (unsigned char c : p) {
      if (byte_class_[c] == 0) byte_class_[c] = static_cast<uint8_t>(class_count_++);
    }
  }
  const size_t classes = class_count_;
  constexpr uint32_t kNone = 0;  // the root is never a goto target

  // 1. The trie (goto function), states numbered as created.
  std::vector<uint32_t> trie(classes, kNone);
  std::vector<std::vector<uint32_t>> trie_out(1);
  for (uint32_t id = 0; id < pending_.size(); ++id) {
    uint32_t s = 0;
    for (unsigned char c : pending_[id]) {
      const size_t slot = static_cast<size_t>(s) * classes + byte_class_[c];
      if (trie[slot] == kNone) {
        trie[slot] = static_cast<uint32_t>(trie_out.size());
        trie_out.emplace_back();
        trie.resize(trie_out.size() * classes, kNone);
      }
      s = trie[slot];
    }
    trie_out[s].push_back(id);
  }
  const size_t states = trie_out.size();

  // 2. Renumber breadth-first: most text bytes lead to shallow states, whose
  // rows then sit together at the start of the table (cache-friendly).
  std::vector<uint32_t> order;  // new id -> old id
  std::vector<uint32_t> new_id(states, 0);
  order.reserve(states);
  order.push_back(0);
  for (size_t k = 0; k < order.size(); ++k) {
    const uint32_t old = order[k];
    for (size_t cls = 0; cls < classes; ++cls) {
      const uint32_t child = trie[old * classes + cls];
      if (child != kNone) {
        new_id[child] = static_cast<uint32_t>(order.size());
        order.push_back(child);
      }
    }
  }
  next_.assign(states * classes, kNone);
  std::vector<std::vector<uint32_t>> out(states);
  for (uint32_t s = 0; s < states; ++s) {
    const uint32_t old = order[s];
    out[s] = trie_out[old];
    for (size_t cls = 0; cls < classes; ++cls) {
      const uint32_t child = trie[old * classes + cls];
      if (child != kNone) next_[s * classes + cls] = new_id[child];
    }
  }

  // 3. Failure links folded into a full transition table; ids are in
  // breadth-first order, so every state's failure target is done before it.
  std::vector<uint32_t> fail(states, 0);
  for (uint32_t s = 0; s < states; ++s) {
    if (s != 0) {
      const std::vector<uint32_t>& inherited = out[fail[s]];
      out[s].insert(out[s].end(), inherited.begin(), inherited.end());
    }
    for (size_t cls = 0; cls < classes; ++cls) {
      const size_t slot = s * classes + cls;
      const uint32_t via_fail = s == 0 ? 0 : next_[static_cast<size_t>(fail[s]) * classes + cls];
      if (next_[slot] != kNone) {
        fail[next_[slot]] = via_fail;
      } else {
        next_[slot] = via_fail;
      }
    }
  }
  output_begin_.assign(states + 1, 0);
  for (uint32_t s = 0; s < states; ++s) {
    output_begin_[s + 1] = output_begin_[s] + static_cast<uint32_t>(out[s].size());
    outputs_.insert(outputs_.end(), out[s].begin(), out[s].end());
  }
  // Each transition holds its target's row (state * classes, so the scan's
  // chain of dependent loads has no multiply in it) and whether the target
  // has outputs (so the scan touches output_begin_ only at matches). Rows
  // fit in 31 bits: a lexicon would need millions of states to overflow.
  for (uint32_t& t : next_) {
    const bool has_outputs = output_begin_[t + 1] > output_begin_[t];
    t = static_cast<uint32_t>(t * classes) << 1 | (has_outputs ? 1u : 0u);
  }
  pending_.clear();
  pending_.shrink_to_fit();
  built_ = true;
}

}  // namespace dossier
