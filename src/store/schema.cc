// Tested by store_test.cc (Migrations*, Refuses*).
#include "store/schema.h"

#include <cstdio>
#include <span>
#include <string>

namespace dossier::store_internal {
namespace {

// v1: articles, their full-text index and per-(language, outlet) counters.
//
// Column order matters in `articles`: `text` and `stems` come last, so reading
// the small columns of a row never walks the overflow pages of a long text.
//
// Empty strings are stored as NULL in the optional text columns: "unknown"
// has one spelling, the export writes null for it, and the partial unique
// index on url skips it.
//
// articles_fts is an external-content FTS5 table over articles(title, text,
// stems): the index holds no second copy of the text, snippet() and
// highlight() read it from `articles`, and rows can be deleted or updated
// (the 'delete' command needs the old values, which `articles` still has).
// A contentless table would be smaller by the stems column but cannot delete
// rows in SQLite 3.40 (no contentless_delete) nor build snippets.
//
// PutArticles writes the index rows and the counters itself, with no INSERT
// trigger on purpose: a trigger makes every INSERT open a statement savepoint,
// and FTS5 flushes its pending terms to a new segment at each savepoint, so
// indexing one article at a time cost twice as much (measured). The DELETE
// and UPDATE triggers keep the index and the counters right when anything
// else changes a stored article.
//
// article_counts makes Stats() cost a few rows instead of a scan of every
// article.
constexpr char kSchemaV1[] = R"sql(
CREATE TABLE articles (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE CHECK (id <> ''),
  path TEXT,
  locator TEXT,
  url TEXT,
  title TEXT,
  author TEXT,
  outlet TEXT,
  dateline TEXT,
  published TEXT,
  language TEXT,
  language_confidence REAL NOT NULL DEFAULT 0,
  mixed_language INTEGER NOT NULL DEFAULT 0,
  content_hash INTEGER NOT NULL,
  sentence_count INTEGER NOT NULL DEFAULT 0,
  token_count INTEGER NOT NULL DEFAULT 0,
  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  text TEXT NOT NULL CHECK (text <> ''),
  stems TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX articles_by_content_hash ON articles(content_hash);
CREATE UNIQUE INDEX articles_by_url ON articles(url) WHERE url <> '';
CREATE INDEX articles_by_published ON articles(published);

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, stems,
  content = 'articles', content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE article_counts (
  language TEXT NOT NULL,
  outlet TEXT NOT NULL,
  articles INTEGER NOT NULL,
  sentences INTEGER NOT NULL,
  tokens INTEGER NOT NULL,
  text_bytes INTEGER NOT NULL,
  PRIMARY KEY (language, outlet)
) WITHOUT ROWID;

CREATE TRIGGER articles_after_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text, stems)
    VALUES ('delete', old.rowid, old.title, old.text, old.stems);
  UPDATE article_counts SET
      articles = articles - 1,
      sentences = sentences - old.sentence_count,
      tokens = tokens - old.token_count,
      text_bytes = text_bytes - length(CAST(old.text AS BLOB))
    WHERE language = coalesce(old.language, '') AND outlet = coalesce(old.outlet, '');
END;

CREATE TRIGGER articles_after_update_text AFTER UPDATE OF title, text, stems ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text, stems)
    VALUES ('delete', old.rowid, old.title, old.text, old.stems);
  INSERT INTO articles_fts(rowid, title, text, stems)
    VALUES (new.rowid, new.title, new.text, new.stems);
END;

CREATE TRIGGER articles_after_update_counts
    AFTER UPDATE OF language, outlet, sentence_count, token_count, text ON articles BEGIN
  UPDATE article_counts SET
      articles = articles - 1,
      sentences = sentences - old.sentence_count,
      tokens = tokens - old.token_count,
      text_bytes = text_bytes - length(CAST(old.text AS BLOB))
    WHERE language = coalesce(old.language, '') AND outlet = coalesce(old.outlet, '');
  INSERT INTO article_counts(language, outlet, articles, sentences, tokens, text_bytes)
    VALUES (coalesce(new.language, ''), coalesce(new.outlet, ''), 1, new.sentence_count,
            new.token_count, length(CAST(new.text AS BLOB)))
    ON CONFLICT (language, outlet) DO UPDATE SET
      articles = articles + 1,
      sentences = sentences + excluded.sentences,
      tokens = tokens + excluded.tokens,
      text_bytes = text_bytes + excluded.text_bytes;
END;
)sql";

