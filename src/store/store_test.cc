// Tests for store/store.h: opening, migrations and refusals of the SQLite
// backend on real files in a temporary directory; and, on both backends
// (StoreContractTest), storing (dedupe, atomicity), reading back and stats.
#include "store/store.h"

#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "store/pg_schema.h"
#include "store/schema.h"
#include "store/sqlite_util.h"
#include "store/store_testutil.h"

namespace dossier {
namespace {

using testing::Cat;
using testing::MakeArticle;
using testing::StoreTest;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The tests of the Store contract, on each backend.
class StoreContractTest : public testing::BackendTest {};

INSTANTIATE_TEST_SUITE_P(Backends, StoreContractTest,
                         ::testing::Values(testing::Backend::kSqlite, testing::Backend::kPostgres),
                         testing::BackendName);

TEST(DisplayLocationTest, HidesPostgresPasswordsOnly) {
  EXPECT_EQ(DisplayLocation("postgresql://ann:s3cret@db.example:5432/news"),
            "postgresql://ann:***@db.example:5432/news");
  EXPECT_EQ(DisplayLocation("postgres://db/news?user=ann&password=s3cret&sslmode=require"),
            "postgres://db/news?user=ann&password=***&sslmode=require");
  EXPECT_EQ(DisplayLocation("postgresql://ann@db/news"), "postgresql://ann@db/news");
  // A file path is shown as it is, whatever it holds.
  EXPECT_EQ(DisplayLocation("/data/a:b@c/password=x.db"), "/data/a:b@c/password=x.db");
}

TEST_F(StoreTest, OpenCreatesAndMigratesAnEmptyFile) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  Result<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->schema_version, store_internal::kSchemaVersion);
  EXPECT_EQ(stats->articles, 0u);
  EXPECT_EQ(RawQuery("PRAGMA user_version"), std::to_string(store_internal::kSchemaVersion));
  EXPECT_EQ(RawQuery("PRAGMA application_id"), std::to_string(store_internal::kApplicationId));
  EXPECT_EQ(RawQuery("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(RawQuery("SELECT count(*) FROM sqlite_master WHERE name IN "
                     "('articles', 'articles_fts', 'article_counts')"),
            "3");
}

// Settings for bulk ingest (schema.cc, sqlite_store.cc): large pages for a
// new store, and the full-text index's pending-terms memory and leaf size.
TEST_F(StoreTest, ANewStoreHasLargePagesAndIndexSettings) {
  ASSERT_NE(OpenStore(), nullptr);
  EXPECT_EQ(RawQuery("PRAGMA page_size"), "16384");
  EXPECT_EQ(RawQuery("SELECT v FROM articles_fts_config WHERE k = 'hashsize'"), "134217728");
  EXPECT_EQ(RawQuery("SELECT v FROM articles_fts_config WHERE k = 'pgsz'"), "16200");
}

