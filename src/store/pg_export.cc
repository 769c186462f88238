// Tested by export_json_test.cc (run on both backends) and tests/pg_cli_test.cc.
//
// Mirrors export_json.cc and export_entities.cc: the same objects with the
// same keys in the same order, the same null rules, the same orders.
#include "store/pg_export.h"

#include <string>

#include <nlohmann/json.hpp>

#include "store/export_entities.h"
#include "store/export_json.h"
#include "store/pg_util.h"

namespace dossier::store_internal {
namespace {

using PgJson = nlohmann::ordered_json;
using PgExportTransaction = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

// Rows fetched per round trip from a cursor.
constexpr int kPgFetchRows = 256;

// Dated articles oldest first, then undated ones; storage order breaks ties.
constexpr char kPgArticles[] = R"sql(
SELECT id, url, title, outlet, author, published, language, language_confidence,
       mixed_language, dateline, path, locator, sentence_count, token_count, text
FROM articles ORDER BY published IS NULL, published, seq)sql";

// The collections the later stages fill, kept as export objects (findings).
struct PgCollection {
  const char* name;
  const char* cursor;
  const char* sql;
};
constexpr PgCollection kPgFindingCollections[] = {
    {"quotes", "export_quotes",
     "SELECT data FROM findings WHERE collection = 'quotes' ORDER BY seq"},
    {"figures", "export_figures",
     "SELECT data FROM findings WHERE collection = 'figures' ORDER BY seq"},
    {"conflicts", "export_conflicts",
     "SELECT data FROM findings WHERE collection = 'conflicts' ORDER BY seq"},
    {"events", "export_events",
     "SELECT data FROM findings WHERE collection = 'events' ORDER BY seq"},
    {"storylines", "export_storylines",
     "SELECT data FROM findings WHERE collection = 'storylines' ORDER BY seq"},
};

constexpr char kPgEntities[] =
    "SELECT id, type, name, alias_id, capital_of, article_count FROM entities ORDER BY id";
constexpr char kPgVariants[] =
    "SELECT text, count FROM entity_variants WHERE entity = $1 ORDER BY count DESC, text";
// The mention's text is cut from the article's bytes (offsets are byte
// offsets): a bytea, which a cut inside a character leaves ill-formed, as
// SQLite's CAST does; the dump replaces those bytes with U+FFFD.
constexpr char kPgMentions[] = R"sql(
SELECT a.id, m.start_at, m.end_at, m.kind,
       substring(convert_to(a.text, 'UTF8') FROM m.start_at::int + 1 FOR (m.end_at - m.start_at)::int)
FROM mentions AS m JOIN articles AS a ON a.seq = m.article
WHERE m.entity = $1 ORDER BY m.article, m.start_at, m.end_at)sql";
constexpr char kPgRoles[] = R"sql(
SELECT a.id, r.role, r.role_class, r.country, r.text, r.date, r.start_at, r.end_at
FROM entity_roles AS r JOIN articles AS a ON a.seq = r.article
WHERE r.entity = $1 ORDER BY r.article, r.start_at, r.seq)sql";

PgJson PgJsonOrNull(const pqxx::field& f) {
  if (f.is_null() || f.size() == 0) return nullptr;
  return std::string(f.c_str(), f.size());
}

