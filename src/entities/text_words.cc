// Tested by roles_test.cc (ScanWords.*).
#include "entities/text_words.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace dossier::identity {
namespace {

bool IsWordChar(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK ||
         u_charType(c) == U_COMBINING_SPACING_MARK;
}

bool IsJoiner(UChar32 c) {
  return c == '-' || c == 0x2010 || c == 0x2011 || c == '\'' || c == 0x2019 || c == 0x02BC;
}

bool IsQuote(UChar32 c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x00AB || c == 0x00BB || c == 0x201E;
}

}  // namespace

std::vector<TextWord> ScanWords(const NameNormalizer& normalizer, std::string_view text) {
  std::vector<TextWord> out;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  bool hyphen = false, apostrophe = false, line = false;
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c < 0) continue;
    if (IsWordChar(c)) {
      TextWord w;
      w.begin = static_cast<uint32_t>(start);
      w.capitalized = u_isupper(c) || u_istitle(c);
      int letters = u_isalpha(c) ? 1 : 0;
      bool lower = u_islower(c);
      int32_t end = i;
      while (end < n) {
        int32_t next = end;
        UChar32 d;
        U8_NEXT(bytes, next, n, d);
        if (d < 0 || !IsWordChar(d)) break;
        if (u_isalpha(d)) ++letters;
        lower = lower || u_islower(d);
        end = next;
      }
      w.end = static_cast<uint32_t>(end);
      w.all_caps = letters >= 2 && !lower;
      w.folded = normalizer.Fold(text.substr(w.begin, w.end - w.begin));
      w.hyphen_before = hyphen;
      w.apostrophe_before = apostrophe;
      w.line_before = line;
      hyphen = apostrophe = line = false;
      out.push_back(std::move(w));
      i = end;
      continue;
    }
    const bool after_word =
        !out.empty() && !out.back().punct && out.back().end == static_cast<uint32_t>(start);
    if (IsJoiner(c) && after_word && i < n) {
      int32_t next = i;
      UChar32 d;
      U8_NEXT(bytes, next, n, d);
      if (d >= 0 && IsWordChar(d)) {
        (c == '-' || c == 0x2010 || c == 0x2011 ? hyphen : apostrophe) = true;
        continue;
      }
    }
    if (c == '\n' || c == '\r' || c == 0x2029 || c == 0x2028) {
      line = true;
      hyphen = apostrophe = false;
      continue;
    }
    if (c == ' ' || c == '\t' || u_isUWhiteSpace(c)) {
      hyphen = apostrophe = false;
      continue;
    }
    TextWord p;
    p.begin = static_cast<uint32_t>(start);
    p.end = static_cast<uint32_t>(i);
    p.punct = true;
    if (IsQuote(c)) {
      p.folded = "\"";
    } else if (c < 0x80) {
      p.folded = std::string(1, static_cast<char>(c));
    } else {
      p.folded = std::string(text.substr(p.begin, p.end - p.begin));
    }
    p.line_before = line;
    hyphen = apostrophe = line = false;
    out.push_back(std::move(p));
  }
  return out;
}

size_t WordAt(const std::vector<TextWord>& words, uint32_t offset) {
  auto it = std::lower_bound(words.begin(), words.end(), offset,
                             [](const TextWord& w, uint32_t o) { return w.begin < o; });
  return static_cast<size_t>(it - words.begin());
}

}  // namespace dossier::identity