// A store written by a v1 binary (4 KiB pages) migrates to v2 in place: it
// keeps its pages and its articles, its index leaves keep fitting a page,
// and search finds old and new articles alike.
TEST_F(StoreTest, AVersionOneStoreMigratesAndKeepsItsPages) {
  using store_internal::Database;
  {
    Result<Database> db = Database::Open(Path(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    Result<int> v = store_internal::TEST_OpenSchemaWith(*db, Path(), false,
                                                        store_internal::TEST_Migrations().first(1));
    ASSERT_TRUE(v.ok()) << v.status().ToString();
    ASSERT_EQ(*v, 1);
    ASSERT_TRUE(db->Exec("INSERT INTO articles (id, content_hash, text, stems) "
                         "VALUES ('old', 1, 'Old troops left.', 'troop');"
                         "INSERT INTO articles_fts (rowid, title, text, stems) "
                         "SELECT rowid, title, text, stems FROM articles;")
                    .ok());
  }
  EXPECT_EQ(RawQuery("PRAGMA page_size"), "4096");
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(RawQuery("PRAGMA user_version"), std::to_string(store_internal::kSchemaVersion));
  EXPECT_EQ(RawQuery("PRAGMA page_size"), "4096");
  EXPECT_EQ(RawQuery("SELECT v FROM articles_fts_config WHERE k = 'pgsz'"), "4050");
  AnalyzedArticle fresh = MakeArticle("new", "New troops arrived.");
  fresh.stems = "troop arriv";
  ASSERT_TRUE(store->PutArticles({fresh}).ok());
  SearchQuery q;
  q.text = "troop";
  q.stems = {"troop"};
  Result<std::vector<SearchHit>> hits = store->Search(q);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_EQ(hits->size(), 2u);
  EXPECT_EQ(RawQuery("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')"), "");
}

TEST_F(StoreTest, ReopeningKeepsDataAndDoesNotMigrateAgain) {
  {
    std::unique_ptr<Store> store = OpenStore();
    ASSERT_TRUE(store->PutArticles({MakeArticle("a1", "Some text.")}).ok());
  }
  const std::string objects = RawQuery("SELECT count(*) FROM sqlite_master");
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  Result<Article> a = store->GetArticle("a1");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->text, "Some text.");
  EXPECT_EQ(RawQuery("SELECT count(*) FROM sqlite_master"), objects);
}

TEST_P(StoreContractTest, ReadOnly) {
  Result<std::unique_ptr<Store>> missing = Store::Open(Location(), {.read_only = true});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound) << missing.status().ToString();
  EXPECT_TRUE(Contains(missing.status().message(), Location()));
  OpenStore()->PutArticles({MakeArticle("a1", "Text.")}).status();

  std::unique_ptr<Store> store = OpenStore({.read_only = true});
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(store->GetArticle("a1").ok());
  Result<PutOutcome> put = store->PutArticles({MakeArticle("a2", "Other text.")});
  EXPECT_FALSE(put.ok());
  EXPECT_FALSE(store->GetArticle("a2").ok());
}

// The mechanism, with made-up migrations: each runs once, in order, in its
// own transaction; a failing one leaves the store at the version before it.
TEST_F(StoreTest, MigrationsRunInOrderEachInItsOwnTransaction) {
  using store_internal::Database;
  using store_internal::Migration;
  using store_internal::TEST_OpenSchemaWith;
  const Migration kGood[] = {
      {1, "CREATE TABLE a(x); INSERT INTO a VALUES (1);"},
      {2, "CREATE TABLE b(y); INSERT INTO b SELECT x + 1 FROM a;"},
  };
  const Migration kBadThird[] = {
      kGood[0],
      kGood[1],
      {3, "CREATE TABLE c(z); INSERT INTO nowhere VALUES (1);"},
  };
  auto open = [&]() {
    Result<Database> db = Database::Open(Path(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return std::move(*db);
  };
  {
    Database db = open();
    Result<int> v = TEST_OpenSchemaWith(db, Path(), false, {kGood, 1});
    ASSERT_TRUE(v.ok()) << v.status().ToString();
    EXPECT_EQ(*v, 1);
  }
  EXPECT_EQ(RawQuery("PRAGMA user_version"), "1");
  {
    Database db = open();
    Result<int> v = TEST_OpenSchemaWith(db, Path(), false, kGood);  // only v2 runs
    ASSERT_TRUE(v.ok()) << v.status().ToString();
    EXPECT_EQ(*v, 2);
  }
  EXPECT_EQ(RawQuery("SELECT count(*) FROM a"), "1");
  EXPECT_EQ(RawQuery("SELECT y FROM b"), "2");
  {
    Database db = open();
    Result<int> v = TEST_OpenSchemaWith(db, Path(), false, kBadThird);
    ASSERT_FALSE(v.ok());
    EXPECT_TRUE(Contains(v.status().message(), "migrating to schema v3")) << v.status().ToString();
    EXPECT_TRUE(Contains(v.status().message(), "nowhere")) << v.status().ToString();
  }
  EXPECT_EQ(RawQuery("PRAGMA user_version"), "2");
  EXPECT_EQ(RawQuery("SELECT count(*) FROM sqlite_master WHERE name = 'c'"), "0");
  {
    Database db = open();  // an older binary refuses the v2 store
    Result<int> v = TEST_OpenSchemaWith(db, Path(), false, {kGood, 1});
    ASSERT_FALSE(v.ok());
    EXPECT_TRUE(Contains(v.status().message(), "store schema v2 is newer than this dossier (v1)"))
        << v.status().ToString();
  }
}

TEST_F(StoreTest, RefusesANewerSchema) {
  OpenStore();
  EXPECT_EQ(RawQuery("PRAGMA user_version = 7"), "");
  Result<std::unique_ptr<Store>> s = Store::Open(Path());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kUnsupported);
  EXPECT_TRUE(Contains(s.status().message(), "store schema v7 is newer than this dossier (v" +
                                                 std::to_string(store_internal::kSchemaVersion) +
                                                 ")"))
      << s.status().ToString();
  EXPECT_FALSE(Store::Open(Path(), {.read_only = true}).ok());
}

TEST_F(StoreTest, RefusesAFileThatIsNotSqlite) {
  std::ofstream(Path()) << "This is a text file, long enough to fill a SQLite header or more.\n";
  Result<std::unique_ptr<Store>> s = Store::Open(Path());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kInvalidInput);
  EXPECT_TRUE(Contains(s.status().message(), Path())) << s.status().ToString();
  EXPECT_TRUE(Contains(s.status().message(), "not a SQLite database")) << s.status().ToString();
  // The file is left alone.
  std::ifstream in(Path());
  std::string first_line;
  std::getline(in, first_line);
  EXPECT_EQ(first_line.substr(0, 9), "This is a");
}

