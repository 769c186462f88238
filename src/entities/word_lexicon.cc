// Tested by model_io_test.cc.
#include "entities/word_lexicon.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace dossier::ner {

uint8_t WordLexicon::CapsBucket(uint64_t k, uint64_t n) {
  if (n < 3) return 0;
  double r = static_cast<double>(k) / static_cast<double>(n);
  if (r < 0.02) return 1;
  if (r < 0.3) return 2;
  if (r < 0.7) return 3;
  if (r < 0.98) return 4;
  return 5;
}

void WordLexicon::Save(ByteWriter* w) const {
  std::vector<std::pair<uint64_t, Entry>> entries;
  entries.reserve(entries_.size());
  for (const auto& s : entries_.slots()) {
    if (s.key != 0) entries.emplace_back(s.key, s.value);
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  w->VarU64(entries.size());
  for (const auto& [k, e] : entries) {
    w->U64(k);
    for (uint16_t c : e.cluster) w->VarU64(c);
    w->U8(static_cast<uint8_t>(e.caps | (e.freq << 4)));
  }
}

bool WordLexicon::Load(ByteReader* r) {
  entries_ = FlatHashMap<Entry>();
  uint64_t n = r->VarU64();
  if (!r->ok() || n > r->remaining()) {
    r->Fail();
    return false;
  }
  entries_.Reserve(n);
  for (uint64_t i = 0; i < n && r->ok(); ++i) {
    uint64_t k = r->U64();
    Entry e;
    for (uint16_t& c : e.cluster) c = static_cast<uint16_t>(r->VarU64());
    uint8_t packed = r->U8();
    e.caps = packed & 0x0F;
    e.freq = packed >> 4;
    entries_[k] = e;
  }
  return r->ok();
}

}  // namespace dossier::ner
