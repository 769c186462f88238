// HtmlExtractor: main text and metadata of a web page (myhtml parser).
//
// Keeps the article body (headings, paragraphs, lists, block quotes, table
// cells) and drops navigation, menus, related lists, teasers, comments,
// banners, share widgets, captions, scripts and styles (html_content.h says
// how). Pages with little prose (listings, shops, service pages) keep their
// items instead, each repeated block once; an article drops a repeated run
// of blocks (a second copy of its text) but keeps a lone repeat (a pull
// quote). A dated page with no text (a post a script renders) gives the
// description its meta tags state. A page with next to no visible
// text is read again with its hidden elements (streaming renderers park
// the body in a hidden <div>). Metadata: see html_metadata.h.
//
// Parsing: myhtml in single-thread mode. Its parser objects are not
// thread-safe and costly to set up (~0.5 ms), so each HtmlExtractor keeps a
// small mutex-guarded pool of them; a call borrows one for its duration.
// Pages nested deeper than max_depth are refused with InvalidInput (a
// cheap scan, html_nesting.h, finds them before parsing); the rest are
// walked iteratively, so no page can overflow the stack or take quadratic
// time.
//
// Thread-safety: Extract() is const and safe to call from several threads.
#ifndef DOSSIER_CLEAN_HTML_EXTRACTOR_H_
#define DOSSIER_CLEAN_HTML_EXTRACTOR_H_

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dossier {

struct ExtractedPage {
  std::string title;
  std::string author;
  std::string published;  ///< ISO 8601 (partial allowed) on the page's own clock (no
                          ///< zone: the day the outlet names), "" when not found
  std::string language;   ///< from <html lang> or meta, "" when not stated
  std::string outlet;     ///< og:site_name, publisher name, ...
  std::string url;        ///< canonical or og:url when stated
  std::string text;       ///< paragraphs separated by "\n\n"
};

struct HtmlExtractorOptions {
  size_t max_depth = 1024;  ///< a page nested deeper is refused (InvalidInput)
};

class HtmlExtractor {
 public:
  explicit HtmlExtractor(HtmlExtractorOptions options = {});

  // REQUIRES: html is UTF-8. Returns InvalidInput when the page cannot be
  // parsed or holds no main text.
  Result<ExtractedPage> Extract(std::string_view html) const;

 private:
  struct ParserPool;  // added with the implementation: reusable myhtml parsers

  HtmlExtractorOptions options_;
  std::shared_ptr<ParserPool> pool_;  // shared by copies; internally synchronised
};

}  // namespace dossier

#endif  // DOSSIER_CLEAN_HTML_EXTRACTOR_H_
