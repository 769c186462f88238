// Crash safety: `dossier ingest` killed with SIGKILL at 20 random moments
// (seeded, so the moments are the same every run) during a large JSON Lines
// ingest. After each kill the store must open and pass PRAGMA
// integrity_check, the FTS5 index must match its content table, the
// trigger-kept counters must match the rows, and no article may be stored
// twice; a re-run to completion must then leave every article stored
// exactly once.
//
// The kills come in cycles of five on one store (each re-run resumes what
// the killed one left), then the cycle's store is completed and checked, and
// the next cycle starts afresh. Where each kill lands is seeded: the first
// of a cycle after a random 1-300 ms (opening, schema, first batch); the
// others once the store holds a random number of articles beyond what it
// held (polled through a reader, as WAL allows), plus a random 0-50 ms so
// that kills fall inside batches and commits, not only just after them. A
// run that ends before its kill is reported and does not count as a kill.
//
// A second, smaller test kills the default `dossier ingest` (with the
// analysis pass) 5 times, during ingest and during analysis, and checks
// that no article is marked analysed without its findings (its mentions,
// quotes and figures are those an uninterrupted run stores for it), that no
// findings exist for an article not marked analysed, and that a re-run
// analyses every article.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

#if defined(__SANITIZE_ADDRESS__)
constexpr int kArticles = 400;  // ASan build: same checks, shorter
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr int kArticles = 400;
#else
constexpr int kArticles = 20000;
#endif
#else
constexpr int kArticles = 20000;
#endif
#if defined(__SANITIZE_ADDRESS__)
constexpr int kAnalysedArticles = 120;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr int kAnalysedArticles = 120;
#else
constexpr int kAnalysedArticles = 1500;
#endif
#else
constexpr int kAnalysedArticles = 1500;
#endif
constexpr int kAnalysedKills = 5;
constexpr int kKills = 20;
constexpr int kKillsPerCycle = 5;
constexpr uint32_t kSeed = 20260901;

// Synthetic but realistic wire copy in three languages: dateline, quotes,
// figures, several paragraphs; each article's numbers make its text unique.
std::string JsonEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string MakeCorpus(int n, uint32_t seed) {
  struct Lang {
    const char* code;
    const char* outlet;
    std::vector<std::string> subjects, verbs, objects, sayers;
  };
  const std::vector<Lang> langs = {
      {"en",
       "Harbour Times",
       {"The port authority", "The city council", "Union leaders", "The health minister",
        "Local residents", "The central bank"},
       {"announced", "rejected", "approved", "criticised", "postponed", "welcomed"},
       {"a new budget for the docks", "the proposed wage agreement", "plans for a second runway",
        "the emergency housing programme", "an inquiry into the flooding"},
       {"said a spokeswoman", "told reporters on Monday", "according to a statement"}},
      {"fr",
       "Le Courrier du Port",
       {"La mairie", "Les syndicats", "Le ministre de la santé", "Les habitants du quartier",
        "La banque centrale"},
       {"a annoncé", "a rejeté", "a approuvé", "a critiqué", "a reporté"},
       {"un nouveau budget pour les quais", "l'accord salarial proposé",
        "le programme de logement d'urgence", "une enquête sur les inondations"},
       {"a déclaré une porte-parole", "selon un communiqué", "a-t-il indiqué lundi"}},
      {"de",
       "Hafenbote",
       {"Die Hafenbehörde", "Der Stadtrat", "Die Gewerkschaften", "Die Gesundheitsministerin",
        "Die Anwohner"},
       {"kündigte", "lehnte", "billigte", "kritisierte", "verschob"},
       {"einen neuen Haushalt für die Docks", "die geplante Lohnvereinbarung",
        "das Programm für Notunterkünfte", "eine Untersuchung der Überschwemmungen"},
       {"sagte eine Sprecherin", "hieß es in einer Mitteilung", "teilte das Amt am Montag mit"}},
  };
  std::mt19937 rng(seed);
  auto pick = [&](const std::vector<std::string>& v) -> const std::string& {
    return v[rng() % v.size()];
  };
  std::string out;
  for (int i = 0; i < n; ++i) {
    const Lang& lang = langs[rng() % langs.size()];
    std::string text;
    int paragraphs = 2 + static_cast<int>(rng() % 2);
    for (int p = 0; p < paragraphs; ++p) {
      if (p > 0) text += "\n\n";
      for (int s = 0; s < 2; ++s) {
        text += pick(lang.subjects) + " " + pick(lang.verbs) + " " + pick(lang.objects) + " (" +
                std::to_string(1000 + i) + "/" + std::to_string(p * 3 + s) + "), \"" +
                pick(lang.objects) + "\", " + pick(lang.sayers) + ". ";
      }
    }
    char date[16];
    std::snprintf(date, sizeof date, "2021-%02d-%02d", 1 + i % 12, 1 + i % 28);
    out += "{\"id\":\"crash-" + std::to_string(i) + "\",\"url\":\"https://news.example/" +
           std::to_string(i) + "\",\"title\":\"" + JsonEscape(pick(lang.subjects)) + " " +
           JsonEscape(pick(lang.verbs)) + " " + std::to_string(i) + "\",\"published\":\"" + date +
           "\",\"outlet\":\"" + lang.outlet + "\",\"language\":\"" + lang.code + "\",\"text\":\"" +
           JsonEscape(text) + "\"}\n";
  }
  return out;
}

