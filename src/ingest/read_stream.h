// Reading one opened input: decompression, format detection, dispatch to the
// format reader. The layer under ReadInput (ingest.h), exposed so that any
// byte source (stdin, a pipe, memory) can be read and tested the same way.
//
//   StringStream bytes(jsonl);
//   IngestCounts n = ReadStream({&bytes, "-", Format::kJsonLines}, options,
//                               on_record, on_error);
//
// Thread-safety: reentrant.
#ifndef DOSSIER_INGEST_READ_STREAM_H_
#define DOSSIER_INGEST_READ_STREAM_H_

#include <optional>
#include <string>

#include "ingest/byte_stream.h"
#include "ingest/format_detect.h"
#include "ingest/ingest.h"
#include "ingest/record_sink.h"

namespace dossier {

struct StreamInput {
  ByteStream* bytes = nullptr;   ///< raw bytes, maybe gzip/zstd; not owned
  std::string path;              ///< names the input in records and errors
  std::optional<Format> format;  ///< forced format; nullopt: detect from content
  bool sidecar = false;          ///< look for a .meta.json beside `path`
};

// Reads `input` to its end (or until the sink stops).
void ReadStream(const StreamInput& input, const IngestOptions& options, RecordSink* sink);

// The same with the caller's callbacks; returns the counts.
IngestCounts ReadStream(const StreamInput& input, const IngestOptions& options,
                        const RecordCallback& on_record, const ErrorCallback& on_error);

// Opens the file at `path` and reads it (format from content, sidecar
// looked for). Error: "cannot open: <strerror>".
void ReadFile(const std::string& path, const IngestOptions& options, RecordSink* sink);

}  // namespace dossier

#endif  // DOSSIER_INGEST_READ_STREAM_H_
