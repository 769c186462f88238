// The data files of data/time/ compiled into the library (embed_files.cmake).
#ifndef DOSSIER_TIME_TIME_DATA_H_
#define DOSSIER_TIME_TIME_DATA_H_

#include <cstddef>

#include "base/embedded_file.h"

namespace dossier::time_internal {

using ::dossier::EmbeddedFile;
extern const EmbeddedFile kTimeData[];
extern const size_t kTimeDataCount;

}  // namespace dossier::time_internal

#endif  // DOSSIER_TIME_TIME_DATA_H_
