// EmbeddedFile: a data file compiled into the binary (cmake/embed_files.cmake,
// through dossier_embed_files() in CMake), so dossier needs no source tree at
// run time. Each stage declares its own table in a header of its own.
#ifndef DOSSIER_BASE_EMBEDDED_FILE_H_
#define DOSSIER_BASE_EMBEDDED_FILE_H_

namespace dossier {

struct EmbeddedFile {
  const char* name;     ///< the file name (without extension where the stage asks so)
  const char* content;  ///< the file, byte for byte (minus '\r')
};

}  // namespace dossier

#endif  // DOSSIER_BASE_EMBEDDED_FILE_H_
