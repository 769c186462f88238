// Tested by pg_store_test.cc.
#include "store/pg_schema.h"

#include <optional>

#include "store/pg_util.h"
#include "store/with_context.h"

namespace dossier::store_internal {
namespace {

// v1: the tables of SQLite's schema v4 (schema.cc), in PostgreSQL's terms.
//
// - `seq` (an identity column) is the storage order SQLite's rowid gives.
// - Text columns compared or sorted use COLLATE "C": byte order, as SQLite's
//   BINARY collation, whatever the database's locale.
// - Unknown is NULL, never '' (as in SQLite); the partial unique index on
//   url leaves articles without one alone. INSERT ... ON CONFLICT DO NOTHING
//   on the unique keys (id, url, content_hash) is the dedupe, safe with
//   several writers at once.
// - `search` is the tsvector pg_search.h builds (title A, text B, stems C);
//   the GIN index finds its matches.
// - Byte offsets (start_at, end_at) are bigint: they are uint32 in C++.
constexpr char kPgSchemaV1[] = R"sql(
CREATE TABLE articles (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id text COLLATE "C" NOT NULL UNIQUE CHECK (id <> ''),
  path text COLLATE "C",
  locator text COLLATE "C",
  url text COLLATE "C",
  title text COLLATE "C",
  author text COLLATE "C",
  outlet text COLLATE "C",
  dateline text COLLATE "C",
  published text COLLATE "C",
  language text COLLATE "C",
  language_confidence double precision NOT NULL DEFAULT 0,
  mixed_language boolean NOT NULL DEFAULT false,
  content_hash bigint NOT NULL UNIQUE,
  sentence_count bigint NOT NULL DEFAULT 0,
  token_count bigint NOT NULL DEFAULT 0,
  ingested_at timestamptz NOT NULL DEFAULT now(),
  text text COLLATE "C" NOT NULL CHECK (text <> ''),
  stems text COLLATE "C" NOT NULL DEFAULT '',
  search tsvector NOT NULL
);
CREATE UNIQUE INDEX articles_by_url ON articles (url) WHERE url <> '';
CREATE INDEX articles_by_published ON articles (published, seq);
CREATE INDEX articles_search ON articles USING gin (search);

CREATE TABLE article_counts (
  language text COLLATE "C" NOT NULL,
  outlet text COLLATE "C" NOT NULL,
  articles bigint NOT NULL,
  sentences bigint NOT NULL,
  tokens bigint NOT NULL,
  text_bytes bigint NOT NULL,
  PRIMARY KEY (language, outlet)
);

CREATE TABLE analysed (
  article bigint PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE
);
CREATE TABLE analysis_state (
  name text COLLATE "C" PRIMARY KEY,
  data bytea NOT NULL
);
CREATE TABLE entities (
  id bigint PRIMARY KEY,
  type text COLLATE "C" NOT NULL,
  name text COLLATE "C" NOT NULL,
  alias_id text COLLATE "C",
  capital_of text COLLATE "C",
  article_count bigint NOT NULL DEFAULT 0
);
CREATE TABLE entity_variants (
  entity bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  text text COLLATE "C" NOT NULL,
  count bigint NOT NULL,
  PRIMARY KEY (entity, text)
);
CREATE TABLE mentions (
  article bigint NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
  start_at bigint NOT NULL,
  end_at bigint NOT NULL,
  entity bigint NOT NULL REFERENCES entities (id),
  kind text COLLATE "C" NOT NULL,
  PRIMARY KEY (article, start_at, end_at, entity)
);
CREATE INDEX mentions_by_entity ON mentions (entity, article);
CREATE TABLE entity_roles (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity bigint NOT NULL REFERENCES entities (id),
  article bigint NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
  role text COLLATE "C" NOT NULL,
  role_class text COLLATE "C",
  country text COLLATE "C",
  text text COLLATE "C",
  date text COLLATE "C",
  start_at bigint NOT NULL,
  end_at bigint NOT NULL
);
CREATE INDEX entity_roles_by_entity ON entity_roles (entity);
CREATE INDEX entity_roles_by_article ON entity_roles (article);

CREATE TABLE findings (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  collection text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  article bigint REFERENCES articles (seq) ON DELETE CASCADE,
  data text NOT NULL,
  UNIQUE (collection, id)
);
CREATE INDEX findings_by_article ON findings (article);
CREATE INDEX findings_by_collection ON findings (collection, seq);
)sql";

// In version order, starting at 1. Append only.
constexpr PgMigration kPgMigrations[] = {
    {1, kPgSchemaV1},
};
static_assert(sizeof(kPgMigrations) / sizeof(kPgMigrations[0]) == kPgSchemaVersion,
              "one migration per schema version");

// The key of the advisory lock migrations hold: "DOSS", as SQLite's
// application_id.
constexpr int64_t kMigrationLock = 0x444f5353;

// The version table, and the tables of the current schema.
constexpr char kPgProbe[] = R"sql(
SELECT current_schema(),
       to_regclass(quote_ident(current_schema()) || '.schema_version') IS NOT NULL,
       (SELECT count(*) FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')),
       current_setting('server_encoding'))sql";

constexpr char kPgVersionTable[] = R"sql(
CREATE TABLE IF NOT EXISTS schema_version (
  application text NOT NULL,
  version integer NOT NULL
);
INSERT INTO schema_version (application, version)
  SELECT 'dossier', 0 WHERE NOT EXISTS (SELECT 1 FROM schema_version))sql";