std::string PgDump(const PgJson& j) {
  return j.dump(-1, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
}

PgJson PgArticleObject(const pqxx::row& r) {
  PgJson a;
  a["id"] = FieldText(r[0]);
  a["url"] = PgJsonOrNull(r[1]);
  a["title"] = PgJsonOrNull(r[2]);
  a["outlet"] = PgJsonOrNull(r[3]);
  a["author"] = PgJsonOrNull(r[4]);
  a["published"] = PgJsonOrNull(r[5]);
  a["language"] = PgJsonOrNull(r[6]);
  a["language_confidence"] = r[7].as<double>();
  a["mixed_language"] = r[8].as<bool>();
  a["dateline"] = PgJsonOrNull(r[9]);
  a["path"] = PgJsonOrNull(r[10]);
  a["locator"] = PgJsonOrNull(r[11]);
  a["sentence_count"] = r[12].as<int64_t>();
  a["token_count"] = r[13].as<int64_t>();
  a["text"] = FieldText(r[14]);
  return a;
}

// Calls `line(row)` for each row of `sql` (no parameters), read through a
// cursor kPgFetchRows at a time, and writes the lines as array elements.
template <typename Line>
Status PgWriteRows(PgExportTransaction& t, const std::string& cursor, const std::string& sql,
                   std::ostream& out, Line line) {
  t.exec("DECLARE " + cursor + " NO SCROLL CURSOR FOR " + sql);
  bool first = true;
  for (;;) {
    const pqxx::result rows =
        t.exec("FETCH FORWARD " + std::to_string(kPgFetchRows) + " FROM " + cursor);
    for (const pqxx::row& r : rows) {
      out << (first ? "\n" : ",\n") << line(r);
      first = false;
      if (!out) return Status::IOError("writing the export failed");
    }
    if (rows.size() < static_cast<size_t>(kPgFetchRows)) break;
  }
  t.exec("CLOSE " + cursor);
  if (!first) out << '\n';
  return Status::OK();
}

PgJson PgEntityObject(PgExportTransaction& t, const pqxx::row& row) {
  const int64_t id = row[0].as<int64_t>();
  PgJson e;
  e["id"] = ExportEntityId(id);
  e["type"] = FieldText(row[1]);
  e["name"] = FieldText(row[2]);
  e["alias"] = PgJsonOrNull(row[3]);
  e["capital_of"] = PgJsonOrNull(row[4]);
  e["article_count"] = row[5].as<int64_t>();
  e["variants"] = PgJson::array();
  for (const pqxx::row& r : t.exec_params(kPgVariants, id)) {
    e["variants"].push_back({{"text", FieldText(r[0])}, {"count", r[1].as<int64_t>()}});
  }
  e["roles"] = PgJson::array();
  for (const pqxx::row& r : t.exec_params(kPgRoles, id)) {
    PgJson role;
    role["article"] = FieldText(r[0]);
    role["role"] = FieldText(r[1]);
    role["class"] = PgJsonOrNull(r[2]);
    role["country"] = PgJsonOrNull(r[3]);
    role["text"] = PgJsonOrNull(r[4]);
    role["date"] = PgJsonOrNull(r[5]);
    role["start"] = r[6].as<int64_t>();
    role["end"] = r[7].as<int64_t>();
    e["roles"].push_back(std::move(role));
  }
  e["mentions"] = PgJson::array();
  for (const pqxx::row& r : t.exec_params(kPgMentions, id)) {
    PgJson m;
    m["article"] = FieldText(r[0]);
    m["start"] = r[1].as<int64_t>();
    m["end"] = r[2].as<int64_t>();
    m["kind"] = FieldText(r[3]);
    m["text"] = pqxx::binarystring(r[4]).str();
    e["mentions"].push_back(std::move(m));
  }
  return e;
}

Status PgWriteDocument(PgExportTransaction& t, std::ostream& out) {
  out << "{\"dossier_export_version\":" << kExportVersion
      << ",\"generated_by\":\"dossier\",\"articles\":[";
  DOSSIER_RETURN_IF_ERROR(
      PgWriteRows(t, "export_articles", kPgArticles, out,
                  [](const pqxx::row& r) { return PgDump(PgArticleObject(r)); }));
  out << "],\"entities\":[";
  // The entity cursor stays open while each entity's rows are read.
  DOSSIER_RETURN_IF_ERROR(
      PgWriteRows(t, "export_entities", kPgEntities, out,
                  [&](const pqxx::row& r) { return PgDump(PgEntityObject(t, r)); }));
  out << "]";
  for (const PgCollection& c : kPgFindingCollections) {
    out << ",\"" << c.name << "\":[";
    // The rows are JSON objects the engine wrote: copied as they are.
    DOSSIER_RETURN_IF_ERROR(
        PgWriteRows(t, c.cursor, c.sql, out, [](const pqxx::row& r) { return FieldText(r[0]); }));
    out << "]";
  }
  out << "}\n";
  out.flush();
  if (!out) return Status::IOError("writing the export failed");
  return Status::OK();
}

}  // namespace

Status WritePgJsonExport(pqxx::connection& conn, std::ostream& out) {
  bool started = false;
  return RunTransaction<PgExportTransaction>(conn, [&](PgExportTransaction& t) -> Status {
    // A document half written cannot be taken back: no second attempt.
    if (started) return Status::IOError("the export's snapshot was aborted");
    started = true;
    return PgWriteDocument(t, out);
  });
}

}  // namespace dossier::store_internal
