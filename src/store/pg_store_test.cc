// Tests for what only the PostgreSQL backend has: its schema and
// migrations, its refusals, writers in parallel, how it builds tsvector and
// tsquery literals, and the password kept out of messages. The Store
// contract itself is tested on both backends (StoreContractTest,
// FindingsTest, SearchTest, ExportTest).
#include "store/pg_store.h"

#include <algorithm>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "store/pg_schema.h"
#include "store/pg_search.h"
#include "store/pg_util.h"
#include "store/store_testutil.h"

namespace dossier {
namespace {

using testing::Cat;
using testing::MakeArticle;

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class PgStoreTest : public testing::BackendTest {};
INSTANTIATE_TEST_SUITE_P(Backends, PgStoreTest, ::testing::Values(testing::Backend::kPostgres),
                         testing::BackendName);

TEST_P(PgStoreTest, ANewStoreHasAVersionedSchema) {
  ASSERT_NE(OpenStore(), nullptr);
  EXPECT_EQ(Admin("SELECT application FROM schema_version"), "dossier");
  EXPECT_EQ(Admin("SELECT version FROM schema_version"),
            std::to_string(store_internal::kPgSchemaVersion));
  EXPECT_EQ(Admin("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND "
                  "tablename IN ('articles', 'article_counts', 'analysed', 'analysis_state', "
                  "'entities', 'entity_variants', 'mentions', 'entity_roles', 'findings')"),
            "9");
  // Opening again migrates nothing and keeps the data.
  ASSERT_TRUE(OpenStore()->PutArticles({MakeArticle("a", "Text.")}).ok());
  std::unique_ptr<Store> again = OpenStore();
  ASSERT_NE(again, nullptr);
  EXPECT_TRUE(again->GetArticle("a").ok());
}

TEST_P(PgStoreTest, RefusesASchemaWithOtherTables) {
  ASSERT_EQ(Admin("CREATE TABLE mine (x integer)"), "");
  Result<std::unique_ptr<Store>> s = Store::Open(Location());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kInvalidInput) << s.status().ToString();
  EXPECT_TRUE(Has(s.status().message(), "not a dossier store")) << s.status().ToString();
  EXPECT_EQ(Admin("SELECT count(*) FROM mine"), "0");  // untouched
}

TEST_P(PgStoreTest, RefusesANewerSchema) {
  ASSERT_NE(OpenStore(), nullptr);
  ASSERT_EQ(Admin("UPDATE schema_version SET version = 7"), "");
  for (bool read_only : {false, true}) {
    Result<std::unique_ptr<Store>> s = Store::Open(Location(), {.read_only = read_only});
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().code(), Status::Code::kUnsupported) << s.status().ToString();
    EXPECT_TRUE(Has(s.status().message(), "v7 is newer")) << s.status().ToString();
  }
}

TEST_P(PgStoreTest, ReadOnlyCreatesNothingAndWritesNothing) {
  Result<std::unique_ptr<Store>> missing = Store::Open(Location(), {.read_only = true});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound) << missing.status().ToString();
  EXPECT_EQ(Admin("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"), "0");
  ASSERT_TRUE(OpenStore()->PutArticles({MakeArticle("a", "Text.")}).ok());
  std::unique_ptr<Store> ro = OpenStore({.read_only = true});
  ASSERT_NE(ro, nullptr);
  Result<PutOutcome> put = ro->PutArticles({MakeArticle("b", "Other.")});
  EXPECT_EQ(put.status().code(), Status::Code::kUnsupported) << put.status().ToString();
  EXPECT_TRUE(ro->GetArticle("a").ok());
}

// The mechanism, with made-up migrations: each runs once, in order, in its
// own transaction; a failing one leaves the store at the version before it.
TEST_P(PgStoreTest, MigrationsRunInOrderEachInItsOwnTransaction) {
  using store_internal::PgMigration;
  const PgMigration kGood[] = {
      {1, "CREATE TABLE a (x integer); INSERT INTO a VALUES (1)"},
      {2, "CREATE TABLE b (y integer); INSERT INTO b VALUES (2)"},
  };
  const PgMigration kBadThird[] = {
      kGood[0], kGood[1], {3, "CREATE TABLE c (z integer); SELECT no_such_function()"}};
  pqxx::connection conn(Location());
  Result<int> v = store_internal::TEST_OpenPgSchemaWith(conn, "test", false, {kGood, 1});
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(*v, 1);
  v = store_internal::TEST_OpenPgSchemaWith(conn, "test", false, kGood);  // only v2 runs
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(Admin("SELECT count(*) FROM a"), "1");
  EXPECT_EQ(Admin("SELECT y FROM b"), "2");
  v = store_internal::TEST_OpenPgSchemaWith(conn, "test", false, kBadThird);
  ASSERT_FALSE(v.ok());
  EXPECT_TRUE(Has(v.status().message(), "migrating to schema v3")) << v.status().ToString();
  EXPECT_EQ(Admin("SELECT version FROM schema_version"), "2");
  EXPECT_EQ(Admin("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND "
                  "tablename = 'c'"),
            "0");
}

