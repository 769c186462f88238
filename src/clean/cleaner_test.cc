// Tests for clean/cleaner.h: the wiring of the clean stage.
#include "clean/cleaner.h"

#include <gtest/gtest.h>

#define XXH_INLINE_ALL
#include <cstdio>
#include <random>
#include <thread>
#include <vector>

#include <xxhash.h>

#include "clean/utf8.h"

namespace dossier {
namespace {

RawRecord TextRecord(std::string body) {
  RawRecord r;
  r.path = "in/a.txt";
  r.locator = "line 3";
  r.body = std::move(body);
  return r;
}

const std::string kStory =
    "French armed forces minister visits Iraq\n\n"
    "Aug 28, 2020\n\n"
    "BAGHDAD \xE2\x80\x94 France\xE2\x80\x99s defense minister headed to Iraq on Thursday to "
    "reiterate her country\xE2\x80\x99s commitment to Iraq\xE2\x80\x99s security.\n\n"
    "Share on Facebook\n\n"
    "The minister met with Kadhimi and Iraqi President Barham Salih, officials said.\n\n"
    "\xC2\xA9 2020 Example Monitor. All rights reserved.\n";

TEST(CleanerTest, PlainTextArticle) {
  ArticleCleaner cleaner;
  Result<Article> a = cleaner.Clean(TextRecord(kStory));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->text,
            "France\xE2\x80\x99s defense minister headed to Iraq on Thursday to reiterate her "
            "country\xE2\x80\x99s commitment to Iraq\xE2\x80\x99s security.\n\n"
            "The minister met with Kadhimi and Iraqi President Barham Salih, officials said.");
  EXPECT_EQ(a->title, "French armed forces minister visits Iraq");
  EXPECT_EQ(a->published, "2020-08-28");
  EXPECT_EQ(a->dateline, "BAGHDAD");
  EXPECT_EQ(a->outlet, "Example Monitor");
  EXPECT_EQ(a->language, "en");
  EXPECT_GT(a->language_confidence, 0.5);
  EXPECT_EQ(a->path, "in/a.txt");
  EXPECT_EQ(a->locator, "line 3");
  const uint64_t hash = XXH64(a->text.data(), a->text.size(), 0);
  EXPECT_EQ(a->content_hash, hash);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  EXPECT_EQ(a->id, hex);
}

TEST(CleanerTest, RecordFieldsWin) {
  RawRecord r = TextRecord(kStory);
  r.id = "feed-42";
  r.title = "  A stated\n title ";
  r.published = "Sat, 28 Aug 2021 10:00:00 +0200";
  r.outlet = "Stated Outlet";
  r.author = "Jane Doe";
  r.url = "https://example.com/a";
  r.language = "en";
  ArticleCleaner cleaner;
  Result<Article> a = cleaner.Clean(r);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->id, "feed-42");
  EXPECT_EQ(a->title, "A stated title");
  EXPECT_EQ(a->published, "2021-08-28T08:00:00Z");
  EXPECT_EQ(a->outlet, "Stated Outlet");
  EXPECT_EQ(a->author, "Jane Doe");
  EXPECT_EQ(a->url, "https://example.com/a");
  // With a stated title, a different first line stays in the body.
  EXPECT_EQ(a->text.rfind("French armed forces minister visits Iraq\n\n", 0), 0u);
}

TEST(CleanerTest, UnparseableStatedDateFallsBack) {
  RawRecord r = TextRecord(kStory);
  r.published = "sometime last week";
  ArticleCleaner cleaner;
  Result<Article> a = cleaner.Clean(r);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->published, "2020-08-28");
}

