// NameNormalizer: folds a name written in any script to lower-case ASCII,
// the alphabet every identity key is made of.
//
//   NameNormalizer n;
//   n.Fold("Moustafa al-Kāẓimī")   == "moustafa al-kazimi"
//   n.Fold("Мустафа аль-Казими")   == "mustafa al-kazimi"
//   n.Fold("Etats-Unis d'Amérique") == "etats-unis d amerique"
//   n.Fold("U.S.")                 == "us"
//
// Steps: lower case; compatibility decomposition with the non-spacing marks
// removed (ICU "NFKD; [:Nonspacing Mark:] Remove", so "é" -> "e", "ﬁ" ->
// "fi"); a few Latin letters that do not decompose ("ß", "ø", "ł", "æ", "œ",
// "ı", "đ", "þ") spelt out; anything else (Arabic, Cyrillic, Han, rare Latin
// letters) goes through ICU's "Any-Latin; Latin-ASCII" transliterator.
//
// Output alphabet: 'a'-'z', '0'-'9', '-' (a hyphen between two letters or
// digits) and ' ' (one space between words, none at either end).
// Apostrophes and Arabic ayn/hamza marks vanish inside a word ("Sa'id" ->
// "said"); after a one-letter elision they separate ("l'Élysée" -> "l
// elysee"). Dots between single letters vanish ("U.S." -> "us"); other
// punctuation separates words.
//
// Thread-safety: Fold() is const and may be called concurrently (the ICU
// transliterator, only needed for non-Latin text, is behind a mutex).
#ifndef DOSSIER_ENTITIES_NAME_NORMALIZER_H_
#define DOSSIER_ENTITIES_NAME_NORMALIZER_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace dossier::identity {

class NameNormalizer {
 public:
  NameNormalizer();
  ~NameNormalizer();
  NameNormalizer(const NameNormalizer&) = delete;
  NameNormalizer& operator=(const NameNormalizer&) = delete;

  // The folded form described above. Invalid UTF-8 bytes are dropped.
  std::string Fold(std::string_view utf8) const;

 private:
  // Any-Latin; Latin-ASCII on the whole string (slow path).
  std::string Transliterate(std::string_view utf8) const;

  mutable std::mutex mu_;
  std::unique_ptr<icu::Transliterator> to_latin_;  // GUARDED_BY(mu_); null if ICU lacks it
};

// True when `folded` is one of `words` (folded words, as Fold() makes them).
template <size_t N>
bool IsOneOf(std::string_view folded, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), folded) != words.end();
}

}  // namespace dossier::identity

#endif  // DOSSIER_ENTITIES_NAME_NORMALIZER_H_