TEST_F(StoreTest, RefusesAnotherApplicationsDatabase) {
  EXPECT_EQ(RawQuery("CREATE TABLE mine(x)"), "");
  Result<std::unique_ptr<Store>> s = Store::Open(Path());
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(Contains(s.status().message(), "not a dossier store")) << s.status().ToString();

  std::filesystem::remove(Path());
  EXPECT_EQ(RawQuery("PRAGMA application_id = 1234"), "");
  s = Store::Open(Path());
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(Contains(s.status().message(), "another application")) << s.status().ToString();
}

// A PostgreSQL URL opens the PostgreSQL backend: nothing listens on port 1,
// and the error says so without the password.
TEST_F(StoreTest, AnUnreachableServerIsAnIOError) {
  for (const char* location : {"postgresql://u:secret@127.0.0.1:1/dossier?connect_timeout=5",
                               "postgres://u:secret@127.0.0.1:1/db?connect_timeout=5"}) {
    Result<std::unique_ptr<Store>> s = Store::Open(location);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().code(), Status::Code::kIOError) << s.status().ToString();
    EXPECT_FALSE(Contains(s.status().message(), "secret")) << s.status().ToString();
    EXPECT_TRUE(Contains(s.status().message(), "127.0.0.1:1")) << s.status().ToString();
  }
  EXPECT_FALSE(Store::Open("").ok());
}

TEST_P(StoreContractTest, PutAndGetRoundTripEveryField) {
  std::unique_ptr<Store> store = OpenStore();
  AnalyzedArticle in = MakeArticle("fr-1", "Le président a parlé.\n\nDeuxième paragraphe.");
  Article& a = in.article;
  a.path = "in/a.jsonl";
  a.locator = "line 3";
  a.url = "https://example.org/a";
  a.title = "Un titre";
  a.author = "Jeanne Dupont";
  a.outlet = "Belga";
  a.dateline = "BAGDAD";
  a.published = "2021-07-22T09:30:00Z";
  a.language = "fr";
  a.language_confidence = 0.97;
  a.mixed_language = true;
  a.content_hash = 0xfedcba9876543210ULL;  // high bit set: stored as a negative int64
  Result<PutOutcome> put = store->PutArticles({in});
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  EXPECT_EQ(put->ids, std::vector<std::string>{"fr-1"});
  EXPECT_EQ(put->inserted, std::vector<bool>{true});

  Result<Article> out = store->GetArticle("fr-1");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->id, a.id);
  EXPECT_EQ(out->path, a.path);
  EXPECT_EQ(out->locator, a.locator);
  EXPECT_EQ(out->url, a.url);
  EXPECT_EQ(out->title, a.title);
  EXPECT_EQ(out->author, a.author);
  EXPECT_EQ(out->outlet, a.outlet);
  EXPECT_EQ(out->dateline, a.dateline);
  EXPECT_EQ(out->published, a.published);
  EXPECT_EQ(out->language, a.language);
  EXPECT_DOUBLE_EQ(out->language_confidence, a.language_confidence);
  EXPECT_EQ(out->mixed_language, a.mixed_language);
  EXPECT_EQ(out->text, a.text);
  EXPECT_EQ(out->content_hash, a.content_hash);

  Result<Article> missing = store->GetArticle("nope");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
}

