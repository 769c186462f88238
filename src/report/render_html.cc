// The HTML report: one file with its CSS inline. A Content-Security-Policy
// meta tag forbids every load and every script, so even a text that slipped
// past escaping could not reach out; escaping is still applied to every text.
#include <string>

#include "report/render.h"
#include "report/render_text.h"

namespace dossier::report {
// The HTML sections, in a namespace of their own: render_markdown.cc has
// sections of the same names, and a unity build compiles both in one file.
namespace html {
namespace {

constexpr char kStyle[] = R"css(
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d232a;
  max-width:60rem;margin:2rem auto;padding:0 1rem;background:#fff}
h1{font-size:1.6rem;margin:0 0 .3rem}
h2{font-size:1.2rem;border-bottom:2px solid #d8dee4;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1rem;margin:1.2rem 0 .4rem}
.meta{color:#57606a;margin:0}
.src{color:#57606a;font-size:.85rem}
code{font:.85em ui-monospace,monospace;background:#f3f4f6;padding:0 .25em;border-radius:3px}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #e5e7eb}
th{background:#f6f8fa}
ol.timeline{list-style:none;padding-left:0;border-left:3px solid #8fb3d9;margin-left:.5rem}
ol.timeline li{padding:.1rem 0 .7rem 1rem;position:relative}
ol.timeline li::before{content:"";position:absolute;left:-.45rem;top:.5rem;width:.6rem;
  height:.6rem;border-radius:50%;background:#2f6eb5}
.date{font-weight:600;font-variant-numeric:tabular-nums}
blockquote{margin:.4rem 0 .8rem;padding:.3rem .8rem;border-left:3px solid #c9d1d9;background:#fafbfc}
.reported{font-style:italic}
.names{margin:0}
.disputed{background:#fff4e5;border-left:4px solid #d9480f}
tr.disputed td:first-child{font-weight:600}
.badge{display:inline-block;font-size:.75rem;padding:0 .4em;border-radius:.6em;
  background:#d9480f;color:#fff;margin-left:.3em}
.conflict{padding:.4rem .8rem;margin:.6rem 0}
.empty{color:#57606a;font-style:italic}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}}
)css";

std::string Esc(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Code(const std::string& id) { return "<code>" + Esc(id) + "</code>"; }

std::string Ref(const SourceRef& s) {
  return "<span class=\"src\">" + Esc(SourceLabel(s)) + " " + Code(s.article) + "</span>";
}

void Summary(const StorylineReport& r, std::string* out) {
  *out += "<section id=\"summary\"><h2>Summary</h2>\n";
  if (r.summary.empty()) *out += "<p class=\"empty\">No sentence to summarise.</p>\n";
  *out += "<ul>\n";
  for (const SummarySentence& s : r.summary) {
    *out += "<li><span lang=\"" + Esc(s.source.language) + "\">" + Esc(s.text) + "</span> " +
            Ref(s.source) + "</li>\n";
  }
  *out += "</ul></section>\n";
}

void TimelinePart(const StorylineReport& r, std::string* out) {
  *out += "<section id=\"timeline\"><h2>Timeline</h2>\n";
  if (r.timeline.entries.empty()) *out += "<p class=\"empty\">No dated happening.</p>\n";
  *out += "<ol class=\"timeline\">\n";
  for (const TimelineEntry& e : r.timeline.entries) {
    *out += "<li><span class=\"date\">" + Esc(e.date.empty() ? "undated" : e.date) + "</span>" +
            (e.estimated ? " <span class=\"src\">(estimated)</span>" : "") + " " + Esc(e.text) +
            "<br><span class=\"src\">";
    for (size_t i = 0; i < e.sources.size(); ++i) {
      const TimelineSource& s = e.sources[i];
      *out += (i ? "; " : "") + Esc(OutletLabel(s.outlet)) +
              (s.language.empty() ? "" : ", " + Esc(s.language)) + " " + Code(s.article);
    }
    *out += "</span></li>\n";
  }
  *out += "</ol></section>\n";
}

void Actors(const StorylineReport& r, std::string* out) {
  *out += "<section id=\"actors\"><h2>Actors</h2>\n";
  if (r.actors.empty()) {
    *out += "<p class=\"empty\">No actor found.</p></section>\n";
    return;
  }
  *out +=
      "<table><thead><tr><th>Actor</th><th>Mentions</th><th>Names</th><th>Roles</th></tr>"
      "</thead><tbody>\n";
  for (const Actor& a : r.actors) {
    *out += "<tr><td><strong>" + Esc(a.name) + "</strong><br><span class=\"src\">" + Esc(a.type) +
            " " + Code(a.id) + "</span></td><td>" + std::to_string(a.mentions) +
            "<br><span class=\"src\">" + Plural(a.articles, "article") + "</span></td><td>";
    *out += "<p class=\"names\">";
    for (size_t i = 0; i < a.names.size(); ++i) {
      *out += (i ? ", " : "") + Esc(a.names[i].text) + " <span class=\"src\">×" +
              std::to_string(a.names[i].count) + "</span>";
    }
    *out += "</p></td><td>";
    for (size_t i = 0; i < a.roles.size(); ++i) {
      const ActorRole& role = a.roles[i];
      *out += (i ? "<br>" : "") + Esc(RoleLabel(role));
      std::string texts;
      for (const std::string& t : role.texts)
        texts += (texts.empty() ? "" : ", ") + ("“" + Esc(t) + "”");
      if (!texts.empty()) *out += " <span class=\"src\">" + texts + "</span>";
    }
    *out += "</td></tr>\n";
  }
  *out += "</tbody></table></section>\n";
}

void Quotes(const StorylineReport& r, std::string* out) {
  *out += "<section id=\"quotes\"><h2>Quotes</h2>\n";
  if (r.quotes.empty()) *out += "<p class=\"empty\">No quote found.</p>\n";
  for (const SpeakerQuotes& s : r.quotes) {
    *out += "<h3>" + (s.speaker.empty() ? std::string("Unattributed") : Esc(s.speaker));
    if (!s.speaker_id.empty()) *out += " " + Code(s.speaker_id);
    if (s.speaker_id.empty() && !s.speaker.empty())
      *out += " <span class=\"src\">(as written)</span>";
    *out += "</h3>\n";
    for (const ReportQuote& q : s.quotes) {
      *out += std::string("<blockquote") + (q.direct ? ">" : " class=\"reported\">") +
              Esc(QuoteText(q)) + (q.direct ? "" : " (reported)") + "<br>— ";
      for (size_t i = 0; i < q.sources.size(); ++i) *out += (i ? "; " : "") + Ref(q.sources[i]);
      *out += "</blockquote>\n";
    }
  }
  *out += "</section>\n";
}

void Figures(const StorylineReport& r, std::string* out) {
  *out += "<section id=\"figures\"><h2>Figures</h2>\n";
  if (r.figures.empty()) {
    *out += "<p class=\"empty\">No figure found.</p></section>\n";
    return;
  }
  *out +=
      "<table><thead><tr><th>Figure</th><th>When</th><th>As written</th><th>Source</th></tr>"
      "</thead><tbody>\n";
  for (const ReportFigure& f : r.figures) {
    const bool disputed = !f.conflicts.empty();
    *out += std::string("<tr") + (disputed ? " class=\"disputed\"" : "") + "><td>" +
            Esc(FigureLabel(f));
    for (const std::string& c : f.conflicts) {
      *out += "<span class=\"badge\" title=\"disputed\">⚠ " + Esc(c) + "</span>";
    }
    *out += "</td><td>" + Esc(f.date) + (f.date_estimated ? " (estimated)" : "") + "</td><td>" +
            Esc(f.text) + "</td><td>" + Ref(f.source) + "</td></tr>\n";
  }
  *out += "</tbody></table></section>\n";
}

void Conflicts(const StorylineReport& r, std::string* out) {
  *out += "<section id=\"conflicts\"><h2>Conflicts between sources</h2>\n";
  if (r.conflicts.empty()) {
    *out += "<p class=\"empty\">The sources do not disagree on any figure or date.</p>\n";
  }
  for (const ReportConflict& c : r.conflicts) {
    *out += "<div class=\"conflict disputed\"><h3>⚠ " + Esc(c.description) + " " + Code(c.id) +
            " <span class=\"src\">" + Esc(c.kind) + "</span></h3><ul>\n";
    for (const ReportClaim& claim : c.claims) {
      *out += "<li><strong>" + Esc(claim.value) + "</strong> " + Ref(claim.source) + "<br>" +
              Esc(claim.text) + "</li>\n";
    }
    *out += "</ul></div>\n";
  }
  *out += "</section>\n";
}

void Sources(const StorylineReport& r, std::string* out) {
  *out +=
      "<section id=\"sources\"><h2>Sources</h2>\n<table><thead><tr><th>Outlet</th>"
      "<th>Articles</th><th>Languages</th><th>Titles</th></tr></thead><tbody>\n";
  for (const OutletSources& o : r.sources) {
    std::string languages;
    for (const std::string& l : o.languages) languages += (languages.empty() ? "" : ", ") + Esc(l);
    *out += "<tr><td>" + Esc(OutletLabel(o.outlet)) + "</td><td>" +
            std::to_string(o.articles.size()) + "</td><td>" + languages + "</td><td><ul>";
    for (const SourceArticle& a : o.articles) {
      *out += "<li><span class=\"date\">" +
              Esc(a.published.empty() ? "undated" : a.published.substr(0, 10)) + "</span> " +
              Esc(a.title.empty() ? "(untitled)" : a.title) + " <span class=\"src\">" +
              Esc(a.language.empty() ? "?" : a.language) + " " + Code(a.id) + "</span>";
      // Shown, not linked: the report opens offline and follows nothing.
      if (!a.url.empty()) *out += "<br><span class=\"src\">" + Esc(a.url) + "</span>";
      *out += "</li>";
    }
    *out += "</ul></td></tr>\n";
  }
  *out += "</tbody></table></section>\n";
}

std::string Render(const StorylineReport& r) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"dossier report\">\n<title>" +
      Esc(r.title) + "</title>\n<style>" + kStyle + "</style></head>\n<body>\n<header><h1>" +
      Esc(r.title) + "</h1>\n<p class=\"meta\">" + Esc(KindLabel(r.kind)) + " " + Code(r.id);
  if (r.kind == "event" && !r.storyline.empty()) out += " of storyline " + Code(r.storyline);
  out += " · " + Esc(DateRange(r.first_date, r.last_date)) + " · " +
         Plural(r.article_count, "article") + " · " + Plural(r.sources.size(), "outlet");
  if (!r.languages.empty()) {
    out += " ·";
    for (const std::string& l : r.languages) out += " " + Esc(l);
  }
  out += "</p></header>\n<main>\n";
  Summary(r, &out);
  TimelinePart(r, &out);
  Actors(r, &out);
  Quotes(r, &out);
  Figures(r, &out);
  Conflicts(r, &out);
  Sources(r, &out);
  out += "</main>\n</body></html>\n";
  return out;
}

}  // namespace
}  // namespace html

std::string RenderHtml(const StorylineReport& r) { return html::Render(r); }

}  // namespace dossier::report
