// Fuzz target: the WARC reader (record headers, HTTP responses, chunked
// transfer coding, gzip/deflate/zstd content coding), through ReadStream.
// FUZZ_DEPS: dossier_ingest
#include <cstdint>

#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dossier::fuzz::ReadAndCheck(dossier::fuzz::AsView(data, size), dossier::Format::kWarc,
                              dossier::fuzz::SmallLimits());
  return 0;
}
