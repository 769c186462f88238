// End-to-end: `dossier --db postgresql://...` behaves as on SQLite. The same
// input ingested into both backends gives the same export, modulo ids (the
// ids are derived from content, so today they are equal too; a backend is
// free to number its own rows, so the comparison renames them first).
// Needs the ctest fixture `postgres` (tests/pg/postgres_fixture.sh).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>
#include <sys/wait.h>
#include <unistd.h>

#include "export_compare.h"
#include "pg_test_schema.h"

namespace {

namespace fs = std::filesystem;

using dossier_test::Normalised;
using dossier_test::ReadFile;
using dossier_test::ServerUrl;

class PostgresCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("pg_cli_test_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    server_ = ServerUrl();
    ASSERT_FALSE(server_.empty())
        << "no PostgreSQL test server: run with ctest (fixture `postgres`) or set "
           "DOSSIER_TEST_PG_URL";
    schema_ = "cli" + std::to_string(getpid());
    Admin("CREATE SCHEMA " + schema_);
  }
  void TearDown() override {
    if (!schema_.empty()) Admin("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
    fs::remove_all(dir_);
  }
  void Admin(const std::string& sql) { dossier_test::AdminSql(server_, sql); }
  std::string PgLocation() const { return dossier_test::SchemaLocation(server_, schema_); }

  // Runs `dossier --db DB ARGS` from the source directory; returns the exit
  // code, with stdout in *out.
  int Run(const std::string& db, const std::string& args, std::string* out) {
    dossier_test::DossierRun r = dossier_test::RunDossier(dir_, db, args);
    *out = r.out;
    if (r.code != 0) ADD_FAILURE() << r.command << "\n" << r.err;
    return r.code;
  }

  fs::path dir_;
  std::string server_;
  std::string schema_;
};

TEST_F(PostgresCliTest, IngestSamplesExportEqualsSqlite) {
  const std::string sqlite = (dir_ / "store.db").string();
  const std::string pg = PgLocation();
  std::string out;
  ASSERT_EQ(Run(sqlite, "ingest samples/", &out), 0);
  ASSERT_EQ(Run(pg, "ingest samples/", &out), 0);
  // Ingesting again stores nothing new on either.
  ASSERT_EQ(Run(pg, "ingest samples/", &out), 0);

  std::string sqlite_export, pg_export;
  ASSERT_EQ(Run(sqlite, "export", &sqlite_export), 0);
  ASSERT_EQ(Run(pg, "export", &pg_export), 0);
  const nlohmann::json a = Normalised(nlohmann::json::parse(sqlite_export));
  const nlohmann::json b = Normalised(nlohmann::json::parse(pg_export));
  ASSERT_FALSE(a["articles"].empty());
  ASSERT_FALSE(a["entities"].empty());
  for (const char* k :
       {"articles", "entities", "quotes", "figures", "conflicts", "events", "storylines"}) {
    EXPECT_EQ(a[k].size(), b[k].size()) << k;
    EXPECT_TRUE(a[k] == b[k]) << k << " differ";
  }
  EXPECT_TRUE(a == b);

  // The read commands answer alike.
  for (const char* cmd : {"stats --json", "entities --json", "stories --json",
                          "search --json troops withdrawal", "quotes --json", "conflicts --json"}) {
    std::string x, y;
    ASSERT_EQ(Run(sqlite, cmd, &x), 0) << cmd;
    ASSERT_EQ(Run(pg, cmd, &y), 0) << cmd;
    if (std::string(cmd).starts_with("stats")) continue;  // names the store and its schema
    if (std::string(cmd).starts_with("search")) {
      // Same hits in the same order; scores are BM25 on one, ts_rank on the other.
      auto ids = [](const std::string& s) {
        std::string r;
        for (const auto& h : nlohmann::json::parse(s)) r += h["id"].get<std::string>() + " ";
        return r;
      };
      EXPECT_EQ(ids(x), ids(y));
      continue;
    }
    EXPECT_EQ(x, y) << cmd;
  }
}

}  // namespace
