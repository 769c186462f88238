// Tested by tests/scale_out_test.cc (against real nats-server and PostgreSQL).
#include "scaleout/worker.h"

#include <chrono>
#include <cstdio>
#include <exception>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include "clean/cleaner.h"
#include "engine/article_analyzer.h"
#include "engine/article_prep.h"
#include "scaleout/record_message.h"
#include "store/store.h"

namespace dossier::scaleout {

std::string PreparedRowId(uint64_t stream_seq) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%020llu", static_cast<unsigned long long>(stream_seq));
  return buf;
}

struct Worker::Impl {
  JetStream* js;
  std::string location;
  WorkerOptions options;
  std::unique_ptr<Store> store;
  ArticleCleaner cleaner{CleanOptions()};
  ArticleAnalyzer analyzer;
  std::unique_ptr<ArticlePreparer> preparer;
  WorkerReport report;
  std::string id;  // in heartbeats: host:pid
  std::chrono::steady_clock::time_point last_beat;

  Status OpenStore();
  Status Dead(Delivery* d, const std::string& error);
  Status NakAll(const std::vector<Delivery*>& ds);
  Status Process(std::vector<std::unique_ptr<Delivery>> batch);
  void MaybeBeat(bool now);
  // Reports a NATS error the worker rides out, and waits a little.
  void Transient(const Status& s);
};

void Worker::Impl::Transient(const Status& s) {
  std::fprintf(stderr, "dossier worker: %s (retrying)\n", s.ToString().c_str());
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
}

Status Worker::Impl::OpenStore() {
  store.reset();
  Result<std::unique_ptr<Store>> s = Store::Open(location);
  if (!s.ok()) return s.status();
  store = std::move(*s);
  return Status::OK();
}

Status Worker::Impl::Dead(Delivery* d, const std::string& error) {
  std::fprintf(stderr, "dossier worker: message %llu dead-lettered: %s\n",
               static_cast<unsigned long long>(d->stream_seq()), error.c_str());
  DOSSIER_RETURN_IF_ERROR(js->PublishDead(d->data(), d->stream_seq(), error));
  ++report.dead;
  return d->Term();
}

Status Worker::Impl::NakAll(const std::vector<Delivery*>& ds) {
  for (Delivery* d : ds) DOSSIER_RETURN_IF_ERROR(d->NakWithDelay(options.nak_delay_ms));
  report.naks += ds.size();
  return Status::OK();
}

void Worker::Impl::MaybeBeat(bool now) {
  const auto t = std::chrono::steady_clock::now();
  if (!now && t - last_beat < std::chrono::seconds(1)) return;
  last_beat = t;
  (void)js->Beat(id + " " + std::to_string(report.messages - report.naks));
}

