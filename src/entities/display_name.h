// The name to show for an entity, among the names it was written with.
//
// The most frequent full name (two tokens or more), ties to more tokens,
// then to the first seen; without one, the most frequent name. The most
// tokens alone crowned a stray "Hillary & Chelsea Clinton Foundation" or a
// headline read as a name; frequency keeps the name most articles use
// ("Hillary Clinton", not "Democrat Hillary Clinton"). A full name used
// less than once for every kFullNameMinShare uses of the entity's commonest
// name is more likely a misreading ("Talk Bernie" once, "Bernie" 50 times)
// than its name, and does not count as one.
//
//   size_t best = DisplayNameIndex(entity.variants, keys);  // keys[i]: of variants[i]
//
// Thread-safety: a pure function.
#ifndef DOSSIER_ENTITIES_DISPLAY_NAME_H_
#define DOSSIER_ENTITIES_DISPLAY_NAME_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "entities/article_entities.h"
#include "entities/name_key.h"

namespace dossier::identity {

inline constexpr uint32_t kFullNameMinShare = 20;

// REQUIRES: keys.size() == variants.size(), not empty.
size_t DisplayNameIndex(const std::vector<NameVariant>& variants, const std::vector<NameKey>& keys);

}  // namespace dossier::identity

#endif  // DOSSIER_ENTITIES_DISPLAY_NAME_H_
