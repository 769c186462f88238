// JetStream: the few NATS JetStream operations the scale-out commands use,
// over the NATS C client (libnats), with RAII and Status errors.
//
//   Result<std::unique_ptr<JetStream>> js = JetStream::Connect(url, Topology("dossier"));
//   (*js)->EnsureStreams();
//   (*js)->Publish(bytes, msg_id);
//
// Topology: a work stream `<name>` (subject `<name>.articles`, work-queue
// retention: a message is gone once acked) read by one durable pull
// consumer `workers` that every worker shares, and a dead-letter stream
// `<name>_dead` (subject `<name>.dead`) keeping the messages no worker could
// process, each with its error.
//
// Thread-safety: one JetStream per thread.
#ifndef DOSSIER_SCALEOUT_JETSTREAM_H_
#define DOSSIER_SCALEOUT_JETSTREAM_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dossier::scaleout {

struct Topology {
  explicit Topology(std::string stream_name = "dossier");
  std::string stream;        ///< "dossier"
  std::string subject;       ///< "dossier.articles"
  std::string dead_stream;   ///< "dossier_dead"
  std::string dead_subject;  ///< "dossier.dead"
  std::string heartbeat;     ///< "dossier.workers": workers' liveness (core NATS)
  std::string consumer = "workers";
};

struct ConsumerOptions {
  int64_t ack_wait_ms = 30000;  ///< redelivery after this long without an ack
  int64_t max_ack_pending = 1024;
};

// A received message; ack it, nak it or terminate it (else it is
// redelivered after the ack wait).
class Delivery {
 public:
  ~Delivery();
  Delivery(const Delivery&) = delete;
  Delivery& operator=(const Delivery&) = delete;

  std::string_view data() const;
  uint64_t stream_seq() const { return stream_seq_; }
  uint64_t delivered() const { return delivered_; }  ///< 1 on first delivery
  Status Ack();
  Status NakWithDelay(int64_t delay_ms);
  Status Term();

 private:
  friend class JetStream;
  explicit Delivery(void* msg);
  void* msg_;
  uint64_t stream_seq_ = 0;
  uint64_t delivered_ = 0;
};

struct StreamCounts {
  uint64_t messages = 0;  ///< in the stream now (not yet acked, for the work stream)
  uint64_t last_seq = 0;  ///< sequence of the last message ever stored
  int64_t last_time_ns = 0;
};

struct ConsumerCounts {
  uint64_t pending = 0;     ///< not delivered yet
  int64_t ack_pending = 0;  ///< delivered, not acked yet
  int64_t redelivered = 0;  ///< delivered more than once, not acked yet
  int64_t waiting = 0;      ///< pull requests waiting (idle workers)
  uint64_t ack_floor = 0;   ///< every message up to this stream sequence is acked
};

class JetStream {
 public:
  ~JetStream();
  static Result<std::unique_ptr<JetStream>> Connect(const std::string& url, Topology topology);

  const Topology& topology() const { return topology_; }

  // Creates the work and dead-letter streams when missing. `dedupe_ms`: how
  // long the server remembers message ids to drop a re-published one.
  Status EnsureStreams(int64_t dedupe_ms = 3600 * 1000);
  // Creates the shared durable consumer when missing (its options are fixed
  // by whoever creates it).
  Status EnsureConsumer(const ConsumerOptions& options);

  // The largest message the server takes (its max_payload).
  int64_t max_payload() const;

  // Publishes to the work stream, waiting for the server's ack. `msg_id`
  // names the message for deduplication; *duplicate tells whether the
  // server dropped it as already stored.
  Status Publish(std::string_view data, const std::string& msg_id, bool* duplicate);
  // Publishes a message no worker could process to the dead-letter stream,
  // with its error and original sequence in headers.
  Status PublishDead(std::string_view data, uint64_t seq, const std::string& error);

  // Up to `batch` messages of the shared consumer, waiting up to
  // `timeout_ms` for the first. An empty result is not an error.
  Result<std::vector<std::unique_ptr<Delivery>>> Fetch(int batch, int64_t timeout_ms);

  Result<StreamCounts> WorkStream();
  Result<StreamCounts> DeadStream();
  Result<ConsumerCounts> Consumer();

  // Core NATS (not stored): liveness beats of workers, and listening to them.
  Status Beat(const std::string& payload);
  // Every beat payload heard during `ms` milliseconds.
  Result<std::vector<std::string>> ListenBeats(int64_t ms);

 private:
  JetStream() = default;
  Result<StreamCounts> StreamInfo(const std::string& name);
  void* nc_ = nullptr;   // natsConnection
  void* js_ = nullptr;   // jsCtx
  void* sub_ = nullptr;  // natsSubscription of the pull consumer
  Topology topology_;
};

}  // namespace dossier::scaleout

#endif  // DOSSIER_SCALEOUT_JETSTREAM_H_
