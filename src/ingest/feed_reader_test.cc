// Tests for feed_reader.h and xml_entities.h.
#include "ingest/feed_reader.h"

#include <gtest/gtest.h>

#include "ingest/ingest_test_util.h"

namespace dossier {
namespace {

using testing_util::Collected;
using testing_util::ReadBytes;

Collected ReadFeedBytes(std::string bytes, const IngestOptions& options = {}) {
  return ReadBytes(std::move(bytes), Format::kFeed, options, "news.rss");
}

const char kRss[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"
     xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>Rudaw English</title>
  <link>https://www.rudaw.net</link>
  <language>en-us</language>
  <image><title>Logo title is not the outlet</title></image>
  <item>
    <title>Macron in Baghdad</title>
    <link>https://example.com/a</link>
    <guid isPermaLink="false">id-1</guid>
    <pubDate>Wed, 02 Sep 2020 10:00:00 GMT</pubDate>
    <dc:creator>Jane Doe</dc:creator>
    <description>Short summary</description>
    <content:encoded><![CDATA[<p>Full <b>text</b> here.</p>]]></content:encoded>
    <media:title>Not the title</media:title>
    <media:content url="https://example.com/a.jpg" medium="image"/>
  </item>
  <item>
    <title>Only a description &amp; an entity</title>
    <guid>https://example.com/b</guid>
    <description>&lt;p&gt;Escaped &amp;amp; HTML&lt;/p&gt;</description>
    <author>editor@example.com (Ed Itor)</author>
    <source url="https://other.example/rss">Other Outlet</source>
  </item>
</channel>
</rss>
)";

TEST(FeedReaderTest, Rss2) {
  Collected c = ReadFeedBytes(kRss);
  ASSERT_TRUE(c.errors.empty()) << c.ErrorStrings()[0];
  ASSERT_EQ(c.records.size(), 2u);
  const RawRecord& a = c.records[0];
  EXPECT_EQ(a.path, "news.rss");
  EXPECT_EQ(a.locator, "item 1");
  EXPECT_EQ(a.kind, ContentKind::kHtml);
  EXPECT_EQ(a.charset, "utf-8");
  EXPECT_EQ(a.body, "<p>Full <b>text</b> here.</p>");
  EXPECT_EQ(a.title, "Macron in Baghdad");
  EXPECT_EQ(a.url, "https://example.com/a");
  EXPECT_EQ(a.id, "id-1");
  EXPECT_EQ(a.published, "Wed, 02 Sep 2020 10:00:00 GMT");
  EXPECT_EQ(a.author, "Jane Doe");
  EXPECT_EQ(a.outlet, "Rudaw English");
  EXPECT_EQ(a.language, "en-us");
  const RawRecord& b = c.records[1];
  EXPECT_EQ(b.locator, "item 2");
  EXPECT_EQ(b.body, "<p>Escaped &amp; HTML</p>");
  EXPECT_EQ(b.title, "Only a description & an entity");
  EXPECT_EQ(b.url, "https://example.com/b");  // a permalink guid
  EXPECT_EQ(b.author, "editor@example.com (Ed Itor)");
  EXPECT_EQ(b.outlet, "Other Outlet");  // the aggregated item's own source
}

TEST(FeedReaderTest, Atom) {
  Collected c = ReadFeedBytes(R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title type="text">Le Monde</title>
  <entry>
    <title>Entrée</title>
    <link rel="enclosure" href="https://ex.fr/img.jpg"/>
    <link rel="alternate" type="text/html" href="https://ex.fr/a"/>
    <id>urn:uuid:1</id>
    <updated>2021-07-22T09:30:00Z</updated>
    <published>2021-07-21T08:00:00Z</published>
    <author><name>Marie Curie</name><email>m@ex.fr</email></author>
    <summary type="text">résumé</summary>
    <content type="html">&lt;p&gt;Le texte &amp;amp; plus&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Plain</title>
    <link href="https://ex.fr/b"/>
    <id>urn:uuid:2</id>
    <updated>2021-07-23</updated>
    <content>1 &lt; 2, plain text</content>
  </entry>
  <entry>
    <title>XHTML</title>
    <id>urn:uuid:3</id>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p class="x">A &amp; B<br/>C</p></div></content>
  </entry>
  <entry>
    <title>Summary only, as html</title>
    <id>urn:uuid:4</id>
    <content src="https://ex.fr/out-of-line"/>
    <summary type="html">&lt;p&gt;sum&lt;/p&gt;</summary>
  </entry>
</feed>
)");
  ASSERT_TRUE(c.errors.empty()) << c.ErrorStrings()[0];
  ASSERT_EQ(c.records.size(), 4u);
  const RawRecord& a = c.records[0];
  EXPECT_EQ(a.body, "<p>Le texte &amp; plus</p>");
  EXPECT_EQ(a.kind, ContentKind::kHtml);
  EXPECT_EQ(a.title, "Entrée");
  EXPECT_EQ(a.url, "https://ex.fr/a");
  EXPECT_EQ(a.id, "urn:uuid:1");
  EXPECT_EQ(a.published, "2021-07-21T08:00:00Z");
  EXPECT_EQ(a.author, "Marie Curie");
  EXPECT_EQ(a.outlet, "Le Monde");
  const RawRecord& b = c.records[1];
  EXPECT_EQ(b.body, "1 < 2, plain text");
  EXPECT_EQ(b.kind, ContentKind::kText);
  EXPECT_EQ(b.url, "https://ex.fr/b");
  EXPECT_EQ(b.published, "2021-07-23");  // updated, when nothing else
  EXPECT_EQ(c.records[2].body, "<div><p class=\"x\">A &amp; B<br>C</p></div>");
  EXPECT_EQ(c.records[2].kind, ContentKind::kHtml);
  EXPECT_EQ(c.records[3].body, "<p>sum</p>");
}

TEST(FeedReaderTest, Rss1RdfAndOtherPrefixes) {
  Collected c = ReadFeedBytes(R"(<?xml version="1.0"?>
<r:RDF xmlns:r="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
       xmlns:c="http://purl.org/rss/1.0/modules/content/" xmlns:meta="http://purl.org/dc/elements/1.1/">
  <channel r:about="x"><title>RDF Outlet</title></channel>
  <item r:about="https://ex.org/1">
    <title>One</title><link>https://ex.org/1</link>
    <meta:date>2020-09-02</meta:date><meta:creator>AFP</meta:creator>
    <c:encoded>&lt;p&gt;Body&lt;/p&gt;</c:encoded>
  </item>
</r:RDF>
)");
  ASSERT_TRUE(c.errors.empty()) << c.ErrorStrings()[0];
  ASSERT_EQ(c.records.size(), 1u);
  EXPECT_EQ(c.records[0].body, "<p>Body</p>");
  EXPECT_EQ(c.records[0].published, "2020-09-02");
  EXPECT_EQ(c.records[0].author, "AFP");
  EXPECT_EQ(c.records[0].outlet, "RDF Outlet");
}

TEST(FeedReaderTest, UndeclaredHtmlEntitiesAndWindows1252) {
  Collected c = ReadFeedBytes(
      "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n"
      "<rss><channel><title>Caf\xe9 \x93News\x94</title>"
      "<item><title>A&nbsp;B &hellip; &unknownent;</title>"
      "<description>x&nbsp;y \x80 5</description></item>"
      "</channel></rss>");
  ASSERT_TRUE(c.errors.empty()) << c.ErrorStrings()[0];
  ASSERT_EQ(c.records.size(), 1u);
  EXPECT_EQ(c.records[0].outlet, "Caf\u00e9 \u201cNews\u201d");
  EXPECT_EQ(c.records[0].title, "A\u00a0B \u2026 &unknownent;");
  EXPECT_EQ(c.records[0].body, "x&nbsp;y \u20ac 5");
}

TEST(FeedReaderTest, BrokenXmlDeliversCompletedItemsThenOneError) {
  Collected c = ReadFeedBytes(
      "<rss><channel><title>T</title>\n"
      "<item><title>1</title><description>one</description></item>\n"
      "<item><title>2</title><description>two</description></item>\n"
      "<item><title>3</title>\n"
      "<description>three</descriptio></item>\n"
      "<item><description>never</description></item></channel></rss>");
  EXPECT_EQ(c.Bodies(), (std::vector<std::string>{"one", "two"}));
  EXPECT_EQ(c.ErrorStrings(),
            (std::vector<std::string>{"news.rss: item 3, line 5: XML error: mismatched tag"}));
}

TEST(FeedReaderTest, CutShortFeedIsOneError) {
  Collected c = ReadFeedBytes("<rss><channel><item><description>one</description></item>\n<item>");
  EXPECT_EQ(c.Bodies(), (std::vector<std::string>{"one"}));
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].locator, "item 2, line 2");
  EXPECT_EQ(c.errors[0].message, "XML error: no element found");
}

