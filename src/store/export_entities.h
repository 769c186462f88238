// The `entities` collection of the JSON export (docs/export.schema.json):
// one object per entity with its variants, roles and every mention.
//
// Internal to the store stage. Thread-safety: uses the connection it is given.
#ifndef DOSSIER_STORE_EXPORT_ENTITIES_H_
#define DOSSIER_STORE_EXPORT_ENTITIES_H_

#include <ostream>

#include "base/status.h"
#include "store/sqlite_util.h"

namespace dossier::store_internal {

// The id an entity has in the export and on the command line: "E" + number.
std::string ExportEntityId(int64_t id);

// Writes the array's elements (without the brackets), one entity at a time:
// memory holds one entity and its mentions, not the collection.
// REQUIRES: called inside the export's read transaction.
Status WriteEntities(const Database& db, std::ostream& out);

}  // namespace dossier::store_internal

#endif  // DOSSIER_STORE_EXPORT_ENTITIES_H_
