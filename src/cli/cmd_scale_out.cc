// dossier publish / worker / cluster / status: the pipeline scaled out over
// NATS JetStream (scaleout/), the store on PostgreSQL.
#include <csignal>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/store_access.h"
#include "ingest/ingest.h"
#include "scaleout/cluster.h"
#include "scaleout/jetstream.h"
#include "scaleout/record_message.h"
#include "scaleout/worker.h"

namespace dossier::cli {
namespace {

std::atomic<bool> g_stop{false};
void OnSignal(int) { g_stop.store(true); }

// SIGTERM and SIGINT end the work after the batch in hand.
void StopOnSignals() {
  std::signal(SIGTERM, OnSignal);
  std::signal(SIGINT, OnSignal);
}

struct NatsArgs {
  std::string url = "nats://127.0.0.1:4222";
  std::string stream = "dossier";
  scaleout::ConsumerOptions consumer;  ///< whoever comes first creates the consumer
};

void AddNatsOptions(CLI::App* cmd, NatsArgs* a) {
  cmd->add_option("--nats", a->url, "the NATS server (JetStream enabled)")->capture_default_str();
  cmd->add_option("--stream", a->stream,
                  "the stream: subjects STREAM.articles, STREAM.dead (dead letters)")
      ->capture_default_str();
  cmd->add_option("--ack-wait-ms", a->consumer.ack_wait_ms,
                  "redeliver a message unacked this long (fixed when the workers' consumer is "
                  "created)")
      ->capture_default_str()
      ->check(CLI::Range(int64_t{100}, int64_t{3600000}));
}

std::unique_ptr<scaleout::JetStream> ConnectOrReport(const NatsArgs& a) {
  Result<std::unique_ptr<scaleout::JetStream>> js =
      scaleout::JetStream::Connect(a.url, scaleout::Topology(a.stream));
  if (!js.ok()) {
    PrintError("NATS", js.status());
    return nullptr;
  }
  return std::move(*js);
}

struct PublishArgs {
  NatsArgs nats;
  std::vector<std::string> inputs;
  size_t max_article_bytes = 8u << 20;
};

int RunPublish(const GlobalOptions& global, const PublishArgs& args) {
  std::unique_ptr<scaleout::JetStream> js = ConnectOrReport(args.nats);
  if (!js) return kExitFailure;
  if (Status s = js->EnsureStreams(); !s.ok()) {
    PrintError("NATS", s);
    return kExitFailure;
  }
  if (Status s = js->EnsureConsumer(args.nats.consumer); !s.ok()) {
    PrintError("NATS", s);
    return kExitFailure;
  }
  IngestOptions options;
  options.max_record_bytes = args.max_article_bytes;
  uint64_t records = 0, published = 0, duplicates = 0, rejected = 0;
  Status failure;
  auto on_error = [&](const InputError& e) {
    ++rejected;
    std::fprintf(stderr, "dossier: error: %s\n", e.ToString().c_str());
  };
  auto on_record = [&](RawRecord&& r) -> bool {
    ++records;
    const std::string bytes = scaleout::EncodeRecord(r);
    if (static_cast<int64_t>(bytes.size()) > js->max_payload()) {
      on_error(InputError{r.path, r.locator,
                          "record of " + std::to_string(bytes.size()) +
                              " bytes is larger than the NATS server's max_payload (" +
                              std::to_string(js->max_payload()) + " bytes)"});
      return true;
    }
    bool duplicate = false;
    failure = js->Publish(bytes, scaleout::RecordMessageId(bytes), &duplicate);
    if (!failure.ok()) return false;
    ++(duplicate ? duplicates : published);
    return true;
  };
  for (const std::string& input : args.inputs) {
    ReadInput(input, options, on_record, on_error);
    if (!failure.ok()) {
      PrintError("publish stopped", failure);
      return kExitFailure;
    }
  }
  if (global.json) {
    std::printf("%s\n", nlohmann::json({{"records", records},
                                        {"published", published},
                                        {"duplicates", duplicates},
                                        {"rejected", rejected}})
                            .dump(2)
                            .c_str());
  } else {
    std::printf(
        "%llu records read: %llu published to %s, %llu already on the stream, %llu rejected\n",
        static_cast<unsigned long long>(records), static_cast<unsigned long long>(published),
        js->topology().subject.c_str(), static_cast<unsigned long long>(duplicates),
        static_cast<unsigned long long>(rejected));
  }
  return rejected > 0 ? kExitRejected : kExitOk;
}

struct WorkerArgs {
  NatsArgs nats;
  scaleout::WorkerOptions options;
};

int RunWorker(const GlobalOptions& global, const WorkerArgs& args) {
  StopOnSignals();
  std::unique_ptr<scaleout::JetStream> js = ConnectOrReport(args.nats);
  if (!js) return kExitFailure;
  scaleout::WorkerOptions options = args.options;
  options.consumer = args.nats.consumer;
  scaleout::Worker worker(js.get(), global.db, options);
  Result<scaleout::WorkerReport> r = worker.Run(&g_stop);
  if (!r.ok()) {
    PrintError("worker stopped", r.status());
    return kExitFailure;
  }
  std::printf(
      "worker: %llu messages, %llu new articles, %llu already stored, %llu dead letters\n",
      static_cast<unsigned long long>(r->messages), static_cast<unsigned long long>(r->stored),
      static_cast<unsigned long long>(r->duplicates), static_cast<unsigned long long>(r->dead));
  return kExitOk;
}

struct ClusterArgs {
  NatsArgs nats;
  scaleout::ClusterOptions options;
};

int RunCluster(const GlobalOptions& global, const ClusterArgs& args) {
  StopOnSignals();
  scaleout::ClusterLock lock;
  Status locked = lock.Acquire(global.db, args.nats.stream, [] {
    std::fprintf(stderr, "dossier cluster: another clusterer is active; waiting (standby)\n");
  });
  if (!locked.ok()) {
    PrintError("cluster", locked);
    return kExitFailure;
  }
  std::unique_ptr<Store> store = OpenStoreOrReport(global.db, /*read_only=*/false);
  if (!store) return kExitFailure;
  std::unique_ptr<scaleout::JetStream> js = ConnectOrReport(args.nats);
  if (!js) return kExitFailure;
  scaleout::ClusterOptions options = args.options;
  options.consumer = args.nats.consumer;
  scaleout::Clusterer clusterer(js.get(), store.get(), options);
  clusterer.set_window_callback([](const scaleout::ClusterReport& r) {
    std::fprintf(stderr, "dossier cluster: analysed up to message %llu (%llu articles so far)\n",
                 static_cast<unsigned long long>(r.cursor),
                 static_cast<unsigned long long>(r.articles));
  });
  Result<scaleout::ClusterReport> r = clusterer.Run(&g_stop);
  if (!r.ok()) {
    PrintError("cluster stopped", r.status());
    return kExitFailure;
  }
  std::printf("cluster: %llu articles analysed in %llu windows, up to message %llu\n",
              static_cast<unsigned long long>(r->articles),
              static_cast<unsigned long long>(r->windows),
              static_cast<unsigned long long>(r->cursor));
  return kExitOk;
}

struct StatusArgs {
  NatsArgs nats;
  bool with_db = false;
  int64_t listen_ms = 2500;
};

int RunStatus(const GlobalOptions& global, const StatusArgs& args) {
  std::unique_ptr<scaleout::JetStream> js = ConnectOrReport(args.nats);
  if (!js) return kExitFailure;
  Result<scaleout::StreamCounts> work = js->WorkStream();
  Result<scaleout::StreamCounts> dead = js->DeadStream();
  Result<scaleout::ConsumerCounts> consumer = js->Consumer();
  // Workers beat every second: "host:pid acked-so-far".
  Result<std::vector<std::string>> beats = js->ListenBeats(args.listen_ms);
  for (const Status& s : {work.status(), dead.status(), consumer.status(), beats.status()}) {
    if (!s.ok()) {
      PrintError("NATS", s);
      return kExitFailure;
    }
  }
  std::map<std::string, std::pair<uint64_t, uint64_t>> acked;  // worker -> first, last
  for (const std::string& b : *beats) {
    std::istringstream in(b);
    std::string id;
    uint64_t n = 0;
    if (!(in >> id >> n)) continue;
    auto [it, inserted] = acked.try_emplace(id, n, n);
    if (!inserted) it->second.second = n;
  }
  uint64_t delta = 0;
  for (const auto& [id, fl] : acked) delta += fl.second - fl.first;
  const double per_second = delta / (args.listen_ms / 1000.0);
  nlohmann::json out = {{"stream", js->topology().stream},
                        {"lag", consumer->pending + static_cast<uint64_t>(consumer->ack_pending)},
                        {"undelivered", consumer->pending},
                        {"in_progress", consumer->ack_pending},
                        {"redelivered", consumer->redelivered},
                        {"published", work->last_seq},
                        {"acked_up_to", consumer->ack_floor},
                        {"workers", acked.size()},
                        {"idle_pull_requests", consumer->waiting},
                        {"articles_per_second", per_second},
                        {"dead_letters", dead->messages}};
  if (args.with_db) {
    std::unique_ptr<Store> store = OpenStoreOrReport(global.db, /*read_only=*/true);
    if (!store) return kExitFailure;
    Result<StoreStats> stats = store->Stats();
    Result<std::string> cursor = store->GetState(scaleout::ClusterCursorState(args.nats.stream));
    if (!stats.ok() || !cursor.ok()) {
      PrintError("store", stats.ok() ? cursor.status() : stats.status());
      return kExitFailure;
    }
    out["articles"] = stats->articles;
    out["analysed"] = stats->analysed;
    out["clustered_up_to"] = cursor->empty() ? 0 : std::stoull(*cursor);
  }
  if (global.json) {
    std::printf("%s\n", out.dump(2).c_str());
    return kExitOk;
  }
  std::printf("stream %s: %llu published, lag %llu (%llu waiting, %llu in progress)\n",
              js->topology().stream.c_str(), static_cast<unsigned long long>(work->last_seq),
              static_cast<unsigned long long>(out["lag"].get<uint64_t>()),
              static_cast<unsigned long long>(consumer->pending),
              static_cast<unsigned long long>(consumer->ack_pending));
  std::printf("workers: %zu alive, %.1f articles/s over the last %.1f s\n", acked.size(),
              per_second, args.listen_ms / 1000.0);
  std::printf("dead letters: %llu (subject %s)\n", static_cast<unsigned long long>(dead->messages),
              js->topology().dead_subject.c_str());
  if (args.with_db) {
    std::printf("store: %llu articles, %llu analysed; clusterer at message %llu\n",
                static_cast<unsigned long long>(out["articles"].get<uint64_t>()),
                static_cast<unsigned long long>(out["analysed"].get<uint64_t>()),
                static_cast<unsigned long long>(out["clustered_up_to"].get<uint64_t>()));
  }
  return kExitOk;
}

}  // namespace

void AddScaleOutCommands(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto pub = std::make_shared<PublishArgs>();
  CLI::App* cmd = app.add_subcommand(
      "publish",
      "Put the records of inputs (any format `ingest` reads) on a NATS JetStream stream");
  cmd->add_option("inputs", pub->inputs, "files, directories, or - for stdin")->required();
  AddNatsOptions(cmd, &pub->nats);
  cmd->add_option("--max-article-bytes", pub->max_article_bytes, "reject records larger than this")
      ->capture_default_str();
  cmd->callback([&global, pub, exit_code] { *exit_code = RunPublish(global, *pub); });

  auto work = std::make_shared<WorkerArgs>();
  cmd = app.add_subcommand("worker",
                           "Process published records: per-article stages, then the store (--db)");
  AddNatsOptions(cmd, &work->nats);
  cmd->add_option("--batch", work->options.batch, "messages per fetch and transaction")
      ->capture_default_str()
      ->check(CLI::Range(1, 4096));
  cmd->add_flag("--exit-when-idle", work->options.exit_when_idle,
                "stop when no message is left for any worker");
  cmd->callback([&global, work, exit_code] { *exit_code = RunWorker(global, *work); });

  auto cl = std::make_shared<ClusterArgs>();
  cmd = app.add_subcommand("cluster",
                           "Analyse across articles what the workers stored: entities, stories, "
                           "conflicts (one active per stream; others wait)");
  AddNatsOptions(cmd, &cl->nats);
  cmd->add_option("--window", cl->options.window, "messages analysed together, in date order")
      ->capture_default_str()
      ->check(CLI::Range(uint64_t{1}, uint64_t{1} << 30));
  cmd->add_option("--idle-ms", cl->options.idle_ms,
                  "quiet time before a partial window is analysed")
      ->capture_default_str();
  cmd->add_flag("--exit-when-idle", cl->options.exit_when_idle,
                "stop once everything published is analysed");
  cmd->callback([&global, cl, exit_code] { *exit_code = RunCluster(global, *cl); });

  auto st = std::make_shared<StatusArgs>();
  cmd = app.add_subcommand("status", "Stream lag, live workers, throughput, dead letters");
  AddNatsOptions(cmd, &st->nats);
  cmd->add_flag("--with-db", st->with_db, "also the store's counts (--db)");
  cmd->add_option("--listen-ms", st->listen_ms, "how long to listen to the workers")
      ->capture_default_str();
  cmd->callback([&global, st, exit_code] { *exit_code = RunStatus(global, *st); });
}

}  // namespace dossier::cli
