// The clean stage: RawRecord in, Article out.
//
//   ArticleCleaner cleaner;
//   Result<Article> a = cleaner.Clean(record);
//
// Steps, in order:
//  1. decode the bytes to UTF-8 (BOM, declared charset, HTML <meta>, else
//     uchardet); reject empty, binary and invalid-UTF-8 input;
//  2. for HTML, extract the main text and the page's metadata (HtmlExtractor);
//  3. Unicode NFC, whitespace normalised, paragraphs kept;
//  4. strip residual boilerplate lines (comment policies, READ ALSO blocks,
//     paywall prompts, photo credits, share buttons, legal notes) by general
//     rules over line shape and wording in several languages;
//  5. metadata from the text where the record gave none: title, publication
//     date, outlet, dateline;
//  6. language with CLD2 (code, confidence, mixed flag);
//  7. id and content hash.
//
// Thread-safety: Clean() is const and safe to call from several threads.
#ifndef DOSSIER_CLEAN_CLEANER_H_
#define DOSSIER_CLEAN_CLEANER_H_

#include <memory>

#include "base/status.h"
#include "clean/article.h"
#include "ingest/record.h"

namespace dossier {

struct CleanOptions {
  // Articles whose cleaned text is shorter than this many bytes are rejected
  // as empty. Default 1.
  size_t min_text_bytes = 1;
};

class ArticleCleaner {
 public:
  explicit ArticleCleaner(CleanOptions options = {});
  ~ArticleCleaner();
  ArticleCleaner(const ArticleCleaner&) = delete;
  ArticleCleaner& operator=(const ArticleCleaner&) = delete;

  // Returns the cleaned article, or InvalidInput naming what is wrong (empty,
  // binary, invalid UTF-8 at byte N, no text left after extraction).
  Result<Article> Clean(const RawRecord& record) const;

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace dossier

#endif  // DOSSIER_CLEAN_CLEANER_H_