struct PgProbe {
  bool has_version_table = false;
  int64_t tables = 0;
  std::optional<int> version;  // when the table holds one 'dossier' row
  bool foreign = false;        // a schema_version of another application
};

Status PgReadProbe(pqxx::transaction_base& t, const std::string& name, PgProbe* p) {
  *p = PgProbe();
  const pqxx::row r = t.exec1(kPgProbe);
  if (r[0].is_null()) {
    return Status::InvalidInput(name + ": no schema to create the store in (check search_path)");
  }
  if (FieldText(r[3]) != "UTF8") {
    return Status::Unsupported(name + ": database encoding " + FieldText(r[3]) +
                               "; dossier needs a UTF8 database");
  }
  p->has_version_table = r[1].as<bool>();
  p->tables = r[2].as<int64_t>();
  if (!p->has_version_table) return Status::OK();
  const pqxx::result rows = t.exec("SELECT application, version FROM schema_version");
  if (rows.size() != 1 || FieldText(rows[0][0]) != "dossier") {
    p->foreign = true;
  } else {
    p->version = rows[0][1].as<int>();
  }
  return Status::OK();
}

std::string PgNewerMessage(const std::string& name, int version, int latest) {
  return name + ": store schema v" + std::to_string(version) + " is newer than this dossier (v" +
         std::to_string(latest) + ")";
}

// Applies `m` in its own transaction, unless another process got there first.
Status PgApply(pqxx::connection& conn, const PgMigration& m) {
  return RunTransaction<pqxx::work>(conn, [&](pqxx::work& t) -> Status {
    t.exec1("SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLock) + ")");
    t.exec(kPgVersionTable);
    const int version = t.exec1("SELECT version FROM schema_version").front().as<int>();
    if (version >= m.version) return Status::OK();
    t.exec(m.sql);
    t.exec("UPDATE schema_version SET version = " + std::to_string(m.version));
    return Status::OK();
  });
}

}  // namespace

Result<int> OpenPgSchema(pqxx::connection& conn, const std::string& name, bool read_only) {
  return TEST_OpenPgSchemaWith(conn, name, read_only, kPgMigrations);
}

Result<int> TEST_OpenPgSchemaWith(pqxx::connection& conn, const std::string& name, bool read_only,
                                  std::span<const PgMigration> migrations) {
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  PgProbe p;
  Status probed = RunTransaction<pqxx::read_transaction>(
      conn, [&](pqxx::read_transaction& t) { return PgReadProbe(t, name, &p); });
  if (!probed.ok()) return WithContext(probed, name);
  if (p.foreign) {
    return Status::InvalidInput(name +
                                ": a schema_version table of another application, not a "
                                "dossier store");
  }
  if (!p.has_version_table && p.tables > 0) {
    return Status::InvalidInput(name + ": a schema with other tables, not a dossier store");
  }
  const int version = p.version.value_or(0);
  if (version > latest) return Status::Unsupported(PgNewerMessage(name, version, latest));
  if (version == latest && p.has_version_table) return latest;
  if (read_only) {
    if (!p.has_version_table) return Status::NotFound(name + ": no dossier store here yet");
    return Status::Unsupported(name + ": store schema v" + std::to_string(version) +
                               " is older than this dossier (v" + std::to_string(latest) +
                               "); open it for writing once to migrate it");
  }
  for (const PgMigration& m : migrations) {
    if (m.version <= version) continue;
    Status s = PgApply(conn, m);
    if (!s.ok()) {
      return WithContext(s, name + ": migrating to schema v" + std::to_string(m.version));
    }
  }
  // Another process may have migrated further than us in the meantime.
  int now = 0;
  Status s = RunTransaction<pqxx::read_transaction>(conn, [&](pqxx::read_transaction& t) {
    now = t.exec1("SELECT version FROM schema_version").front().as<int>();
    return Status::OK();
  });
  if (!s.ok()) return WithContext(s, name);
  if (now > latest) return Status::Unsupported(PgNewerMessage(name, now, latest));
  return latest;
}

}  // namespace dossier::store_internal
