// Tested by html_nesting_test.cc and html_extractor_test.cc.
#include "clean/html_nesting.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "clean/text_util.h"

namespace dossier {
namespace {

bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

constexpr std::string_view kVoid[] = {"area",  "base",   "br",    "col",  "embed",
                                      "hr",    "img",    "input", "link", "meta",
                                      "param", "source", "track", "wbr",  "keygen"};
constexpr std::string_view kRawText[] = {"script", "style",   "textarea", "title",    "xmp",
                                         "iframe", "noembed", "noframes", "plaintext"};
// Start tags that close an open <p>, as the tree builder does.
constexpr std::string_view kClosesP[] = {
    "address",    "article", "aside",  "blockquote", "details", "div",  "dl",
    "fieldset",   "figure",  "footer", "form",       "h1",      "h2",   "h3",
    "h4",         "h5",      "h6",     "header",     "hr",      "main", "nav",
    "ol",         "p",       "pre",    "section",    "table",   "ul",   "menu",
    "figcaption", "hgroup",  "center", "dd",         "dt",      "li"};

// Start tags that close an open sibling of their own kind: <li><li>, <td><td>.
bool ClosesSibling(std::string_view tag, std::string_view open) {
  if (tag == open) {
    return tag == "p" || tag == "li" || tag == "dt" || tag == "dd" || tag == "tr" || tag == "td" ||
           tag == "th" || tag == "option" || tag == "optgroup" || tag == "rb" || tag == "rt" ||
           tag == "rp" || tag == "thead" || tag == "tbody" || tag == "tfoot";
  }
  return ((tag == "dt" || tag == "dd") && (open == "dt" || open == "dd")) ||
         ((tag == "td" || tag == "th") && (open == "td" || open == "th"));
}

// Case-insensitive search for "</name" from `from`.
size_t FindEndTag(std::string_view html, size_t from, std::string_view name) {
  for (size_t i = html.find("</", from); i != std::string_view::npos; i = html.find("</", i + 2)) {
    if (i + 2 + name.size() > html.size()) return std::string_view::npos;
    bool same = true;
    for (size_t k = 0; k < name.size(); ++k) {
      if ((html[i + 2 + k] | 0x20) != name[k]) {
        same = false;
        break;
      }
    }
    if (same) return i;
  }
  return std::string_view::npos;
}

// End of a tag that starts at `lt` (one past '>'), honouring quoted values.
size_t TagEnd(std::string_view html, size_t i) {
  char quote = 0;
  for (; i < html.size(); ++i) {
    const char c = html[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      // Quotes only open a value after '='.
      size_t k = i;
      while (k > 0 && html[k - 1] == ' ') --k;
      if (k > 0 && html[k - 1] == '=') quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return html.size();
}

// The nesting scan; writes to *out only when `write`.
bool Scan(std::string_view html, size_t max_depth, bool write, std::string* out) {
  std::vector<std::string> stack;  // open elements we kept (<= max_depth)
  size_t overflow = 0;             // open elements we dropped
  bool changed = false;
  size_t copied = 0;  // html[copied, i) still to be copied
  auto drop = [&](size_t from, size_t to) {
    if (write) out->append(html.substr(copied, from - copied));
    copied = to;
    changed = true;
  };
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (i + 1 >= html.size()) break;
    const char c = html[i + 1];
    if (c == '!') {
      const size_t end = html.substr(i, 4) == "<!--" ? html.find("-->", i + 4) : html.find('>', i);
      i = end == std::string_view::npos ? html.size() : end + (html[end] == '-' ? 3 : 1);
      continue;
    }
    if (c == '?') {
      const size_t end = html.find('>', i);
      i = end == std::string_view::npos ? html.size() : end + 1;
      continue;
    }
    const bool closing = c == '/';
    const size_t name_start = i + (closing ? 2 : 1);
    if (name_start >= html.size() || !IsAsciiAlpha(html[name_start])) {
      ++i;
      continue;
    }
    size_t name_end = name_start;
    while (name_end < html.size() && html[name_end] != ' ' && html[name_end] != '>' &&
           html[name_end] != '/' && html[name_end] != '\t' && html[name_end] != '\n' &&
           html[name_end] != '\r' && html[name_end] != '\f') {
      ++name_end;
    }
    std::string name(html.substr(name_start, name_end - name_start));
    for (char& ch : name) ch = static_cast<char>(ch | 0x20);
    const size_t tag_end = TagEnd(html, name_end);

    if (closing) {
      if (overflow > 0) {
        --overflow;
        drop(i, tag_end);
      } else {
        // Pop to the matching element, if it is open.
        for (size_t k = stack.size(); k > 0; --k) {
          if (stack[k - 1] == name) {
            stack.resize(k - 1);
            break;
          }
        }
      }
      i = tag_end;
      continue;
    }
    if (InTable(kVoid, name)) {
      i = tag_end;
      continue;
    }
    if (!stack.empty() && overflow == 0) {
      if (ClosesSibling(name, stack.back()) || (stack.back() == "p" && InTable(kClosesP, name))) {
        stack.pop_back();
      }
    }
    const bool raw = InTable(kRawText, name);
    size_t element_end = tag_end;
    if (raw) {
      const size_t close = FindEndTag(html, tag_end, name);
      element_end = close == std::string_view::npos ? html.size() : TagEnd(html, close + 2);
    }
    if (stack.size() >= max_depth || overflow > 0) {
      // Too deep: drop the tag (and a raw-text element's content).
      if (raw) {
        drop(i, element_end);
      } else {
        ++overflow;
        drop(i, tag_end);
      }
      i = raw ? element_end : tag_end;
      continue;
    }
    if (!raw) stack.push_back(std::move(name));
    i = raw ? element_end : tag_end;
  }
  if (write && changed) out->append(html.substr(copied));
  return changed;
}

}  // namespace

bool LimitHtmlNesting(std::string_view html, size_t max_depth, std::string* out) {
  if (max_depth == 0) max_depth = 1;
  if (!Scan(html, max_depth, /*write=*/false, nullptr)) return false;
  out->clear();
  out->reserve(html.size());
  Scan(html, max_depth, /*write=*/true, out);
  return true;
}

}  // namespace dossier
