// SessionPool: the read-only store connections the server's worker threads
// share, one per request at a time.
//
//   SessionPool pool("dossier.db");
//   Result<SessionPool::Lease> lease = pool.Acquire();
//   router.Handle(request, lease->session());   // lease returns it on scope exit
//
// A Store (and an ArticleAnalyzer) must be used by one thread at a time,
// and SQLite in WAL mode lets many read-only connections read while one
// process writes. So each request borrows a session (a read-only Store and
// an analyzer) for its duration and gives it back; a new one is opened only
// when all are lent, so there are at most as many as requests ever ran at
// once (the server's thread count). Each request sees the store as of its
// own read, so a running ingest's new articles appear between requests.
//
// Thread-safety: Acquire and the leases may be used from any thread.
// REQUIRES: the pool outlives its leases.
#ifndef DOSSIER_API_SESSION_POOL_H_
#define DOSSIER_API_SESSION_POOL_H_

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "api/router.h"
#include "base/status.h"

namespace dossier::api {

class SessionPool {
 public:
  explicit SessionPool(std::string db);
  ~SessionPool();
  SessionPool(const SessionPool&) = delete;
  SessionPool& operator=(const SessionPool&) = delete;

  struct Slot;  // a Store, an analyzer, and the session pointing at them

  class Lease {
   public:
    Lease(SessionPool* pool, std::unique_ptr<Slot> slot);
    Lease(Lease&&) noexcept;
    ~Lease();
    ApiSession& session();

   private:
    SessionPool* pool_;
    std::unique_ptr<Slot> slot_;
  };

  // A free session, or a new one; the store's open error otherwise.
  Result<Lease> Acquire();

  // Sessions opened so far (lent or free).
  size_t opened() const;

 private:
  void Release(std::unique_ptr<Slot> slot);

  const std::string db_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Slot>> free_;  // guarded by mutex_
  size_t opened_ = 0;                        // guarded by mutex_
};

}  // namespace dossier::api

#endif  // DOSSIER_API_SESSION_POOL_H_
