// The data files of data/facts/ (and data/entities/demonyms.tsv) compiled
// into the library (src/time/embed_files.cmake).
#ifndef DOSSIER_FACTS_FACTS_DATA_H_
#define DOSSIER_FACTS_FACTS_DATA_H_

#include <cstddef>

namespace dossier::facts_internal {

struct EmbeddedFile {
  const char* name;     ///< file name, e.g. "numbers-en.tsv"
  const char* content;  ///< the whole file
};
extern const EmbeddedFile kFactsData[];
extern const size_t kFactsDataCount;

}  // namespace dossier::facts_internal

#endif  // DOSSIER_FACTS_FACTS_DATA_H_
