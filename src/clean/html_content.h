// Main-content selection over a PageDom (readability-like scoring).
//
// Every paragraph-like block of 25+ bytes scores 1 + its commas + one point
// per 100 bytes (at most 3) for the container that holds it (the parent of a
// <p>, or the <div> holding loose text), half of that for the container's
// parent and a sixth, a ninth for the next ancestors. Containers start from a
// tag bias (div +5, lists -3, headings -5) and a class/id bias (+/-25 for
// "article"/"content" vs "comment"/"share"), and their total is scaled by
// (1 - link density). The best container wins, with the siblings that score
// at least a fifth of it and sibling paragraphs that are long and link-poor.
// The blocks inside the chosen containers are kept in document order, except
// those inside boilerplate elements nested in them and link lists.
//
// Thread-safety: free function over caller-owned data.
#ifndef DOSSIER_CLEAN_HTML_CONTENT_H_
#define DOSSIER_CLEAN_HTML_CONTENT_H_

#include <cstddef>
#include <vector>

#include "clean/html_dom.h"

namespace dossier {

// Indexes into dom.blocks of the article's blocks, in document order.
std::vector<size_t> SelectMainBlocks(const PageDom& dom);

}  // namespace dossier

#endif  // DOSSIER_CLEAN_HTML_CONTENT_H_
