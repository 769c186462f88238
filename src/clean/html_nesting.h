// LimitHtmlNesting: flattens elements nested deeper than a limit, before the
// HTML parser sees them.
//
// Why: an HTML tree builder checks "has an element in scope" for many start
// tags by walking its stack of open elements, so a page nested N deep costs
// O(N^2) (myhtml takes ~17 s on 100,000 nested <div>s). A cheap scan that
// tracks nesting like the tree builder does (void elements, implied end tags
// of p/li/td/..., raw text of script/style) drops the start and end tags
// beyond `max_depth`; their text stays, attached to the deepest element
// kept. Raw-text elements (script, style, ...) beyond the limit go whole, so
// their content never turns into text.
//
// Thread-safety: free function.
#ifndef DOSSIER_CLEAN_HTML_NESTING_H_
#define DOSSIER_CLEAN_HTML_NESTING_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace dossier {

// Returns true and fills *out when some element was nested deeper than
// max_depth; returns false (and leaves *out alone) when `html` is fine as is.
bool LimitHtmlNesting(std::string_view html, size_t max_depth, std::string* out);

}  // namespace dossier

#endif  // DOSSIER_CLEAN_HTML_NESTING_H_
