// Tested by findings_test.cc.
#include "store/sqlite_findings.h"

#include <utility>

namespace dossier::store_internal {
namespace {

// Not analysed yet, in analysis order (see store.h). The anti-join walks
// articles_by_published and the rowid, and `analysed` by its key.
constexpr char kPending[] = R"sql(
SELECT id FROM (
  SELECT id, 0 AS undated, published, rowid FROM articles AS a
    WHERE published IS NOT NULL AND NOT EXISTS (SELECT 1 FROM analysed WHERE article = a.rowid)
  UNION ALL
  SELECT id, 1, NULL, rowid FROM articles AS a
    WHERE published IS NULL AND NOT EXISTS (SELECT 1 FROM analysed WHERE article = a.rowid))
ORDER BY undated, published, rowid)sql";

constexpr char kRowidOf[] = "SELECT rowid FROM articles WHERE id = ?1";
constexpr char kMark[] = "INSERT OR IGNORE INTO analysed(article) VALUES (?1)";
// A re-analysed article replaces its findings (the PRIMARY KEY makes the
// same mention idempotent); roles are cleared by PutArticle first.
constexpr char kPutMention[] =
    "INSERT OR REPLACE INTO mentions(article, start, end, entity, kind) VALUES (?1, ?2, ?3, ?4, "
    "?5)";
constexpr char kPutRole[] = R"sql(
INSERT INTO entity_roles(entity, article, role, role_class, country, text, date, start, end)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9))sql";
constexpr char kPutEntity[] = R"sql(
INSERT INTO entities(id, type, name, alias_id, capital_of, article_count)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
ON CONFLICT (id) DO UPDATE SET type = excluded.type, name = excluded.name,
  alias_id = excluded.alias_id, capital_of = excluded.capital_of,
  article_count = excluded.article_count)sql";
constexpr char kClearVariants[] = "DELETE FROM entity_variants WHERE entity = ?1";
constexpr char kPutVariant[] =
    "INSERT OR REPLACE INTO entity_variants(entity, text, count) VALUES (?1, ?2, ?3)";
constexpr char kPutState[] = "INSERT OR REPLACE INTO analysis_state(name, data) VALUES (?1, ?2)";
constexpr char kGetState[] = "SELECT data FROM analysis_state WHERE name = ?1";
constexpr char kListEntities[] =
    "SELECT id, type, name, alias_id, capital_of, article_count FROM entities ORDER BY id";
constexpr char kGetEntity[] =
    "SELECT id, type, name, alias_id, capital_of, article_count FROM entities WHERE id = ?1";
constexpr char kListVariants[] =
    "SELECT text, count FROM entity_variants WHERE entity = ?1 ORDER BY count DESC, text";
constexpr char kEntityArticles[] = R"sql(
SELECT a.id, coalesce(a.title, substr(a.text, 1, 70)), a.published, count(*) FROM mentions AS m
  JOIN articles AS a ON a.rowid = m.article
WHERE m.entity = ?1
GROUP BY m.article
ORDER BY a.published IS NULL, a.published, m.article)sql";
constexpr char kEntityRoles[] = R"sql(
SELECT a.id, r.role, r.role_class, r.country, r.text, r.date, r.start, r.end
FROM entity_roles AS r JOIN articles AS a ON a.rowid = r.article
WHERE r.entity = ?1
ORDER BY r.date IS NULL, r.date, r.article, r.start)sql";
constexpr char kArticleMentions[] = R"sql(
SELECT m.entity, m.start, m.end, m.kind FROM mentions AS m
WHERE m.article = ?1 ORDER BY m.start, m.end, m.entity)sql";

constexpr char kClearCollection[] = "DELETE FROM findings WHERE collection = ?1";
constexpr char kDeleteRow[] = "DELETE FROM findings WHERE collection = ?1 AND id = ?2";
// A replaced row goes to the end of its collection's order.
constexpr char kPutRow[] = R"sql(
INSERT OR REPLACE INTO findings(collection, id, article, data)
VALUES (?1, ?2, (SELECT rowid FROM articles WHERE id = ?3), ?4))sql";
constexpr char kListRows[] = R"sql(
SELECT f.collection, f.id, a.id, f.data FROM findings AS f
  LEFT JOIN articles AS a ON a.rowid = f.article
