// Tests for the renderers: every part is there, hostile text is escaped, the
// HTML loads nothing from outside, the JSON has the documented shape.
#include "report/render.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "report/render_text.h"

namespace dossier::report {
namespace {

const std::string kHostile = "<script>alert('x')</script> & \"quoted\" <img onerror=y>";

SourceRef Ref(const std::string& article, const std::string& outlet, const std::string& lang) {
  SourceRef r;
  r.article = article;
  r.outlet = outlet;
  r.language = lang;
  r.published = "2021-01-04";
  r.start = 0;
  r.end = 10;
  return r;
}

StorylineReport Sample() {
  StorylineReport r;
  r.id = "S0";
  r.kind = "storyline";
  r.storyline = "S0";
  r.title = "Troops <b>and</b> talks";
  r.first_date = "2021-01-04";
  r.last_date = "2021-02-01";
  r.events = {"V0", "V1"};
  r.languages = {"en", "fr"};
  r.article_count = 2;
  r.summary = {{"The minister arrived in Baghdad.", Ref("a1", "Wire One", "en")},
               {"Le ministre est arrivé à Bagdad.", Ref("a2", "Agence", "fr")}};
  r.timeline.id = "S0";
  r.timeline.title = r.title;
  TimelineEntry e;
  e.date = "2021-01-04";
  e.event = "V0";
  e.text = "The minister arrived in Baghdad.";
  e.sources = {{"a1", "Wire One", "en", "The minister arrived in Baghdad.", 0, 10},
               {"a2", "Agence", "fr", "Le ministre est arrivé.", 0, 10}};
  r.timeline.entries = {e};
  Actor a;
  a.id = "E0";
  a.type = "PER";
  a.name = "Mustafa al-Kadhimi";
  a.names = {{"Kadhimi", 3}, {"Moustafa al-Kazimi", 1}, {"Mustafa al-Kadhimi", 1}};
  a.mentions = 5;
  a.articles = 2;
  a.roles = {{"prime-minister",
              "country:IQ",
              {"Iraqi Prime Minister", "Premier ministre"},
              "2021-01-04",
              "2021-02-01"}};
  r.actors = {a};
  SpeakerQuotes speaker;
  speaker.speaker_id = "E0";
  speaker.speaker = "Mustafa al-Kadhimi";
  ReportQuote q;
  q.id = "Qa1-0";
  q.text = kHostile;
  q.direct = true;
  q.sources = {Ref("a1", "Wire One", "en"), Ref("a2", "Agence", "fr")};
  speaker.quotes = {q};
  SpeakerQuotes unknown;
  unknown.speaker = "a spokesman";
  ReportQuote reported = q;
  reported.id = "Qa2-1";
  reported.text = "the talks would go on";
  reported.direct = false;
  reported.sources = {Ref("a2", "Agence", "fr")};
  unknown.quotes = {reported};
  r.quotes = {speaker, unknown};
  ReportFigure f;
  f.id = "Fa1-0";
  f.value = 5000;
  f.low = 4500;
  f.high = 5500;
  f.approx = "about";
  f.unit = "soldiers";
  f.counts = "troops";
  f.text = "about 5,000";
  f.source = Ref("a1", "Wire One", "en");
  f.conflicts = {"C0"};
  ReportFigure g = f;
  g.id = "Fa2-0";
  g.value = g.low = 3000;
  g.high = 3000;
  g.approx = "";
  g.text = "3 000";
  g.conflicts = {};
  r.figures = {f, g};
  ReportConflict c;
  c.id = "C0";
  c.kind = "figure";
  c.subject = "troops";
  c.description = "troops: 5000 vs 3000 " + kHostile;
  c.claims = {{"5000", "about 5,000 soldiers", Ref("a1", "Wire One", "en")},
              {"3000", "3 000 soldats", Ref("a2", "Agence", "fr")}};
  r.conflicts = {c};
  r.sources = {{"Wire One", {"en"}, {{"a1", "Title one", "Wire One", "en", "2021-01-04", ""}}},
               {"", {"fr"}, {{"a2", kHostile, "", "fr", "", "http://x.example/<a>"}}}};
  return r;
}

TEST(RenderTextTest, Labels) {
  EXPECT_EQ(FormatNumber(5200), "5,200");
  EXPECT_EQ(FormatNumber(-1234567), "-1,234,567");
  EXPECT_EQ(FormatNumber(12), "12");
  EXPECT_EQ(FormatNumber(2.5), "2.5");
  EXPECT_EQ(DateRange("2020-01", "2021-02"), "2020-01 – 2021-02");
  EXPECT_EQ(DateRange("2020-01", "2020-01"), "2020-01");
  EXPECT_EQ(DateRange("", ""), "date unknown");
  EXPECT_EQ(OutletLabel(""), "(unknown outlet)");
  EXPECT_EQ(RoleLabel({"prime-minister", "country:IQ", {}, "", ""}), "prime minister, IQ");
}

TEST(RenderHtmlTest, EscapesHostileTextEverywhere) {
  const std::string html = RenderHtml(Sample());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>and"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"),
            std::string::npos);
  EXPECT_NE(html.find("Troops &lt;b&gt;and&lt;/b&gt; talks"), std::string::npos);
}

