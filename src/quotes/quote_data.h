// The files of data/quotes/, embedded at build time by
// cmake/embed_files.cmake (see the generated quote_data.cc in the build tree).
//
// Internal to the quotes stage. Thread-safety: immutable data.
#ifndef DOSSIER_QUOTES_QUOTE_DATA_H_
#define DOSSIER_QUOTES_QUOTE_DATA_H_

#include <cstddef>

#include "base/embedded_file.h"

namespace dossier::quotes_internal {

using ::dossier::EmbeddedFile;

extern const EmbeddedFile kQuoteDataFiles[];
extern const size_t kQuoteDataFileCount;

}  // namespace dossier::quotes_internal

#endif  // DOSSIER_QUOTES_QUOTE_DATA_H_
