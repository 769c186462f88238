// Tests for engine/: the ingest pipeline end to end on real files and a real
// SQLite store, and stem-aware search.
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "engine/analysis_pass.h"
#include "engine/article_prep.h"
#include "engine/article_search.h"
#include "engine/claims_json.h"
#include "engine/ingest_pipeline.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("engine_test_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Result<std::unique_ptr<Store>> store = Store::Open((dir_ / "test.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  void Write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / name, std::ios::binary) << content;
  }
  Result<IngestReport> Ingest(const std::vector<std::string>& inputs, size_t batch_size = 256) {
    PipelineOptions options;
    options.batch_size = batch_size;
    IngestPipeline pipeline(store_.get(), options,
                            [this](const InputError& e) { errors_.push_back(e); });
    return pipeline.Run(inputs);
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
  std::vector<InputError> errors_;
};

const std::string kSamples = std::string(DOSSIER_SOURCE_DIR) + "/samples";

TEST_F(EngineTest, IngestsTheSamplesOnceAndOnlyOnce) {
  Result<IngestReport> first = Ingest({kSamples}, /*batch_size=*/2);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->records, 5u);
  EXPECT_EQ(first->stored, 5u);
  EXPECT_EQ(first->rejected, 0u);
  EXPECT_TRUE(errors_.empty());

  Result<IngestReport> again = Ingest({kSamples});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->stored, 0u);
  EXPECT_EQ(again->duplicates, 5u);

  Result<StoreStats> stats = store_->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 5u);
  EXPECT_EQ(stats->by_language["en"], 4u);
  EXPECT_EQ(stats->by_language["fr"], 1u);
  EXPECT_GT(stats->sentences, 60u);
}

// A batch ends at batch_size articles or batch_bytes bytes of text and
// stems, whichever comes first: memory stays bounded whatever the articles.
TEST_F(EngineTest, BatchesEndAtTheirSizeOrTheirBytes) {
  struct {
    size_t batch_size;
    size_t batch_bytes;
    size_t batches;
  } kCases[] = {
      {1000, 1u << 30, 1},  // all five samples in one transaction
      {2, 1u << 30, 3},     // 2 + 2 + 1
      {1000, 1, 5},         // every article is over the byte bound
  };
  for (const auto& c : kCases) {
    TearDown();
    SetUp();
    PipelineOptions options;
    options.batch_size = c.batch_size;
    options.batch_bytes = c.batch_bytes;
    IngestPipeline pipeline(store_.get(), options, nullptr);
    size_t batches = 0;
    pipeline.set_progress_callback([&](const IngestReport&) { ++batches; });
    Result<IngestReport> r = pipeline.Run({kSamples});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->stored, 5u);
    EXPECT_EQ(batches, c.batches) << c.batch_size << " " << c.batch_bytes;
  }
}

