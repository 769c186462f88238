// The files of data/abbreviations/, embedded at build time by embed_data.cmake
// (see the generated abbreviation_data.cc in the build tree).
//
// Internal to the text stage. Thread-safety: immutable data.
#ifndef DOSSIER_TEXT_ABBREVIATION_DATA_H_
#define DOSSIER_TEXT_ABBREVIATION_DATA_H_

#include <cstddef>

namespace dossier::text_internal {

struct EmbeddedFile {
  const char* name;     ///< file name without ".txt": an ISO 639-1 code
  const char* content;  ///< the file, byte for byte (minus '\r')
};

extern const EmbeddedFile kAbbreviationFiles[];
extern const size_t kAbbreviationFileCount;

}  // namespace dossier::text_internal

#endif  // DOSSIER_TEXT_ABBREVIATION_DATA_H_
