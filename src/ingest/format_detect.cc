// Tested by format_detect_test.cc.
#include "ingest/format_detect.h"

#include <array>
#include <cstring>

#include "base/ascii.h"

namespace dossier {
namespace {

using namespace std::string_view_literals;

struct Magic {
  std::string_view bytes;
  const char* what;
};

// Binary formats people keep next to articles. Matched at offset 0.
constexpr std::array<Magic, 17> kBinaryMagic = {{
    {"%PDF-"sv, "PDF"},
    {"\x89PNG\r\n\x1a\n"sv, "PNG"},
    {"\xff\xd8\xff"sv, "JPEG"},
    {"GIF87a"sv, "GIF"},
    {"GIF89a"sv, "GIF"},
    {"PK\x03\x04"sv, "ZIP"},
    {"PK\x05\x06"sv, "ZIP"},
    {"\x7f"
     "ELF"sv,
     "ELF"},
    {"RIFF"sv, "RIFF"},
    {"OggS"sv, "Ogg"},
    {"ID3"sv, "MP3"},
    {"SQLite format 3"sv, "SQLite"},
    {"7z\xbc\xaf\x27\x1c"sv, "7-Zip"},
    {"Rar!\x1a\x07"sv, "RAR"},
    {"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"sv, "MS Office"},
    {"wOFF"sv, "WOFF"},
    {"\x00\x00\x01\x00"sv, "ICO"},
}};

bool ContainsNoCase(std::string_view s, std::string_view needle) {
  for (size_t i = 0; i + needle.size() <= s.size(); ++i) {
    if (ascii::StartsWithNoCase(s.substr(i), needle)) return true;
  }
  return false;
}

std::string_view SkipSpace(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && ascii::IsSpace(s[i])) ++i;
  return s.substr(i);
}

// UTF-16 text without a BOM: almost every high (or low) byte is NUL.
// Returns "utf-16le", "utf-16be" or "".
const char* GuessBomlessUtf16(std::string_view s) {
  size_t units = s.size() / 2;
  if (units < 4) return "";
  size_t zero_even = 0, zero_odd = 0;
  for (size_t i = 0; i < units * 2; i += 2) {
    zero_even += s[i] == 0;
    zero_odd += s[i + 1] == 0;
  }
  if (zero_odd * 10 >= units * 9 && zero_even == 0) return "utf-16le";
  if (zero_even * 10 >= units * 9 && zero_odd == 0) return "utf-16be";
  return "";
}

// Code units below 0x80 as ASCII, others as 'x': enough to sniff markup.
std::string Utf16ToAsciiSketch(std::string_view s, bool little_endian) {
  std::string out;
  out.reserve(s.size() / 2);
  for (size_t i = 0; i + 1 < s.size(); i += 2) {
    unsigned lo = static_cast<unsigned char>(s[little_endian ? i : i + 1]);
    unsigned hi = static_cast<unsigned char>(s[little_endian ? i + 1 : i]);
    unsigned unit = hi << 8 | lo;
    out.push_back(unit < 0x80 ? static_cast<char>(unit) : 'x');
  }
  return out;
}

Status BinaryError(const char* what) {
  return Status::InvalidInput(std::string("binary file, not an article (") + what + ")");
}

// Magic numbers and control bytes; OK when the head may be text.
Status CheckNotBinary(std::string_view raw, bool check_controls) {
  for (const Magic& m : kBinaryMagic) {
    if (raw.substr(0, m.bytes.size()) == m.bytes) return BinaryError(m.what);
  }
  if (raw.size() >= 4 && raw.substr(0, 3) == "BZh" && raw[3] >= '1' && raw[3] <= '9') {
    return Status::Unsupported("bzip2-compressed file (only gzip and zstd are read)");
  }
  if (raw.substr(0, 6) == std::string_view("\xfd"
                                           "7zXZ\0",
                                           6)) {
    return Status::Unsupported("xz-compressed file (only gzip and zstd are read)");
  }
  if (!check_controls) return Status::OK();
  size_t controls = 0;
  for (char ch : raw) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == 0) return BinaryError("NUL bytes");
    if ((c < 0x20 && !ascii::IsSpace(ch) && c != 0x1b) || c == 0x7f) ++controls;
  }
  if (controls * 20 > raw.size()) return BinaryError("control bytes");
  return Status::OK();
}

