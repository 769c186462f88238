// Stemmer: Snowball stems (libstemmer) for one language.
//
//   Stemmer st("fr");
//   if (st.ok()) std::string s(st.Stem("présidents"));  // "président"
//
// Thread-safety: NOT thread-safe (libstemmer keeps per-call state); one per thread.
#ifndef DOSSIER_TEXT_STEMMER_H_
#define DOSSIER_TEXT_STEMMER_H_

#include <memory>
#include <string>
#include <string_view>

namespace dossier {

class Stemmer {
 public:
  // `language` is ISO 639-1 ("en", "fr", "de", ...). ok() is false when
  // Snowball has no stemmer for it; Stem() then returns the word unchanged.
  explicit Stemmer(std::string_view language);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  bool ok() const;
  // REQUIRES: `folded_word` is case-folded UTF-8 (see FoldCase).
  // The returned view is valid until the next call to Stem().
  std::string_view Stem(std::string_view folded_word);

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace dossier

#endif  // DOSSIER_TEXT_STEMMER_H_
