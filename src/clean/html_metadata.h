// The metadata a web page states, from the raw values BuildPageDom collected.
//
// Order of trust per field:
//   title      JSON-LD headline, og:title, twitter:title, <title>, first <h1>;
//              a " | Site" / "Site - " affix is cut when the site name is
//              known (or when a side of <title> equals the <h1>)
//   published  JSON-LD datePublished, article:published_time, meta
//              date/pubdate/DC.date..., itemprop=datePublished, <time
//              datetime>, a /2021/07/22/ date in the URL; ISO 8601
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

// Fills every field of ExtractedPage except `text`.
// `first_h1`: the text of the page's first <h1>, or "".
ExtractedPage PageMetadata(const RawPageMeta& raw, std::string_view first_h1);

}  // namespace dossier

#endif  // DOSSIER_CLEAN_HTML_METADATA_H_
