// The SQLite store's schema and its migrations (docs/store.md describes the
// tables).
//
// A store file records its schema version in PRAGMA user_version and marks
// itself with PRAGMA application_id = kApplicationId. Migrations are an
// ordered list of SQL scripts; script N turns a v(N-1) store into a vN store
// and runs in one transaction with the version bump, so a store is always at
// exactly one version.
//
// Internal to the store stage. Thread-safety: one connection, one thread.
#ifndef DOSSIER_STORE_SCHEMA_H_
#define DOSSIER_STORE_SCHEMA_H_

#include <cstdint>
#include <span>
#include <string>

#include "base/status.h"
#include "store/sqlite_util.h"

namespace dossier::store_internal {

// The newest schema this binary knows. Frozen history: never edit a
// published migration; append a new one and bump this.
inline constexpr int kSchemaVersion = 5;

// "DOSS": tells a dossier store from other SQLite files (`file` shows it).
inline constexpr int32_t kApplicationId = 0x444f5353;

struct Migration {
  int version;      ///< the schema version this script produces
  const char* sql;  ///< applied to a store at version - 1
};

// Reads `db` once: InvalidInput naming `path` when the file is not a SQLite
// database. Call before anything else touches the file.
Status ProbeDatabase(const Database& db, const std::string& path);

// Checks that `db` (opened from `path`) is a dossier store, or an empty
// database, and brings it to kSchemaVersion. Errors:
//  - InvalidInput: not a SQLite database, or one of another application;
//  - Unsupported: a schema newer than this binary ("store schema vN is newer
//    than this dossier (vM)"), or, when `read_only`, older than it.
// On success returns the schema version (kSchemaVersion).
Result<int> OpenSchema(const Database& db, const std::string& path, bool read_only);

// The migrations OpenSchema applies, in version order: for tests that need
// a store of an older version (TEST_Migrations().first(1) makes a v1 store).
std::span<const Migration> TEST_Migrations();

// OpenSchema with another list of migrations (in version order, from 1), to
// test the mechanism itself.
Result<int> TEST_OpenSchemaWith(const Database& db, const std::string& path, bool read_only,
                                std::span<const Migration> migrations);

}  // namespace dossier::store_internal

#endif  // DOSSIER_STORE_SCHEMA_H_
