#include "entities/display_name.h"

#include <algorithm>

namespace dossier::identity {

size_t DisplayNameIndex(const std::vector<NameVariant>& variants,
                        const std::vector<NameKey>& keys) {
  uint32_t top = 0;
  for (const NameVariant& v : variants) top = std::max(top, v.count);
  auto full = [&](size_t i) {
    return keys[i].tokens.size() > 1 && uint64_t{variants[i].count} * kFullNameMinShare >= top;
  };
  size_t best = 0;
  for (size_t i = 1; i < variants.size(); ++i) {
    if (full(i) != full(best)) {
      if (full(i)) best = i;
      continue;
    }
    if (variants[i].count > variants[best].count ||
        (variants[i].count == variants[best].count &&
         keys[i].tokens.size() > keys[best].tokens.size())) {
      best = i;
    }
  }
  return best;
}

}  // namespace dossier::identity
