// End-to-end test of `dossier report` on a store holding the samples: each
// format holds every part, for whichever storyline the analysis found.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// One store with the samples for the whole suite: ingesting them is the slow part.
class ReportCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // One folder per process: CTest runs the cases of this suite in parallel.
    dir_ = new fs::path(fs::path(::testing::TempDir()) /
                        ("report_cli_test." + std::to_string(getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    RunResult r = Run("ingest " + std::string(DOSSIER_SOURCE_DIR) + "/samples");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }

  static RunResult Run(const std::string& args) {
    const fs::path out = *dir_ / "stdout", err = *dir_ / "stderr";
    const std::string cmd = std::string(DOSSIER_BINARY) + " --db '" +
                            (*dir_ / "store.db").string() + "' " + args + " </dev/null >'" +
                            out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = ReadFile(out);
    r.err = ReadFile(err);
    return r;
  }

  // The storyline with the most articles, from `dossier stories --json`.
  static nlohmann::json BiggestStoryline() {
    RunResult r = Run("--json stories");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    nlohmann::json best;
    for (const auto& s : nlohmann::json::parse(r.out)) {
      if (best.is_null() || s["articles"].get<int>() > best["articles"].get<int>()) best = s;
    }
    return best;
  }

  static fs::path* dir_;
};

fs::path* ReportCliTest::dir_ = nullptr;

TEST_F(ReportCliTest, HelpAndUnknownIds) {
  RunResult h = Run("report --help");
  EXPECT_EQ(h.exit_code, 0);
  EXPECT_NE(h.out.find("--format"), std::string::npos);
  RunResult missing = Run("report S9999");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("S9999"), std::string::npos);
  EXPECT_TRUE(missing.out.empty());
  EXPECT_EQ(Run("report").exit_code, 2);
  EXPECT_EQ(Run("report S0 --format docx").exit_code, 2);
}

TEST_F(ReportCliTest, JsonHoldsEveryPartOfTheStoryline) {
  const nlohmann::json storyline = BiggestStoryline();
  ASSERT_FALSE(storyline.is_null());
  const std::string id = storyline["id"];
  RunResult r = Run("report " + id + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["id"], id);
  EXPECT_EQ(j["kind"], "storyline");
  EXPECT_EQ(j["title"], storyline["title"]);
  EXPECT_EQ(j["article_count"], storyline["articles"]);
  EXPECT_EQ(j["events"].size(), storyline["events"].size());
  EXPECT_FALSE(j["summary"].empty());
  EXPECT_LE(j["summary"].size(), 5u);
  EXPECT_FALSE(j["timeline"]["entries"].empty());
  // Actors: some known by several names; each ranked by mentions.
  ASSERT_FALSE(j["actors"].empty());
  bool several_names = false;
  for (size_t i = 0; i < j["actors"].size(); ++i) {
    several_names |= j["actors"][i]["names"].size() >= 2;
    if (i > 0) {
      EXPECT_LE(j["actors"][i]["mentions"], j["actors"][i - 1]["mentions"]);
    }
  }
  EXPECT_TRUE(several_names);
  // Every quote and summary sentence comes from one of the storyline's sources.
  std::set<std::string> articles;
  size_t outlet_articles = 0;
  for (const auto& o : j["sources"]) {
    outlet_articles += o["article_count"].get<size_t>();
    for (const auto& a : o["articles"]) articles.insert(a["id"].get<std::string>());
  }
  EXPECT_EQ(outlet_articles, j["article_count"].get<size_t>());
  EXPECT_FALSE(j["quotes"].empty());
  for (const auto& speaker : j["quotes"]) {
    for (const auto& q : speaker["quotes"]) {
      for (const auto& s : q["sources"]) EXPECT_EQ(articles.count(s["article"]), 1u);
    }
  }
  for (const auto& s : j["summary"]) EXPECT_EQ(articles.count(s["source"]["article"]), 1u);
}

TEST_F(ReportCliTest, MarkdownAndHtmlHoldEverySection) {
  const std::string id = BiggestStoryline()["id"];
  RunResult md = Run("report " + id);
  ASSERT_EQ(md.exit_code, 0) << md.err;
  for (const char* heading : {"## Summary", "## Timeline", "## Actors", "## Quotes", "## Figures",
                              "## Conflicts between sources", "## Sources"}) {
    EXPECT_NE(md.out.find(heading), std::string::npos) << heading;
  }
  const std::string file = (*dir_ / "report.html").string();
  RunResult html = Run("report " + id + " --format html -o '" + file + "'");
  ASSERT_EQ(html.exit_code, 0) << html.err;
  EXPECT_TRUE(html.out.empty());
  const std::string page = ReadFile(file);
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  for (const char* section :
       {"summary", "timeline", "actors", "quotes", "figures", "conflicts", "sources"}) {
    EXPECT_NE(page.find(std::string("<section id=\"") + section + "\""), std::string::npos)
        << section;
  }
  for (const char* ref : {"<script", "src=", "href=", "<link", "@import"}) {
    EXPECT_EQ(page.find(ref), std::string::npos) << ref;
  }
}

TEST_F(ReportCliTest, EventReport) {
  RunResult stories = Run("--json stories");
  ASSERT_EQ(stories.exit_code, 0);
  const nlohmann::json all = nlohmann::json::parse(stories.out);
  ASSERT_FALSE(all.empty());
  const std::string event = all[0]["events"][0]["id"];
  RunResult r = Run("--json report " + event);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["kind"], "event");
  EXPECT_EQ(j["storyline"], all[0]["id"]);
  EXPECT_EQ(j["article_count"], all[0]["events"][0]["articles"].size());
}

}  // namespace
