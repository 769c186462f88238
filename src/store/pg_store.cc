// Tested by pg_store_test.cc and the backend-independent store tests
// (store_contract_test.cc, search_test.cc, findings_test.cc, export_json_test.cc).
#include "store/pg_store.h"

#include <algorithm>
#include <bit>
#include <limits>
#include <map>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "store/article_counts.h"
#include "store/pg_export.h"
#include "store/pg_findings.h"
#include "store/pg_schema.h"
#include "store/pg_search.h"
#include "store/pg_util.h"
#include "store/search_query.h"
#include "store/snippet.h"
#include "store/stems.h"
#include "store/with_context.h"

namespace dossier::store_internal {
namespace {

// Prepared once per connection, by name.
constexpr char kPgPutArticle[] = "put_article";
constexpr char kPgFindDuplicate[] = "find_duplicate";
constexpr char kPgAddCounts[] = "add_counts";
constexpr char kPgGetArticle[] = "get_article";
constexpr char kPgSearchWindow[] = "search_window";
constexpr char kPgSearchPage[] = "search_page";
constexpr char kPgSnippetText[] = "snippet_text";

// DO NOTHING covers the unique keys only (id, url, content_hash): that is
// the dedupe, and it holds with several writers, since PostgreSQL makes an
// insert wait for a concurrent one of the same key. A CHECK or NOT NULL
// failure still fails the statement, and so the batch.
constexpr char kPgPutArticleSql[] = R"sql(
INSERT INTO articles (id, path, locator, url, title, author, outlet, dateline, published,
                      language, language_confidence, mixed_language, content_hash,
                      sentence_count, token_count, text, stems, search)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18::tsvector)
ON CONFLICT DO NOTHING
RETURNING seq)sql";

// Writers whose batches share articles take the unique-key locks of their
// inserts in batch order, and two batches in different orders deadlock:
// PostgreSQL aborts one after deadlock_timeout (a second) and RunTransaction
// runs it again, where it can meet the same cycle. Advisory locks on every
// key of the batch, taken first and in one global order, leave no cycle: a
// writer that shares a key with another waits for it before inserting.
int64_t LockKey(std::string_view text) {  // the same in every process
  return std::bit_cast<int64_t>(XXH64(text.data(), text.size(), 0));
}

std::string LockBatchKeysSql(const std::vector<AnalyzedArticle>& batch) {
  std::vector<int64_t> keys;
  for (const AnalyzedArticle& a : batch) {
    keys.push_back(LockKey(a.article.id));
    if (!a.article.url.empty()) keys.push_back(LockKey(a.article.url));
    keys.push_back(std::bit_cast<int64_t>(a.article.content_hash));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  // unnest yields the array's elements in order, and each row's lock is
  // taken as the row is produced.
  std::string sql = "SELECT pg_advisory_xact_lock(k) FROM unnest('{";
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) sql += ',';
    sql += std::to_string(keys[i]);
  }
  sql += "}'::bigint[]) AS k";
  return sql;
}

// The article an insert collided with, by the precedence of PutOutcome.
constexpr char kPgFindDuplicateSql[] = R"sql(
(SELECT id FROM articles WHERE id = $1)
UNION ALL (SELECT id FROM articles WHERE url = $2)
UNION ALL (SELECT id FROM articles WHERE content_hash = $3)
LIMIT 1)sql";

constexpr char kPgAddCountsSql[] = R"sql(
INSERT INTO article_counts AS c (language, outlet, articles, sentences, tokens, text_bytes)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (language, outlet) DO UPDATE SET
  articles = c.articles + excluded.articles,
  sentences = c.sentences + excluded.sentences,
  tokens = c.tokens + excluded.tokens,
  text_bytes = c.text_bytes + excluded.text_bytes)sql";

constexpr char kPgGetArticleSql[] = R"sql(
SELECT id, path, locator, url, title, author, outlet, dateline, published, language,
       language_confidence, mixed_language, content_hash, text
FROM articles WHERE id = $1)sql";

