// Tested by findings_test.cc (run on both backends).
#include "store/pg_findings.h"

#include <optional>
#include <utility>

#include "store/pg_util.h"
#include "store/with_context.h"

namespace dossier::store_internal {
namespace {

// Not analysed yet, in analysis order (see store.h).
constexpr char kPgPending[] = R"sql(
SELECT a.id FROM articles AS a
WHERE NOT EXISTS (SELECT 1 FROM analysed WHERE article = a.seq)
ORDER BY a.published IS NULL, a.published, a.seq)sql";

struct PgNamedSql {
  const char* name;
  const char* sql;
};

// Every statement, prepared once per connection.
constexpr PgNamedSql kPgFindingStatements[] = {
    {"f_seq_of", "SELECT seq FROM articles WHERE id = $1"},
    {"f_mark", "INSERT INTO analysed (article) VALUES ($1) ON CONFLICT DO NOTHING"},
    // A re-analysed article keeps one row per mention (the primary key).
    {"f_put_mention", R"sql(
INSERT INTO mentions (article, start_at, end_at, entity, kind) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (article, start_at, end_at, entity) DO UPDATE SET kind = excluded.kind)sql"},
    {"f_put_role", R"sql(
INSERT INTO entity_roles (entity, article, role, role_class, country, text, date, start_at, end_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9))sql"},
    {"f_put_entity", R"sql(
INSERT INTO entities (id, type, name, alias_id, capital_of, article_count)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (id) DO UPDATE SET type = excluded.type, name = excluded.name,
  alias_id = excluded.alias_id, capital_of = excluded.capital_of,
  article_count = excluded.article_count)sql"},
    {"f_clear_variants", "DELETE FROM entity_variants WHERE entity = $1"},
    {"f_put_variant", R"sql(
INSERT INTO entity_variants (entity, text, count) VALUES ($1, $2, $3)
ON CONFLICT (entity, text) DO UPDATE SET count = excluded.count)sql"},
    {"f_put_state", R"sql(
INSERT INTO analysis_state (name, data) VALUES ($1, $2)
ON CONFLICT (name) DO UPDATE SET data = excluded.data)sql"},
    {"f_get_state", "SELECT data FROM analysis_state WHERE name = $1"},
    {"f_list_entities",
     "SELECT id, type, name, alias_id, capital_of, article_count FROM entities ORDER BY id"},
    {"f_get_entity",
     "SELECT id, type, name, alias_id, capital_of, article_count FROM entities WHERE id = $1"},
    {"f_variants",
     "SELECT text, count FROM entity_variants WHERE entity = $1 ORDER BY count DESC, text"},
    {"f_entity_articles", R"sql(
SELECT a.id, coalesce(a.title, substr(a.text, 1, 70)), a.published, count(*) FROM mentions AS m
  JOIN articles AS a ON a.seq = m.article
WHERE m.entity = $1
GROUP BY a.seq
ORDER BY a.published IS NULL, a.published, a.seq)sql"},
    {"f_entity_roles", R"sql(
SELECT a.id, r.role, r.role_class, r.country, r.text, r.date, r.start_at, r.end_at
FROM entity_roles AS r JOIN articles AS a ON a.seq = r.article
WHERE r.entity = $1
ORDER BY r.date IS NULL, r.date, r.article, r.start_at, r.seq)sql"},
    {"f_article_mentions", R"sql(
SELECT entity, start_at, end_at, kind FROM mentions
WHERE article = $1 ORDER BY start_at, end_at, entity)sql"},
    {"f_clear_collection", "DELETE FROM findings WHERE collection = $1"},
    {"f_delete_row", "DELETE FROM findings WHERE collection = $1 AND id = $2"},
    // A replaced row goes to the end of its collection's order (a new seq),
    // as SQLite's INSERT OR REPLACE gives it a new rowid.
    // (f_delete_row first).
    {"f_put_row", R"sql(
INSERT INTO findings (collection, id, article, data)
VALUES ($1, $2, (SELECT seq FROM articles WHERE id = $3), $4))sql"},
    {"f_list_rows", R"sql(
SELECT f.collection, f.id, a.id, f.data FROM findings AS f
  LEFT JOIN articles AS a ON a.seq = f.article
WHERE f.collection = $1 ORDER BY f.seq)sql"},
    {"f_get_row", R"sql(
SELECT f.collection, f.id, a.id, f.data FROM findings AS f
  LEFT JOIN articles AS a ON a.seq = f.article
WHERE f.collection = $1 AND f.id = $2)sql"},
};

EntityRecord PgEntityRow(const pqxx::row& r) {
  EntityRecord e;
  e.id = r[0].as<int64_t>();
  e.type = FieldText(r[1]);
  e.name = FieldText(r[2]);
  e.alias_id = FieldText(r[3]);
  e.capital_of = FieldText(r[4]);
  e.article_count = r[5].as<uint32_t>();
  return e;
}

std::vector<EntityVariantRecord> PgVariants(pqxx::transaction_base& t, int64_t id) {
  std::vector<EntityVariantRecord> out;
  for (const pqxx::row& r : t.exec_prepared("f_variants", id)) {
    out.push_back({FieldText(r[0]), r[1].as<uint32_t>()});
  }
  return out;
}

FindingRow PgFindingRow(const pqxx::row& r) {
  return {FieldText(r[0]), FieldText(r[1]), FieldText(r[2]), FieldText(r[3])};
}

}  // namespace

