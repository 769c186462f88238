// MoCatalog: reads a GNU gettext binary catalogue (.mo), as shipped by
// iso-codes for the translations of country names
// (/usr/share/locale/<lang>/LC_MESSAGES/iso_3166-1.mo).
//
// Format: https://www.gnu.org/software/gettext/manual/html_node/MO-Files.html
// (magic 0x950412de in either byte order, then the number of strings and the
// offsets of the original and translation tables of {length, offset}).
// Context-qualified and plural entries are kept under their full msgid.
//
// Thread-safety: immutable after Parse.
#ifndef DOSSIER_ENTITIES_MO_FILE_H_
#define DOSSIER_ENTITIES_MO_FILE_H_

#include <map>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dossier::identity {

class MoCatalog {
 public:
  // Corruption if `bytes` is not a well-formed catalogue (bad magic, a
  // table or string outside the data).
  static Result<MoCatalog> Parse(std::string_view bytes);
  // NotFound / IOError for the file, then as Parse.
  static Result<MoCatalog> Read(const std::string& path);

  // The translation of `msgid`, or "" if the catalogue has none.
  std::string_view Translate(std::string_view msgid) const;
  size_t size() const { return messages_.size(); }

 private:
  std::map<std::string, std::string, std::less<>> messages_;
};

}  // namespace dossier::identity

#endif  // DOSSIER_ENTITIES_MO_FILE_H_
