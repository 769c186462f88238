// Tested by charset_test.cc.
#include "clean/charset.h"

#include <algorithm>
#include <memory>

#include <uchardet/uchardet.h>
#include <unicode/ucnv.h>

#include "clean/text_util.h"
#include "clean/utf8.h"

namespace dossier {
namespace {

constexpr size_t kMetaScanBytes = 4096;
constexpr size_t kDetectBytes = 64 * 1024;  // uchardet is confident long before this

enum class EncodingFamily { kUtf8, kUtf16, kUtf32, kOther };

std::string CanonicalCharset(std::string_view name) {
  std::string n = LowerForMatching(TrimSpaces(name));
  while (!n.empty() && (n.back() == '"' || n.back() == '\'' || n.back() == ';')) n.pop_back();
  while (!n.empty() && (n.front() == '"' || n.front() == '\'')) n.erase(0, 1);
  if (n == "utf8" || n == "utf-8" || n == "unicode-1-1-utf-8") return "utf-8";
  // WHATWG encoding standard: these labels mean windows-1252, which is a
  // superset that also maps the 0x80..0x9F quotes and dashes.
  if (n == "iso-8859-1" || n == "iso8859-1" || n == "latin1" || n == "latin-1" || n == "l1" ||
      n == "ascii" || n == "us-ascii" || n == "cp819" || n == "iso_8859-1" || n == "cp1252" ||
      n == "x-cp1252") {
    return "windows-1252";
  }
  if (n == "iso-8859-9" || n == "latin5") return "windows-1254";
  if (n == "tis-620" || n == "iso-8859-11") return "windows-874";
  if (n == "gb2312" || n == "x-gbk") return "gbk";
  return n;
}

EncodingFamily FamilyOf(std::string_view canonical) {
  if (canonical == "utf-8") return EncodingFamily::kUtf8;
  if (canonical.substr(0, 6) == "utf-16" || canonical == "ucs-2" || canonical == "unicode") {
    return EncodingFamily::kUtf16;
  }
  if (canonical.substr(0, 6) == "utf-32" || canonical == "ucs-4") return EncodingFamily::kUtf32;
  return EncodingFamily::kOther;
}

Status InvalidUtf8(size_t at) {
  return Status::InvalidInput("invalid UTF-8 at byte " + std::to_string(at));
}

bool LooksBinary(const Utf8Scan& s, size_t size) {
  if (s.nul_count > 0) return true;
  return s.control_count >= 3 && s.control_count * 50 > size;
}

// Converts with ICU; the result is well-formed UTF-8 (ICU substitutes U+FFFD
// for sequences illegal in `from`).
Result<std::string> Convert(std::string_view bytes, const std::string& from) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out;
  // Every source byte yields at most 3 UTF-8 bytes (a BMP character from a
  // 1-byte code), 4-byte sequences come from >= 2 source bytes.
  out.resize(bytes.size() * 3 + 16);
  const int32_t n =
      ucnv_convert("UTF-8", from.c_str(), out.data(), static_cast<int32_t>(out.size()),
                   bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) return Status::InvalidInput("cannot convert from " + from);
  out.resize(static_cast<size_t>(n));
  return out;
}

bool KnownToIcu(const std::string& name) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* c = ucnv_open(name.c_str(), &err);
  if (c != nullptr) ucnv_close(c);
  return U_SUCCESS(err);
}

// uchardet's guess for bytes that are not UTF-8; windows-1252 when it has none.
std::string DetectLegacy(std::string_view bytes) {
  struct Deleter {
    void operator()(uchardet* u) const { uchardet_delete(u); }
  };
  std::unique_ptr<uchardet, Deleter> ud(uchardet_new());
  std::string name;
  if (ud != nullptr) {
    const size_t n = std::min(bytes.size(), kDetectBytes);
    if (uchardet_handle_data(ud.get(), bytes.data(), n) == 0) {
      uchardet_data_end(ud.get());
      const char* cs = uchardet_get_charset(ud.get());
      if (cs != nullptr) name = CanonicalCharset(cs);
    }
  }
  // The bytes are known not to be UTF-8; an ASCII/UTF-8 guess means uchardet
  // saw too little to decide.
  if (name.empty() || name == "utf-8" || FamilyOf(name) != EncodingFamily::kOther ||
      !KnownToIcu(name)) {
    return "windows-1252";
  }
  return name;
}

Result<DecodedText> FromConverted(std::string_view bytes, const std::string& charset) {
  Result<std::string> converted = Convert(bytes, charset);
  if (!converted.ok()) return converted.status();
  const Utf8Scan scan = ScanUtf8(*converted);
  if (LooksBinary(scan, converted->size())) return Status::InvalidInput("binary content, not text");
  if (converted->empty()) return Status::InvalidInput("empty article");
  return DecodedText{std::move(*converted), charset};
}

