// Store: where dossier keeps articles and everything later stages find in them.
//
//   Result<std::unique_ptr<Store>> s = Store::Open("dossier.db");
//   Result<PutOutcome> o = (*s)->PutArticles(batch);
//
// One interface, several backends: a path opens the embedded SQLite backend
// (WAL mode, versioned schema with migrations, FTS5 full-text index);
// "postgresql://..." (or "postgres://...") opens the scale-out backend on a
// PostgreSQL database (pg_store.h), with the same contract.
//
// Invariants: PutArticles is atomic per batch (all of the batch or none is
// stored, even if the process is killed); an article already stored (same id,
// same url, or same content hash) is not stored again.
//
// Thread-safety: a Store is used from one thread at a time.
#ifndef DOSSIER_STORE_STORE_H_
#define DOSSIER_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "clean/article.h"
#include "store/findings.h"

namespace dossier {

// An article with what the text stage found in it.
struct AnalyzedArticle {
  Article article;
  uint32_t sentence_count = 0;
  uint32_t token_count = 0;
  // Space-separated Snowball stems of the article's words (title and text),
  // indexed for search next to the words themselves. Search finds a stem in
  // the stems, title or text column, so a stem spelled like its word in the
  // title or text may be left out (ArticleAnalyzer does), and the store
  // indexes each distinct stem once.
  std::string stems;
};

struct PutOutcome {
  // For each article of the batch, in order: its stored id (the existing id
  // when it was a duplicate) and whether it was newly inserted.
  std::vector<std::string> ids;
  std::vector<bool> inserted;
  size_t inserted_count = 0;
  size_t duplicate_count = 0;
};

struct SearchHit;

struct SearchQuery {
  std::string text;  ///< words; treated as text, never as query syntax
  // Stemmed forms of the query words, one element per language the store
  // holds: that language's stems of the query words, space-separated, in query
  // order (the caller stems; the store matches them against
  // AnalyzedArticle::stems).
  // Matching: an article matches when every word of `text` is in its title or
  // text, or when, for some element, every stem of that element is in its
  // stems, title or text. Each element is used as a whole, so the caller's
  // word splitting need not agree with the store's. Only the first 64 words
  // of `text` and of each element, and the first 16 elements, count.
  std::vector<std::string> stems;
  size_t limit = 20;  ///< at most this many hits; 0 gives none
  size_t offset = 0;  ///< skip this many of the best hits first
  // When set, only hits it accepts get a snippet (the others come with an
  // empty one): a caller that filters the hits need not pay for snippets
  // of hits it drops.
  std::function<bool(const SearchHit&)> wants_snippet;
};

struct SearchHit {
  std::string id;
  std::string title;
  std::string outlet;
  std::string published;
  std::string language;
  std::string snippet;  ///< text around the best match, matches in [brackets]
  double score = 0;     ///< higher is better (negated BM25)
};

struct StoreStats {
  uint64_t articles = 0;
  uint64_t sentences = 0;
  uint64_t tokens = 0;
  uint64_t text_bytes = 0;
  std::map<std::string, uint64_t> by_language;  ///< "" = undetermined
  std::map<std::string, uint64_t> by_outlet;    ///< "" = unknown
  std::string earliest_published;
  std::string latest_published;
  uint64_t analysed = 0;  ///< articles the analysis has seen
  uint64_t entities = 0;
  int schema_version = 0;
};

struct StoreOptions {
  bool read_only = false;
};

// `location` as messages may show it: a PostgreSQL URL's password (in the
// user info or a password= parameter) replaced by "***"; a path as it is.
std::string DisplayLocation(const std::string& location);

class Store {
 public:
  virtual ~Store() = default;

  // Opens (creating and migrating when needed) the store at `location`.
  static Result<std::unique_ptr<Store>> Open(const std::string& location,
                                             const StoreOptions& options = {});

  // Stores a batch atomically. See the invariants above.
  virtual Result<PutOutcome> PutArticles(const std::vector<AnalyzedArticle>& batch) = 0;

  // NotFound when no article has this id.
  virtual Result<Article> GetArticle(std::string_view id) = 0;

  // Ranked full-text search over titles and texts (BM25, a title match
  // weighs more than a text match). A broad query (more than 5,000 matches)
  // ranks its 5,000 most recently stored matches: scoring every match of a
  // query of common words costs time in proportion to the store. A text
  // without any letter or digit gives no hits, not an error.
  virtual Result<std::vector<SearchHit>> Search(const SearchQuery& query) = 0;

  virtual Result<StoreStats> Stats() = 0;

  // --- What the analysis stages found (findings.h) ---

  // Ids of the stored articles not analysed yet, in analysis order: dated
  // articles oldest first, then undated ones in storage order.
  virtual Result<std::vector<std::string>> PendingAnalysis() = 0;

  // Stores a batch of findings atomically and marks its articles analysed.
  // InvalidInput (and nothing stored) when an article id is not stored.
  virtual Status PutFindings(const FindingsBatch& batch) = 0;

  // The named state the last PutFindings saved; "" when there is none.
  virtual Result<std::string> GetState(std::string_view name) = 0;

  // The rows of one findings collection, in the order they were written.
  virtual Result<std::vector<FindingRow>> ListFindings(std::string_view collection) = 0;

  // One row of a findings collection; NotFound when it has no such id.
  virtual Result<FindingRow> GetFinding(std::string_view collection, std::string_view id) = 0;

  // Every entity with its variants, by id.
  virtual Result<std::vector<EntityRecord>> ListEntities() = 0;

  // One entity with its articles and roles; NotFound for an unknown id.
  virtual Result<EntityDetail> GetEntity(int64_t id) = 0;

  // The entity mentions of one article, by position; empty for an article
  // not analysed, NotFound for an unknown id.
  virtual Result<std::vector<MentionRecord>> ListMentions(std::string_view article_id) = 0;

  // Writes the whole store as one JSON document (docs/export.schema.json),
  // streaming: memory does not grow with the number of articles.
  virtual Status ExportJson(std::ostream& out) = 0;
};

}  // namespace dossier

#endif  // DOSSIER_STORE_STORE_H_
