// The JSON export of a SQLite store (docs/export.schema.json).
//
// Internal to the store stage. Thread-safety: uses the connection it is given.
#ifndef DOSSIER_STORE_EXPORT_JSON_H_
#define DOSSIER_STORE_EXPORT_JSON_H_

#include <ostream>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/sqlite_util.h"

namespace dossier::store_internal {

// The version of the export document: bump it on an incompatible change.
inline constexpr int kExportVersion = 1;

// Writes the export document to `out`, one article at a time, in a single
// read transaction (a consistent snapshot even while another process
// writes). Memory use does not depend on the number of articles. IOError if
// `out` fails.
Status WriteJsonExport(const Database& db, std::ostream& out);

// The SQL of the queries the export runs, in order, for a test that checks
// SQLite streams them (no temporary sort of the whole table).
std::vector<std::string> TEST_ExportQueries();

}  // namespace dossier::store_internal

#endif  // DOSSIER_STORE_EXPORT_JSON_H_