WHERE f.collection = ?1 ORDER BY f.rowid)sql";
constexpr char kGetRow[] = R"sql(
SELECT f.collection, f.id, a.id, f.data FROM findings AS f
  LEFT JOIN articles AS a ON a.rowid = f.article
WHERE f.collection = ?1 AND f.id = ?2)sql";

std::string Text(const Statement& st, int i) { return std::string(st.ColumnText(i)); }

EntityRecord EntityRow(const Statement& st) {
  EntityRecord e;
  e.id = st.ColumnInt64(0);
  e.type = Text(st, 1);
  e.name = Text(st, 2);
  e.alias_id = Text(st, 3);
  e.capital_of = Text(st, 4);
  e.article_count = static_cast<uint32_t>(st.ColumnInt64(5));
  return e;
}

}  // namespace

Result<FindingsTables> FindingsTables::Prepare(const Database& db) {
  FindingsTables t;
  t.db_ = &db;
  struct {
    Statement* statement;
    const char* sql;
  } const kStatements[] = {
      {&t.rowid_of_, kRowidOf},
      {&t.mark_, kMark},
      {&t.put_mention_, kPutMention},
      {&t.put_role_, kPutRole},
      {&t.put_entity_, kPutEntity},
      {&t.clear_variants_, kClearVariants},
      {&t.put_variant_, kPutVariant},
      {&t.put_state_, kPutState},
      {&t.get_state_, kGetState},
      {&t.list_entities_, kListEntities},
      {&t.get_entity_, kGetEntity},
      {&t.variants_, kListVariants},
      {&t.entity_articles_, kEntityArticles},
      {&t.entity_roles_, kEntityRoles},
      {&t.clear_collection_, kClearCollection},
      {&t.put_row_, kPutRow},
      {&t.list_rows_, kListRows},
      {&t.get_row_, kGetRow},
      {&t.delete_row_, kDeleteRow},
      {&t.article_mentions_, kArticleMentions},
  };
  for (const auto& s : kStatements) {
    Result<Statement> st = Statement::Prepare(db.get(), s.sql);
    if (!st.ok()) return st.status();
    *s.statement = std::move(*st);
  }
  return t;
}

Result<std::vector<std::string>> FindingsTables::PendingAnalysis() {
  // Runs once per analysis, so it need not be a persistent statement.
  Result<Statement> st = Statement::Prepare(db_->get(), kPending, /*persistent=*/false);
  if (!st.ok()) return st.status();
  std::vector<std::string> ids;
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ids.push_back(Text(*st, 0));
  }
  return ids;
}

Status FindingsTables::PutEntity(const EntityRecord& e) {
  {
    StatementScope scope(put_entity_);
    put_entity_.BindInt64(1, e.id);
    put_entity_.BindText(2, e.type);
    put_entity_.BindText(3, e.name);
    put_entity_.BindTextOrNull(4, e.alias_id);
    put_entity_.BindTextOrNull(5, e.capital_of);
    put_entity_.BindInt64(6, e.article_count);
    DOSSIER_RETURN_IF_ERROR(put_entity_.Run());
  }
  {
    StatementScope scope(clear_variants_);
    clear_variants_.BindInt64(1, e.id);
    DOSSIER_RETURN_IF_ERROR(clear_variants_.Run());
  }
  for (const EntityVariantRecord& v : e.variants) {
    StatementScope scope(put_variant_);
    put_variant_.BindInt64(1, e.id);
    put_variant_.BindText(2, v.text);
    put_variant_.BindInt64(3, v.count);
    DOSSIER_RETURN_IF_ERROR(put_variant_.Run());
  }
  return Status::OK();
}