// UTF-16 without a BOM: one byte of most pairs is NUL. Returns the ICU name
// or "" when the pattern is absent.
std::string GuessBomlessUtf16(std::string_view bytes) {
  const size_t n = std::min<size_t>(bytes.size() & ~size_t{1}, 4096);
  if (n < 8) return "";
  size_t even_nul = 0, odd_nul = 0;
  for (size_t i = 0; i < n; i += 2) {
    even_nul += bytes[i] == 0;
    odd_nul += bytes[i + 1] == 0;
  }
  const size_t pairs = n / 2;
  if (odd_nul * 10 >= pairs * 7 && even_nul * 10 < pairs) return "UTF-16LE";
  if (even_nul * 10 >= pairs * 7 && odd_nul * 10 < pairs) return "UTF-16BE";
  return "";
}

}  // namespace

std::string FindHtmlMetaCharset(std::string_view html) {
  const std::string head = LowerForMatching(html.substr(0, kMetaScanBytes));
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    const size_t end = head.find('>', pos);
    const std::string_view tag = std::string_view(head).substr(
        pos, end == std::string::npos ? std::string::npos : end - pos);
    pos += 5;
    size_t cs = tag.find("charset");
    while (cs != std::string_view::npos) {
      size_t v = cs + 7;
      while (v < tag.size() && tag[v] == ' ') ++v;
      if (v < tag.size() && tag[v] == '=') {
        ++v;
        while (v < tag.size() && (tag[v] == ' ' || tag[v] == '"' || tag[v] == '\'')) ++v;
        size_t e = v;
        while (e < tag.size() && tag[e] != '"' && tag[e] != '\'' && tag[e] != ' ' &&
               tag[e] != ';' && tag[e] != '/' && tag[e] != '>') {
          ++e;
        }
        if (e > v) return std::string(tag.substr(v, e - v));
      }
      cs = tag.find("charset", cs + 7);
    }
  }
  return "";
}

Result<DecodedText> DecodeToUtf8(std::string_view bytes, std::string_view declared_charset,
                                 bool is_html) {
  if (bytes.empty()) return Status::InvalidInput("empty article");

  // 1. Byte-order marks. UTF-32LE's BOM starts like UTF-16LE's: test it first.
  auto starts = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
  using namespace std::string_view_literals;
  if (starts("\xEF\xBB\xBF"sv)) {
    bytes.remove_prefix(3);
    if (bytes.empty()) return Status::InvalidInput("empty article");
    const Utf8Scan scan = ScanUtf8(bytes);
    if (LooksBinary(scan, bytes.size())) return Status::InvalidInput("binary content, not text");
    if (!scan.valid) return InvalidUtf8(scan.first_invalid + 3);
    return DecodedText{std::string(bytes), "UTF-8"};
  }
  if (starts("\xFF\xFE\x00\x00"sv)) return FromConverted(bytes.substr(4), "UTF-32LE");
  if (starts("\x00\x00\xFE\xFF"sv)) return FromConverted(bytes.substr(4), "UTF-32BE");
  if (starts("\xFF\xFE"sv)) return FromConverted(bytes.substr(2), "UTF-16LE");
  if (starts("\xFE\xFF"sv)) return FromConverted(bytes.substr(2), "UTF-16BE");

  std::string declared = CanonicalCharset(declared_charset);
  if (declared.empty() && is_html) declared = CanonicalCharset(FindHtmlMetaCharset(bytes));
  const EncodingFamily family = FamilyOf(declared);
  if (family == EncodingFamily::kUtf16 || family == EncodingFamily::kUtf32) {
    std::string name = declared == "utf-16" || declared == "ucs-2" || declared == "unicode"
                           ? GuessBomlessUtf16(bytes)
                           : declared;
    if (name.empty()) name = "UTF-16LE";  // Windows' default when unmarked
    return FromConverted(bytes, name);
  }

  const Utf8Scan scan = ScanUtf8(bytes);
  if (scan.nul_count > 0) {
    const std::string utf16 = GuessBomlessUtf16(bytes);
    if (!utf16.empty()) return FromConverted(bytes, utf16);
  }
  if (LooksBinary(scan, bytes.size())) return Status::InvalidInput("binary content, not text");

  // 2. Valid UTF-8 (pure ASCII, or with multi-byte sequences) is UTF-8
  // whatever the declaration says: legacy text essentially never forms
  // well-formed multi-byte sequences throughout.
  if (scan.valid) return DecodedText{std::string(bytes), "UTF-8"};

  // 3. Invalid as UTF-8. Unless a legacy charset is declared, many good
  // multi-byte sequences around the bad ones mean damaged UTF-8, not another
  // charset; converting would hide the damage.
  const bool legacy_declared = family == EncodingFamily::kOther && !declared.empty();
  if (!legacy_declared && scan.multibyte_count > 0 &&
      scan.multibyte_count * 4 >= scan.invalid_count) {
    return InvalidUtf8(scan.first_invalid);
  }

  // 4. A legacy encoding: the declared one if ICU knows it, else detected.
  std::string charset;
  if (legacy_declared && KnownToIcu(declared)) {
    charset = declared;
  } else {
    charset = DetectLegacy(bytes);
  }
  return FromConverted(bytes, charset);
}

}  // namespace dossier
