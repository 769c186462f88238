// The PostgreSQL backend's schema and its migrations.
//
// A dossier store is the set of tables in the connection's current schema
// (the first schema of search_path, usually "public"). Its table
// `schema_version(application, version)` holds one row ('dossier', N); the
// store is then at schema version N. Migration N turns a v(N-1) store into
// a vN store; each runs in its own transaction together with the version
// update, under a transaction-level advisory lock, and reads the version
// again inside it, so two processes opening a new store at once do not both
// migrate it. A published migration is never edited: append one.
//
// Internal to the store stage. Thread-safety: uses the connection it is given.
#ifndef DOSSIER_STORE_PG_SCHEMA_H_
#define DOSSIER_STORE_PG_SCHEMA_H_

#include <span>
#include <string>

#include <pqxx/pqxx>

#include "base/status.h"

namespace dossier::store_internal {

inline constexpr int kPgSchemaVersion = 1;

struct PgMigration {
  int version;      ///< the version the store has after it
  const char* sql;  ///< one or more statements
};

// Checks the schema of the store at `conn` and, unless `read_only`, creates
// or migrates it to kPgSchemaVersion. Errors, each naming `name`:
// InvalidInput (tables of another application in the schema), Unsupported
// (schema newer than this binary, or older and read-only; a database whose
// encoding is not UTF8), NotFound (read-only and no store), IOError.
// On success returns the schema version.
Result<int> OpenPgSchema(pqxx::connection& conn, const std::string& name, bool read_only);

// OpenPgSchema with another list of migrations, for tests.
Result<int> TEST_OpenPgSchemaWith(pqxx::connection& conn, const std::string& name, bool read_only,
                                  std::span<const PgMigration> migrations);

}  // namespace dossier::store_internal

#endif  // DOSSIER_STORE_PG_SCHEMA_H_