// Skips what may precede an XML/HTML root: declaration, processing
// instructions, comments, doctype. Sets *html_doctype for <!DOCTYPE html>,
// *xml_decl for <?xml. Returns the rest, starting at the root's '<', or ""
// when the head ends first.
std::string_view SkipProlog(std::string_view s, bool* xml_decl, bool* html_doctype) {
  for (;;) {
    s = SkipSpace(s);
    if (s.substr(0, 4) == "<!--") {
      size_t end = s.find("-->", 4);
      if (end == std::string_view::npos) return {};
      s = s.substr(end + 3);
    } else if (s.substr(0, 2) == "<?") {
      if (ascii::StartsWithNoCase(s, "<?xml")) *xml_decl = true;
      size_t end = s.find("?>", 2);
      if (end == std::string_view::npos) return {};
      s = s.substr(end + 2);
    } else if (s.substr(0, 2) == "<!") {
      if (ascii::StartsWithNoCase(s, "<!doctype html")) *html_doctype = true;
      size_t bracket = s.find('[');
      size_t close = s.find('>');
      if (close == std::string_view::npos) return {};
      // An internal subset may hold '>' characters: skip to "]>".
      if (bracket != std::string_view::npos && bracket < close) {
        close = s.find("]>", bracket);
        if (close == std::string_view::npos) return {};
        ++close;
      }
      s = s.substr(close + 1);
    } else {
      return s;
    }
  }
}

// The element name after '<' ("rdf:RDF", "html"), as written.
std::string_view TagName(std::string_view s) {
  size_t i = 1;
  while (i < s.size() && !ascii::IsSpace(s[i]) && s[i] != '>' && s[i] != '/') ++i;
  return s.substr(1, i - 1);
}

bool IsFeedRoot(std::string_view name) {
  size_t colon = name.rfind(':');
  std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);
  return local == "rss" || local == "feed" || local == "RDF";
}

constexpr std::array<std::string_view, 38> kHtmlTags = {
    "a",    "abbr",   "article", "aside",   "b",    "blockquote", "body",  "br",   "caption", "div",
    "em",   "figure", "footer",  "form",    "h1",   "h2",         "h3",    "h4",   "h5",      "h6",
    "head", "header", "hr",      "html",    "i",    "img",        "li",    "link", "meta",    "nav",
    "ol",   "p",      "script",  "section", "span", "strong",     "table", "ul"};

bool IsHtmlTag(std::string_view name) {
  std::string lower;
  for (char c : name) lower.push_back(ascii::ToLower(c));
  for (std::string_view t : kHtmlTags) {
    if (lower == t) return true;
  }
  return false;
}

// Number of opening or closing tags of common HTML elements.
int CountHtmlTags(std::string_view s) {
  int count = 0;
  for (size_t i = s.find('<'); i != std::string_view::npos; i = s.find('<', i + 1)) {
    size_t j = i + 1;
    if (j < s.size() && s[j] == '/') ++j;
    size_t k = j;
    while (k < s.size() && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
                            (s[k] >= '0' && s[k] <= '9'))) {
      ++k;
    }
    if (k == j || k >= s.size()) continue;
    if (s[k] != '>' && s[k] != '/' && !ascii::IsSpace(s[k])) continue;
    if (IsHtmlTag(s.substr(j, k - j))) ++count;
  }
  return count;
}

bool LooksLikeHtml(std::string_view s) {
  return ContainsNoCase(s, "<!doctype html") || ContainsNoCase(s, "<html") ||
         ContainsNoCase(s, "<head") || ContainsNoCase(s, "<body") || CountHtmlTags(s) >= 3;
}

