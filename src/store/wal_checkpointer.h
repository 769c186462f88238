// Checkpoints a SQLite store's write-ahead log on a thread of its own.
//
// SQLite's automatic checkpoint runs inside the COMMIT that grows the log past
// its limit, so the writer waits for the copy into the database file and for
// both fsyncs (synchronous=NORMAL syncs only at checkpoints). On a bulk ingest
// that wait was a tenth of the wall time, with the core idle. Here the
// writer's connection only signals, from its WAL hook after a commit, that
// the log holds `frames_per_checkpoint` frames or more; a thread with
// its own connection then runs a PASSIVE checkpoint, which never blocks the
// writer, while the writer goes on with its next batch.
//
// Durability is SQLite's: the same syncs happen, on another thread. A failed
// checkpoint (I/O error) leaves the frames in the log, where they are as safe
// as before, and is retried at the next signal; the writer's connection,
// closed last, checkpoints whatever is left, as SQLite always does.
//
//   Result<std::unique_ptr<WalCheckpointer>> c =
//       WalCheckpointer::Start(path, writer, kSqliteAutocheckpointFrames);
//   ... commits on `writer` ...
//   c->reset();   // before closing `writer`: stops and joins the thread
//
// Internal to the store stage. Thread-safety: Start() and the destructor on the
// writer's thread; the hook runs on it too.
#ifndef DOSSIER_STORE_WAL_CHECKPOINTER_H_
#define DOSSIER_STORE_WAL_CHECKPOINTER_H_

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <sqlite3.h>

#include "base/status.h"
#include "store/sqlite_util.h"

namespace dossier::store_internal {

// SQLite's default limit of its automatic checkpoint, in log frames.
inline constexpr int kSqliteAutocheckpointFrames = 1000;

class WalCheckpointer {
 public:
  // Opens a second connection to `path` (a store in WAL mode) and installs
  // the WAL hook on `writer`, replacing its automatic checkpoint. `writer`
  // must outlive the checkpointer.
  static Result<std::unique_ptr<WalCheckpointer>> Start(const std::string& path, sqlite3* writer,
                                                        int frames_per_checkpoint);
  ~WalCheckpointer();  // uninstalls the hook, finishes a running checkpoint, joins
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // Checkpoints run so far, and those that failed with an error other than
  // SQLITE_BUSY (for tests and diagnostics).
  uint64_t checkpoints() const;
  uint64_t failures() const;

 private:
  WalCheckpointer(Database db, sqlite3* writer, int frames_per_checkpoint);
  static int OnCommit(void* self, sqlite3* db, const char* schema, int frames);
  void Run();

  Database db_;  // the checkpointer's own connection
  sqlite3* const writer_;
  const int frames_per_checkpoint_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool wanted_ = false;
  bool stopping_ = false;
  uint64_t checkpoints_ = 0;
  uint64_t failures_ = 0;
  std::thread thread_;
};

}  // namespace dossier::store_internal

#endif  // DOSSIER_STORE_WAL_CHECKPOINTER_H_
