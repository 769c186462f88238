// The files of data/quotes/, embedded at build time by
// embed_quote_data.cmake (see the generated quote_data.cc in the build tree).
//
// Internal to the quotes stage. Thread-safety: immutable data.
#ifndef DOSSIER_QUOTES_QUOTE_DATA_H_
#define DOSSIER_QUOTES_QUOTE_DATA_H_

#include <cstddef>

namespace dossier::quotes_internal {

struct EmbeddedFile {
  const char* name;     ///< file name without ".txt": "reporting-verbs-en"
  const char* content;  ///< the file, byte for byte (minus '\r')
};

extern const EmbeddedFile kQuoteDataFiles[];
extern const size_t kQuoteDataFileCount;

}  // namespace dossier::quotes_internal

#endif  // DOSSIER_QUOTES_QUOTE_DATA_H_
