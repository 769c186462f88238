// Tested by html_extractor_test.cc.
#include "clean/html_content.h"

#include <algorithm>

#include <myhtml/api.h>

namespace dossier {
namespace {

constexpr size_t kMinScoredBytes = 25;
constexpr double kMaxBlockLinkDensity = 0.5;
constexpr double kSiblingShare = 0.2;
constexpr double kMinSiblingScore = 10.0;
constexpr size_t kSiblingParagraphBytes = 80;
constexpr double kSiblingParagraphLinkDensity = 0.25;
constexpr int kAncestorLevels = 4;

double TagBias(uint32_t tag) {
  switch (tag) {
    case MyHTML_TAG_DIV:
    case MyHTML_TAG_ARTICLE:
    case MyHTML_TAG_MAIN:
    case MyHTML_TAG_SECTION:
      return 5;
    case MyHTML_TAG_PRE:
    case MyHTML_TAG_TD:
    case MyHTML_TAG_BLOCKQUOTE:
      return 3;
    case MyHTML_TAG_ADDRESS:
    case MyHTML_TAG_OL:
    case MyHTML_TAG_UL:
    case MyHTML_TAG_DL:
    case MyHTML_TAG_DD:
    case MyHTML_TAG_DT:
    case MyHTML_TAG_LI:
    case MyHTML_TAG_FORM:
      return -3;
    case MyHTML_TAG_H1:
    case MyHTML_TAG_H2:
    case MyHTML_TAG_H3:
    case MyHTML_TAG_H4:
    case MyHTML_TAG_H5:
    case MyHTML_TAG_H6:
    case MyHTML_TAG_TH:
      return -5;
    default:
      return 0;
  }
}

bool Scorable(BlockKind k) { return k != BlockKind::kHeading; }

size_t Commas(const std::string& s) {
  size_t n = static_cast<size_t>(std::count(s.begin(), s.end(), ','));
  // Fullwidth and ideographic commas.
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if ((s.compare(i, 3, "\xEF\xBC\x8C") == 0) || (s.compare(i, 3, "\xE3\x80\x81") == 0)) ++n;
  }
  return n;
}

struct Totals {
  std::vector<size_t> bytes;  // prefix sums over blocks
  std::vector<size_t> links;
  double LinkDensity(uint32_t begin, uint32_t end) const {
    const size_t total = bytes[end] - bytes[begin];
    return total == 0 ? 0.0
                      : static_cast<double>(links[end] - links[begin]) / static_cast<double>(total);
  }
  size_t Bytes(uint32_t begin, uint32_t end) const { return bytes[end] - bytes[begin]; }
};

bool Inside(const PageDom& dom, uint32_t element, uint32_t root) {
  return element >= root && element < dom.elements[root].end_element;
}

// Blocks of `root`'s subtree that are content: not inside a boilerplate
// element nested in root, not a link list.
void CollectBlocks(const PageDom& dom, uint32_t root, std::vector<size_t>* out) {
  const HtmlElement& r = dom.elements[root];
  for (uint32_t b = r.first_block; b < r.end_block; ++b) {
    const HtmlBlock& block = dom.blocks[b];
    const uint32_t neg = dom.elements[block.element].nearest_negative;
    if (neg != kNoElement && neg > root && Inside(dom, neg, root)) continue;
    if (!block.text.empty() && static_cast<double>(block.link_bytes) >
                                   kMaxBlockLinkDensity * static_cast<double>(block.text.size())) {
      continue;
    }
    out->push_back(b);
  }
}

}  // namespace

std::vector<size_t> SelectMainBlocks(const PageDom& dom) {
  std::vector<size_t> out;
  const size_t nb = dom.blocks.size();
  const size_t ne = dom.elements.size();
  if (nb == 0 || ne == 0) return out;

  Totals totals;
  totals.bytes.assign(nb + 1, 0);
  totals.links.assign(nb + 1, 0);
  for (size_t i = 0; i < nb; ++i) {
    totals.bytes[i + 1] = totals.bytes[i] + dom.blocks[i].text.size();
    totals.links[i + 1] = totals.links[i] + dom.blocks[i].link_bytes;
  }

  std::vector<double> score(ne, 0.0);
  std::vector<bool> candidate(ne, false);
  auto init = [&](uint32_t e) {
    if (candidate[e]) return;
    candidate[e] = true;
    const HtmlElement& el = dom.elements[e];
    score[e] = TagBias(el.tag) + (el.positive ? 25 : 0) - (el.negative ? 25 : 0);
  };
  for (size_t i = 0; i < nb; ++i) {
    const HtmlBlock& b = dom.blocks[i];
    if (!Scorable(b.kind) || b.text.size() < kMinScoredBytes) continue;
    if (static_cast<double>(b.link_bytes) >
        kMaxBlockLinkDensity * static_cast<double>(b.text.size())) {
      continue;
    }
    const double points = 1.0 + static_cast<double>(Commas(b.text)) +
                          std::min(3.0, static_cast<double>(b.text.size() / 100));
    uint32_t e = b.kind == BlockKind::kOther ? b.element : dom.elements[b.element].parent;
    for (int level = 0; level < kAncestorLevels && e != kNoElement; ++level) {
      init(e);
      const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
      score[e] += points / divider;
      e = dom.elements[e].parent;
    }
  }

  uint32_t best = kNoElement;
  double best_score = 0.0;
  for (uint32_t e = 0; e < ne; ++e) {
    if (!candidate[e]) continue;
    const HtmlElement& el = dom.elements[e];
    score[e] *= 1.0 - totals.LinkDensity(el.first_block, el.end_block);
    if (best == kNoElement || score[e] > best_score) {
      best = e;
      best_score = score[e];
    }
  }
  if (best == kNoElement) {
    // Nothing paragraph-like: keep what is not furniture.
    CollectBlocks(dom, 0, &out);
    return out;
  }

  // The winner and its worthy siblings, in document order.
  std::vector<uint32_t> roots;
  const uint32_t parent = dom.elements[best].parent;
  if (parent == kNoElement) {
    roots.push_back(best);
  } else {
    const double threshold = std::max(kMinSiblingScore, best_score * kSiblingShare);
    for (uint32_t e = parent + 1; e < dom.elements[parent].end_element;
         e = dom.elements[e].end_element) {
      const HtmlElement& el = dom.elements[e];
      if (e == best) {
        roots.push_back(e);
        continue;
      }
      if (el.negative) continue;
      if (candidate[e] && score[e] >= threshold) {
        roots.push_back(e);
        continue;
      }
      if (el.tag == MyHTML_TAG_P &&
          totals.Bytes(el.first_block, el.end_block) >= kSiblingParagraphBytes &&
          totals.LinkDensity(el.first_block, el.end_block) < kSiblingParagraphLinkDensity) {
        roots.push_back(e);
      }
    }
  }
  for (uint32_t r : roots) CollectBlocks(dom, r, &out);
  return out;
}

}  // namespace dossier
