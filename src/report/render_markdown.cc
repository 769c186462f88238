// The Markdown report: headings per part, lists, one table for the sources.
#include <string>

#include "report/render.h"
#include "report/render_text.h"

namespace dossier::report {
// The Markdown sections, in a namespace of their own: render_html.cc has
// sections of the same names, and a unity build compiles both in one file.
namespace markdown {
namespace {

// Backslash-escapes the characters Markdown would read as markup (CommonMark
// allows a backslash before any ASCII punctuation) and keeps each text on one line.
std::string Md(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '#':
      case '|':
      case '!':
      case '&':
      case '~':
        out += '\\';
        out += c;
        break;
      case '\n':
      case '\r':
      case '\t':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

// An id as a code span; ids are the store's, but an article's may come from its input.
std::string Code(const std::string& id) {
  if (id.find_first_of("`\n\r") != std::string::npos) return Md(id);
  return "`" + id + "`";
}

// An autolink, when the URL is one Markdown can carry; else the escaped text.
std::string Link(const std::string& url) {
  if (url.find_first_of("<> \t\n\r\\") != std::string::npos) return Md(url);
  return "<" + url + ">";
}

std::string Ref(const SourceRef& s) { return Md(SourceLabel(s)) + " " + Code(s.article); }

void Summary(const StorylineReport& r, std::string* out) {
  *out += "## Summary\n\n";
  if (r.summary.empty()) *out += "_No sentence to summarise._\n";
  for (const SummarySentence& s : r.summary)
    *out += "- " + Md(s.text) + " — " + Ref(s.source) + "\n";
  *out += "\n";
}

void TimelinePart(const StorylineReport& r, std::string* out) {
  *out += "## Timeline\n\n";
  if (r.timeline.entries.empty()) *out += "_No dated happening._\n";
  for (const TimelineEntry& e : r.timeline.entries) {
    *out += "- **" + Md(e.date.empty() ? "undated" : e.date) + "**" +
            (e.estimated ? " (estimated)" : "") + " " + Md(e.text) + "  \n  ";
    std::string sep = "sources: ";
    for (const TimelineSource& s : e.sources) {
      *out += sep + Md(OutletLabel(s.outlet)) + (s.language.empty() ? "" : ", " + Md(s.language)) +
              " " + Code(s.article);
      sep = "; ";
    }
    *out += "\n";
  }
  *out += "\n";
}

void Actors(const StorylineReport& r, std::string* out) {
  *out += "## Actors\n\n";
  if (r.actors.empty()) *out += "_No actor found._\n";
  for (const Actor& a : r.actors) {
    *out += "- **" + Md(a.name) + "** (" + Md(a.type) + ", " + Code(a.id) +
            "): " + Plural(a.mentions, "mention") + " in " + Plural(a.articles, "article") + "\n";
    if (!a.names.empty()) {
      *out += "  - names:";
      for (size_t i = 0; i < a.names.size(); ++i) {
        *out += (i ? ", " : " ") + Md(a.names[i].text) + " ×" + std::to_string(a.names[i].count);
      }
      *out += "\n";
    }
    if (!a.roles.empty()) {
      *out += "  - roles:";
      for (size_t i = 0; i < a.roles.size(); ++i) {
        const ActorRole& role = a.roles[i];
        *out += (i ? "; " : " ") + Md(RoleLabel(role));
        std::string sep = " (";
        for (const std::string& t : role.texts) {
          *out += sep + "“" + Md(t) + "”";
          sep = ", ";
        }
        if (!role.texts.empty()) *out += ")";
        if (!role.first_date.empty()) *out += " " + Md(DateRange(role.first_date, role.last_date));
      }
      *out += "\n";
    }
  }
  *out += "\n";
}

void Quotes(const StorylineReport& r, std::string* out) {
  *out += "## Quotes\n\n";
  if (r.quotes.empty()) *out += "_No quote found._\n\n";
  for (const SpeakerQuotes& s : r.quotes) {
    *out += "### " + (s.speaker.empty() ? std::string("Unattributed") : Md(s.speaker)) +
            (s.speaker_id.empty() ? s.speaker.empty() ? "" : " (as written)"
                                  : " (" + Code(s.speaker_id) + ")") +
            "\n\n";
    for (const ReportQuote& q : s.quotes) {
      *out += "> " + Md(QuoteText(q)) + (q.direct ? "" : " _(reported)_") + "  \n> — ";
      for (size_t i = 0; i < q.sources.size(); ++i) *out += (i ? "; " : "") + Ref(q.sources[i]);
      *out += "\n\n";
    }
  }
}

void Figures(const StorylineReport& r, std::string* out) {
  *out += "## Figures\n\n";
  if (r.figures.empty()) *out += "_No figure found._\n";
  for (const ReportFigure& f : r.figures) {
    const bool disputed = !f.conflicts.empty();
    *out += std::string("- ") + (disputed ? "⚠ **" : "**") + Md(FigureLabel(f)) + "**";
    if (!f.date.empty()) *out += " — " + Md(f.date) + (f.date_estimated ? " (estimated)" : "");
    *out += " — “" + Md(f.text) + "” — " + Ref(f.source);
    if (disputed) {
      *out += " — **disputed:**";
      for (const std::string& c : f.conflicts) out->append(" ").append(Md(c));
    }
    *out += "\n";
  }
  *out += "\n";
}

void Conflicts(const StorylineReport& r, std::string* out) {
  *out += "## Conflicts between sources\n\n";
  if (r.conflicts.empty()) *out += "_The sources do not disagree on any figure or date._\n\n";
  for (const ReportConflict& c : r.conflicts) {
    *out += "### ⚠ " + Md(c.id) + " (" + Md(c.kind) + "): " + Md(c.description) + "\n\n";
    for (const ReportClaim& claim : c.claims) {
      *out += "- **" + Md(claim.value) + "** — " + Ref(claim.source) + ": " + Md(claim.text) + "\n";
    }
    *out += "\n";
  }
}

void Sources(const StorylineReport& r, std::string* out) {
  *out += "## Sources\n\n| Outlet | Articles | Languages |\n|---|---|---|\n";
  for (const OutletSources& o : r.sources) {
    std::string languages;
    for (const std::string& l : o.languages) languages += (languages.empty() ? "" : ", ") + Md(l);
    *out += "| " + Md(OutletLabel(o.outlet)) + " | " + std::to_string(o.articles.size()) + " | " +
            languages + " |\n";
  }
  *out += "\n";
  for (const OutletSources& o : r.sources) {
    *out += "**" + Md(OutletLabel(o.outlet)) + "**\n\n";
    for (const SourceArticle& a : o.articles) {
      *out += "- " + Md(a.published.empty() ? "undated" : a.published.substr(0, 10)) + " — " +
              Md(a.title.empty() ? "(untitled)" : a.title) + " (" +
              Md(a.language.empty() ? "?" : a.language) + ") " + Code(a.id);
      if (!a.url.empty()) *out += " " + Link(a.url);
      *out += "\n";
    }
    *out += "\n";
  }
}

std::string Render(const StorylineReport& r) {
  std::string out = "# " + Md(r.title) + "\n\n";
  out += "_" + KindLabel(r.kind) + " " + Code(r.id);
  if (r.kind == "event" && !r.storyline.empty()) out += " of storyline " + Code(r.storyline);
  out += " · " + Md(DateRange(r.first_date, r.last_date)) + " · " +
         Plural(r.article_count, "article") + " · " + Plural(r.sources.size(), "outlet");
  if (!r.languages.empty()) {
    out += " ·";
    for (const std::string& l : r.languages) out += " " + Md(l);
  }
  out += "_\n\n";
  Summary(r, &out);
  TimelinePart(r, &out);
  Actors(r, &out);
  Quotes(r, &out);
  Figures(r, &out);
  Conflicts(r, &out);
  Sources(r, &out);
  return out;
}

}  // namespace
}  // namespace markdown

std::string RenderMarkdown(const StorylineReport& r) { return markdown::Render(r); }

}  // namespace dossier::report
