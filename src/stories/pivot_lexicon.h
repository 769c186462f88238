// PivotLexicon: maps the stems of each language to stems of one pivot
// language, from bilingual FreeDict dictionaries (Debian packages
// dict-freedict-<l1>-<l2>, installed in /usr/share/dictd), so that articles
// in different languages share term features.
//
//   LexiconOptions o;  // pivot "en", languages {"fr"}
//   Result<std::unique_ptr<const PivotLexicon>> lex = PivotLexicon::Load(o);
//   if (!lex.ok()) ... // NotFound naming the dictionaries looked for
//   const std::vector<std::string>* p = (*lex)->Pivots("fr", "élect");  // {"elect"}
//
// For each language L of the options, both freedict-L-P (L to pivot P) and
// freedict-P-L (read in reverse) are used when present; at least one must be.
// Only one-word headwords and one-word translations are kept (a leading "to "
// of English verbs is dropped): multi-word phrases do not map to a stem.
// A word's pivots are its direct translations first, then the pivot words
// whose reverse entry gives it, at most max_translations, first-seen order.
//
// Missing dictionaries: Load returns NotFound. The stories stage degrades
// gracefully when given no lexicon (DocumentBuilder accepts nullptr): terms
// then match across languages only when spelt alike (names, numbers), and
// cross-lingual linking rests on entities, places, numbers and dates.
//
// Thread-safety: immutable after Load; share between threads.
#ifndef DOSSIER_STORIES_PIVOT_LEXICON_H_
#define DOSSIER_STORIES_PIVOT_LEXICON_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"

namespace dossier::stories {

struct LexiconOptions {
  // The language all others map to (ISO 639-1). Default "en".
  std::string pivot = "en";
  // The languages to map to the pivot (ISO 639-1). Default {"fr"}.
  std::vector<std::string> languages = {"fr"};
  // Where the dictd files are. Default Debian's /usr/share/dictd.
  std::string dict_dir = "/usr/share/dictd";
  // Pivot stems kept per word: more gives recall, fewer precision. Default 2.
  int max_translations = 2;
};

class PivotLexicon {
 public:
  // NotFound when, for some language, neither dictionary exists (the
  // message names the files); Corruption for unreadable files; InvalidInput
  // for a language code FreeDict names cannot be derived from.
  static Result<std::unique_ptr<const PivotLexicon>> Load(const LexiconOptions& options);

  const std::string& pivot() const { return pivot_; }
  // The pivot stems of the stem (Snowball, case-folded) of a word of
  // `language`, or nullptr when the lexicon has none. Valid while the
  // lexicon lives.
  const std::vector<std::string>* Pivots(std::string_view language, std::string_view stem) const;
  // Words of `language` with pivots (0 for a language not loaded).
  size_t size(std::string_view language) const;

 private:
  PivotLexicon() = default;
  using StemMap = std::unordered_map<std::string, std::vector<std::string>>;
  std::string pivot_;
  std::map<std::string, StemMap, std::less<>> maps_;  // language -> stem -> pivot stems
};

// The ISO 639-3 code FreeDict uses for an ISO 639-1 code ("fr" -> "fra"),
// or "" when unknown.
std::string_view FreedictLanguageCode(std::string_view iso639_1);

}  // namespace dossier::stories

#endif  // DOSSIER_STORIES_PIVOT_LEXICON_H_
