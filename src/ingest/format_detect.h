// Format detection: which container an input is, from its first bytes.
//
// Works on the decompressed stream, never on the file name:
//   - a UTF-8 / UTF-16 byte order mark and leading whitespace are skipped;
//   - "WARC/1." opens a WARC file;
//   - a first line starting with '{' is JSON Lines;
//   - XML whose root element is rss, feed (Atom) or rdf:RDF is a feed;
//   - a doctype html, <html>, <head>, <body>, or several common HTML tags
//     make HTML;
//   - anything else is plain text, unless the bytes look binary (NUL bytes,
//     a high share of control bytes, or the magic number of a known binary
//     format such as PDF, PNG, JPEG, ZIP or ELF).
//
// Thread-safety: pure functions.
#ifndef DOSSIER_INGEST_FORMAT_DETECT_H_
#define DOSSIER_INGEST_FORMAT_DETECT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dossier {

enum class Format {
  kText,       ///< one plain-text article
  kHtml,       ///< one HTML page
  kJsonLines,  ///< one JSON object per line
  kFeed,       ///< RSS 2.0, RSS 1.0 (RDF) or Atom
  kWarc,       ///< WARC/1.0 or 1.1 (Common Crawl, CC-NEWS)
};

const char* FormatName(Format format);

struct SniffResult {
  Format format = Format::kText;
  // The encoding a byte order mark declares ("utf-8", "utf-16le",
  // "utf-16be"), or "utf-16le"/"utf-16be" for BOM-less UTF-16 text; else "".
  std::string charset;
};

// How many leading bytes SniffFormat wants to see.
inline constexpr size_t kSniffBytes = 8 << 10;

// Detects the format of a stream from `head`, its first bytes (up to
// kSniffBytes); `complete` tells that head is the whole stream.
// Errors: InvalidInput "empty file" (nothing but whitespace), InvalidInput
// "binary file, not an article (<what>)", Unsupported for containers dossier
// does not read (bzip2, xz, JSON arrays, UTF-16 JSON Lines, other XML).
Result<SniffResult> SniffFormat(std::string_view head, bool complete);

}  // namespace dossier

#endif  // DOSSIER_INGEST_FORMAT_DETECT_H_
