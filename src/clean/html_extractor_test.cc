// Tests for clean/html_extractor.h (with html_dom, html_content,
// html_metadata and html_nesting behind it).
#include "clean/html_extractor.h"

#include <chrono>
#include <string>
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
  EXPECT_EQ(r->published, "2020-09-02T10:15:00");  // the page's own clock
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
  EXPECT_EQ(r->published, "2021-07-24T09:30:00");
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

TEST(HtmlExtractorTest, HundredThousandDeepPageIsRefusedQuickly) {
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
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(r.status().message().find("nested deeper than 1024"), std::string::npos)
      << r.status().ToString();
  EXPECT_LT(seconds, 5.0);  // ~17 s to parse it
  // Unclosed inline elements nest too.
  std::string spans = "<body>";
  for (int i = 0; i < 100000; ++i) spans += "<span><b>";
  spans += "Text at the bottom of a very deep pile of inline elements, long enough.";
  EXPECT_FALSE(x.Extract(spans).ok());
}

TEST(HtmlExtractorTest, MaxDepthOption) {
  std::string page = "<body>";
  for (int i = 0; i < 20; ++i) page += "<div>";
  page += "<p>Deep paragraph with enough text in it to be kept by the extractor.</p>";
  EXPECT_FALSE(HtmlExtractor(HtmlExtractorOptions{.max_depth = 8}).Extract(page).ok());
  Result<ExtractedPage> r = HtmlExtractor(HtmlExtractorOptions{.max_depth = 32}).Extract(page);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->text, "Deep paragraph with enough text in it to be kept by the extractor.");
}

// The paragraph filler of the tests below: prose long enough to count.
std::string Prose(int i) {
  return "Paragraph " + std::to_string(i) +
         " of the text says something, at some length, in words that a reader reads.";
}

TEST(HtmlExtractorTest, NoscriptContentIsRead) {
  // Forums and single-page apps give crawlers their text in <noscript>.
  std::string page = "<body><div id=app></div><noscript><div class=crawler>";
  for (int i = 0; i < 4; ++i) page += "<p>" + Prose(i) + "</p>";
  page += "</div></noscript></body>";
  HtmlExtractor x;
  Result<ExtractedPage> r = x.Extract(page);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->text.find(Prose(0)), std::string::npos);
  EXPECT_NE(r->text.find(Prose(3)), std::string::npos);
}

TEST(HtmlExtractorTest, ClassWordsOnThePageWrapperAreWeakHints) {
  // "sidebar" and "widget" name layouts as often as sidebars.
  std::string page =
      "<body><div class='layout has-sidebar'><div class='elementor-widget-container'>";
  for (int i = 0; i < 6; ++i) page += "<p>" + Prose(i) + "</p>";
  page +=
      "</div><div class=sidebar><p>About the author of this blog, who writes here "
      "often and at length.</p></div></div></body>";
  HtmlExtractor x;
  Result<ExtractedPage> r = x.Extract(page);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->text.find(Prose(0)), 0u);
  EXPECT_NE(r->text.find(Prose(5)), std::string::npos);
  EXPECT_EQ(r->text.find("About the author"), std::string::npos);
}

TEST(HtmlExtractorTest, ThreadKeepsEveryPost) {
  std::string page = "<body><nav><a href=/>Home</a> <a href=/f>Forums</a></nav><div class=thread>";
  for (int i = 0; i < 5; ++i) {
    page += "<div class=post><div class=meta><a href=/u>user" + std::to_string(i) +
            "</a></div><div class=body><p>" + Prose(i) + "</p></div></div>";
  }
  page += "</div></body>";
  HtmlExtractor x;
  Result<ExtractedPage> r = x.Extract(page);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  for (int i = 0; i < 5; ++i) EXPECT_NE(r->text.find(Prose(i)), std::string::npos) << i;
  EXPECT_EQ(r->text.find("Forums"), std::string::npos);
}

