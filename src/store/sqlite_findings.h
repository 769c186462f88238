// FindingsTables: the SQLite side of the Store's findings methods (store.h,
// findings.h) over the tables of schema v3 (schema.cc).
//
// Internal to the store stage. Thread-safety: like its connection, one
// thread at a time.
#ifndef DOSSIER_STORE_SQLITE_FINDINGS_H_
#define DOSSIER_STORE_SQLITE_FINDINGS_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/findings.h"
#include "store/sqlite_util.h"

namespace dossier::store_internal {

class FindingsTables {
 public:
  // REQUIRES: db outlives this object and is at schema v3 or later.
  static Result<FindingsTables> Prepare(const Database& db);

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
  FindingsTables() = default;
  Status PutArticle(const ArticleFindings& a);
  Status PutEntity(const EntityRecord& e);
  Status PutRow(const FindingRow& row);
  Result<std::vector<EntityVariantRecord>> Variants(int64_t id);

  const Database* db_ = nullptr;
  Statement rowid_of_, mark_, put_mention_, put_role_, put_entity_, clear_variants_, put_variant_,
      put_state_, get_state_, list_entities_, get_entity_, variants_, entity_articles_,
      entity_roles_, clear_collection_, put_row_, list_rows_, get_row_, delete_row_,
      article_mentions_;
};

}  // namespace dossier::store_internal

#endif  // DOSSIER_STORE_SQLITE_FINDINGS_H_
