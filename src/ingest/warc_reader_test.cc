// Tests for warc_reader.h and http_response.h.
#include "ingest/warc_reader.h"

#include <gtest/gtest.h>

#include "ingest/http_response.h"
#include "ingest/ingest_test_util.h"

namespace dossier {
namespace {

using testing_util::Collected;
using testing_util::Gzip;
using testing_util::ReadBytes;
using testing_util::Zstd;

std::string WarcRecord(const std::string& type, const std::string& uri, const std::string& block,
                       const std::string& content_type = "application/http; msgtype=response") {
  std::string r = "WARC/1.0\r\nWARC-Type: " + type + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "WARC-Date: 2021-07-22T10:00:00Z\r\n";
  r += "WARC-Record-ID: <urn:uuid:0000>\r\n";
  r += "Content-Type: " + content_type + "\r\n";
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  return r + block + "\r\n\r\n";
}

std::string Http(const std::string& body,
                 const std::string& content_type = "text/html; charset=UTF-8", int status = 200,
                 const std::string& extra_headers = "") {
  return "HTTP/1.1 " + std::to_string(status) + " OK\r\nContent-Type: " + content_type +
         "\r\nServer: test\r\n" + extra_headers + "\r\n" + body;
}

std::string Warcinfo() {
  return WarcRecord("warcinfo", "", "software: test\r\nformat: WARC File Format 1.0\r\n",
                    "application/warc-fields");
}

Collected ReadWarcBytes(std::string bytes, const IngestOptions& options = {}) {
  return ReadBytes(std::move(bytes), std::nullopt, options, "cc.warc.gz");
}

TEST(WarcReaderTest, ResponsesBecomeRecordsOthersAreSkipped) {
  std::string page = "<html><body><p>Story</p></body></html>";
  std::string warc =
      Warcinfo() +
      WarcRecord("request", "https://ex.com/a", "GET /a HTTP/1.1\r\n\r\n",
                 "application/http; msgtype=request") +
      WarcRecord("response", "https://ex.com/a", Http(page)) +
      WarcRecord("metadata", "https://ex.com/a", "fetchTimeMs: 5\r\n", "application/warc-fields") +
      WarcRecord("response", "https://ex.com/404", Http("gone", "text/html", 404)) +
      WarcRecord("response", "https://ex.com/img", Http("\x89PNG", "image/png")) +
      WarcRecord("revisit", "https://ex.com/a", Http("")) +
      WarcRecord("response", "<https://ex.com/b>",
                 Http("<p>B</p>", "application/xhtml+xml;charset=\"iso-8859-1\""));
  Collected c = ReadWarcBytes(warc);
  ASSERT_TRUE(c.errors.empty()) << c.ErrorStrings()[0];
  ASSERT_EQ(c.records.size(), 2u);
  const RawRecord& a = c.records[0];
  EXPECT_EQ(a.path, "cc.warc.gz");
  EXPECT_EQ(a.body, page);
  EXPECT_EQ(a.kind, ContentKind::kHtml);
  EXPECT_EQ(a.charset, "UTF-8");
  EXPECT_EQ(a.url, "https://ex.com/a");
  EXPECT_EQ(a.id, "");
  size_t offset = warc.find("WARC/1.0\r\nWARC-Type: response");
  EXPECT_EQ(a.locator, "offset " + std::to_string(offset));
  EXPECT_EQ(c.records[1].url, "https://ex.com/b");
  EXPECT_EQ(c.records[1].charset, "iso-8859-1");
  EXPECT_EQ(c.records[1].body, "<p>B</p>");
}

// CC-NEWS: one gzip member per record; also zstd, and chunked / gzip-coded
// HTTP payloads.
TEST(WarcReaderTest, CompressedPerRecordAndCodedPayloads) {
  std::string page = "<html><p>chunked and gzipped</p></html>";
  std::string chunked;
  for (size_t i = 0; i < page.size(); i += 10) {
    std::string part = page.substr(i, 10);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", part.size());
    chunked += std::string(size) + ";ext=1\r\n" + part + "\r\n";
  }
  chunked += "0\r\n\r\n";
  std::string records[] = {
      Warcinfo(),
      WarcRecord("response", "https://ex.com/1",
                 Http(chunked, "text/html", 200, "Transfer-Encoding: chunked\r\n")),
      WarcRecord("response", "https://ex.com/2",
                 Http(Gzip(page), "text/html", 200, "Content-Encoding: gzip\r\n")),
      // Payload stored decoded although the header says gzip.
      WarcRecord("response", "https://ex.com/3",
                 Http(page, "text/html", 200, "Content-Encoding: gzip\r\n")),
      WarcRecord("response", "https://ex.com/4",
                 Http(page, "text/html", 200, "Transfer-Encoding: chunked\r\n")),
  };
  std::string gz, zst;
  for (const std::string& r : records) {
    gz += Gzip(r);
    zst += Zstd(r);
  }
  for (const std::string& bytes : {gz, zst}) {
    Collected c = ReadWarcBytes(bytes);
    ASSERT_TRUE(c.errors.empty()) << c.ErrorStrings()[0];
    ASSERT_EQ(c.records.size(), 4u);
    for (const RawRecord& r : c.records) EXPECT_EQ(r.body, page) << r.url;
  }
}

TEST(WarcReaderTest, WetConversionRecordsArePlainText) {
  Collected c = ReadWarcBytes(Warcinfo() + WarcRecord("conversion", "https://ex.com/t",
                                                      "Plain extracted text.", "text/plain"));
  ASSERT_EQ(c.records.size(), 1u);
  EXPECT_EQ(c.records[0].kind, ContentKind::kText);
  EXPECT_EQ(c.records[0].body, "Plain extracted text.");
}

TEST(WarcReaderTest, RecordCutShortIsOneErrorAfterTheGoodOnes) {
  std::string good = WarcRecord("response", "https://ex.com/a", Http("<p>A</p>"));
  std::string last =
      WarcRecord("response", "https://ex.com/b", Http("<p>" + std::string(500, 'b') + "</p>"));
  std::string warc = Warcinfo() + good + last.substr(0, last.size() - 300);
  Collected c = ReadWarcBytes(warc);
  EXPECT_EQ(c.Bodies(), (std::vector<std::string>{"<p>A</p>"}));
  ASSERT_EQ(c.errors.size(), 1u);
  size_t offset = Warcinfo().size() + good.size();
  size_t block = Http("<p>" + std::string(500, 'b') + "</p>").size();
  EXPECT_EQ(c.errors[0].ToString(), "cc.warc.gz: offset " + std::to_string(offset) +
                                        ": truncated record (expected " + std::to_string(block) +
                                        " bytes, got " + std::to_string(block - 296) + ")");
}

TEST(WarcReaderTest, TruncatedGzipMemberIsTheStreamError) {
  std::string a = Gzip(WarcRecord("response", "https://ex.com/a", Http("<p>A</p>")));
  std::string b = Gzip(WarcRecord("response", "https://ex.com/b", Http("<p>B</p>")));
  std::string bytes = a + b.substr(0, b.size() / 2);
  Collected c = ReadWarcBytes(bytes);
  EXPECT_EQ(c.Bodies(), (std::vector<std::string>{"<p>A</p>"}));
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].message,
            "truncated gzip stream at compressed offset " + std::to_string(bytes.size()));
}

