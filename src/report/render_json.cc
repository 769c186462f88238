// The JSON report: the model as it is, strings that are unknown as null.
#include <string>

#include "report/render.h"

namespace dossier::report {
namespace {

using OrderedJson = nlohmann::ordered_json;

OrderedJson OrNull(const std::string& s) {
  return s.empty() ? OrderedJson(nullptr) : OrderedJson(s);
}

OrderedJson SourceJson(const SourceRef& s, bool with_span) {
  OrderedJson j = {{"article", s.article},
                   {"outlet", OrNull(s.outlet)},
                   {"language", OrNull(s.language)},
                   {"published", OrNull(s.published)}};
  if (with_span) {
    j["start"] = s.start;
    j["end"] = s.end;
  }
  return j;
}

OrderedJson ActorJson(const Actor& a) {
  OrderedJson names = OrderedJson::array();
  for (const EntityVariantRecord& v : a.names)
    names.push_back({{"text", v.text}, {"count", v.count}});
  OrderedJson roles = OrderedJson::array();
  for (const ActorRole& r : a.roles) {
    roles.push_back({{"role", r.role},
                     {"country", OrNull(r.country)},
                     {"texts", r.texts},
                     {"first_date", OrNull(r.first_date)},
                     {"last_date", OrNull(r.last_date)}});
  }
  return {{"id", a.id},
          {"type", a.type},
          {"name", a.name},
          {"names", names},
          {"mentions", a.mentions},
          {"articles", a.articles},
          {"store_articles", a.store_articles},
          {"roles", roles}};
}

OrderedJson QuotesJson(const SpeakerQuotes& s) {
  OrderedJson quotes = OrderedJson::array();
  for (const ReportQuote& q : s.quotes) {
    OrderedJson sources = OrderedJson::array();
    for (const SourceRef& r : q.sources) sources.push_back(SourceJson(r, true));
    quotes.push_back({{"id", q.id},
                      {"text", q.text},
                      {"direct", q.direct},
                      {"speaker_text", OrNull(q.speaker_text)},
                      {"sources", sources}});
  }
  return {{"speaker", OrNull(s.speaker_id)}, {"name", OrNull(s.speaker)}, {"quotes", quotes}};
}

OrderedJson FigureJson(const ReportFigure& f) {
  return {{"id", f.id},
          {"value", f.value},
          {"low", f.low},
          {"high", f.high ? OrderedJson(*f.high) : OrderedJson(nullptr)},
          {"approx", OrNull(f.approx)},
          {"unit", OrNull(f.unit)},
          {"counts", OrNull(f.counts)},
          {"subject", OrNull(f.subject)},
          {"date", OrNull(f.date)},
          {"date_estimated", f.date_estimated},
          {"text", f.text},
          {"source", SourceJson(f.source, true)},
          {"conflicts", f.conflicts}};
}

OrderedJson ConflictJson(const ReportConflict& c) {
  OrderedJson claims = OrderedJson::array();
  for (const ReportClaim& claim : c.claims) {
    claims.push_back(
        {{"value", claim.value}, {"text", claim.text}, {"source", SourceJson(claim.source, true)}});
  }
  return {{"id", c.id},
          {"kind", c.kind},
          {"subject", OrNull(c.subject)},
          {"description", c.description},
          {"claims", claims}};
}

OrderedJson SourcesJson(const OutletSources& o) {
  OrderedJson articles = OrderedJson::array();
  for (const SourceArticle& a : o.articles) {
    articles.push_back({{"id", a.id},
                        {"title", OrNull(a.title)},
                        {"language", OrNull(a.language)},
                        {"published", OrNull(a.published)},
                        {"url", OrNull(a.url)}});
  }
  return {{"outlet", OrNull(o.outlet)},
          {"article_count", o.articles.size()},
          {"languages", o.languages},
          {"articles", articles}};
}

}  // namespace

OrderedJson ReportJson(const StorylineReport& r) {
  OrderedJson summary = OrderedJson::array();
  for (const SummarySentence& s : r.summary) {
    summary.push_back({{"text", s.text}, {"source", SourceJson(s.source, true)}});
  }
  OrderedJson actors = OrderedJson::array(), quotes = OrderedJson::array(),
              figures = OrderedJson::array(), conflicts = OrderedJson::array(),
              sources = OrderedJson::array();
  for (const Actor& a : r.actors) actors.push_back(ActorJson(a));
  for (const SpeakerQuotes& q : r.quotes) quotes.push_back(QuotesJson(q));
  for (const ReportFigure& f : r.figures) figures.push_back(FigureJson(f));
  for (const ReportConflict& c : r.conflicts) conflicts.push_back(ConflictJson(c));
  for (const OutletSources& o : r.sources) sources.push_back(SourcesJson(o));
  return {{"report_version", 1},
          {"id", r.id},
          {"kind", r.kind},
          {"storyline", OrNull(r.storyline)},
          {"title", r.title},
          {"first_date", OrNull(r.first_date)},
          {"last_date", OrNull(r.last_date)},
          {"events", r.events},
          {"languages", r.languages},
          {"article_count", r.article_count},
          {"summary", summary},
          {"timeline", TimelineJson(r.timeline)},
          {"actors", actors},
          {"quotes", quotes},
          {"figures", figures},
          {"conflicts", conflicts},
          {"sources", sources}};
}

std::string RenderJson(const StorylineReport& r) {
  return ReportJson(r).dump(2, ' ', false, OrderedJson::error_handler_t::replace) + "\n";
}

}  // namespace dossier::report
