// PgStore: the scale-out backend of Store, on a PostgreSQL database.
//
//   Result<std::unique_ptr<Store>> s =
//       Store::Open("postgresql://dossier@db.example:5432/news");
//
// The location is a libpq connection URI ("postgresql://user@host:port/db",
// "postgresql:///db?host=/run/postgresql"), passed to libpq as given. The
// store is the set of tables in the connection's current schema (add
// "?options=-csearch_path%3Dname" to keep several stores in one database);
// the database must be UTF8. pg_schema.h describes schema and migrations.
//
// Same contract as the SQLite backend (store.h, docs/store.md): one
// transaction per PutArticles and per PutFindings; dedupe by id, url and
// content hash with INSERT ... ON CONFLICT DO NOTHING, so several processes
// may write at once and each article is stored once; the same orders
// (storage order is the `seq` identity column); the same export document.
// A transaction PostgreSQL aborts to break a deadlock is run again.
// Differences: ranking is ts_rank, not BM25 (scores differ, the order of
// unequal matches mostly agrees); text must be valid UTF-8 without NUL
// bytes, so ill-formed bytes are stored as U+FFFD (SQLite keeps them and the
// export replaces them the same way); see pg_search.h for search limits.
//
// Errors are Status values; nothing libpqxx throws escapes. Internal to the
// store stage; use Store::Open. Thread-safety: one thread at a time (one
// connection).
#ifndef DOSSIER_STORE_PG_STORE_H_
#define DOSSIER_STORE_PG_STORE_H_

#include <memory>
#include <string>

#include "store/store.h"

namespace dossier::store_internal {

// Connects to `location` and opens (creating or migrating unless read-only)
// the store there. A read-only store runs every transaction READ ONLY.
// Errors: IOError (cannot connect), NotFound (read-only and no store yet),
// InvalidInput (not a dossier store), Unsupported (schema newer than this
// binary, or not a UTF8 database).
Result<std::unique_ptr<Store>> OpenPgStore(const std::string& location,
                                           const StoreOptions& options);

}  // namespace dossier::store_internal

#endif  // DOSSIER_STORE_PG_STORE_H_