// v2: settings of the full-text index for bulk ingest (FTS5 keeps them in
// articles_fts_config; they change how the index is written, not what it
// holds, so stores of either version hold the same index).
//  - hashsize: FTS5 collects a transaction's terms in memory and writes them
//    as a new segment when that memory passes `hashsize` (default 1 MiB) or
//    at commit. At 1 MiB an ingest batch (PipelineOptions) became a dozen
//    small segments that merging then rewrote again and again; at 32 MiB a
//    batch is one segment, and ingest ~10% faster (measured on real
//    articles; 4 and 8 MiB did about as well, using 8-15 MiB less memory).
//    It bounds the memory of the terms of one transaction.
//  - pgsz: the index's leaf size, default 4050 bytes to fit a 4 KiB page;
//    kept at the same share of the page for stores created with larger pages
//    (sqlite_store.cc).
constexpr char kSchemaV2[] = R"sql(
INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 33554432);
INSERT INTO articles_fts(articles_fts, rank)
  SELECT 'pgsz', page_size * 4050 / 4096 FROM pragma_page_size();
)sql";

// v3: what the analysis stages find. Articles are referenced by rowid (the
// findings of a deleted article go with it). `analysed` lists the articles
// the analysis has seen, so a later run analyses only the new ones;
// `analysis_state` keeps the online stages' state (entity resolver, story
// clusterer) as of the last analysed article, written in the same
// transaction as the findings so both always agree.
//
// Entity ids are the engine's (dense, never reused). Mentions and roles are
// per article; an entity row holds its best name and counts, rewritten
// whole when an article changes it.
constexpr char kSchemaV3[] = R"sql(
CREATE TABLE analysed (
  article INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE
);
CREATE TABLE analysis_state (
  name TEXT PRIMARY KEY,
  data BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  alias_id TEXT,
  capital_of TEXT,
  article_count INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE entity_variants (
  entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (entity, text)
) WITHOUT ROWID;
CREATE TABLE mentions (
  article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  entity INTEGER NOT NULL REFERENCES entities(id),
  kind TEXT NOT NULL,
  PRIMARY KEY (article, start, end, entity)
) WITHOUT ROWID;
CREATE INDEX mentions_by_entity ON mentions(entity, article);
CREATE TABLE entity_roles (
  entity INTEGER NOT NULL REFERENCES entities(id),
  article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
  role TEXT NOT NULL,
  role_class TEXT,
  country TEXT,
  text TEXT,
  date TEXT,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL
);
CREATE INDEX entity_roles_by_entity ON entity_roles(entity);
CREATE INDEX entity_roles_by_article ON entity_roles(article);
)sql";

// v4: the findings of the later stages (quotes, figures, conflicts, events,
// storylines), each kept as its export object: the export streams them as
// they are, and a stage may keep private rows for its next run. The rowid
// keeps the order they were written in; a row found in an article goes with
// it.
constexpr char kSchemaV4[] = R"sql(
CREATE TABLE findings (
  rowid INTEGER PRIMARY KEY,
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  article INTEGER REFERENCES articles(rowid) ON DELETE CASCADE,
  data TEXT NOT NULL,
  UNIQUE (collection, id)
);
CREATE INDEX findings_by_article ON findings(article);
)sql";

// v5: the full-text index's pending terms may reach 128 MiB, so that an
// ingest batch (now up to 64 MiB of text, PipelineOptions) is still written
// as one segment: a batch split into several segments at 32 MiB lost most
// of what the larger batch gained (bench/ingest_throughput.py).
constexpr char kSchemaV5[] = R"sql(
INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 134217728);
)sql";

// In version order, starting at 1. Append only.
constexpr Migration kMigrations[] = {
    {1, kSchemaV1}, {2, kSchemaV2}, {3, kSchemaV3}, {4, kSchemaV4}, {5, kSchemaV5},
};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == kSchemaVersion,
              "one migration per schema version");

