// Article: one cleaned news article, the unit every later stage works on.
#ifndef DOSSIER_CLEAN_ARTICLE_H_
#define DOSSIER_CLEAN_ARTICLE_H_

#include <cstdint>
#include <string>

namespace dossier {

struct Article {
  std::string id;       ///< stated id, else 16 hex digits of the text's content hash
  std::string path;     ///< input path as given
  std::string locator;  ///< record within the input ("line 3"), or ""
  std::string url;
  std::string title;
  std::string author;
  std::string outlet;
  std::string dateline;   ///< e.g. "ERBIL, Kurdistan Region", or ""
  std::string published;  ///< ISO 8601, partial allowed: "2021", "2021-07", "2021-07-22",
                          ///< "2021-07-22T09:30:00Z"; "" when unknown
  std::string language;   ///< ISO 639-1 code ("en", "fr"), or "" when undetermined
  double language_confidence = 0.0;  ///< 0..1
  bool mixed_language = false;       ///< a second language holds a large share of the text
  // The article's text: UTF-8, NFC, paragraphs separated by one blank line
  // ("\n\n"), no other newlines, no leading/trailing whitespace. Every later
  // stage's offsets are byte offsets into this string.
  std::string text;
  uint64_t content_hash = 0;  ///< XXH64 of `text`: two articles with equal text are one
};

}  // namespace dossier

#endif  // DOSSIER_CLEAN_ARTICLE_H_
