// The data files of data/facts/ (and data/entities/demonyms.tsv) compiled
// into the library (cmake/embed_files.cmake).
#ifndef DOSSIER_FACTS_FACTS_DATA_H_
#define DOSSIER_FACTS_FACTS_DATA_H_

#include <cstddef>

#include "base/embedded_file.h"

namespace dossier::facts_internal {

using ::dossier::EmbeddedFile;
extern const EmbeddedFile kFactsData[];
extern const size_t kFactsDataCount;

}  // namespace dossier::facts_internal

#endif  // DOSSIER_FACTS_FACTS_DATA_H_
