// Worker: one `dossier worker` process. Takes record messages from the
// shared pull consumer (jetstream.h), runs the per-article stages (clean,
// language, segmentation and stems, then ArticlePreparer: entities within
// the article, quotes, time, figures), writes the articles and their
// prepared findings to the store, then acks.
//
//   Worker w(js.get(), "postgresql://...", {});
//   Result<WorkerReport> r = w.Run(&stop_flag);
//
// At least once, idempotent: a message is acked only after its article
// (PutArticles, which keeps one copy of an article however often it is
// written) and its prepared row (keyed by the message's stream sequence,
// replaced when written again) are committed; a worker killed at any point
// leaves its messages unacked, and they are redelivered.
// A message no stage can process (undecodable, no text after cleaning, a
// stage that throws) goes to the dead-letter subject with its error and is
// terminated; a store error naks the batch with a delay and reopens the
// store; a NATS error is retried (the client reconnects).
//
// Thread-safety: one Worker per thread.
#ifndef DOSSIER_SCALEOUT_WORKER_H_
#define DOSSIER_SCALEOUT_WORKER_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "base/status.h"
#include "scaleout/jetstream.h"

namespace dossier::scaleout {

// The private findings collection of the prepared articles: one row per
// work message (id: its stream sequence, 20 digits), until the clusterer
// analyses the article and removes it.
inline constexpr char kPreparedCollection[] = "scaleout-prepared";
std::string PreparedRowId(uint64_t stream_seq);

struct WorkerOptions {
  int batch = 32;                ///< messages per fetch and per store transaction
  int64_t fetch_wait_ms = 1000;  ///< how long a fetch waits for messages
  int64_t nak_delay_ms = 2000;   ///< redelivery delay after a store error
  bool exit_when_idle = false;   ///< stop when the stream has nothing left for anyone
  ConsumerOptions consumer;      ///< used when this worker creates the consumer
};

struct WorkerReport {
  uint64_t messages = 0;    ///< messages taken
  uint64_t stored = 0;      ///< new articles stored
  uint64_t duplicates = 0;  ///< articles already stored
  uint64_t dead = 0;        ///< messages dead-lettered
  uint64_t naks = 0;        ///< messages nak'ed after a store error
};

class Worker {
 public:
  // REQUIRES: js outlives the worker.
  Worker(JetStream* js, std::string store_location, WorkerOptions options);
  ~Worker();

  // Works until *stop is set (finishing the batch in hand) or, with
  // exit_when_idle, until nothing is left. Fails when the streams cannot be
  // set up, the store cannot be opened at start, or the models cannot be
  // loaded; later NATS and store errors are retried.
  Result<WorkerReport> Run(const std::atomic<bool>* stop);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dossier::scaleout

#endif  // DOSSIER_SCALEOUT_WORKER_H_