Status FindingsTables::PutArticle(const ArticleFindings& a) {
  int64_t rowid = 0;
  {
    StatementScope scope(rowid_of_);
    rowid_of_.BindText(1, a.article_id);
    Result<bool> row = rowid_of_.Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::InvalidInput("no stored article with id \"" + a.article_id + "\"");
    rowid = rowid_of_.ColumnInt64(0);
  }
  for (const MentionRecord& m : a.mentions) {
    StatementScope scope(put_mention_);
    put_mention_.BindInt64(1, rowid);
    put_mention_.BindInt64(2, m.start);
    put_mention_.BindInt64(3, m.end);
    put_mention_.BindInt64(4, m.entity);
    put_mention_.BindText(5, m.kind);
    DOSSIER_RETURN_IF_ERROR(put_mention_.Run());
  }
  for (const RoleRecord& r : a.roles) {
    StatementScope scope(put_role_);
    put_role_.BindInt64(1, r.entity);
    put_role_.BindInt64(2, rowid);
    put_role_.BindText(3, r.role);
    put_role_.BindTextOrNull(4, r.role_class);
    put_role_.BindTextOrNull(5, r.country);
    put_role_.BindTextOrNull(6, r.text);
    put_role_.BindTextOrNull(7, r.date);
    put_role_.BindInt64(8, r.start);
    put_role_.BindInt64(9, r.end);
    DOSSIER_RETURN_IF_ERROR(put_role_.Run());
  }
  StatementScope scope(mark_);
  mark_.BindInt64(1, rowid);
  return mark_.Run();
}

Status FindingsTables::Put(const FindingsBatch& batch) {
  DOSSIER_RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  Status s = [&]() -> Status {
    // Entities first: mentions and roles refer to them.
    for (const EntityRecord& e : batch.entities) {
      Status st = PutEntity(e);
      if (!st.ok()) return WithContext(st, "storing entity " + std::to_string(e.id));
    }
    for (const ArticleFindings& a : batch.articles) {
      Status st = PutArticle(a);
      if (!st.ok())
        return WithContext(st, "storing the findings of article \"" + a.article_id + "\"");
    }
    for (const std::string& c : batch.replace_collections) {
      StatementScope scope(clear_collection_);
      clear_collection_.BindText(1, c);
      DOSSIER_RETURN_IF_ERROR(clear_collection_.Run());
    }
    for (const FindingRow& row : batch.rows) {
      Status st = PutRow(row);
      if (!st.ok()) return WithContext(st, "storing " + row.collection + " " + row.id);
    }
    for (const auto& [collection, id] : batch.delete_rows) {
      StatementScope scope(delete_row_);
      delete_row_.BindText(1, collection);
      delete_row_.BindText(2, id);
      DOSSIER_RETURN_IF_ERROR(delete_row_.Run());
    }
    for (const auto& [name, bytes] : batch.states) {
      StatementScope scope(put_state_);
      put_state_.BindText(1, name);
      put_state_.BindBlob(2, bytes);
      DOSSIER_RETURN_IF_ERROR(put_state_.Run());
    }
    return Status::OK();
  }();
  if (s.ok()) s = db_->Exec("COMMIT");
  if (!s.ok() && !sqlite3_get_autocommit(db_->get())) (void)db_->Exec("ROLLBACK");
  return s;
}

Status FindingsTables::PutRow(const FindingRow& row) {
  StatementScope scope(put_row_);
  put_row_.BindText(1, row.collection);
  put_row_.BindText(2, row.id);
  if (row.article_id.empty()) {
    put_row_.BindNull(3);
  } else {
    put_row_.BindText(3, row.article_id);
  }
  put_row_.BindText(4, row.json);
  return put_row_.Run();
}

Result<std::vector<FindingRow>> FindingsTables::ListFindings(std::string_view collection) {
  std::vector<FindingRow> out;
  StatementScope scope(list_rows_);
  list_rows_.BindText(1, collection);
  for (;;) {
    Result<bool> row = list_rows_.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back(
        {Text(list_rows_, 0), Text(list_rows_, 1), Text(list_rows_, 2), Text(list_rows_, 3)});
  }
  return out;
}