std::string Hex(int64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof(buf), "0x%08llx", static_cast<unsigned long long>(v) & 0xffffffffULL);
  return buf;
}

std::string NewerMessage(const std::string& path, int64_t version, int latest) {
  return path + ": store schema v" + std::to_string(version) + " is newer than this dossier (v" +
         std::to_string(latest) + ")";
}

// Applies `m` in its own transaction, unless another process got there first.
Status Apply(const Database& db, const Migration& m) {
  DOSSIER_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  Status s = [&]() -> Status {
    Result<int64_t> version = db.QueryInt("PRAGMA user_version");
    if (!version.ok()) return version.status();
    if (*version >= m.version) return Status::OK();
    DOSSIER_RETURN_IF_ERROR(db.Exec(m.sql));
    const std::string pragmas = "PRAGMA user_version = " + std::to_string(m.version) +
                                "; PRAGMA application_id = " + std::to_string(kApplicationId) + ";";
    return db.Exec(pragmas.c_str());
  }();
  if (s.ok()) s = db.Exec("COMMIT");
  if (!s.ok() && !sqlite3_get_autocommit(db.get())) (void)db.Exec("ROLLBACK");
  return s;
}

}  // namespace

Status ProbeDatabase(const Database& db, const std::string& path) {
  // The first read of a file that is not a database fails with SQLITE_NOTADB.
  Result<int64_t> objects = db.QueryInt("SELECT count(*) FROM sqlite_master");
  if (objects.ok()) return Status::OK();
  if ((sqlite3_extended_errcode(db.get()) & 0xff) == SQLITE_NOTADB) {
    return Status::InvalidInput(path + ": not a SQLite database, so not a dossier store");
  }
  return WithContext(objects.status(), path);
}

std::span<const Migration> TEST_Migrations() { return kMigrations; }

Result<int> OpenSchema(const Database& db, const std::string& path, bool read_only) {
  return TEST_OpenSchemaWith(db, path, read_only, kMigrations);
}

Result<int> TEST_OpenSchemaWith(const Database& db, const std::string& path, bool read_only,
                                std::span<const Migration> migrations) {
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  DOSSIER_RETURN_IF_ERROR(ProbeDatabase(db, path));
  Result<int64_t> objects = db.QueryInt("SELECT count(*) FROM sqlite_master");
  if (!objects.ok()) return WithContext(objects.status(), path);
  Result<int64_t> app = db.QueryInt("PRAGMA application_id");
  if (!app.ok()) return WithContext(app.status(), path);
  Result<int64_t> version = db.QueryInt("PRAGMA user_version");
  if (!version.ok()) return WithContext(version.status(), path);

  if (*app != 0 && *app != kApplicationId) {
    return Status::InvalidInput(path +
                                ": a SQLite database of another application (application_id " +
                                Hex(*app) + "), not a dossier store");
  }
  if (*app == 0 && *objects > 0) {
    return Status::InvalidInput(path + ": a SQLite database but not a dossier store");
  }
  if (*version > latest) return Status::Unsupported(NewerMessage(path, *version, latest));
  if (*version == latest) return latest;
  if (read_only) {
    if (*objects == 0) return Status::NotFound(path + ": empty database, not a dossier store yet");
    return Status::Unsupported(path + ": store schema v" + std::to_string(*version) +
                               " is older than this dossier (v" + std::to_string(latest) +
                               "); open it for writing once to migrate it");
  }
  for (const Migration& m : migrations) {
    if (m.version <= *version) continue;
    Status s = Apply(db, m);
    if (!s.ok()) {
      return WithContext(s, path + ": migrating to schema v" + std::to_string(m.version));
    }
  }
  // Another process may have migrated further than us in the meantime.
  version = db.QueryInt("PRAGMA user_version");
  if (!version.ok()) return WithContext(version.status(), path);
  if (*version > latest) return Status::Unsupported(NewerMessage(path, *version, latest));
  return latest;
}

}  // namespace dossier::store_internal
