// DictdFile: the entries of a dictd dictionary (`NAME.index` +
// `NAME.dict.dz` or `NAME.dict`), as Debian's FreeDict packages install
// them in /usr/share/dictd.
//
//   Result<std::vector<DictEntry>> e = ReadDictd("/usr/share/dictd/freedict-fra-eng");
//
// The index holds one line per entry: headword TAB offset TAB length, the
// numbers in dictd's base64; the data file is gzip (dictzip) compressed and
// is inflated whole with zlib. Entries named "00database..." (metadata) are
// skipped.
//
// Thread-safety: pure function.
#ifndef DOSSIER_STORIES_DICTD_FILE_H_
#define DOSSIER_STORIES_DICTD_FILE_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dossier::stories {

struct DictEntry {
  std::string headword;
  std::string definition;  ///< the entry's text as stored (first line repeats the headword)
};

// NotFound when neither NAME.dict.dz nor NAME.dict exists or NAME.index is
// missing; Corruption when the data does not inflate or an entry points
// outside it.
Result<std::vector<DictEntry>> ReadDictd(const std::string& base_path);

// The translations of a FreeDict entry: the lines after the first, without
// sense numbers ("1. "), split at ',' and ';', parenthesised notes removed,
// trimmed, non-empty.
std::vector<std::string> FreedictTranslations(std::string_view definition);

}  // namespace dossier::stories

#endif  // DOSSIER_STORIES_DICTD_FILE_H_
