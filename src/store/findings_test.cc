// Tests for the findings tables: pending order, atomic batches, state, entity look-ups
// and the entities collection of the export.
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/store_testutil.h"

namespace dossier {
namespace {

using testing::MakeArticle;

class FindingsTest : public testing::BackendTest {};
INSTANTIATE_TEST_SUITE_P(Backends, FindingsTest,
                         ::testing::Values(testing::Backend::kSqlite, testing::Backend::kPostgres),
                         testing::BackendName);

AnalyzedArticle Dated(const std::string& id, const std::string& text, const std::string& date) {
  AnalyzedArticle a = MakeArticle(id, text);
  a.article.published = date;
  return a;
}

FindingsBatch OneEntityBatch(const std::string& article, int64_t entity) {
  FindingsBatch b;
  EntityRecord e;
  e.id = entity;
  e.type = "PER";
  e.name = "Mustafa al-Kadhimi";
  e.article_count = 1;
  e.variants = {{"Mustafa al-Kadhimi", 1}, {"Kadhimi", 2}};
  b.entities.push_back(e);
  ArticleFindings f;
  f.article_id = article;
  f.mentions = {{entity, 0, 7, "short-form"}};
  f.roles = {{entity, article, "prime-minister", "head-of-government", "country:IQ", "Iraqi PM",
              "2021-01-02", 8, 16}};
  b.articles.push_back(f);
  b.states.emplace_back("resolver", std::string("\0\1binary", 8));
  return b;
}

TEST_P(FindingsTest, PendingIsDatedOldestFirstThenUndatedInStorageOrder) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_TRUE(store
                  ->PutArticles(
                      {MakeArticle("u1", "Undated one."), Dated("d2", "Dated two.", "2021-02-01"),
                       MakeArticle("u2", "Undated two."), Dated("d1", "Dated one.", "2020-12-31")})
                  .ok());
  Result<std::vector<std::string>> pending = store->PendingAnalysis();
  ASSERT_TRUE(pending.ok()) << pending.status().ToString();
  EXPECT_EQ(*pending, (std::vector<std::string>{"d1", "d2", "u1", "u2"}));
  ASSERT_TRUE(store->PutFindings(OneEntityBatch("d1", 0)).ok());
  pending = store->PendingAnalysis();
  EXPECT_EQ(*pending, (std::vector<std::string>{"d2", "u1", "u2"}));
}

TEST_P(FindingsTest, FindingsStateAndEntityRoundTrip) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_TRUE(store->PutArticles({Dated("a", "Kadhimi Iraqi PM spoke.", "2021-01-02")}).ok());
  EXPECT_EQ(*store->GetState("resolver"), "");
  ASSERT_TRUE(store->PutFindings(OneEntityBatch("a", 0)).ok());
  EXPECT_EQ(*store->GetState("resolver"), std::string("\0\1binary", 8));
  Result<std::vector<EntityRecord>> all = store->ListEntities();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].variants.size(), 2u);
  EXPECT_EQ((*all)[0].variants[0].text, "Kadhimi");  // most frequent first
  Result<EntityDetail> d = store->GetEntity(0);
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->articles.size(), 1u);
  EXPECT_EQ(d->articles[0].article_id, "a");
  EXPECT_EQ(d->articles[0].mentions, 1u);
  ASSERT_EQ(d->roles.size(), 1u);
  EXPECT_EQ(d->roles[0].country, "country:IQ");
  EXPECT_EQ(store->GetEntity(7).status().code(), Status::Code::kNotFound);
}

TEST_P(FindingsTest, MentionsOfAnArticleByPosition) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_TRUE(store->PutArticles({MakeArticle("a", "Kadhimi spoke."), MakeArticle("b", "x")}).ok());
  FindingsBatch batch = OneEntityBatch("a", 3);
  batch.articles[0].mentions.push_back({3, 8, 13, "name"});
  batch.articles[0].mentions.insert(batch.articles[0].mentions.begin(), {3, 8, 10, "role"});
  ASSERT_TRUE(store->PutFindings(batch).ok());
  Result<std::vector<MentionRecord>> m = store->ListMentions("a");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  ASSERT_EQ(m->size(), 3u);
  EXPECT_EQ((*m)[0].start, 0u);
  EXPECT_EQ((*m)[0].kind, "short-form");
  EXPECT_EQ((*m)[1].end, 10u);
  EXPECT_EQ((*m)[2].end, 13u);
  EXPECT_EQ((*m)[2].entity, 3);
  EXPECT_TRUE(store->ListMentions("b")->empty());  // not analysed
  EXPECT_EQ(store->ListMentions("ghost").status().code(), Status::Code::kNotFound);
}

