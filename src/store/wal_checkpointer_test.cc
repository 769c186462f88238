// Tests for store/wal_checkpointer.h on a real SQLite file in WAL mode.
#include "store/wal_checkpointer.h"

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <unistd.h>

#include "store/sqlite_util.h"

namespace dossier::store_internal {
namespace {

class WalCheckpointerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("wal_checkpointer_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "w.db").string();
    Result<Database> db = Database::Open(path_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    writer_ = std::move(*db);
    ASSERT_TRUE(writer_
                    .Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                          "CREATE TABLE t (x BLOB);")
                    .ok());
  }
  void TearDown() override {
    writer_ = Database();
    std::filesystem::remove_all(dir_);
  }

  // `n` transactions of one 4 KiB row each: at least one log frame apiece.
  void Write(int n) {
    for (int i = 0; i < n; ++i) {
      ASSERT_TRUE(writer_.Exec("INSERT INTO t VALUES (randomblob(4096))").ok());
    }
  }
  uintmax_t DatabaseBytes() const { return std::filesystem::file_size(path_); }

  std::filesystem::path dir_;
  std::string path_;
  Database writer_;
};

// The log reaches the database file, by the checkpointer's thread.
TEST_F(WalCheckpointerTest, CheckpointsBesideTheWriter) {
  Result<std::unique_ptr<WalCheckpointer>> c = WalCheckpointer::Start(path_, writer_.get(), 20);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  const uintmax_t before = DatabaseBytes();
  Write(200);
  for (int i = 0; i < 500 && DatabaseBytes() < before + 100 * 4096; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_GE(DatabaseBytes(), before + 100 * 4096);
  EXPECT_GT((*c)->checkpoints(), 0u);
  EXPECT_EQ((*c)->failures(), 0u);
  c->reset();
  Result<int64_t> rows = writer_.QueryInt("SELECT count(*) FROM t");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(*rows, 200);
}

// While it runs, the writer never checkpoints itself (its automatic
// checkpoint would have at 1000 frames); once it stops, SQLite's automatic
// checkpoint is back.
TEST_F(WalCheckpointerTest, ReplacesTheWritersOwnCheckpointWhileItRuns) {
  Result<std::unique_ptr<WalCheckpointer>> c =
      WalCheckpointer::Start(path_, writer_.get(), 1000000);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  const uintmax_t before = DatabaseBytes();
  Write(kSqliteAutocheckpointFrames + 200);
  EXPECT_EQ(DatabaseBytes(), before);
  EXPECT_EQ((*c)->checkpoints(), 0u);
  c->reset();
  Write(1);
  EXPECT_GT(DatabaseBytes(), before + kSqliteAutocheckpointFrames * 4096u);
}

}  // namespace
}  // namespace dossier::store_internal