// The seq of the kPgSearchWindowSize-th most recently stored match, if there
// are that many: a broad query ranks only the matches from there on.
constexpr int64_t kPgSearchWindowSize = 5000;
constexpr char kPgSearchWindowSql[] = R"sql(
SELECT seq FROM articles WHERE search @@ $1::tsquery
ORDER BY seq DESC LIMIT 1 OFFSET $2)sql";

// Title matches weigh ten times text matches; stems weigh as text. The
// array is {D, C, B, A}: unused, stems, text, title. Normalisation 1
// divides by 1 + log(document length): of two equal matches the shorter
// article ranks first, as with BM25.
constexpr char kPgSearchPageSql[] = R"sql(
SELECT id, title, outlet, published, language, seq,
       ts_rank('{0, 0.1, 0.1, 1.0}', search, $1::tsquery, 1) AS score
FROM articles WHERE search @@ $1::tsquery AND seq >= $4
ORDER BY score DESC, seq
LIMIT $2 OFFSET $3)sql";

constexpr char kPgSnippetTextSql[] = "SELECT substr(text, 1, 65536) FROM articles WHERE seq = $1";

constexpr char kPgStatsSql[] = R"sql(
SELECT language, outlet, articles, sentences, tokens, text_bytes
FROM article_counts WHERE articles > 0)sql";
constexpr char kPgStatsMoreSql[] = R"sql(
SELECT (SELECT min(published) FROM articles), (SELECT max(published) FROM articles),
       (SELECT count(*) FROM analysed), (SELECT count(*) FROM entities))sql";

class PgStore final : public Store {
 public:
  PgStore(std::unique_ptr<pqxx::connection> conn, std::string name, bool read_only,
          int schema_version)
      : conn_(std::move(conn)),
        name_(std::move(name)),
        read_only_(read_only),
        schema_version_(schema_version),
        findings_(*conn_, read_only) {}

  Status Prepare();

  Result<PutOutcome> PutArticles(const std::vector<AnalyzedArticle>& batch) override;
  Result<Article> GetArticle(std::string_view id) override;
  Result<std::vector<SearchHit>> Search(const SearchQuery& query) override;
  Result<StoreStats> Stats() override;
  Status ExportJson(std::ostream& out) override {
    return WithContext(WritePgJsonExport(*conn_, out), name_ + ": export");
  }

  Result<std::vector<std::string>> PendingAnalysis() override {
    return WithContext(findings_.PendingAnalysis(), name_);
  }
  Status PutFindings(const FindingsBatch& batch) override {
    if (read_only_) return Status::Unsupported(name_ + ": store opened read-only");
    return WithContext(findings_.Put(batch), name_);
  }
  Result<std::string> GetState(std::string_view name) override {
    return WithContext(findings_.GetState(name), name_);
  }
  Result<std::vector<FindingRow>> ListFindings(std::string_view collection) override {
    return WithContext(findings_.ListFindings(collection), name_);
  }
  Result<FindingRow> GetFinding(std::string_view collection, std::string_view id) override {
    return WithContext(findings_.GetFinding(collection, id), name_);
  }
  Result<std::vector<EntityRecord>> ListEntities() override {
    return WithContext(findings_.ListEntities(), name_);
  }
  Result<EntityDetail> GetEntity(int64_t id) override {
    return WithContext(findings_.GetEntity(id), name_);
  }
  Result<std::vector<MentionRecord>> ListMentions(std::string_view article_id) override {
    return WithContext(findings_.ListMentions(article_id), name_);
  }

 private:
  void PutOne(pqxx::work& t, const AnalyzedArticle& a, PutOutcome* outcome, CountsByKey* counts);

  template <typename Body>
  Status Read(Body&& body) {
    return WithContext(RunTransaction<pqxx::read_transaction>(*conn_, body), name_);
  }

  std::unique_ptr<pqxx::connection> conn_;
  const std::string name_;
  const bool read_only_;
  const int schema_version_;
  PgFindings findings_;
};

