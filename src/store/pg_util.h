// Small helpers of the PostgreSQL backend over libpqxx: errors as Status
// (libpqxx throws; nothing thrown leaves the store), NULL for "", and a
// transaction runner that retries what PostgreSQL asks to retry.
//
//   Status s = RunTransaction<pqxx::work>(conn, [&](pqxx::work& t) -> Status {
//     t.exec_prepared("put", NullIfEmpty(a.url));
//     return Status::OK();
//   });
//
// Internal to the store stage. Thread-safety: like the connection they use,
// one thread at a time.
#ifndef DOSSIER_STORE_PG_UTIL_H_
#define DOSSIER_STORE_PG_UTIL_H_

#include <exception>
#include <string>
#include <string_view>

#include <pqxx/pqxx>

#include "base/status.h"

namespace dossier::store_internal {

// The Status for an exception libpqxx (or the standard library) threw: a
// lost or refused connection is IOError, a constraint violation
// InvalidInput, a write in a read-only transaction Unsupported, resources
// (disk full, out of memory) LimitExceeded, anything else Internal.
Status PgError(const std::exception& e);

// `location` with any password replaced by "***", for messages.
std::string RedactLocation(const std::string& location);

// A text parameter: "" binds NULL ("unknown" has one spelling).
inline const char* NullIfEmpty(const std::string& s) { return s.empty() ? nullptr : s.c_str(); }

// `text` as PostgreSQL can store it: ill-formed UTF-8 and NUL bytes become
// U+FFFD. Returns `text` unchanged (one copy) in the usual case.
std::string StorableText(std::string_view text);

// A text column; NULL reads as "".
inline std::string FieldText(const pqxx::field& f) {
  return f.is_null() ? std::string() : std::string(f.c_str(), f.size());
}

// How many times a transaction PostgreSQL aborted to break a deadlock or a
// serialization conflict (another writer at the same rows) is run again.
inline constexpr int kTransactionAttempts = 5;

// Runs `body(txn)` in a new transaction of type Txn (pqxx::work,
// pqxx::read_transaction, ...), committing when it returns OK and aborting
// otherwise. A deadlock or serialization failure runs the whole body again,
// up to kTransactionAttempts times, so `body` must start from scratch each
// time (clear what it fills). Never throws.
template <typename Txn, typename Body>
Status RunTransaction(pqxx::connection& conn, Body&& body) {
  for (int attempt = 1;; ++attempt) {
    try {
      Txn txn(conn);
      Status s = body(txn);
      if (!s.ok()) return s;  // txn's destructor aborts
      txn.commit();
      return Status::OK();
    } catch (const pqxx::transaction_rollback& e) {
      if (attempt >= kTransactionAttempts) return PgError(e);
    } catch (const std::exception& e) {
      return PgError(e);
    }
  }
}

}  // namespace dossier::store_internal

#endif  // DOSSIER_STORE_PG_UTIL_H_
