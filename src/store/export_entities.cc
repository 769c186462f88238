// Tested by export_json_test.cc and tests/cli_test.cc.
#include "store/export_entities.h"

#include <string>

#include <nlohmann/json.hpp>

namespace dossier::store_internal {
namespace {

constexpr char kEntities[] =
    "SELECT id, type, name, alias_id, capital_of, article_count FROM entities ORDER BY id";
constexpr char kVariants[] =
    "SELECT text, count FROM entity_variants WHERE entity = ?1 ORDER BY count DESC, text";
// The mention's text is cut from the article's bytes: offsets are byte
// offsets, and substr() counts bytes only on a BLOB.
constexpr char kMentions[] = R"sql(
SELECT a.id, m.start, m.end, m.kind,
       CAST(substr(CAST(a.text AS BLOB), m.start + 1, m.end - m.start) AS TEXT)
FROM mentions AS m JOIN articles AS a ON a.rowid = m.article
WHERE m.entity = ?1 ORDER BY m.article, m.start)sql";
constexpr char kRoles[] = R"sql(
SELECT a.id, r.role, r.role_class, r.country, r.text, r.date, r.start, r.end
FROM entity_roles AS r JOIN articles AS a ON a.rowid = r.article
WHERE r.entity = ?1 ORDER BY r.article, r.start)sql";

nlohmann::ordered_json OrNull(const Statement& st, int i) {
  if (st.ColumnIsNull(i) || st.ColumnText(i).empty()) return nullptr;
  return std::string(st.ColumnText(i));
}

// Calls `row` for each row of `st` bound to entity `id`.
template <typename F>
Status ForEachRow(Statement& st, int64_t id, F row) {
  StatementScope scope(st);
  st.BindInt64(1, id);
  for (;;) {
    Result<bool> r = st.Step();
    if (!r.ok()) return r.status();
    if (!*r) return Status::OK();
    row(st);
  }
}

}  // namespace

std::string ExportEntityId(int64_t id) {
  // Appended, not "E" + ...: GCC 12 warns falsely (-Wrestrict) on the latter.
  std::string out = "E";
  out += std::to_string(id);
  return out;
}

Status WriteEntities(const Database& db, std::ostream& out) {
  Result<Statement> entities = Statement::Prepare(db.get(), kEntities, false);
  Result<Statement> variants = Statement::Prepare(db.get(), kVariants, false);
  Result<Statement> mentions = Statement::Prepare(db.get(), kMentions, false);
  Result<Statement> roles = Statement::Prepare(db.get(), kRoles, false);
  for (const auto* st : {&entities, &variants, &mentions, &roles}) {
    if (!st->ok()) return st->status();
  }
  bool first = true;
  for (;;) {
    Result<bool> row = entities->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const int64_t id = entities->ColumnInt64(0);
    nlohmann::ordered_json e;
    e["id"] = ExportEntityId(id);
    e["type"] = std::string(entities->ColumnText(1));
    e["name"] = std::string(entities->ColumnText(2));
    e["alias"] = OrNull(*entities, 3);
    e["capital_of"] = OrNull(*entities, 4);
    e["article_count"] = entities->ColumnInt64(5);
    e["variants"] = nlohmann::ordered_json::array();
    DOSSIER_RETURN_IF_ERROR(ForEachRow(*variants, id, [&](const Statement& st) {
      e["variants"].push_back(
          {{"text", std::string(st.ColumnText(0))}, {"count", st.ColumnInt64(1)}});
    }));
    e["roles"] = nlohmann::ordered_json::array();
    DOSSIER_RETURN_IF_ERROR(ForEachRow(*roles, id, [&](const Statement& st) {
      nlohmann::ordered_json r;
      r["article"] = std::string(st.ColumnText(0));
      r["role"] = std::string(st.ColumnText(1));
      r["class"] = OrNull(st, 2);
      r["country"] = OrNull(st, 3);
      r["text"] = OrNull(st, 4);
      r["date"] = OrNull(st, 5);
      r["start"] = st.ColumnInt64(6);
      r["end"] = st.ColumnInt64(7);
      e["roles"].push_back(std::move(r));
    }));
    e["mentions"] = nlohmann::ordered_json::array();
    DOSSIER_RETURN_IF_ERROR(ForEachRow(*mentions, id, [&](const Statement& st) {
      nlohmann::ordered_json m;
      m["article"] = std::string(st.ColumnText(0));
      m["start"] = st.ColumnInt64(1);
      m["end"] = st.ColumnInt64(2);
      m["kind"] = std::string(st.ColumnText(3));
      m["text"] = std::string(st.ColumnText(4));
      e["mentions"].push_back(std::move(m));
    }));
    out << (first ? "\n" : ",\n")
        << e.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    first = false;
    if (!out) return Status::IOError("writing the export failed");
  }
  if (!first) out << '\n';
  return Status::OK();
}

}  // namespace dossier::store_internal