Status PgFindings::Prepare() {
  try {
    for (const PgNamedSql& s : kPgFindingStatements) conn_.prepare(s.name, s.sql);
  } catch (const std::exception& e) {
    return PgError(e);
  }
  return Status::OK();
}

Result<std::vector<std::string>> PgFindings::PendingAnalysis() {
  std::vector<std::string> ids;
  Status s = RunTransaction<pqxx::read_transaction>(conn_, [&](pqxx::read_transaction& t) {
    ids.clear();
    for (const pqxx::row& r : t.exec(kPgPending)) ids.push_back(FieldText(r[0]));
    return Status::OK();
  });
  if (!s.ok()) return s;
  return ids;
}

void PgFindings::PutEntity(pqxx::work& t, const EntityRecord& e) {
  t.exec_prepared("f_put_entity", e.id, e.type, e.name, NullIfEmpty(e.alias_id),
                  NullIfEmpty(e.capital_of), static_cast<int64_t>(e.article_count));
  t.exec_prepared("f_clear_variants", e.id);
  for (const EntityVariantRecord& v : e.variants) {
    t.exec_prepared("f_put_variant", e.id, StorableText(v.text), static_cast<int64_t>(v.count));
  }
}

Status PgFindings::PutArticle(pqxx::work& t, const ArticleFindings& a) {
  const pqxx::result seq = t.exec_prepared("f_seq_of", a.article_id);
  if (seq.empty()) {
    return Status::InvalidInput("no stored article with id \"" + a.article_id + "\"");
  }
  const int64_t article = seq[0][0].as<int64_t>();
  for (const MentionRecord& m : a.mentions) {
    t.exec_prepared("f_put_mention", article, static_cast<int64_t>(m.start),
                    static_cast<int64_t>(m.end), m.entity, m.kind);
  }
  for (const RoleRecord& r : a.roles) {
    t.exec_prepared("f_put_role", r.entity, article, r.role, NullIfEmpty(r.role_class),
                    NullIfEmpty(r.country), NullIfEmpty(r.text), NullIfEmpty(r.date),
                    static_cast<int64_t>(r.start), static_cast<int64_t>(r.end));
  }
  t.exec_prepared("f_mark", article);
  return Status::OK();
}

// The same steps, in the same order, as FindingsTables::Put.
Status PgFindings::PutAll(pqxx::work& t, const FindingsBatch& batch) {
  for (const EntityRecord& e : batch.entities) {
    try {
      PutEntity(t, e);
    } catch (const pqxx::transaction_rollback&) {
      throw;
    } catch (const std::exception& ex) {
      return WithContext(PgError(ex), "storing entity " + std::to_string(e.id));
    }
  }
  for (const ArticleFindings& a : batch.articles) {
    Status st;
    try {
      st = PutArticle(t, a);
    } catch (const pqxx::transaction_rollback&) {
      throw;
    } catch (const std::exception& ex) {
      st = PgError(ex);
    }
    if (!st.ok()) {
      return WithContext(st, "storing the findings of article \"" + a.article_id + "\"");
    }
  }
  for (const std::string& c : batch.replace_collections) t.exec_prepared("f_clear_collection", c);
  for (const FindingRow& row : batch.rows) {
    try {
      t.exec_prepared("f_delete_row", row.collection, row.id);
      t.exec_prepared("f_put_row", row.collection, row.id, NullIfEmpty(row.article_id), row.json);
    } catch (const pqxx::transaction_rollback&) {
      throw;
    } catch (const std::exception& ex) {
      return WithContext(PgError(ex), "storing " + row.collection + " " + row.id);
    }
  }
  for (const auto& [collection, id] : batch.delete_rows) {
    t.exec_prepared("f_delete_row", collection, id);
  }
  for (const auto& [name, bytes] : batch.states) {
    t.exec_prepared("f_put_state", name, pqxx::binarystring(bytes.data(), bytes.size()));
  }
  return Status::OK();
}

