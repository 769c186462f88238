// End-to-end tests of the dossier command: exit codes, output, bad input.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <sys/wait.h>
#include <zlib.h>

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

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("cli_test_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "store.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs `dossier --db <db> ARGS` (with optional stdin) and captures everything.
  RunResult Run(const std::string& args, const std::string& stdin_text = "") {
    fs::path in = dir_ / "stdin", out = dir_ / "stdout", err = dir_ / "stderr";
    std::ofstream(in, std::ios::binary) << stdin_text;
    std::string cmd = std::string(DOSSIER_BINARY) + " --db '" + db_ + "' " + args + " <'" +
                      in.string() + "' >'" + out.string() + "' 2>'" + err.string() + "'";
    int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = ReadFile(out);
    r.err = ReadFile(err);
    return r;
  }
  void Write(const std::string& name, const std::string& content) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << content;
  }
  std::string Path(const std::string& name) { return (dir_ / name).string(); }
  nlohmann::json Export() {
    RunResult r = Run("export");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }

  fs::path dir_;
  std::string db_;
};

const std::string kSamples = std::string(DOSSIER_SOURCE_DIR) + "/samples";

int CountLines(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

TEST_F(CliTest, VersionAndHelpForEveryCommand) {
  RunResult v = Run("--version");
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_NE(v.out.find("dossier"), std::string::npos);
  for (const char* cmd : {"ingest", "analyze", "export", "show", "search", "stats", "entity",
                          "entities", "quotes", "conflicts", "stories", "event", "timeline"}) {
    RunResult h = Run(std::string(cmd) + " --help");
    EXPECT_EQ(h.exit_code, 0) << cmd;
    EXPECT_NE(h.out.find(cmd), std::string::npos) << cmd;
  }
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(Run("").exit_code, 2);
  EXPECT_EQ(Run("frobnicate").exit_code, 2);
  EXPECT_EQ(Run("ingest").exit_code, 2);
  EXPECT_EQ(Run("search --limit nope x").exit_code, 2);
}

TEST_F(CliTest, IngestSamplesThenExportShowSearchStats) {
  RunResult r = Run("ingest " + kSamples);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("5 new articles stored"), std::string::npos) << r.out;

  nlohmann::json doc = Export();
  for (const char* key :
       {"articles", "entities", "quotes", "figures", "conflicts", "events", "storylines"}) {
    ASSERT_TRUE(doc.contains(key)) << key;
    EXPECT_TRUE(doc[key].is_array()) << key;
  }
  ASSERT_EQ(doc["articles"].size(), 5u);
  std::string belga_id;
  for (const auto& a : doc["articles"]) {
    for (const char* key :
         {"id", "path", "url", "title", "outlet", "language", "published", "text"}) {
      EXPECT_TRUE(a.contains(key)) << key;
    }
    EXPECT_NE(a["path"].get<std::string>().find("samples"), std::string::npos);
    if (a["outlet"] == "Belga") belga_id = a["id"];
  }
  ASSERT_FALSE(belga_id.empty());

  RunResult show = Run("--json show " + belga_id);
  ASSERT_EQ(show.exit_code, 0) << show.err;
  nlohmann::json art = nlohmann::json::parse(show.out);
  EXPECT_EQ(art["language"], "fr");
  EXPECT_EQ(art["published"], "2021-07");
  EXPECT_EQ(Run("show no-such-id").exit_code, 1);

  RunResult search = Run("--json search Soleimani");
  ASSERT_EQ(search.exit_code, 0) << search.err;
  // 001, 002 and 003 name him; 000 and 004 do not.
  EXPECT_EQ(nlohmann::json::parse(search.out).size(), 3u);

  RunResult stats = Run("--json stats");
  ASSERT_EQ(stats.exit_code, 0);
  nlohmann::json s = nlohmann::json::parse(stats.out);
  EXPECT_EQ(s["articles"], 5);
  EXPECT_EQ(s["by_language"]["fr"], 1);

  // Idempotent: a second ingest stores nothing new.
  r = Run("ingest " + kSamples);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("0 new articles stored, 5 already stored"), std::string::npos) << r.out;
}

