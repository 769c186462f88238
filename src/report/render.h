// Renderers of a StorylineReport (report.h): Markdown, one self-contained
// HTML file, and JSON (shape in docs/report.md).
//
//   std::string html = RenderHtml(report);  // write it to a file; opens offline
//
// Every text that comes from the articles is escaped for its format: HTML
// special characters in the HTML report (which loads nothing from outside
// and runs no script), Markdown punctuation in the Markdown report.
//
// Thread-safety: pure functions of their argument.
#ifndef DOSSIER_REPORT_RENDER_H_
#define DOSSIER_REPORT_RENDER_H_

#include <string>

#include <nlohmann/json.hpp>

#include "report/report.h"

namespace dossier::report {

std::string RenderMarkdown(const StorylineReport& report);

// A complete HTML5 document: inline CSS, no external resource, no script.
std::string RenderHtml(const StorylineReport& report);

// The report as structured JSON; "report_version" changes only when a
// property changes meaning or disappears.
nlohmann::ordered_json ReportJson(const StorylineReport& report);

// ReportJson indented by two spaces; invalid UTF-8 replaced by U+FFFD.
std::string RenderJson(const StorylineReport& report);

}  // namespace dossier::report

#endif  // DOSSIER_REPORT_RENDER_H_
