// FactLexicon: the words of figures in one language: number words, scales,
// vague quantities ("dozens of", "une cinquantaine de"), approximation
// markers ("some", "plus de"), counted nouns mapped to language-independent
// concepts ("soldiers", "soldats" -> troops), happening words ("killed",
// "assassinat" -> death), nationalities (data/entities/demonyms.tsv), the
// words that end a counted phrase, and the words that make a happening word
// no report of a happening.
//
// Data: data/facts/numbers-<lang>.tsv and data/facts/lexicon.tsv (formats in
// their headers). Unit and happening words are matched by Snowball stem.
//
// Thread-safety: immutable after Load(); safe to share across threads.
#ifndef DOSSIER_FACTS_FACT_LEXICON_H_
#define DOSSIER_FACTS_FACT_LEXICON_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "time/lexicon.h"

namespace dossier {

struct NumberWord {
  enum class Kind : uint8_t {
    kNumber,  ///< "two", "deux": value
    kScale,   ///< "million", "mille": multiplies the number before it
    kRange,   ///< "dozens of": value, and the interval [low, high] it allows
    kMarker,  ///< "some", "plus de": marker names the approximation
  };
  Kind kind = Kind::kNumber;
  double value = 0;
  double low = 0;
  double high = 0;
  std::string marker;  ///< kMarker: about, nearly, over, atleast, upto, under
};

class FactLexicon {
 public:
  // NotFound for a language without numbers-<lang>.tsv; InvalidInput for a
  // malformed data line.
  static Result<FactLexicon> Load(std::string_view language);

  // The longest number phrase of `kind` at token i: its token count (0 when
  // none) and *word.
  size_t MatchNumber(const std::vector<TimeToken>& tokens, size_t i, NumberWord::Kind kind,
                     const NumberWord** word) const;

  // Concept of a counted noun by its stem ("troops"), or "".
  const std::string& UnitConcept(std::string_view stem) const;
  // Concept of a happening word by its stem ("death"), or "".
  const std::string& HappeningConcept(std::string_view stem) const;
  // Country code of a nationality word (folded form, "américains"), or "".
  const std::string& Nationality(std::string_view folded) const;
  bool IsStop(std::string_view folded) const { return HasRole(folded, kStopRole); }
  // A word before ("to", "tried") or after ("attempt") a happening word that
  // makes it no report of a happening ("plotted to kill", "tentative
  // d'assassinat").
  bool IsUnrealBefore(std::string_view folded) const { return HasRole(folded, kUnrealBeforeRole); }
  bool IsUnrealAfter(std::string_view folded) const { return HasRole(folded, kUnrealAfterRole); }
  // A pronoun or possessive ("his", "sa"): a happening word followed by one
  // is about someone else than the next name ("the death of his son").
  bool IsPronoun(std::string_view folded) const { return HasRole(folded, kPronounRole); }
  // "which", "while", "lorsque": a date after one belongs to another clause
  // than the happening word before it.
  bool IsClauseWord(std::string_view folded) const { return HasRole(folded, kClauseRole); }
  // "each", "chacun": a figure in a sentence with one counts per item.
  bool IsDistributive(std::string_view folded) const { return HasRole(folded, kDistributiveRole); }

  const std::string& language() const { return language_; }

 private:
  std::string language_;
  std::unordered_map<std::string, std::vector<NumberWord>> numbers_;
  size_t max_number_tokens_ = 0;
  std::unordered_map<std::string, std::string> units_, happenings_, nationalities_;
  // Function words by role, a bit each (a word may have several).
  static constexpr uint8_t kStopRole = 1, kUnrealBeforeRole = 2, kUnrealAfterRole = 4,
                           kPronounRole = 8, kDistributiveRole = 16, kClauseRole = 32;
  bool HasRole(std::string_view folded, uint8_t role) const;
  std::unordered_map<std::string, uint8_t> roles_;
};

}  // namespace dossier

#endif  // DOSSIER_FACTS_FACT_LEXICON_H_
