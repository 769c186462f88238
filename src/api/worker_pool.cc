// Tested by serve_test.cc (requests, then SIGTERM).
#include "api/worker_pool.h"

namespace dossier::api::internal {

WorkerPool::WorkerPool(size_t threads, std::atomic<size_t>* waiting) : waiting_(waiting) {
  threads_.reserve(threads);
  for (size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { Work(); });
}

WorkerPool::~WorkerPool() { shutdown(); }

void WorkerPool::enqueue(std::function<void()> job) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return;  // dropping the job closes nothing; the process is exiting
    jobs_.push_back(std::move(job));
    waiting_->store(jobs_.size(), std::memory_order_relaxed);
  }
  ready_.notify_one();
}

void WorkerPool::shutdown() {
  std::deque<std::function<void()>> dropped;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
    dropped.swap(jobs_);
    waiting_->store(0, std::memory_order_relaxed);
  }
  ready_.notify_all();
  for (std::thread& t : threads_) t.join();
  threads_.clear();
  // The queued connections are never answered: their sockets stay open
  // until the process exits, which a shutdown precedes.
}

void WorkerPool::Work() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
      waiting_->store(jobs_.size(), std::memory_order_relaxed);
    }
    job();
  }
}

}  // namespace dossier::api::internal