TEST(HtmlExtractorTest, ThreadWithOneLongPostKeepsTheReplies) {
  // The first post is long, the replies short: the posts are like items
  // (same tag and class), so the thread, not the first post, is the text.
  std::string page = "<body><div class=thread><div class=post><p>";
  for (int i = 0; i < 16; ++i) page += Prose(i) + " ";
  page += "</p></div>";
  for (int i = 0; i < 3; ++i) page += "<div class=post><p>" + Prose(20 + i) + "</p></div>";
  page += "</div><div class=footer-links><a href=/a>About</a></div></body>";
  HtmlExtractor x;
  Result<ExtractedPage> r = x.Extract(page);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->text.find(Prose(15)), std::string::npos);
  for (int i = 0; i < 3; ++i) EXPECT_NE(r->text.find(Prose(20 + i)), std::string::npos) << i;
}

TEST(HtmlExtractorTest, PostsNamedCommentsAreKept) {
  // Forum software names every post a "comment": when reading the page
  // whole skips them all, the post the prose root found stands.
  std::string page =
      "<head><script type='application/ld+json'>{\"@type\": \"DiscussionForumPosting\"}"
      "</script></head><body><header><a href=/>Forum</a></header><main><h1>A question</h1>"
      "<span>March 19, 2024 in Hardware</span>";
  for (int i = 0; i < 2; ++i) {
    page += "<article class=ipsComment id=elComment_" + std::to_string(i) + "><div><p>" +
            Prose(4 * i) + " " + Prose(4 * i + 1) + " " + Prose(4 * i + 2) + " " +
            Prose(4 * i + 3) + "</p></div></article>";
  }
  page += "</main></body>";
  HtmlExtractor x;
  Result<ExtractedPage> r = x.Extract(page);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->text.find(Prose(0)), std::string::npos) << r->text;
}

TEST(HtmlExtractorTest, TextInTheFooterIsNotTheArticle) {
  // A long privacy policy in a footer dialog outweighs a product's short
  // description, but text under page furniture is not the page's.
  std::string page =
      "<body><main><h1>Wool Runner</h1><p>A true original, our Wool Runner combines soft "
      "merino wool with cloud-like comfort for every day of the week.</p><p>Our "
      "responsibly-sourced merino wool provides a cozy fit that is soft on the skin.</p>"
      "</main><footer><div role=dialog><div class=prose>";
  for (int i = 0; i < 20; ++i) page += "<p>" + Prose(i) + "</p>";
  page += "</div></div></footer></body>";
  HtmlExtractor x;
  Result<ExtractedPage> r = x.Extract(page);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->text.find("A true original"), std::string::npos);
  EXPECT_EQ(r->text.find(Prose(3)), std::string::npos) << r->text;
}

TEST(HtmlExtractorTest, SecondCopyOfTheTextIsDropped) {
  // A layout for another screen size repeats the article: that run of
  // blocks is given once; a lone repeated line (a pull quote) stays.
  std::string body;
  for (int i = 0; i < 12; ++i) body += "<p>" + Prose(i) + "</p>";
  std::string quoted = body;
  quoted.insert(quoted.find("<p>" + Prose(6)), "<blockquote>" + Prose(3) + "</blockquote>");
  std::string page = "<body><article><div class=desktop>" + quoted + "</div><div class=mobile>" +
                     body + "</div></article></body>";
  HtmlExtractor x;
  Result<ExtractedPage> r = x.Extract(page);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto count = [&](const std::string& s) {
    int n = 0;
    for (size_t at = r->text.find(s); at != std::string::npos; at = r->text.find(s, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count(Prose(0)), 1);
  EXPECT_EQ(count(Prose(11)), 1);
  EXPECT_EQ(count(Prose(3)), 2);  // the paragraph and its pull quote
}

TEST(HtmlExtractorTest, DatedPostRenderedByScriptGivesItsDescription) {
  const std::string description =
      "I am new to astronomy and excited to start exploring the night sky. I would love some "
      "advice on choosing my first telescope.";
  const std::string head =
      "<head><title>First telescope?</title><meta property='og:description' "
      "content='" +
      description + "'>";
  const std::string body = "</head><body><section id=main></section></body>";
  HtmlExtractor x;
  Result<ExtractedPage> r = x.Extract(
      head + "<meta property='article:published_time' content='2025-02-20T14:19:26+00:00'>" + body);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->text, description);
  EXPECT_EQ(r->title, "First telescope?");
  // An undated page without text is a shell: nothing to give.
  EXPECT_FALSE(x.Extract(head + body).ok());
}

TEST(HtmlExtractorTest, TeasersAfterTheArticleAreDropped) {
  // Teasers carry prose too; the story's own paragraphs are denser.
  std::string page = "<body><div class=page><div class=story>";
  for (int i = 0; i < 16; ++i) page += "<p>" + Prose(i) + "</p>";
  page += "</div><div class=more>";
  for (int i = 0; i < 6; ++i) {
    page += "<div class=teaser><h3><a href=/t" + std::to_string(i) +
            ">A headline of another story on the site</a></h3><div><p>The summary of that "
            "other story, one sentence long, as teasers have.</p></div></div>";
  }
  page += "</div></div></body>";
  HtmlExtractor x;
  Result<ExtractedPage> r = x.Extract(page);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->text.find(Prose(15)), std::string::npos);
  EXPECT_EQ(r->text.find("summary of that other story"), std::string::npos);
}