TEST_F(EngineTest, BadRecordsAreReportedAndTheRestIsStored) {
  Write(
      "good.jsonl",
      "{\"id\":\"a1\",\"text\":\"The minister visited Baghdad on Thursday. She met officials.\"}\n"
      "{not json\n"
      "{\"id\":\"a2\",\"text\":\"Le ministre a visité Bagdad jeudi. Il a rencontré des "
      "responsables.\","
      "\"language\":\"fr\"}\n");
  Write("empty.txt", "");
  Result<IngestReport> r = Ingest({dir_.string() + "/good.jsonl", dir_.string() + "/empty.txt",
                                   dir_.string() + "/missing.txt"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->stored, 2u);
  EXPECT_EQ(r->rejected, 3u);
  ASSERT_EQ(errors_.size(), 3u);
  EXPECT_EQ(errors_[0].locator, "line 2");
  EXPECT_NE(errors_[1].path.find("empty.txt"), std::string::npos);
  EXPECT_NE(errors_[2].path.find("missing.txt"), std::string::npos);
  Result<Article> a2 = store_->GetArticle("a2");
  ASSERT_TRUE(a2.ok());
  EXPECT_EQ(a2->language, "fr");
}

TEST_F(EngineTest, SearchMatchesStemsInEachLanguage) {
  ASSERT_TRUE(Ingest({kSamples}).ok());
  ArticleAnalyzer analyzer;
  // "withdrawals" is not in any text; its stem is ("withdrawal").
  Result<std::vector<SearchHit>> hits = SearchArticles(*store_, analyzer, "withdrawals", 10, 0);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_GE(hits->size(), 2u);
  // French stems: "discussion" matches "discussions".
  hits = SearchArticles(*store_, analyzer, "discussion", 10, 0);
  ASSERT_TRUE(hits.ok());
  bool french = false;
  for (const SearchHit& h : *hits) french |= h.language == "fr";
  EXPECT_TRUE(french);
  hits = SearchArticles(*store_, analyzer, "\"' OR 1=1 -- NEAR(", 10, 0);
  EXPECT_TRUE(hits.ok());
}

// What the analyzer gives the store to index as stems: each stem once, and
// none that the title or text already spell as a word (the index finds
// those in the title and text columns).
TEST(ArticleAnalyzerTest, IndexesEachStemTheTextDoesNotSpell) {
  struct {
    const char* language;
    const char* title;
    const char* text;
    const char* stems;
  } kCases[] = {
      // "troops" -> "troop" (once), "stayed" -> "stay"; "left", "the",
      // "base" stem to themselves.
      {"en", "", "Troops left the base. The troops stayed.", "troop stay"},
      // Title first; a number is indexed as spelled, in its column.
      {"en", "2021 Withdrawals", "Withdrawal talks.", "withdraw talk"},
      // A capital the index folds itself (ASCII) is no reason to keep a stem;
      // a fold it may not share (É, ß) is.
      {"fr", "", "Président présidents ÉTÉ été", "président été"},
      {"de", "", "Straße strasse", "strass"},
      // Chinese: ICU splits words the index does not (it reads a run of
      // letters as one token), so only the stems column finds them.
      {"zh", "", "中国人民", "中国 人民"},
      {"en", "", "", ""},
  };
  ArticleAnalyzer analyzer;
  for (const auto& c : kCases) {
    Article a;
    a.language = c.language;
    a.title = c.title;
    a.text = c.text;
    EXPECT_EQ(analyzer.Analyze(a).stems, c.stems) << c.text;
  }
}

Result<AnalysisReport> Analyze(Store* store, size_t batch_size = 512) {
  AnalysisOptions options;
  options.batch_size = batch_size;
  Result<std::unique_ptr<AnalysisPass>> pass = AnalysisPass::Create(store, options);
  if (!pass.ok()) return pass.status();
  return (*pass)->Run();
}

// The entity whose variants include `name`, or nullptr.
const EntityRecord* WithVariant(const std::vector<EntityRecord>& all, const std::string& name) {
  for (const EntityRecord& e : all) {
    for (const EntityVariantRecord& v : e.variants) {
      if (v.text == name) return &e;
    }
  }
  return nullptr;
}

TEST_F(EngineTest, AnalysisFindsEntitiesAcrossArticlesAndLanguages) {
  ASSERT_TRUE(Ingest({kSamples}).ok());
  Result<AnalysisReport> r = Analyze(store_.get(), /*batch_size=*/2);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->articles, 5u);
  EXPECT_GT(r->mentions, 100u);
  Result<std::vector<EntityRecord>> all = store_->ListEntities();
  ASSERT_TRUE(all.ok());
  // One man, whatever the spelling, in English and French articles.
  const EntityRecord* kazimi = WithVariant(*all, "Moustafa al-Kazimi");
  ASSERT_NE(kazimi, nullptr);
  EXPECT_EQ(WithVariant(*all, "Mustafa al-Kadhemi"), kazimi);
  EXPECT_EQ(WithVariant(*all, "Kadhimi"), kazimi);
  EXPECT_EQ(kazimi->type, "PER");
  EXPECT_GE(kazimi->article_count, 3u);
  EXPECT_EQ(WithVariant(*all, "Irak"), WithVariant(*all, "Iraq"));
  EXPECT_EQ(WithVariant(*all, "Emmanual Macron"), WithVariant(*all, "Emmanuel Macron"));
  EXPECT_NE(WithVariant(*all, "Qassem al-Araji"), WithVariant(*all, "Qassem Soleimani"));
  // Nothing is pending; a second run analyses nothing and changes nothing.
  EXPECT_TRUE(store_->PendingAnalysis()->empty());
  Result<AnalysisReport> again = Analyze(store_.get());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->articles, 0u);
  EXPECT_EQ(store_->ListEntities()->size(), all->size());
}

