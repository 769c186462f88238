// Timeline: the dated happenings of a storyline or of one event, in date
// order, each with every source that reports it. `dossier timeline`, the
// report and the API all read it from here.
//
//   Result<Timeline> t = BuildTimeline(store, "S0");   // or an event, "V3"
//   for (const TimelineEntry& e : t->entries) ...       // oldest first
//
// Where the happenings come from: the analysis pass keeps, per article, the
// sentences that date what they report with an expression of their own
// ("on Wednesday", "in January 2020") and the article's lead sentence (dated
// by the publication day), in the private findings collection "happenings".
// Sentences of the storyline's articles that state the same happening on the
// same date (shared content words, same day or month) are one entry with
// several sources; an event with no dated sentence still gets one entry, its
// own date and title. Of an event with no publication day, placed in its
// storyline (engine/event_dates.h), the leads take the placed date and what
// rests only on a guessed publication day is left out.
//
// Thread-safety: a free function; the store is used from the calling thread.
#ifndef DOSSIER_ENGINE_TIMELINE_H_
#define DOSSIER_ENGINE_TIMELINE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "store/store.h"

namespace dossier {

// One sentence of one article that reports a happening.
struct TimelineSource {
  std::string article;   ///< article id
  std::string outlet;    ///< "" when unknown
  std::string language;  ///< "en", "fr"
  std::string sentence;  ///< the sentence as written
  uint32_t start = 0;    ///< byte span of the sentence in the article text
  uint32_t end = 0;
};

struct TimelineEntry {
  std::string date;        ///< ISO 8601 with its precision: "2020-09-02", "2021-07", "2020"
  bool estimated = false;  ///< rests on an estimated publication date
  std::string event;       ///< the event ("V3") whose articles report it
  std::string text;        ///< a representative sentence
  std::vector<TimelineSource> sources;  ///< one per article, at least one
};

struct Timeline {
  std::string id;                      ///< the storyline ("S0") or event ("V3") asked for
  std::string title;                   ///< its title
  std::vector<TimelineEntry> entries;  ///< by date, then by first appearance
};

// NotFound when `id` is neither a stored storyline nor a stored event.
Result<Timeline> BuildTimeline(Store* store, std::string_view id);

// The export-style JSON of a timeline: {"id","title","entries":[{"date",
// "estimated","event","text","sources":[{"article","outlet","language",
// "sentence","start","end"}]}]}.
nlohmann::ordered_json TimelineJson(const Timeline& timeline);

}  // namespace dossier

#endif  // DOSSIER_ENGINE_TIMELINE_H_
