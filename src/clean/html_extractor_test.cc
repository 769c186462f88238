// Tests for clean/html_extractor.h (with html_dom, html_content,
// html_metadata and html_nesting behind it).
#include "clean/html_extractor.h"

#include <chrono>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace dossier {
namespace {

const char kNewsPage[] = R"(<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Macron visits Baghdad | Example News</title>
  <meta property="og:site_name" content="Example News">
  <meta property="og:title" content="Macron visits Baghdad">
  <meta property="article:published_time" content="2020-09-02T10:15:00+02:00">
  <meta name="author" content="Jane Doe">
  <link rel="canonical" href="https://example.com/world/2020/09/02/macron-baghdad">
  <style>p { color: red; }</style>
</head>
<body>
  <header class="site-header"><a href="/">Example News</a>
    <nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></nav>
  </header>
  <div class="layout">
    <main>
      <article class="article-body">
        <h1>Macron visits Baghdad</h1>
        <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
        <figure><img src="a.jpg"><figcaption>The president arrives. Photo: AFP</figcaption></figure>
        <p>French President Emmanuel Macron on Wednesday affirmed in Baghdad his support for Iraq&#8217;s sovereignty, in the face of foreign interference.</p>
        <p>Coming from Beirut, the head of state also assured that France would continue to act alongside Iraq in the fight against the jihadists, which is not over.</p>
        <h2>A vise between Washington and Tehran</h2>
        <p>Iraq has been trapped for years between its two most influential partners, Washington and Tehran, a position that has become even more difficult.</p>
        <ul><li>Some 5,000 American soldiers are still deployed there.</li></ul>
        <blockquote>We do not want to be a place of confrontation, but of stability, said the prime minister.</blockquote>
        <script>document.write("<p>injected</p>");</script>
        <div class="related-articles"><h3>Related</h3><ul>
          <li><a href="/a">Iraq: Washington will reduce its troops</a></li>
          <li><a href="/b">Lebanon: Macron's second visit in a month</a></li></ul></div>
      </article>
      <section id="comments" class="comments">
        <h3>Comments</h3>
        <p>Example News moderates all comments, and we welcome constructive, relevant criticism.</p>
        <form><textarea>Your comment</textarea><button>Post</button></form>
      </section>
    </main>
    <aside class="sidebar"><h3>Most read</h3><p><a href="/x">Something else entirely, with many words in a link.</a></p></aside>
  </div>
  <footer><p>&copy; 2020 Example News. All rights reserved. Contact us, about us, careers.</p></footer>
</body>
</html>)";

TEST(HtmlExtractorTest, NewsPageWithChrome) {
  HtmlExtractor x;
  Result<ExtractedPage> r = x.Extract(kNewsPage);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->title, "Macron visits Baghdad");
  EXPECT_EQ(r->outlet, "Example News");
  EXPECT_EQ(r->author, "Jane Doe");
  EXPECT_EQ(r->published, "2020-09-02T08:15:00Z");
  EXPECT_EQ(r->language, "en");
  EXPECT_EQ(r->url, "https://example.com/world/2020/09/02/macron-baghdad");
  EXPECT_EQ(r->text,
            "French President Emmanuel Macron on Wednesday affirmed in Baghdad his support for "
            "Iraq\xE2\x80\x99s sovereignty, in the face of foreign interference.\n\n"
            "Coming from Beirut, the head of state also assured that France would continue to act "
            "alongside Iraq in the fight against the jihadists, which is not over.\n\n"
            "A vise between Washington and Tehran\n\n"
            "Iraq has been trapped for years between its two most influential partners, Washington "
            "and Tehran, a position that has become even more difficult.\n\n"
            "Some 5,000 American soldiers are still deployed there.\n\n"
            "We do not want to be a place of confrontation, but of stability, said the prime "
            "minister.");
}

TEST(HtmlExtractorTest, JsonLdMetadata) {
  const char page[] = R"(<html><head>
    <title>Ignored title - Site</title>
    <script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "The Site"},
      {"@type": ["NewsArticle"], "headline": "Talks on US troops in Iraq",
       "datePublished": "Sat, 24 Jul 2021 09:30:00 +0000",
       "author": [{"@type": "Person", "name": "A. Writer"}, {"@type": "Person", "name": "B. Writer"}],
       "publisher": {"@type": "Organization", "name": "Example Wire"},
       "inLanguage": "fr-FR",
       "mainEntityOfPage": {"@id": "https://example.org/talks"}}]}
    </script>
    <script type="application/ld+json">{ this is not json </script>
    </head><body><div><p>Une délégation irakienne a entamé jeudi à Washington des discussions sur la présence militaire.</p></div></body></html>)";
  HtmlExtractor x;
  Result<ExtractedPage> r = x.Extract(page);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->title, "Talks on US troops in Iraq");
  EXPECT_EQ(r->published, "2021-07-24T09:30:00Z");
  EXPECT_EQ(r->author, "A. Writer, B. Writer");
  EXPECT_EQ(r->outlet, "Example Wire");
  EXPECT_EQ(r->language, "fr");
  EXPECT_EQ(r->url, "https://example.org/talks");
  EXPECT_EQ(r->text,
            "Une délégation irakienne a entamé jeudi à Washington des discussions sur la présence "
            "militaire.");
}

