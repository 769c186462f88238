// Tests for format_detect.h.
#include "ingest/format_detect.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

struct Case {
  std::string head;
  const char* want;  // format name, or the error message
  std::string charset = "";
};

std::string Utf16Le(std::string_view ascii, bool bom) {
  std::string out = bom ? "\xff\xfe" : "";
  for (char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

std::string Utf16Be(std::string_view ascii) {
  std::string out = "\xfe\xff";
  for (char c : ascii) {
    out.push_back('\0');
    out.push_back(c);
  }
  return out;
}

TEST(SniffFormatTest, Table) {
  const Case cases[] = {
      // Plain text, including text that mentions markup and braces.
      {"Iraq has been caught for years between Washington and Tehran.\n", "text"},
      {"  \n\tPARIS (AFP) - text", "text"},
      {"[Photo] A caption starts this article", "text"},
      {"He typed <b> once in a sentence.", "text"},
      {"\xef\xbb\xbfWith a BOM", "text", "utf-8"},
      {"Caf\xe9 cr\xe8me in Latin-1 is still text", "text"},
      // HTML.
      {"<!DOCTYPE html><html><body>x</body></html>", "HTML"},
      {"<!doctype HTML>\n<title>x</title>", "HTML"},
      {"<html lang=fr><head>", "HTML"},
      {"\n\n<head><meta charset=utf-8>", "HTML"},
      {"<body><p>x</p></body>", "HTML"},
      {"<p>First paragraph.</p>\n<p>Second.</p>", "HTML"},
      {"<div class=a>fragment</div>", "HTML"},
      {"<!-- saved page --><html>", "HTML"},
      {"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", "HTML"},
      {"Some leading junk\n<!DOCTYPE html>\n<html>", "HTML"},
      {"Title\n<p>one</p><p>two</p><br>", "HTML"},
      {"\xef\xbb\xbf<html>", "HTML", "utf-8"},
      // Feeds.
      {"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">", "feed"},
      {"<rss version=\"2.0\"><channel>", "feed"},
      {"<?xml version=\"1.0\"?><!-- c --><feed xmlns=\"http://www.w3.org/2005/Atom\">", "feed"},
      {"<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"x\">", "feed"},
      {"<?xml version=\"1.0\"?><?xml-stylesheet href=\"s.xsl\"?>\n<rss>", "feed"},
      {"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY nbsp \"&#160;\">]><rss>", "feed"},
      {Utf16Le("<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss>", true), "feed", "utf-16le"},
      // JSON Lines and WARC.
      {"{\"text\": \"a\"}\n{\"text\": \"b\"}\n", "JSON Lines"},
      {"\n  {\"html\": \"<p>a</p>\"}", "JSON Lines"},
      {"\xef\xbb\xbf{\"text\":\"a\"}", "JSON Lines", "utf-8"},
      {"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "WARC"},
      {"WARC/1.1\r\n", "WARC"},
      // UTF-16 text is text, not binary.
      {Utf16Le("A news article in UTF-16.", true), "text", "utf-16le"},
      {Utf16Be("A news article in UTF-16."), "text", "utf-16be"},
      {Utf16Le("A news article without BOM.", false), "text", "utf-16le"},
      // Errors.
      {"", "empty file"},
      {" \n\t\r\n ", "empty file"},
      {"\xef\xbb\xbf  \n", "empty file"},
      {"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "binary file, not an article (PDF)"},
      {"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary file, not an article (PNG)"},
      {"\xff\xd8\xff\xe0\0\x10JFIF", "binary file, not an article (JPEG)"},
      {"PK\x03\x04\x14\0\0\0", "binary file, not an article (ZIP)"},
      {std::string("\x7f"
                   "ELF\x02\x01\x01\0",
                   8),
       "binary file, not an article (ELF)"},
      {std::string("abc\0def", 7), "binary file, not an article (NUL bytes)"},
      {"text \x01\x02\x03\x04\x05\x06\x07\x08 more", "binary file, not an article (control bytes)"},
      {"BZh91AY&SY", "bzip2-compressed file (only gzip and zstd are read)"},
      {"{\n  \"text\": \"pretty\"\n}\n",
       "a pretty-printed JSON document, not JSON Lines (one object per line)"},
      {"[{\"text\": \"a\"}]", "a JSON array, not JSON Lines (one object per line)"},
      {"<?xml version=\"1.0\"?>\n<urlset xmlns=\"x\">",
       "XML document with root element <urlset>, not a feed or HTML page"},
      {Utf16Le("{\"text\": \"a\"}\n", true), "UTF-16 JSON Lines (only UTF-8 is read)"},
  };
  for (const Case& c : cases) {
    Result<SniffResult> got = SniffFormat(c.head, /*complete=*/true);
    std::string name = got.ok() ? FormatName(got->format) : got.status().message();
    EXPECT_EQ(name, c.want) << "head: " << c.head;
    if (got.ok()) {
      EXPECT_EQ(got->charset, c.charset) << "head: " << c.head;
    }
  }
}

TEST(SniffFormatTest, WhitespaceHeadOfALongerStreamIsNotEmpty) {
  Result<SniffResult> got = SniffFormat(std::string(kSniffBytes, ' '), /*complete=*/false);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->format, Format::kText);
}

}  // namespace
}  // namespace dossier
