// NameMatcher: do two names, out of context, denote the same entity?
//
//   NameMatcher matcher(&normalizer, &aliases, MatcherOptions());
//   NameMatch m = matcher.Match("Moustafa al-Kazimi", "Mustafa al-Kadhemi");
//   // m.score == 1.0, m.match, m.kind == MatchKind::kFullName
//   matcher.Match("Fuad Hussein", "Saddam Hussein").match == false  // kFamilyOnly
//
// Evidence, in order:
//  1. the alias table (when given): the same group -> kAlias (1.0); a
//     demonym of the other's country -> kDemonym (0.85); a capital and its
//     country -> kMetonym (no match); two different known groups ->
//     kConflict (no match: "Austria" is not "Australia");
//  2. equal keys -> kExact (1.0);
//  3. token alignment of the two keys (name_key.h), tokens compared with
//     TokenSimilarity (token_similarity.h); a token may also align with two
//     adjacent tokens written together ("Jong Un" / "Jong-un"):
//     - one token against one: its similarity, a match from
//       single_threshold (place_threshold for places); two acronyms must
//       be equal;
//     - an acronym against a longer name: kAcronym (0.9) if it spells the
//       initials ("IS" / "Islamic State");
//     - one token against a person's longer name: kShortForm if it is the
//       family (last) name, score 0.75 + 0.15 x similarity (a match: the
//       resolver asks context to confirm it); kGivenOnly if it is the first
//       name (no match); for other types, one token against several is
//       kPartial (no match);
//     - several against several: kFullName when every token of the shorter
//       name aligns (similarity >= token_threshold) in order, its last with
//       the other's last; score = mean similarity minus 0.02 per extra
//       token of the longer name (0.1 for non-persons); the same in another
//       order costs 0.05. When only the family names align: kFamilyOnly
//       (0.4); only the given names: kGivenOnly (0.3).
// The decision is score >= threshold.
//
// Thread-safety: immutable; methods are const and may run concurrently.
#ifndef DOSSIER_ENTITIES_NAME_MATCHER_H_
#define DOSSIER_ENTITIES_NAME_MATCHER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entities/alias_table.h"
#include "entities/entity_type.h"
#include "entities/name_key.h"
#include "entities/name_normalizer.h"

namespace dossier::identity {

enum class MatchKind : uint8_t {
  kNone = 0,    ///< nothing in common
  kExact,       ///< the same key
  kFullName,    ///< every token of the shorter name aligned (incl. given and family)
  kShortForm,   ///< a one-token name equal to the other's family name ("Macron")
  kAcronym,     ///< an acronym of the other's initials ("IS" / "Islamic State")
  kAlias,       ///< the same alias group ("Irak" / "Iraq", "Daesh" / "ISIS")
  kDemonym,     ///< a demonym of the other's country ("américain" / "United States")
  kMetonym,     ///< a capital and its country ("Washington" / "United States")
  kGivenOnly,   ///< only the given name agrees ("Qassem al-Araji" / "Qassem Soleimani")
  kFamilyOnly,  ///< only the family name agrees ("Fuad Hussein" / "Saddam Hussein")
  kPartial,     ///< some tokens agree (names that are not persons')
  kConflict,    ///< both are known aliases of different entities
};

// "none", "exact", "full-name", "short-form", ...
std::string_view MatchKindName(MatchKind kind);

struct NameMatch {
  double score = 0;    ///< in [0, 1]
  bool match = false;  ///< score >= MatcherOptions::threshold
  MatchKind kind = MatchKind::kNone;
};

struct MatcherOptions {
  // Parameters that affect behaviour.
  // A pair is a match from this score. Default 0.8.
  double threshold = 0.8;
  // The least similarity of two tokens that align in multi-token names.
  // Default 0.8: lower admits more transliteration variants and more
  // different names ("Jong-un"/"Jong-il" is 0.73).
  double token_threshold = 0.82;
  // The least similarity of two one-token names, or of a short form and a
  // family name. Default 0.9: a lone token carries less evidence
  // ("Khamenei"/"Khomeini" is 0.88).
  double single_threshold = 0.9;
  // The same for places (type LOC), whose names are spelt more freely
  // across languages ("Erbil"/"Arbil", "Naplouse"/"Nablus"); known places
  // that differ are told apart by the alias table. Default 0.85.
  double place_threshold = 0.85;
};

class NameMatcher {
 public:
  // REQUIRES: normalizer outlives the matcher; so does aliases unless null
  // (no alias evidence then).
  NameMatcher(const NameNormalizer* normalizer, const AliasTable* aliases,
              MatcherOptions options = {});

  // Two names as written. A name with a parenthesised acronym or alias
  // ("Etat islamique (EI)") stands for both; the best pair decides.
  // `type` (when known) selects the rules for persons or for other names;
  // unknown uses the person rules.
  NameMatch Match(std::string_view a, std::string_view b,
                  std::optional<ner::EntityType> type = std::nullopt) const;

  // Two keys; alias evidence is looked up by key.
  NameMatch MatchKeys(const NameKey& a, const NameKey& b,
                      std::optional<ner::EntityType> type = std::nullopt) const;

  // The names a written name declares: "Etat islamique (EI)" -> {"Etat
  // islamique", "EI"}; otherwise the name itself.
  static std::vector<std::string> DeclaredNames(std::string_view name);

  const MatcherOptions& options() const { return options_; }
  const NameNormalizer& normalizer() const { return *normalizer_; }
  const AliasTable* aliases() const { return aliases_; }

 private:
  std::optional<NameMatch> MatchAliases(const NameKey& a, const NameKey& b) const;
  NameMatch MatchTokens(const NameKey& a, const NameKey& b, bool person, bool place) const;
  NameMatch Decide(double score, MatchKind kind) const;

  const NameNormalizer* normalizer_;
  const AliasTable* aliases_;
  MatcherOptions options_;
};

}  // namespace dossier::identity

#endif  // DOSSIER_ENTITIES_NAME_MATCHER_H_