TEST(WarcReaderTest, GarbageBetweenRecordsIsOneErrorThenResync) {
  std::string a = WarcRecord("response", "https://ex.com/a", Http("<p>A</p>"));
  std::string garbage =
      "this is not\nwhat a WARC header\r\nlooks like\n" + std::string(200000, 'z') + "\n";
  std::string b = WarcRecord("response", "https://ex.com/b", Http("<p>B</p>"));
  Collected c = ReadWarcBytes(a + garbage + b);
  EXPECT_EQ(c.Bodies(), (std::vector<std::string>{"<p>A</p>", "<p>B</p>"}));
  EXPECT_EQ(c.ErrorStrings(),
            (std::vector<std::string>{"cc.warc.gz: offset " + std::to_string(a.size()) +
                                      ": not a WARC record header; skipping to the next record"}));
  EXPECT_EQ(c.records[1].locator, "offset " + std::to_string(a.size() + garbage.size()));
}

TEST(WarcReaderTest, BadHeadersAreErrorsAndResync) {
  std::string a = WarcRecord("response", "https://ex.com/a", Http("<p>A</p>"));
  std::string no_length =
      "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: x12\r\n\r\nHTTP/1.1 200 "
      "OK\r\n\r\n<p>lost</p>\r\n\r\n";
  Collected c = ReadWarcBytes(a + no_length + a);
  EXPECT_EQ(c.Bodies(), (std::vector<std::string>{"<p>A</p>", "<p>A</p>"}));
  EXPECT_EQ(c.ErrorStrings(),
            (std::vector<std::string>{
                "cc.warc.gz: offset " + std::to_string(a.size()) +
                ": missing or invalid Content-Length; skipping to the next record"}));
}

