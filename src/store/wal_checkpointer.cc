// Tested by store_test.cc (WalCheckpointer*).
#include "store/wal_checkpointer.h"

#include <utility>

namespace dossier::store_internal {

Result<std::unique_ptr<WalCheckpointer>> WalCheckpointer::Start(const std::string& path,
                                                                sqlite3* writer,
                                                                int frames_per_checkpoint) {
  Result<Database> db = Database::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX);
  if (!db.ok()) return db.status();
  // A checkpoint that meets the writer's brief exclusive moments (a log
  // restart) waits for them rather than giving up.
  sqlite3_busy_timeout(db->get(), 5000);
  // Its own commits would never come, but it must not checkpoint from a hook
  // of its own either.
  sqlite3_wal_autocheckpoint(db->get(), 0);
  // A connection learns that the file is in WAL mode when it first reads it;
  // until then a checkpoint is a no-op.
  Result<int64_t> read = db->QueryInt("PRAGMA schema_version");
  if (!read.ok()) return read.status();
  std::unique_ptr<WalCheckpointer> c(
      new WalCheckpointer(std::move(*db), writer, frames_per_checkpoint));
  c->thread_ = std::thread([p = c.get()] { p->Run(); });
  sqlite3_wal_hook(writer, &WalCheckpointer::OnCommit, c.get());
  return c;
}

WalCheckpointer::WalCheckpointer(Database db, sqlite3* writer, int frames_per_checkpoint)
    : db_(std::move(db)), writer_(writer), frames_per_checkpoint_(frames_per_checkpoint) {}

WalCheckpointer::~WalCheckpointer() {
  // Back to SQLite's own automatic checkpoint, at its default limit.
  sqlite3_wal_autocheckpoint(writer_, kSqliteAutocheckpointFrames);
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

int WalCheckpointer::OnCommit(void* self, sqlite3* /*db*/, const char* /*schema*/, int frames) {
  auto* c = static_cast<WalCheckpointer*>(self);
  if (frames >= c->frames_per_checkpoint_) {
    {
      std::lock_guard<std::mutex> lock(c->mu_);
      c->wanted_ = true;
    }
    c->wake_.notify_one();
  }
  return SQLITE_OK;  // the commit happened; a checkpoint is no reason to fail it
}

void WalCheckpointer::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    wake_.wait(lock, [this] { return wanted_ || stopping_; });
    if (stopping_) return;
    wanted_ = false;
    lock.unlock();
    int log_frames = 0, done_frames = 0;
    const int rc = sqlite3_wal_checkpoint_v2(db_.get(), "main", SQLITE_CHECKPOINT_PASSIVE,
                                             &log_frames, &done_frames);
    lock.lock();
    ++checkpoints_;
    if (rc != SQLITE_OK && rc != SQLITE_BUSY && rc != SQLITE_LOCKED) ++failures_;
  }
}

uint64_t WalCheckpointer::checkpoints() const {
  std::lock_guard<std::mutex> lock(mu_);
  return checkpoints_;
}

uint64_t WalCheckpointer::failures() const {
  std::lock_guard<std::mutex> lock(mu_);
  return failures_;
}

}  // namespace dossier::store_internal
