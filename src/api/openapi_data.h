// docs/openapi.json, embedded at build time by cmake/embed_files.cmake (see
// the generated openapi_data.cc in the build tree), so /openapi.json is
// served from the binary, never read from disk.
//
// Internal to the api stage. Thread-safety: immutable data.
#ifndef DOSSIER_API_OPENAPI_DATA_H_
#define DOSSIER_API_OPENAPI_DATA_H_

#include <cstddef>

#include "base/embedded_file.h"

namespace dossier::api::internal {

using ::dossier::EmbeddedFile;

extern const EmbeddedFile kOpenApiFiles[];
extern const size_t kOpenApiFileCount;

}  // namespace dossier::api::internal

#endif  // DOSSIER_API_OPENAPI_DATA_H_
