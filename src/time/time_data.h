// The data files of data/time/ compiled into the library (embed_files.cmake).
#ifndef DOSSIER_TIME_TIME_DATA_H_
#define DOSSIER_TIME_TIME_DATA_H_

#include <cstddef>

namespace dossier::time_internal {

struct EmbeddedFile {
  const char* name;     ///< file name, e.g. "en.tsv"
  const char* content;  ///< the whole file
};
extern const EmbeddedFile kTimeData[];
extern const size_t kTimeDataCount;

}  // namespace dossier::time_internal

#endif  // DOSSIER_TIME_TIME_DATA_H_
