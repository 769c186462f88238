// Finding an entity of the store by a name in any spelling, for the API
// endpoints that take one (/api/entities/{name}, ?entity=, ?speaker=).
//
// NAME is an entity id ("E12", as the export gives it), or a name: an exact
// name or variant (case-insensitive) wins, else the name matcher's best
// match ("Kazimi" finds Mustafa al-Kadhimi); ties go to the entity in more
// articles. The CLI uses the same lookup (entity, quotes --speaker).
//
// Thread-safety: pure functions of their arguments.
#ifndef DOSSIER_API_ENTITY_LOOKUP_H_
#define DOSSIER_API_ENTITY_LOOKUP_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "entities/name_matcher.h"
#include "store/findings.h"

namespace dossier::api {

// "E12" for 12.
std::string EntityId(int64_t id);

// 12 for "E12"; nullopt when `text` is not of that form.
std::optional<int64_t> ParseEntityId(const std::string& text);

struct EntityCandidate {
  double score = 0;  ///< 3 by id, 2 an exact name or variant (case-folded), else the matcher's
  const EntityRecord* entity = nullptr;  ///< points into the `entities` given
};

// The entities `name` may mean, best first; ties go to the entity in more
// articles. `matcher` may be null (exact names only).
std::vector<EntityCandidate> FindEntities(const std::vector<EntityRecord>& entities,
                                          const std::string& name,
                                          const identity::NameMatcher* matcher);

// The entity `name` most likely means, or null when none matches. `matcher`
// may be null (exact names only). The pointer points into `entities`.
const EntityRecord* FindEntity(const std::vector<EntityRecord>& entities, const std::string& name,
                               const identity::NameMatcher* matcher);

}  // namespace dossier::api

#endif  // DOSSIER_API_ENTITY_LOOKUP_H_
