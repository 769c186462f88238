// The ingest stage: reads inputs and delivers RawRecords, streaming.
//
// An input is a file, a directory (read recursively, files in sorted order),
// or "-" for JSON Lines on standard input. Formats are detected by content
// (not only by extension): plain text, HTML, JSON Lines, RSS 2.0 / Atom,
// WARC; each may be gzip- or zstd-compressed.
//
// Memory does not grow with the size of an input: records are delivered one
// at a time and no file is read whole (except a single plain-text or HTML
// article, bounded by IngestOptions::max_record_bytes).
//
// Errors are values delivered to the error callback, one per bad record or
// unreadable input, each naming the path and the record; reading goes on with
// the next record or input.
//
// Thread-safety: ReadInput is reentrant; callbacks run on the caller's thread.
#ifndef DOSSIER_INGEST_INGEST_H_
#define DOSSIER_INGEST_INGEST_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "ingest/record.h"

namespace dossier {

struct IngestOptions {
  // A record (one article's bytes, one JSON line, one feed item, one WARC
  // record payload) larger than this is rejected with an error. Default 8 MiB.
  size_t max_record_bytes = 8u << 20;
  // Decompressed bytes may not exceed this multiple of the compressed bytes
  // read so far (plus max_record_bytes of slack): stops zip bombs. 0: no
  // limit.
  uint64_t max_decompression_ratio = 200;
};

struct IngestCounts {
  uint64_t records = 0;  ///< records delivered to on_record
  uint64_t errors = 0;   ///< errors delivered to on_error
};

// Called once per record. Return false to stop reading.
using RecordCallback = std::function<bool(RawRecord&&)>;
using ErrorCallback = std::function<void(const InputError&)>;

// Reads one input (file, directory or "-") and delivers its records and
// errors. Never throws; returns the counts.
IngestCounts ReadInput(const std::string& input, const IngestOptions& options,
                       const RecordCallback& on_record, const ErrorCallback& on_error);

}  // namespace dossier

#endif  // DOSSIER_INGEST_INGEST_H_