Status PgStore::Prepare() {
  try {
    conn_->prepare(kPgPutArticle, kPgPutArticleSql);
    conn_->prepare(kPgFindDuplicate, kPgFindDuplicateSql);
    conn_->prepare(kPgAddCounts, kPgAddCountsSql);
    conn_->prepare(kPgGetArticle, kPgGetArticleSql);
    conn_->prepare(kPgSearchWindow, kPgSearchWindowSql);
    conn_->prepare(kPgSearchPage, kPgSearchPageSql);
    conn_->prepare(kPgSnippetText, kPgSnippetTextSql);
  } catch (const std::exception& e) {
    return WithContext(PgError(e), name_);
  }
  return WithContext(findings_.Prepare(), name_);
}

Result<PutOutcome> PgStore::PutArticles(const std::vector<AnalyzedArticle>& batch) {
  PutOutcome outcome;
  if (batch.empty()) return outcome;
  if (read_only_) return Status::Unsupported(name_ + ": store opened read-only");
  const std::string lock_keys = LockBatchKeysSql(batch);
  Status s = RunTransaction<pqxx::work>(*conn_, [&](pqxx::work& t) -> Status {
    t.exec(lock_keys);
    outcome = PutOutcome();
    outcome.ids.reserve(batch.size());
    outcome.inserted.reserve(batch.size());
    CountsByKey counts;
    for (size_t i = 0; i < batch.size(); ++i) {
      try {
        PutOne(t, batch[i], &outcome, &counts);
      } catch (const pqxx::transaction_rollback&) {
        throw;  // RunTransaction runs the batch again
      } catch (const std::exception& e) {
        return WithContext(PgError(e), "storing article " + std::to_string(i) +
                                           " of the batch (id \"" + batch[i].article.id + "\")");
      }
    }
    for (const auto& [key, c] : counts) {
      t.exec_prepared(kPgAddCounts, key.first, key.second, c.articles, c.sentences, c.tokens,
                      c.text_bytes);
    }
    return Status::OK();
  });
  if (!s.ok()) return WithContext(s, name_);
  return outcome;
}

void PgStore::PutOne(pqxx::work& t, const AnalyzedArticle& analyzed, PutOutcome* outcome,
                     CountsByKey* counts) {
  const Article& a = analyzed.article;
  const std::string stems = DistinctStems(analyzed.stems);
  const std::string title = StorableText(a.title);
  const std::string text = StorableText(a.text);
  const int64_t hash = std::bit_cast<int64_t>(a.content_hash);
  const pqxx::result inserted = t.exec_prepared(
      kPgPutArticle, a.id, NullIfEmpty(a.path), NullIfEmpty(a.locator), NullIfEmpty(a.url),
      NullIfEmpty(title), NullIfEmpty(a.author), NullIfEmpty(a.outlet), NullIfEmpty(a.dateline),
      NullIfEmpty(a.published), NullIfEmpty(a.language), a.language_confidence, a.mixed_language,
      hash, static_cast<int64_t>(analyzed.sentence_count),
      static_cast<int64_t>(analyzed.token_count), text, stems, BuildTsvector(title, text, stems));
  if (inserted.size() == 1) {
    CountArticle(analyzed, text.size(), counts);
    outcome->ids.push_back(a.id);
    outcome->inserted.push_back(true);
    ++outcome->inserted_count;
    return;
  }
  const pqxx::result dup = t.exec_prepared(kPgFindDuplicate, a.id, NullIfEmpty(a.url), hash);
  if (dup.empty()) throw std::logic_error("article was neither inserted nor a duplicate");
  outcome->ids.push_back(FieldText(dup[0][0]));
  outcome->inserted.push_back(false);
  ++outcome->duplicate_count;
}

Result<Article> PgStore::GetArticle(std::string_view id) {
  std::optional<Article> article;
  Status s = Read([&](pqxx::read_transaction& t) -> Status {
    const pqxx::result r = t.exec_prepared(kPgGetArticle, std::string(id));
    if (r.empty()) return Status::OK();
    const pqxx::row row = r[0];
    Article a;
    a.id = FieldText(row[0]);
    a.path = FieldText(row[1]);
    a.locator = FieldText(row[2]);
    a.url = FieldText(row[3]);
    a.title = FieldText(row[4]);
    a.author = FieldText(row[5]);
    a.outlet = FieldText(row[6]);
    a.dateline = FieldText(row[7]);
    a.published = FieldText(row[8]);
    a.language = FieldText(row[9]);
    a.language_confidence = row[10].as<double>();
    a.mixed_language = row[11].as<bool>();
    a.content_hash = std::bit_cast<uint64_t>(row[12].as<int64_t>());
    a.text = FieldText(row[13]);
    article = std::move(a);
    return Status::OK();
  });
  if (!s.ok()) return s;
  if (!article) return Status::NotFound("no article with id \"" + std::string(id) + "\"");
  return std::move(*article);
}