// Articles added later join the entities the first run made: the resolver's
// state comes back from the store.
TEST_F(EngineTest, AnalysisContinuesFromTheStoredState) {
  Write("a.jsonl",
        R"({"id":"a","published":"2021-01-02","language":"en","text":"Iraqi Prime Minister )"
        R"(Mustafa al-Kadhimi met French President Emmanuel Macron in Baghdad on Sunday."})"
        "\n");
  Write("b.jsonl", R"({"id":"b","published":"2021-01-05","language":"en","text":"Prime Minister )"
                   R"(Moustafa al-Kazimi told Emmanuel Macron that Iraq needs help in Baghdad."})"
                   "\n");
  ASSERT_TRUE(Ingest({(dir_ / "a.jsonl").string()}).ok());
  ASSERT_TRUE(Analyze(store_.get()).ok());
  const size_t first = store_->ListEntities()->size();
  ASSERT_TRUE(Ingest({(dir_ / "b.jsonl").string()}).ok());
  Result<AnalysisReport> r = Analyze(store_.get());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->articles, 1u);
  Result<std::vector<EntityRecord>> all = store_->ListEntities();
  const EntityRecord* kadhimi = WithVariant(*all, "Mustafa al-Kadhimi");
  ASSERT_NE(kadhimi, nullptr);
  EXPECT_EQ(WithVariant(*all, "Moustafa al-Kazimi"), kadhimi);
  EXPECT_EQ(kadhimi->article_count, 2u);
  EXPECT_EQ(WithVariant(*all, "Emmanuel Macron")->article_count, 2u);
  EXPECT_LT(all->size(), first + 3);  // only Iraq may be new
}

// Quotes, figures and the conflicts between sources, from the samples.
TEST_F(EngineTest, AnalysisFindsQuotesFiguresAndConflicts) {
  ASSERT_TRUE(Ingest({kSamples}).ok());
  Result<AnalysisReport> r = Analyze(store_.get());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GT(r->quotes, 10u);
  EXPECT_GT(r->figures, 3u);
  Result<std::vector<FindingRow>> quotes = store_->ListFindings("quotes");
  ASSERT_TRUE(quotes.ok());
  ASSERT_EQ(quotes->size(), r->quotes);
  bool french_speaker = false;
  for (const FindingRow& row : *quotes) {
    nlohmann::json q = nlohmann::json::parse(row.json);
    Result<Article> a = store_->GetArticle(q["article"].get<std::string>());
    ASSERT_TRUE(a.ok());
    const size_t start = q["start"], end = q["end"];
    ASSERT_LE(end, a->text.size());
    EXPECT_EQ(a->text.substr(start, end - start), q["text"]);  // offsets are bytes
    french_speaker = french_speaker || (a->language == "fr" && q["speaker"].is_string());
  }
  EXPECT_TRUE(french_speaker);
  // The samples date one killing to January 2020 and to January 2019.
  Result<std::vector<FindingRow>> conflicts = store_->ListFindings("conflicts");
  ASSERT_TRUE(conflicts.ok());
  bool date_conflict = false;
  for (const FindingRow& row : *conflicts) {
    nlohmann::json c = nlohmann::json::parse(row.json);
    if (c["kind"] != "date") continue;
    std::set<std::string> values;
    for (const auto& claim : c["claims"]) values.insert(claim["value"]);
    date_conflict = date_conflict || (values.count("2020-01") && values.count("2019-01"));
  }
  EXPECT_TRUE(date_conflict);
  // A later run keeps the claims: the conflict is still found with nothing new.
  ASSERT_TRUE(Analyze(store_.get()).ok());
  EXPECT_EQ(store_->ListFindings("conflicts")->size(), conflicts->size());
}

