// Helpers shared by the fuzz targets: reading a format from memory the way
// `dossier ingest` reads a file, and checking the invariants every reader
// promises whatever the bytes (records bounded by max_record_bytes, each
// error naming the input). A broken invariant aborts, which libFuzzer
// reports as a crash with the input that caused it.
#ifndef DOSSIER_FUZZ_FUZZ_UTIL_H_
#define DOSSIER_FUZZ_FUZZ_UTIL_H_

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/byte_stream.h"
#include "ingest/format_detect.h"
#include "ingest/ingest.h"
#include "ingest/read_stream.h"
#include "ingest/record.h"

namespace dossier::fuzz {

inline void Require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

inline std::string_view AsView(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Small limits, so that the fuzzer reaches the limit paths with small inputs.
inline IngestOptions SmallLimits() {
  IngestOptions options;
  options.max_record_bytes = 4096;
  options.max_decompression_ratio = 20;
  return options;
}

// Reads `bytes` as the input "fuzz" in `format` (nullopt: detected, gzip and
// zstd undone) and checks what comes out. Returns the counts.
inline IngestCounts ReadAndCheck(std::string_view bytes, std::optional<Format> format,
                                 const IngestOptions& options) {
  StringStream stream{std::string(bytes)};
  StreamInput input{&stream, "fuzz", format, /*sidecar=*/false};
  uint64_t records = 0, errors = 0;
  IngestCounts counts = ReadStream(
      input, options,
      [&](RawRecord&& record) {
        ++records;
        Require(record.path == "fuzz", "record names its input");
        Require(record.body.size() <= options.max_record_bytes, "record within max_record_bytes");
        return true;
      },
      [&](const InputError& error) {
        ++errors;
        Require(error.path == "fuzz", "error names its input");
        Require(!error.message.empty(), "error says what is wrong");
      });
  Require(counts.records == records && counts.errors == errors, "counts match deliveries");
  return counts;
}

}  // namespace dossier::fuzz

#endif  // DOSSIER_FUZZ_FUZZ_UTIL_H_
