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
#include <string_view>

#include "base/status.h"
#include "ingest/buffered_reader.h"
#include "ingest/ingest.h"
#include "ingest/record.h"
#include "ingest/record_sink.h"

namespace dossier {

void ReadJsonLines(BufferedReader& in, const std::string& path, const IngestOptions& options,
                   RecordSink* sink);

namespace jsonl_internal {

// The two ways ReadJsonLines turns one line (no BOM, not blank) into a
// record, exposed for jsonl_reader_test.cc. ParseJsonLine is the general
// one (nlohmann's parser; its errors are the ones listed above).
// ParseFlatJsonLine reads the common shape of a line in one pass without
// building a JSON tree: one object whose values are strings, null, true or
// false, and none of the fields above twice. It returns false for any other
// line (and for any line ParseJsonLine refuses), which then goes to
// ParseJsonLine; when it returns true, *record is what ParseJsonLine gives.
Result<RawRecord> ParseJsonLine(std::string_view line);
bool ParseFlatJsonLine(std::string_view line, RawRecord* record);

}  // namespace jsonl_internal

}  // namespace dossier

#endif  // DOSSIER_INGEST_JSONL_READER_H_
