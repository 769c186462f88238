// Tested by server_test.cc (concurrent requests) and router_test.cc.
#include "api/session_pool.h"

#include <utility>

namespace dossier::api {

struct SessionPool::Slot {
  std::unique_ptr<Store> store;
  ArticleAnalyzer analyzer;
  ApiSession session;
};

SessionPool::SessionPool(std::string db) : db_(std::move(db)) {}
SessionPool::~SessionPool() = default;

SessionPool::Lease::Lease(SessionPool* pool, std::unique_ptr<Slot> slot)
    : pool_(pool), slot_(std::move(slot)) {}
SessionPool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), slot_(std::move(other.slot_)) {}
SessionPool::Lease::~Lease() {
  if (slot_) pool_->Release(std::move(slot_));
}
ApiSession& SessionPool::Lease::session() { return slot_->session; }

Result<SessionPool::Lease> SessionPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!free_.empty()) {
      std::unique_ptr<Slot> slot = std::move(free_.back());
      free_.pop_back();
      return Lease(this, std::move(slot));
    }
  }
  // Opened outside the lock: opening reads the schema, and other requests
  // need not wait for it.
  StoreOptions options;
  options.read_only = true;
  Result<std::unique_ptr<Store>> store = Store::Open(db_, options);
  if (!store.ok()) return store.status();
  auto slot = std::make_unique<Slot>();
  slot->store = std::move(*store);
  slot->session = ApiSession{slot->store.get(), &slot->analyzer};
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++opened_;
  }
  return Lease(this, std::move(slot));
}

size_t SessionPool::opened() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return opened_;
}

void SessionPool::Release(std::unique_ptr<Slot> slot) {
  std::lock_guard<std::mutex> lock(mutex_);
  free_.push_back(std::move(slot));
}

}  // namespace dossier::api
