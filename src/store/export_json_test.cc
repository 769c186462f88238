// Tests for Store::ExportJson: the document parses back, has every
// collection, writes null for unknown fields, orders articles by date, stays
// valid with bad bytes, and streams.
#include "store/export_json.h"

#include <fstream>
#include <set>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "store/store.h"
#include "store/store_testutil.h"

namespace dossier {
namespace {

using testing::Cat;
using testing::MakeArticle;
using testing::StoreTest;

// The export on each backend.
class ExportTest : public testing::BackendTest {};

INSTANTIATE_TEST_SUITE_P(Backends, ExportTest,
                         ::testing::Values(testing::Backend::kSqlite, testing::Backend::kPostgres),
                         testing::BackendName);

nlohmann::json Export(Store& store) {
  std::ostringstream out;
  Status s = store.ExportJson(out);
  EXPECT_TRUE(s.ok()) << s.ToString();
  nlohmann::json doc = nlohmann::json::parse(out.str(), nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(doc.is_discarded()) << out.str().substr(0, 2000);
  return doc;
}

TEST_P(ExportTest, ExportOfAnEmptyStoreHasEveryCollection) {
  std::unique_ptr<Store> store = OpenStore();
  nlohmann::json doc = Export(*store);
  ASSERT_TRUE(doc.is_object());
  EXPECT_EQ(doc["dossier_export_version"], 1);
  EXPECT_EQ(doc["generated_by"], "dossier");
  for (const char* name :
       {"articles", "entities", "quotes", "figures", "conflicts", "events", "storylines"}) {
    ASSERT_TRUE(doc.contains(name)) << name;
    EXPECT_TRUE(doc[name].is_array()) << name;
    EXPECT_TRUE(doc[name].empty()) << name;
  }
  EXPECT_EQ(doc.size(), 9u);
}

TEST_P(ExportTest, ExportWritesArticlesWithNullsInDateOrder) {
  std::unique_ptr<Store> store = OpenStore();
  AnalyzedArticle full = MakeArticle("full", "Line \"one\".\n\nÉté à Bagdad\t\\ \u2028.");
  Article& a = full.article;
  a.path = "in.jsonl";
  a.locator = "line 2";
  a.url = "https://example.org/x";
  a.title = "Titre";
  a.author = "A. Author";
  a.outlet = "Belga";
  a.dateline = "BAGDAD";
  a.published = "2021-07-22";
  a.language = "fr";
  a.language_confidence = 0.5;
  a.mixed_language = true;
  full.sentence_count = 2;
  full.token_count = 7;
  AnalyzedArticle bare = MakeArticle("bare", "Just text.");
  AnalyzedArticle older = MakeArticle("older", "Older text.");
  older.article.published = "2020";
  AnalyzedArticle same_day = MakeArticle("same-day", "Stored later, same day.");
  same_day.article.published = "2021-07-22";
  ASSERT_TRUE(store->PutArticles({bare, full, older, same_day}).ok());

  nlohmann::json doc = Export(*store);
  const nlohmann::json& articles = doc["articles"];
  ASSERT_EQ(articles.size(), 4u);
  std::vector<std::string> order;
  for (const auto& x : articles) order.push_back(x["id"]);
  EXPECT_EQ(order, (std::vector<std::string>{"older", "full", "same-day", "bare"}));

  const nlohmann::json& f = articles[1];
  EXPECT_EQ(f["text"], a.text);
  EXPECT_EQ(f["url"], a.url);
  EXPECT_EQ(f["title"], "Titre");
  EXPECT_EQ(f["outlet"], "Belga");
  EXPECT_EQ(f["author"], "A. Author");
  EXPECT_EQ(f["published"], "2021-07-22");
  EXPECT_EQ(f["language"], "fr");
  EXPECT_EQ(f["language_confidence"], 0.5);
  EXPECT_EQ(f["mixed_language"], true);
  EXPECT_EQ(f["dateline"], "BAGDAD");
  EXPECT_EQ(f["path"], "in.jsonl");
  EXPECT_EQ(f["locator"], "line 2");
  EXPECT_EQ(f["sentence_count"], 2);
  EXPECT_EQ(f["token_count"], 7);
  EXPECT_EQ(f.size(), 15u);

  const nlohmann::json& b = articles[3];
  for (const char* field : {"url", "title", "outlet", "author", "published", "language", "dateline",
                            "path", "locator"}) {
    ASSERT_TRUE(b.contains(field)) << field;
    EXPECT_TRUE(b[field].is_null()) << field;
  }
  EXPECT_EQ(b["mixed_language"], false);
  EXPECT_EQ(b["text"], "Just text.");
}

// The CLI exports through a read-only store.
TEST_P(ExportTest, ExportFromAReadOnlyStore) {
  ASSERT_TRUE(
      OpenStore()->PutArticles({MakeArticle("a", "Text."), MakeArticle("b", "More.")}).ok());
  std::unique_ptr<Store> store = OpenStore({.read_only = true});
  ASSERT_NE(store, nullptr);
  nlohmann::json doc = Export(*store);
  EXPECT_EQ(doc["articles"].size(), 2u);
}

TEST_P(ExportTest, ExportReplacesIllFormedUtf8) {
  std::unique_ptr<Store> store = OpenStore();
  AnalyzedArticle bad = MakeArticle("bad", std::string("Broken \xff\xfe bytes \xc3."));
  bad.article.title = "T\xe2\x80";
  ASSERT_TRUE(store->PutArticles({bad}).ok());
  nlohmann::json doc = Export(*store);
  ASSERT_EQ(doc["articles"].size(), 1u);
  EXPECT_EQ(doc["articles"][0]["text"], "Broken \uFFFD\uFFFD bytes \uFFFD.");
  EXPECT_EQ(doc["articles"][0]["title"], "T\uFFFD");
}

// docs/export.schema.json and the export agree on which properties exist.
TEST_P(ExportTest, ExportMatchesTheDocumentedSchema) {
  std::ifstream in(std::string(DOSSIER_SOURCE_DIR) + "/docs/export.schema.json");
  ASSERT_TRUE(in.good());
  nlohmann::json schema = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(schema.is_discarded());
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_TRUE(store->PutArticles({MakeArticle("a", "Text.")}).ok());
  nlohmann::json doc = Export(*store);

  auto keys = [](const nlohmann::json& object) {
    std::set<std::string> out;
    for (const auto& [key, value] : object.items()) out.insert(key);
    return out;
  };
  auto required = [](const nlohmann::json& object) {
    return object["required"].get<std::set<std::string>>();
  };
  EXPECT_EQ(keys(doc), required(schema));
  EXPECT_EQ(keys(doc), keys(schema["properties"]));
  EXPECT_EQ(keys(doc["articles"][0]), required(schema["$defs"]["article"]));
  EXPECT_EQ(keys(doc["articles"][0]), keys(schema["$defs"]["article"]["properties"]));
  EXPECT_EQ(schema["properties"]["dossier_export_version"]["const"], doc["dossier_export_version"]);
}

// Counts what it is given and keeps only the tail, so the test holds little
// memory however big the export is.
class CountingBuf : public std::streambuf {
 public:
  size_t bytes = 0;
  size_t lines = 0;
  std::string tail;

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    for (std::streamsize i = 0; i < n; ++i) Add(s[i]);
    return n;
  }
  int_type overflow(int_type c) override {
    if (c != traits_type::eof()) Add(static_cast<char>(c));
    return c;
  }

 private:
  void Add(char c) {
    ++bytes;
    lines += c == '\n';
    tail.push_back(c);
    if (tail.size() > 4096) tail.erase(0, 2048);
  }
};

TEST_P(ExportTest, ExportStreamsManyArticles) {
  std::unique_ptr<Store> store = OpenStore();
  constexpr int kArticles = 20000;
  std::vector<AnalyzedArticle> batch;
  for (int i = 0; i < kArticles; ++i) {
    AnalyzedArticle a =
        MakeArticle(Cat("n", std::to_string(i)), Cat("Small article ", std::to_string(i)));
    if (i % 3 == 0) a.article.published = Cat("2021-01-", std::to_string(10 + i % 20));
    batch.push_back(std::move(a));
    if (batch.size() == 1000) {
      ASSERT_TRUE(store->PutArticles(batch).ok());
      batch.clear();
    }
  }
  CountingBuf buf;
  std::ostream out(&buf);
  ASSERT_TRUE(store->ExportJson(out).ok());
  EXPECT_EQ(buf.lines, static_cast<size_t>(kArticles) + 2);  // one article per line
  EXPECT_GT(buf.bytes, static_cast<size_t>(kArticles) * 100);
  const std::string end =
      "\n],\"entities\":[],\"quotes\":[],\"figures\":[],\"conflicts\":[],"
      "\"events\":[],\"storylines\":[]}\n";
  ASSERT_GE(buf.tail.size(), end.size());
  EXPECT_EQ(buf.tail.substr(buf.tail.size() - end.size()), end);

  // And the whole thing parses.
  std::ostringstream full;
  ASSERT_TRUE(store->ExportJson(full).ok());
  nlohmann::json doc = nlohmann::json::parse(full.str());
  EXPECT_EQ(doc["articles"].size(), static_cast<size_t>(kArticles));
}

// SQLite walks an index for each export query instead of sorting the table
// in a temporary B-tree, which would hold every row before the first write.
TEST_F(StoreTest, ExportQueriesDoNotSort) {
  OpenStore();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(Path().c_str(), &db), SQLITE_OK);
  for (const std::string& sql : store_internal::TEST_ExportQueries()) {
    sqlite3_stmt* st = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, ("EXPLAIN QUERY PLAN " + sql).c_str(), -1, &st, nullptr),
              SQLITE_OK)
        << sqlite3_errmsg(db);
    std::string plan;
    while (sqlite3_step(st) == SQLITE_ROW) {
      plan += reinterpret_cast<const char*>(sqlite3_column_text(st, 3));
      plan += "; ";
    }
    sqlite3_finalize(st);
    EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << sql << "\n" << plan;
  }
  sqlite3_close(db);
}

// A failing stream is an error, not a silent truncation.
TEST_P(ExportTest, ExportReportsAFailingStream) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_TRUE(store->PutArticles({MakeArticle("a", "Text.")}).ok());
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  Status s = store->ExportJson(out);
  EXPECT_EQ(s.code(), Status::Code::kIOError) << s.ToString();
  // The store is still usable: the read transaction ended.
  EXPECT_TRUE(store->PutArticles({MakeArticle("b", "More text.")}).ok());
}

}  // namespace
}  // namespace dossier
