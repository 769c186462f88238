// Tested by store_test.cc, search_test.cc and export_json_test.cc.
#include "store/sqlite_store.h"

#include <bit>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "store/article_counts.h"
#include "store/export_json.h"
#include "store/schema.h"
#include "store/search_query.h"
#include "store/snippet.h"
#include "store/sqlite_findings.h"
#include "store/sqlite_util.h"
#include "store/stems.h"
#include "store/wal_checkpointer.h"

namespace dossier::store_internal {
namespace {

constexpr char kInsertArticle[] = R"sql(
INSERT INTO articles (id, path, locator, url, title, author, outlet, dateline, published,
                      language, language_confidence, mixed_language, content_hash,
                      sentence_count, token_count, text, stems)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
ON CONFLICT DO NOTHING)sql";
// DO NOTHING applies to the uniqueness constraints only (id, url,
// content_hash): that is the dedupe. A CHECK or NOT NULL failure still fails
// the statement, and so the batch.

constexpr char kInsertIndexRow[] =
    "INSERT INTO articles_fts(rowid, title, text, stems) VALUES (?1, ?2, ?3, ?4)";

constexpr char kAddCounts[] = R"sql(
INSERT INTO article_counts(language, outlet, articles, sentences, tokens, text_bytes)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
ON CONFLICT (language, outlet) DO UPDATE SET
  articles = articles + excluded.articles,
  sentences = sentences + excluded.sentences,
  tokens = tokens + excluded.tokens,
  text_bytes = text_bytes + excluded.text_bytes)sql";

// The article an insert collided with, by the precedence of PutOutcome: same
// id, else same url, else same text.
constexpr char kFindDuplicate[] = R"sql(
SELECT id FROM articles WHERE id = ?1
UNION ALL SELECT id FROM articles WHERE url = ?2
UNION ALL SELECT id FROM articles WHERE content_hash = ?3
LIMIT 1)sql";

constexpr char kGetArticle[] = R"sql(
SELECT id, path, locator, url, title, author, outlet, dateline, published, language,
       language_confidence, mixed_language, content_hash, text
FROM articles WHERE id = ?1)sql";

// Title matches weigh ten times text matches; stems weigh as text.
// The page is ranked first and snippets are made for its hits only, from
// their text (snippet.h). ?4 bounds the ranked matches to the most recently
// stored ones.
constexpr char kSearch[] = R"sql(
WITH page AS (
  SELECT rowid, bm25(articles_fts, 10.0, 1.0, 1.0) AS score
  FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid >= ?4
  ORDER BY score, rowid
  LIMIT ?2 OFFSET ?3)
SELECT a.id, a.title, a.outlet, a.published, a.language, a.rowid, page.score
FROM page JOIN articles AS a ON a.rowid = page.rowid
ORDER BY page.score, page.rowid)sql";

// The text a snippet is made from, read only for the hits that get one (a
// 2 MB article among the hits cost its copy on every search).
constexpr char kSnippetText[] = "SELECT substr(text, 1, 65536) FROM articles WHERE rowid = ?1";

// The rowid of the kSearchWindow-th most recently stored match, if there
// are that many: FTS5 walks a match in rowid order without scoring it, so
// this costs a fraction of ranking them.
constexpr size_t kSearchWindow = 5000;
constexpr char kSearchWindowStart[] = R"sql(
SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1
ORDER BY rowid DESC LIMIT 1 OFFSET ?2)sql";

constexpr char kCounts[] = R"sql(
SELECT language, outlet, articles, sentences, tokens, text_bytes
FROM article_counts WHERE articles > 0)sql";

constexpr char kEarliest[] =
    "SELECT published FROM articles WHERE published IS NOT NULL ORDER BY published LIMIT 1";
constexpr char kAnalysed[] = "SELECT count(*) FROM analysed";
constexpr char kEntityCount[] = "SELECT count(*) FROM entities";
constexpr char kLatest[] =
    "SELECT published FROM articles WHERE published IS NOT NULL ORDER BY published DESC LIMIT 1";

std::string ColumnString(const Statement& st, int index) {
  return std::string(st.ColumnText(index));
}