TEST_P(StoreContractTest, DuplicatesWithinABatchAndAcrossBatches) {
  std::unique_ptr<Store> store = OpenStore();
  AnalyzedArticle a = MakeArticle("a", "Text A.");
  a.article.url = "https://x.org/a";
  AnalyzedArticle b = MakeArticle("b", "Text B.");  // no url: never a url duplicate
  AnalyzedArticle same_id = MakeArticle("a", "Another text.");
  AnalyzedArticle same_url = MakeArticle("c", "Text C.");
  same_url.article.url = "https://x.org/a";
  AnalyzedArticle same_text = MakeArticle("d", "Text B.");
  AnalyzedArticle fresh = MakeArticle("e", "Text E.");

  Result<PutOutcome> first = store->PutArticles({a, b, same_id, same_url, same_text, fresh});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->ids, (std::vector<std::string>{"a", "b", "a", "a", "b", "e"}));
  EXPECT_EQ(first->inserted, (std::vector<bool>{true, true, false, false, false, true}));
  EXPECT_EQ(first->inserted_count, 3u);
  EXPECT_EQ(first->duplicate_count, 3u);

  AnalyzedArticle later_url = MakeArticle("f", "Text F.");
  later_url.article.url = "https://x.org/a";
  AnalyzedArticle later_text = MakeArticle("g", "Text E.");
  AnalyzedArticle no_url = MakeArticle("h", "Text H.");  // two articles without url are fine
  Result<PutOutcome> second = store->PutArticles({b, later_url, later_text, no_url});
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->ids, (std::vector<std::string>{"b", "a", "e", "h"}));
  EXPECT_EQ(second->inserted, (std::vector<bool>{false, false, false, true}));

  EXPECT_EQ(store->Stats()->articles, 4u);
  EXPECT_EQ(store->GetArticle("a")->text, "Text A.");  // the first one stays
  EXPECT_FALSE(store->GetArticle("c").ok());
}

TEST_P(StoreContractTest, ABatchIsStoredWhollyOrNotAtAll) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_TRUE(store->PutArticles({MakeArticle("before", "Stored before.")}).ok());
  std::vector<AnalyzedArticle> batch = {MakeArticle("one", "First."), MakeArticle("two", "Second."),
                                        MakeArticle("bad", "")};  // empty text: CHECK fails
  batch[2].article.content_hash = 12345;
  Result<PutOutcome> put = store->PutArticles(batch);
  ASSERT_FALSE(put.ok());
  EXPECT_TRUE(Contains(put.status().message(), "bad")) << put.status().ToString();
  EXPECT_EQ(put.status().code(), Status::Code::kInvalidInput) << put.status().ToString();
  EXPECT_FALSE(store->GetArticle("one").ok());
  EXPECT_FALSE(store->GetArticle("two").ok());
  EXPECT_EQ(store->Stats()->articles, 1u);
  SearchQuery q;
  q.text = "First";
  EXPECT_TRUE(store->Search(q)->empty());

  // An empty id fails the same way; the store is usable afterwards.
  batch[2] = MakeArticle("", "Has text but no id.");
  EXPECT_FALSE(store->PutArticles(batch).ok());
  batch.pop_back();
  Result<PutOutcome> retry = store->PutArticles(batch);
  ASSERT_TRUE(retry.ok()) << retry.status().ToString();
  EXPECT_EQ(retry->inserted_count, 2u);
  EXPECT_EQ(store->Stats()->articles, 3u);
  if (!IsPostgres()) {
    EXPECT_EQ(RawQuery("PRAGMA integrity_check"), "ok");
  }
}

TEST_P(StoreContractTest, EmptyBatchIsANoOp) {
  std::unique_ptr<Store> store = OpenStore();
  Result<PutOutcome> put = store->PutArticles({});
  ASSERT_TRUE(put.ok());
  EXPECT_TRUE(put->ids.empty());
}