TEST_P(FindingsTest, ABatchNamingAnUnknownArticleStoresNothing) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_TRUE(store->PutArticles({MakeArticle("a", "Kadhimi spoke.")}).ok());
  FindingsBatch b = OneEntityBatch("a", 0);
  ArticleFindings ghost;
  ghost.article_id = "ghost";
  b.articles.push_back(ghost);
  Status s = store->PutFindings(b);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find("ghost"), std::string::npos);
  EXPECT_TRUE(store->ListEntities()->empty());
  EXPECT_EQ(*store->GetState("resolver"), "");
  EXPECT_EQ(store->PendingAnalysis()->size(), 1u);
}

TEST_P(FindingsTest, ExportHasEntitiesWithMentionTextCutByBytes) {
  std::unique_ptr<Store> store = OpenStore();
  // Multi-byte characters before the mention: offsets are bytes.
  const std::string text = "Élysée: Kadhimi spoke.";
  ASSERT_TRUE(store->PutArticles({MakeArticle("a", text)}).ok());
  FindingsBatch b = OneEntityBatch("a", 3);
  const auto start = static_cast<uint32_t>(text.find("Kadhimi"));
  b.articles[0].mentions = {{3, start, start + 7, "short-form"}};
  ASSERT_TRUE(store->PutFindings(b).ok());
  std::ostringstream out;
  ASSERT_TRUE(store->ExportJson(out).ok());
  nlohmann::json doc = nlohmann::json::parse(out.str());
  ASSERT_EQ(doc["entities"].size(), 1u);
  const nlohmann::json& e = doc["entities"][0];
  EXPECT_EQ(e["id"], "E3");
  EXPECT_EQ(e["mentions"][0]["text"], "Kadhimi");
  EXPECT_EQ(e["mentions"][0]["kind"], "short-form");
  EXPECT_EQ(e["roles"][0]["role"], "prime-minister");
  EXPECT_EQ(e["variants"][0]["count"], 2);

  // The documented schema names exactly these properties.
  std::ifstream in(std::string(DOSSIER_SOURCE_DIR) + "/docs/export.schema.json");
  nlohmann::json schema = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(schema.is_discarded());
  auto keys = [](const nlohmann::json& object) {
    std::set<std::string> out;
    for (const auto& [key, value] : object.items()) out.insert(key);
    return out;
  };
  const nlohmann::json& defs = schema["$defs"];
  EXPECT_EQ(keys(e), keys(defs["entity"]["properties"]));
  EXPECT_EQ(keys(e), defs["entity"]["required"].get<std::set<std::string>>());
  EXPECT_EQ(keys(e["mentions"][0]), keys(defs["mention"]["properties"]));
  EXPECT_EQ(keys(e["roles"][0]),
            keys(defs["entity"]["properties"]["roles"]["items"]["properties"]));
}

TEST_P(FindingsTest, ReadOnlyStoreRefusesFindings) {
  { ASSERT_TRUE(OpenStore()->PutArticles({MakeArticle("a", "Text.")}).ok()); }
  StoreOptions ro;
  ro.read_only = true;
  std::unique_ptr<Store> store = OpenStore(ro);
  EXPECT_EQ(store->PutFindings(OneEntityBatch("a", 0)).code(), Status::Code::kUnsupported);
  EXPECT_TRUE(store->ListEntities().ok());
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

TEST_P(FindingsTest, OneFindingRowById) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_TRUE(store->PutArticles({Dated("a", "Kadhimi spoke.", "2021-01-02")}).ok());
  FindingsBatch b;
  b.rows.push_back({"events", "V1", "", R"({"id":"V1"})"});
  b.rows.push_back({"happenings", "a", "a", R"({"article":"a"})"});
  ASSERT_TRUE(store->PutFindings(b).ok());
  Result<FindingRow> row = store->GetFinding("happenings", "a");
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  EXPECT_EQ(row->article_id, "a");
  EXPECT_EQ(row->json, R"({"article":"a"})");
  EXPECT_EQ(store->GetFinding("events", "V1")->json, R"({"id":"V1"})");
  EXPECT_EQ(store->GetFinding("events", "V2").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(store->GetFinding("storylines", "V1").status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace dossier
