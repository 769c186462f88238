// AliasTable: names that denote one known entity although they do not look
// alike: country names in many languages ("Irak", "États-Unis", "US"),
// demonyms ("Iraqi", "américain"), capitals ("Washington", "Bagdad") and
// well-known aliases of organisations ("Daesh", "ISIS", "Etat islamique").
//
//   AliasTable table(&normalizer);
//   table.AddIcuCountries({"en", "fr", "de"});
//   Status s = table.AddDemonyms(demonyms_tsv, "demonyms.tsv");
//   std::vector<AliasRef> refs = table.Lookup(MakeNameKey(normalizer, "Irak"));
//   // refs[0]: group "country:IQ", kind kName
//
// Each entity is a group with a stable id: "country:<ISO 3166-1 alpha-2>"
// for countries, "capital:<alpha-2>" for a country's capital (a separate
// place whose capital_of names the country: "Washington" for the US
// government is metonymy, linked, not merged), and "<id>" of the curated
// file for the rest. Names are keyed by NameKey::Joined(), so spelling
// variants the key folds also match ("Irak"/"Iraq"), except that a key of
// fewer than 4 letters must be spelt alike ("the" is not "Thai"), and one
// of fewer than 6 letters too when the name comes from the other display
// languages (priority 2: "Sure" is not Turkish "Suriye"). A name written in
// capitals of at most 5 letters ("US", "IS", "EI") is an acronym: it only
// matches a name also written in capitals.
//
// Sources and priority (lower wins when one key names several groups):
//   0  curated files (aliases.tsv, demonyms.tsv, capitals.tsv);
//   1  ICU/CLDR and iso-codes names in the first display language given;
//   2  the other display languages.
// A key that names two groups at its best priority is ambiguous: Lookup
// returns both and callers treat the name as unknown.
//
// File formats (UTF-8, '#' starts a comment line, fields separated by TAB):
//   aliases.tsv:  <id> <TYPE: PER|ORG|LOC|MISC> <name>|<name>|...
//                 an id "country:XX" adds names to that country.
//   demonyms.tsv: <alpha-2> <lang> <form>|<form>|...   (plurals are listed)
//   capitals.tsv: <alpha-2> <name>|<name>|...
//
// Thread-safety: const methods may run concurrently once loading is done.
#ifndef DOSSIER_ENTITIES_ALIAS_TABLE_H_
#define DOSSIER_ENTITIES_ALIAS_TABLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "entities/entity_type.h"
#include "entities/name_key.h"
#include "entities/name_normalizer.h"

namespace dossier::identity {

struct AliasGroup {
  std::string id;  ///< "country:IQ", "capital:IQ", "islamic-state"
  ner::EntityType type = ner::EntityType::kOrg;
  std::string display;     ///< a name to show: the first name added
  std::string capital_of;  ///< for a capital: its country's group id; else ""
};

enum class AliasKind : uint8_t {
  kName = 0,     ///< a name of the group's entity
  kDemonym = 1,  ///< an adjective or noun of nationality of the group's country
};

struct AliasRef {
  uint32_t group = 0;  ///< index for AliasTable::group()
  AliasKind kind = AliasKind::kName;
  uint8_t priority = 0;
  bool operator==(const AliasRef& o) const {
    return group == o.group && kind == o.kind && priority == o.priority;
  }
};

class AliasTable {
 public:
  // REQUIRES: normalizer outlives the table.
  explicit AliasTable(const NameNormalizer* normalizer);

  AliasTable(AliasTable&&) = default;
  AliasTable& operator=(AliasTable&&) = default;

  // Loaders. InvalidInput names `source` and the line of a malformed line;
  // lines before it stay loaded.
  Status AddAliases(std::string_view tsv, std::string_view source);
  Status AddDemonyms(std::string_view tsv, std::string_view source);
  Status AddCapitals(std::string_view tsv, std::string_view source);

  // The ICU (CLDR) name of every ISO 3166-1 country in each display language,
  // with CLDR's short and variant forms ("US", "UK", "Ivory Coast").
  void AddIcuCountries(const std::vector<std::string>& languages);

  // iso-codes: names, official and common names from `json_path`
  // (iso_3166-1.json) and the translations of the names and common names from
  // <locale_dir>/<lang>/LC_MESSAGES/iso_3166-1.mo for each language written
  // in Latin script (a missing catalogue is skipped; ICU has the names in
  // other scripts). NotFound / Corruption for the JSON file.
  Status AddIsoCodes(const std::string& json_path, const std::string& locale_dir,
                     const std::vector<std::string>& languages);

  // Adds one name to a group, creating the group if needed. `priority` as
  // above. A capital's name that is already a country's is skipped
  // ("Koweït", "Djibouti", "Luxembourg" name the country).
  void AddName(std::string_view group_id, ner::EntityType type, std::string_view name,
               AliasKind kind, uint8_t priority);

  // Every entry of `key` (empty if none), best priority first. Acronym
  // entries match only when key.all_caps; with `exact_spelling`, only
  // entries spelt as the key (same folded tokens) match.
  std::vector<AliasRef> Lookup(const NameKey& key, bool exact_spelling = false) const;
  std::vector<AliasRef> Lookup(std::string_view name) const;

  // The one group `refs` names with `kind` at the best priority, if exactly
  // one does.
  static std::optional<uint32_t> UniqueGroup(const std::vector<AliasRef>& refs, AliasKind kind);

  const AliasGroup& group(uint32_t index) const { return groups_[index]; }
  std::optional<uint32_t> FindGroup(std::string_view id) const;
  size_t group_count() const { return groups_.size(); }
  size_t key_count() const { return keys_.size(); }

 private:
  struct Entry {
    AliasRef ref;
    bool acronym = false;
    std::string spelling;  // the folded tokens, concatenated
  };
  uint32_t GroupIndex(std::string_view id, ner::EntityType type, std::string_view display);

  const NameNormalizer* normalizer_;
  std::vector<AliasGroup> groups_;
  std::unordered_map<std::string, uint32_t> group_index_;
  std::unordered_map<std::string, std::vector<Entry>> keys_;
};

}  // namespace dossier::identity

#endif  // DOSSIER_ENTITIES_ALIAS_TABLE_H_
