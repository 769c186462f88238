// PageDom: the compact view of a parsed web page that main-text extraction
// works on: text blocks in document order, the elements that hold them, and
// the raw metadata the page states (meta tags, JSON-LD, <title>, ...).
//
// BuildPageDom walks the myhtml tree iteratively (parent pointers and an
// explicit stack, never recursion); elements deeper than `max_depth` get no
// element entry (their text joins the deepest one kept), so any page
// finishes in time linear in its size.
//
// Thread-safety: plain data; BuildPageDom reads a tree the caller owns.
#ifndef DOSSIER_CLEAN_HTML_DOM_H_
#define DOSSIER_CLEAN_HTML_DOM_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

struct myhtml_tree;

namespace dossier {

enum class BlockKind : uint8_t {
  kParagraph,  ///< <p>
  kHeading,    ///< <h1>..<h6>
  kListItem,   ///< <li>, <dt>, <dd>
  kQuote,      ///< <blockquote>
  kPre,        ///< <pre> (newlines kept)
  kCell,       ///< <td>, <th>
  kOther,      ///< text directly in a <div>, <section>, ...
};

inline constexpr uint32_t kNoElement = 0xFFFFFFFF;

struct HtmlBlock {
  std::string text;         ///< entities decoded, whitespace collapsed, trimmed
  uint32_t element = 0;     ///< innermost block-level element holding the text
  uint32_t link_bytes = 0;  ///< bytes of `text` inside <a>
  uint16_t links = 0;       ///< <a> elements that started in the block (saturates)
  BlockKind kind = BlockKind::kOther;
  uint8_t heading_level = 0;  ///< 1..6 for kHeading
};

struct HtmlElement {
  uint32_t parent = kNoElement;
  uint32_t tag = 0;          ///< myhtml tag id
  uint32_t first_block = 0;  ///< blocks of the subtree: [first_block, end_block)
  uint32_t end_block = 0;
  uint32_t end_element = 0;  ///< descendants: (index, end_element)
  bool negative = false;     ///< nav/footer/aside/form, ARIA landmark, or class/id like "share"
  bool structural = false;   ///< negative by tag or ARIA role, not only by class/id words
  /// For an element negative by its class/id words: a hash of its class and
  /// id (never 0), so elements named alike can be judged together; else 0.
  uint32_t hint_group = 0;
  /// A hash of the class attribute (never 0), 0 when it has none: repeated
  /// items (the posts of a thread) share it.
  uint32_t class_hash = 0;
};

struct RawPageMeta {
  std::string html_lang;
  std::string title_tag;
  std::string canonical;
  std::string time_datetime;       ///< first <time datetime>
  std::string published_itemprop;  ///< itemprop=datePublished (content/datetime)
  // <meta> tags: (name, property, itemprop or http-equiv, lowercased; content).
  std::vector<std::pair<std::string, std::string>> metas;
  std::vector<std::string> json_ld;  ///< bodies of <script type="application/ld+json">
};

struct PageDom {
  std::vector<HtmlBlock> blocks;
  std::vector<HtmlElement> elements;  ///< in document (pre-)order
  RawPageMeta meta;
};

// Fills *dom from a parsed tree. Elements nested deeper than max_depth are
// flattened. script/style/svg/form controls and figcaptions give no text;
// hidden elements (hidden, aria-hidden, display:none) give none unless
// `keep_hidden` (streaming renderers park a page's whole body in a hidden
// <div> that a script reveals). <noscript> does give text (parsed with
// scripting off, it holds the text single-page apps and forums give
// crawlers).
void BuildPageDom(myhtml_tree* tree, size_t max_depth, bool keep_hidden, PageDom* dom);

}  // namespace dossier

#endif  // DOSSIER_CLEAN_HTML_DOM_H_
