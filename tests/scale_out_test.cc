// End-to-end: the pipeline scaled out (dossier publish, worker, cluster)
// against a real nats-server -js and a real PostgreSQL, the processes run
// and killed as a user would. Needs the ctest fixtures `nats` and `postgres`
// (tests/nats/nats_fixture.sh, tests/pg/postgres_fixture.sh), or
// DOSSIER_TEST_NATS_URL and DOSSIER_TEST_PG_URL.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nats/nats.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "export_compare.h"
#include "pg_test_schema.h"

namespace {

namespace fs = std::filesystem;
using dossier_test::Normalised;
using dossier_test::ReadFile;

class NatsPostgresScaleOutTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("scale_out_test_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    pg_ = dossier_test::ServerUrl();
    nats_ = dossier_test::FixtureUrl("DOSSIER_TEST_NATS_URL", "nats-fixture/url");
    ASSERT_FALSE(pg_.empty()) << "no PostgreSQL test server: run with ctest or set "
                                 "DOSSIER_TEST_PG_URL";
    ASSERT_FALSE(nats_.empty()) << "no NATS test server: run with ctest or set "
                                   "DOSSIER_TEST_NATS_URL";
  }
  void TearDown() override {
    for (pid_t pid : children_) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
    }
    for (const std::string& s : schemas_) Admin("DROP SCHEMA IF EXISTS " + s + " CASCADE");
    fs::remove_all(dir_);
  }
  void Admin(const std::string& sql) { dossier_test::AdminSql(pg_, sql); }
  // A fresh schema of the test database: one store.
  std::string NewStore(const std::string& tag) {
    const std::string schema = "so" + std::to_string(getpid()) + tag;
    Admin("CREATE SCHEMA " + schema);
    schemas_.push_back(schema);
    return dossier_test::SchemaLocation(pg_, schema);
  }
  std::string Stream(const std::string& tag) const { return "so" + std::to_string(getpid()) + tag; }
  std::string Nats(const std::string& stream) const {
    return " --nats '" + nats_ + "' --stream " + stream + " --ack-wait-ms 2000";
  }
  int64_t Count(const std::string& db, const std::string& sql) {
    pqxx::connection c(db);
    pqxx::nontransaction t(c);
    return t.exec1(sql)[0].as<int64_t>();
  }

  // Runs `dossier --db DB ARGS` from the source directory and waits; returns
  // the exit code, with stdout in *out (stderr in last_stderr_).
  int Run(const std::string& db, const std::string& args, std::string* out) {
    dossier_test::DossierRun r = dossier_test::RunDossier(dir_, db, args);
    *out = r.out;
    last_stderr_ = r.err;
    return r.code;
  }
  // Starts `dossier --db DB ARGS` in the background (output appended to
  // DIR/log); returns its pid.
  pid_t Spawn(const std::string& db, const std::string& args) {
    const std::string cmd = "cd '" + std::string(DOSSIER_SOURCE_DIR) + "' && exec " +
                            std::string(DOSSIER_BINARY) + " --db '" + db + "' " + args + " >>'" +
                            (dir_ / "log").string() + "' 2>&1";
    const pid_t pid = fork();
    if (pid == 0) {
      execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    children_.push_back(pid);
    return pid;
  }
  // Waits for `pid` up to `seconds`; its exit code, or -1 (killed) on timeout.
  int Wait(pid_t pid, int seconds) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > until) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        ADD_FAILURE() << "process " << pid << " did not end in " << seconds << " s\n"
                      << ReadFile(dir_ / "log");
        Forget(pid);
        return -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    Forget(pid);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  void KillHard(pid_t pid) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    Forget(pid);
  }
  void Forget(pid_t pid) { std::erase(children_, pid); }

  nlohmann::json Export(const std::string& db) {
    std::string out;
    EXPECT_EQ(Run(db, "export", &out), 0) << last_stderr_;
    return nlohmann::json::parse(out);
  }

  // `n` distinct articles (JSON Lines) made from the samples' texts.
  fs::path Generated(size_t n) {
    std::vector<std::string> texts;
    for (const auto& e : fs::directory_iterator(fs::path(DOSSIER_SOURCE_DIR) / "samples")) {
      if (e.path().extension() == ".txt") texts.push_back(e.path().string());
    }
    std::sort(texts.begin(), texts.end());
    for (std::string& t : texts) t = ReadFile(t);
    const fs::path path = dir_ / "generated.jsonl";
    std::ofstream out(path);
    for (size_t i = 0; i < n; ++i) {
      const std::string n = std::to_string(i);
      std::string text = texts[i % texts.size()];
      text.append("\n\nArchive note ").append(n).append(": item ").append(n);
      text.append(" of the generated corpus.");
      nlohmann::json j;
      j["id"] = std::string("g").append(n);
      j["outlet"] = std::string("Outlet ").append(std::to_string(i % 7));
      j["text"] = std::move(text);
      out << j.dump() << "\n";
    }
    return path;
  }

  fs::path dir_;
  std::string pg_, nats_, last_stderr_;
  std::vector<std::string> schemas_;
  std::vector<pid_t> children_;
};