TEST(CleanerTest, HtmlRecord) {
  RawRecord r;
  r.kind = ContentKind::kHtml;
  r.body =
      "<html lang=fr><head><meta charset=\"iso-8859-1\"><title>Irak : discussions | Le "
      "Site</title><meta property=\"og:site_name\" content=\"Le Site\"></head><body><article>"
      "<h1>Irak : discussions</h1><p>Une d\xE9l\xE9gation irakienne a entam\xE9 jeudi \xE0 "
      "Washington des discussions sur la pr\xE9sence militaire am\xE9ricaine en Irak.</p>"
      "<p>Partager</p><p>Les discussions se poursuivront vendredi, a indiqu\xE9 le porte-parole. "
      "(AFP)</p></article></body></html>";
  ArticleCleaner cleaner;
  Result<Article> a = cleaner.Clean(r);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "Irak : discussions");
  EXPECT_EQ(a->outlet, "Le Site");  // the page's statement beats the text's "(AFP)"
  EXPECT_EQ(a->language, "fr");
  EXPECT_EQ(a->text,
            "Une délégation irakienne a entamé jeudi à Washington des discussions sur la présence "
            "militaire américaine en Irak.\n\nLes discussions se poursuivront vendredi, a indiqué "
            "le porte-parole.");
  r.title = "Record title";
  Result<Article> b = cleaner.Clean(r);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->title, "Record title");
}

TEST(CleanerTest, LegacyEncodings) {
  ArticleCleaner cleaner;
  RawRecord r = TextRecord(
      "Le pr\xE9sident fran\xE7"
      "ais a d\xE9"
      "clar\xE9 \x93nous resterons en Irak\x94 \x96 "
      "c\x92"
      "est la r\xE9ponse de l\x92\xC9lys\xE9"
      "e \xE0 la d\xE9l\xE9gation irakienne.");
  Result<Article> a = cleaner.Clean(r);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->text,
            "Le président français a déclaré “nous resterons en Irak” – c’est la réponse de "
            "l’Élysée à la délégation irakienne.");
  EXPECT_EQ(a->language, "fr");
  // UTF-16 with a BOM.
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("Troops will stay in Iraq, the minister said on Friday.")) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  Result<Article> b = cleaner.Clean(TextRecord(utf16));
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->text, "Troops will stay in Iraq, the minister said on Friday.");
}

TEST(CleanerTest, Rejections) {
  struct Case {
    std::string body;
    ContentKind kind;
    std::string_view message;
  };
  const Case cases[] = {
      {"", ContentKind::kText, "empty article"},
      {std::string("GIF89a\x01\x00\x01\x00\x00\xff", 12), ContentKind::kText,
       "binary content, not text"},
      {"Caf\xC3\xA9 cr\xC3\xA8me \xE9t\xC3\xA9", ContentKind::kText, "invalid UTF-8 at byte 13"},
      {"  \n\t\n  ", ContentKind::kText, "no article text left after cleaning"},
      {"Share on Facebook\n\nTweet\n\nPrint", ContentKind::kText,
       "no article text left after cleaning"},
      {"<html><body><nav>Home</nav></body></html>", ContentKind::kHtml,
       "no main text found in the page"},
  };
  ArticleCleaner cleaner;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.body);
    RawRecord r = TextRecord(c.body);
    r.kind = c.kind;
    Result<Article> a = cleaner.Clean(r);
    ASSERT_FALSE(a.ok());
    EXPECT_EQ(a.status().code(), Status::Code::kInvalidInput);
    EXPECT_EQ(a.status().message(), c.message);
  }
}

TEST(CleanerTest, MinTextBytes) {
  ArticleCleaner strict(CleanOptions{.min_text_bytes = 200});
  Result<Article> a = strict.Clean(TextRecord("A short text of a few words only."));
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().message(), "no article text left after cleaning");
  ArticleCleaner lax;
  EXPECT_TRUE(lax.Clean(TextRecord("A short text of a few words only.")).ok());
}

TEST(CleanerTest, ShortTextUsesLanguageHint) {
  ArticleCleaner cleaner;
  RawRecord r = TextRecord("Oui, merci.");
  Result<Article> a = cleaner.Clean(r);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->language, "");
  r.language = "fr";
  Result<Article> b = cleaner.Clean(r);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->language, "fr");
}