TEST(HtmlExtractorTest, RelatedItemsSectionsAreDropped) {
  // The opener may be a heading or a plain line, in any of the languages
  // below; the section runs to the next heading of its level or to prose.
  struct Case {
    std::string opener;
    bool dropped;
  };
  const std::vector<Case> cases = {
      {"<h2>Customers also bought</h2>", true},
      {"<h2>People who viewed this item also viewed</h2>", true},
      {"<h3>You may also like</h3>", true},
      {"<div>Similar items to consider</div>", true},
      {"<p>Vous aimerez aussi :</p>", true},
      {"<h2>Ähnliche Produkte</h2>", true},
      {"<h2>Productos relacionados</h2>", true},
      // Not openers: a bare "Recommended" line, a word that only starts
      // like one, and a sentence about such items.
      {"<h2>Recommended:</h2>", false},
      {"<h2>Related productsmith</h2>", false},
      {"<h2>Similar items, such as the bags and belts of the previous collection, can be "
       "returned.</h2>",
       false},
  };
  for (const Case& c : cases) {
    std::string page = "<body><main><h1>A leather wallet</h1>";
    for (int i = 0; i < 4; ++i) page += "<p>" + Prose(i) + "</p>";
    page += c.opener + "<ul>";
    for (int i = 0; i < 5; ++i) {
      page += "<li>Another product number " + std::to_string(i) + "</li><li>$" +
              std::to_string(10 + i) + ".99</li>";
    }
    page += "</ul><h2>Specifications</h2><p>" + Prose(9) + "</p></main></body>";
    HtmlExtractor x;
    Result<ExtractedPage> r = x.Extract(page);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    SCOPED_TRACE(c.opener);
    EXPECT_NE(r->text.find(Prose(3)), std::string::npos);
    EXPECT_NE(r->text.find(Prose(9)), std::string::npos);
    EXPECT_EQ(r->text.find("Another product number 2") == std::string::npos, c.dropped);
    EXPECT_EQ(r->text.find("$12.99") == std::string::npos, c.dropped);
  }
}

TEST(HtmlExtractorTest, RelatedPostsElementIsDroppedWhole) {
  // Teasers with a paragraph each: the element the opener opens goes, up
  // to its end and not beyond; scrambled tracking strings are no prose.
  std::string page = "<body><main><article>";
  for (int i = 0; i < 8; ++i) page += "<p>" + Prose(i) + "</p>";
  page += "</article><section><h2>Related posts</h2>";
  for (int i = 0; i < 3; ++i) {
    page += "<div><h3><a href=/r" + std::to_string(i) + ">Teaser headline " + std::to_string(i) +
            "</a></h3><p>Teaser summary " + std::to_string(i) +
            ", long enough to read as prose: it goes on about the other post, what it says "
            "and why a reader of this one would want to read it too, at length.</p></div>";
  }
  page += "</section><p>" + Prose(20) +
          "</p><h2>Similar items</h2><ul><li><a href=/s>Item one</a></li>";
  page += "<li>" + std::string(30, 'x') + "-" + std::string(200, 'f') + "</li>";
  page += "<li>Item two after the scramble</li></ul><h2>Reviews</h2><p>" + Prose(21) +
          "</p></main></body>";
  HtmlExtractor x;
  Result<ExtractedPage> r = x.Extract(page);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->text.find(Prose(7)), std::string::npos);
  EXPECT_EQ(r->text.find("Teaser"), std::string::npos);
  EXPECT_NE(r->text.find(Prose(20)), std::string::npos);
  EXPECT_EQ(r->text.find("Item two after the scramble"), std::string::npos);
  EXPECT_NE(r->text.find(Prose(21)), std::string::npos);
}

