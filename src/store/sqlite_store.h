// SqliteStore: the embedded backend of Store, one SQLite file in WAL mode.
//
// Connection settings: WAL journal with synchronous=NORMAL (a batch is
// atomic even if the process or machine dies; after a power loss the last
// batches committed before it may be rolled back), foreign_keys=ON, 5 s busy
// timeout, 32 MiB page cache, 16 KiB pages for a new store. Every statement
// PutArticles needs is prepared once, when the store opens. docs/store.md
// describes the schema.
//
// Internal to the store stage; use Store::Open. Thread-safety: one thread at
// a time (the connection is opened without SQLite's own mutex).
#ifndef DOSSIER_STORE_SQLITE_STORE_H_
#define DOSSIER_STORE_SQLITE_STORE_H_

#include <memory>
#include <string>

#include "store/store.h"

namespace dossier::store_internal {

// Opens or creates the store file at `path`. Errors: NotFound (read-only and
// no such file), InvalidInput (not a dossier store), Unsupported (schema
// newer than this binary), IOError.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const StoreOptions& options);

}  // namespace dossier::store_internal

#endif  // DOSSIER_STORE_SQLITE_STORE_H_
