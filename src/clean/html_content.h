// Main-content selection over a PageDom.
//
// Each text block gets a value: for prose, its bytes outside links when
// there are at least 25 of them (headings and short lines count 0; <pre>
// a quarter: a pasted log is not the thread), less its link bytes. An element's value as a root is
// its blocks' values plus its children's, each level scaled by a decay; children that are
// boilerplate (nav, footer, aside, ARIA landmarks, class/id words like "comment", "share",
// "sidebar") count their text as a penalty instead. The element of highest value is the root;
// elements under a boilerplate one count for less, and under structural furniture (footer, nav,
// aside, header, ARIA landmarks) next to nothing: a privacy policy in a footer dialog or a
// testimonial carousel outweighs a short product text, but is not it. Class/id words are weak
// hints: an element holding more than half of the page's prose is never boilerplate ("has-sidebar"
// on a page wrapper).
//
// Two roots are computed: with decay 0.8 (the container whose own
// paragraphs make the text: an article without its teasers) and with no
// decay (everything link-poor around it: all the posts of a thread, an
// article split over sibling sections). The wide root wins when it adds
// three headings or more, or more than twice the core's text, or when the
// core holds under 1,000 bytes or a single block of prose, or when the core
// is one of three or more like items with prose (same tag and class under
// one parent: the posts of a thread, of which the core is the longest).
//
// Pages with little prose (under 1,000 bytes of it in the root: listings,
// shops, service pages) are read as a whole: every block counts its bytes,
// links count for half when they average 25 bytes or more (item titles) and
// against it otherwise (menus), no decay. With under 300 bytes of prose
// (a shop's grid, a link hub) shorter links count nothing instead: a grid
// of short product names is the text, and the boilerplate elements around
// the menus cut them. When that reading gives less than the root held, and
// the root holds 300 bytes of prose or more, the root stands (a thread whose
// software names every post a "comment").
//
// A page that does not declare itself an article (og:type, JSON-LD @type;
// see DeclaresArticle) and whose reading above holds under 2,000 bytes is
// read instead as everything outside its structural furniture (nav, header,
// footer, aside, ARIA landmarks, dialogs), less the link lists of elements
// class words name as boilerplate, when that gives four times the
// text: a thread, a service page or a catalogue whose few prose lines
// drew the reading into one corner. (Chosen on half of the WCXB dev pages
// by domain, checked on the other half and on the Zyte pages.)
//
// Under the root, every block is kept except those under a boilerplate
// element, under an element whose (pruned) value is negative, or in a block
// that is mostly links with a negative value. Linear in the page's size.
//
// Last, related-items sections go: a short line or heading that opens one
// ("Customers also bought", "Related posts", "Vous aimerez aussi", ...; a
// lexicon in English, French, German, Spanish, Italian) is dropped with
// the element it opens when that holds at most half of the text, else with
// what follows it up to the next heading of its level or the next prose.
//
// Thread-safety: free function over caller-owned data.
#ifndef DOSSIER_CLEAN_HTML_CONTENT_H_
#define DOSSIER_CLEAN_HTML_CONTENT_H_

#include <cstddef>
#include <vector>

#include "clean/html_dom.h"

namespace dossier {

struct MainBlocks {
  std::vector<size_t> blocks;  ///< indexes into dom.blocks, in document order
  bool whole_page = false;     ///< little prose: read as a listing, not an article
};

MainBlocks SelectMainBlocks(const PageDom& dom);

}  // namespace dossier

#endif  // DOSSIER_CLEAN_HTML_CONTENT_H_
