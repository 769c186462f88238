// Dates of a storyline's events, with the undated ones placed among them.
//
// An event is dated when one of its articles is: by what they state or by
// their publication day (stories/story_clusterer.h). An event made only of
// undated articles has at most a bound: the latest date its articles name
// (time/article_time.h, PublishedNotBefore), at that date's precision. The
// bound is weak evidence: news names full dates mostly for the background,
// so a day or month named is often months before the article, and a year
// alone ("since his election in 2017") often years. On 1,393 dated articles
// of ml-crisis-fr and PolNeAR with their dates hidden (bench/undated_bench.py)
// the storyline told more. So an undated event is placed
//   - after a day or month bound: at the first dated event of its storyline
//     on or after it (it cannot be earlier than a date it names as past);
//   - after a coarser bound, or none: at the storyline's median dated event
//     (the lower median);
//   - in a storyline with no dated event: at its bound, if any.
// A placed date is marked estimated and keeps its bound, so a reader sees
// how much is known.
//
//   std::vector<PlacedDate> d = PlaceEventDates({{"2020-08-27", ""}, {"", "2018"}});
//   // d[1] = {"2020-08-27", estimated, not_before "2018"}
//
// Thread-safety: a pure function.
#ifndef DOSSIER_ENGINE_EVENT_DATES_H_
#define DOSSIER_ENGINE_EVENT_DATES_H_

#include <string>
#include <vector>

namespace dossier {

struct EventDateEvidence {
  std::string date;         ///< ISO 8601 (any precision) when the event is dated, else ""
  std::string lower_bound;  ///< of an undated event, ISO 8601 at its precision; "" when none
};

struct PlacedDate {
  std::string date;        ///< "" when the event is undated and nothing places it
  bool estimated = false;  ///< placed, not stated by a dated article
  std::string not_before;  ///< the bound of an estimated date ("" when it had none)
};

// One PlacedDate per event, in the order given. ISO dates order as strings.
std::vector<PlacedDate> PlaceEventDates(const std::vector<EventDateEvidence>& events);

}  // namespace dossier

#endif  // DOSSIER_ENGINE_EVENT_DATES_H_
