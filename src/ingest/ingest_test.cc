// End-to-end tests of ReadInput (ingest.h): files, directories, sidecars,
// compression, content detection, and every kind of bad input.
#include "ingest/ingest.h"

#include <chrono>
#include <filesystem>

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/ingest_test_util.h"

namespace dossier {
namespace {

using testing_util::Collected;
using testing_util::Gzip;
using testing_util::ReadPath;
using testing_util::TempDir;
using testing_util::WriteFile;
using testing_util::Zstd;

const char kText[] =
    "PARIS (AFP) - French President Emmanuel Macron on Wednesday affirmed in "
    "Baghdad his support for Iraq's sovereignty.\n\nSecond paragraph.\n";
const char kHtml[] =
    "<!DOCTYPE html><html><head><title>T</title></head><body><p>Story</p></body></html>";
const char kJsonl[] =
    "{\"id\":\"j1\",\"text\":\"first\"}\n{\"html\":\"<p>second</p>\",\"outlet\":\"O\"}\n";
const char kTwoItemRss[] =
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed</title>"
    "<item><title>I1</title><description>&lt;p&gt;one&lt;/p&gt;</description></item>"
    "<item><title>I2</title><description>two</description></item></channel></rss>";

std::string Warc() {
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>warc page</p>";
  return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://ex.com/w\r\n"
         "Content-Type: application/http; msgtype=response\r\nContent-Length: " +
         std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

// A gzip stream whose deflate data is overwritten.
std::string Corrupt(std::string gz) {
  for (size_t i = 10; i < 20 && i < gz.size(); ++i) gz[i] = '\xff';
  return gz;
}

enum class Packing { kPlain, kGzip, kZstd };

std::string Pack(const std::string& data, Packing p) {
  switch (p) {
    case Packing::kPlain:
      return data;
    case Packing::kGzip:
      return Gzip(data);
    case Packing::kZstd:
      return Zstd(data);
  }
  return data;
}

// Every format, plain and compressed, with honest and with misleading names:
// content decides.
TEST(ReadInputTest, EachFormatPlainGzipZstdWhateverTheName) {
  struct Case {
    std::string content;
    std::string honest_name;
    std::vector<std::string> bodies;
    std::vector<std::string> locators;
    ContentKind kind;
  } cases[] = {
      {kText, "a.txt", {kText}, {""}, ContentKind::kText},
      {kHtml, "a.html", {kHtml}, {""}, ContentKind::kHtml},
      {kJsonl, "a.jsonl", {"first", "<p>second</p>"}, {"line 1", "line 2"}, ContentKind::kText},
      {kTwoItemRss, "a.rss", {"<p>one</p>", "two"}, {"item 1", "item 2"}, ContentKind::kHtml},
      {Warc(), "a.warc", {"<p>warc page</p>"}, {"offset 0"}, ContentKind::kHtml},
  };
  TempDir dir;
  int n = 0;
  for (const Case& c : cases) {
    for (Packing packing : {Packing::kPlain, Packing::kGzip, Packing::kZstd}) {
      const char* suffix[] = {"", ".gz", ".zst"};
      for (std::string name : {c.honest_name + suffix[static_cast<int>(packing)],
                               "misleading" + std::to_string(n) + ".png"}) {
        std::string path = dir / std::to_string(n++) + "_" + name;
        WriteFile(path, Pack(c.content, packing));
        Collected got = ReadPath(path);
        EXPECT_TRUE(got.errors.empty()) << path << ": " << got.ErrorStrings()[0];
        EXPECT_EQ(got.Bodies(), c.bodies) << path;
        EXPECT_EQ(got.Locators(), c.locators) << path;
        ASSERT_FALSE(got.records.empty()) << path;
        EXPECT_EQ(got.records[0].path, path);
        EXPECT_EQ(got.records[0].kind, c.kind) << path;
      }
    }
  }
}

TEST(ReadInputTest, SidecarMetadata) {
  TempDir dir;
  WriteFile(dir / "000_a.txt", kText);
  WriteFile(dir / "000_a.meta.json",
            R"({"outlet": "Teller Report", "title": "T", "id": 7, "url": "https://t/1",
                "published": "2020-09-02", "language": "en", "author": "A", "other": [1]})");
  WriteFile(dir / "001_b.html.gz", Gzip(kHtml));
  WriteFile(dir / "001_b.meta.json", R"({"outlet": "Gz Outlet"})");
  WriteFile(dir / "002_c.txt", kText);  // no sidecar
  Collected c = ReadPath(dir.path());
  ASSERT_TRUE(c.errors.empty()) << c.ErrorStrings()[0];
  ASSERT_EQ(c.records.size(), 3u);
  const RawRecord& a = c.records[0];
  EXPECT_EQ(a.outlet, "Teller Report");
  EXPECT_EQ(a.title, "T");
  EXPECT_EQ(a.id, "7");
  EXPECT_EQ(a.url, "https://t/1");
  EXPECT_EQ(a.published, "2020-09-02");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.author, "A");
  EXPECT_EQ(c.records[1].outlet, "Gz Outlet");
  EXPECT_EQ(c.records[1].kind, ContentKind::kHtml);
  EXPECT_EQ(c.records[2].outlet, "");
  // Named explicitly, the sidecar is found too.
  Collected one = ReadPath(dir / "000_a.txt");
  ASSERT_EQ(one.records.size(), 1u);
  EXPECT_EQ(one.records[0].outlet, "Teller Report");
}

TEST(ReadInputTest, MalformedSidecarIsAnErrorTheArticleStillComes) {
  struct Case {
    std::string sidecar;
    std::string message;
  } cases[] = {
      {"{\"outlet\": ", "malformed sidecar: malformed JSON: "},
      {"[\"outlet\"]", "malformed sidecar: not a JSON object"},
      {"{\"outlet\": 5}", "malformed sidecar: field \"outlet\" is not a string"},
  };
  for (const Case& c : cases) {
    TempDir dir;
    WriteFile(dir / "a.txt", kText);
    WriteFile(dir / "a.meta.json", c.sidecar);
    Collected got = ReadPath(dir.path());
    ASSERT_EQ(got.records.size(), 1u) << c.sidecar;
    EXPECT_EQ(got.records[0].body, kText);
    EXPECT_EQ(got.records[0].outlet, "");
    ASSERT_EQ(got.errors.size(), 1u) << c.sidecar;
    EXPECT_EQ(got.errors[0].path, dir / "a.meta.json");
    EXPECT_EQ(got.errors[0].locator, "");
    EXPECT_EQ(got.errors[0].message.substr(0, c.message.size()), c.message);
  }
}

TEST(ReadInputTest, DirectoryOrderSkippingAndPaths) {
  TempDir dir;
  WriteFile(dir / "b.txt", "bee");
  WriteFile(dir / "a.txt", "ay");
  WriteFile(dir / "sub/c.jsonl", "{\"text\":\"sea\"}\n");
  WriteFile(dir / "notes.md", "# not an article");
  WriteFile(dir / "photo.png", "\x89PNG\r\n\x1a\n");
  WriteFile(dir / ".hidden.txt", "hidden");
  WriteFile(dir / "z.meta.json", "{}");
  std::string root = dir.path() + "/";  // as the user typed it, slash included
  Collected c = ReadPath(root);
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(c.Bodies(), (std::vector<std::string>{"ay", "bee", "sea"}));
  ASSERT_EQ(c.records.size(), 3u);
  EXPECT_EQ(c.records[0].path, root + "a.txt");
  EXPECT_EQ(c.records[2].path, root + "sub/c.jsonl");
  EXPECT_EQ(c.counts.records, 3u);
}

TEST(ReadInputTest, TheSeedSamples) {
  std::string samples = std::string(DOSSIER_SOURCE_DIR) + "/samples";
  if (!std::filesystem::exists(samples)) GTEST_SKIP() << "no samples/";
  Collected c = ReadPath(samples);
  EXPECT_TRUE(c.errors.empty());
  ASSERT_EQ(c.records.size(), 5u);
  for (const RawRecord& r : c.records) {
    EXPECT_EQ(r.kind, ContentKind::kText) << r.path;
    EXPECT_FALSE(r.outlet.empty()) << r.path;
    EXPECT_GT(r.body.size(), 500u) << r.path;
  }
  EXPECT_EQ(c.records[4].outlet, "Belga");
}

// Every bad input: exactly one error naming path and locator, and the good
// inputs around it are still read.
TEST(ReadInputTest, BadFilesAreOneErrorEachAndTheRestIsRead) {
  std::string big_gz;
  {
    std::string jsonl;
    for (int i = 0; i < 3000; ++i)
      jsonl += "{\"text\":\"record " + std::to_string(i) + " of many\"}\n";
    big_gz = Gzip(jsonl);
  }
  struct Case {
    std::string name;
    std::string content;
    std::string locator;
    std::string message_prefix;
  } cases[] = {
      {"empty.txt", "", "", "empty file"},
      {"blank.txt", " \n\t\n", "", "empty file"},
      {"empty.txt.gz", Gzip(""), "", "empty file"},
      {"binary.txt", std::string("\x01\x02\x00\x00\xde\xad\xbe\xef", 8), "",
       "binary file, not an article"},
      {"doc.html", "%PDF-1.4\n...", "", "binary file, not an article (PDF)"},
      {"truncated.txt.gz", Gzip(kText).substr(0, 30), "",
       "truncated gzip stream at compressed offset 30"},
      {"corrupt.jsonl.gz", Corrupt(Gzip(kJsonl)), "", "corrupt gzip stream at compressed offset"},
      {"feed.xml", "<rss><channel><item><description>x</descr></item></channel></rss>",
       "item 1, line 1", "XML error: mismatched tag"},
      {"bad.jsonl", "{\"text\": oops}\n", "line 1", "malformed JSON: "},
  };
  TempDir dir;
  WriteFile(dir / "0_good.txt", kText);
  for (size_t i = 0; i < std::size(cases); ++i) {
    WriteFile(dir / (std::to_string(i + 1) + "_" + cases[i].name), cases[i].content);
  }
  WriteFile(dir / "9_good.txt", kText);
  Collected c = ReadPath(dir.path());
  ASSERT_EQ(c.errors.size(), std::size(cases)) << ::testing::PrintToString(c.ErrorStrings());
  for (size_t i = 0; i < std::size(cases); ++i) {
    const InputError& e = c.errors[i];
    EXPECT_EQ(e.path, dir / (std::to_string(i + 1) + "_" + cases[i].name));
    EXPECT_EQ(e.locator, cases[i].locator) << e.ToString();
    EXPECT_EQ(e.message.substr(0, cases[i].message_prefix.size()), cases[i].message_prefix)
        << e.ToString();
  }
  ASSERT_EQ(c.records.size(), 2u);
  EXPECT_EQ(c.records[0].path, dir / "0_good.txt");
  EXPECT_EQ(c.records[1].path, dir / "9_good.txt");
  EXPECT_EQ(c.counts.errors, std::size(cases));
}

TEST(ReadInputTest, OversizedArticle) {
  TempDir dir;
  WriteFile(dir / "big.txt", std::string(2000, 'w'));
  IngestOptions options;
  options.max_record_bytes = 1000;
  Collected c = ReadPath(dir / "big.txt", options);
  EXPECT_TRUE(c.records.empty());
  EXPECT_EQ(c.ErrorStrings(),
            (std::vector<std::string>{dir / "big.txt" + ": article larger than 1000 bytes"}));
}

TEST(ReadInputTest, MissingAndUnreadablePaths) {
  TempDir dir;
  WriteFile(dir / "file.txt", kText);
  struct Case {
    std::string path;
    std::string error;
  } cases[] = {
      {dir / "does-not-exist", dir / "does-not-exist" + ": cannot open: No such file or directory"},
      {dir / "file.txt/inside", dir / "file.txt/inside" + ": cannot open: Not a directory"},
      {"", ": cannot open: No such file or directory"},
  };
  for (const Case& c : cases) {
    Collected got = ReadPath(c.path);
    EXPECT_TRUE(got.records.empty());
    EXPECT_EQ(got.ErrorStrings(), std::vector<std::string>{c.error});
  }
}

TEST(ReadInputTest, PermissionDenied) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  TempDir dir;
  WriteFile(dir / "a.txt", kText);
  WriteFile(dir / "b.txt", kText);
  ASSERT_EQ(::chmod((dir / "a.txt").c_str(), 0), 0);
  Collected c = ReadPath(dir.path());
  EXPECT_EQ(c.ErrorStrings(),
            std::vector<std::string>{dir / "a.txt" + ": cannot open: Permission denied"});
  ASSERT_EQ(c.records.size(), 1u);
  EXPECT_EQ(c.records[0].path, dir / "b.txt");
}

