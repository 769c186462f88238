// Fuzz target: HtmlExtractor (myhtml, main-text extraction, page metadata)
// and the nesting limiter in front of it, on arbitrary bytes made UTF-8.
// The first byte picks a small max_depth half of the time, so that the
// flattening paths are reached with small inputs.
// FUZZ_DEPS: dossier_clean
#include <cstdint>
#include <string>

#include "clean/html_extractor.h"
#include "clean/html_nesting.h"
#include "clean/utf8.h"
#include "fuzz_util.h"

using dossier::fuzz::Require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  size_t max_depth = (data[0] & 1) ? 1 + data[0] / 8 : 512;
  std::string html = dossier::ToValidUtf8(dossier::fuzz::AsView(data + 1, size - 1));

  std::string flat;
  if (dossier::LimitHtmlNesting(html, max_depth, &flat)) {
    Require(flat.size() <= html.size(), "flattening never grows the page");
  }

  static const dossier::HtmlExtractor deep;
  static const dossier::HtmlExtractor shallow(dossier::HtmlExtractorOptions{.max_depth = 8});
  const dossier::HtmlExtractor& extractor = max_depth == 512 ? deep : shallow;
  auto page = extractor.Extract(html);
  if (page.ok()) {
    Require(dossier::ScanUtf8(page->text).valid, "extracted text is UTF-8");
    Require(dossier::ScanUtf8(page->title).valid, "title is UTF-8");
  }
  return 0;
}