Result<bool> InWalMode(const Database& db) {
  Result<Statement> st = Statement::Prepare(db.get(), "PRAGMA journal_mode", false);
  if (!st.ok()) return st.status();
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  return *row && st->ColumnText(0) == "wal";
}

class SqliteStore final : public Store {
 public:
  SqliteStore(Database db, std::string path, bool read_only, int schema_version)
      : db_(std::move(db)),
        path_(std::move(path)),
        read_only_(read_only),
        schema_version_(schema_version) {}

  Status Prepare();
  // Checkpoints of a writable store in WAL mode run beside the writer.
  Status StartCheckpointer();

  Result<PutOutcome> PutArticles(const std::vector<AnalyzedArticle>& batch) override;
  Result<Article> GetArticle(std::string_view id) override;
  Result<std::vector<SearchHit>> Search(const SearchQuery& query) override;
  Result<StoreStats> Stats() override;
  Status ExportJson(std::ostream& out) override;

  Result<std::vector<std::string>> PendingAnalysis() override {
    return WithContext(findings_->PendingAnalysis(), path_);
  }
  Status PutFindings(const FindingsBatch& batch) override {
    if (read_only_) return Status::Unsupported(path_ + ": store opened read-only");
    return WithContext(findings_->Put(batch), path_);
  }
  Result<std::string> GetState(std::string_view name) override {
    return WithContext(findings_->GetState(name), path_);
  }
  Result<std::vector<FindingRow>> ListFindings(std::string_view collection) override {
    return WithContext(findings_->ListFindings(collection), path_);
  }
  Result<FindingRow> GetFinding(std::string_view collection, std::string_view id) override {
    return WithContext(findings_->GetFinding(collection, id), path_);
  }
  Result<std::vector<EntityRecord>> ListEntities() override {
    return WithContext(findings_->ListEntities(), path_);
  }
  Result<EntityDetail> GetEntity(int64_t id) override {
    return WithContext(findings_->GetEntity(id), path_);
  }
  Result<std::vector<MentionRecord>> ListMentions(std::string_view article_id) override {
    return WithContext(findings_->ListMentions(article_id), path_);
  }

 private:
  Status PutOne(const AnalyzedArticle& a, PutOutcome* outcome, CountsByKey* counts);
  Status AddCounts(const CountsByKey& counts);
  Result<std::string> SingleText(Statement& st);

  Database db_;
  const std::string path_;
  const bool read_only_;
  const int schema_version_;
  Statement begin_, commit_, rollback_;
  Statement insert_, insert_index_row_, add_counts_, find_duplicate_, get_, search_,
      search_window_start_, snippet_text_, counts_, earliest_, latest_, analysed_, entity_count_;
  std::optional<FindingsTables> findings_;
  // Last: stopped before the statements and the connection close.
  std::unique_ptr<WalCheckpointer> checkpointer_;
};

Status SqliteStore::Prepare() {
  struct {
    Statement* statement;
    const char* sql;
  } const kStatements[] = {
      {&begin_, "BEGIN IMMEDIATE"},
      {&commit_, "COMMIT"},
      {&rollback_, "ROLLBACK"},
      {&insert_, kInsertArticle},
      {&insert_index_row_, kInsertIndexRow},
      {&add_counts_, kAddCounts},
      {&find_duplicate_, kFindDuplicate},
      {&get_, kGetArticle},
      {&search_, kSearch},
      {&search_window_start_, kSearchWindowStart},
      {&snippet_text_, kSnippetText},
      {&counts_, kCounts},
      {&earliest_, kEarliest},
      {&latest_, kLatest},
      {&analysed_, kAnalysed},
      {&entity_count_, kEntityCount},
  };
  for (const auto& s : kStatements) {
    Result<Statement> st = Statement::Prepare(db_.get(), s.sql);
    if (!st.ok()) return WithContext(st.status(), path_);
    *s.statement = std::move(*st);
  }
  Result<FindingsTables> findings = FindingsTables::Prepare(db_);
  if (!findings.ok()) return WithContext(findings.status(), path_);
  findings_.emplace(std::move(*findings));
  return Status::OK();
}

