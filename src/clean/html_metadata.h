// The metadata a web page states, from the raw values BuildPageDom collected.
//
// Order of trust per field:
//   title      on a page that declares itself an article, its only <h1>
//              (10-200 bytes); else one of the first three <h1> whose words the title tags
//              (og:title, twitter:title, JSON-LD headline, <title>) contain;
//              else the first title tag less its affix: the site's name
//              when it leads ("Site - Headline"), else all after the first
//              " | ", " - ", ... (pages name themselves first); else the <h1>
//   published  JSON-LD datePublished of an article, article:published_time,
//              meta date/pubdate/DC.date..., itemprop=datePublished,
//              datePublished of any JSON-LD object, any other meta whose
//              name speaks of publishing or a date (not of a change),
//              <time datetime>, a full date in a short line near the <h1>
//              or the text's start ("Published August 7, 2023"; "Updated
//              ..." lines last), or after a "Published"/"Posted" label
//              anywhere, a /2021/07/22/ date in the URL. ISO 8601 on the
//              page's own clock: a stated UTC offset is dropped, not
//              applied, so the day is the one the outlet names; a time
//              stated in UTC moves to the offset the page states in
//              another of its dates
//   author     JSON-LD author name(s), meta author (not a URL)
//   outlet     JSON-LD publisher name, og:site_name, application-name
//   url        <link rel=canonical>, og:url, JSON-LD url
//   language   <html lang>, Content-Language, JSON-LD inLanguage, og:locale;
//              primary subtag, lowercase
// JSON-LD that does not parse, or nests deeper than 64, is ignored.
//
// Thread-safety: free function.
#ifndef DOSSIER_CLEAN_HTML_METADATA_H_
#define DOSSIER_CLEAN_HTML_METADATA_H_

#include <string_view>

#include "clean/html_dom.h"
#include "clean/html_extractor.h"

namespace dossier {

// Fills every field of ExtractedPage except `text`, from dom.meta and the
// headings and short dated lines of dom.blocks. `body_block`: index of the
// main text's first block (dom.blocks.size() when there is none).
ExtractedPage PageMetadata(const PageDom& dom, size_t body_block);

// True when the page says it is an article: og:type "article" (any case),
// or a JSON-LD @type ending in "Article" or "Posting" (NewsArticle,
// BlogPosting, ...).
bool DeclaresArticle(const RawPageMeta& meta);

}  // namespace dossier

#endif  // DOSSIER_CLEAN_HTML_METADATA_H_