TEST(HtmlExtractorTest, ArticleSplitOverSectionsIsWhole) {
  // Page builders put each part of a text in its own nested section.
  std::string page = "<body><main>";
  for (int s = 0; s < 4; ++s) {
    page += "<section><div class=row><div class=col><h2>Part " + std::to_string(s) + "</h2><p>" +
            Prose(s) + "</p></div></div></section>";
  }
  page +=
      "</main><footer><p>Copyright the company, all rights reserved, contact us for more.</p>"
      "</footer></body>";
  HtmlExtractor x;
  Result<ExtractedPage> r = x.Extract(page);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  for (int s = 0; s < 4; ++s) {
    EXPECT_NE(r->text.find("Part " + std::to_string(s) + "\n\n" + Prose(s)), std::string::npos);
  }
  EXPECT_EQ(r->text.find("Copyright"), std::string::npos);
}

TEST(HtmlExtractorTest, ListingKeepsItemTitlesAndDropsMenus) {
  std::string page =
      "<body><div class=top><ul><li><a href=/a>Home</a></li><li><a href=/b>Shop</a></li>"
      "<li><a href=/c>Blog</a></li><li><a href=/d>About</a></li></ul></div><div class=grid>";
  for (int i = 0; i < 8; ++i) {
    const std::string n = std::to_string(i);
    page += "<div class=card><h3><a href=/p" + n + ">Hand-made walnut chair, model " + n +
            "</a></h3><span>$" + n + "49</span><span>In stock</span></div>";
  }
  // Templates repeat blocks: given once.
  page += "<div class=card><h3><a href=/p0>Hand-made walnut chair, model 0</a></h3></div>";
  page += "</div></body>";
  HtmlExtractor x;
  Result<ExtractedPage> r = x.Extract(page);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->text.find("Hand-made walnut chair, model 7"), std::string::npos);
  EXPECT_NE(r->text.find("$749"), std::string::npos);
  EXPECT_EQ(r->text.find("Shop"), std::string::npos);
  const size_t first = r->text.find("model 0");
  EXPECT_EQ(r->text.find("model 0", first + 1), std::string::npos);
}

// Short product names in a grid are links as short as menu entries: on a
// page with no prose they are its text, and the <nav> cuts the menu.
TEST(HtmlExtractorTest, ShopGridOfShortNamesIsKept) {
  std::string page =
      "<body><nav><ul><li><a href=/a>Cups</a></li><li><a href=/b>Bottles</a></li>"
      "<li><a href=/c>Straws</a></li></ul></nav><div class=grid>";
  for (int i = 0; i < 10; ++i) {
    const std::string n = std::to_string(i);
    page += "<div class=card><a href=/p" + n + ">Cup " + n + "oz</a><a href=/p" + n +
            "?c=red>Red</a><a href=/p" + n + "?c=blue>Blue</a><span>$" + n + "9.95</span></div>";
  }
  page += "</div></body>";
  HtmlExtractor x;
  Result<ExtractedPage> r = x.Extract(page);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->text.find("Cup 9oz"), std::string::npos) << r->text;
  EXPECT_NE(r->text.find("$99.95"), std::string::npos);
  EXPECT_EQ(r->text.find("Bottles"), std::string::npos);
}