Status SqliteStore::StartCheckpointer() {
  if (read_only_) return Status::OK();
  Result<bool> wal = InWalMode(db_);
  if (!wal.ok()) return WithContext(wal.status(), path_);
  if (!*wal) return Status::OK();
  Result<std::unique_ptr<WalCheckpointer>> checkpointer =
      WalCheckpointer::Start(path_, db_.get(), kSqliteAutocheckpointFrames);
  if (!checkpointer.ok()) return WithContext(checkpointer.status(), path_);
  checkpointer_ = std::move(*checkpointer);
  return Status::OK();
}

Result<PutOutcome> SqliteStore::PutArticles(const std::vector<AnalyzedArticle>& batch) {
  PutOutcome outcome;
  if (batch.empty()) return outcome;
  if (read_only_) return Status::Unsupported(path_ + ": store opened read-only");
  outcome.ids.reserve(batch.size());
  outcome.inserted.reserve(batch.size());
  {
    StatementScope scope(begin_);
    Status s = begin_.Run();
    if (!s.ok()) return WithContext(s, path_);
  }
  Status s;
  CountsByKey counts;
  for (size_t i = 0; i < batch.size() && s.ok(); ++i) {
    s = PutOne(batch[i], &outcome, &counts);
    if (!s.ok()) {
      s = WithContext(s, "storing article " + std::to_string(i) + " of the batch (id \"" +
                             batch[i].article.id + "\")");
    }
  }
  if (s.ok()) s = AddCounts(counts);
  if (s.ok()) {
    StatementScope scope(commit_);
    s = commit_.Run();
  }
  if (!s.ok()) {
    // Some errors (disk full, I/O) already rolled the transaction back.
    if (!sqlite3_get_autocommit(db_.get())) {
      StatementScope scope(rollback_);
      (void)rollback_.Run();
    }
    return WithContext(s, path_);
  }
  return outcome;
}

Status SqliteStore::PutOne(const AnalyzedArticle& analyzed, PutOutcome* outcome,
                           CountsByKey* counts) {
  const Article& a = analyzed.article;
  const std::string stems = DistinctStems(analyzed.stems);
  {
    StatementScope scope(insert_);
    insert_.BindText(1, a.id);
    insert_.BindTextOrNull(2, a.path);
    insert_.BindTextOrNull(3, a.locator);
    insert_.BindTextOrNull(4, a.url);
    insert_.BindTextOrNull(5, a.title);
    insert_.BindTextOrNull(6, a.author);
    insert_.BindTextOrNull(7, a.outlet);
    insert_.BindTextOrNull(8, a.dateline);
    insert_.BindTextOrNull(9, a.published);
    insert_.BindTextOrNull(10, a.language);
    insert_.BindDouble(11, a.language_confidence);
    insert_.BindInt64(12, a.mixed_language ? 1 : 0);
    insert_.BindInt64(13, std::bit_cast<int64_t>(a.content_hash));
    insert_.BindInt64(14, analyzed.sentence_count);
    insert_.BindInt64(15, analyzed.token_count);
    insert_.BindText(16, a.text);
    insert_.BindText(17, stems);
    DOSSIER_RETURN_IF_ERROR(insert_.Run());
  }
  if (sqlite3_changes(db_.get()) == 1) {
    // The same values as the row: the index must agree with its content table.
    StatementScope scope(insert_index_row_);
    insert_index_row_.BindInt64(1, sqlite3_last_insert_rowid(db_.get()));
    insert_index_row_.BindTextOrNull(2, a.title);
    insert_index_row_.BindText(3, a.text);
    insert_index_row_.BindText(4, stems);
    DOSSIER_RETURN_IF_ERROR(insert_index_row_.Run());
    CountArticle(analyzed, a.text.size(), counts);
    outcome->ids.push_back(a.id);
    outcome->inserted.push_back(true);
    ++outcome->inserted_count;
    return Status::OK();
  }
  StatementScope scope(find_duplicate_);
  find_duplicate_.BindText(1, a.id);
  find_duplicate_.BindTextOrNull(2, a.url);
  find_duplicate_.BindInt64(3, std::bit_cast<int64_t>(a.content_hash));
  Result<bool> row = find_duplicate_.Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal("article was neither inserted nor a duplicate");
  outcome->ids.push_back(ColumnString(find_duplicate_, 0));
  outcome->inserted.push_back(false);
  ++outcome->duplicate_count;
  return Status::OK();
}

