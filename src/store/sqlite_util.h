// Thin RAII wrappers over the SQLite C API that report failures as Status.
//
//   Result<Database> db = Database::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
//   Result<Statement> st = Statement::Prepare(db->get(), "SELECT id FROM articles WHERE rowid=?1");
//   StatementScope scope(*st);   // resets the statement when leaving the scope
//   st->BindInt64(1, 42);
//   Result<bool> row = st->Step();
//
// Internal to the store stage. Thread-safety: like the sqlite3 connection they
// wrap, one thread at a time.
#ifndef DOSSIER_STORE_SQLITE_UTIL_H_
#define DOSSIER_STORE_SQLITE_UTIL_H_

#include <cstdint>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "base/status.h"
#include "store/with_context.h"

namespace dossier::store_internal {

// A Status for SQLite result code `rc` on `db` (which may be null): the
// category follows the code (constraint -> InvalidInput, I/O -> IOError, ...);
// the message is "<what>: <sqlite message>".
Status SqliteError(sqlite3* db, int rc, std::string_view what);

// Owns one connection; closes it on destruction.
class Database {
 public:
  Database() = default;
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // `flags` as for sqlite3_open_v2. Errors name `path`.
  static Result<Database> Open(const std::string& path, int flags);

  sqlite3* get() const { return db_; }

  // Runs one or more SQL statements that return no rows of interest.
  Status Exec(const char* sql) const;

  // The integer result of a single-value query such as "PRAGMA user_version".
  Result<int64_t> QueryInt(const char* sql) const;

 private:
  sqlite3* db_ = nullptr;
};

// Owns one prepared statement; finalizes it on destruction.
class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // `persistent`: the statement lives as long as the store (SQLite then
  // allocates it outside its lookaside memory).
  static Result<Statement> Prepare(sqlite3* db, std::string_view sql, bool persistent = true);

  // Binders: `index` is 1-based. A failure is remembered and reported by the
  // next Step(), so call sites can bind without checking each call.
  void BindText(int index, std::string_view value);
  void BindTextOrNull(int index, std::string_view value);  // "" binds NULL
  void BindBlob(int index, std::string_view value);
  void BindInt64(int index, int64_t value);
  void BindDouble(int index, double value);
  void BindNull(int index);

  // True when a row is available, false when done; an error otherwise.
  Result<bool> Step();
  // Steps to completion, expecting no rows of interest.
  Status Run();
  // Ready for new bindings and a new Step(). Safe to call at any time.
  void Reset();

  // Column accessors: `index` is 0-based. REQUIRES: the last Step() returned true.
  // ColumnText's view is valid until the next Step() or Reset().
  std::string_view ColumnText(int index) const;
  std::string_view ColumnBlob(int index) const;  // bytes as stored, valid as ColumnText's
  int64_t ColumnInt64(int index) const;
  double ColumnDouble(int index) const;
  bool ColumnIsNull(int index) const;

  sqlite3_stmt* get() const { return stmt_; }

 private:
  void NoteBind(int rc, int index);

  sqlite3_stmt* stmt_ = nullptr;
  int bind_error_ = SQLITE_OK;
  int bind_error_index_ = 0;
};

// Resets a statement when the scope ends, so an early return never leaves it
// holding a read transaction or stale bindings.
class StatementScope {
 public:
  explicit StatementScope(Statement& statement) : statement_(statement) {}
  ~StatementScope() { statement_.Reset(); }
  StatementScope(const StatementScope&) = delete;
  StatementScope& operator=(const StatementScope&) = delete;

 private:
  Statement& statement_;
};

}  // namespace dossier::store_internal

#endif  // DOSSIER_STORE_SQLITE_UTIL_H_
