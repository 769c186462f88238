// Labels the report renderers share: how a number, a date range, an outlet
// and a source are written, whatever the format. Internal to report/.
#ifndef DOSSIER_REPORT_RENDER_TEXT_H_
#define DOSSIER_REPORT_RENDER_TEXT_H_

#include <cstddef>
#include <string>

#include "report/report.h"

namespace dossier::report {

// 5200 -> "5,200"; 2.5 -> "2.5".
std::string FormatNumber(double value);

// "2020-08-26 – 2021-06-28", one date when both are equal, "date unknown" when none.
std::string DateRange(const std::string& first, const std::string& last);

// The outlet, or "(unknown outlet)".
std::string OutletLabel(const std::string& outlet);

// "Rudaw, en, 2021-01-31" (the parts that are known), without the article id.
std::string SourceLabel(const SourceRef& source);

// A figure as a reader says it: "about 5,000 (4,500–5,500) troops, American".
std::string FigureLabel(const ReportFigure& figure);

// "prime-minister (country:IQ)" as "prime minister, IQ".
std::string RoleLabel(const ActorRole& role);

// A quote as the reader sees it: direct speech in quotation marks (unless it
// carries its own), reported speech as it is.
std::string QuoteText(const ReportQuote& quote);

// "1 article", "3 articles": a count with its noun, plural by an "s".
std::string Plural(size_t n, const char* word);

// "Storyline" for "storyline", "Event" for "event".
std::string KindLabel(const std::string& kind);

}  // namespace dossier::report

#endif  // DOSSIER_REPORT_RENDER_TEXT_H_