Status SqliteStore::AddCounts(const CountsByKey& counts) {
  for (const auto& [key, c] : counts) {
    StatementScope scope(add_counts_);
    add_counts_.BindText(1, key.first);
    add_counts_.BindText(2, key.second);
    add_counts_.BindInt64(3, c.articles);
    add_counts_.BindInt64(4, c.sentences);
    add_counts_.BindInt64(5, c.tokens);
    add_counts_.BindInt64(6, c.text_bytes);
    DOSSIER_RETURN_IF_ERROR(add_counts_.Run());
  }
  return Status::OK();
}

Result<Article> SqliteStore::GetArticle(std::string_view id) {
  StatementScope scope(get_);
  get_.BindText(1, id);
  Result<bool> row = get_.Step();
  if (!row.ok()) return WithContext(row.status(), path_);
  if (!*row) return Status::NotFound("no article with id \"" + std::string(id) + "\"");
  Article a;
  a.id = ColumnString(get_, 0);
  a.path = ColumnString(get_, 1);
  a.locator = ColumnString(get_, 2);
  a.url = ColumnString(get_, 3);
  a.title = ColumnString(get_, 4);
  a.author = ColumnString(get_, 5);
  a.outlet = ColumnString(get_, 6);
  a.dateline = ColumnString(get_, 7);
  a.published = ColumnString(get_, 8);
  a.language = ColumnString(get_, 9);
  a.language_confidence = get_.ColumnDouble(10);
  a.mixed_language = get_.ColumnInt64(11) != 0;
  a.content_hash = std::bit_cast<uint64_t>(get_.ColumnInt64(12));
  a.text = ColumnString(get_, 13);
  return a;
}

Result<std::vector<SearchHit>> SqliteStore::Search(const SearchQuery& query) {
  std::vector<SearchHit> hits;
  const std::string match = BuildMatchExpression(query);
  if (match.empty() || query.limit == 0) return hits;
  // BM25 scores every match before ORDER BY can pick the best: a query of
  // common words on 100,000 articles scored them all (~300 ms). A broad
  // query ranks its kSearchWindow most recently stored matches.
  int64_t window_start = 0;
  {
    StatementScope probe(search_window_start_);
    search_window_start_.BindText(1, match);
    search_window_start_.BindInt64(2, static_cast<int64_t>(kSearchWindow) - 1);
    Result<bool> row = search_window_start_.Step();
    if (!row.ok()) return WithContext(row.status(), path_ + ": searching");
    if (*row) window_start = search_window_start_.ColumnInt64(0);
  }
  const std::vector<std::string> terms = SnippetTerms(QueryWords(query.text));
  StatementScope scope(search_);
  search_.BindText(1, match);
  search_.BindInt64(2, ClampToInt64(query.limit));
  search_.BindInt64(3, ClampToInt64(query.offset));
  search_.BindInt64(4, window_start);
  for (;;) {
    Result<bool> row = search_.Step();
    if (!row.ok()) return WithContext(row.status(), path_ + ": searching");
    if (!*row) break;
    SearchHit h;
    h.id = ColumnString(search_, 0);
    h.title = ColumnString(search_, 1);
    h.outlet = ColumnString(search_, 2);
    h.published = ColumnString(search_, 3);
    h.language = ColumnString(search_, 4);
    if (!query.wants_snippet || query.wants_snippet(h)) {
      StatementScope text_scope(snippet_text_);
      snippet_text_.BindInt64(1, search_.ColumnInt64(5));
      Result<bool> text = snippet_text_.Step();
      if (!text.ok()) return WithContext(text.status(), path_ + ": searching");
      if (*text) h.snippet = MakeSnippet(ColumnString(snippet_text_, 0), terms);
    }
    h.score = -search_.ColumnDouble(6);
    hits.push_back(std::move(h));
  }
  return hits;
}

Result<std::string> SqliteStore::SingleText(Statement& st) {
  StatementScope scope(st);
  Result<bool> row = st.Step();
  if (!row.ok()) return WithContext(row.status(), path_);
  return *row ? ColumnString(st, 0) : std::string();
}

