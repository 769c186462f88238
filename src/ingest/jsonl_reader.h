// JSON Lines reader: one article per line.
//
// Each non-blank line is a JSON object with `text` (plain text) or `html`
// (an HTML page; kind kHtml), and optionally id (string or number), url,
// title, published, outlet, language, author. When both text and html are
// given, text wins: it is what the producer already extracted.
//
// Records carry the locator "line N" (1-based, counting every line). Errors,
// one per bad line, reading goes on with the next line:
//   "line N: longer than M bytes"   (skipped by streaming, never buffered)
//   "line N: malformed JSON: <reason>"
//   "line N: not a JSON object"
//   "line N: no \"text\" or \"html\" field"
//   "line N: field \"title\" is not a string"
// A stream error (truncated gzip, ...) ends the input with one error at the
// line being read; a partial last line is not delivered.
//
// Thread-safety: none; reentrant.
#ifndef DOSSIER_INGEST_JSONL_READER_H_
#define DOSSIER_INGEST_JSONL_READER_H_

#include <string>

#include "ingest/buffered_reader.h"
#include "ingest/ingest.h"
#include "ingest/record_sink.h"

namespace dossier {

void ReadJsonLines(BufferedReader& in, const std::string& path, const IngestOptions& options,
                   RecordSink* sink);

}  // namespace dossier

#endif  // DOSSIER_INGEST_JSONL_READER_H_
