// Tested by simple_tokenizer_test.cc.
#include "entities/simple_tokenizer.h"

#include <array>

namespace dossier::ner {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Length of the punctuation character at the start / end of s (ASCII or a
// typographic quote, dash or ellipsis), 0 if none.
size_t LeadingPunct(std::string_view s) {
  if (s.empty()) return 0;
  static constexpr std::string_view kAscii = "\"'([{<`*";
  if (kAscii.find(s[0]) != std::string_view::npos) return 1;
  static constexpr std::array<std::string_view, 6> kUtf8 = {"“", "‘", "«", "„", "—", "–"};
  for (std::string_view p : kUtf8) {
    if (s.starts_with(p)) return p.size();
  }
  return 0;
}

size_t TrailingPunct(std::string_view s) {
  if (s.empty()) return 0;
  static constexpr std::string_view kAscii = "\"')]}>,;:!?*";
  if (kAscii.find(s.back()) != std::string_view::npos) return 1;
  static constexpr std::array<std::string_view, 7> kUtf8 = {"”", "’", "»",       "—",
                                                            "–", "…", "\xC2\xA0"};
  for (std::string_view p : kUtf8) {
    if (s.ends_with(p)) return p.size();
  }
  return 0;
}

// A final period belongs to the word for "U.S." (inner periods) and single
// capitals ("J."); otherwise it is a sentence period.
bool KeepsPeriod(std::string_view w) {
  if (w.size() < 2 || w.back() != '.') return true;
  std::string_view body = w.substr(0, w.size() - 1);
  if (body.find('.') != std::string_view::npos) return true;
  return body.size() == 1 && body[0] >= 'A' && body[0] <= 'Z';
}

}  // namespace

void SplitClitics(std::string_view w, std::vector<std::string_view>* out) {
  static constexpr std::array<std::string_view, 2> kApostrophes = {"'", "’"};
  // French elision: l'homme -> l' homme.
  for (std::string_view ap : kApostrophes) {
    size_t p = w.find(ap);
    if (p == std::string_view::npos || p == 0 || p > 6 || p + ap.size() >= w.size()) continue;
    std::string_view head = w.substr(0, p);
    static constexpr std::array<std::string_view, 14> kElided = {
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "L", "D"};
    bool elided = false;
    for (std::string_view e : kElided) elided = elided || head == e;
    if (elided) {
      out->push_back(w.substr(0, p + ap.size()));
      w.remove_prefix(p + ap.size());
      break;
    }
  }
  // English clitics: don't -> do n't; Reuters's -> Reuters 's.
  for (std::string_view ap : kApostrophes) {
    for (std::string_view n : {std::string_view("n"), std::string_view("N")}) {
      size_t len = n.size() + ap.size() + 1;
      if (w.size() > len && w.substr(w.size() - len, n.size()) == n &&
          w.substr(w.size() - len + n.size(), ap.size()) == ap &&
          (w.back() == 't' || w.back() == 'T')) {
        out->push_back(w.substr(0, w.size() - len));
        out->push_back(w.substr(w.size() - len));
        return;
      }
    }
    size_t len = ap.size() + 1;
    if (w.size() > len && (w.back() == 's' || w.back() == 'S') &&
        w.substr(w.size() - len, ap.size()) == ap) {
      out->push_back(w.substr(0, w.size() - len));
      out->push_back(w.substr(w.size() - len));
      return;
    }
  }
  out->push_back(w);
}

void SimpleTokenize(std::string_view text, std::vector<std::string_view>* out) {
  size_t i = 0;
  std::vector<std::string_view> tail;
  while (i < text.size()) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    size_t start = i;
    while (i < text.size() && !IsSpace(text[i])) ++i;
    std::string_view w = text.substr(start, i - start);
    if (w.empty()) break;
    while (size_t n = LeadingPunct(w)) {
      if (n == w.size()) break;
      out->push_back(w.substr(0, n));
      w.remove_prefix(n);
    }
    tail.clear();
    for (;;) {
      size_t n = TrailingPunct(w);
      if (n == 0 && !KeepsPeriod(w)) n = 1;
      if (n == 0 && w.size() > 3 && w.ends_with("...")) n = 3;
      if (n == 0 || n == w.size()) break;
      tail.push_back(w.substr(w.size() - n));
      w.remove_suffix(n);
    }
    SplitClitics(w, out);
    for (size_t k = tail.size(); k-- > 0;) out->push_back(tail[k]);
  }
}

}  // namespace dossier::ner
