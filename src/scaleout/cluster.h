// Clusterer: the one `dossier cluster` process of a stream. Runs the
// sequential part of the analysis (AnalysisPass::RunPrepared: entities
// across articles, same quotes, events and storylines, conflicts) over the
// articles the workers prepared, in a deterministic order.
//
// Order: the work stream is cut into windows of `window` messages by stream
// sequence ((0, W], (W, 2W], ...). A window is analysed once every message
// of it is acked (the consumer's ack floor has passed it: stored and
// prepared, or dead-lettered); its articles in the order `ingest` analyses
// (dated ones by publication date, then undated ones; ties by stream
// sequence, which is input order). A last, partial window is analysed when
// the stream has been idle for `idle_ms` and everything is acked. So the
// result does not depend on how many workers ran, how fast, or which were
// killed; and a corpus of at most `window` records published at once gives
// what one `dossier ingest` of it gives.
//
// Progress (the last stream sequence analysed) is a state of the store,
// written in the transaction of the window's last batch, with the removal of
// the window's prepared rows: a clusterer killed at any point continues
// where the store stands. One clusterer per stream and store: ClusterLock.
//
// Thread-safety: one Clusterer per thread.
#ifndef DOSSIER_SCALEOUT_CLUSTER_H_
#define DOSSIER_SCALEOUT_CLUSTER_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "base/status.h"
#include "scaleout/jetstream.h"
#include "store/store.h"

namespace dossier::scaleout {

struct ClusterOptions {
  uint64_t window = 4096;       ///< messages per window (see above)
  int64_t idle_ms = 1000;       ///< quiet time before a partial window
  int64_t poll_ms = 200;        ///< how often the consumer is looked at
  bool exit_when_idle = false;  ///< stop once everything published is analysed
  ConsumerOptions consumer;     ///< used when this process creates the consumer
};

struct ClusterReport {
  uint64_t windows = 0;
  uint64_t articles = 0;  ///< articles analysed
  uint64_t cursor = 0;    ///< last stream sequence analysed
};

class Clusterer {
 public:
  // REQUIRES: js and store outlive the clusterer.
  Clusterer(JetStream* js, Store* store, ClusterOptions options);
  ~Clusterer();

  void set_window_callback(std::function<void(const ClusterReport&)> cb) {
    on_window_ = std::move(cb);
  }

  // Works until *stop is set or, with exit_when_idle, nothing is left.
  // NATS errors are retried; a store error ends the run (the store holds a
  // consistent state: a new clusterer continues from it).
  Result<ClusterReport> Run(const std::atomic<bool>* stop);

 private:
  Status AnalyzeWindow(uint64_t from, uint64_t to);
  JetStream* js_;
  Store* store_;
  ClusterOptions options_;
  std::function<void(const ClusterReport&)> on_window_;
  ClusterReport report_;
  struct Pass;
  std::unique_ptr<Pass> pass_;
};

// The store state holding a stream's clusterer cursor.
std::string ClusterCursorState(const std::string& stream);

// Holds PostgreSQL's advisory lock of (schema, stream) for the life of the
// object, so that one clusterer is active per stream and store; a second one
// waits in Acquire until the first ends or dies (its session then ends).
// On a SQLite store there is no lock (one machine: run one clusterer).
class ClusterLock {
 public:
  ClusterLock();
  ~ClusterLock();
  // `on_wait` is called once if another clusterer holds the lock.
  Status Acquire(const std::string& store_location, const std::string& stream,
                 const std::function<void()>& on_wait);

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace dossier::scaleout

#endif  // DOSSIER_SCALEOUT_CLUSTER_H_