TEST(HtmlExtractorTest, TitleFallbacks) {
  struct Case {
    std::string page;
    std::string title;
    std::string published;
  };
  const std::string body =
      "<p>The minister arrived in Baghdad on Thursday for talks with the government, officials "
      "said.</p>";
  const Case cases[] = {
      {"<title>Troops leave Iraq | The Daily</title><meta property=\"og:site_name\" content=\"The "
       "Daily\"><body>" +
           body,
       "Troops leave Iraq", ""},
      {"<title>The Daily - Troops leave Iraq</title><meta property=\"og:site_name\" content=\"The "
       "Daily\"><body>" +
           body,
       "Troops leave Iraq", ""},
      {"<title>Troops leave Iraq | Unknown</title><body><h1>Troops leave Iraq</h1>" + body,
       "Troops leave Iraq", ""},
      {"<body><h1>Only a heading</h1><time datetime=\"2021-07-22\">July 22</time>" + body,
       "Only a heading", "2021-07-22"},
      {"<link rel=canonical href=\"https://x.org/2019/03/14/story\"><body><h1>H</h1>" + body, "H",
       "2019-03-14"},
  };
  HtmlExtractor x;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.page);
    Result<ExtractedPage> r = x.Extract(c.page);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->title, c.title);
    EXPECT_EQ(r->published, c.published);
    EXPECT_EQ(r->text.find("Only a heading"), std::string::npos);
  }
}

TEST(HtmlExtractorTest, PageWithoutTextIsAnError) {
  HtmlExtractor x;
  for (std::string_view page :
       {"", "<html><head><title>T</title></head><body></body></html>",
        "<html><body><script>var x = 'lots of text here, lots of it';</script>"
        "<nav><a href=/>Home</a></nav></body></html>"}) {
    Result<ExtractedPage> r = x.Extract(page);
    ASSERT_FALSE(r.ok()) << page;
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput);
    EXPECT_EQ(r.status().message(), "no main text found in the page");
  }
}

TEST(HtmlExtractorTest, HiddenAndLinkListsAreDropped) {
  const char page[] = R"(<body><div class="story">
    <p>The minister arrived in Baghdad on Thursday for talks with the government, officials said.</p>
    <p style="display: none">Hidden text that a reader never sees, however long it is.</p>
    <p><a href="/1">A link list entry</a> <a href="/2">Another link list entry</a></p>
    <p>Officials said the talks would continue next week in Washington, with more to come.</p>
    </div></body>)";
  HtmlExtractor x;
  Result<ExtractedPage> r = x.Extract(page);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text,
            "The minister arrived in Baghdad on Thursday for talks with the government, officials "
            "said.\n\nOfficials said the talks would continue next week in Washington, with more "
            "to come.");
}

TEST(HtmlExtractorTest, ArticleHeaderKeepsTheStandfirst) {
  const char page[] =
      R"(<body><header class="masthead"><p>Site slogan that is long enough to be scored as a paragraph.</p></header>
    <article><header><h1>Talks resume</h1><p class="standfirst">Iraqi and US officials resumed talks on the future of American troops.</p></header>
    <p>The minister arrived in Baghdad on Thursday for talks with the government, officials said.</p>
    <p>Officials said the talks would continue next week in Washington, with more to come.</p></article></body>)";
  HtmlExtractor x;
  Result<ExtractedPage> r = x.Extract(page);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->title, "Talks resume");
  EXPECT_EQ(r->text,
            "Iraqi and US officials resumed talks on the future of American troops.\n\n"
            "The minister arrived in Baghdad on Thursday for talks with the government, officials "
            "said.\n\nOfficials said the talks would continue next week in Washington, with more "
            "to come.");
}

TEST(HtmlExtractorTest, HundredThousandDeepPageFinishes) {
  std::string page = "<html><body>";
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page += "<p>The deepest paragraph of the page, with enough words to count as text.</p>";
  for (int i = 0; i < 100000; ++i) page += "</div>";
  page += "</body></html>";
  HtmlExtractor x;
  const auto start = std::chrono::steady_clock::now();
  Result<ExtractedPage> r = x.Extract(page);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->text, "The deepest paragraph of the page, with enough words to count as text.");
  EXPECT_LT(seconds, 5.0);  // ~17 s without the nesting limit
  // Unclosed inline elements nest too.
  std::string spans = "<body>";
  for (int i = 0; i < 100000; ++i) spans += "<span><b>";
  spans += "Text at the bottom of a very deep pile of inline elements, long enough.";
  Result<ExtractedPage> s = x.Extract(spans);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_NE(s->text.find("Text at the bottom"), std::string::npos);
}

TEST(HtmlExtractorTest, MaxDepthOption) {
  std::string page = "<body>";
  for (int i = 0; i < 20; ++i) page += "<div>";
  page += "<p>Deep paragraph with enough text in it to be kept by the extractor.</p>";
  HtmlExtractor x(HtmlExtractorOptions{.max_depth = 8});
  Result<ExtractedPage> r = x.Extract(page);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "Deep paragraph with enough text in it to be kept by the extractor.");
}

TEST(HtmlExtractorTest, ConcurrentUse) {
  HtmlExtractor x;
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        Result<ExtractedPage> r = x.Extract(kNewsPage);
        ok[t] += r.ok() && r->title == "Macron visits Baghdad";
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int n : ok) EXPECT_EQ(n, 25);
}

}  // namespace
}  // namespace dossier
