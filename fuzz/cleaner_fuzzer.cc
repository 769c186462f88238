// Fuzz target: the whole clean stage (decode, extract, normalise, strip
// boilerplate, text metadata, language, id and hash) on arbitrary bytes.
// The first byte picks the record's kind and whether the container states
// metadata; the rest is the body.
// FUZZ_DEPS: dossier_clean
#include <cstdint>
#include <string>

#include "clean/cleaner.h"
#include "clean/utf8.h"
#include "fuzz_util.h"

using dossier::fuzz::Require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const dossier::ArticleCleaner cleaner;
  dossier::RawRecord record;
  record.path = "fuzz";
  record.kind = (data[0] & 1) ? dossier::ContentKind::kHtml : dossier::ContentKind::kText;
  record.body.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  if (data[0] & 2) {
    // The container's fields are outside input too: reuse the body's bytes.
    std::string_view head = dossier::fuzz::AsView(data + 1, std::min<size_t>(size - 1, 40));
    record.title = std::string(head);
    record.published = std::string(head);
    record.language = std::string(head.substr(0, 5));
    record.charset = std::string(head.substr(0, 12));
  }
  auto article = cleaner.Clean(record);
  if (article.ok()) {
    Require(dossier::ScanUtf8(article->text).valid, "article text is UTF-8");
  }
  return 0;
}