Result<StoreStats> SqliteStore::Stats() {
  StoreStats stats;
  stats.schema_version = schema_version_;
  {
    StatementScope scope(counts_);
    for (;;) {
      Result<bool> row = counts_.Step();
      if (!row.ok()) return WithContext(row.status(), path_);
      if (!*row) break;
      const uint64_t n = static_cast<uint64_t>(counts_.ColumnInt64(2));
      stats.by_language[ColumnString(counts_, 0)] += n;
      stats.by_outlet[ColumnString(counts_, 1)] += n;
      stats.articles += n;
      stats.sentences += static_cast<uint64_t>(counts_.ColumnInt64(3));
      stats.tokens += static_cast<uint64_t>(counts_.ColumnInt64(4));
      stats.text_bytes += static_cast<uint64_t>(counts_.ColumnInt64(5));
    }
  }
  Result<std::string> earliest = SingleText(earliest_);
  if (!earliest.ok()) return earliest.status();
  Result<std::string> latest = SingleText(latest_);
  if (!latest.ok()) return latest.status();
  stats.earliest_published = std::move(*earliest);
  stats.latest_published = std::move(*latest);
  for (auto [st, out] :
       {std::pair{&analysed_, &stats.analysed}, {&entity_count_, &stats.entities}}) {
    StatementScope scope(*st);
    Result<bool> row = st->Step();
    if (!row.ok()) return WithContext(row.status(), path_);
    *out = *row ? static_cast<uint64_t>(st->ColumnInt64(0)) : 0;
  }
  return stats;
}

Status SqliteStore::ExportJson(std::ostream& out) {
  return WithContext(WriteJsonExport(db_, out), path_ + ": export");
}

Status SetPragmas(const Database& db, bool read_only) {
  sqlite3_busy_timeout(db.get(), 5000);
  if (!read_only) {
    // 16 KiB pages for a new store; an existing store keeps its page size (it
    // can only be set before the first write, and not in WAL mode). Most
    // articles then fit in one page and the index's leaves are four times
    // larger: far fewer page writes and syscalls for the same ingest (system
    // time down by a third, ingest ~10% faster, measured on real articles).
    // Set before cache_size, which SQLite converts to a page count with the
    // page size of the moment: the other way round, a 32 MiB cache became
    // 7800 pages of 16 KiB.
    DOSSIER_RETURN_IF_ERROR(db.Exec("PRAGMA page_size = 16384;"));
  }
  // A 32 MiB page cache (the default is 2 MiB) keeps the FTS5 segments that
  // a commit merges, and the index pages a search walks, in memory. No
  // memory map: an I/O error would then be a SIGBUS instead of a Status.
  DOSSIER_RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768;"));
  if (read_only) return Status::OK();
  // journal_mode answers with the mode it got: "memory" for ":memory:", and
  // possibly "delete" on a file system without shared memory. Both work.
  return db.Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
}

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const StoreOptions& options) {
  const int flags =
      SQLITE_OPEN_NOMUTEX |
      (options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  Result<Database> db = Database::Open(path, flags);
  if (!db.ok()) {
    if (options.read_only && db.status().code() == Status::Code::kIOError) {
      return Status::NotFound(path + ": no such store (" + db.status().message() + ")");
    }
    return db.status();
  }
  // Wait for a lock from the first statement on: the probe below may meet
  // another process recovering the WAL after a crash (a brief exclusive
  // lock) and must wait for it, not fail.
  sqlite3_busy_timeout(db->get(), 5000);
  DOSSIER_RETURN_IF_ERROR(ProbeDatabase(*db, path));
  Status s = SetPragmas(*db, options.read_only);
  if (!s.ok()) return WithContext(s, path);
  Result<int> version = OpenSchema(*db, path, options.read_only);
  if (!version.ok()) return version.status();
  auto store = std::make_unique<SqliteStore>(std::move(*db), path, options.read_only, *version);
  DOSSIER_RETURN_IF_ERROR(store->Prepare());
  DOSSIER_RETURN_IF_ERROR(store->StartCheckpointer());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace dossier::store_internal