// Starts `dossier --db DB ingest -q --no-analyze --batch-size 256 INPUT`,
// output discarded. Small batches: more commits for the kills to land in.
// The analysis pass is left out unless `analyze` (it would triple the time
// of each run of the 20-kill test).
pid_t StartIngest(const std::string& db, const std::string& input, bool analyze = false) {
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    int log = open((db + ".stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(null, 1);
    dup2(log, 2);
    if (analyze) {
      execl(DOSSIER_BINARY, "dossier", "--db", db.c_str(), "ingest", "-q", "--batch-size", "256",
            input.c_str(), static_cast<char*>(nullptr));
    } else {
      execl(DOSSIER_BINARY, "dossier", "--db", db.c_str(), "ingest", "-q", "--no-analyze",
            "--batch-size", "256", input.c_str(), static_cast<char*>(nullptr));
    }
    _exit(127);
  }
  return pid;
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Waits for the child; returns its exit code, or -signal when killed.
int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

std::string QueryText(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
    return std::string("prepare failed: ") + sqlite3_errmsg(db);
  }
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    if (!out.empty()) out += "\n";
    const unsigned char* t = sqlite3_column_text(stmt, 0);
    out += t ? reinterpret_cast<const char*>(t) : "NULL";
  }
  sqlite3_finalize(stmt);
  return out;
}

struct StoreState {
  long long articles = 0, distinct_ids = 0, distinct_hashes = 0, counted = 0, foreign = 0;
};

// Opens the store as a user would after a crash and checks it. A store the
// kill left before its schema existed has no articles table: 0 articles.
StoreState CheckStore(const std::string& path) {
  StoreState st;
  if (!fs::exists(path)) return st;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  EXPECT_EQ(QueryText(db, "PRAGMA integrity_check"), "ok");
  if (QueryText(db, "SELECT count(*) FROM sqlite_master WHERE name = 'articles'") == "1") {
    char* err = nullptr;
    int rc = sqlite3_exec(db, "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')",
                          nullptr, nullptr, &err);
    EXPECT_EQ(rc, SQLITE_OK) << "FTS5 index out of step with articles: " << (err ? err : "");
    sqlite3_free(err);
    st.articles = std::stoll(QueryText(db, "SELECT count(*) FROM articles"));
    st.distinct_ids = std::stoll(QueryText(db, "SELECT count(DISTINCT id) FROM articles"));
    st.distinct_hashes =
        std::stoll(QueryText(db, "SELECT count(DISTINCT content_hash) FROM articles"));
    st.counted = std::stoll(QueryText(db, "SELECT coalesce(sum(articles), 0) FROM article_counts"));
    st.foreign =
        std::stoll(QueryText(db, "SELECT count(*) FROM articles WHERE id NOT GLOB 'crash-[0-9]*'"));
  }
  sqlite3_close(db);
  return st;
}