Result<FindingRow> FindingsTables::GetFinding(std::string_view collection, std::string_view id) {
  StatementScope scope(get_row_);
  get_row_.BindText(1, collection);
  get_row_.BindText(2, id);
  Result<bool> row = get_row_.Step();
  if (!row.ok()) return row.status();
  if (!*row) {
    return Status::NotFound("no " + std::string(collection) + " row \"" + std::string(id) + "\"");
  }
  return FindingRow{Text(get_row_, 0), Text(get_row_, 1), Text(get_row_, 2), Text(get_row_, 3)};
}

Result<std::string> FindingsTables::GetState(std::string_view name) {
  StatementScope scope(get_state_);
  get_state_.BindText(1, name);
  Result<bool> row = get_state_.Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::string();
  return std::string(get_state_.ColumnBlob(0));
}

Result<std::vector<EntityVariantRecord>> FindingsTables::Variants(int64_t id) {
  std::vector<EntityVariantRecord> out;
  StatementScope scope(variants_);
  variants_.BindInt64(1, id);
  for (;;) {
    Result<bool> row = variants_.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back({Text(variants_, 0), static_cast<uint32_t>(variants_.ColumnInt64(1))});
  }
  return out;
}

Result<std::vector<EntityRecord>> FindingsTables::ListEntities() {
  std::vector<EntityRecord> out;
  {
    StatementScope scope(list_entities_);
    for (;;) {
      Result<bool> row = list_entities_.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      out.push_back(EntityRow(list_entities_));
    }
  }
  for (EntityRecord& e : out) {
    Result<std::vector<EntityVariantRecord>> v = Variants(e.id);
    if (!v.ok()) return v.status();
    e.variants = std::move(*v);
  }
  return out;
}

Result<EntityDetail> FindingsTables::GetEntity(int64_t id) {
  EntityDetail d;
  {
    StatementScope scope(get_entity_);
    get_entity_.BindInt64(1, id);
    Result<bool> row = get_entity_.Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::NotFound("no entity with id " + std::to_string(id));
    d.entity = EntityRow(get_entity_);
  }
  Result<std::vector<EntityVariantRecord>> v = Variants(id);
  if (!v.ok()) return v.status();
  d.entity.variants = std::move(*v);
  {
    StatementScope scope(entity_articles_);
    entity_articles_.BindInt64(1, id);
    for (;;) {
      Result<bool> row = entity_articles_.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      d.articles.push_back({Text(entity_articles_, 0), Text(entity_articles_, 1),
                            Text(entity_articles_, 2),
                            static_cast<uint32_t>(entity_articles_.ColumnInt64(3))});
    }
  }
  StatementScope scope(entity_roles_);
  entity_roles_.BindInt64(1, id);
  for (;;) {
    Result<bool> row = entity_roles_.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    RoleRecord r;
    r.entity = id;
    r.article_id = Text(entity_roles_, 0);
    r.role = Text(entity_roles_, 1);
    r.role_class = Text(entity_roles_, 2);
    r.country = Text(entity_roles_, 3);
    r.text = Text(entity_roles_, 4);
    r.date = Text(entity_roles_, 5);
    r.start = static_cast<uint32_t>(entity_roles_.ColumnInt64(6));
    r.end = static_cast<uint32_t>(entity_roles_.ColumnInt64(7));
    d.roles.push_back(std::move(r));
  }
  return d;
}

Result<std::vector<MentionRecord>> FindingsTables::ListMentions(std::string_view article_id) {
  int64_t article = 0;
  {
    StatementScope scope(rowid_of_);
    rowid_of_.BindText(1, article_id);
    Result<bool> row = rowid_of_.Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::NotFound("no article with id \"" + std::string(article_id) + "\"");
    article = rowid_of_.ColumnInt64(0);
  }
  std::vector<MentionRecord> out;
  StatementScope scope(article_mentions_);
  article_mentions_.BindInt64(1, article);
  for (;;) {
    Result<bool> row = article_mentions_.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back(
        {article_mentions_.ColumnInt64(0), static_cast<uint32_t>(article_mentions_.ColumnInt64(1)),
         static_cast<uint32_t>(article_mentions_.ColumnInt64(2)), Text(article_mentions_, 3)});
  }
  return out;
}

}  // namespace dossier::store_internal
