// Tested by tests/scale_out_test.cc (against real nats-server and PostgreSQL).
#include "scaleout/cluster.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <map>
#include <thread>
#include <tuple>
#include <unordered_set>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "engine/analysis_pass.h"
#include "scaleout/worker.h"

namespace dossier::scaleout {

struct Clusterer::Pass {
  std::unique_ptr<AnalysisPass> pass;
};

std::string ClusterCursorState(const std::string& stream) { return "scaleout-cursor:" + stream; }

Clusterer::Clusterer(JetStream* js, Store* store, ClusterOptions options)
    : js_(js), store_(store), options_(options), pass_(std::make_unique<Pass>()) {
  if (options_.window == 0) options_.window = 1;
}
Clusterer::~Clusterer() = default;

Status Clusterer::AnalyzeWindow(uint64_t from, uint64_t to) {
  Result<std::vector<FindingRow>> rows = store_->ListFindings(kPreparedCollection);
  if (!rows.ok()) return rows.status();
  Result<std::vector<std::string>> pending = store_->PendingAnalysis();
  if (!pending.ok()) return pending.status();
  const std::unordered_set<std::string> unanalysed(pending->begin(), pending->end());
  struct Entry {
    uint64_t seq;
    std::string published;
    std::string prepared;
  };
  std::map<std::string, Entry> first;  // article id -> its first message of the window
  FindingsBatch last;
  last.states.emplace_back(ClusterCursorState(js_->topology().stream), std::to_string(to));
  for (const FindingRow& row : *rows) {
    uint64_t seq = 0;
    std::string published, prepared;
    try {
      const nlohmann::json j = nlohmann::json::parse(row.json);
      seq = j.at("seq");
      if (seq > to) continue;  // a later window's
      published = j.at("published");
      prepared = j.at("prepared");
    } catch (const std::exception& e) {
      return Status::Corruption("prepared row " + row.id + ": " + e.what());
    }
    last.delete_rows.emplace_back(kPreparedCollection, row.id);
    // An article analysed already (published again later), or a row left
    // from an earlier window (a redelivered message), only goes.
    if (seq <= from || !unanalysed.contains(row.article_id)) continue;
    auto [it, inserted] = first.try_emplace(row.article_id, Entry{seq, published, prepared});
    if (!inserted && seq < it->second.seq) it->second = Entry{seq, published, prepared};
  }
  std::vector<std::pair<std::string, const Entry*>> order;
  for (const auto& [id, e] : first) order.emplace_back(id, &e);
  // As Store::PendingAnalysis orders: dated first, by date, then by arrival.
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return std::make_tuple(a.second->published.empty(), a.second->published, a.second->seq) <
           std::make_tuple(b.second->published.empty(), b.second->published, b.second->seq);
  });
  std::vector<PreparedArticle> prepared;
  for (const auto& [id, e] : order) {
    Result<PreparedArticle> p = PreparedFromJson(e->prepared);
    if (!p.ok()) return p.status();
    p->article_id = id;
    prepared.push_back(std::move(*p));
  }
  Result<AnalysisReport> r = pass_->pass->RunPrepared(std::move(prepared), std::move(last));
  if (!r.ok()) return r.status();
  ++report_.windows;
  report_.articles += r->articles;
  report_.cursor = to;
  if (on_window_) on_window_(report_);
  return Status::OK();
}

Result<ClusterReport> Clusterer::Run(const std::atomic<bool>* stop) {
  DOSSIER_RETURN_IF_ERROR(js_->EnsureStreams());
  DOSSIER_RETURN_IF_ERROR(js_->EnsureConsumer(options_.consumer));
  Result<std::unique_ptr<AnalysisPass>> pass = AnalysisPass::Create(store_);
  if (!pass.ok()) return pass.status();
  pass_->pass = std::move(*pass);
  Result<std::string> state = store_->GetState(ClusterCursorState(js_->topology().stream));
  if (!state.ok()) return state.status();
  uint64_t cursor = state->empty() ? 0 : std::stoull(*state);
  report_.cursor = cursor;
  uint64_t seen_last_seq = 0;
  auto last_change = std::chrono::steady_clock::now();
  while (!stop->load()) {
    Result<ConsumerCounts> c = js_->Consumer();
    Result<StreamCounts> w = js_->WorkStream();
    if (!c.ok() || !w.ok()) {
      // NATS unreachable or slow: the client reconnects.
      std::fprintf(stderr, "dossier cluster: %s (retrying)\n",
                   (c.ok() ? w.status() : c.status()).ToString().c_str());
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
      continue;
    }
    const auto now = std::chrono::steady_clock::now();
    if (w->last_seq != seen_last_seq) {
      seen_last_seq = w->last_seq;
      last_change = now;
    }
    const bool idle = now - last_change >= std::chrono::milliseconds(options_.idle_ms);
    const uint64_t floor = c->ack_floor;
    uint64_t end = 0;
    if (floor >= cursor + options_.window) {
      end = cursor + options_.window;
    } else if (floor > cursor && floor >= w->last_seq && idle) {
      end = floor;
    }
    if (end == 0) {
      if (options_.exit_when_idle && idle && cursor >= w->last_seq && c->pending == 0 &&
          c->ack_pending == 0) {
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(options_.poll_ms));
      continue;
    }
    DOSSIER_RETURN_IF_ERROR(AnalyzeWindow(cursor, end));
    cursor = end;
  }
  return report_;
}

struct ClusterLock::Rep {
  std::unique_ptr<pqxx::connection> conn;
};

ClusterLock::ClusterLock() : rep_(std::make_unique<Rep>()) {}
ClusterLock::~ClusterLock() = default;

Status ClusterLock::Acquire(const std::string& location, const std::string& stream,
                            const std::function<void()>& on_wait) {
  if (!location.starts_with("postgresql://") && !location.starts_with("postgres://")) {
    return Status::OK();
  }
  try {
    rep_->conn = std::make_unique<pqxx::connection>(location);
    pqxx::nontransaction t(*rep_->conn);
    const std::string key = "dossier-cluster:" + stream;
    // The schema too: stores in two schemas of one database are two stores.
    const std::string sql = "hashtext(current_schema() || ':' || " + t.quote(key) + ")";
    if (!t.exec1("SELECT pg_try_advisory_lock(" + sql + ")")[0].as<bool>()) {
      if (on_wait) on_wait();
      t.exec("SELECT pg_advisory_lock(" + sql + ")");
    }
  } catch (const std::exception& e) {
    return Status::IOError(std::string("cluster lock: ") + e.what());
  }
  return Status::OK();
}

}  // namespace dossier::scaleout
