// Tested by html_extractor_test.cc.
#include "clean/html_extractor.h"

#include <mutex>
#include <unordered_set>
#include <vector>

#include <myhtml/api.h>

#include "clean/html_content.h"
#include "clean/html_dom.h"
#include "clean/html_metadata.h"
#include "clean/html_nesting.h"
#include "clean/normalize.h"
#include "clean/text_util.h"

namespace dossier {
namespace {

constexpr size_t kMaxPooledParsers = 8;
// A tree that parsed a page this large keeps its memory: do not pool it.
constexpr size_t kMaxPooledPageBytes = 4 << 20;
// Shorter blocks ("Yes", "Reply") may repeat on a whole page.
constexpr size_t kMinRepeatedBytes = 30;
// In an article, a repeated run of at least this many blocks and bytes is
// a second copy of the text (another screen size's layout), not a quote.
constexpr size_t kMinRepeatedRun = 2;
constexpr size_t kMinRepeatedRunBytes = 500;

// Main text shorter than this is read again with hidden elements kept, and
// that reading wins when it finds this many times as much, and this much
// more (not a hidden menu or a collapsed answer).
constexpr size_t kMinVisibleBytes = 500;
constexpr size_t kHiddenGainRatio = 4;
constexpr size_t kMinHiddenGain = 1000;

size_t MainBytes(const PageDom& dom, const MainBlocks& main) {
  size_t n = 0;
  for (size_t b : main.blocks) n += dom.blocks[b].text.size();
  return n;
}

// The longest of the page's stated descriptions, when long enough to be
// a text's opening rather than a slogan.
constexpr size_t kMinDescriptionBytes = 100;

std::string StatedDescription(const RawPageMeta& meta) {
  std::string best;
  for (const auto& [key, value] : meta.metas) {
    if (key != "description" && key != "og:description" && key != "twitter:description") continue;
    std::string text = NormalizeInline(value);
    if (text.size() > best.size()) best = std::move(text);
  }
  return best.size() >= kMinDescriptionBytes ? best : "";
}

}  // namespace

struct HtmlExtractor::ParserPool {
  struct Parser {
    myhtml_t* myhtml = nullptr;
    myhtml_tree_t* tree = nullptr;
  };

  static void Destroy(Parser p) {
    if (p.tree != nullptr) myhtml_tree_destroy(p.tree);
    if (p.myhtml != nullptr) myhtml_destroy(p.myhtml);
  }

  static bool Create(Parser* p) {
    p->myhtml = myhtml_create();
    if (p->myhtml == nullptr) return false;
    if (myhtml_init(p->myhtml, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0) != MyHTML_STATUS_OK) {
      Destroy(*p);
      *p = Parser();
      return false;
    }
    p->tree = myhtml_tree_create();
    if (p->tree == nullptr || myhtml_tree_init(p->tree, p->myhtml) != MyHTML_STATUS_OK) {
      Destroy(*p);
      *p = Parser();
      return false;
    }
    return true;
  }

  std::mutex mu;
  std::vector<Parser> free;  // guarded by mu

