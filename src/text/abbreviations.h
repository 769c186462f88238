// AbbreviationRules: which sentence breaks proposed by ICU after a word ending
// in '.' are not sentence ends, for one language.
//
//   AbbreviationRules rules = AbbreviationRules::ForLanguage("en");
//   rules.KeepsBreak("Dr.", "Smith said")   // false: "Dr." never ends a sentence
//   rules.KeepsBreak("U.S.", "The move")    // true: "The" usually starts one
//
// The lists come from data/abbreviations/<lang>.txt (embedded at build time;
// the file header documents the format). Built-in rules for every language:
// a single capital letter and a dot ("J.", "M.") is an initial and never ends
// a sentence; a dotted acronym ("U.N.", "a.m.", "Ph.D.") ends one only before
// a sentence starter.
//
// Internal to the text stage. Thread-safety: immutable after construction.
#ifndef DOSSIER_TEXT_ABBREVIATIONS_H_
#define DOSSIER_TEXT_ABBREVIATIONS_H_

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dossier::text_internal {

class AbbreviationRules {
 public:
  enum class Kind : uint8_t {
    kNone,          ///< not an abbreviation: the break stays
    kNever,         ///< never ends a sentence ("Dr.", initials)
    kMayEnd,        ///< ends a sentence only before a starter word ("Inc.", "U.S.")
    kBeforeNumber,  ///< does not end a sentence before a number ("No. 10")
  };

  AbbreviationRules() = default;  // built-in rules only

  // The rules of `language` (ISO 639-1; case and region subtag ignored). A
  // language without a data file gets the built-in rules only.
  static AbbreviationRules ForLanguage(std::string_view language);

  // Parses one file in the data/abbreviations format. InvalidInput (naming the
  // line) on an unknown section, an entry before any section, or an entry
  // listed twice.
  static Result<AbbreviationRules> Parse(std::string_view content);

  // `word`: the whitespace-delimited text before a proposed break, ending in
  // '.'. `next`: the text right after the break. True when the break is a
  // sentence end.
  bool KeepsBreak(std::string_view word, std::string_view next) const;

  // What `word` is, after the data lists and the built-in rules; leading
  // opening punctuation ("(Dr.") is ignored.
  Kind Classify(std::string_view word) const;

  bool IsStarter(std::string_view word) const { return starters_.count(word) > 0; }
  size_t size() const { return entries_.size() + starters_.size(); }

 private:
  std::map<std::string, Kind, std::less<>> entries_;
  std::set<std::string, std::less<>> starters_;
};

}  // namespace dossier::text_internal

#endif  // DOSSIER_TEXT_ABBREVIATIONS_H_
