// Tested by article_time_test.cc.
#include "time/article_time.h"

#include "clean/dates.h"

namespace dossier {
namespace {

// Lower is finer; sentences prefer their finest expression.
int Rank(Precision p) {
  switch (p) {
    case Precision::kDay:
      return 0;
    case Precision::kWeek:
      return 1;
    case Precision::kMonth:
      return 2;
    case Precision::kRange:
      return 3;
    case Precision::kSeason:
      return 4;
    case Precision::kYear:
      return 5;
    case Precision::kDecade:
      return 6;
    case Precision::kVague:
      return 7;
  }
  return 7;
}

SentenceDate FromExpression(const TemporalExpression& e, int index, DateSource source) {
  SentenceDate d;
  d.source = source;
  d.expression = index;
  d.value = e.value;
  d.precision = e.precision;
  d.start = e.start;
  d.last = e.last;
  d.estimated = e.anchor_estimated;
  return d;
}

size_t ParagraphOf(const std::vector<TextSpan>& paragraphs, uint32_t offset) {
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    if (offset < paragraphs[p].end) return p;
  }
  return paragraphs.size();
}

}  // namespace

std::string_view DateSourceName(DateSource s) {
  switch (s) {
    case DateSource::kOwn:
      return "own";
    case DateSource::kInherited:
      return "inherited";
    case DateSource::kPublication:
      return "publication";
    case DateSource::kNone:
      return "none";
  }
  return "?";
}

std::optional<TimeAnchor> EstimateAnchor(const TimeTagger& tagger, std::string_view text) {
  // The latest point named, among days and months, else among coarser ones.
  struct Latest {
    std::optional<int64_t> last;
    TimePoint point;
  } fine, coarse;
  for (const TemporalExpression& e : tagger.Tag(text, std::nullopt)) {
    // A deadline ("by the end of 2021", "d'ici 2030") is often still ahead.
    if (e.anchored || e.relation == TimeRelation::kBefore) continue;
    for (const TimePoint* t : {&e.start, &e.last}) {
      if (t->precision == Precision::kDecade) continue;
      std::optional<DayInterval> b = Bounds(*t);
      if (!b) continue;
      bool is_fine = t->precision == Precision::kDay || t->precision == Precision::kMonth;
      Latest& best = is_fine ? fine : coarse;
      if (!best.last || b->last > *best.last) best = {b->last, *t};
    }
  }
  const Latest& pick = fine.last ? fine : coarse;
  if (!pick.last) return std::nullopt;
  return TimeAnchor{CivilFromDays(*pick.last), true, pick.point};
}

std::string PublishedNotBefore(const std::optional<TimeAnchor>& anchor) {
  if (!anchor || !anchor->estimated) return {};
  const TimePoint& e = anchor->evidence;
  if (e.precision == Precision::kDay || e.precision == Precision::kMonth) {
    return FormatTimePoint(e);
  }
  // A week or a season says about as little as its year, and a plain ISO
  // date is what every reader of the bound understands.
  return FormatTimePoint(YearPoint(e.year));
}

ArticleTime AnalyzeArticleTime(const TimeTagger& tagger, std::string_view text,
                               std::string_view published, const std::vector<TextSpan>& sentences,
                               const std::vector<TextSpan>& paragraphs) {
  ArticleTime out;
  if (std::optional<DateParts> d = ParseDate(published); d && d->year > 0) {
    // Without its day, the publication date anchors on the 1st of its month
    // (or year): "jeudi" resolved against it is a guess, and says so.
    const CivilDay day{d->year, d->month > 0 ? d->month : 1, d->day > 0 ? d->day : 1};
    const TimePoint evidence = d->day > 0     ? DayPoint(day)
                               : d->month > 0 ? MonthPoint(d->year, d->month)
                                              : YearPoint(d->year);
    out.anchor = TimeAnchor{day, d->day == 0, evidence};
  } else {
    out.anchor = EstimateAnchor(tagger, text);
  }
  out.expressions = tagger.Tag(text, out.anchor, sentences);

  out.sentence_dates.resize(sentences.size());
  size_t e = 0;
  for (size_t s = 0; s < sentences.size(); ++s) {
    while (e < out.expressions.size() && out.expressions[e].begin < sentences[s].begin) ++e;
    int best = -1;
    for (size_t k = e; k < out.expressions.size() && out.expressions[k].end <= sentences[s].end;
         ++k) {
      const TemporalExpression& x = out.expressions[k];
      if (x.relation != TimeRelation::kAt || x.precision == Precision::kVague) continue;
      if (best < 0 || Rank(x.precision) < Rank(out.expressions[best].precision))
        best = static_cast<int>(k);
    }
    SentenceDate& date = out.sentence_dates[s];
    bool same_paragraph =
        s > 0 && (paragraphs.empty() || ParagraphOf(paragraphs, sentences[s].begin) ==
                                            ParagraphOf(paragraphs, sentences[s - 1].begin));
    if (best >= 0) {
      date = FromExpression(out.expressions[best], best, DateSource::kOwn);
    } else if (same_paragraph && out.sentence_dates[s - 1].source != DateSource::kPublication &&
               out.sentence_dates[s - 1].source != DateSource::kNone) {
      date = out.sentence_dates[s - 1];
      date.source = DateSource::kInherited;
    } else if (out.anchor) {
      date.source = DateSource::kPublication;
      date.start = date.last = DayPoint(out.anchor->day);
      date.precision = Precision::kDay;
      date.value = FormatTimePoint(date.start);
      date.estimated = out.anchor->estimated;
    }
  }
  return out;
}

}  // namespace dossier
