// Tests for BuildTimeline over a real store analysed by the engine.
#include "engine/timeline.h"

#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "engine/analysis_pass.h"
#include "engine/ingest_pipeline.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

class TimelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("timeline_test_" +
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
  void IngestAndAnalyze(const std::string& input) {
    IngestPipeline pipeline(store_.get(), PipelineOptions(), [](const InputError&) {});
    ASSERT_TRUE(pipeline.Run({input}).ok());
    Result<std::unique_ptr<AnalysisPass>> pass = AnalysisPass::Create(store_.get(), {});
    ASSERT_TRUE(pass.ok()) << pass.status().ToString();
    ASSERT_TRUE((*pass)->Run().ok());
  }
  std::vector<std::string> Ids(const char* collection) {
    std::vector<std::string> out;
    Result<std::vector<FindingRow>> rows = store_->ListFindings(collection);
    EXPECT_TRUE(rows.ok());
    if (!rows.ok()) return out;
    for (const FindingRow& r : *rows) out.push_back(r.id);
    return out;
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(TimelineTest, UnknownIdsAreNotFound) {
  EXPECT_EQ(BuildTimeline(store_.get(), "S0").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(BuildTimeline(store_.get(), "V7").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(BuildTimeline(store_.get(), "E1").status().code(), Status::Code::kNotFound);
}

TEST_F(TimelineTest, OneHappeningToldByTwoOutletsIsOneEntryWithTwoSources) {
  const std::string body =
      "The minister of defence of Freedonia resigned on Tuesday after a week of protests in the "
      "capital.\n\nOn March 3, 2021, the parliament of Freedonia voted to open an inquiry into "
      "the contracts of the ministry.\n\nThe protests began in February 2021 and brought "
      "thousands of people into the streets.";
  {
    std::ofstream f(dir_ / "in.jsonl");
    f << nlohmann::json({{"id", "a1"},
                         {"outlet", "Outlet One"},
                         {"published", "2021-03-10"},
                         {"title", "Freedonia's defence minister resigns"},
                         {"text", body}})
             .dump()
      << "\n"
      << nlohmann::json({{"id", "a2"},
                         {"outlet", "Outlet Two"},
                         {"published", "2021-03-10"},
                         {"title", "Defence minister of Freedonia quits"},
                         {"text", body + "\n\nOutlet Two contributed to this report."}})
             .dump()
      << "\n";
  }
  IngestAndAnalyze((dir_ / "in.jsonl").string());
  const std::vector<std::string> events = Ids("events");
  ASSERT_EQ(events.size(), 1u);
  Result<Timeline> t = BuildTimeline(store_.get(), events[0]);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->id, events[0]);
  ASSERT_GE(t->entries.size(), 2u);
  for (size_t i = 1; i < t->entries.size(); ++i) {
    EXPECT_LE(t->entries[i - 1].date, t->entries[i].date);
  }
  bool vote = false;
  for (const TimelineEntry& e : t->entries) {
    EXPECT_EQ(e.event, events[0]);
    if (e.text.find("voted to open an inquiry") == std::string::npos) continue;
    vote = true;
    EXPECT_EQ(e.date, "2021-03-03");
    EXPECT_FALSE(e.estimated);
    ASSERT_EQ(e.sources.size(), 2u);
    std::set<std::string> outlets;
    for (const TimelineSource& s : e.sources) {
      outlets.insert(s.outlet);
      Result<Article> a = store_->GetArticle(s.article);
      ASSERT_TRUE(a.ok());
      EXPECT_EQ(a->text.substr(s.start, s.end - s.start), s.sentence);
    }
    EXPECT_EQ(outlets, (std::set<std::string>{"Outlet One", "Outlet Two"}));
  }
  EXPECT_TRUE(vote);
  // The storyline holding the event gives the same entries.
  const std::vector<std::string> storylines = Ids("storylines");
  ASSERT_EQ(storylines.size(), 1u);
  Result<Timeline> s = BuildTimeline(store_.get(), storylines[0]);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->entries.size(), t->entries.size());
  nlohmann::ordered_json j = TimelineJson(*s);
  EXPECT_EQ(j["id"], storylines[0]);
  EXPECT_EQ(j["entries"].size(), s->entries.size());
  EXPECT_TRUE(j["entries"][0]["sources"][0].contains("outlet"));
}

TEST_F(TimelineTest, SampleStorylinesAreInDateOrderWithTheirSentences) {
  IngestAndAnalyze(std::string(DOSSIER_SOURCE_DIR) + "/samples");
  size_t entries = 0;
  for (const std::string& id : Ids("storylines")) {
    Result<Timeline> t = BuildTimeline(store_.get(), id);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    EXPECT_FALSE(t->title.empty());
    for (size_t i = 1; i < t->entries.size(); ++i) {
      if (!t->entries[i].date.empty()) {
        EXPECT_LE(t->entries[i - 1].date, t->entries[i].date);
      }
    }
    for (const TimelineEntry& e : t->entries) {
      ASSERT_FALSE(e.sources.empty());
      EXPECT_FALSE(e.sources[0].outlet.empty());
      // What rests on a guessed publication day sits with its placed event.
      if (!e.estimated) continue;
      Result<FindingRow> event = store_->GetFinding("events", e.event);
      ASSERT_TRUE(event.ok());
      const nlohmann::json row = nlohmann::json::parse(event->json);
      EXPECT_TRUE(row["date_estimated"].get<bool>()) << e.text;
      EXPECT_EQ(e.date, row["date"].get<std::string>()) << e.text;
    }
    entries += t->entries.size();
  }
  // Each of the five articles has a lead and sentences with dates of their own.
  EXPECT_GT(entries, 10u);
}

}  // namespace
}  // namespace dossier
