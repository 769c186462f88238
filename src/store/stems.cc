// Tested by search_test.cc (DistinctStemsTest).
#include "store/stems.h"

#include <bit>
#include <cstdint>
#include <functional>
#include <vector>

namespace dossier::store_internal {
namespace {

bool IsSeparator(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::string DistinctStems(std::string_view stems) {
  std::string out;
  out.reserve(stems.size() / 2);
  // Open addressing over the stems already written to `out` (offset, length),
  // at most half full: a typical article has a few hundred distinct stems.
  struct Slot {
    uint32_t offset = 0;
    uint32_t length = 0;  // 0: empty
  };
  std::vector<Slot> slots(std::bit_ceil(stems.size() / 2 + 16));
  const size_t mask = slots.size() - 1;
  const std::hash<std::string_view> hash;
  size_t i = 0;
  while (i < stems.size()) {
    while (i < stems.size() && IsSeparator(stems[i])) ++i;
    const size_t begin = i;
    while (i < stems.size() && !IsSeparator(stems[i])) ++i;
    if (begin == i) continue;
    const std::string_view stem = stems.substr(begin, i - begin);
    size_t h = hash(stem) & mask;
    for (;; h = (h + 1) & mask) {
      const Slot& s = slots[h];
      if (s.length == 0 || std::string_view(out).substr(s.offset, s.length) == stem) break;
    }
    if (slots[h].length != 0) continue;  // seen before
    if (!out.empty()) out.push_back(' ');
    slots[h] = {static_cast<uint32_t>(out.size()), static_cast<uint32_t>(stem.size())};
    out.append(stem);
  }
  return out;
}

}  // namespace dossier::store_internal