TEST_F(NatsPostgresScaleOutTest, SamplesThroughThreeWorkersExportAsIngest) {
  const std::string sqlite = (dir_ / "ingest.db").string();
  std::string out;
  ASSERT_EQ(Run(sqlite, "ingest samples/", &out), 0) << last_stderr_;

  const std::string db = NewStore("eq");
  const std::string stream = Stream("eq");
  ASSERT_EQ(Run(db, "publish samples/" + Nats(stream), &out), 0) << last_stderr_;
  // Publishing again adds nothing: the stream drops the same records.
  ASSERT_EQ(Run(db, "--json publish samples/" + Nats(stream), &out), 0) << last_stderr_;
  EXPECT_EQ(nlohmann::json::parse(out)["duplicates"], 5);
  std::vector<pid_t> pids;
  for (int i = 0; i < 3; ++i) pids.push_back(Spawn(db, "worker --exit-when-idle" + Nats(stream)));
  pids.push_back(Spawn(db, "cluster --exit-when-idle --idle-ms 300" + Nats(stream)));
  for (pid_t pid : pids) EXPECT_EQ(Wait(pid, 120), 0) << ReadFile(dir_ / "log");

  const nlohmann::json a = Normalised(Export(sqlite));
  const nlohmann::json b = Normalised(Export(db));
  ASSERT_FALSE(a["entities"].empty());
  for (const char* k :
       {"articles", "entities", "quotes", "figures", "conflicts", "events", "storylines"}) {
    EXPECT_EQ(a[k].size(), b[k].size()) << k;
    EXPECT_TRUE(a[k] == b[k]) << k << " differ";
  }
  EXPECT_TRUE(a == b);

  ASSERT_EQ(Run(db, "--json status --with-db --listen-ms 200" + Nats(stream), &out), 0)
      << last_stderr_;
  const nlohmann::json status = nlohmann::json::parse(out);
  EXPECT_EQ(status["lag"], 0);
  EXPECT_EQ(status["published"], 5);
  EXPECT_EQ(status["dead_letters"], 0);
  EXPECT_EQ(status["articles"], 5);
  EXPECT_EQ(status["analysed"], 5);
  EXPECT_EQ(status["clustered_up_to"], 5);
}

TEST_F(NatsPostgresScaleOutTest, PoisonMessageGoesToDeadLettersTheRestIsStored) {
  const std::string db = NewStore("poison");
  const std::string stream = Stream("poison");
  const fs::path bad = dir_ / "bad.jsonl";
  {
    std::ofstream out(bad);
    out << R"({"id": "p1", "html": "<html><body><script>var x = 1;</script></body></html>"})"
        << "\n";
    out << R"({"id": "ok", "text": "A short article that is fine. It has two sentences."})"
        << "\n";
  }
  std::string out;
  ASSERT_EQ(Run(db, "publish samples/ " + bad.string() + Nats(stream), &out), 0) << last_stderr_;
  const pid_t w = Spawn(db, "worker --exit-when-idle" + Nats(stream));
  const pid_t c = Spawn(db, "cluster --exit-when-idle --idle-ms 300" + Nats(stream));
  EXPECT_EQ(Wait(w, 120), 0);
  EXPECT_EQ(Wait(c, 120), 0);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM articles"), 6);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM analysed"), 6);

  // The dead letter: the record as published, with its error.
  natsConnection* nc = nullptr;
  ASSERT_EQ(natsConnection_ConnectTo(&nc, nats_.c_str()), NATS_OK);
  jsCtx* js = nullptr;
  ASSERT_EQ(natsConnection_JetStream(&js, nc, nullptr), NATS_OK);
  natsMsg* msg = nullptr;
  ASSERT_EQ(js_GetMsg(&msg, js, (stream + "_dead").c_str(), 1, nullptr, nullptr), NATS_OK);
  const char* error = nullptr;
  ASSERT_EQ(natsMsgHeader_Get(msg, "Dossier-Error", &error), NATS_OK);
  EXPECT_NE(std::string(error).find("no main text found"), std::string::npos) << error;
  EXPECT_NE(std::string(error).find("line 1"), std::string::npos) << error;
  const std::string data(natsMsg_GetData(msg), natsMsg_GetDataLength(msg));
  EXPECT_NE(data.find("var x = 1"), std::string::npos);
  natsMsg_Destroy(msg);
  jsCtx_Destroy(js);
  natsConnection_Destroy(nc);

  ASSERT_EQ(Run(db, "--json status --listen-ms 200" + Nats(stream), &out), 0) << last_stderr_;
  EXPECT_EQ(nlohmann::json::parse(out)["dead_letters"], 1);
}

