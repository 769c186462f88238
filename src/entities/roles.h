// Roles: titles attached to people ("French President", "foreign
// minister", "porte-parole du Pentagone"), found next to names and as role
// nouns that refer back to them ("the French president said").
//
//   RoleLexicon en;
//   Status s = en.Add(normalizer, roles_en_txt, "roles-en.txt");
//   RoleFinder finder(&en, &aliases);
//   std::vector<TextWord> w = ScanWords(normalizer, "French President Emmanuel Macron said");
//   std::optional<FoundRole> r = finder.Before(w, 2);
//   // r->canonical == "president", r->country == "country:FR", text "French President"
//
// Patterns (English and French word order alike):
//  - Before a name: [modifier] [country or demonym] [organisation words]
//    <role> [complement] [,] <Name>, where the complement is a country or
//    demonym ("le Premier ministre irakien"), or starts with a preposition
//    ("of Iraqi Kurdistan", "du Pentagone", "des questions internationales
//    au Pentagone"), at most 6 words, no punctuation but a final comma.
//  - After a name: <Name> , [determiner] [country | demonym | Country's]
//    <role> [of-complement] ("Le Drian, the French foreign minister,").
//  - Role nouns: <determiner> [country or demonym] <role> [demonym]
//    ("the French president", "la porte-parole", "le ministre irakien").
// A role phrase may hold one demonym after its first word ("ministre
// irakien des Affaires étrangères"). The role lexicon format is described
// in data/entities/roles-en.txt.
//
// Thread-safety: immutable after loading; const methods may run
// concurrently.
#ifndef DOSSIER_ENTITIES_ROLES_H_
#define DOSSIER_ENTITIES_ROLES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "entities/alias_table.h"
#include "entities/name_normalizer.h"
#include "entities/text_words.h"

namespace dossier::identity {

struct RoleEntry {
  std::vector<std::string> words;  ///< folded words of the phrase: {"foreign", "minister"}
  std::string canonical;           ///< language-neutral id: "foreign-minister"
  std::string role_class;          ///< what generic nouns refer to: "minister"
};

class RoleLexicon {
 public:
  // Adds the phrases of one lexicon file. InvalidInput names `source` and the
  // line of a malformed line.
  Status Add(const NameNormalizer& normalizer, std::string_view text, std::string_view source);

  // The longest phrase starting at words[i] (no punctuation inside), or
  // null; *length receives the words it spans, including one demonym after
  // its first word when `demonym_at(k)` holds for that word (its index goes
  // to *skipped, else words.size()).
  template <typename DemonymAt>
  const RoleEntry* LongestAt(const std::vector<TextWord>& words, size_t i, DemonymAt demonym_at,
                             size_t* length, size_t* skipped) const;

  // The entry of a canonical role id, or null.
  const RoleEntry* Find(std::string_view canonical) const;
  size_t size() const { return size_; }

 private:
  // Entries by first word, longest first.
  std::unordered_map<std::string, std::vector<RoleEntry>> by_first_;
  size_t size_ = 0;
};

struct FoundRole {
  uint32_t begin = 0;  ///< the role phrase with its qualifiers, in text bytes
  uint32_t end = 0;
  size_t first_word = 0;  ///< its words (inclusive)
  size_t last_word = 0;
  std::string canonical;   ///< "president"
  std::string role_class;  ///< "head-of-state"
  std::string country;     ///< alias group of a country it names ("country:FR"), or ""
};

class RoleFinder {
 public:
  // REQUIRES: lexicon (may be null: nothing is found) and aliases outlive
  // the finder.
  RoleFinder(const RoleLexicon* lexicon, const AliasTable* aliases);

  // The role written before the name whose first word is words[first].
  std::optional<FoundRole> Before(const std::vector<TextWord>& words, size_t first) const;
  // The role in apposition after the name whose last word is words[last].
  std::optional<FoundRole> After(const std::vector<TextWord>& words, size_t last) const;
  // Every role noun phrase led by a determiner, in text order.
  std::vector<FoundRole> Nouns(const std::vector<TextWord>& words) const;

  // The country group that words[i] names or is a demonym of (one word, or
  // two ending at i: "United States"), or "".
  std::string CountryAt(const std::vector<TextWord>& words, size_t i, size_t* span = nullptr) const;

  // The longest role phrase starting at words[i] (RoleLexicon::LongestAt,
  // a demonym allowed after its first word), or null.
  const RoleEntry* RoleAt(const std::vector<TextWord>& words, size_t i, size_t* length,
                          size_t* skipped) const;

  // True for a word the role patterns treat as a preposition or article.
  static bool IsPreposition(std::string_view folded);
  static bool IsDeterminer(std::string_view folded);

 private:
  bool ComplementOk(const std::vector<TextWord>& words, size_t from, size_t to) const;
  void Qualify(const std::vector<TextWord>& words, FoundRole* role, size_t complement_end) const;

  const RoleLexicon* lexicon_;
  const AliasTable* aliases_;
};

// ---------------------------------------------------------------------------
// Implementation details of the template above.

template <typename DemonymAt>
const RoleEntry* RoleLexicon::LongestAt(const std::vector<TextWord>& words, size_t i,
                                        DemonymAt demonym_at, size_t* length,
                                        size_t* skipped) const {
  *length = 0;
  *skipped = words.size();
  if (i >= words.size() || words[i].punct) return nullptr;
  auto it = by_first_.find(words[i].folded);
  if (it == by_first_.end()) return nullptr;
  for (const RoleEntry& e : it->second) {
    // Try without a skip, then with a demonym after the first word.
    for (int skip = 0; skip < 2; ++skip) {
      if (skip == 1 && (e.words.size() < 2 || i + 1 >= words.size() || !demonym_at(i + 1))) break;
      size_t k = i + 1 + static_cast<size_t>(skip);
      size_t w = 1;
      while (w < e.words.size() && k < words.size() && !words[k].punct &&
             words[k].folded == e.words[w]) {
        ++w, ++k;
      }
      if (w == e.words.size()) {
        *length = k - i;
        if (skip == 1) *skipped = i + 1;
        return &e;
      }
    }
  }
  return nullptr;
}

}  // namespace dossier::identity

#endif  // DOSSIER_ENTITIES_ROLES_H_
