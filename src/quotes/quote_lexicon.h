// QuoteLexicon: the reporting cues of one language, read from
// data/quotes/reporting-verbs-<lang>.txt (compiled in, see
// cmake/embed_files.cmake): reporting verbs and their forms, the words that
// may stand between a speaker and its verb, source prepositions ("according
// to", "selon"), complementisers, pronouns. The file format is described at
// the top of data/quotes/reporting-verbs-en.txt.
//
//   Result<QuoteLexicon> en = QuoteLexicon::ForLanguage("en");
//   if (!en.ok()) return en.status();
//   const VerbForm* v = en->Verb("told");  // v->lemma == "tell", v->takes_object
//
// Thread-safety: immutable after loading; share freely.
#ifndef DOSSIER_QUOTES_QUOTE_LEXICON_H_
#define DOSSIER_QUOTES_QUOTE_LEXICON_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/status.h"

namespace dossier::quotes {

struct VerbForm {
  std::string lemma;          ///< "say"
  bool takes_object = false;  ///< an addressee may come first ("told reporters that")
};

class QuoteLexicon {
 public:
  // The compiled-in lexicon of an ISO 639-1 language; NotFound for a
  // language without one.
  static Result<QuoteLexicon> ForLanguage(std::string_view language);
  // Parses a lexicon file; InvalidInput names `source` and the bad line.
  static Result<QuoteLexicon> Parse(std::string_view text, std::string_view source);
  // The languages that have a compiled-in lexicon ("en", "fr").
  static std::vector<std::string> Languages();

  // Lookups take case-folded words with apostrophes unified.
  const VerbForm* Verb(std::string_view folded) const;
  bool IsAux(std::string_view folded) const { return aux_.count(std::string(folded)) > 0; }
  bool IsThat(std::string_view folded) const { return that_.count(std::string(folded)) > 0; }
  bool IsPersonPronoun(std::string_view f) const { return person_.count(std::string(f)) > 0; }
  bool IsGroupPronoun(std::string_view f) const { return group_.count(std::string(f)) > 0; }
  bool IsNonCue(std::string_view f) const { return noncue_.count(std::string(f)) > 0; }
  bool IsTrail(std::string_view f) const { return trail_.count(std::string(f)) > 0; }
  bool IsConj(std::string_view f) const { return conj_.count(std::string(f)) > 0; }
  bool IsLike(std::string_view f) const { return like_.count(std::string(f)) > 0; }
  bool IsNonSubject(std::string_view f) const { return nonsubject_.count(std::string(f)) > 0; }
  // Source prepositions as word sequences: {"according", "to"}, {"selon"}.
  const std::vector<std::vector<std::string>>& preps() const { return preps_; }

 private:
  std::unordered_map<std::string, VerbForm> verbs_;
  std::unordered_set<std::string> aux_, that_, person_, group_, noncue_, trail_, conj_, nonsubject_,
      like_;
  std::vector<std::vector<std::string>> preps_;
};

// `word` with every ’ written ' (lexicon words and text words meet so).
std::string UnifyApostrophes(std::string_view word);

}  // namespace dossier::quotes

#endif  // DOSSIER_QUOTES_QUOTE_LEXICON_H_