// Every analysed article is in exactly one event; each event in one
// storyline; state persists, so a later article joins the existing ones.
TEST_F(EngineTest, AnalysisGroupsArticlesIntoEventsAndStorylines) {
  ASSERT_TRUE(Ingest({kSamples}).ok());
  Result<AnalysisReport> r = Analyze(store_.get(), /*batch_size=*/2);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GT(r->events, 0u);
  Result<std::vector<FindingRow>> events = store_->ListFindings("events");
  Result<std::vector<FindingRow>> storylines = store_->ListFindings("storylines");
  ASSERT_TRUE(events.ok() && storylines.ok());
  EXPECT_EQ(events->size(), r->events);
  EXPECT_EQ(storylines->size(), r->storylines);
  // The samples, in two languages and three of them undated, tell one
  // storyline, foreign troops in Iraq, in five happenings: a minister's
  // visit, the president's a week later, a minister's interview, talks in
  // Washington, a summit in Baghdad.
  EXPECT_EQ(storylines->size(), 1u);
  EXPECT_EQ(events->size(), 5u);
  std::map<std::string, int> article_events;
  std::map<std::string, std::string> event_storyline;
  for (const FindingRow& row : *events) {
    nlohmann::json e = nlohmann::json::parse(row.json);
    EXPECT_FALSE(e["title"].get<std::string>().empty());
    EXPECT_GE(e["sources"].get<int>(), 1);
    EXPECT_LE(e["sources"].get<size_t>(), e["articles"].size());
    for (const auto& a : e["articles"]) ++article_events[a];
    event_storyline[e["id"]] = e["storyline"];
  }
  EXPECT_EQ(article_events.size(), 5u);
  for (const auto& [article, n] : article_events) EXPECT_EQ(n, 1) << article;
  std::set<std::string> in_storylines;
  for (const FindingRow& row : *storylines) {
    nlohmann::json s = nlohmann::json::parse(row.json);
    for (const auto& e : s["events"]) {
      EXPECT_EQ(event_storyline.at(e), s["id"]);
      EXPECT_TRUE(in_storylines.insert(e).second);
    }
  }
  EXPECT_EQ(in_storylines.size(), events->size());

  // A wire copy of a stored article joins its event as a copy: the event
  // gains an article, not an independent source.
  Result<Article> first = store_->GetArticle(article_events.begin()->first);
  ASSERT_TRUE(first.ok());
  nlohmann::json copy = {{"id", "copy"},
                         {"language", first->language},
                         {"published", first->published},
                         {"text", first->text + "\n\nRepublished with permission."}};
  Write("copy.jsonl", copy.dump() + "\n");
  ASSERT_TRUE(Ingest({(dir_ / "copy.jsonl").string()}).ok());
  ASSERT_TRUE(Analyze(store_.get()).ok());
  Result<std::vector<FindingRow>> after = store_->ListFindings("events");
  ASSERT_TRUE(after.ok());
  for (const FindingRow& row : *after) {
    nlohmann::json e = nlohmann::json::parse(row.json);
    bool has_copy = false, has_first = false;
    for (const auto& a : e["articles"]) {
      has_copy = has_copy || a == "copy";
      has_first = has_first || a == first->id;
    }
    if (!has_copy) continue;
    EXPECT_TRUE(has_first) << row.json;
    EXPECT_LT(e["sources"].get<size_t>(), e["articles"].size()) << row.json;
  }
}

