// Fuzz target: DecodeToUtf8 (BOMs, declared charsets, uchardet, ICU) and
// FindHtmlMetaCharset. The first byte selects is_html and, when it is odd,
// the declared charset is taken from the bytes up to the first newline
// (so that the fuzzer can name any converter ICU knows).
// FUZZ_DEPS: dossier_clean
#include <cstdint>
#include <string>
#include <string_view>

#include "clean/charset.h"
#include "clean/utf8.h"
#include "fuzz_util.h"

using dossier::fuzz::Require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  bool is_html = data[0] & 2;
  std::string_view rest = dossier::fuzz::AsView(data + 1, size - 1);
  std::string_view declared;
  if (data[0] & 1) {
    size_t nl = rest.find('\n');
    if (nl != std::string_view::npos && nl <= 64) {
      declared = rest.substr(0, nl);
      rest.remove_prefix(nl + 1);
    }
  }
  auto decoded = dossier::DecodeToUtf8(rest, declared, is_html);
  if (decoded.ok()) {
    Require(dossier::ScanUtf8(decoded->text).valid, "decoded text is UTF-8");
    Require(!decoded->charset.empty(), "decoded text names its charset");
  } else {
    Require(!decoded.status().message().empty(), "error says what is wrong");
  }
  std::string meta = dossier::FindHtmlMetaCharset(rest);
  Require(meta.size() <= rest.size(), "meta charset comes from the page");
  return 0;
}
