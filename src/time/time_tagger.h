// TimeTagger: temporal expressions of a text (English, French), normalised
// to ISO 8601 values (time_value.h) with their precision.
//
//   Result<TimeTagger> tagger = TimeTagger::Create("fr");
//   TimeAnchor anchor{{2021, 7, 23}, /*estimated=*/false};
//   for (const TemporalExpression& e : tagger->Tag(text, anchor, sentences))
//     Use(text.substr(e.begin, e.end - e.begin), e.value);  // "jeudi" -> "2021-07-22"
//
// Absolute expressions ("Aug 28, 2020", "le 10 novembre 2020", "2021-07",
// "the 1990s", "2011-2013") need no anchor. Relative ones ("on Thursday",
// "jeudi", "last month", "in October", "January 20", "hier", "two years ago",
// "la semaine dernière") are resolved against the anchor, normally the
// publication day: a weekday, month or day without a year is taken in the
// past (news report what happened) unless the sentence speaks of the future
// ("will", "devrait", a French future verb), then in the future; after
// "until"/"by" without a future marker, the nearest. Without an anchor,
// relative expressions are not reported.
// Modifiers ("the end of", "mi-") and relations ("until", "since") are kept
// apart from the value: "by the end of 2021" is value "2021", kEnd, kBefore.
// "between March 2020 and January 2021" is one range "2020-03/2021-01".
//
// Thread-safety: a TimeTagger is immutable; Tag() may run concurrently.
#ifndef DOSSIER_TIME_TIME_TAGGER_H_
#define DOSSIER_TIME_TIME_TAGGER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "text/segmenter.h"
#include "time/time_value.h"

namespace dossier {

class TimeLexicon;

// The day relative expressions are resolved against.
struct TimeAnchor {
  CivilDay day;
  bool estimated = false;  ///< guessed from the text, not the publication date
  // Of an estimate: the date it rests on, at its own precision ("2017" for
  // "since his election in 2017"; `day` is its last day). A year says far
  // less of when the article was written than a day or a month does.
  TimePoint evidence = {};
};

enum class TimeModifier : uint8_t { kNone, kStart, kMid, kEnd };
enum class TimeRelation : uint8_t {
  kAt,      ///< the expression dates the happening
  kBefore,  ///< "until", "by", "jusqu'à": at or before
  kAfter,   ///< "since", "depuis": at or after
};

struct TemporalExpression {
  uint32_t begin = 0;  ///< byte span in the text given to Tag()
  uint32_t end = 0;
  std::string value;                      ///< ISO 8601 / TIMEX3 (see time_value.h); ranges "A/B"
  Precision precision = Precision::kDay;  ///< kRange for ranges
  TimePoint start;                        ///< the value; for a range its first side
  TimePoint last;                         ///< equal to start, except for ranges
  TimeModifier modifier = TimeModifier::kNone;
  TimeRelation relation = TimeRelation::kAt;
  bool anchored = false;          ///< the value depended on the anchor
  bool anchor_estimated = false;  ///< ... and the anchor was an estimate
};

class TimeTagger {
 public:
  // The tagger of `language` ("en", "fr"); NotFound for another language.
  static Result<TimeTagger> Create(std::string_view language);
  ~TimeTagger();
  TimeTagger(TimeTagger&&) noexcept;
  TimeTagger& operator=(TimeTagger&&) noexcept;

  // Expressions in text order, never overlapping. `sentences` (byte spans,
  // as TextSegmenter gives) scope the tense cues; when empty, sentences are
  // found by punctuation.
  std::vector<TemporalExpression> Tag(std::string_view text,
                                      const std::optional<TimeAnchor>& anchor,
                                      const std::vector<TextSpan>& sentences = {}) const;

  const std::string& language() const { return language_; }

 private:
  TimeTagger(std::string language, std::unique_ptr<const TimeLexicon> lexicon);
  std::string language_;
  std::unique_ptr<const TimeLexicon> lexicon_;
};

// "2021-07-22" for an expression, "2020-03/2021-01" for a range.
std::string FormatExpressionValue(const TemporalExpression& e);

}  // namespace dossier

#endif  // DOSSIER_TIME_TIME_TAGGER_H_