void ExpectNoDuplicates(const StoreState& st) {
  EXPECT_EQ(st.distinct_ids, st.articles) << "an id stored twice";
  EXPECT_EQ(st.distinct_hashes, st.articles) << "a text stored twice";
  EXPECT_EQ(st.counted, st.articles) << "article_counts out of step with articles";
  EXPECT_EQ(st.foreign, 0) << "an article that is not in the input";
}

// Articles the store holds now, read by a separate connection while the
// ingest writes (0 before the schema exists).
long long StoredNow(const std::string& path) {
  if (!fs::exists(path)) return 0;
  sqlite3* db = nullptr;
  long long n = 0;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(db, 50);
    std::string count = QueryText(db, "SELECT count(*) FROM articles");
    if (!count.empty() && std::isdigit(static_cast<unsigned char>(count[0]))) n = std::stoll(count);
  }
  sqlite3_close(db);
  return n;
}

// Per article id: "analysed mentions findings" (findings: the quotes and
// figures found in it), plus the store-wide checks of the analysis: no
// findings or mentions for an article that is not marked analysed.
struct AnalysisState {
  std::map<std::string, std::string> articles;  // id -> "analysed mentions findings"
  long long analysed = 0, orphan_rows = 0;
};

AnalysisState CheckAnalysis(const std::string& path) {
  AnalysisState st;
  if (!fs::exists(path)) return st;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  if (QueryText(db, "SELECT count(*) FROM sqlite_master WHERE name = 'findings'") == "1") {
    std::string rows =
        QueryText(db,
                  "SELECT a.id || ' ' || (a.rowid IN (SELECT article FROM analysed)) "
                  "|| ' ' || (SELECT count(*) FROM mentions m WHERE m.article = "
                  "a.rowid) || ' ' || (SELECT count(*) FROM findings f WHERE "
                  "f.article = a.rowid) FROM articles a");
    size_t at = 0;
    while (at < rows.size()) {
      size_t end = rows.find('\n', at);
      if (end == std::string::npos) end = rows.size();
      const std::string row = rows.substr(at, end - at);
      const size_t space = row.find(' ');
      st.articles[row.substr(0, space)] = row.substr(space + 1);
      at = end + 1;
    }
    st.analysed = std::stoll(QueryText(db, "SELECT count(*) FROM analysed"));
    st.orphan_rows = std::stoll(QueryText(
        db,
        "SELECT (SELECT count(*) FROM mentions WHERE article NOT IN (SELECT article FROM "
        "analysed)) + (SELECT count(*) FROM findings WHERE article IS NOT NULL AND article NOT IN "
        "(SELECT article FROM analysed))"));
  }
  sqlite3_close(db);
  return st;
}

long long AnalysedNow(const std::string& path) {
  if (!fs::exists(path)) return 0;
  sqlite3* db = nullptr;
  long long n = 0;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(db, 50);
    std::string count = QueryText(db, "SELECT count(*) FROM analysed");
    if (!count.empty() && std::isdigit(static_cast<unsigned char>(count[0]))) n = std::stoll(count);
  }
  sqlite3_close(db);
  return n;
}