TEST(RenderHtmlTest, SelfContainedDocumentWithEveryPart) {
  const std::string html = RenderHtml(Sample());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("</html>"), std::string::npos);
  EXPECT_NE(html.find("<style>"), std::string::npos);
  // Nothing to fetch, nothing to run: no external reference of any kind.
  for (const char* ref : {"src=", "href=", "@import", "url(", "<link", "<script", "<iframe"}) {
    EXPECT_EQ(html.find(ref), std::string::npos) << ref;
  }
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
  for (const char* id :
       {"summary", "timeline", "actors", "quotes", "figures", "conflicts", "sources"}) {
    EXPECT_NE(html.find(std::string("<section id=\"") + id + "\""), std::string::npos) << id;
  }
  for (const char* text : {"Moustafa al-Kazimi", "Iraqi Prime Minister", "prime minister, IQ",
                           "Le ministre est arrivé à Bagdad.", "(unknown outlet)", "a spokesman"}) {
    EXPECT_NE(html.find(text), std::string::npos) << text;
  }
  // The disputed figure is marked, the undisputed one is not.
  EXPECT_NE(html.find("<tr class=\"disputed\"><td>about 5,000 (4,500–5,500) soldiers"),
            std::string::npos);
  EXPECT_NE(html.find("<tr><td>3,000 soldiers"), std::string::npos);
}

TEST(RenderMarkdownTest, EveryPartWithEscapedText) {
  const std::string md = RenderMarkdown(Sample());
  EXPECT_EQ(md.rfind("# Troops \\<b\\>and\\</b\\> talks\n", 0), 0u) << md.substr(0, 80);
  for (const char* heading : {"## Summary", "## Timeline", "## Actors", "## Quotes", "## Figures",
                              "## Conflicts between sources", "## Sources"}) {
    EXPECT_NE(md.find(std::string("\n") + heading + "\n"), std::string::npos) << heading;
  }
  // Every "<" comes escaped.
  for (size_t at = md.find('<'); at != std::string::npos; at = md.find('<', at + 1)) {
    EXPECT_EQ(md[at - 1], '\\') << md.substr(at, 20);
  }
  EXPECT_NE(md.find("\\<script\\>"), std::string::npos);
  EXPECT_NE(md.find("### Mustafa al-Kadhimi (`E0`)"), std::string::npos);
  EXPECT_NE(md.find("### a spokesman (as written)"), std::string::npos);
  EXPECT_NE(md.find("Moustafa al-Kazimi ×1"), std::string::npos);
  EXPECT_NE(md.find("- ⚠ **about 5,000"), std::string::npos);
  EXPECT_NE(md.find("| Wire One | 1 | en |"), std::string::npos);
  // A URL that would break an autolink is written as escaped text.
  EXPECT_NE(md.find("http://x.example/\\<a\\>"), std::string::npos);
}

TEST(RenderJsonTest, DocumentedShape) {
  const nlohmann::json j = nlohmann::json::parse(RenderJson(Sample()));
  EXPECT_EQ(j["report_version"], 1);
  EXPECT_EQ(j["id"], "S0");
  EXPECT_EQ(j["kind"], "storyline");
  for (const char* key :
       {"summary", "actors", "quotes", "figures", "conflicts", "sources", "events", "languages"}) {
    EXPECT_TRUE(j[key].is_array()) << key;
  }
  EXPECT_EQ(j["timeline"]["entries"].size(), 1u);
  EXPECT_EQ(j["summary"][1]["source"]["language"], "fr");
  EXPECT_EQ(j["actors"][0]["names"].size(), 3u);
  EXPECT_EQ(j["actors"][0]["roles"][0]["texts"].size(), 2u);
  EXPECT_EQ(j["quotes"][0]["speaker"], "E0");
  EXPECT_EQ(j["quotes"][0]["quotes"][0]["text"], kHostile);  // JSON keeps the text as it is
  EXPECT_EQ(j["quotes"][0]["quotes"][0]["sources"].size(), 2u);
  EXPECT_TRUE(j["quotes"][1]["speaker"].is_null());
  EXPECT_EQ(j["figures"][0]["conflicts"][0], "C0");
  EXPECT_EQ(j["conflicts"][0]["claims"].size(), 2u);
  EXPECT_TRUE(j["sources"][1]["outlet"].is_null());
  EXPECT_EQ(j["sources"][0]["article_count"], 1);
}

}  // namespace
}  // namespace dossier::report