  ~ParserPool() {
    for (Parser& p : free) Destroy(p);
  }
  bool Acquire(Parser* p) {
    {
      std::lock_guard<std::mutex> lock(mu);
      if (!free.empty()) {
        *p = free.back();
        free.pop_back();
        return true;
      }
    }
    return Create(p);
  }
  void Release(Parser p, bool reusable) {
    if (reusable) {
      myhtml_tree_clean(p.tree);
      std::lock_guard<std::mutex> lock(mu);
      if (free.size() < kMaxPooledParsers) {
        free.push_back(p);
        return;
      }
    }
    Destroy(p);
  }
};

HtmlExtractor::HtmlExtractor(HtmlExtractorOptions options)
    : options_(options), pool_(std::make_shared<ParserPool>()) {}

Result<ExtractedPage> HtmlExtractor::Extract(std::string_view html) const {
  // myhtml mis-copies text holding NUL bytes: it drops them but then cuts
  // or repeats bytes of what follows, leaving invalid UTF-8 in the text
  // (fuzz/regressions/html_extractor_fuzzer/). The tree builder ignores NUL
  // in text anyway, so drop them first.
  std::string without_nul;
  if (html.find('\0') != std::string_view::npos) {
    without_nul.reserve(html.size());
    for (char c : html) {
      if (c != '\0') without_nul.push_back(c);
    }
    html = without_nul;
  }
  // A page nested deeper than any real page (the deepest of 1,678 benchmark
  // pages is 394) is refused, not flattened: the record is reported and the
  // run goes on (docs/security.md).
  std::string flattened;
  if (LimitHtmlNesting(html, options_.max_depth, &flattened)) {
    return Status::InvalidInput("HTML nested deeper than " + std::to_string(options_.max_depth) +
                                " elements (the max_depth limit)");
  }

  ParserPool::Parser parser;
  if (!pool_->Acquire(&parser)) return Status::Internal("cannot create an HTML parser");
  PageDom dom;
  MainBlocks main;
  const mystatus_t status = myhtml_parse(parser.tree, MyENCODING_UTF_8, html.data(), html.size());
  const bool parsed = status == MyHTML_STATUS_OK;
  if (parsed) {
    BuildPageDom(parser.tree, options_.max_depth, /*keep_hidden=*/false, &dom);
    main = SelectMainBlocks(dom);
    // Streaming renderers send the body in a hidden <div> a script moves
    // into place: a page with next to no visible text is read again with
    // hidden elements, and that reading kept when it finds more.
    if (MainBytes(dom, main) < kMinVisibleBytes) {
      PageDom all;
      BuildPageDom(parser.tree, options_.max_depth, /*keep_hidden=*/true, &all);
      MainBlocks all_main = SelectMainBlocks(all);
      const size_t visible = MainBytes(dom, main);
      const size_t hidden = MainBytes(all, all_main);
      if (hidden >= kHiddenGainRatio * visible && hidden >= visible + kMinHiddenGain) {
        dom = std::move(all);
        main = std::move(all_main);
      }
    }
  }
  pool_->Release(parser, parsed && html.size() <= kMaxPooledPageBytes);
  if (!parsed) return Status::InvalidInput("cannot parse HTML");

  ExtractedPage page =
      PageMetadata(dom, main.blocks.empty() ? dom.blocks.size() : main.blocks.front());
  bool first = true;
  // Shop and service templates repeat blocks (tab panels, mobile and
  // desktop copies): there a block already given is given once. Articles
  // keep a lone repeat (a pull quote repeats a paragraph on purpose) but
  // not a repeated run of blocks (a second copy of the text for another
  // screen size).
  std::vector<bool> repeated(main.blocks.size(), false);
  {
    std::unordered_set<std::string_view> seen;
    for (size_t k = 0; k < main.blocks.size(); ++k) {
      const std::string& text = dom.blocks[main.blocks[k]].text;
      repeated[k] = text.size() >= kMinRepeatedBytes && !seen.insert(text).second;
    }
  }
  std::vector<bool> drop = repeated;
  if (!main.whole_page) {
    for (size_t k = 0; k < main.blocks.size();) {
      size_t end = k;
      while (end < main.blocks.size() && repeated[end]) ++end;
      size_t run_bytes = 0;
      for (size_t j = k; j < end; ++j) run_bytes += dom.blocks[main.blocks[j]].text.size();
      const bool run = end - k >= kMinRepeatedRun && run_bytes >= kMinRepeatedRunBytes;
      for (size_t j = k; j < end; ++j) drop[j] = run;
      k = std::max(end, k + 1);
    }
  }
  for (size_t k = 0; k < main.blocks.size(); ++k) {
    const HtmlBlock& block = dom.blocks[main.blocks[k]];
    if (drop[k]) continue;
    // The headline repeated at the top of the body is metadata, not text.
    if (first && block.kind == BlockKind::kHeading && !page.title.empty() &&
        LowerForMatching(NormalizeInline(block.text)) == LowerForMatching(page.title)) {
      first = false;
      continue;
    }
    first = false;
    if (!page.text.empty()) page.text.append("\n\n");
    page.text.append(block.text);
  }
  // A dated post whose body a script renders (a forum's single-page app)
  // holds no text but the summary its meta tags give crawlers: that is its
  // text. (Undated pages without text are shells: a shop's, an app's.)
  if (TrimSpaces(page.text).empty() && !page.published.empty()) {
    page.text = StatedDescription(dom.meta);
  }
  if (TrimSpaces(page.text).empty()) return Status::InvalidInput("no main text found in the page");
  return page;
}

}  // namespace dossier
