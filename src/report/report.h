// StorylineReport: the dossier an analyst hands on, for one storyline ("S0")
// or one event ("V3"), assembled from what the store holds.
//
//   Result<StorylineReport> r = BuildReport(store, "S0");
//   std::string md = RenderMarkdown(*r);   // render.h: also HTML and JSON
//
// What it holds, each part limited to the articles of the storyline (or
// event):
//  - title and date range (the storyline's first and last event dates);
//  - a short extractive summary (summary.h): sentences of the articles,
//    chosen across sources and languages, each with its source;
//  - the timeline (engine/timeline.h, BuildTimeline);
//  - the actors: every entity mentioned in the articles, by mentions there,
//    with all its names as the store knows them and all its roles;
//  - the quotes by speaker (an entity, else the speaker as written); the same
//    words carried by several articles (same_as) are one quote with all its
//    sources;
//  - the figures, each marked with the conflicts it is a claim of, and the
//    conflicts between sources that involve at least one of the articles;
//  - the sources by outlet, with their languages, titles and dates.
//
// Thread-safety: a free function; the store is used from the calling thread.
#ifndef DOSSIER_REPORT_REPORT_H_
#define DOSSIER_REPORT_REPORT_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "engine/timeline.h"
#include "store/store.h"

namespace dossier::report {

// One article of the storyline.
struct SourceArticle {
  std::string id;
  std::string title;      ///< "" when unknown
  std::string outlet;     ///< "" when unknown
  std::string language;   ///< "" when undetermined
  std::string published;  ///< ISO 8601, "" when unknown
  std::string url;        ///< "" when unknown
};

// The articles of one outlet ("" = unknown), oldest first.
struct OutletSources {
  std::string outlet;
  std::vector<std::string> languages;
  std::vector<SourceArticle> articles;
};

// Where a sentence, quote or figure was read.
struct SourceRef {
  std::string article;
  std::string outlet;
  std::string language;
  std::string published;
  uint32_t start = 0;  ///< byte span in the article text
  uint32_t end = 0;
};

struct SummarySentence {
  std::string text;
  SourceRef source;
};

struct ActorRole {
  std::string role;                ///< language-neutral id: "prime-minister"
  std::string country;             ///< alias group of the country, or ""
  std::vector<std::string> texts;  ///< every way it is written, first seen first
  std::string first_date;          ///< "" when undated
  std::string last_date;
};

struct Actor {
  std::string id;  ///< "E12"
  std::string type;
  std::string name;
  std::vector<EntityVariantRecord> names;  ///< every variant, most frequent first
  uint32_t mentions = 0;                   ///< mentions in the storyline's articles
  uint32_t articles = 0;                   ///< storyline articles that mention it
  uint32_t store_articles = 0;             ///< articles of the whole store that mention it
  std::vector<ActorRole> roles;            ///< every role found for it, by first date
};

struct ReportQuote {
  std::string id;  ///< the first quote of the same words
  std::string text;
  bool direct = true;
  std::string speaker_text;        ///< as written near the first occurrence, or ""
  std::vector<SourceRef> sources;  ///< one per article carrying it
};

// The quotes of one speaker.
struct SpeakerQuotes {
  std::string speaker_id;  ///< "E12", or "" when the speaker is no known entity
  std::string speaker;     ///< the entity's name, else the speaker as written, else ""
  std::vector<ReportQuote> quotes;
};

struct ReportFigure {
  std::string id;
  double value = 0;
  double low = 0;
  std::optional<double> high;                       ///< nullopt when unbounded
  std::string approx, unit, counts, subject, date;  ///< "" when unknown
  bool date_estimated = false;
  std::string text;  ///< the figure as written
  SourceRef source;
  std::vector<std::string> conflicts;  ///< ids of the conflicts it is a claim of
};

struct ReportClaim {
  std::string value;  ///< a number or a short text, as the conflict states it
  std::string text;   ///< the sentence that states it
  SourceRef source;
};

struct ReportConflict {
  std::string id;
  std::string kind;  ///< "figure" or "date"
  std::string subject;
  std::string description;
  std::vector<ReportClaim> claims;
};

struct StorylineReport {
  std::string id;         ///< as asked: "S0" or "V3"
  std::string kind;       ///< "storyline" or "event"
  std::string storyline;  ///< the storyline (itself, or the event's)
  std::string title;
  std::string first_date;  ///< "" when unknown
  std::string last_date;
  std::vector<std::string> events;     ///< event ids, in date order
  std::vector<std::string> languages;  ///< of the articles, most articles first
  size_t article_count = 0;
  std::vector<SummarySentence> summary;
  Timeline timeline;
  std::vector<Actor> actors;          ///< most mentions first
  std::vector<SpeakerQuotes> quotes;  ///< speakers with most quotes first; unknown speakers last
  std::vector<ReportFigure> figures;  ///< in article order, then text order
  std::vector<ReportConflict> conflicts;
  std::vector<OutletSources> sources;  ///< most articles first
};

struct ReportOptions {
  size_t summary_sentences = 5;  ///< at most this many summary sentences
};

// NotFound when `id` is neither a stored storyline nor a stored event; the
// store's error when reading it fails.
Result<StorylineReport> BuildReport(Store* store, std::string_view id,
                                    const ReportOptions& options = {});

}  // namespace dossier::report

#endif  // DOSSIER_REPORT_REPORT_H_