TEST_P(StoreContractTest, Stats) {
  std::unique_ptr<Store> store = OpenStore();
  std::vector<AnalyzedArticle> batch;
  struct {
    const char* id;
    const char* language;
    const char* outlet;
    const char* published;
    const char* text;
  } kArticles[] = {
      {"1", "en", "Rudaw", "2020-11-16", "One two three."},
      {"2", "en", "Sputnik", "2021-08", "Four five."},
      {"3", "fr", "Belga", "2021-07-22T09:30:00Z", "Six sept huit neuf."},
      {"4", "", "", "", "Ten."},
      {"5", "fr", "Belga", "2020", "Onze."},
  };
  for (const auto& k : kArticles) {
    AnalyzedArticle a = MakeArticle(k.id, k.text);
    a.article.language = k.language;
    a.article.outlet = k.outlet;
    a.article.published = k.published;
    a.sentence_count = 2;
    batch.push_back(a);
  }
  ASSERT_TRUE(store->PutArticles(batch).ok());
  Result<StoreStats> s = store->Stats();
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->articles, 5u);
  EXPECT_EQ(s->sentences, 10u);
  EXPECT_EQ(s->tokens, 3u + 2u + 4u + 1u + 1u);
  size_t bytes = 0;
  for (const auto& k : kArticles) bytes += std::string(k.text).size();
  EXPECT_EQ(s->text_bytes, bytes);
  EXPECT_EQ(s->by_language, (std::map<std::string, uint64_t>{{"", 1}, {"en", 2}, {"fr", 2}}));
  EXPECT_EQ(s->by_outlet,
            (std::map<std::string, uint64_t>{{"", 1}, {"Belga", 2}, {"Rudaw", 1}, {"Sputnik", 1}}));
  EXPECT_EQ(s->earliest_published, "2020");
  EXPECT_EQ(s->latest_published, "2021-08");
  EXPECT_EQ(s->schema_version,
            IsPostgres() ? store_internal::kPgSchemaVersion : store_internal::kSchemaVersion);
}

// The triggers keep the index and the counters right whatever changes the
// articles table, and the database stays consistent.
TEST_F(StoreTest, IntegrityAfterInsertsUpdatesAndDeletes) {
  std::unique_ptr<Store> store = OpenStore();
  std::vector<AnalyzedArticle> batch;
  for (int i = 0; i < 50; ++i) {
    AnalyzedArticle a = MakeArticle(Cat("id", std::to_string(i)),
                                    Cat("Article number ", std::to_string(i), " about Baghdad."));
    a.article.language = i % 2 ? "en" : "fr";
    batch.push_back(a);
  }
  ASSERT_TRUE(store->PutArticles(batch).ok());
  EXPECT_EQ(RawQuery("DELETE FROM articles WHERE id = 'id7'"), "");
  EXPECT_EQ(RawQuery("UPDATE articles SET text = 'Changed to Mosul.', language = 'de' "
                     "WHERE id = 'id8'"),
            "");
  Result<StoreStats> s = store->Stats();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->articles, 49u);
  EXPECT_EQ(s->by_language["en"], 24u);
  EXPECT_EQ(s->by_language["fr"], 24u);
  EXPECT_EQ(s->by_language["de"], 1u);
  SearchQuery q;
  q.text = "Baghdad";
  q.limit = 100;
  EXPECT_EQ(store->Search(q)->size(), 48u);
  q.text = "Mosul";
  ASSERT_EQ(store->Search(q)->size(), 1u);
  EXPECT_EQ(store->Search(q)->front().id, "id8");

  EXPECT_EQ(RawQuery("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(RawQuery("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"),
            "");
  EXPECT_EQ(RawQuery("PRAGMA foreign_key_check"), "");
}

// Two stores on one file, as two processes would have.
TEST_P(StoreContractTest, TwoConnectionsSeeEachOthersBatches) {
  std::unique_ptr<Store> writer = OpenStore();
  std::unique_ptr<Store> other = OpenStore();
  ASSERT_TRUE(writer->PutArticles({MakeArticle("w1", "From the writer.")}).ok());
  EXPECT_TRUE(other->GetArticle("w1").ok());
  Result<PutOutcome> dup = other->PutArticles({MakeArticle("w1", "From the writer.")});
  ASSERT_TRUE(dup.ok());
  EXPECT_EQ(dup->duplicate_count, 1u);
}

}  // namespace
}  // namespace dossier
