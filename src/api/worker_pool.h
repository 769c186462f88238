// WorkerPool: the server's fixed pool of worker threads (an httplib
// TaskQueue), each serving one connection at a time.
//
// It counts the connections waiting for a worker in `*waiting`, so that the
// server can end a keep-alive connection while others wait (server.cc).
//
// Unlike httplib's ThreadPool, Shutdown() drops the connections still
// waiting for a worker (closing them) instead of serving them all first:
// under overload that backlog can take minutes, and a SIGTERM must stop
// the server promptly. Connections being served are finished.
//
// Thread-safety: enqueue and shutdown may be called from any thread.
#ifndef DOSSIER_API_WORKER_POOL_H_
#define DOSSIER_API_WORKER_POOL_H_

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

namespace dossier::api::internal {

class WorkerPool : public httplib::TaskQueue {
 public:
  // REQUIRES: `waiting` outlives the pool.
  WorkerPool(size_t threads, std::atomic<size_t>* waiting);
  ~WorkerPool() override;

  void enqueue(std::function<void()> job) override;
  void shutdown() override;

 private:
  void Work();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;  // guarded by mutex_
  std::atomic<size_t>* waiting_;            // jobs_.size(), for readers without mutex_
  bool stopping_ = false;                   // guarded by mutex_
  std::vector<std::thread> threads_;
};

}  // namespace dossier::api::internal

#endif  // DOSSIER_API_WORKER_POOL_H_
