// The JSON export of a PostgreSQL store: the same document, in the same
// order, as the SQLite backend writes (export_json.h,
// docs/export.schema.json), so the two backends' exports of one input are
// equal but for nothing (tests/pg_cli_test.cc compares them).
//
// Internal to the store stage. Thread-safety: uses the connection it is given.
#ifndef DOSSIER_STORE_PG_EXPORT_H_
#define DOSSIER_STORE_PG_EXPORT_H_

#include <ostream>

#include <pqxx/pqxx>

#include "base/status.h"

namespace dossier::store_internal {

// Writes the export document to `out` in one REPEATABLE READ, READ ONLY
// transaction (a consistent snapshot while other processes write), reading
// articles and findings through cursors: memory does not grow with the
// store. IOError if `out` fails.
Status WritePgJsonExport(pqxx::connection& conn, std::ostream& out);

}  // namespace dossier::store_internal

#endif  // DOSSIER_STORE_PG_EXPORT_H_