TEST(FeedReaderTest, ItemsWithoutTextAreErrorsOthersGoOn) {
  Collected c = ReadFeedBytes(
      "<rss><channel>"
      "<item><description>one</description></item>"
      "<item><title>No text</title><description>  </description></item>"
      "<item><description>three</description></item>"
      "</channel></rss>");
  EXPECT_EQ(c.Bodies(), (std::vector<std::string>{"one", "three"}));
  EXPECT_EQ(c.Locators(), (std::vector<std::string>{"item 1", "item 3"}));
  EXPECT_EQ(c.ErrorStrings(),
            (std::vector<std::string>{"news.rss: item 2: no content, description or summary"}));
}

TEST(FeedReaderTest, OversizedItemIsAnError) {
  IngestOptions options;
  options.max_record_bytes = 1000;
  Collected c = ReadFeedBytes("<rss><channel><item><description>" + std::string(5000, 'x') +
                                  "</description></item><item><description>ok</description>"
                                  "</item></channel></rss>",
                              options);
  EXPECT_EQ(c.Bodies(), (std::vector<std::string>{"ok"}));
  EXPECT_EQ(c.ErrorStrings(),
            (std::vector<std::string>{"news.rss: item 1: larger than 1000 bytes"}));
}

TEST(FeedReaderTest, OverlongTokenStopsTheFeed) {
  IngestOptions options;
  options.max_record_bytes = 1000;
  Collected c = ReadFeedBytes("<rss><channel><item><description>a</description></item><item a=\"" +
                                  std::string(3 << 20, 'x') + "\"></item></channel></rss>",
                              options);
  EXPECT_EQ(c.Bodies(), (std::vector<std::string>{"a"}));
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].message, "XML token longer than 1000 bytes");
}

TEST(FeedReaderTest, ManyItemsAcrossChunks) {
  std::string feed = "<rss><channel><title>Big</title>";
  for (int i = 0; i < 20000; ++i) {
    feed += "<item><title>t" + std::to_string(i) + "</title><description>&lt;p&gt;body " +
            std::to_string(i) + "&lt;/p&gt;</description></item>\n";
  }
  feed += "</channel></rss>";
  Collected c = ReadFeedBytes(feed);
  ASSERT_TRUE(c.errors.empty());
  ASSERT_EQ(c.records.size(), 20000u);
  EXPECT_EQ(c.records[19999].body, "<p>body 19999</p>");
  EXPECT_EQ(c.records[19999].title, "t19999");
  EXPECT_EQ(c.records[19999].outlet, "Big");
}

}  // namespace
}  // namespace dossier