// 1 GiB of JSON Lines squeezed ~1000:1: the ratio limit stops it early, after
// the records that came before.
TEST(ReadInputTest, ZipBombIsStoppedFast) {
  auto start = std::chrono::steady_clock::now();
  std::string line = "{\"text\":\"" + std::string(1000, 'z') + "\"}\n";
  std::string block;
  while (block.size() < (1u << 20)) block += line;
  TempDir dir;
  for (Packing packing : {Packing::kGzip, Packing::kZstd}) {
    std::string member = Pack(block, packing);
    std::string bomb;
    for (int i = 0; i < 1024; ++i) bomb += member;
    std::string path = dir / (packing == Packing::kGzip ? "bomb.jsonl.gz" : "bomb.jsonl.zst");
    WriteFile(path, bomb);
    IngestOptions options;
    options.max_decompression_ratio = 200;
    options.max_record_bytes = 64 << 10;  // also the slack: the bomb trips sooner
    Collected c = ReadPath(path, options);
    ASSERT_EQ(c.errors.size(), 1u) << path;
    EXPECT_EQ(c.errors[0].path, path);
    EXPECT_EQ(c.errors[0].locator, "line " + std::to_string(c.records.size() + 1));
    EXPECT_NE(c.errors[0].message.find("expands more than 200 times"), std::string::npos)
        << c.errors[0].message;
    EXPECT_GT(c.records.size(), 10u);
    EXPECT_LT(c.records.size(), 100000u);  // far from the million lines of 1 GiB
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(8));
}

TEST(ReadInputTest, StopAcrossFilesOfADirectory) {
  TempDir dir;
  for (const char* name : {"1.txt", "2.txt", "3.txt"}) WriteFile(dir / name, kText);
  int seen = 0;
  IngestCounts n = ReadInput(
      dir.path(), IngestOptions{}, [&](RawRecord&&) { return ++seen < 2; },
      [](const InputError&) {});
  EXPECT_EQ(seen, 2);
  EXPECT_EQ(n.records, 2u);
}

}  // namespace
}  // namespace dossier
