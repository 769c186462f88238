// Findings: what the analysis stages found in stored articles, in the plain
// form the store keeps. The engine maps its stages' types to these records,
// so the store depends on no stage above it.
//
// Ids: entities are numbered by the engine (dense, from 0, never reused); a
// batch's EntityRecords replace the stored rows of those ids, so the engine
// sends each entity it changed, whole, with the batch that changed it.
#ifndef DOSSIER_STORE_FINDINGS_H_
#define DOSSIER_STORE_FINDINGS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace dossier {

struct EntityVariantRecord {
  std::string text;  ///< a surface form as written
  uint32_t count = 0;
};

struct RoleRecord {
  int64_t entity = 0;
  std::string article_id;
  std::string role;        ///< language-neutral role id: "prime-minister"
  std::string role_class;  ///< "head-of-government"
  std::string country;     ///< alias group of the country the role names, or ""
  std::string text;        ///< as written: "Iraqi Prime Minister"
  std::string date;        ///< the article's date (ISO 8601), or ""
  uint32_t start = 0;      ///< byte offsets of the role phrase in the article text
  uint32_t end = 0;
};

struct EntityRecord {
  int64_t id = 0;
  std::string type;        ///< PER, ORG, LOC, MISC
  std::string name;        ///< the best full name
  std::string alias_id;    ///< alias group ("country:IQ"), or ""
  std::string capital_of;  ///< for a capital: its country's alias group, or ""
  uint32_t article_count = 0;
  std::vector<EntityVariantRecord> variants;
};

struct MentionRecord {
  int64_t entity = 0;
  uint32_t start = 0;  ///< byte offsets into the article text
  uint32_t end = 0;
  std::string kind;  ///< "name", "short-form", "acronym", "demonym", "role"
};

// Everything found in one article.
struct ArticleFindings {
  std::string article_id;
  std::vector<MentionRecord> mentions;
  std::vector<RoleRecord> roles;
};

// A finding kept as its export object: a quote, a figure, a conflict, an
// event, a storyline (the collections of docs/export.schema.json), or a
// private record a stage keeps for later runs (a collection the export does
// not name).
struct FindingRow {
  std::string collection;  ///< "quotes", "figures", ...
  std::string id;          ///< unique within its collection
  std::string article_id;  ///< the article it was found in, or "" for cross-article findings
  std::string json;        ///< one JSON object
};

// One atomic write of the analysis: the findings of some articles (which
// are then marked analysed), the entities they changed, and the named
// states of the online stages (resolver, clusterer) after them.
struct FindingsBatch {
  std::vector<ArticleFindings> articles;
  std::vector<EntityRecord> entities;
  std::vector<std::pair<std::string, std::string>> states;  ///< name -> bytes
  // Collections emptied first (a stage that recomputes them whole), then
  // rows written (a row replaces the row of the same collection and id).
  std::vector<std::string> replace_collections;
  std::vector<FindingRow> rows;
  // Rows removed after the rows are written: (collection, id).
  std::vector<std::pair<std::string, std::string>> delete_rows;
};

// One entity with where it occurs, for `dossier entity`.
struct EntityDetail {
  EntityRecord entity;
  struct Occurrence {
    std::string article_id;
    std::string title;
    std::string published;
    uint32_t mentions = 0;
  };
  std::vector<Occurrence> articles;  ///< by date, then storage order
  std::vector<RoleRecord> roles;     ///< by date
};

}  // namespace dossier

#endif  // DOSSIER_STORE_FINDINGS_H_