TEST_F(CliTest, EntitiesFromIngestToExportAndLookup) {
  // Stored first, analysed by `analyze`: the same result as one ingest.
  RunResult r = Run("ingest --no-analyze " + kSamples);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("analysed"), std::string::npos) << r.out;
  EXPECT_TRUE(Export()["entities"].empty());
  r = Run("--json analyze");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["articles"], 5);

  nlohmann::json doc = Export();
  ASSERT_FALSE(doc["entities"].empty());
  std::map<std::string, std::string> texts;
  for (const auto& a : doc["articles"]) texts[a["id"]] = a["text"];
  for (const auto& e : doc["entities"]) {
    for (const auto& m : e["mentions"]) {
      const std::string& text = texts.at(m["article"]);
      const size_t start = m["start"], end = m["end"];
      ASSERT_LE(end, text.size());
      EXPECT_EQ(text.substr(start, end - start), m["text"]);
    }
  }

  // Any spelling finds the man; his other spellings are listed.
  r = Run("--json entity Kadhimi");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json kadhimi = nlohmann::json::parse(r.out);
  EXPECT_EQ(kadhimi["type"], "PER");
  std::set<std::string> names;
  for (const auto& v : kadhimi["variants"]) names.insert(v["text"]);
  EXPECT_TRUE(names.count("Moustafa al-Kazimi")) << r.out;
  EXPECT_TRUE(names.count("Mustafa al-Kadhemi")) << r.out;
  EXPECT_GE(kadhimi["articles"].size(), 3u);
  r = Run("--json entity \"Mustafa al-Kadhimi\"");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["id"], kadhimi["id"]);
  r = Run("entity " + kadhimi["id"].get<std::string>());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("prime-minister"), std::string::npos) << r.out;
  EXPECT_EQ(Run("entity Zzyzx").exit_code, 1);
  r = Run("--json entities --type PER --limit 3");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json people = nlohmann::json::parse(r.out);
  ASSERT_EQ(people.size(), 3u);
  for (const auto& p : people) EXPECT_EQ(p["type"], "PER");
  EXPECT_GE(people[0]["article_count"], people[2]["article_count"]);
  EXPECT_EQ(Run("entities --type NOPE").exit_code, 2);

  // Quotes by speaker, in any spelling; conflicts between sources.
  r = Run("--json quotes --speaker Macron");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json quotes = nlohmann::json::parse(r.out);
  ASSERT_FALSE(quotes.empty());
  for (const auto& q : quotes) EXPECT_EQ(q["speaker_name"], "Emmanuel Macron");
  EXPECT_EQ(Run("quotes --speaker Zzyzx").exit_code, 1);
  r = Run("--json conflicts");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(nlohmann::json::parse(r.out).empty()) << r.out;
  // Storylines with their events; one event; a storyline's timeline.
  r = Run("--json stories");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json stories = nlohmann::json::parse(r.out);
  ASSERT_FALSE(stories.empty());
  const std::string storyline = stories[0]["id"];
  const std::string event = stories[0]["events"][0]["id"];
  r = Run("--json event " + event);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(nlohmann::json::parse(r.out)["outlets"].empty());
  r = Run("--json timeline " + storyline);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json timeline = nlohmann::json::parse(r.out)["entries"];
  ASSERT_FALSE(timeline.empty());
  for (size_t i = 1; i < timeline.size(); ++i) {
    if (timeline[i]["date"].is_string() && timeline[i - 1]["date"].is_string()) {
      EXPECT_LE(timeline[i - 1]["date"].get<std::string>(), timeline[i]["date"].get<std::string>());
    }
  }
  EXPECT_EQ(Run("event V999999").exit_code, 1);
  EXPECT_EQ(Run("timeline S999999").exit_code, 1);
  for (const char* collection : {"quotes", "figures", "conflicts", "events", "storylines"}) {
    EXPECT_FALSE(doc[collection].empty()) << collection;
  }
}