// Every article marked analysed in `st` has exactly the findings the
// uninterrupted run `ref` stored for it; returns how many were analysed.
long long ExpectAnalysedAsReference(const AnalysisState& st, const AnalysisState& ref) {
  EXPECT_EQ(st.orphan_rows, 0) << "findings of an article not marked analysed";
  long long analysed = 0;
  for (const auto& [id, row] : st.articles) {
    if (row.rfind("1 ", 0) != 0) continue;
    ++analysed;
    auto r = ref.articles.find(id);
    if (r == ref.articles.end()) {
      ADD_FAILURE() << "article " << id << " is not in the reference store";
      continue;
    }
    EXPECT_EQ(row, r->second) << "article " << id << " marked analysed with other findings";
  }
  EXPECT_EQ(analysed, st.analysed);
  return analysed;
}

// Kills `pid` once `ready()` holds and then `extra` has passed. Returns
// true when killed; false when the process ended first (*status is then its
// wait status).
template <typename Ready>
bool KillWhen(pid_t pid, Ready ready, std::chrono::microseconds extra, int* status) {
  while (!ready()) {
    if (waitpid(pid, status, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  std::this_thread::sleep_for(extra);
  if (waitpid(pid, status, WNOHANG) == pid) return false;
  kill(pid, SIGKILL);
  return true;
}

TEST(CrashSafetyTest, SigkillDuringIngestLosesNothingAndDuplicatesNothing) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // figures appear as they come
  fs::path dir = fs::path(::testing::TempDir()) / "crash_safety_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string input = (dir / "articles.jsonl").string();
  std::ofstream(input, std::ios::binary) << MakeCorpus(kArticles, kSeed);

  // Reference: one uninterrupted ingest, for the figures.
  const std::string ref_db = (dir / "reference.db").string();
  auto t0 = Clock::now();
  ASSERT_EQ(Wait(StartIngest(ref_db, input)), 0) << ReadText(ref_db + ".stderr");
  const auto full = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0);
  StoreState ref = CheckStore(ref_db);
  ASSERT_EQ(ref.articles, kArticles);
  ExpectNoDuplicates(ref);
  std::printf("crash safety: %d articles, uninterrupted ingest %.2f s\n", kArticles,
              full.count() / 1e6);

  std::mt19937 rng(kSeed);
  int kills = 0, finished_first = 0, cycle = -1, stores = 0;
  std::string db;
  auto fresh_store = [&] { db = (dir / ("store" + std::to_string(stores++) + ".db")).string(); };
  while (kills < kKills) {
    ASSERT_LT(finished_first, kKills) << "ingest keeps finishing before the kill";
    if (kills / kKillsPerCycle != cycle) {
      cycle = kills / kKillsPerCycle;
      fresh_store();
    }
    const long long before = StoredNow(db);
    const bool first = kills % kKillsPerCycle == 0;
    // Targets spread over what is left, keeping room for the cycle's other kills.
    const long long target =
        first ? 0 : before + 1 + rng() % std::max<long long>(1, (kArticles - before) * 3 / 4);
    const auto extra = std::chrono::microseconds(first ? 1000 + rng() % 300000 : rng() % 50000);
    const std::string log = db + ".stderr";
    const auto start = Clock::now();
    pid_t pid = StartIngest(db, input);
    int status = 0;
    const bool killed = KillWhen(
        pid, [&] { return target == 0 || StoredNow(db) >= target; }, extra, &status);
    const int rc =
        killed ? Wait(pid) : (WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status));
    const double at = std::chrono::duration<double>(Clock::now() - start).count();
    StoreState st = CheckStore(db);
    ExpectNoDuplicates(st);
    EXPECT_GE(st.articles, before) << "a kill lost committed articles";
    // The run may also end on its own in the instant before the signal.
    if (!killed || rc == 0) {
      ++finished_first;
      std::printf("  cycle %d: run finished (exit %d) before its kill, %lld articles\n", cycle, rc,
                  st.articles);
      EXPECT_EQ(rc, 0) << ReadText(log);
      EXPECT_EQ(st.articles, kArticles);
      // A complete store leaves nothing to interrupt (a small corpus, as
      // under ASan, fills quickly): the cycle's next kills go to a new one.
      fresh_store();
      continue;
    }
    EXPECT_EQ(rc, -SIGKILL);
    ++kills;
    std::printf(
        "  kill %2d (cycle %d) at %.3f s: %lld articles stored (before %lld), integrity ok\n",
        kills, cycle, at, st.articles, before);
    if (kills % kKillsPerCycle == 0) {
      // Complete this cycle's store: every article exactly once.
      ASSERT_EQ(Wait(StartIngest(db, input)), 0) << ReadText(db + ".stderr");
      StoreState done = CheckStore(db);
      ExpectNoDuplicates(done);
      EXPECT_EQ(done.articles, kArticles);
      std::printf("  cycle %d re-run to completion: %lld articles, each once\n", cycle,
                  done.articles);
    }
  }
  std::printf("crash safety: %d kills, %d runs finished before their kill\n", kills,
              finished_first);
  fs::remove_all(dir);
}