// Articles flow while a worker and the clusterer (with a standby) are
// killed with SIGKILL and restarted, again and again: the store ends with
// every article once, analysed once, and the export of a run without kills.
// 20,000 articles take minutes on two cores: bench/scale_out.py runs that
// many; here kArticles.
TEST_F(NatsPostgresScaleOutTest, KilledWorkersAndClusterersLoseAndDoubleNothing) {
#if defined(__SANITIZE_ADDRESS__)
  // Every stage runs 3-5 times slower under ASan: a sixth of the articles
  // still flow through all eight kills, and the ASan run stays short.
  constexpr size_t kArticles = 200;
#else
  constexpr size_t kArticles = 1200;
#endif
  const fs::path corpus = Generated(kArticles);
  const std::string window = " --window 300 --idle-ms 500";
  std::string out;

  // Without faults.
  const std::string calm = NewStore("calm");
  ASSERT_EQ(Run(calm, "publish " + corpus.string() + Nats(Stream("calm")), &out), 0)
      << last_stderr_;
  std::vector<pid_t> pids;
  for (int i = 0; i < 2; ++i) {
    pids.push_back(Spawn(calm, "worker --exit-when-idle" + Nats(Stream("calm"))));
  }
  pids.push_back(Spawn(calm, "cluster --exit-when-idle" + window + Nats(Stream("calm"))));
  const auto calm_start = std::chrono::steady_clock::now();
  for (pid_t pid : pids) ASSERT_EQ(Wait(pid, 600), 0);
  std::printf("without faults: %.1f s\n",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - calm_start).count());

  // With faults: a worker and the active or standby clusterer killed in turn.
  const std::string rough = NewStore("rough");
  const std::string stream = Stream("rough");
  ASSERT_EQ(Run(rough, "publish " + corpus.string() + Nats(stream), &out), 0) << last_stderr_;
  const std::string worker = "worker --exit-when-idle --batch 16" + Nats(stream);
  const std::string cluster = "cluster --exit-when-idle" + window + Nats(stream);
  const auto t0 = std::chrono::steady_clock::now();
  pid_t steady = Spawn(rough, worker);
  pid_t victim = Spawn(rough, worker);
  pid_t clusterers[2] = {Spawn(rough, cluster), Spawn(rough, cluster)};
  int kills = 0;
  for (int round = 0; round < 8; ++round) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1500 + 250 * (round % 3)));
    if (round % 2 == 0) {
      KillHard(victim);
      victim = Spawn(rough, worker);
    } else {
      pid_t& c = clusterers[(round / 2) % 2];
      KillHard(c);
      c = Spawn(rough, cluster);
    }
    ++kills;
  }
  EXPECT_EQ(kills, 8);
  for (pid_t pid : {steady, victim, clusterers[0], clusterers[1]}) {
    ASSERT_EQ(Wait(pid, 600), 0);
    std::printf("with faults: process %d ended after %.1f s\n", static_cast<int>(pid),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }

  EXPECT_EQ(Count(rough, "SELECT count(*) FROM articles"), static_cast<int64_t>(kArticles));
  EXPECT_EQ(Count(rough, "SELECT count(DISTINCT content_hash) FROM articles"),
            static_cast<int64_t>(kArticles));
  EXPECT_EQ(Count(rough, "SELECT count(*) FROM analysed"), static_cast<int64_t>(kArticles));
  EXPECT_EQ(Count(rough, "SELECT count(*) FROM findings WHERE collection = 'scaleout-prepared'"),
            0);
  const nlohmann::json a = Normalised(Export(calm), /*sort_articles=*/true);
  const nlohmann::json b = Normalised(Export(rough), /*sort_articles=*/true);
  EXPECT_EQ(a["articles"].size(), kArticles);
  for (const char* k :
       {"articles", "entities", "quotes", "figures", "conflicts", "events", "storylines"}) {
    EXPECT_EQ(a[k].size(), b[k].size()) << k;
    EXPECT_TRUE(a[k] == b[k]) << k << " differ";
    for (size_t i = 0; i < a[k].size() && i < b[k].size(); ++i) {
      if (a[k][i] != b[k][i]) {
        ADD_FAILURE() << k << " " << i << " first differs:\n"
                      << a[k][i].dump() << "\n"
                      << b[k][i].dump();
        break;
      }
    }
  }
}

}  // namespace