// A service page's article reading finds one paragraph; the rest of the
// page (headings, short feature lines) is its text too. A page that says
// it is an article keeps the article reading.
TEST(HtmlExtractorTest, PageThatIsNoArticleIsReadWhole) {
  std::string body =
      "<body><header><a href=/>Acme</a><nav><a href=/pricing>Pricing</a></nav></header><main>"
      "<section><h1>Cloud backups for small offices</h1>";
  for (int i = 0; i < 5; ++i) {
    body +=
        "<p>Acme keeps a copy of every file your office makes, encrypted, in two countries, "
        "and restores any of them in minutes, from any device, at any hour, with no "
        "software to install and nothing to configure; point " +
        std::to_string(i) + " of the pitch goes on a little longer than that.</p>";
  }
  body +=
      "</section></main><div class=side-menu><a href=/guides>Backup guides and tutorials</a>"
      "</div><div class=features>";
  for (int i = 0; i < 80; ++i) {
    const std::string n = std::to_string(i);
    body += "<section><h2>Feature " + n + "</h2><ul><li>Daily snapshots, plan " + n +
            "</li><li>Restore from any device</li></ul><div>From $" + n +
            " a month</div></section>";
  }
  body +=
      "</div><footer><p>Copyright Acme, all rights reserved, contact us for more.</p>"
      "</footer></body>";
  HtmlExtractor x;
  Result<ExtractedPage> r = x.Extract("<html>" + body + "</html>");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->text.find("point 2 of the pitch"), std::string::npos) << r->text;
  EXPECT_NE(r->text.find("Daily snapshots, plan 79"), std::string::npos) << r->text;
  EXPECT_EQ(r->text.find("Backup guides"), std::string::npos);
  EXPECT_EQ(r->text.find("Copyright"), std::string::npos);
  EXPECT_EQ(r->text.find("Pricing"), std::string::npos);

  r = x.Extract("<html><head><meta property=\"og:type\" content=\"Article\"></head>" + body +
                "</html>");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->text.find("point 2 of the pitch"), std::string::npos);
  EXPECT_EQ(r->text.find("Daily snapshots"), std::string::npos) << r->text;
}

// Streaming renderers park the body in a hidden <div> that a script moves
// into place; a page with no visible text is read with it.
TEST(HtmlExtractorTest, BodyParkedInHiddenDivIsRead) {
  std::string page = "<body><div id=root><p>Loading...</p></div><div hidden id=\"S:0\"><article>";
  for (int i = 0; i < 12; ++i) {
    page += "<p>Paragraph " + std::to_string(i) +
            " says the minister arrived in Baghdad on Thursday for talks with the government.</p>";
  }
  page += "</article></div></body>";
  HtmlExtractor x;
  Result<ExtractedPage> r = x.Extract(page);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->text.find("Paragraph 0 says"), std::string::npos) << r->text;
  EXPECT_NE(r->text.find("Paragraph 11 says"), std::string::npos);
}

TEST(HtmlExtractorTest, PageBuilderWidgetsAreNotSidebars) {
  std::string page = "<body><div class=\"elementor-section\">";
  for (int i = 0; i < 4; ++i) {
    page +=
        "<div class=\"elementor-element elementor-widget elementor-widget-text-editor\">"
        "<div class=\"elementor-widget-container\"><p>Paragraph " +
        std::to_string(i) +
        " of the article tells the reader something long enough to count as prose.</p>"
        "</div></div>";
  }
  page +=
      "</div><div class=\"widget widget_text\"><p>Sidebar blurb about the author of this "
      "blog, long enough to count as prose.</p></div>"
      "<div id=\"onetrust-consent-sdk\"><p>We and our partners store and access information "
      "on your device, such as cookies, to personalise content.</p></div></body>";
  HtmlExtractor x;
  Result<ExtractedPage> r = x.Extract(page);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->text.find("Paragraph 0 of the article"), std::string::npos) << r->text;
  EXPECT_NE(r->text.find("Paragraph 3 of the article"), std::string::npos);
  EXPECT_EQ(r->text.find("Sidebar blurb"), std::string::npos);
  EXPECT_EQ(r->text.find("partners store"), std::string::npos);
}

TEST(HtmlExtractorTest, TitleIsTheHeadingTheTitleTagsName) {
  struct Case {
    std::string head;
    std::string body;
    std::string title;
  };
  const Case cases[] = {
      // The <h1> is part of og:title, which adds a slogan.
      {"<meta property=og:title content='Power Tools: Cordless and Battery Kits'>",
       "<h1>Power Tools</h1>", "Power Tools"},
      // Documentation headings end with a permalink sign.
      {"<title>Models | Django documentation</title>", "<h1>Models\xC2\xB6</h1>", "Models"},
      // An <h1> the title tags do not name is a section banner: the title
      // tag wins, without its site affix (the first part stays).
      {"<title>Plan and audience | Introduction to Quantum Science</title>", "<h1>Welcome</h1>",
       "Plan and audience"},
      {"<title>Example Wire - Talks resume in Baghdad - World</title><meta "
       "property=og:site_name content='Example Wire'>",
       "", "Talks resume in Baghdad"},
  };
  HtmlExtractor x;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.head + c.body);
    Result<ExtractedPage> r =
        x.Extract("<html><head>" + c.head + "</head><body>" + c.body + "<p>" + Prose(0) + "</p>");
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->title, c.title);
  }
}