Result<std::vector<SearchHit>> PgStore::Search(const SearchQuery& query) {
  std::vector<SearchHit> hits;
  const std::string tsquery = BuildTsquery(query);
  if (tsquery.empty() || query.limit == 0) return hits;
  const std::vector<std::string> terms = SnippetTerms(QueryWords(query.text));
  Status s = Read([&](pqxx::read_transaction& t) -> Status {
    hits.clear();
    // ts_rank reads every match's tsvector before ORDER BY can pick the
    // best: a broad query ranks its kPgSearchWindowSize most recent matches.
    const pqxx::result window = t.exec_prepared(kPgSearchWindow, tsquery, kPgSearchWindowSize - 1);
    const int64_t window_start = window.empty() ? 0 : window[0][0].as<int64_t>();
    const pqxx::result page = t.exec_prepared(kPgSearchPage, tsquery, ClampToInt64(query.limit),
                                              ClampToInt64(query.offset), window_start);
    for (const pqxx::row& row : page) {
      SearchHit h;
      h.id = FieldText(row[0]);
      h.title = FieldText(row[1]);
      h.outlet = FieldText(row[2]);
      h.published = FieldText(row[3]);
      h.language = FieldText(row[4]);
      h.score = row[6].as<double>();
      if (!query.wants_snippet || query.wants_snippet(h)) {
        const pqxx::result text = t.exec_prepared(kPgSnippetText, row[5].as<int64_t>());
        if (!text.empty()) h.snippet = MakeSnippet(FieldText(text[0][0]), terms);
      }
      hits.push_back(std::move(h));
    }
    return Status::OK();
  });
  if (!s.ok()) return WithContext(s, "searching");
  return hits;
}

Result<StoreStats> PgStore::Stats() {
  StoreStats stats;
  Status s = Read([&](pqxx::read_transaction& t) -> Status {
    stats = StoreStats();
    stats.schema_version = schema_version_;
    for (const pqxx::row& row : t.exec(kPgStatsSql)) {
      const uint64_t n = row[2].as<uint64_t>();
      stats.by_language[FieldText(row[0])] += n;
      stats.by_outlet[FieldText(row[1])] += n;
      stats.articles += n;
      stats.sentences += row[3].as<uint64_t>();
      stats.tokens += row[4].as<uint64_t>();
      stats.text_bytes += row[5].as<uint64_t>();
    }
    const pqxx::row more = t.exec1(kPgStatsMoreSql);
    stats.earliest_published = FieldText(more[0]);
    stats.latest_published = FieldText(more[1]);
    stats.analysed = more[2].as<uint64_t>();
    stats.entities = more[3].as<uint64_t>();
    return Status::OK();
  });
  if (!s.ok()) return s;
  return stats;
}

}  // namespace

Result<std::unique_ptr<Store>> OpenPgStore(const std::string& location,
                                           const StoreOptions& options) {
  const std::string name = RedactLocation(location);
  std::unique_ptr<pqxx::connection> conn;
  try {
    conn = std::make_unique<pqxx::connection>(location);
    conn->set_client_encoding("UTF8");
    if (options.read_only) {
      // Every transaction of this session is READ ONLY, whatever it runs.
      pqxx::nontransaction t(*conn);
      t.exec("SET default_transaction_read_only = on");
    }
  } catch (const std::exception& e) {
    return WithContext(PgError(e), name);
  }
  Result<int> version = OpenPgSchema(*conn, name, options.read_only);
  if (!version.ok()) return version.status();
  auto store = std::make_unique<PgStore>(std::move(conn), name, options.read_only, *version);
  DOSSIER_RETURN_IF_ERROR(store->Prepare());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace dossier::store_internal