TEST(CleanerTest, SameTextSameIdAndHash) {
  ArticleCleaner cleaner;
  Result<Article> a = cleaner.Clean(TextRecord("One article.\r\n\r\nTwo lines."));
  Result<Article> b = cleaner.Clean(TextRecord("  One article.\n\n\n Two\xC2\xA0lines.  "));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->text, b->text);
  EXPECT_EQ(a->id, b->id);
  EXPECT_EQ(a->content_hash, b->content_hash);
  EXPECT_EQ(a->id.size(), 16u);
}

// Whatever the input, a cleaned article keeps the paragraph model and an
// error is InvalidInput.
TEST(CleanerTest, RandomInputsKeepTheInvariants) {
  static constexpr std::string_view kPieces[] = {"<p>",
                                                 "</p>",
                                                 "<div class=\"comments\">",
                                                 "</div>",
                                                 "<br>",
                                                 "<script>",
                                                 "</script>",
                                                 "<article>",
                                                 "<h1>",
                                                 "</h1>",
                                                 "&amp;",
                                                 "&nbsp;",
                                                 "<!--",
                                                 "-->",
                                                 "\n",
                                                 "\n\n",
                                                 "\r\n",
                                                 " ",
                                                 "\t",
                                                 "\xC2\xA0",
                                                 "\xE2\x80\x93",
                                                 "Comments",
                                                 "READ ALSO -",
                                                 "Photo: AFP",
                                                 "(AFP)",
                                                 "ERBIL, Kurdistan Region \xE2\x80\x93 ",
                                                 "Aug 28, 2020",
                                                 "date 2021-07 ",
                                                 "The minister arrived in Baghdad on Thursday.",
                                                 "Une d\xC3\xA9l\xC3\xA9gation irakienne.",
                                                 "\xE9",
                                                 "\xFF\xFE",
                                                 "\x01",
                                                 "e\xCC\x81",
                                                 "\xF0\x9F\x98\x80",
                                                 "* banned",
                                                 "\xC2\xA9 2020 X"};
  std::mt19937 rng(42);
  ArticleCleaner cleaner;
  int cleaned = 0;
  for (int i = 0; i < 400; ++i) {
    RawRecord r;
    r.kind = i % 3 == 0 ? ContentKind::kHtml : ContentKind::kText;
    const int n = static_cast<int>(rng() % 40);
    for (int k = 0; k < n; ++k) {
      if (rng() % 40 == 0) {
        r.body.push_back(static_cast<char>(rng() % 256));
      } else {
        r.body.append(kPieces[rng() % std::size(kPieces)]);
      }
    }
    SCOPED_TRACE(r.body);
    Result<Article> a = cleaner.Clean(r);
    if (!a.ok()) {
      EXPECT_EQ(a.status().code(), Status::Code::kInvalidInput);
      continue;
    }
    ++cleaned;
    const std::string& t = a->text;
    ASSERT_FALSE(t.empty());
    EXPECT_TRUE(ScanUtf8(t).valid);
    EXPECT_NE(t.front(), ' ');
    EXPECT_NE(t.back(), ' ');
    EXPECT_NE(t.front(), '\n');
    EXPECT_NE(t.back(), '\n');
    EXPECT_EQ(t.find("\n\n\n"), std::string::npos);
    for (size_t p = t.find('\n'); p != std::string::npos; p = t.find('\n', p + 2)) {
      ASSERT_LT(p + 1, t.size());
      EXPECT_EQ(t[p + 1], '\n');
    }
    EXPECT_EQ(t.find("  "), std::string::npos);
    EXPECT_EQ(a->id.size(), 16u);
    EXPECT_TRUE(ScanUtf8(a->title).valid);
    EXPECT_TRUE(ScanUtf8(a->outlet).valid);
  }
  EXPECT_GT(cleaned, 80);   // the invariants were checked on many articles
  EXPECT_LT(cleaned, 400);  // and the error paths were taken too
}

TEST(CleanerTest, ConcurrentClean) {
  ArticleCleaner cleaner;
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        Result<Article> a = cleaner.Clean(TextRecord(kStory));
        ok[t] += a.ok() && a->dateline == "BAGHDAD";
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int n : ok) EXPECT_EQ(n, 50);
}

}  // namespace
}  // namespace dossier
