// The data files of the identity library (data/entities/: aliases.tsv,
// demonyms.tsv, capitals.tsv, roles-<lang>.txt), embedded at build time by
// cmake/embed_files.cmake (see the generated identity_data_files.cc in the
// build tree).
//
// Internal to the identity library. Thread-safety: immutable data.
#ifndef DOSSIER_ENTITIES_IDENTITY_DATA_FILES_H_
#define DOSSIER_ENTITIES_IDENTITY_DATA_FILES_H_

#include <cstddef>

#include "base/embedded_file.h"

namespace dossier::identity_internal {

using ::dossier::EmbeddedFile;

extern const EmbeddedFile kIdentityDataFiles[];
extern const size_t kIdentityDataFileCount;

}  // namespace dossier::identity_internal

#endif  // DOSSIER_ENTITIES_IDENTITY_DATA_FILES_H_
