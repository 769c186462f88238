// Tested by quote_marks_test.cc.
#include "quotes/quote_marks.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace dossier::quotes {
namespace {

enum class Style : uint8_t {
  kAsciiDouble,
  kCurlyDouble,
  kGuillemet,
  kLow,
  kBacktick,
  kCurlySingle,
  kAsciiSingle
};

struct Mark {
  Style style;
  bool opens;    // may open a quote
  bool closes;   // may close a quote
  uint32_t len;  // bytes
};

bool IsLetterOrDigit(UChar32 c) { return c > 0 && u_isalnum(c); }

bool IsSpaceOrStart(UChar32 c) {
  return c <= 0 || u_isWhitespace(c) || c == 0xA0 || c == '(' || c == '[' || c == '-' ||
         c == 0x2014 || c == 0x2013;
}

// The code point at text[i] and its length in *len; 0 past the end.
UChar32 At(std::string_view text, size_t i, uint32_t* len) {
  if (i >= text.size()) {
    *len = 0;
    return 0;
  }
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT_OR_FFFD(reinterpret_cast<const uint8_t*>(text.data()), pos,
                  static_cast<int32_t>(text.size()), c);
  *len = static_cast<uint32_t>(pos) - static_cast<uint32_t>(i);
  return c;
}

// The code point ending just before text[i], or 0 at the start.
UChar32 Before(std::string_view text, size_t i) {
  if (i == 0) return 0;
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV_OR_FFFD(reinterpret_cast<const uint8_t*>(text.data()), 0, pos, c);
  return c;
}

// The quote mark at text[i], if any, judged by its neighbours.
bool MarkAt(std::string_view text, size_t i, Mark* mark) {
  uint32_t len = 0;
  UChar32 c = At(text, i, &len);
  UChar32 prev = Before(text, i);
  switch (c) {
    case '"':
      *mark = {Style::kAsciiDouble, true, true, 1};
      return true;
    case 0x201C:
      *mark = {Style::kCurlyDouble, true, true, len};
      return true;  // closes when misused
    case 0x201D:
      *mark = {Style::kCurlyDouble, false, true, len};
      return true;
    case 0x00AB:
      *mark = {Style::kGuillemet, true, false, len};
      return true;
    case 0x00BB:
      *mark = {Style::kGuillemet, false, true, len};
      return true;
    case 0x201E:
      *mark = {Style::kLow, true, false, len};
      return true;
    case 0x2018:
      *mark = {Style::kCurlySingle, true, false, len};
      return true;
    case '`':
      if (i + 1 < text.size() && text[i + 1] == '`') {
        *mark = {Style::kBacktick, true, false, 2};
        return true;
      }
      return false;
    case 0x2019:
    case '\'': {
      uint32_t nlen = 0;
      UChar32 next = At(text, i + len, &nlen);
      if (c == '\'' && next == '\'') {
        *mark = {Style::kBacktick, false, true, 2};
        return true;
      }
      if (IsLetterOrDigit(prev) && IsLetterOrDigit(next)) return false;  // apostrophe
      const Style s = c == '\'' ? Style::kAsciiSingle : Style::kCurlySingle;
      bool opens = c == '\'' && IsSpaceOrStart(prev) && IsLetterOrDigit(next);
      bool closes = !IsSpaceOrStart(prev) && !IsLetterOrDigit(next);
      if (!opens && !closes) return false;
      *mark = {s, opens, closes, len};
      return true;
    }
    default:
      return false;
  }
}

bool Closes(Style open, Style close) {
  if (open == close) return true;
  return open == Style::kLow && close == Style::kCurlyDouble;
}

struct Open {
  Style style;
  uint32_t open;
  uint32_t begin;
  bool multi_paragraph;
};

}  // namespace

std::vector<QuotedSpan> FindQuotedSpans(std::string_view text,
                                        const std::vector<TextSpan>& paragraphs) {
  std::vector<QuotedSpan> out;
  std::vector<Open> stack;  // open quotes, innermost last
  auto emit = [&](const Open& o, uint32_t end, uint32_t close, bool terminated) {
    QuotedSpan s;
    s.open = o.open, s.begin = o.begin, s.end = end, s.close = close;
    s.depth = 0;
    s.terminated = terminated;
    s.multi_paragraph = o.multi_paragraph;
    out.push_back(s);
  };
  size_t reopened = text.size();  // the reopening mark of a continued quote
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    const TextSpan para = paragraphs[p];
    for (size_t i = para.begin; i < para.end;) {
      Mark m;
      if (!MarkAt(text, i, &m)) {
        uint32_t len = 0;
        At(text, i, &len);
        i += std::max<uint32_t>(len, 1);
        continue;
      }
      const uint32_t pos = static_cast<uint32_t>(i);
      i += m.len;
      if (pos == reopened) continue;
      // A closing mark closes the innermost open quote of its style; “ used
      // as a closing mark (a common slip) closes only after a non-space.
      auto match = std::find_if(stack.rbegin(), stack.rend(),
                                [&](const Open& o) { return Closes(o.style, m.style); });
      const bool misused_open = m.opens && m.style == Style::kCurlyDouble;
      if (m.closes && match != stack.rend() &&
          !(misused_open && IsSpaceOrStart(Before(text, pos)))) {
        const size_t keep = static_cast<size_t>(stack.rend() - match) - 1;
        for (size_t k = stack.size(); k-- > keep + 1;) emit(stack[k], pos, pos, false);
        emit(stack[keep], pos, pos + m.len, true);
        stack.resize(keep);
        continue;
      }
      if (m.opens) {
        // Single marks open only inside a double quote or at a word start.
        if ((m.style == Style::kAsciiSingle || m.style == Style::kCurlySingle) && !stack.empty() &&
            (stack.back().style == Style::kAsciiSingle ||
             stack.back().style == Style::kCurlySingle)) {
          continue;
        }
        stack.push_back({m.style, pos, pos + m.len, false});
      }
    }
    if (stack.empty()) continue;
    // Open at the end of the paragraph: continued when the next paragraph
    // reopens the outermost quote's style, else closed here.
    bool continued = false;
    if (p + 1 < paragraphs.size()) {
      Mark m;
      size_t nb = paragraphs[p + 1].begin;
      continued = MarkAt(text, nb, &m) && m.opens && m.style == stack.front().style;
      if (continued) {
        // Inner quotes do not cross paragraphs.
        for (size_t k = stack.size(); k-- > 1;) emit(stack[k], para.end, para.end, false);
        stack.resize(1);
        stack[0].multi_paragraph = true;
        reopened = nb;
        continue;
      }
    }
    for (size_t k = stack.size(); k-- > 0;) emit(stack[k], para.end, para.end, false);
    stack.clear();
  }
  // Depths and text order.
  std::sort(out.begin(), out.end(), [](const QuotedSpan& a, const QuotedSpan& b) {
    return a.open != b.open ? a.open < b.open : a.close > b.close;
  });
  for (size_t i = 0; i < out.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (out[j].begin <= out[i].open && out[i].close <= out[j].close) ++out[i].depth;
    }
  }
  return out;
}

}  // namespace dossier::quotes
