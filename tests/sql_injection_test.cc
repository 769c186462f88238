// SQL and FTS5 syntax in search queries (and in stored fields) is text.
//
// A small store is filled through `dossier ingest` with articles whose ids,
// titles and texts themselves hold SQL and FTS5 syntax. Then each hostile
// query goes through `dossier search --json` (argv, no shell) and through
// Store::Search: no error, no crash, and the hits are those of the query's
// plain words (its "literal" form, written out by hand below). Queries that
// FTS5 would read as syntax are chosen so that syntax and text give
// different hits: a column filter `title:harbour` would find the article
// titled "Harbour weather"; as text it finds none. At the end the store
// passes PRAGMA integrity_check and still holds every article.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/store.h"

namespace {

namespace fs = std::filesystem;
using Ids = std::set<std::string>;

const char kInjectedId[] = "x'; DROP TABLE articles;--";

// Each line holds SQL/FTS syntax in some field; texts share words so that
// AND/OR/NOT/NEAR read as operators would change the hits.
std::string Corpus() {
  using nlohmann::json;
  std::string out;
  auto line = [&](json j) { out += j.dump() + "\n"; };
  line({{"id", "sql-1"},
        {"title", "Council vote"},
        {"text",
         "The council voted to drop the table of fees for articles of association. The mayor "
         "spoke near the harbour on Monday."}});
  line({{"id", kInjectedId},
        {"url", "https://e.example/?q=' OR 1=1"},
        {"title", "Quotes \" and ' in a title"},
        {"text",
         "Prices rose near the station. The filter ' OR 1=1 appeared in the server logs, "
         "analysts said."}});
  line({{"id", "fts-3"},
        {"title", "Court report"},
        {"text",
         "The star witness testified for an hour. Notes were filed under col: title in the "
         "register."}});
  line({{"id", "plain-4"},
        {"title", "Harbour weather"},
        {"text", "Fog is expected in the valley tomorrow, forecasters said."}});
  return out;
}

struct Case {
  std::string query;  // the attack
  Ids expected;       // the hits of its plain words
};

std::vector<Case> Cases() {
  const std::string id2 = kInjectedId;
  std::string long_query;
  for (int i = 0; i < 5000; ++i) long_query += "harbour \"(*^:' ";
  return {
      {"'; DROP TABLE articles;--", {"sql-1"}},     // drop table articles
      {"\" OR 1=1", {id2}},                         // or 1=1
      {"' OR '1'='1", {id2}},                       // or 1 1
      {"%' UNION SELECT id FROM articles --", {}},  // union select id from articles
      {"NEAR(", {"sql-1", id2}},                    // near
      {"NEAR(harbour station, 5)", {}},             // near harbour station 5
      {"*", {}},                                    // (no word)
      {"^", {}},                                    // (no word)
      {"^star", {"fts-3"}},                         // star
      {"star*", {"fts-3"}},                         // star (no prefix search)
      {"col:", {"fts-3"}},                          // col
      {"title:harbour", {}},                        // title harbour (a phrase)
      {"{title}: harbour", {}},                     // title harbour (two words)
      {"\"harbour", {"sql-1", "plain-4"}},          // harbour
      {"harbour\"", {"sql-1", "plain-4"}},          // harbour
      {"'", {}},                                    // (no word)
      {"\"\"\"", {}},                               // (no word)
      {"harbour OR station", {}},                   // harbour or station
      {"NOT harbour", {}},                          // not harbour
      {"-harbour", {"sql-1", "plain-4"}},           // harbour
      {"(harbour", {"sql-1", "plain-4"}},           // harbour
      {"harbour AND", {}},                          // harbour and
      {long_query, {"sql-1", "plain-4"}},           // harbour (64 words kept)
  };
}

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

// Runs the dossier binary with exactly these arguments (no shell).
RunResult Dossier(const fs::path& dir, const std::vector<std::string>& args) {
  const fs::path out = dir / "stdout", err = dir / "stderr";
  pid_t pid = fork();
  if (pid == 0) {
    int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(o, 1);
    dup2(e, 2);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>("dossier"));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(DOSSIER_BINARY, argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
  r.out = ReadText(out);
  r.err = ReadText(err);
  return r;
}

std::string Scalar(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) return sqlite3_errmsg(db);
  if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  return out;
}

class SqlInjectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One folder per process: CTest runs the cases of this suite in parallel.
    dir_ = fs::path(::testing::TempDir()) / ("sql_injection_test." + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "store.db").string();
    std::ofstream(dir_ / "attacks.jsonl", std::ios::binary) << Corpus();
    RunResult r = Dossier(
        dir_, {"--db", db_, "ingest", "-q", "--no-analyze", (dir_ / "attacks.jsonl").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  void TearDown() override { fs::remove_all(dir_); }

  void ExpectStoreIntact() {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(db_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    EXPECT_EQ(Scalar(db, "PRAGMA integrity_check"), "ok");
    EXPECT_EQ(Scalar(db, "SELECT count(*) FROM articles"), "4");
    EXPECT_EQ(Scalar(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'harbour'"),
              "2");
    sqlite3_close(db);
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(SqlInjectionTest, SearchCommandTreatsSyntaxAsText) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE("query: " + c.query.substr(0, 80));
    // "--": a query starting with '-' is a query, not an option.
    RunResult r = Dossier(dir_, {"--db", db_, "search", "--json", "-n", "100", "--", c.query});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    nlohmann::json hits = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
    ASSERT_TRUE(hits.is_array()) << r.out;
    Ids got;
    for (const auto& h : hits) got.insert(h.at("id").get<std::string>());
    EXPECT_EQ(got, c.expected);
  }
  ExpectStoreIntact();
}

TEST_F(SqlInjectionTest, StoreSearchTreatsSyntaxAsText) {
  auto store = dossier::Store::Open(db_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  std::vector<Case> cases = Cases();
  // Only the API can carry NUL bytes and other controls: they separate words.
  cases.push_back({std::string("harbour\0station", 15), {}});
  cases.push_back({std::string("\0\0\0", 3), {}});
  cases.push_back({std::string("star\x01\x7f", 6), {"fts-3"}});
  cases.push_back({"\xff\xfe harbour \xc3", {"sql-1", "plain-4"}});
  for (const Case& c : cases) {
    SCOPED_TRACE("query: " + c.query.substr(0, 80));
    dossier::SearchQuery q;
    q.text = c.query;
    // Stems are outside input too; the second list matches nothing as text.
    q.stems = {c.query, "\" zzzq OR * NEAR("};
    q.limit = 100;
    auto hits = (*store)->Search(q);
    ASSERT_TRUE(hits.ok()) << hits.status().ToString();
    Ids got;
    for (const auto& h : *hits) got.insert(h.id);
    EXPECT_EQ(got, c.expected);
  }
  store->reset();
  ExpectStoreIntact();
}

TEST_F(SqlInjectionTest, HostileIdsAreLookedUpAsText) {
  RunResult r = Dossier(dir_, {"--db", db_, "show", "--json", kInjectedId});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json a = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_TRUE(a.is_object()) << r.out;
  EXPECT_EQ(a.value("id", ""), kInjectedId);
  RunResult missing = Dossier(dir_, {"--db", db_, "show", "' OR 1=1 --"});
  EXPECT_EQ(missing.exit_code, 1) << "a lookup that finds nothing";
  ExpectStoreIntact();
}

}  // namespace
