// Tested by html_extractor_test.cc.
#include "clean/html_dom.h"

#include <algorithm>
#include <string_view>

#include <myhtml/api.h>

#include "base/ascii.h"
#include "clean/text_util.h"

namespace dossier {
namespace {

// Class/id words of page furniture (readability's "unlikely candidates").
constexpr std::string_view kNegativeHints[] = {
    "nav",        "menu",      "footer",   "comment",    "share",     "social",     "related",
    "promo",      "advert",    "cookie",   "banner",     "subscribe", "newsletter", "sidebar",
    "breadcrumb", "caption",   "byline",   "popup",      "modal",     "sponsor",    "outbrain",
    "taboola",    "masthead",  "toolbar",  "paywall",    "signup",    "disqus",     "recommend",
    "trending",   "most-read", "mostread", "pagination", "skip-link", "author-bio", "reviews",
    "consent",    "gdpr",
};
// Hints that count only at the start of a class or id name: WordPress
// sidebars are "widget widget_text", but page builders wrap every block of
// the body in "elementor-widget" or "wp-block-widget-area".
constexpr std::string_view kNamePrefixHints[] = {"widget"};
// Exact class/id tokens for ads: "ad", "ads" (a substring would hit "head").
constexpr std::string_view kAdTokens[] = {"ad", "ads", "advertisement", "adslot", "ad-slot"};

enum Handling : uint8_t {
  kInline,  // text flows into the current block
  kBlock,   // starts and ends a block
  kBreak,   // <br>, <hr>: ends the current block
  kSkip,    // no text from the subtree
};

Handling HandlingOf(myhtml_tag_id_t tag) {
  switch (tag) {
    case MyHTML_TAG_SCRIPT:
    case MyHTML_TAG_STYLE:
    case MyHTML_TAG_TEMPLATE:
    case MyHTML_TAG_IFRAME:
    case MyHTML_TAG_SVG:
    case MyHTML_TAG_MATH:
    case MyHTML_TAG_CANVAS:
    case MyHTML_TAG_BUTTON:
    case MyHTML_TAG_SELECT:
    case MyHTML_TAG_OPTION:
    case MyHTML_TAG_TEXTAREA:
    case MyHTML_TAG_INPUT:
    case MyHTML_TAG_OBJECT:
    case MyHTML_TAG_EMBED:
    case MyHTML_TAG_AUDIO:
    case MyHTML_TAG_VIDEO:
    case MyHTML_TAG_FIGCAPTION:
    case MyHTML_TAG_TITLE:
    case MyHTML_TAG_DIALOG:
    case MyHTML_TAG__COMMENT:
      return kSkip;
    case MyHTML_TAG_BR:
    case MyHTML_TAG_HR:
      return kBreak;
    case MyHTML_TAG_P:
    case MyHTML_TAG_H1:
    case MyHTML_TAG_H2:
    case MyHTML_TAG_H3:
    case MyHTML_TAG_H4:
    case MyHTML_TAG_H5:
    case MyHTML_TAG_H6:
    case MyHTML_TAG_LI:
    case MyHTML_TAG_BLOCKQUOTE:
    case MyHTML_TAG_PRE:
    case MyHTML_TAG_TD:
    case MyHTML_TAG_TH:
    case MyHTML_TAG_DIV:
    case MyHTML_TAG_SECTION:
    case MyHTML_TAG_ARTICLE:
    case MyHTML_TAG_MAIN:
    case MyHTML_TAG_UL:
    case MyHTML_TAG_OL:
    case MyHTML_TAG_TABLE:
    case MyHTML_TAG_TR:
    case MyHTML_TAG_TBODY:
    case MyHTML_TAG_THEAD:
    case MyHTML_TAG_TFOOT:
    case MyHTML_TAG_CAPTION:
    case MyHTML_TAG_FIGURE:
    case MyHTML_TAG_HEADER:
    case MyHTML_TAG_FOOTER:
    case MyHTML_TAG_NAV:
    case MyHTML_TAG_ASIDE:
    case MyHTML_TAG_FORM:
    case MyHTML_TAG_DL:
    case MyHTML_TAG_DT:
    case MyHTML_TAG_DD:
    case MyHTML_TAG_ADDRESS:
    case MyHTML_TAG_CENTER:
    case MyHTML_TAG_DETAILS:
    case MyHTML_TAG_SUMMARY:
    case MyHTML_TAG_MENU:
    case MyHTML_TAG_HGROUP:
    case MyHTML_TAG_BODY:
    case MyHTML_TAG_HTML:
    case MyHTML_TAG_HEAD:
    case MyHTML_TAG_NOSCRIPT:
      return kBlock;
    default:
      return kInline;
  }
}

BlockKind KindOf(myhtml_tag_id_t tag, uint8_t* level) {
  *level = 0;
  switch (tag) {
    case MyHTML_TAG_P:
      return BlockKind::kParagraph;
    case MyHTML_TAG_H1:
      *level = 1;
      return BlockKind::kHeading;
    case MyHTML_TAG_H2:
      *level = 2;
      return BlockKind::kHeading;
    case MyHTML_TAG_H3:
      *level = 3;
      return BlockKind::kHeading;
    case MyHTML_TAG_H4:
      *level = 4;
      return BlockKind::kHeading;
    case MyHTML_TAG_H5:
      *level = 5;
      return BlockKind::kHeading;
    case MyHTML_TAG_H6:
      *level = 6;
      return BlockKind::kHeading;
    case MyHTML_TAG_LI:
    case MyHTML_TAG_DT:
    case MyHTML_TAG_DD:
      return BlockKind::kListItem;
    case MyHTML_TAG_BLOCKQUOTE:
      return BlockKind::kQuote;
    case MyHTML_TAG_PRE:
      return BlockKind::kPre;
    case MyHTML_TAG_TD:
    case MyHTML_TAG_TH:
      return BlockKind::kCell;
    default:
      return BlockKind::kOther;
  }
}

bool SoftNegativeTag(myhtml_tag_id_t tag) {
  return tag == MyHTML_TAG_NAV || tag == MyHTML_TAG_FOOTER || tag == MyHTML_TAG_ASIDE ||
         tag == MyHTML_TAG_FORM || tag == MyHTML_TAG_MENU || tag == MyHTML_TAG_HEADER;
}

std::string_view Attr(myhtml_tree_node_t* node, std::string_view key) {
  myhtml_tree_attr_t* attr = myhtml_attribute_by_key(node, key.data(), key.size());
  if (attr == nullptr) return {};
  size_t len = 0;
  const char* v = myhtml_attribute_value(attr, &len);
  return v == nullptr ? std::string_view() : std::string_view(v, len);
}

bool HasAttr(myhtml_tree_node_t* node, std::string_view key) {
  return myhtml_attribute_by_key(node, key.data(), key.size()) != nullptr;
}

// Class names of the common CSS frameworks for text shown to screen readers
// only ("Skip to content", "Opens in a new window"): not the page's text.
constexpr std::string_view kScreenReaderOnly[] = {"sr-only", "visually-hidden", "visuallyhidden",
                                                  "screen-reader-text", "screen-reader-only"};

bool ScreenReaderOnly(myhtml_tree_node_t* node) {
  const std::string cls = ascii::ToLower(Attr(node, "class"));
  if (cls.empty()) return false;
  for (std::string_view c : kScreenReaderOnly) {
    for (size_t at = cls.find(c); at != std::string::npos; at = cls.find(c, at + 1)) {
      // Whole class names only: "sr-only-focusable" is a modifier of sr-only
      // (visible on focus), still screen-reader text; "not-sr-only" is not.
      const bool starts =
          at == 0 || cls[at - 1] == ' ' || cls[at - 1] == '\t' || cls[at - 1] == '\n';
      if (starts) return true;
    }
  }
  return false;
}

bool Hidden(myhtml_tree_node_t* node) {
  if (HasAttr(node, "hidden")) return true;
  if (ascii::ToLower(Attr(node, "aria-hidden")) == "true") return true;
  if (ScreenReaderOnly(node)) return true;
  std::string style = ascii::ToLower(Attr(node, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

void CheckHints(const std::string& hints, bool* negative);

// FNV-1a; 0 is kept for "no group".
uint32_t HintGroup(std::string_view hints) {
  uint32_t h = 2166136261u;
  for (char c : hints) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h == 0 ? 1 : h;
}

// Whether an element's class and id words ("share", "widget-...", "ad")
// name page furniture. Sets the element's hint group when they do.
void ClassHints(myhtml_tree_node_t* node, bool* negative, uint32_t* group) {
  const std::string hints =
      ascii::ToLower(Attr(node, "class")) + " " + ascii::ToLower(Attr(node, "id"));
  if (hints.size() <= 1) return;
  bool found = false;
  CheckHints(hints, &found);
  if (found) {
    *negative = true;
    *group = HintGroup(hints);
  }
}

void CheckHints(const std::string& hints, bool* negative) {
  for (std::string_view h : kNegativeHints) {
    if (hints.find(h) != std::string::npos) *negative = true;
  }
  for (std::string_view h : kNamePrefixHints) {
    for (size_t at = hints.find(h); at != std::string::npos; at = hints.find(h, at + 1)) {
      if (at == 0 || hints[at - 1] == ' ') *negative = true;
    }
  }
  // Whole tokens for ads.
  size_t i = 0;
  while (i < hints.size()) {
    while (i < hints.size() && (hints[i] == ' ' || hints[i] == '_' || hints[i] == '-')) ++i;
    size_t j = i;
    while (j < hints.size() && hints[j] != ' ' && hints[j] != '_' && hints[j] != '-') ++j;
    const std::string_view token = std::string_view(hints).substr(i, j - i);
    for (std::string_view a : kAdTokens) {
      if (token == a) *negative = true;
    }
    i = j;
  }
}

std::string ChildText(myhtml_tree_node_t* node) {
  std::string out;
  for (myhtml_tree_node_t* c = myhtml_node_child(node); c != nullptr; c = myhtml_node_next(c)) {
    if (myhtml_node_tag_id(c) != MyHTML_TAG__TEXT) continue;
    size_t len = 0;
    const char* t = myhtml_node_text(c, &len);
    if (t != nullptr) out.append(t, len);
  }
  return out;
}

class Walker {
 public:
  Walker(size_t max_depth, bool keep_hidden, PageDom* dom)
      : max_depth_(max_depth), keep_hidden_(keep_hidden), dom_(dom) {}
  void Run(myhtml_tree_node_t* root);

 private:
  struct Frame {
    myhtml_tree_node_t* node;
    uint32_t element;
    Handling handling;
    myhtml_tag_id_t tag;
    bool link;
    bool pre;
  };
  // Returns true when the walk should go into the node's children. Pushes a
  // frame for an element within max_depth; deeper elements get none (their
  // tags are flattened, their text kept).
  bool Enter(myhtml_tree_node_t* node);
  // Called after the children of a node Enter() went into.
  void Leave(myhtml_tree_node_t* node);
  void Exit();
  void AppendText(std::string_view text);
  void Flush();
  void CaptureMeta(myhtml_tree_node_t* node, myhtml_tag_id_t tag);

  size_t max_depth_;
  bool keep_hidden_;
  PageDom* dom_;
  std::vector<Frame> stack_;
  std::string text_;
  uint32_t link_bytes_ = 0;
  uint32_t links_ = 0;  // <a> elements opened in the current block
  int link_depth_ = 0;
  int pre_depth_ = 0;
  int article_depth_ = 0;  // open <article>/<main> elements
};

// Pre-order walk with parent pointers: no recursion, and no frame for nodes
// beyond max_depth, so any depth takes linear time and bounded memory.
void Walker::Run(myhtml_tree_node_t* root) {
  if (root == nullptr || !Enter(root)) return;
  myhtml_tree_node_t* cur = root;
  bool entered = true;  // Enter(cur) asked for its children
  while (true) {
    myhtml_tree_node_t* child = entered ? myhtml_node_child(cur) : nullptr;
    if (child != nullptr) {
      cur = child;
      entered = Enter(cur);
      continue;
    }
    if (entered) Leave(cur);
    // Next sibling; climb out of finished parents first.
    while (cur != root && myhtml_node_next(cur) == nullptr) {
      cur = myhtml_node_parent(cur);
      if (cur == nullptr) break;  // not under root: cannot happen with myhtml
      Leave(cur);
    }
    if (cur == nullptr || cur == root) break;
    cur = myhtml_node_next(cur);
    entered = Enter(cur);
  }
  Flush();
}

bool Walker::Enter(myhtml_tree_node_t* node) {
  const myhtml_tag_id_t tag = myhtml_node_tag_id(node);
  if (tag == MyHTML_TAG__TEXT) {
    size_t len = 0;
    const char* t = myhtml_node_text(node, &len);
    if (t != nullptr) AppendText(std::string_view(t, len));
    return false;
  }
  CaptureMeta(node, tag);
  const Handling handling = HandlingOf(tag);
  if (handling == kSkip) return false;
  if (handling == kBreak) {
    Flush();
    return false;
  }
  if (!keep_hidden_ && tag != MyHTML_TAG_HTML && tag != MyHTML_TAG_BODY && Hidden(node)) {
    return false;
  }
  if (handling == kBlock) Flush();
  const bool link = tag == MyHTML_TAG_A;
  const bool pre = tag == MyHTML_TAG_PRE;
  const bool article = tag == MyHTML_TAG_ARTICLE || tag == MyHTML_TAG_MAIN;
  link_depth_ += link;
  links_ += link;
  pre_depth_ += pre;
  article_depth_ += article;
  if (stack_.size() >= max_depth_) return true;  // flattened: no element, no frame

  HtmlElement e;
  e.parent = stack_.empty() ? kNoElement : stack_.back().element;
  e.tag = static_cast<uint32_t>(tag);
  e.first_block = static_cast<uint32_t>(dom_->blocks.size());
  if (const std::string_view cls = Attr(node, "class"); !cls.empty()) {
    e.class_hash = HintGroup(cls);
  }
  if (tag != MyHTML_TAG_HTML && tag != MyHTML_TAG_BODY && tag != MyHTML_TAG_MAIN &&
      tag != MyHTML_TAG_ARTICLE) {
    ClassHints(node, &e.negative, &e.hint_group);
    // A <header> inside an article holds its headline and standfirst, not
    // the site's masthead.
    if (SoftNegativeTag(tag) && !(tag == MyHTML_TAG_HEADER && article_depth_ > 0)) {
      e.negative = true;
      // Whole pages sit in one <form> (ASP.NET): a weak hint.
      e.structural = tag != MyHTML_TAG_FORM;
      e.hint_group = 0;
    }
  }
  if (handling == kBlock) {
    // ARIA landmarks name page furniture as surely as the tags do.
    const std::string role = ascii::ToLower(Attr(node, "role"));
    if (role == "navigation" || role == "banner" || role == "contentinfo" ||
        role == "complementary" || role == "menu" || role == "menubar" || role == "dialog") {
      e.negative = true;
      e.structural = true;
      e.hint_group = 0;
    }
  }
  const uint32_t index = static_cast<uint32_t>(dom_->elements.size());
  dom_->elements.push_back(e);
  stack_.push_back(Frame{node, index, handling, tag, link, pre});
  return true;
}

void Walker::Leave(myhtml_tree_node_t* node) {
  if (!stack_.empty() && stack_.back().node == node) {
    Exit();
    return;
  }
  // A flattened element beyond max_depth.
  const myhtml_tag_id_t tag = myhtml_node_tag_id(node);
  if (HandlingOf(tag) == kBlock) Flush();
  link_depth_ -= tag == MyHTML_TAG_A;
  pre_depth_ -= tag == MyHTML_TAG_PRE;
  article_depth_ -= tag == MyHTML_TAG_ARTICLE || tag == MyHTML_TAG_MAIN;
}

void Walker::Exit() {
  const Frame f = stack_.back();
  if (f.handling == kBlock) Flush();
  stack_.pop_back();
  link_depth_ -= f.link;
  pre_depth_ -= f.pre;
  article_depth_ -= f.tag == MyHTML_TAG_ARTICLE || f.tag == MyHTML_TAG_MAIN;
  HtmlElement& e = dom_->elements[f.element];
  e.end_block = static_cast<uint32_t>(dom_->blocks.size());
  e.end_element = static_cast<uint32_t>(dom_->elements.size());
}

void Walker::AppendText(std::string_view text) {
  size_t added = 0;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (space && !(pre_depth_ > 0 && c == '\n')) {
      if (!text_.empty() && text_.back() != ' ' && text_.back() != '\n') {
        text_.push_back(' ');
        ++added;
      }
      continue;
    }
    if (c == '\n' && !text_.empty() && text_.back() == ' ') text_.pop_back();
    text_.push_back(c);
    ++added;
  }
  if (link_depth_ > 0) link_bytes_ += static_cast<uint32_t>(added);
}

void Walker::Flush() {
  while (!text_.empty() && (text_.back() == ' ' || text_.back() == '\n')) text_.pop_back();
  size_t start = 0;
  while (start < text_.size() && (text_[start] == ' ' || text_[start] == '\n')) ++start;
  if (start < text_.size() && !stack_.empty()) {
    // The innermost block-level element on the stack holds the text.
    size_t k = stack_.size();
    while (k > 1 && stack_[k - 1].handling != kBlock) --k;
    const Frame& owner = stack_[k - 1];
    HtmlBlock b;
    b.text = text_.substr(start);
    b.element = owner.element;
    b.link_bytes = std::min<uint32_t>(link_bytes_, static_cast<uint32_t>(b.text.size()));
    b.links = static_cast<uint16_t>(std::min<uint32_t>(links_, 0xFFFF));
    b.kind = KindOf(myhtml_node_tag_id(owner.node), &b.heading_level);
    dom_->blocks.push_back(std::move(b));
  }
  text_.clear();
  link_bytes_ = 0;
  links_ = 0;
}

void Walker::CaptureMeta(myhtml_tree_node_t* node, myhtml_tag_id_t tag) {
  RawPageMeta& m = dom_->meta;
  switch (tag) {
    case MyHTML_TAG_HTML:
      if (m.html_lang.empty()) m.html_lang = std::string(Attr(node, "lang"));
      return;
    case MyHTML_TAG_TITLE:
      if (m.title_tag.empty()) m.title_tag = ChildText(node);
      return;
    case MyHTML_TAG_META: {
      std::string_view key = Attr(node, "property");
      if (key.empty()) key = Attr(node, "name");
      if (key.empty()) key = Attr(node, "itemprop");
      if (key.empty()) key = Attr(node, "http-equiv");
      const std::string_view content = Attr(node, "content");
      if (!key.empty() && !content.empty() && m.metas.size() < 512) {
        m.metas.emplace_back(ascii::ToLower(key), std::string(content));
      }
      return;
    }
    case MyHTML_TAG_LINK:
      if (m.canonical.empty() && ascii::ToLower(Attr(node, "rel")) == "canonical") {
        m.canonical = std::string(Attr(node, "href"));
      }
      return;
    case MyHTML_TAG_SCRIPT:
      if (ascii::ToLower(Attr(node, "type")).find("ld+json") != std::string::npos &&
          m.json_ld.size() < 16) {
        m.json_ld.push_back(ChildText(node));
      }
      return;
    case MyHTML_TAG_TIME:
      if (m.time_datetime.empty()) m.time_datetime = std::string(Attr(node, "datetime"));
      break;
    default:
      break;
  }
  if (m.published_itemprop.empty() && ascii::ToLower(Attr(node, "itemprop")) == "datepublished") {
    std::string_view v = Attr(node, "content");
    if (v.empty()) v = Attr(node, "datetime");
    m.published_itemprop = std::string(v);
  }
}

}  // namespace

void BuildPageDom(myhtml_tree* tree, size_t max_depth, bool keep_hidden, PageDom* dom) {
  Walker walker(max_depth == 0 ? 1 : max_depth, keep_hidden, dom);
  walker.Run(myhtml_tree_get_node_html(tree));
}

}  // namespace dossier
