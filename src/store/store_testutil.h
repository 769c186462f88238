// Helpers shared by the store tests: a fresh directory per test and articles
// to store.
#ifndef DOSSIER_STORE_STORE_TESTUTIL_H_
#define DOSSIER_STORE_STORE_TESTUTIL_H_

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <gtest/gtest.h>
#include <sqlite3.h>

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

  // Opens (creating) the store at Path(), failing the test on error.
  std::unique_ptr<Store> OpenStore(const StoreOptions& options = {}) {
    Result<std::unique_ptr<Store>> s = Store::Open(Path(), options);
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
