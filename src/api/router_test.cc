// Tests for api/: the router on a real SQLite store holding the samples,
// ingested and analysed through the engine; cursors and date ranges.
#include "api/router.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "api/cursor.h"
#include "api/params.h"
#include "engine/analysis_pass.h"
#include "engine/ingest_pipeline.h"
#include "entities/identity_resources.h"

namespace dossier::api {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string kSamples = std::string(DOSSIER_SOURCE_DIR) + "/samples";

class RouterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::path(::testing::TempDir()) /
                        ("api_router_test." + std::to_string(getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    Result<std::unique_ptr<Store>> store = Store::Open((*dir_ / "test.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = store->release();
    IngestPipeline pipeline(store_, PipelineOptions{}, nullptr);
    Result<IngestReport> ingest = pipeline.Run({kSamples});
    ASSERT_TRUE(ingest.ok()) << ingest.status().ToString();
    ASSERT_EQ(ingest->stored, 5u);
    Result<std::unique_ptr<AnalysisPass>> pass = AnalysisPass::Create(store_);
    ASSERT_TRUE(pass.ok()) << pass.status().ToString();
    Result<AnalysisReport> report = (*pass)->Run();
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    Result<std::unique_ptr<const identity::IdentityResources>> resources =
        identity::IdentityResources::Load();
    ASSERT_TRUE(resources.ok()) << resources.status().ToString();
    resources_ = resources->release();
    analyzer_ = new ArticleAnalyzer();
  }
  static void TearDownTestSuite() {
    delete analyzer_;
    delete resources_;
    delete store_;
    fs::remove_all(*dir_);
    delete dir_;
  }

  // "%20" is " "; a '%' not followed by two hex digits stays as it is.
  static std::string Unescape(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
          std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
        out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
        i += 2;
      } else {
        out += s[i];
      }
    }
    return out;
  }

  // A request for `target` ("/api/search?q=x&limit=2"), as the server
  // would decode it.
  ApiResponse Get(const std::string& target, const std::string& method = "GET") {
    ApiRequest request;
    request.method = method;
    const size_t q = target.find('?');
    request.path = Unescape(target.substr(0, q));
    if (q != std::string::npos) {
      std::string rest = target.substr(q + 1);
      size_t at = 0;
      while (at <= rest.size()) {
        size_t amp = rest.find('&', at);
        if (amp == std::string::npos) amp = rest.size();
        const std::string pair = rest.substr(at, amp - at);
        const size_t eq = pair.find('=');
        request.params.emplace(Unescape(pair.substr(0, eq)),
                               eq == std::string::npos ? "" : Unescape(pair.substr(eq + 1)));
        at = amp + 1;
      }
    }
    return Call(request);
  }
  ApiResponse Call(const ApiRequest& request) {
    Router router(&resources_->matcher());
    ApiSession session{store_, analyzer_};
    return router.Handle(request, session);
  }
  json GetJson(const std::string& target) {
    ApiResponse r = Get(target);
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
    EXPECT_EQ(r.content_type, "application/json");
    return json::parse(r.body);
  }
  // Every item of a paged list, following next_cursor; fails on a repeat.
  std::vector<json> Walk(const std::string& target, const std::string& key = "id") {
    std::vector<json> all;
    std::set<std::string> seen;
    std::string cursor;
    for (int page = 0; page < 1000; ++page) {
      const std::string sep = target.find('?') == std::string::npos ? "?" : "&";
      json j = GetJson(target + (cursor.empty() ? "" : sep + "cursor=" + cursor));
      for (const json& item : j["items"]) {
        EXPECT_TRUE(seen.insert(item[key].get<std::string>()).second) << "twice: " << item[key];
        all.push_back(item);
      }
      if (j["next_cursor"].is_null()) return all;
      cursor = j["next_cursor"].get<std::string>();
    }
    ADD_FAILURE() << "no end to " << target;
    return all;
  }
  void ExpectError(const std::string& target, int status, const std::string& method = "GET") {
    ApiResponse r = Get(target, method);
    EXPECT_EQ(r.status, status) << method << " " << target << ": " << r.body;
    json j = json::parse(r.body, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r.body;
    EXPECT_EQ(j["error"]["code"], status) << r.body;
    EXPECT_TRUE(j["error"]["message"].is_string() && !j["error"]["message"].empty()) << r.body;
  }

  static fs::path* dir_;
  static Store* store_;
  static const identity::IdentityResources* resources_;
  static ArticleAnalyzer* analyzer_;
};

fs::path* RouterTest::dir_ = nullptr;
Store* RouterTest::store_ = nullptr;
const identity::IdentityResources* RouterTest::resources_ = nullptr;
ArticleAnalyzer* RouterTest::analyzer_ = nullptr;

TEST_F(RouterTest, StatsAreTheStoreStats) {
  json j = GetJson("/api/stats");
  Result<StoreStats> stats = store_->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(j["articles"], 5);
  EXPECT_EQ(j["analysed"], 5);
  EXPECT_EQ(j["by_language"]["en"], 4);
  EXPECT_EQ(j["by_language"]["fr"], 1);
  EXPECT_EQ(j["entities"], stats->entities);
  EXPECT_EQ(j["sentences"], stats->sentences);
  EXPECT_EQ(j["latest_published"], stats->latest_published);
}

TEST_F(RouterTest, SearchFindsStemsAndEveryHitIsAnArticle) {
  json j = GetJson("/api/search?q=troop");
  ASSERT_FALSE(j["items"].empty());
  for (const json& hit : j["items"]) {
    json a = GetJson("/api/articles/" + hit["id"].get<std::string>());
    EXPECT_EQ(a["id"], hit["id"]);
    EXPECT_EQ(a["title"], hit["title"]);
    EXPECT_FALSE(a["text"].get<std::string>().empty());
    EXPECT_FALSE(a.contains("path")) << "the ingest machine's paths stay private";
  }
  // "troops" finds what "troop" finds: stems match.
  EXPECT_EQ(GetJson("/api/search?q=troops")["items"].size(), j["items"].size());
}

TEST_F(RouterTest, SearchFiltersKeepOnlyMatchingHits) {
  const std::vector<json> all = Walk("/api/search?q=Iraq&limit=200");
  ASSERT_GE(all.size(), 3u);
  std::set<std::string> languages, outlets;
  for (const json& h : all) {
    languages.insert(h["language"].get<std::string>());
    outlets.insert(h["outlet"].get<std::string>());
  }
  for (const std::string& lang : languages) {
    size_t expected = 0;
    for (const json& h : all) expected += h["language"] == lang;
    json j = GetJson("/api/search?q=Iraq&limit=200&lang=" + lang);
    EXPECT_EQ(j["items"].size(), expected) << lang;
    for (const json& h : j["items"]) EXPECT_EQ(h["language"], lang);
  }
  const std::string outlet = *outlets.begin();
  const json by_outlet = GetJson("/api/search?q=Iraq&outlet=" + outlet);
  ASSERT_FALSE(by_outlet["items"].empty());
  for (const json& h : by_outlet["items"]) {
    EXPECT_EQ(h["outlet"], outlet);
  }
  // Dates: from/to split the hits into disjoint parts that add up.
  const std::string some_date = all[0]["published"].get<std::string>().substr(0, 10);
  ASSERT_EQ(some_date.size(), 10u);
  json on = GetJson("/api/search?q=Iraq&from=" + some_date + "&to=" + some_date);
  ASSERT_FALSE(on["items"].empty());
  for (const json& h : on["items"])
    EXPECT_TRUE(h["published"].get<std::string>().starts_with(some_date));
  size_t dated = 0;
  for (const json& h : all) dated += !h["published"].get<std::string>().empty();
  const size_t before = GetJson("/api/search?q=Iraq&limit=200&to=" + some_date)["items"].size();
  const size_t after = GetJson("/api/search?q=Iraq&limit=200&from=" + some_date)["items"].size();
  EXPECT_EQ(before + after - on["items"].size(), dated);
}

TEST_F(RouterTest, SearchByEntityKeepsItsArticles) {
  json kadhimi = GetJson("/api/entities/Kadhimi");
  std::set<std::string> articles;
  for (const json& a : kadhimi["articles"]) articles.insert(a["id"].get<std::string>());
  ASSERT_GE(articles.size(), 2u);
  for (const std::string& entity : {kadhimi["id"].get<std::string>(), std::string("Kadhimi")}) {
    json j = GetJson("/api/search?q=Iraq&limit=200&entity=" + entity);
    ASSERT_FALSE(j["items"].empty());
    for (const json& h : j["items"]) EXPECT_EQ(articles.count(h["id"].get<std::string>()), 1u);
  }
  ExpectError("/api/search?q=Iraq&entity=Zzyzx%20Qwertyuiop", 404);
}

TEST_F(RouterTest, SearchCursorWalkReturnsEveryHitOnce) {
  const std::vector<json> one_page = GetJson("/api/search?q=Iraq&limit=200")["items"];
  for (const std::string& filter : {std::string(), std::string("&lang=en")}) {
    std::vector<json> walked = Walk("/api/search?q=Iraq&limit=1" + filter);
    std::vector<json> expected;
    for (const json& h : one_page) {
      if (filter.empty() || h["language"] == "en") expected.push_back(h["id"]);
    }
    ASSERT_EQ(walked.size(), expected.size()) << filter;
    for (size_t i = 0; i < walked.size(); ++i) EXPECT_EQ(walked[i]["id"], expected[i]) << i;
  }
}

// Query syntax and SQL in q are words to look for: no error, no effect.
TEST_F(RouterTest, SearchTreatsSyntaxAsText) {
  const char* kAttacks[] = {
      "\"",
      "' OR 1=1 --",
      "troops\" OR \"x",
      "NEAR(troops Iraq)",
      "*",
      "title:Iraq",
      "Iraq AND",
      "); DROP TABLE articles; --",
      "^Iraq",
      "{title text}: Iraq",
      "Iraq NOT Iraq",
      "%",
      "\\",
      "Iraq*",
      "-Iraq",
  };
  for (const char* q : kAttacks) {
    ApiRequest request;
    request.path = "/api/search";
    request.params.emplace("q", q);
    ApiResponse r = Call(request);
    EXPECT_EQ(r.status, 200) << q << ": " << r.body;
    json j = json::parse(r.body, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << q;
    EXPECT_TRUE(j["items"].is_array()) << q;
  }
  // As syntax, "Iraq NOT Iraq" finds nothing; as text it is the word Iraq
  // and the word "not".
  ApiRequest request;
  request.path = "/api/search";
  request.params.emplace("q", "Iraq NOT Iraq");
  auto ids = [this](const ApiRequest& r) {
    std::vector<std::string> out;
    const json j = json::parse(Call(r).body);
    for (const json& h : j["items"]) out.push_back(h["id"]);
    return out;
  };
  const std::vector<std::string> as_text = ids(request);
  EXPECT_FALSE(as_text.empty());
  request.params = {{"q", "Iraq not"}};
  EXPECT_EQ(as_text, ids(request));
  EXPECT_EQ(GetJson("/api/stats")["articles"], 5);
}

TEST_F(RouterTest, EntitiesPageByIdAndFilterByType) {
  Result<std::vector<EntityRecord>> entities = store_->ListEntities();
  ASSERT_TRUE(entities.ok());
  ASSERT_GT(entities->size(), 5u);
  std::vector<json> walked = Walk("/api/entities?limit=3");
  EXPECT_EQ(walked.size(), entities->size());
  size_t people = 0;
  for (const EntityRecord& e : *entities) people += e.type == "PER";
  std::vector<json> per = Walk("/api/entities?type=PER&limit=2");
  EXPECT_EQ(per.size(), people);
  for (const json& e : per) EXPECT_EQ(e["type"], "PER");
}

TEST_F(RouterTest, EntityByIdOrAnySpelling) {
  json by_name = GetJson("/api/entities/Mustafa%20al-Kadhimi");
  json j = GetJson("/api/entities/" + by_name["id"].get<std::string>());
  EXPECT_EQ(j, by_name);
  EXPECT_EQ(GetJson("/api/entities/Kazimi")["id"], j["id"]);
  EXPECT_FALSE(j["variants"].empty());
  EXPECT_FALSE(j["articles"].empty());
  ExpectError("/api/entities/Zzyzx%20Qwertyuiop", 404);
  ExpectError("/api/entities/E99999999", 404);
}

TEST_F(RouterTest, FindingsCollectionsPageWithCursors) {
  for (const char* collection : {"quotes", "figures", "conflicts", "events", "storylines"}) {
    Result<std::vector<FindingRow>> rows = store_->ListFindings(collection);
    ASSERT_TRUE(rows.ok());
    std::vector<json> walked = Walk(std::string("/api/") + collection + "?limit=2");
    ASSERT_EQ(walked.size(), rows->size()) << collection;
    for (size_t i = 0; i < walked.size(); ++i) {
      EXPECT_EQ(walked[i], json::parse((*rows)[i].json)) << collection << " " << i;
    }
  }
  EXPECT_FALSE(Walk("/api/quotes").empty());
}

TEST_F(RouterTest, QuotesBySpeaker) {
  json macron = GetJson("/api/entities/Macron");
  std::vector<json> quotes = Walk("/api/quotes?limit=1&speaker=Macron");
  ASSERT_FALSE(quotes.empty());
  size_t expected = 0;
  for (const json& q : Walk("/api/quotes")) expected += q["speaker"] == macron["id"];
  EXPECT_EQ(quotes.size(), expected);
  for (const json& q : quotes) EXPECT_EQ(q["speaker"], macron["id"]);
  ExpectError("/api/quotes?speaker=Zzyzx%20Qwertyuiop", 404);
}

TEST_F(RouterTest, BadParametersAre400) {
  const std::string kBad[] = {
      "/api/search",     // q missing
      "/api/search?q=",  // q empty
      "/api/search?q=Iraq&limit=0",
      "/api/search?q=Iraq&limit=201",
      "/api/search?q=Iraq&limit=ten",
      "/api/search?q=Iraq&limit=-1",
      "/api/search?q=Iraq&from=July",
      "/api/search?q=Iraq&to=2021-7-1",
      "/api/search?q=Iraq&cursor=%%%",
      "/api/search?q=Iraq&cursor=" + EncodeCursor("x1"),
      "/api/search?q=Iraq&sort=date",
      "/api/search?q=Iraq&q=Baghdad",
      "/api/entities?type=PERSON",
      "/api/entities?cursor=" + EncodeCursor("-4"),
      "/api/quotes?cursor=" + EncodeCursor("no-such-quote"),
      "/api/figures?speaker=Macron",
      "/api/stats?verbose=1",
      "/api/articles/x?full=1",
  };
  for (const std::string& target : kBad) ExpectError(target, 400);
  ApiRequest request;
  request.path = "/api/search";
  request.params.emplace("q", std::string(2000, 'a'));
  EXPECT_EQ(Call(request).status, 400);
}

TEST_F(RouterTest, UnknownRoutesAndIdsAre404) {
  for (const char* target :
       {"/", "/api", "/api/", "/api/nope", "/api/articles/", "/api/articles/nope", "/api/statsx",
        "/api/entities/", "/etc/passwd", "/../openapi.json"}) {
    ExpectError(target, 404);
  }
}

TEST_F(RouterTest, OtherMethodsAre405OnKnownRoutes) {
  for (const char* method : {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
    ExpectError("/api/stats", 405, method);
    ExpectError("/api/articles/x", 405, method);
    ExpectError("/api/nope", 404, method);
  }
  ApiResponse r = Get("/api/stats", "POST");
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].first, "Allow");
  EXPECT_EQ(Get("/api/stats", "HEAD").status, 200);
}

// Each storyline's dossier: its own events, their articles, and only the
// findings of those articles.
TEST_F(RouterTest, StorylineDossierHoldsItsEventsArticlesAndFindings) {
  std::vector<json> storylines = Walk("/api/storylines");
  ASSERT_FALSE(storylines.empty());
  size_t quotes = 0, conflicts = 0;
  for (const json& s : storylines) {
    const std::string id = s["id"];
    json d = GetJson("/api/storylines/" + id);
    EXPECT_EQ(d["id"], id);
    EXPECT_EQ(d["title"], s["title"]);
    std::vector<std::string> events;
    std::set<std::string> event_articles;
    for (const json& e : d["events"]) {
      events.push_back(e["id"]);
      EXPECT_EQ(e["storyline"], id);
      EXPECT_FALSE(e["outlets"].empty()) << e["id"];
      for (const json& a : e["articles"]) event_articles.insert(a);
    }
    EXPECT_EQ(json(events), s["events"]) << id;
    std::set<std::string> articles;
    int by_outlet = 0;
    for (const json& a : d["articles"]) articles.insert(a["id"]);
    for (const auto& [outlet, n] : d["sources"]["by_outlet"].items()) by_outlet += n.get<int>();
    EXPECT_EQ(articles, event_articles) << id;
    EXPECT_EQ(by_outlet, static_cast<int>(articles.size())) << id;
    for (const json& q : d["quotes"]) {
      EXPECT_TRUE(articles.count(q["article"])) << q["id"];
      if (q["speaker"].is_string()) {
        EXPECT_EQ(q["speaker_name"],
                  GetJson("/api/entities/" + q["speaker"].get<std::string>())["name"]);
      }
      ++quotes;
    }
    for (const json& f : d["figures"]) EXPECT_TRUE(articles.count(f["article"])) << f["id"];
    for (const json& c : d["conflicts"]) {
      bool names_one = false;
      for (const json& a : c["articles"]) names_one = names_one || articles.count(a) > 0;
      EXPECT_TRUE(names_one) << c["id"];
      ++conflicts;
    }
  }
  // Every quote and conflict of the store is in some storyline's dossier.
  EXPECT_EQ(quotes, Walk("/api/quotes").size());
  EXPECT_GE(conflicts, Walk("/api/conflicts").size());

  json event = GetJson("/api/events/" + storylines[0]["events"][0].get<std::string>());
  EXPECT_EQ(event["storyline"], storylines[0]["id"]);
  EXPECT_FALSE(event.contains("events"));
  EXPECT_FALSE(event["articles"].empty());
}

TEST_F(RouterTest, TimelinesOfStorylinesAndEvents) {
  const json s = Walk("/api/storylines")[0];
  json t = GetJson("/api/storylines/" + s["id"].get<std::string>() + "/timeline");
  EXPECT_EQ(t["id"], s["id"]);
  ASSERT_TRUE(t["entries"].is_array());
  std::string last;
  for (const json& e : t["entries"]) {
    EXPECT_FALSE(e["sources"].empty());
    const std::string date = e["date"];
    EXPECT_LE(last.substr(0, 4), date.substr(0, 4));  // by date
    last = date;
  }
  const std::string event = s["events"][0];
  EXPECT_EQ(GetJson("/api/events/" + event + "/timeline")["id"], event);
  // The id must be of the path's kind.
  ExpectError("/api/events/" + s["id"].get<std::string>() + "/timeline", 404);
  ExpectError("/api/storylines/" + event + "/timeline", 404);
  ExpectError("/api/storylines/" + event, 404);
  ExpectError("/api/storylines/S999999", 404);
  ExpectError("/api/storylines/" + s["id"].get<std::string>() + "/nope", 404);
  ExpectError("/api/storylines/" + s["id"].get<std::string>() + "/timeline?x=1", 400);
}

// The actor network: nodes are entities of the storyline's articles,
// edges join nodes, weights add sentence and article co-occurrence.
TEST_F(RouterTest, ActorNetworkOfAStoryline) {
  size_t edges = 0;
  for (const json& s : Walk("/api/storylines")) {
    const std::string id = s["id"];
    json n = GetJson("/api/storylines/" + id + "/network");
    std::set<std::string> articles;
    const json dossier = GetJson("/api/storylines/" + id);
    for (const json& a : dossier["articles"]) articles.insert(a["id"]);
    EXPECT_EQ(n["articles"], articles.size());
    std::set<std::string> nodes;
    uint64_t previous = UINT64_MAX;
    for (const json& node : n["nodes"]) {
      EXPECT_TRUE(nodes.insert(node["id"]).second) << node["id"];
      EXPECT_LE(node["mentions"].get<uint64_t>(), previous);  // most mentioned first
      previous = node["mentions"];
      json entity = GetJson("/api/entities/" + node["id"].get<std::string>());
      EXPECT_EQ(node["name"], entity["name"]);
      EXPECT_EQ(node["variants"].size(), entity["variants"].size());
      bool in_storyline = false;
      for (const json& a : entity["articles"])
        in_storyline = in_storyline || articles.count(a["id"]);
      EXPECT_TRUE(in_storyline) << node["id"] << " is in none of " << id << "'s articles";
    }
    EXPECT_LE(nodes.size(), 40u);
    for (const json& e : n["edges"]) {
      EXPECT_TRUE(nodes.count(e["source"]) && nodes.count(e["target"]));
      EXPECT_EQ(e["weight"], e["sentences"].get<int>() + e["articles"].get<int>());
      EXPECT_GE(e["articles"], 1);  // a shared sentence is a shared article
      ++edges;
    }
    EXPECT_LE(GetJson("/api/storylines/" + id + "/network?limit=2")["nodes"].size(), 2u);
  }
  EXPECT_GT(edges, 0u);
  ExpectError("/api/storylines/S0/network?limit=0", 400);
  ExpectError("/api/storylines/S0/network?limit=201", 400);
}

// The served document is docs/openapi.json, and its paths are the routes.
TEST_F(RouterTest, OpenApiDocumentDescribesTheRoutes) {
  json doc = GetJson("/openapi.json");
  EXPECT_TRUE(doc["openapi"].get<std::string>().starts_with("3.0"));
  std::ifstream file(std::string(DOSSIER_SOURCE_DIR) + "/docs/openapi.json");
  EXPECT_EQ(doc, json::parse(file));
  size_t paths = 0;
  for (const auto& [path, item] : doc["paths"].items()) {
    ++paths;
    std::string concrete = path;
    if (const size_t brace = concrete.find('{'); brace != std::string::npos) {
      // An id each route knows: an article of a search, a storyline, an
      // event, an entity.
      std::string id = "E0";
      if (path.starts_with("/api/articles/")) {
        id = GetJson("/api/search?q=Iraq")["items"][0]["id"].get<std::string>();
      } else if (path.starts_with("/api/storylines/")) {
        id = GetJson("/api/storylines")["items"][0]["id"].get<std::string>();
      } else if (path.starts_with("/api/events/")) {
        id = GetJson("/api/events")["items"][0]["id"].get<std::string>();
      }
      concrete = concrete.substr(0, brace) + id + concrete.substr(concrete.find('}', brace) + 1);
    }
    ApiResponse r = Get(concrete);
    EXPECT_TRUE(r.status == 200 || r.status == 400) << path << " " << r.status;
    ASSERT_TRUE(item.contains("get")) << path;
  }
  EXPECT_EQ(paths, 16u);
}

TEST(CursorTest, RoundTripsAnyKey) {
  for (const std::string& key :
       {std::string("1"), std::string("E42"), std::string("ab"), std::string("abc"),
        std::string("\xff\x00\x01", 3), std::string(100, 'z')}) {
    std::string c = EncodeCursor(key);
    EXPECT_EQ(
        c.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos);
    EXPECT_EQ(DecodeCursor(c), key);
  }
  EXPECT_EQ(DecodeCursor("a"), std::nullopt);     // no byte string encodes to 1 char
  EXPECT_EQ(DecodeCursor("a+b/"), std::nullopt);  // not URL-safe
  EXPECT_EQ(DecodeCursor("MX"), std::nullopt);    // padding bits set ("MQ" is "1")
  EXPECT_EQ(DecodeCursor("MQ"), std::string("1"));
}

TEST(DateRangeTest, ComparesAtTheCoarserPrecision) {
  struct {
    const char* published;
    std::optional<std::string> from, to;
    bool in;
  } const kCases[] = {
      {"2021-07-22", std::nullopt, std::nullopt, true},
      {"", std::nullopt, std::nullopt, true},
      {"", "2021", std::nullopt, false},
      {"2021-07-22T09:30:00Z", "2021-07-22", "2021-07-22", true},
      {"2021-07", "2021-07-15", std::nullopt, true},
      {"2021-07-22", std::nullopt, "2021-07", true},
      {"2021-08-01", std::nullopt, "2021-07", false},
      {"2021-06-30", "2021-07", std::nullopt, false},
      {"2020", "2021-01-01", "2021-12-31", false},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(internal::DateInRange(c.published, c.from, c.to), c.in)
        << c.published << " " << c.from.value_or("-") << " " << c.to.value_or("-");
  }
}

}  // namespace
}  // namespace dossier::api