TEST_F(CliTest, JsonLinesOnStdin) {
  RunResult r = Run("--json ingest -",
                    "{\"id\":\"x1\",\"text\":\"Talks resumed in Geneva on Monday.\","
                    "\"outlet\":\"Wire\",\"published\":\"2021-03-01\"}\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["stored"], 1);
  nlohmann::json doc = Export();
  EXPECT_EQ(doc["articles"][0]["path"], "-");
  EXPECT_EQ(doc["articles"][0]["outlet"], "Wire");
}

std::string Gzip(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(compressBound(data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = data.size();
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = out.size();
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// Every kind of bad input: one clear error line naming the file and the
// record, the rest processed, exit 1, and nothing stored before is lost.
TEST_F(CliTest, BadInputIsReportedAndTheRestIsProcessed) {
  ASSERT_EQ(Run("ingest " + kSamples).exit_code, 0);

  std::string jsonl;
  for (int i = 0; i < 30; ++i) {
    jsonl += "{\"id\":\"gz" + std::to_string(i) + "\",\"text\":\"Article number " +
             std::to_string(i) + " says the talks went on for hours.\"}\n";
  }
  std::string gz = Gzip(jsonl);
  Write("bad/truncated.jsonl.gz", gz.substr(0, gz.size() * 2 / 3));
  Write("bad/empty.txt", "");
  Write("bad/binary.txt", std::string("\x7f"
                                      "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
                                      16) +
                              std::string(200, '\0'));
  Write("bad/invalid-utf8.txt",
        "Le pr\xc3\xa9sident a parl\xc3"
        " hier \xff\xfe"
        " de la r\xc3\xa9"
        "forme.\n");
  Write("bad/lines.jsonl",
        "{\"id\":\"ok1\",\"text\":\"The first line is fine.\"}\n{\"id\": broken\n"
        "{\"id\":\"ok2\",\"text\":\"The third line is fine too.\"}\n");
  Write("bad/feed.xml",
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed</title>"
        "<item><title>One</title><description>The first item is complete.</description></item>"
        "<item><title>Two</title><description>Broken <b>markup & no end");
  Write("bad/cut.warc",
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/a\r\n"
        "Content-Type: application/http; msgtype=response\r\nContent-Length: 5000\r\n\r\n"
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>cut");
  std::string big_line = "{\"id\":\"big\",\"text\":\"" + std::string(50u << 20, 'a') + "\"}\n";
  Write("bad/big.jsonl", "{\"id\":\"before-big\",\"text\":\"Before the big line.\"}\n" + big_line +
                             "{\"id\":\"after-big\",\"text\":\"After the big line.\"}\n");

  RunResult r = Run("ingest " + Path("bad") + " " + Path("no-such-file.txt"));
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  struct Expect {
    const char* file;
    const char* locator;  // "" when the error is about the whole file
  } expected[] = {
      {"truncated.jsonl.gz", ""}, {"empty.txt", ""},         {"binary.txt", ""},
      {"invalid-utf8.txt", ""},   {"lines.jsonl", "line 2"}, {"feed.xml", "item 2"},
      {"cut.warc", "offset 0"},   {"big.jsonl", "line 2"},   {"no-such-file.txt", ""},
  };
  std::istringstream lines(r.err);
  std::string all_errors = r.err;
  for (const Expect& e : expected) {
    bool found = false;
    std::istringstream it(all_errors);
    for (std::string line; std::getline(it, line);) {
      if (line.find(e.file) != std::string::npos && line.find(e.locator) != std::string::npos) {
        found = true;
      }
    }
    EXPECT_TRUE(found) << "no error line for " << e.file << " " << e.locator << " in:\n"
                       << all_errors;
  }
  EXPECT_EQ(CountLines(r.err), static_cast<int>(std::size(expected))) << r.err;

  nlohmann::json doc = Export();
  std::set<std::string> ids;
  for (const auto& a : doc["articles"]) ids.insert(a["id"].get<std::string>());
  for (const char* id : {"ok1", "ok2", "before-big", "after-big", "gz0"}) {
    EXPECT_TRUE(ids.count(id)) << id;
  }
  EXPECT_FALSE(ids.count("big"));
  // The five samples stored before are all still there.
  int samples = 0;
  for (const auto& a : doc["articles"]) {
    samples += a["path"].get<std::string>().find("samples") != std::string::npos;
  }
  EXPECT_EQ(samples, 5);

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "ok");
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST_F(CliTest, ExportToFileIsAtomic) {
  ASSERT_EQ(Run("ingest " + kSamples).exit_code, 0);
  RunResult r = Run("export -o " + Path("out.json"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json doc = nlohmann::json::parse(ReadFile(dir_ / "out.json"));
  EXPECT_EQ(doc["articles"].size(), 5u);
  EXPECT_FALSE(fs::exists(dir_ / "out.json.partial"));
}

TEST_F(CliTest, MissingStoreIsAClearError) {
  RunResult r = Run("stats");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("store.db"), std::string::npos) << r.err;
}

}  // namespace
