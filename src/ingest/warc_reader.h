// WARC reader: WARC/1.0 and 1.1 files (Common Crawl, CC-NEWS), streamed.
//
// Articles are `response` records whose block is an HTTP response
// (application/http) with status 200 and Content-Type text/html or
// application/xhtml+xml: body = the HTTP payload (chunked transfer coding and
// gzip/deflate/zstd content coding undone), kind kHtml, charset from the
// Content-Type header, url from WARC-Target-URI, id left empty. `conversion`
// records with text/plain blocks (Common Crawl WET files) are plain-text
// articles. Every other record (warcinfo, request, metadata, revisit, other
// responses) is skipped silently, by streaming past its block.
//
// Records carry the locator "offset N": the decompressed offset of their
// "WARC/1.x" line. Errors, reading goes on with the next record:
//   "offset N: truncated record (expected X bytes, got Y)"   (ends the input)
//   "offset N: HTTP payload larger than M bytes"              (skipped by streaming)
//   "offset N: not a WARC record header; skipping to the next record"
//                     (then resynchronises at the next line that starts "WARC/")
//   "offset N: missing or invalid Content-Length", malformed HTTP, a payload
//   coding that cannot be undone
//   the stream's error (truncated gzip, ...; ends the input)
//
// Thread-safety: none; reentrant.
#ifndef DOSSIER_INGEST_WARC_READER_H_
#define DOSSIER_INGEST_WARC_READER_H_

#include <string>

#include "ingest/buffered_reader.h"
#include "ingest/ingest.h"
#include "ingest/record_sink.h"

namespace dossier {

void ReadWarc(BufferedReader& in, const std::string& path, const IngestOptions& options,
              RecordSink* sink);

}  // namespace dossier

#endif  // DOSSIER_INGEST_WARC_READER_H_
