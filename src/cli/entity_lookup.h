// Finding an entity of the store by a name in any spelling, for the commands
// that take one (entity, quotes --speaker).
//
// NAME is an entity id from the export ("E12"), or a name: an exact name or
// variant (case-insensitive) wins, else the name matcher's best match
// ("Kazimi" finds Mustafa al-Kadhimi); ties go to the entity in more articles.
#ifndef DOSSIER_CLI_ENTITY_LOOKUP_H_
#define DOSSIER_CLI_ENTITY_LOOKUP_H_

#include <string>
#include <vector>

#include "entities/name_matcher.h"
#include "store/findings.h"

namespace dossier::cli {

// "E12": the id the export gives (store/export_entities.h).
std::string EntityId(int64_t id);

struct Candidate {
  double score = 0;  // 3 by id, 2 exact, else the matcher's score
  const EntityRecord* entity = nullptr;
};

// The entities `name` may mean, best first. `matcher` may be null (exact only).
std::vector<Candidate> FindEntities(const std::vector<EntityRecord>& entities,
                                    const std::string& name, const identity::NameMatcher* matcher);

}  // namespace dossier::cli

#endif  // DOSSIER_CLI_ENTITY_LOOKUP_H_