TEST(HtmlExtractorTest, AnArticlesOnlyHeadlineIsItsTitle) {
  const std::string body =
      "<body><article><h1>Software development methodologies compared</h1><p>Teams choose "
      "between waterfall, agile and their cousins for reasons that have little to do with "
      "software.</p></article></body></html>";
  const std::string head =
      "<html><head><title>7 Key Methodologies | Example</title>"
      "<meta property=\"og:title\" content=\"7 Key Methodologies\">";
  HtmlExtractor x;
  Result<ExtractedPage> r =
      x.Extract(head +
                "<script type=\"application/ld+json\">{\"@type\": \"BlogPosting\"}</script>"
                "</head>" +
                body);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->title, "Software development methodologies compared");
  // A page that does not say it is an article keeps its title tags' name.
  r = x.Extract(head + "</head>" + body);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->title, "7 Key Methodologies");
}

TEST(HtmlExtractorTest, PublishedDates) {
  struct Case {
    std::string page;
    std::string published;
  };
  const Case cases[] = {
      // The page's own day, not the UTC one.
      {"<meta property='article:published_time' content='2021-06-17T20:45:56-04:00'>",
       "2021-06-17T20:45:56"},
      // JSON-LD of a WebPage.
      {"<script type='application/ld+json'>{\"@type\": \"WebPage\", \"datePublished\": "
       "\"2025-12-19T14:00:18Z\"}</script>",
       "2025-12-19T14:00:18"},
      // A dated line under the headline.
      {"<h1>Headline</h1><div><span>Published August 7, 2023</span> by N. Burke</div>",
       "2023-08-07"},
      // "Updated" only when nothing else is dated.
      {"<h1>Headline</h1><p>Updated March 13, 2024</p><p>Posted on March 1, 2024</p>",
       "2024-03-01"},
      {"<h1>Headline</h1><p>Updated March 13, 2024</p>", "2024-03-13"},
      // Years and bare numbers are not dates of the page.
      {"<h1>The best keyboards of 2025</h1><p>13 min read</p>", ""},
      // A meta tag a CMS names its own way.
      {"<meta name='w-published-date' content='2025-05-27T06:03:43.274Z'>"
       "<meta name='w-modified-date' content='2025-06-01'>",
       "2025-05-27T06:03:43"},
      // A time stated in UTC, on the clock the page states elsewhere.
      {"<meta property='article:published_time' content='2025-12-19T02:41:41+00:00'>"
       "<time datetime='2025-12-18T21:46:01-05:00'>December 18, 2025</time>",
       "2025-12-18T21:41:41"},
      // A labelled date far from the headline.
      {"<h1>Headline</h1>" + std::string(30, ' ') + "<p>" + Prose(1) + "</p><p>" + Prose(2) +
           "</p><div class=meta><p>Published</p><p>Feb 2, 2023</p></div>",
       "2023-02-02"},
  };
  HtmlExtractor x;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.page);
    Result<ExtractedPage> r = x.Extract("<html><body>" + c.page + "<p>" + Prose(0) + "</p>");
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->published, c.published);
  }
}

TEST(HtmlExtractorTest, TenMegabytePageFinishes) {
  std::string page = "<html><body><nav><a href=/>Home</a></nav><div class=story>";
  int i = 0;
  while (page.size() < (10u << 20)) page += "<p>" + Prose(i++) + " <a href=/x>a link</a></p>\n";
  page += "</div></body></html>";
  HtmlExtractor x;
  const auto start = std::chrono::steady_clock::now();
  Result<ExtractedPage> r = x.Extract(page);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->text.find(Prose(i - 1)), std::string::npos);
  EXPECT_EQ(r->text.find("Home"), std::string::npos);
  EXPECT_LT(seconds, 30.0);  // ~0.2 s in Release; generous for sanitizer builds
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
