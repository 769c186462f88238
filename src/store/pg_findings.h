// PgFindings: the PostgreSQL side of the Store's findings methods (store.h,
// findings.h), over the tables of pg_schema.cc. Same orders and replacement
// rules as the SQLite side (sqlite_findings.h).
//
// Internal to the store stage. Thread-safety: like its connection, one
// thread at a time.
#ifndef DOSSIER_STORE_PG_FINDINGS_H_
#define DOSSIER_STORE_PG_FINDINGS_H_

#include <string>
#include <string_view>
#include <vector>

#include <pqxx/pqxx>

#include "base/status.h"
#include "store/findings.h"

namespace dossier::store_internal {

class PgFindings {
 public:
  // REQUIRES: `conn` outlives this object.
  PgFindings(pqxx::connection& conn, bool read_only) : conn_(conn), read_only_(read_only) {}

  // Prepares the statements; once, after the schema is open.
  Status Prepare();

  Result<std::vector<std::string>> PendingAnalysis();
  // Runs in its own transaction.
  Status Put(const FindingsBatch& batch);
  Result<std::string> GetState(std::string_view name);
  Result<std::vector<EntityRecord>> ListEntities();
  Result<std::vector<FindingRow>> ListFindings(std::string_view collection);
  Result<FindingRow> GetFinding(std::string_view collection, std::string_view id);
  Result<EntityDetail> GetEntity(int64_t id);
  Result<std::vector<MentionRecord>> ListMentions(std::string_view article_id);

 private:
  Status PutAll(pqxx::work& t, const FindingsBatch& batch);
  Status PutArticle(pqxx::work& t, const ArticleFindings& a);
  void PutEntity(pqxx::work& t, const EntityRecord& e);

  pqxx::connection& conn_;
  const bool read_only_;
};

}  // namespace dossier::store_internal

#endif  // DOSSIER_STORE_PG_FINDINGS_H_
