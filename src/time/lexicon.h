// TimeLexicon: the words of dates in one language (data/time/<lang>.tsv) and
// the word tokens the time stage matches them against.
//
// Data format: one entry a line, `phrase<TAB>category<TAB>value`, '#' starts a
// comment. A phrase is tokenised like the text (TokenizeForTime), so
// "aujourd'hui" or "mid -" match however the text spaces them. Categories are
// the LexCat names below in lower case without the k (month, weekday, ...).
//
// Thread-safety: immutable after Load(); safe to share across threads.
#ifndef DOSSIER_TIME_LEXICON_H_
#define DOSSIER_TIME_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"

namespace dossier {

enum class LexCat : uint8_t {
  kMonth,      ///< value: 1..12
  kWeekday,    ///< value: 1 (Monday) .. 7
  kDayOffset,  ///< value: days from the anchor ("yesterday" -1)
  kPartOfDay,  ///< "morning", "soir": extends a day expression
  kRelUnit,    ///< value: "<unit> <shift> [start|mid|end]" ("last week" = "week -1")
  kUnit,       ///< value: day, week, month, year, decade
  kAgo,        ///< after a duration: "ago"
  kAgoPre,     ///< before a duration: "il y a"
  kCount,      ///< value: a small number word
  kShiftPre,   ///< value: -1, 0, 1 before a weekday or month ("last")
  kShiftPost,  ///< value: -1, 0, 1 after a weekday or month ("dernier")
  kModStart,   ///< "early", "début"
  kModMid,     ///< "mid -", "mi -"
  kModEnd,     ///< "the end of", "fin"
  kRelBefore,  ///< "until", "by", "jusqu'à"
  kRelAfter,   ///< "since", "depuis"
  kRangeFrom,  ///< "between", "entre", "du"
  kRangeTo,    ///< "and", "et", "au"
  kVague,      ///< value: PAST_REF, PRESENT_REF, FUTURE_REF
  kFuture,     ///< a marker of future tense ("will", "devrait")
  kOrdinal,    ///< a suffix glued to a day number ("th", "er")
  kDecadePre,  ///< before a decade ("the", "les années")
};

struct TimeToken {
  enum class Kind : uint8_t { kWord, kNumber, kPunct };
  uint32_t begin = 0;
  uint32_t end = 0;
  Kind kind = Kind::kWord;
  bool space_before = true;  ///< whitespace (or the text start) precedes it
  bool capitalized = false;  ///< first letter upper case in the text
  std::string folded;        ///< case-folded, typographic apostrophes as '
};

// Words (letters, an elided article keeps its apostrophe: "l'"), numbers
// with inner separators ("5,000", "2021-07-22", "10:30"), and single
// punctuation characters. No-break spaces are spaces.
std::vector<TimeToken> TokenizeForTime(std::string_view text);

struct LexEntry {
  LexCat category;
  int number = 0;     ///< the value as an integer when it is one
  std::string value;  ///< the value as written
};

class TimeLexicon {
 public:
  // The lexicon of data/time/<language>.tsv compiled into the library;
  // NotFound for a language without one.
  static Result<TimeLexicon> Load(std::string_view language);
  // Parses lexicon text; InvalidInput names the bad line.
  static Result<TimeLexicon> Parse(std::string_view tsv);

  // The longest phrase of `category` starting at token `i`: its token count
  // (0 when none) and *entry (left alone when none).
  size_t Match(const std::vector<TimeToken>& tokens, size_t i, LexCat category,
               const LexEntry** entry) const;
  // Match() without the entry.
  size_t Match(const std::vector<TimeToken>& tokens, size_t i, LexCat category) const;

 private:
  std::unordered_map<std::string, std::vector<LexEntry>> phrases_;
  size_t max_tokens_ = 0;
};

}  // namespace dossier

#endif  // DOSSIER_TIME_LEXICON_H_
