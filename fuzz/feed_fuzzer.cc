// Fuzz target: the RSS / Atom reader (expat), through ReadStream.
// FUZZ_DEPS: dossier_ingest
#include <cstdint>

#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dossier::fuzz::ReadAndCheck(dossier::fuzz::AsView(data, size), dossier::Format::kFeed,
                              dossier::fuzz::SmallLimits());
  return 0;
}
