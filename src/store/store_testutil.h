// Helpers shared by the store tests: a fresh directory per test, a fresh
// PostgreSQL schema per test of the PostgreSQL backend, and articles to store.
//
// Tests of the Store contract are value-parameterised over the backends
// (BackendTest); tests of one backend's files or SQL stay plain StoreTests.
// The PostgreSQL server is the ctest fixture `postgres`
// (tests/pg/postgres_fixture.sh), or DOSSIER_TEST_PG_URL when set; without
// either, PostgreSQL tests fail (never skip).
#ifndef DOSSIER_STORE_STORE_TESTUTIL_H_
#define DOSSIER_STORE_STORE_TESTUTIL_H_

#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include <gtest/gtest.h>
#include <pqxx/pqxx>
#include <sqlite3.h>
#include <unistd.h>

#include "store/store.h"

namespace dossier::testing {

// A directory of its own for each test, removed afterwards.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::path(::testing::TempDir()) /
           (std::string("store_test_") + info->test_suite_name() + "_" + info->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Path(const std::string& name = "dossier.db") const { return (dir_ / name).string(); }

  // Where the store under test is: Path() for SQLite.
  virtual std::string Location() const { return Path(); }

  // Opens (creating) the store at Location(), failing the test on error.
  std::unique_ptr<Store> OpenStore(const StoreOptions& options = {}) {
    Result<std::unique_ptr<Store>> s = Store::Open(Location(), options);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(*s) : nullptr;
  }

  // Runs `sql` on the store file through a separate connection and returns
  // the first column of the first row ("" if none).
  std::string RawQuery(const std::string& sql) {
    sqlite3* db = nullptr;
    std::string result;
    if (sqlite3_open(Path().c_str(), &db) == SQLITE_OK) {
      sqlite3_busy_timeout(db, 5000);
      sqlite3_stmt* st = nullptr;
      if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW && sqlite3_column_text(st, 0) != nullptr) {
          result = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        } else if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
          result = std::string("error: ") + sqlite3_errmsg(db);
        }
      } else {
        result = std::string("error: ") + sqlite3_errmsg(db);
      }
      sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return result;
  }

  std::filesystem::path dir_;
};

// The URL of the test PostgreSQL server's database, or "" with the reason
// in *why.
inline std::string TestPostgresUrl(std::string* why) {
  if (const char* env = std::getenv("DOSSIER_TEST_PG_URL"); env != nullptr && *env != '\0') {
    return env;
  }
  const std::string file = std::string(DOSSIER_BINARY_DIR) + "/pg-fixture/url";
  std::ifstream in(file);
  std::string url;
  std::getline(in, url);
  if (url.empty()) {
    *why = "no PostgreSQL test server: " + file +
           " is missing (run the tests with ctest, whose fixture `postgres` starts one; or set "
           "DOSSIER_TEST_PG_URL)";
  }
  return url;
}

// `url` with its search_path set to `schema`: a store of its own.
inline std::string WithSchema(const std::string& url, const std::string& schema) {
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
         schema;
}

enum class Backend { kSqlite, kPostgres };

inline std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

// A StoreTest run on each backend: INSTANTIATE_TEST_SUITE_P(Backends, X,
// ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName).
// On PostgreSQL each test gets a schema of its own, dropped afterwards, so
// tests may run in parallel on one server.
class BackendTest : public StoreTest, public ::testing::WithParamInterface<Backend> {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (GetParam() != Backend::kPostgres) return;
    std::string why;
    server_ = TestPostgresUrl(&why);
    ASSERT_FALSE(server_.empty()) << why;
    static int counter = 0;
    schema_ = "t" + std::to_string(getpid()) + "_" + std::to_string(++counter);
    ASSERT_EQ(Admin("CREATE SCHEMA " + schema_), "") << "PostgreSQL at " << server_;
  }
  void TearDown() override {
    if (!schema_.empty()) {
      EXPECT_EQ(Admin("DROP SCHEMA " + schema_ + " CASCADE"), "");
    }
    StoreTest::TearDown();
  }

  std::string Location() const override {
    return GetParam() == Backend::kPostgres ? WithSchema(server_, schema_) : Path();
  }
  bool IsPostgres() const { return GetParam() == Backend::kPostgres; }

  // Runs `sql` on the test server (search_path: this test's schema); returns
  // the first column of the first row, "" if none, or "error: ...".
  std::string Admin(const std::string& sql) const {
    try {
      pqxx::connection c(schema_.empty() ? server_ : WithSchema(server_, schema_));
      pqxx::nontransaction t(c);
      const pqxx::result r = t.exec(sql);
      return r.empty() || r.columns() == 0 || r[0][0].is_null() ? "" : r[0][0].c_str();
    } catch (const std::exception& e) {
      return std::string("error: ") + e.what();
    }
  }

  std::string server_;
  std::string schema_;
};

// a + b + c. (GCC 12 warns falsely, -Wrestrict, on "literal" + std::string.)
inline std::string Cat(std::string_view a, std::string_view b, std::string_view c = {}) {
  std::string s;
  s.reserve(a.size() + b.size() + c.size());
  s.append(a).append(b).append(c);
  return s;
}

// An article with the given id and text; the hash is derived from the text.
inline AnalyzedArticle MakeArticle(const std::string& id, const std::string& text) {
  AnalyzedArticle a;
  a.article.id = id;
  a.article.text = text;
  a.article.content_hash = std::hash<std::string>()(text);
  a.sentence_count = 1;
  a.token_count = 1;
  for (char c : text) a.token_count += c == ' ';
  return a;
}

}  // namespace dossier::testing

#endif  // DOSSIER_STORE_STORE_TESTUTIL_H_
