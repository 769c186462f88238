// IdentityResources: everything the identity library reads, loaded once and
// shared: the name normaliser, the alias table (ICU/CLDR and iso-codes
// country names, curated aliases, demonyms, capitals), the role lexicons
// and the name matcher.
//
//   Result<std::unique_ptr<const IdentityResources>> r = IdentityResources::Load();
//   if (!r.ok()) return r.status();
//   NameMatch m = (*r)->matcher().Match("Irak", "Iraq");
//
// The data files of data/entities/ (aliases.tsv, demonyms.tsv,
// capitals.tsv, roles-<lang>.txt) are compiled into the library; a
// data_dir option reads them from a directory instead (for editing them
// without a rebuild).
//
// Thread-safety: immutable after Load; share one instance between threads.
#ifndef DOSSIER_ENTITIES_IDENTITY_RESOURCES_H_
#define DOSSIER_ENTITIES_IDENTITY_RESOURCES_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "entities/alias_table.h"
#include "entities/name_matcher.h"
#include "entities/name_normalizer.h"
#include "entities/roles.h"

namespace dossier::identity {

inline constexpr char kDefaultIsoCodesJson[] = "/usr/share/iso-codes/json/iso_3166-1.json";
inline constexpr char kDefaultLocaleDir[] = "/usr/share/locale";

struct IdentityOptions {
  // Parameters that affect behaviour.

  // Display languages of the country names taken from ICU/CLDR and
  // iso-codes; the first has priority when two countries share a name.
  // Default: 20 languages of world news in Latin, Arabic, Cyrillic, Hebrew,
  // Greek, Hangul and Devanagari script (about 80 ms to load). More
  // languages cost load time (2-5 ms each; Chinese or Japanese 150 ms more,
  // ICU's Han transliteration) and add rare collisions.
  std::vector<std::string> country_languages = {"en", "fr", "de", "es", "it", "pt", "nl",
                                                "pl", "sv", "tr", "id", "ar", "fa", "ru",
                                                "uk", "he", "el", "ko", "hi", "ku"};
  // iso-codes' ISO 3166-1 list and the directory of its translations
  // (Debian package iso-codes). "" skips them. A missing default file is
  // skipped; a missing file given explicitly is an error.
  std::string iso_codes_json = kDefaultIsoCodesJson;
  std::string locale_dir = kDefaultLocaleDir;
  // A directory holding aliases.tsv, demonyms.tsv, capitals.tsv and
  // roles-<lang>.txt to use instead of the compiled-in copies. Default "".
  std::string data_dir;
  MatcherOptions matcher;
};

class IdentityResources {
 public:
  // NotFound for a missing data_dir file or explicitly given iso-codes file;
  // InvalidInput for a malformed data file (naming file and line);
  // Corruption for an unreadable iso-codes file.
  static Result<std::unique_ptr<const IdentityResources>> Load(const IdentityOptions& options = {});

  IdentityResources(const IdentityResources&) = delete;
  IdentityResources& operator=(const IdentityResources&) = delete;

  const NameNormalizer& normalizer() const { return normalizer_; }
  const AliasTable& aliases() const { return aliases_; }
  const NameMatcher& matcher() const { return matcher_; }
  // The role lexicon of an ISO 639-1 language, or null if there is none.
  const RoleLexicon* roles(std::string_view language) const;

 private:
  explicit IdentityResources(const MatcherOptions& matcher);

  NameNormalizer normalizer_;
  AliasTable aliases_;
  NameMatcher matcher_;
  std::map<std::string, RoleLexicon, std::less<>> roles_;
};

}  // namespace dossier::identity

#endif  // DOSSIER_ENTITIES_IDENTITY_RESOURCES_H_