// The invariant of article_prep.h: the sequential part over articles
// prepared elsewhere (and sent as JSON) stores what the whole pass stores.
TEST_F(EngineTest, AnalysisPassOverPreparedArticlesStoresWhatRunStores) {
  ASSERT_TRUE(Ingest({kSamples}).ok());
  Result<std::unique_ptr<Store>> other = Store::Open((dir_ / "other.db").string());
  ASSERT_TRUE(other.ok());
  {
    PipelineOptions options;
    IngestPipeline pipeline(other->get(), options, nullptr);
    ASSERT_TRUE(pipeline.Run({kSamples}).ok());
  }
  Result<std::unique_ptr<AnalysisPass>> whole = AnalysisPass::Create(store_.get());
  ASSERT_TRUE(whole.ok());
  ASSERT_TRUE((*whole)->Run().ok());

  Result<std::unique_ptr<ArticlePreparer>> preparer = ArticlePreparer::Create(nullptr);
  ASSERT_TRUE(preparer.ok());
  Result<std::vector<std::string>> pending = (*other)->PendingAnalysis();
  ASSERT_TRUE(pending.ok());
  ASSERT_EQ(pending->size(), 5u);
  std::vector<PreparedArticle> prepared;
  for (const std::string& id : *pending) {
    Result<Article> a = (*other)->GetArticle(id);
    ASSERT_TRUE(a.ok());
    Result<PreparedArticle> p = (*preparer)->Prepare(*a);
    ASSERT_TRUE(p.ok());
    Result<PreparedArticle> back = PreparedFromJson(PreparedToJson(*p));
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(PreparedToJson(*back), PreparedToJson(*p));
    prepared.push_back(std::move(*back));
  }
  Result<std::unique_ptr<AnalysisPass>> split = AnalysisPass::Create(other->get());
  ASSERT_TRUE(split.ok());
  FindingsBatch last;
  last.states.emplace_back("caller-cursor", "5");
  ASSERT_TRUE((*split)->RunPrepared(std::move(prepared), std::move(last)).ok());
  EXPECT_EQ(*(*other)->GetState("caller-cursor"), "5");
  EXPECT_TRUE((*other)->PendingAnalysis()->empty());

  std::ostringstream a, b;
  ASSERT_TRUE(store_->ExportJson(a).ok());
  ASSERT_TRUE((*other)->ExportJson(b).ok());
  EXPECT_EQ(a.str(), b.str());
  for (const char* collection : {"claims", "happenings"}) {
    Result<std::vector<FindingRow>> x = store_->ListFindings(collection);
    Result<std::vector<FindingRow>> y = (*other)->ListFindings(collection);
    ASSERT_TRUE(x.ok() && y.ok());
    ASSERT_EQ(x->size(), y->size()) << collection;
    for (size_t i = 0; i < x->size(); ++i) EXPECT_EQ((*x)[i].json, (*y)[i].json) << collection;
  }
}

TEST(ArticlePrep, RejectsWhatItDidNotWrite) {
  EXPECT_EQ(PreparedFromJson("{}").status().code(), Status::Code::kCorruption);
  EXPECT_EQ(PreparedFromJson("not json").status().code(), Status::Code::kCorruption);
}

TEST(ClaimsJson, RoundTrip) {
  ArticleFacts f;
  f.article = "a1";
  NumericClaim n;
  n.article = "a1";
  n.value = 5000;
  n.low = 4500;
  n.high = std::numeric_limits<double>::infinity();
  n.approx = "some";
  n.unit = "American soldiers";
  n.counted = "troops";
  // What conflicts compare: a restarted analysis must see them too.
  n.vague = true;
  n.qualifier = "elit";
  n.counts_a_set = false;
  n.subject_keys = {"E3", "iraq"};
  n.date.known = true;
  n.date.value = "2020-08";
  n.date.start.precision = Precision::kMonth;
  n.date.start.year = 2020;
  n.date.start.month = 8;
  n.date.last = n.date.start;
  f.figures.push_back(n);
  HappeningClaim h;
  h.article = "a1";
  h.happening = "death";
  h.participant = "E7";
  h.date = n.date;
  f.happenings.push_back(h);
  Result<ArticleFacts> back = ClaimsFromJson(ClaimsToJson(f));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->figures.size(), 1u);
  EXPECT_EQ(back->figures[0].high, n.high);
  EXPECT_EQ(back->figures[0].subject_keys, n.subject_keys);
  EXPECT_TRUE(back->figures[0].vague);
  EXPECT_EQ(back->figures[0].qualifier, "elit");
  EXPECT_FALSE(back->figures[0].counts_a_set);
  EXPECT_EQ(back->figures[0].date.start, n.date.start);
  EXPECT_EQ(back->happenings[0].participant, "E7");
  EXPECT_EQ(ClaimsToJson(*back), ClaimsToJson(f));
  EXPECT_EQ(ClaimsFromJson("{\"article\": 3}").status().code(), Status::Code::kCorruption);
  EXPECT_EQ(ClaimsFromJson("not json").status().code(), Status::Code::kCorruption);
}

}  // namespace
}  // namespace dossier
