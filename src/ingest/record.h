// RawRecord: one article as an input container delivers it, before cleaning.
//
// The ingest stage turns files, directories, stdin, feeds and archives into a
// stream of RawRecords and InputErrors. Nothing here is decoded or cleaned:
// `body` holds the bytes as found (the clean stage decodes them).
#ifndef DOSSIER_INGEST_RECORD_H_
#define DOSSIER_INGEST_RECORD_H_

#include <string>

namespace dossier {

enum class ContentKind {
  kText,  ///< a plain-text article
  kHtml,  ///< an HTML page or fragment; the clean stage extracts its main text
};

struct RawRecord {
  std::string path;     ///< the input path as the user gave it ("-" for stdin)
  std::string locator;  ///< where in the input: "" (whole file), "line 12", "item 3", "offset 4096"
  ContentKind kind = ContentKind::kText;
  std::string body;     ///< raw bytes of the article (text or HTML)
  std::string charset;  ///< charset the container declares (HTTP header, XML), or ""

  // Fields the container states (JSON Lines, feed item, WARC headers, a
  // `.meta.json` sidecar). Empty when not stated.
  std::string id;
  std::string url;
  std::string title;
  std::string published;  ///< as stated; the clean stage normalises it to ISO 8601
  std::string outlet;
  std::string language;
  std::string author;
};

// A problem with one record or one input; the rest of the input goes on.
struct InputError {
  std::string path;     ///< the input path as given
  std::string locator;  ///< "line 12", "item 3", "offset 4096", or "" for the whole file
  std::string message;  ///< what is wrong, for a human

  // "path: locator: message" (the locator part omitted when empty).
  std::string ToString() const {
    return locator.empty() ? path + ": " + message : path + ": " + locator + ": " + message;
  }
};

}  // namespace dossier

#endif  // DOSSIER_INGEST_RECORD_H_