// Markup: an XML feed, an HTML page, or other XML.
Result<Format> SniffMarkup(std::string_view s) {
  bool xml_decl = false, html_doctype = false;
  std::string_view root = SkipProlog(s, &xml_decl, &html_doctype);
  if (html_doctype) return Format::kHtml;
  if (!root.empty() && root[0] == '<') {
    std::string_view name = TagName(root);
    if (IsFeedRoot(name)) return Format::kFeed;
    if (IsHtmlTag(name)) return Format::kHtml;
    if (xml_decl && !name.empty()) {
      return Status::Unsupported("XML document with root element <" + std::string(name) +
                                 ">, not a feed or HTML page");
    }
  }
  return LooksLikeHtml(s) ? Format::kHtml : Format::kText;
}

bool IsWarcStart(std::string_view s) {
  return s.size() > 5 && s.substr(0, 5) == "WARC/" && s[5] >= '0' && s[5] <= '9';
}

Result<Format> SniffText(std::string_view s, bool complete) {
  s = SkipSpace(s);
  if (s.empty()) {
    if (complete) return Status::InvalidInput("empty file");
    return Format::kText;  // a long run of whitespace: the article reader decides
  }
  if (IsWarcStart(s)) return Format::kWarc;
  if (s[0] == '{') {
    std::string_view rest = s.substr(1);
    size_t nl = rest.find('\n');
    if (nl != std::string_view::npos && SkipSpace(rest.substr(0, nl)).empty()) {
      return Status::Unsupported(
          "a pretty-printed JSON document, not JSON Lines (one object per line)");
    }
    return Format::kJsonLines;
  }
  if (s[0] == '[' && SkipSpace(s.substr(1)).substr(0, 1) == "{") {
    return Status::Unsupported("a JSON array, not JSON Lines (one object per line)");
  }
  if (s[0] == '<') return SniffMarkup(s);
  return LooksLikeHtml(s) ? Format::kHtml : Format::kText;
}

}  // namespace

const char* FormatName(Format format) {
  switch (format) {
    case Format::kText:
      return "text";
    case Format::kHtml:
      return "HTML";
    case Format::kJsonLines:
      return "JSON Lines";
    case Format::kFeed:
      return "feed";
    case Format::kWarc:
      return "WARC";
  }
  return "?";
}

Result<SniffResult> SniffFormat(std::string_view head, bool complete) {
  SniffResult out;
  std::string sketch;  // UTF-16 seen as ASCII
  std::string_view body = head;
  bool utf16 = false;
  if (head.substr(0, 3) == "\xef\xbb\xbf") {
    out.charset = "utf-8";
    body = head.substr(3);
  } else if (head.substr(0, 2) == "\xff\xfe" || head.substr(0, 2) == "\xfe\xff") {
    utf16 = true;
    bool le = head[0] == '\xff';
    out.charset = le ? "utf-16le" : "utf-16be";
    sketch = Utf16ToAsciiSketch(head.substr(2), le);
  } else if (const char* guess = GuessBomlessUtf16(head); *guess != '\0') {
    utf16 = true;
    out.charset = guess;
    sketch = Utf16ToAsciiSketch(head, out.charset == "utf-16le");
  }
  if (utf16) body = sketch;
  // A WARC file holds binary payloads (images, gzip-coded pages) in its
  // first KiB: only its start is checked.
  bool warc = IsWarcStart(SkipSpace(body));
  DOSSIER_RETURN_IF_ERROR(CheckNotBinary(utf16 ? body : head, /*check_controls=*/!warc));
  Result<Format> format = SniffText(body, complete);
  if (!format.ok()) return format.status();
  if (utf16 && (*format == Format::kJsonLines || *format == Format::kWarc)) {
    return Status::Unsupported(std::string("UTF-16 ") + FormatName(*format) +
                               " (only UTF-8 is read)");
  }
  out.format = *format;
  return out;
}

}  // namespace dossier
