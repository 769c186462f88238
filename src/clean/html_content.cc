// Tested by html_extractor_test.cc.
#include "clean/html_content.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <unordered_map>

#include <myhtml/api.h>

#include "clean/html_metadata.h"
#include "clean/text_util.h"

namespace dossier {
namespace {

// Block values.
constexpr double kMinProseBytes = 25;  // shorter text outside links is worth 0
constexpr double kLinkPenalty = 1.0;   // per link byte, for prose
constexpr double kPreValue = 0.25;     // per byte of <pre>: a pasted log is not the text
// Roots.
constexpr double kBoilerplatePenalty = 0.5;  // per byte of a boilerplate child
constexpr double kUnderBoilerplate = 0.3;    // scale of a root under boilerplate
// Further scale of a root under structural furniture (footer, nav, aside,
// header, landmarks): kept above 0 so that a page whose broken markup
// leaves everything inside an <aside> still has a root.
constexpr double kUnderFurniture = 0.02;
constexpr double kWeakHintShare = 0.5;  // of the page's prose: never boilerplate
constexpr double kCoreDecay = 0.8;
constexpr double kWideHeadings = 3;
constexpr double kWideTextRatio = 2;
constexpr double kWideMinCoreBytes = 1000;
constexpr int kMinLikeItems = 3;  // like items (posts) around the core: the wide root
// Elements with the same furniture-like class are judged together when at
// least this many of them hold prose.
constexpr int kMinProseGroup = 3;
// Whole pages.
constexpr double kWholePageProse = 1000;  // less prose than this in the root
constexpr double kItemLinkBytes = 25;     // mean bytes per link of item titles
constexpr double kItemLinkGain = 0.5;
// Short links count against a page with some prose (a short article's
// menus); on a page with next to none they count nothing: its menus are
// cut by their nav/header/footer elements, and a shop's grid of short
// product names is the page's text.
constexpr double kShortLinkValue = 0.0;
constexpr double kMenuLinkPenalty = 1.0;
// A shop grid or a link hub, not a short article: under this much prose in
// the root, and this many times more link bytes outside boilerplate.
constexpr double kNoProse = 300;
constexpr double kGridLinkRatio = 1;
// A page that does not declare itself an article, whose article reading
// is under this many bytes, is read whole (less its furniture) when that
// gives this many times more text: the reading that found a few lines in a
// catalogue, a thread or a service page missed the page.
constexpr size_t kPageReadingMaxArticle = 2000;
constexpr double kPageReadingRatio = 4;

// A section of other items (a shop's "customers also bought", a blog's
// "related posts") opens with one of these lines, folded to ASCII; the
// line may go on ("Related articles on ...", "Similar items to consider").
// Bare "Recommended" is not one: "Recommended: 16 GB RAM" is the text.
constexpr std::string_view kRelatedOpeners[] = {
    // English
    "people who viewed this item also", "people who bought this item also",
    "customers who viewed this item also", "customers who bought this item also", "customers also",
    "guests also", "shoppers also", "people also viewed", "people also bought",
    "frequently bought together", "you may also", "you might also", "you may be interested",
    "you might be interested", "you'll also like", "you will also like", "if you liked this",
    "if you like this", "similar items", "similar products", "compare with similar",
    "explore related", "related items", "related products", "related posts", "related articles",
    "related stories", "related reading", "related content", "recommended for you",
    "recommended reading", "recommended products", "recommended articles", "recommended posts",
    "recommended stories", "similar threads", "related threads", "related questions",
    "related discussions", "read this next", "what to read next", "more articles you might",
    "other posts you may", "more from our blog",
    // French
    "vous aimerez aussi", "vous aimerez peut-etre", "vous pourriez aussi aimer",
    "vous pourriez aimer", "vous aimeriez aussi", "produits similaires", "articles similaires",
    "produits associes", "articles associes", "produits recommandes", "les clients ont aussi",
    "les clients ont egalement", "a lire aussi", "sur le meme sujet",
    // German
    "das konnte dir auch", "das konnte ihnen auch", "das konnte sie auch", "ahnliche produkte",
    "ahnliche artikel", "passende produkte", "passende artikel", "kunden kauften auch",
    "kunden, die diesen artikel", "kunden die diesen artikel", "empfehlungen fur sie",
    "weitere artikel", "verwandte artikel", "auch interessant",
    // Spanish and Italian
    "tambien te puede", "tambien te podria", "te puede interesar", "te podria interesar",
    "quizas te interese", "quizas tambien", "productos relacionados", "articulos relacionados",
    "productos similares", "articulos similares", "los clientes tambien", "prodotti correlati",
    "articoli correlati", "prodotti simili", "potrebbe interessarti", "ti potrebbe interessare",
    "potrebbero interessarti"};
// Longer lines are text that mentions such items.
constexpr size_t kMaxRelatedOpenerBytes = 80;
// The section ends at a block with this much text outside links (prose
// again), or at a heading of the opener's level or higher.
constexpr size_t kRelatedSectionProse = 200;

// Prose has words: a shop's scrambled tracking strings ("9303097ac-d3e5-...")
// between two teasers do not end their section.
constexpr size_t kMaxProseWordBytes = 20;

bool IsProse(const HtmlBlock& b) {
  const size_t text = b.text.size() - b.link_bytes;
  return text >= kRelatedSectionProse && CountWords(b.text) * kMaxProseWordBytes >= b.text.size();
}

bool IsRelatedOpener(const HtmlBlock& b) {
  if (b.text.size() > kMaxRelatedOpenerBytes || b.link_bytes * 2 > b.text.size()) return false;
  const std::string folded = FoldAscii(TrimSpaces(b.text));
  for (std::string_view opener : kRelatedOpeners) {
    if (folded.size() < opener.size() || folded.compare(0, opener.size(), opener) != 0) continue;
    if (folded.size() == opener.size()) return true;
    const unsigned char next = static_cast<unsigned char>(folded[opener.size()]);
    if (!std::isalnum(next)) return true;
  }
  return false;
}

// The element a block opens: the highest ancestor whose text starts with it.
uint32_t OpenedElement(const PageDom& dom, size_t block) {
  uint32_t e = dom.blocks[block].element;
  while (dom.elements[e].parent != kNoElement &&
         dom.elements[dom.elements[e].parent].first_block == block) {
    e = dom.elements[e].parent;
  }
  return e;
}

// Drops each related-items section: its opener and what follows up to
// the next heading of the same or a higher level or the next prose, or,
// when the opener opens an element that holds at most this share of the
// main text, that whole element (teasers with a paragraph each).
constexpr double kMaxRelatedElementShare = 0.5;

void DropRelatedSections(const PageDom& dom, std::vector<size_t>* blocks) {
  size_t total = 0;
  for (size_t b : *blocks) total += dom.blocks[b].text.size();
  std::vector<size_t> kept;
  kept.reserve(blocks->size());
  for (size_t i = 0; i < blocks->size();) {
    const size_t opener = (*blocks)[i];
    const HtmlBlock& b = dom.blocks[opener];
    if (!IsRelatedOpener(b)) {
      kept.push_back((*blocks)[i++]);
      continue;
    }
    const HtmlElement& section = dom.elements[OpenedElement(dom, opener)];
    size_t section_bytes = 0;
    size_t section_end = i + 1;
    for (size_t j = i; j < blocks->size() && (*blocks)[j] < section.end_block; ++j) {
      section_bytes += dom.blocks[(*blocks)[j]].text.size();
      section_end = j + 1;
    }
    if (section_end > i + 1 && static_cast<double>(section_bytes) <=
                                   kMaxRelatedElementShare * static_cast<double>(total)) {
      i = section_end;
      continue;
    }
    // A line that is no heading is taken as the lowest level.
    const int level = b.kind == BlockKind::kHeading ? b.heading_level : 7;
    for (++i; i < blocks->size(); ++i) {
      const HtmlBlock& c = dom.blocks[(*blocks)[i]];
      if (c.kind == BlockKind::kHeading && c.heading_level <= level) break;
      if (IsProse(c) || IsRelatedOpener(c)) break;
    }
  }
  blocks->swap(kept);
}

double ProseValue(const HtmlBlock& b) {
  const double n = static_cast<double>(b.text.size());
  const double l = static_cast<double>(b.link_bytes);
  const double text = n - l;
  double good = text >= kMinProseBytes ? text : 0.0;
  if (b.kind == BlockKind::kHeading) good = 0.0;
  if (b.kind == BlockKind::kPre) good *= kPreValue;
  return good - kLinkPenalty * l;
}

// For pages that are not one text (listings, products, services): short
// texts count, and so do links long enough to be item titles; shorter
// ones count `short_link_value` per byte.
double PageValue(const HtmlBlock& b, double short_link_value) {
  const double n = static_cast<double>(b.text.size());
  const double l = static_cast<double>(b.link_bytes);
  const double links = std::max<double>(1, b.links);
  if (l == 0) return n;
  const double per_link = l / links;
  return (n - l) + (per_link >= kItemLinkBytes ? kItemLinkGain : short_link_value) * l;
}

// Sums over the pruned subtree of each element (children whose value is
// negative, and boilerplate children, cut off).
struct Pruned {
  std::vector<double> best;  // value
  std::vector<double> text, links, good, good_blocks, headings;
};

struct Tree {
  const PageDom& dom;
  std::vector<bool> neg;               // boilerplate element (after the weak-hint override)
  std::vector<bool> inside_neg;        // neg or under a neg element
  std::vector<bool> inside_furniture;  // under a structural boilerplate element (footer, nav, ...)
};

// Value of each element as a root: its blocks' values, children's totals
// scaled by `decay`, boilerplate children's text as a penalty.
uint32_t BestRoot(const Tree& t, const std::vector<double>& value, double decay,
                  double under_boilerplate) {
  const size_t ne = t.dom.elements.size();
  std::vector<double> raw(ne, 0.0), bytes(ne, 0.0);
  for (size_t i = 0; i < t.dom.blocks.size(); ++i) {
    raw[t.dom.blocks[i].element] += value[i];
    bytes[t.dom.blocks[i].element] += static_cast<double>(t.dom.blocks[i].text.size());
  }
  for (size_t k = ne; k-- > 1;) {
    const uint32_t parent = t.dom.elements[k].parent;
    if (parent == kNoElement) continue;
    bytes[parent] += bytes[k];
    raw[parent] += t.neg[k] ? -kBoilerplatePenalty * bytes[k] : decay * raw[k];
  }
  uint32_t root = kNoElement;
  double root_score = 0.0;
  for (uint32_t e = 0; e < ne; ++e) {
    double s = raw[e];
    if (t.inside_neg[e]) s *= under_boilerplate;
    if (t.inside_furniture[e]) s *= kUnderFurniture;
    if (s > 0 && (root == kNoElement || s >= root_score)) {
      root = e;
      root_score = s;
    }
  }
  return root == kNoElement ? 0 : root;
}

// Whether the core root sits in one of several like items with prose
// (same tag and class under one parent) below the wide root: the posts of
// a thread, of which the core found the longest.
bool AmongLikeItems(const Tree& t, const std::vector<double>& good, uint32_t core, uint32_t wide) {
  const PageDom& dom = t.dom;
  for (uint32_t x = core; x != wide && dom.elements[x].parent != kNoElement;
       x = dom.elements[x].parent) {
    const HtmlElement& item = dom.elements[x];
    if (item.class_hash == 0 || t.inside_neg[x]) continue;  // boilerplate items stay out
    const uint32_t parent = item.parent;
    int like = 0;
    for (uint32_t k = parent + 1; k < dom.elements[parent].end_element;
         k = dom.elements[k].end_element) {
      const HtmlElement& sibling = dom.elements[k];
      like += sibling.tag == item.tag && sibling.class_hash == item.class_hash && good[k] > 0 &&
              !t.neg[k];
      if (sibling.end_element <= k) break;
    }
    if (like >= kMinLikeItems) return true;
  }
  return false;
}

bool DropBlock(const HtmlBlock& b, double value) {
  return value < 0 && 2 * b.link_bytes > b.text.size();
}

Pruned Prune(const Tree& t, const std::vector<double>& value) {
  const size_t ne = t.dom.elements.size();
  Pruned r;
  r.best.assign(ne, 0.0);
  r.text.assign(ne, 0.0);
  r.links.assign(ne, 0.0);
  r.good.assign(ne, 0.0);
  r.good_blocks.assign(ne, 0.0);
  r.headings.assign(ne, 0.0);
  for (size_t i = 0; i < t.dom.blocks.size(); ++i) {
    const HtmlBlock& b = t.dom.blocks[i];
    r.best[b.element] += value[i];
    if (DropBlock(b, value[i])) continue;
    r.text[b.element] += static_cast<double>(b.text.size());
    r.links[b.element] += static_cast<double>(b.link_bytes);
    if (value[i] > 0) {
      r.good[b.element] += value[i];
      r.good_blocks[b.element] += 1;
    }
    if (b.kind == BlockKind::kHeading) r.headings[b.element] += 1;
  }
  for (size_t k = ne; k-- > 1;) {
    const uint32_t parent = t.dom.elements[k].parent;
    if (parent == kNoElement || t.neg[k] || r.best[k] < 0) continue;
    r.best[parent] += r.best[k];
    r.text[parent] += r.text[k];
    r.links[parent] += r.links[k];
    r.good[parent] += r.good[k];
    r.good_blocks[parent] += r.good_blocks[k];
    r.headings[parent] += r.headings[k];
  }
  return r;
}

void Collect(const Tree& t, uint32_t root, const Pruned& pr, const std::vector<double>& value,
             std::vector<size_t>* out) {
  const PageDom& dom = t.dom;
  const HtmlElement& r = dom.elements[root];
  std::vector<bool> kept(r.end_element - root, false);
  kept[0] = true;
  for (uint32_t e = root + 1; e < r.end_element; ++e) {
    const HtmlElement& el = dom.elements[e];
    kept[e - root] = kept[el.parent - root] && !t.neg[e] && pr.best[e] >= 0;
  }
  for (uint32_t b = r.first_block; b < r.end_block; ++b) {
    const HtmlBlock& block = dom.blocks[b];
    // An inline root (<a> around a <div>) can span text its ancestor holds.
    if (block.element < root || !kept[block.element - root] || DropBlock(block, value[b])) {
      continue;
    }
    out->push_back(b);
  }
}

MainBlocks ArticleReading(const PageDom& dom) {
  MainBlocks out;
  const size_t nb = dom.blocks.size();
  const size_t ne = dom.elements.size();
  if (nb == 0 || ne == 0) return out;

  std::vector<double> prose(nb);
  for (size_t i = 0; i < nb; ++i) prose[i] = ProseValue(dom.blocks[i]);

  std::vector<double> good(ne, 0.0);
  for (size_t i = 0; i < nb; ++i) good[dom.blocks[i].element] += std::max(0.0, prose[i]);
  for (size_t k = ne; k-- > 1;) {
    if (dom.elements[k].parent != kNoElement) good[dom.elements[k].parent] += good[k];
  }
  // Elements named alike are judged together: a site that builds its
  // articles of "WidgetWrapper" blocks names its text with a furniture word,
  // and no one block holds much of the prose, but together they hold most.
  struct Group {
    double good = 0;
    int with_prose = 0;  // members holding prose
  };
  std::unordered_map<uint32_t, Group> groups;
  for (size_t k = 0; k < ne; ++k) {
    const HtmlElement& el = dom.elements[k];
    if (el.hint_group == 0) continue;
    if (el.parent != kNoElement && dom.elements[el.parent].hint_group == el.hint_group) continue;
    // Siblings only: the blocks of one text share a parent.
    Group& g = groups[el.hint_group ^ (el.parent * 2654435761u)];
    g.good += good[k];
    g.with_prose += good[k] > 0;
  }
  Tree t{dom, std::vector<bool>(ne), std::vector<bool>(ne), std::vector<bool>(ne)};
  for (size_t k = 0; k < ne; ++k) {
    const HtmlElement& el = dom.elements[k];
    double share = good[k];
    if (el.hint_group != 0) {
      const Group& g = groups[el.hint_group ^ (el.parent * 2654435761u)];
      if (g.with_prose >= kMinProseGroup) share = std::max(share, g.good);
    }
    t.neg[k] = el.negative && (el.structural || share <= kWeakHintShare * good[0]);
    t.inside_neg[k] = t.neg[k] || (el.parent != kNoElement && t.inside_neg[el.parent]);
    t.inside_furniture[k] =
        (t.neg[k] && el.structural) || (el.parent != kNoElement && t.inside_furniture[el.parent]);
  }

  const Pruned pr = Prune(t, prose);
  uint32_t root = BestRoot(t, prose, kCoreDecay, kUnderBoilerplate);
  const uint32_t wide = BestRoot(t, prose, 1.0, kUnderBoilerplate);
  if (wide != root) {
    const double core_text = pr.text[root];
    const double added_text = pr.text[wide] - core_text;
    const double added_headings = pr.headings[wide] - pr.headings[root];
    if (added_headings >= kWideHeadings || added_text > kWideTextRatio * core_text ||
        core_text < kWideMinCoreBytes || pr.good_blocks[root] <= 1 ||
        AmongLikeItems(t, good, root, wide)) {
      root = wide;
    }
  }
  if (pr.good[root] >= kWholePageProse) {
    Collect(t, root, pr, prose, &out.blocks);
    return out;
  }
  std::vector<double> page(nb);
  double free_links = 0;  // link bytes outside boilerplate elements
  for (size_t i = 0; i < nb; ++i) {
    if (!t.inside_neg[dom.blocks[i].element]) free_links += dom.blocks[i].link_bytes;
  }
  const bool grid =
      pr.good[root] < kNoProse && free_links >= kGridLinkRatio * std::max(1.0, pr.good[root]);
  const double slv = grid ? kShortLinkValue : -kMenuLinkPenalty;
  for (size_t i = 0; i < nb; ++i) page[i] = PageValue(dom.blocks[i], slv);
  Collect(t, BestRoot(t, page, 1.0, 0.0), Prune(t, page), page, &out.blocks);
  out.whole_page = true;
  // The page's reading skips what sits under boilerplate names: when that
  // leaves less than the prose root held ("ipsComment" posts of a thread),
  // the root stands.
  size_t page_bytes = 0;
  for (size_t b : out.blocks) page_bytes += dom.blocks[b].text.size();
  if (pr.good[root] >= kNoProse && static_cast<double>(page_bytes) < pr.text[root]) {
    out.blocks.clear();
    Collect(t, root, pr, prose, &out.blocks);
    out.whole_page = false;
  }
  return out;
}

MainBlocks ArticleOrPageReading(const PageDom& dom) {
  MainBlocks out = ArticleReading(dom);
  size_t article_bytes = 0;
  for (size_t b : out.blocks) article_bytes += dom.blocks[b].text.size();
  if (article_bytes >= kPageReadingMaxArticle || DeclaresArticle(dom.meta)) return out;
  // Everything outside the page's furniture: structural boilerplate, and
  // the link lists of elements class words name (the words alone are too
  // loose on such pages: "product-menu-description").
  std::vector<bool> furniture(dom.elements.size(), false), hinted(dom.elements.size(), false);
  for (size_t k = 0; k < dom.elements.size(); ++k) {
    const HtmlElement& el = dom.elements[k];
    furniture[k] =
        (el.negative && el.structural) || (el.parent != kNoElement && furniture[el.parent]);
    hinted[k] = el.negative || (el.parent != kNoElement && hinted[el.parent]);
  }
  std::vector<size_t> page;
  size_t page_bytes = 0;
  for (size_t b = 0; b < dom.blocks.size(); ++b) {
    if (furniture[dom.blocks[b].element]) continue;
    const HtmlBlock& block = dom.blocks[b];
    if (hinted[block.element] && 2 * block.link_bytes > block.text.size()) continue;
    page.push_back(b);
    page_bytes += dom.blocks[b].text.size();
  }
  if (static_cast<double>(page_bytes) >=
      kPageReadingRatio * static_cast<double>(std::max<size_t>(article_bytes, 1))) {
    out.blocks = std::move(page);
    out.whole_page = true;
  }
  return out;
}

}  // namespace

MainBlocks SelectMainBlocks(const PageDom& dom) {
  MainBlocks out = ArticleOrPageReading(dom);
  DropRelatedSections(dom, &out.blocks);
  return out;
}

}  // namespace dossier