Status Worker::Impl::Process(std::vector<std::unique_ptr<Delivery>> batch) {
  report.messages += batch.size();
  std::vector<Delivery*> taken;
  std::vector<AnalyzedArticle> articles;
  for (std::unique_ptr<Delivery>& d : batch) {
    std::string error;
    try {
      Result<RawRecord> record = DecodeRecord(d->data());
      if (!record.ok()) {
        error = record.status().message();
      } else if (Result<Article> a = cleaner.Clean(*record); !a.ok()) {
        error = InputError{record->path, record->locator, a.status().message()}.ToString();
      } else {
        articles.push_back(analyzer.Analyze(std::move(*a)));
        taken.push_back(d.get());
      }
    } catch (const std::exception& e) {
      error = std::string("internal error: ") + e.what();
    }
    if (!error.empty()) DOSSIER_RETURN_IF_ERROR(Dead(d.get(), error));
  }
  if (taken.empty()) return Status::OK();
  if (store == nullptr && !OpenStore().ok()) return NakAll(taken);
  Result<PutOutcome> outcome = store->PutArticles(articles);
  if (!outcome.ok()) {
    std::fprintf(stderr, "dossier worker: store: %s (retrying)\n",
                 outcome.status().ToString().c_str());
    store.reset();
    return NakAll(taken);
  }
  report.stored += outcome->inserted_count;
  report.duplicates += outcome->duplicate_count;
  FindingsBatch rows;
  std::vector<Delivery*> done;
  for (size_t i = 0; i < taken.size(); ++i) {
    Delivery* d = taken[i];
    const std::string& stored_id = outcome->ids[i];
    std::string error;
    try {
      // A duplicate (same url or id, other text) is analysed as stored.
      Result<Article> stored = articles[i].article;
      if (stored_id != articles[i].article.id) stored = store->GetArticle(stored_id);
      if (!stored.ok()) {
        // The store failed: this one and the rest come back later.
        store.reset();
        done.insert(done.end(), taken.begin() + static_cast<long>(i), taken.end());
        return NakAll(done);
      }
      Result<PreparedArticle> p = preparer->Prepare(*stored);
      if (!p.ok()) {
        error = p.status().ToString();
      } else {
        nlohmann::json j = {{"seq", d->stream_seq()},
                            {"published", stored->published},
                            {"prepared", PreparedToJson(*p)}};
        rows.rows.push_back({kPreparedCollection, PreparedRowId(d->stream_seq()), stored_id,
                             j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
        done.push_back(d);
      }
    } catch (const std::exception& e) {
      error = std::string("internal error: ") + e.what();
    }
    if (!error.empty()) DOSSIER_RETURN_IF_ERROR(Dead(d, stored_id + ": " + error));
  }
  if (done.empty()) return Status::OK();
  if (store == nullptr) return NakAll(done);
  if (Status s = store->PutFindings(rows); !s.ok()) {
    std::fprintf(stderr, "dossier worker: store: %s (retrying)\n", s.ToString().c_str());
    store.reset();
    return NakAll(done);
  }
  for (Delivery* d : done) DOSSIER_RETURN_IF_ERROR(d->Ack());
  return Status::OK();
}

Worker::Worker(JetStream* js, std::string store_location, WorkerOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->js = js;
  impl_->location = std::move(store_location);
  impl_->options = options;
  char host[256] = {0};
  gethostname(host, sizeof host - 1);
  impl_->id = std::string(host) + ":" + std::to_string(getpid());
}
Worker::~Worker() = default;

Result<WorkerReport> Worker::Run(const std::atomic<bool>* stop) {
  Impl& w = *impl_;
  DOSSIER_RETURN_IF_ERROR(w.js->EnsureStreams());
  DOSSIER_RETURN_IF_ERROR(w.js->EnsureConsumer(w.options.consumer));
  DOSSIER_RETURN_IF_ERROR(w.OpenStore());
  Result<std::unique_ptr<ArticlePreparer>> preparer = ArticlePreparer::Create(nullptr);
  if (!preparer.ok()) return preparer.status();
  w.preparer = std::move(*preparer);
  w.MaybeBeat(true);
  while (!stop->load()) {
    Result<std::vector<std::unique_ptr<Delivery>>> batch =
        w.js->Fetch(w.options.batch, w.options.fetch_wait_ms);
    if (!batch.ok()) {
      // NATS unreachable or slow: the client reconnects; messages in hand
      // are redelivered after the ack wait.
      w.Transient(batch.status());
      continue;
    }
    if (batch->empty()) {
      w.MaybeBeat(false);
      if (w.options.exit_when_idle) {
        Result<ConsumerCounts> c = w.js->Consumer();
        if (!c.ok()) {
          w.Transient(c.status());
          continue;
        }
        if (c->pending == 0 && c->ack_pending == 0) break;
      }
      continue;
    }
    if (Status s = w.Process(std::move(*batch)); !s.ok()) w.Transient(s);
    w.MaybeBeat(false);
    if (w.store == nullptr) {
      // The store failed: wait a little before trying it again.
      std::this_thread::sleep_for(std::chrono::milliseconds(w.options.nak_delay_ms / 2));
      (void)w.OpenStore();
    }
  }
  return w.report;
}

}  // namespace dossier::scaleout
