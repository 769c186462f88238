// The files of data/abbreviations/, embedded at build time by cmake/embed_files.cmake
// (see the generated abbreviation_data.cc in the build tree).
//
// Internal to the text stage. Thread-safety: immutable data.
#ifndef DOSSIER_TEXT_ABBREVIATION_DATA_H_
#define DOSSIER_TEXT_ABBREVIATION_DATA_H_

#include <cstddef>

#include "base/embedded_file.h"

namespace dossier::text_internal {

using ::dossier::EmbeddedFile;

extern const EmbeddedFile kAbbreviationFiles[];
extern const size_t kAbbreviationFileCount;

}  // namespace dossier::text_internal

#endif  // DOSSIER_TEXT_ABBREVIATION_DATA_H_