Status PgFindings::Put(const FindingsBatch& batch) {
  if (read_only_) return Status::Unsupported("store opened read-only");
  return RunTransaction<pqxx::work>(conn_, [&](pqxx::work& t) { return PutAll(t, batch); });
}

Result<std::string> PgFindings::GetState(std::string_view name) {
  std::string out;
  Status s = RunTransaction<pqxx::read_transaction>(conn_, [&](pqxx::read_transaction& t) {
    const pqxx::result r = t.exec_prepared("f_get_state", std::string(name));
    out = r.empty() ? std::string() : pqxx::binarystring(r[0][0]).str();
    return Status::OK();
  });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<EntityRecord>> PgFindings::ListEntities() {
  std::vector<EntityRecord> out;
  Status s = RunTransaction<pqxx::read_transaction>(conn_, [&](pqxx::read_transaction& t) {
    out.clear();
    for (const pqxx::row& r : t.exec_prepared("f_list_entities")) out.push_back(PgEntityRow(r));
    for (EntityRecord& e : out) e.variants = PgVariants(t, e.id);
    return Status::OK();
  });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<FindingRow>> PgFindings::ListFindings(std::string_view collection) {
  std::vector<FindingRow> out;
  Status s = RunTransaction<pqxx::read_transaction>(conn_, [&](pqxx::read_transaction& t) {
    out.clear();
    for (const pqxx::row& r : t.exec_prepared("f_list_rows", std::string(collection))) {
      out.push_back(PgFindingRow(r));
    }
    return Status::OK();
  });
  if (!s.ok()) return s;
  return out;
}

Result<FindingRow> PgFindings::GetFinding(std::string_view collection, std::string_view id) {
  std::optional<FindingRow> out;
  Status s = RunTransaction<pqxx::read_transaction>(conn_, [&](pqxx::read_transaction& t) {
    const pqxx::result r = t.exec_prepared("f_get_row", std::string(collection), std::string(id));
    if (!r.empty()) out = PgFindingRow(r[0]);
    return Status::OK();
  });
  if (!s.ok()) return s;
  if (!out) {
    return Status::NotFound("no " + std::string(collection) + " row \"" + std::string(id) + "\"");
  }
  return std::move(*out);
}

Result<EntityDetail> PgFindings::GetEntity(int64_t id) {
  EntityDetail d;
  bool found = false;
  Status s = RunTransaction<pqxx::read_transaction>(conn_, [&](pqxx::read_transaction& t) {
    d = EntityDetail();
    const pqxx::result e = t.exec_prepared("f_get_entity", id);
    found = !e.empty();
    if (!found) return Status::OK();
    d.entity = PgEntityRow(e[0]);
    d.entity.variants = PgVariants(t, id);
    for (const pqxx::row& r : t.exec_prepared("f_entity_articles", id)) {
      d.articles.push_back(
          {FieldText(r[0]), FieldText(r[1]), FieldText(r[2]), r[3].as<uint32_t>()});
    }
    for (const pqxx::row& r : t.exec_prepared("f_entity_roles", id)) {
      RoleRecord role;
      role.entity = id;
      role.article_id = FieldText(r[0]);
      role.role = FieldText(r[1]);
      role.role_class = FieldText(r[2]);
      role.country = FieldText(r[3]);
      role.text = FieldText(r[4]);
      role.date = FieldText(r[5]);
      role.start = r[6].as<uint32_t>();
      role.end = r[7].as<uint32_t>();
      d.roles.push_back(std::move(role));
    }
    return Status::OK();
  });
  if (!s.ok()) return s;
  if (!found) return Status::NotFound("no entity with id " + std::to_string(id));
  return d;
}

Result<std::vector<MentionRecord>> PgFindings::ListMentions(std::string_view article_id) {
  std::vector<MentionRecord> out;
  bool found = false;
  Status s = RunTransaction<pqxx::read_transaction>(conn_, [&](pqxx::read_transaction& t) {
    out.clear();
    const pqxx::result seq = t.exec_prepared("f_seq_of", std::string(article_id));
    found = !seq.empty();
    if (!found) return Status::OK();
    for (const pqxx::row& r : t.exec_prepared("f_article_mentions", seq[0][0].as<int64_t>())) {
      out.push_back(
          {r[0].as<int64_t>(), r[1].as<uint32_t>(), r[2].as<uint32_t>(), FieldText(r[3])});
    }
    return Status::OK();
  });
  if (!s.ok()) return s;
  if (!found) return Status::NotFound("no article with id \"" + std::string(article_id) + "\"");
  return out;
}

}  // namespace dossier::store_internal