TEST(WarcReaderTest, OversizedPayloadIsSkippedByStreaming) {
  IngestOptions options;
  options.max_record_bytes = 1 << 16;
  std::string big = "<p>" + std::string(1 << 20, 'x') + "</p>";
  std::string bytes = WarcRecord("response", "https://ex.com/big", Http(big)) +
                      WarcRecord("response", "https://ex.com/small", Http("<p>s</p>")) +
                      WarcRecord("response", "https://ex.com/big.png", Http(big, "image/png"));
  Collected c = ReadWarcBytes(bytes, options);
  EXPECT_EQ(c.Bodies(), (std::vector<std::string>{"<p>s</p>"}));
  EXPECT_EQ(
      c.ErrorStrings(),
      (std::vector<std::string>{"cc.warc.gz: offset 0: HTTP payload larger than 65536 bytes"}));
}

TEST(WarcReaderTest, MalformedHttpIsAnError) {
  std::string bad = WarcRecord("response", "https://ex.com/x", "garbage without a blank line");
  std::string good = WarcRecord("response", "https://ex.com/a", Http("<p>A</p>"));
  Collected c = ReadWarcBytes(Warcinfo() + bad + good);
  EXPECT_EQ(c.Bodies(), (std::vector<std::string>{"<p>A</p>"}));
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].message, "malformed HTTP response: no end of headers");
}

TEST(HttpResponseTest, ParseHead) {
  std::string head =
      "HTTP/1.1 200 OK\r\nContent-Type: text/HTML ; Charset = 'windows-1252'\r\n"
      "transfer-encoding: Chunked\r\nContent-Encoding: GZIP\r\n\r\n";
  ASSERT_EQ(FindHttpHeaderEnd(head + "body"), head.size());
  Result<HttpResponseHead> h = ParseHttpResponseHead(head);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->status, 200);
  EXPECT_EQ(h->media_type, "text/html");
  EXPECT_EQ(h->charset, "windows-1252");
  EXPECT_EQ(h->transfer_encoding, "chunked");
  EXPECT_EQ(h->content_encoding, "gzip");
  EXPECT_EQ(FindHttpHeaderEnd("HTTP/2 301\nLocation: x\n\nbody"), 24u);
  EXPECT_EQ(ParseHttpResponseHead("HTTP/2 301\nLocation: x\n\n")->status, 301);
  EXPECT_FALSE(ParseHttpResponseHead("ICY 200 OK\r\n\r\n").ok());
  EXPECT_FALSE(ParseHttpResponseHead("HTTP/1.1 OK\r\n\r\n").ok());
  EXPECT_EQ(FindHttpHeaderEnd("HTTP/1.1 200 OK\r\nno end"), std::string::npos);
}

TEST(HttpResponseTest, Chunked) {
  std::string body = "5\r\nhello\r\n7;x=y\r\n, world\r\n0\r\nTrailer: z\r\n\r\n";
  EXPECT_TRUE(DecodeChunked(&body));
  EXPECT_EQ(body, "hello, world");
  std::string cut = "5\r\nhello\r\n10\r\nonly this";
  EXPECT_TRUE(DecodeChunked(&cut));
  EXPECT_EQ(cut, "helloonly this");
  std::string plain = "<html>not chunked</html>";
  EXPECT_FALSE(DecodeChunked(&plain));
  EXPECT_EQ(plain, "<html>not chunked</html>");
}

TEST(HttpResponseTest, ContentCodings) {
  std::string page = "<html>" + std::string(1000, 'p') + "</html>";
  std::string gz = Gzip(page);
  EXPECT_TRUE(DecodeContentEncoding("gzip", 1 << 20, 200, &gz).ok());
  EXPECT_EQ(gz, page);
  std::string zs = Zstd(page);
  EXPECT_TRUE(DecodeContentEncoding("zstd", 1 << 20, 200, &zs).ok());
  EXPECT_EQ(zs, page);
  // deflate, zlib-wrapped (RFC) and raw (common): strip gzip framing of Gzip().
  std::string raw = Gzip(page).substr(10);
  raw.resize(raw.size() - 8);
  EXPECT_TRUE(DecodeContentEncoding("deflate", 1 << 20, 200, &raw).ok());
  EXPECT_EQ(raw, page);
  std::string too_big = Gzip(page);
  EXPECT_EQ(DecodeContentEncoding("gzip", 100, 0, &too_big).code(), Status::Code::kLimitExceeded);
  std::string br = "\x1b\x2a\x00";
  EXPECT_EQ(DecodeContentEncoding("br", 1 << 20, 200, &br).message(),
            "Content-Encoding \"br\" is not supported");
  std::string already = page;
  EXPECT_TRUE(DecodeContentEncoding("deflate", 1 << 20, 200, &already).ok());
  EXPECT_EQ(already, page);
}

}  // namespace
}  // namespace dossier
