// NameKey: a name reduced to the tokens that identify it, each with a
// transliteration-tolerant phonetic form. The building block of matching,
// indexing and alias look-up.
//
//   NameKey k = MakeNameKey(normalizer, "Mustafa al-Kadhemi");
//   // tokens: {"mustafa" / "mustafa"}, {"kadhemi" / "kazimi"}; particles: {"al"}
//   k.Joined() == "mustafakazimi"
//
// From the folded name (NameNormalizer), in order:
//  - Arabic articles joined by a hyphen ("al-", "el-", "ad-", "ash-", ...)
//    and the standalone "al"/"el" become particles; other hyphenated words
//    are one token ("Jean-Yves" -> "jeanyves", "Jong-un" -> "jongun");
//  - leading honorifics ("Mr", "Mme", "Dr"; French "M." when the language is
//    "fr") and leading determiners ("the", "les", "l'") are dropped;
//  - connectors ("of", "and", "et", "und") and, when not the last token,
//    European particles ("de", "van", "von", "le", "la") and, when not the
//    first, "bin"/"ibn"/"ben" are particles;
//  - "Abd"-names are written one way: "Abdul Rahman", "Abd al-Rahman",
//    "Abdelrahman" -> "abdalrahman".
// If that would leave nothing, the folded words themselves are the tokens.
//
// PhoneticForm folds the transliteration variants of Arabic, Persian,
// Russian, French and German spellings onto one spelling: dh -> z, q -> k,
// kh -> k, gh -> g, sh/ch/sch/tch/sz/cz -> x, zh/dj -> j, ph -> f, w -> v,
// ou -> u (v between vowels or initial before one), oo -> u, ee/ei/ey/ai/ay -> i, e -> i, o -> u,
// y -> i, x -> ks, c -> s before e/i else k; doubled letters collapse; a
// final h after a vowel goes. "Qassem" and "Qasem" -> "kasim", "Kadhimi",
// "Kazemi" -> "kazimi", "Hussein", "Husayn" -> "husin". It is a key for
// comparison, not a pronunciation.
//
// Thread-safety: plain values and pure functions.
#ifndef DOSSIER_ENTITIES_NAME_KEY_H_
#define DOSSIER_ENTITIES_NAME_KEY_H_

#include <string>
#include <string_view>
#include <vector>

#include "entities/name_normalizer.h"

namespace dossier::identity {

struct NameToken {
  std::string text;      ///< folded ASCII: "kadhemi"
  std::string phonetic;  ///< PhoneticForm(text): "kazimi"
  bool initial = false;  ///< a single letter ("G." in "George W. Bush")
};

struct NameKey {
  std::vector<NameToken> tokens;       ///< the identifying tokens, in order
  std::vector<std::string> particles;  ///< what was set aside ("al", "de", "the")
  bool all_caps = false;  ///< the name as written has 2+ letters, all capitals ("ISIS", "U.S.")

  bool empty() const { return tokens.empty(); }
  // The phonetic forms concatenated: the exact-match key of a name.
  std::string Joined() const;
  // The tokens' folded texts joined by spaces, for display and debugging.
  std::string Text() const;
  // The first letters of the tokens ("Islamic State of Iraq" -> "isi").
  std::string Initials() const;
};

// REQUIRES: `language` is an ISO 639-1 code or "" (unknown).
NameKey MakeNameKey(const NameNormalizer& normalizer, std::string_view name,
                    std::string_view language = "");

// Builds the key of an already folded name (NameNormalizer::Fold output).
NameKey MakeNameKeyFromFolded(std::string_view folded, bool all_caps,
                              std::string_view language = "");

// The phonetic form of one folded token (see above). "" for "".
std::string PhoneticForm(std::string_view token);

// True if the UTF-8 `name` has at least two letters and no lower-case one.
bool IsAllCaps(std::string_view name);

}  // namespace dossier::identity

#endif  // DOSSIER_ENTITIES_NAME_KEY_H_
