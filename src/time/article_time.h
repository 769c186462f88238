// Time of one article: the anchor (publication day, or an estimate from the
// text), its temporal expressions, and the date of what each sentence
// reports. This is the façade the engine calls once per article.
//
//   Result<TimeTagger> tagger = TimeTagger::Create(article.language);
//   ArticleTime t = AnalyzeArticleTime(*tagger, article.text, article.published,
//                                      sentence_spans, paragraph_spans);
//   t.sentence_dates[k].value  // "2021-07-22": when sentence k's happening was
//
// Anchor: the publication date when `published` parses (clean/dates.h; any
// precision: a month-only date anchors on its 1st, marked estimated, since
// what is resolved against it is a guess); otherwise the latest
// absolute day or month the text mentions (a month counts as its last day),
// then the latest year (its 31 December), marked estimated, with that date
// as its evidence; deadlines ("by 2030") do not count; none when the text
// has no absolute date.
// Sentence dates: a sentence's own expression (the finest-grained one dated
// "at", not "since"/"until", not vague; the first among equals); else the
// date of the previous sentence of the same paragraph; else the anchor.
//
// Thread-safety: free functions over immutable inputs.
#ifndef DOSSIER_TIME_ARTICLE_TIME_H_
#define DOSSIER_TIME_ARTICLE_TIME_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/segmenter.h"
#include "time/time_tagger.h"

namespace dossier {

enum class DateSource : uint8_t {
  kOwn,          ///< an expression of the sentence
  kInherited,    ///< from an earlier sentence of the same paragraph
  kPublication,  ///< the anchor (publication day or its estimate)
  kNone,         ///< no anchor and nothing to inherit
};
std::string_view DateSourceName(DateSource s);  ///< "own", "inherited", ...

struct SentenceDate {
  DateSource source = DateSource::kNone;
  int expression = -1;  ///< index into ArticleTime::expressions (kOwn, kInherited)
  std::string value;    ///< "" for kNone
  Precision precision = Precision::kDay;
  TimePoint start;  ///< the day interval is [Bounds(start).first, Bounds(last).last]
  TimePoint last;
  bool estimated = false;  ///< the value rests on an estimated anchor
};

struct ArticleTime {
  std::optional<TimeAnchor> anchor;
  std::vector<TemporalExpression> expressions;
  std::vector<SentenceDate> sentence_dates;  ///< one per sentence given
};

// The anchor estimated from `text` alone (see the file comment).
std::optional<TimeAnchor> EstimateAnchor(const TimeTagger& tagger, std::string_view text);

// What an article without a publication day is known to be written after,
// in ISO 8601 at its precision: the evidence of its estimated anchor
// (AnalyzeArticleTime's): a publication date that is only a month or a year
// ("2021-07"), else the latest date the text names ("2017", "2020-11-10"; a
// week or a season as its year); "" when it has a publication day or
// nothing dates it.
std::string PublishedNotBefore(const std::optional<TimeAnchor>& anchor);

// `published`: ISO 8601 or any form clean/dates.h reads; "" when unknown.
// `sentences` and `paragraphs`: byte spans from TextSegmenter (paragraphs may
// be empty: then each sentence only inherits from the one before it).
ArticleTime AnalyzeArticleTime(const TimeTagger& tagger, std::string_view text,
                               std::string_view published, const std::vector<TextSpan>& sentences,
                               const std::vector<TextSpan>& paragraphs);

}  // namespace dossier

#endif  // DOSSIER_TIME_ARTICLE_TIME_H_