// Workers write at once, with overlapping batches in different orders: each
// article is stored once, and every writer learns its id.
TEST_P(PgStoreTest, ConcurrentWritersStoreEachArticleOnce) {
  ASSERT_NE(OpenStore(), nullptr);  // creates the schema
  constexpr int kArticles = 200, kWriters = 4, kBatch = 20;
  std::vector<AnalyzedArticle> all;
  for (int i = 0; i < kArticles; ++i) {
    AnalyzedArticle a = MakeArticle(Cat("id", std::to_string(i)),
                                    Cat("Article ", std::to_string(i), " about Mosul."));
    a.article.url = Cat("https://x.org/", std::to_string(i));
    a.article.language = i % 2 ? "en" : "fr";
    all.push_back(a);
  }
  std::vector<size_t> inserted(kWriters);
  std::vector<std::string> errors(kWriters);
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      Result<std::unique_ptr<Store>> store = Store::Open(Location());
      if (!store.ok()) {
        errors[w] = store.status().ToString();
        return;
      }
      std::vector<AnalyzedArticle> mine = all;
      std::shuffle(mine.begin(), mine.end(), std::mt19937(w));
      for (size_t i = 0; i < mine.size(); i += kBatch) {
        std::vector<AnalyzedArticle> batch(mine.begin() + i, mine.begin() + i + kBatch);
        Result<PutOutcome> put = (*store)->PutArticles(batch);
        if (!put.ok()) {
          errors[w] = put.status().ToString();
          return;
        }
        inserted[w] += put->inserted_count;
        for (size_t k = 0; k < batch.size(); ++k) {
          if (put->ids[k] != batch[k].article.id) errors[w] = "wrong id for " + put->ids[k];
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& e : errors) EXPECT_EQ(e, "");
  size_t total = 0;
  for (size_t n : inserted) total += n;
  EXPECT_EQ(total, static_cast<size_t>(kArticles));
  std::unique_ptr<Store> store = OpenStore();
  Result<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, static_cast<uint64_t>(kArticles));
  EXPECT_EQ(stats->by_language["en"], static_cast<uint64_t>(kArticles / 2));
  EXPECT_EQ(Admin("SELECT count(*) FROM articles"), std::to_string(kArticles));
}

// Words past the tsvector's last position are still found.
TEST_P(PgStoreTest, AWordFarIntoALongTextIsFound) {
  std::unique_ptr<Store> store = OpenStore();
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "filler ";
  text += "Kirkuk al-Kazimi.";
  ASSERT_TRUE(store->PutArticles({MakeArticle("long", text)}).ok());
  SearchQuery q;
  q.text = "Kirkuk";
  Result<std::vector<SearchHit>> hits = store->Search(q);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ(hits->front().id, "long");
}

TEST(PgSearchTest, TsqueryLiterals) {
  struct {
    const char* text;
    std::vector<std::string> stems;
    const char* expected;
  } const kCases[] = {
      {"", {}, ""},
      {"!!! ---", {}, ""},
      {"Troops", {}, "('troops':AB)"},
      {"al-Kazimi troops", {}, "(('al':AB <-> 'kazimi':AB) & 'troops':AB)"},
      {"Président", {"présid"}, "('president':AB) | ('presid':ABC)"},
      {"l'armée \\x", {}, "(('l':AB <-> 'armee':AB) & 'x':AB)"},
      {"' OR 1=1 --", {}, "('or':AB & ('1':AB <-> '1':AB))"},
  };
  for (const auto& c : kCases) {
    SearchQuery q;
    q.text = c.text;
    q.stems = c.stems;
    EXPECT_EQ(store_internal::BuildTsquery(q), c.expected) << c.text;
  }
}

TEST(PgSearchTest, TsvectorLiterals) {
  EXPECT_EQ(store_internal::BuildTsvector("Baghdad news", "Rain in Baghdad.", "rain"),
            "'baghdad':1A,8B 'news':2A 'rain':4C,6B 'in':7B");
  EXPECT_EQ(store_internal::BuildTsvector("", "It's", ""), "'it':3B 's':4B");
  EXPECT_EQ(store_internal::BuildTsvector("", "", ""), "");
}

TEST(PgUtilTest, RedactLocation) {
  using store_internal::RedactLocation;
  EXPECT_EQ(RedactLocation("postgresql://u:pw@h:5/db"), "postgresql://u:***@h:5/db");
  EXPECT_EQ(RedactLocation("postgresql://u@h/db"), "postgresql://u@h/db");
  EXPECT_EQ(RedactLocation("postgresql://h/db?password=pw&x=1"),
            "postgresql://h/db?password=***&x=1");
  EXPECT_EQ(RedactLocation("postgresql:///db?host=/tmp"), "postgresql:///db?host=/tmp");
}

TEST(PgUtilTest, StorableText) {
  using store_internal::StorableText;
  EXPECT_EQ(StorableText("plain é"), "plain é");
  EXPECT_EQ(StorableText(std::string("a\0b", 3)), "a\uFFFDb");
  EXPECT_EQ(StorableText("x\xff"), "x\uFFFD");
}

}  // namespace
}  // namespace dossier
