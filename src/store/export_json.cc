// Tested by export_json_test.cc.
//
// The document is written by hand around the article array, and each article
// object is serialised by nlohmann::json on its own: the JSON library gets
// escaping right, and memory holds one article at a time.
#include "store/export_json.h"

#include <exception>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "store/export_entities.h"

namespace dossier::store_internal {
namespace {

// Articles with a date first, oldest first, then the undated ones; rowid
// (insertion order) breaks ties. Each query walks articles_by_published or the
// rowid, so SQLite never sorts (or buffers) the table.
constexpr char kColumns[] =
    "SELECT id, url, title, outlet, author, published, language, language_confidence, "
    "mixed_language, dateline, path, locator, sentence_count, token_count, text FROM articles ";
constexpr const char* kOrderedQueries[] = {
    "WHERE published IS NOT NULL ORDER BY published, rowid",
    "WHERE published IS NULL ORDER BY rowid",
};

// The collections the later stages fill, kept as export objects (findings).
constexpr const char* kFindingCollections[] = {"quotes", "figures", "conflicts", "events",
                                               "storylines"};
constexpr char kFindingRows[] = "SELECT data FROM findings WHERE collection = ?1 ORDER BY rowid";

nlohmann::ordered_json TextOrNull(const Statement& st, int index) {
  if (st.ColumnIsNull(index)) return nullptr;
  std::string_view v = st.ColumnText(index);
  if (v.empty()) return nullptr;
  return std::string(v);
}

nlohmann::ordered_json ArticleObject(const Statement& st) {
  nlohmann::ordered_json a;
  a["id"] = std::string(st.ColumnText(0));
  a["url"] = TextOrNull(st, 1);
  a["title"] = TextOrNull(st, 2);
  a["outlet"] = TextOrNull(st, 3);
  a["author"] = TextOrNull(st, 4);
  a["published"] = TextOrNull(st, 5);
  a["language"] = TextOrNull(st, 6);
  a["language_confidence"] = st.ColumnDouble(7);
  a["mixed_language"] = st.ColumnInt64(8) != 0;
  a["dateline"] = TextOrNull(st, 9);
  a["path"] = TextOrNull(st, 10);
  a["locator"] = TextOrNull(st, 11);
  a["sentence_count"] = st.ColumnInt64(12);
  a["token_count"] = st.ColumnInt64(13);
  a["text"] = std::string(st.ColumnText(14));
  return a;
}

Status WriteArticles(const Database& db, std::ostream& out) {
  bool first = true;
  std::string line;
  for (const char* order : kOrderedQueries) {
    Result<Statement> st =
        Statement::Prepare(db.get(), std::string(kColumns) + order, /*persistent=*/false);
    if (!st.ok()) return st.status();
    for (;;) {
      Result<bool> row = st->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      // Ill-formed UTF-8 (which the clean stage should never store) becomes
      // U+FFFD so the document stays valid JSON.
      line = ArticleObject(*st).dump(-1, ' ', /*ensure_ascii=*/false,
                                     nlohmann::json::error_handler_t::replace);
      out << (first ? "\n" : ",\n") << line;
      first = false;
      if (!out) return Status::IOError("writing the export failed");
    }
  }
  if (!first) out << '\n';
  return Status::OK();
}

// The rows are JSON objects the engine wrote: copied as they are.
Status WriteFindings(const Database& db, const char* collection, std::ostream& out) {
  Result<Statement> st = Statement::Prepare(db.get(), kFindingRows, /*persistent=*/false);
  if (!st.ok()) return st.status();
  st->BindText(1, collection);
  bool first = true;
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out << (first ? "\n" : ",\n") << st->ColumnText(0);
    first = false;
    if (!out) return Status::IOError("writing the export failed");
  }
  if (!first) out << '\n';
  return Status::OK();
}

Status WriteDocument(const Database& db, std::ostream& out) {
  out << "{\"dossier_export_version\":" << kExportVersion
      << ",\"generated_by\":\"dossier\",\"articles\":[";
  DOSSIER_RETURN_IF_ERROR(WriteArticles(db, out));
  out << "],\"entities\":[";
  DOSSIER_RETURN_IF_ERROR(WriteEntities(db, out));
  out << "]";
  for (const char* name : kFindingCollections) {
    out << ",\"" << name << "\":[";
    DOSSIER_RETURN_IF_ERROR(WriteFindings(db, name, out));
    out << "]";
  }
  out << "}\n";
  out.flush();
  if (!out) return Status::IOError("writing the export failed");
  return Status::OK();
}

}  // namespace

std::vector<std::string> TEST_ExportQueries() {
  std::vector<std::string> out;
  for (const char* order : kOrderedQueries) out.push_back(std::string(kColumns) + order);
  return out;
}

Status WriteJsonExport(const Database& db, std::ostream& out) {
  // One read transaction: both queries see the same snapshot.
  DOSSIER_RETURN_IF_ERROR(db.Exec("BEGIN"));
  Status s;
  try {
    s = WriteDocument(db, out);
  } catch (const std::exception& e) {  // nlohmann or allocation failure
    s = Status::Internal(std::string("building the export: ") + e.what());
  }
  Status end = db.Exec("COMMIT");
  if (s.ok()) s = end;
  return s;
}

}  // namespace dossier::store_internal
