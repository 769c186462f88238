// Article reader: a whole plain-text or HTML file is one record.
//
// The body is every byte of the (decompressed) stream, bounded by
// IngestOptions::max_record_bytes. A `.meta.json` sidecar beside the file,
// when there is one, fills the metadata fields (see sidecar.h).
//
// Errors, each ending this input:
//   "article larger than N bytes"
//   "empty file"                      (nothing but whitespace)
//   the stream's error                (truncated gzip, read error, ...)
// A bad sidecar is an error naming the sidecar's path; the article is still
// delivered, without the sidecar's fields.
//
// Thread-safety: none; reentrant.
#ifndef DOSSIER_INGEST_ARTICLE_READER_H_
#define DOSSIER_INGEST_ARTICLE_READER_H_

#include <string>

#include "ingest/buffered_reader.h"
#include "ingest/ingest.h"
#include "ingest/record.h"
#include "ingest/record_sink.h"

namespace dossier {

struct ArticleSource {
  std::string path;  ///< the input path as given
  ContentKind kind = ContentKind::kText;
  std::string charset;       ///< from a byte order mark, or ""
  std::string sidecar_path;  ///< "" for none (stdin, names that take none)
};

void ReadArticle(BufferedReader& in, const ArticleSource& source, const IngestOptions& options,
                 RecordSink* sink);

}  // namespace dossier

#endif  // DOSSIER_INGEST_ARTICLE_READER_H_