TEST(CrashSafetyTest, SigkillDuringAnalysisLeavesFindingsConsistent) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  fs::path dir = fs::path(::testing::TempDir()) / "crash_safety_analysis";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string input = (dir / "articles.jsonl").string();
  std::ofstream(input, std::ios::binary) << MakeCorpus(kAnalysedArticles, kSeed + 1);

  const std::string ref_db = (dir / "reference.db").string();
  auto t0 = Clock::now();
  ASSERT_EQ(Wait(StartIngest(ref_db, input, /*analyze=*/true)), 0) << ReadText(ref_db + ".stderr");
  const double full = std::chrono::duration<double>(Clock::now() - t0).count();
  const AnalysisState ref = CheckAnalysis(ref_db);
  ASSERT_EQ(ref.analysed, kAnalysedArticles);
  ASSERT_EQ(ref.orphan_rows, 0);
  std::printf("crash safety (analysis): %d articles, uninterrupted ingest + analysis %.2f s\n",
              kAnalysedArticles, full);

  // Kills alternate between the ingest (a number of articles stored) and
  // the analysis (a number of articles analysed), all on one store.
  std::mt19937 rng(kSeed + 1);
  const std::string db = (dir / "store.db").string();
  int kills = 0, finished_first = 0;
  while (kills < kAnalysedKills) {
    ASSERT_LT(finished_first, kAnalysedKills) << "ingest keeps finishing before the kill";
    const long long stored = StoredNow(db), analysed = AnalysedNow(db);
    const bool in_analysis = kills % 2 == 1 || stored >= kAnalysedArticles;
    const long long left = kAnalysedArticles - (in_analysis ? analysed : stored);
    const long long target =
        (in_analysis ? analysed : stored) + 1 + rng() % std::max<long long>(1, left * 3 / 4);
    const auto extra = std::chrono::microseconds(rng() % 100000);
    pid_t pid = StartIngest(db, input, /*analyze=*/true);
    int status = 0;
    const bool killed = KillWhen(
        pid, [&] { return in_analysis ? AnalysedNow(db) >= target : StoredNow(db) >= target; },
        extra, &status);
    const int rc =
        killed ? Wait(pid) : (WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status));
    StoreState st = CheckStore(db);
    ExpectNoDuplicates(st);
    const AnalysisState an = CheckAnalysis(db);
    const long long consistent = ExpectAnalysedAsReference(an, ref);
    if (!killed || rc == 0) {
      ++finished_first;
      EXPECT_EQ(rc, 0) << ReadText(db + ".stderr");
      std::printf("  run finished (exit %d) before its kill: %lld articles, %lld analysed\n", rc,
                  st.articles, an.analysed);
      // Start again on a fresh store, so that the kills have work to land in.
      fs::remove(db);
      fs::remove(db + "-wal");
      fs::remove(db + "-shm");
      continue;
    }
    EXPECT_EQ(rc, -SIGKILL);
    ++kills;
    std::printf(
        "  kill %d during %s: %lld articles stored, %lld analysed (each with its findings), "
        "integrity ok\n",
        kills, in_analysis ? "analysis" : "ingest", st.articles, consistent);
  }
  ASSERT_EQ(Wait(StartIngest(db, input, /*analyze=*/true)), 0) << ReadText(db + ".stderr");
  StoreState done = CheckStore(db);
  ExpectNoDuplicates(done);
  EXPECT_EQ(done.articles, kAnalysedArticles);
  const AnalysisState an = CheckAnalysis(db);
  EXPECT_EQ(ExpectAnalysedAsReference(an, ref), kAnalysedArticles) << "an article not analysed";
  std::printf("  re-run to completion: %lld articles, %lld analysed, findings as uninterrupted\n",
              done.articles, an.analysed);
  std::printf("crash safety (analysis): %d kills, %d runs finished before their kill\n", kills,
              finished_first);
  fs::remove_all(dir);
}

// The limits that protect a run from hostile input: a zip bomb, an article
// over --max-article-bytes (8 MiB) and a page nested 100,000 deep (over the
// 1024-level HTML depth limit) each cost only their own record, with one
// error line naming it; the good input after them is stored and the exit
// code says some records were rejected.
TEST(CrashSafetyTest, HostileInputsCostOnlyTheirOwnRecord) {
  fs::path dir = fs::path(::testing::TempDir()) / "crash_safety_limits";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string bomb = (dir / "bomb.jsonl.gz").string();
  {
    // 64 MiB of spaces after one good line: ~1000:1, over the 200:1 limit.
    gzFile gz = gzopen(bomb.c_str(), "wb9");
    ASSERT_NE(gz, nullptr);
    std::string first = "{\"id\":\"before-bomb\",\"text\":\"A line before the bomb.\"}\n";
    gzwrite(gz, first.data(), static_cast<unsigned>(first.size()));
    std::string spaces(1 << 20, ' ');
    for (int i = 0; i < 64; ++i) gzwrite(gz, spaces.data(), static_cast<unsigned>(spaces.size()));
    gzclose(gz);
  }
  std::string big;  // just over the default --max-article-bytes (8 MiB)
  while (big.size() <= (8u << 20)) big += "An article longer than the limit. ";
  std::ofstream(dir / "big.txt") << big;
  std::string deep = "<html><body>";
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "<p>Deep text that is never read.</p>";
  for (int i = 0; i < 100000; ++i) deep += "</div>";
  std::ofstream(dir / "deep.html") << deep << "</body></html>";
  std::ofstream(dir / "good.jsonl") << "{\"id\":\"good-1\",\"text\":\"The harbour reopened.\"}\n";

  const std::string db = (dir / "store.db").string(), err = (dir / "stderr").string();
  const std::string cmd = std::string(DOSSIER_BINARY) + " --db '" + db +
                          "' ingest -q --no-analyze '" + bomb + "' '" + (dir / "big.txt").string() +
                          "' '" + (dir / "deep.html").string() + "' '" +
                          (dir / "good.jsonl").string() + "' >/dev/null 2>'" + err + "'";
  const auto t0 = Clock::now();
  const int status = std::system(cmd.c_str());
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1) << "some records rejected, the rest processed";
  const std::string errors = ReadText(err);
  EXPECT_NE(errors.find("bomb.jsonl.gz: line 2: gzip stream expands more than 200 times"),
            std::string::npos)
      << errors;
  EXPECT_NE(errors.find("big.txt: article larger than 8388608 bytes"), std::string::npos) << errors;
  EXPECT_NE(errors.find("deep.html: HTML nested deeper than 1024 elements"), std::string::npos)
      << errors;
  StoreState st = CheckStore(db);
  EXPECT_EQ(st.articles, 2) << "before-bomb and good-1";
  std::printf("limits: zip bomb, oversized article and 100,000-deep page handled in %.2f s\n",
              seconds);
  EXPECT_LT(seconds, 30.0) << "a hostile input must not stall the run";
  fs::remove_all(dir);
}

}  // namespace
