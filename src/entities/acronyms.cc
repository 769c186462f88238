// Tested by acronyms_test.cc.
#include "entities/acronyms.h"

#include <string>

#include "base/ascii.h"

namespace dossier::identity {
namespace {

// Schwartz & Hearst's backward match. Returns the offset in long_form where
// the match starts (at a word start), or npos.
size_t MatchStart(std::string_view acronym, std::string_view long_form) {
  if (acronym.empty() || long_form.empty()) return std::string_view::npos;
  size_t l = long_form.size();
  for (size_t a = acronym.size(); a-- > 0;) {
    const char c = acronym[a];
    if (!ascii::IsLowerOrDigit(c)) continue;
    while (true) {
      if (l == 0) return std::string_view::npos;
      --l;
      const bool word_start = l == 0 || !ascii::IsLowerOrDigit(long_form[l - 1]);
      if (long_form[l] == c && (a > 0 || word_start)) break;
    }
  }
  return l;
}

}  // namespace

bool AbbreviatesLongForm(std::string_view acronym, std::string_view long_form) {
  return MatchStart(acronym, long_form) == 0;
}

std::vector<AcronymDeclaration> FindAcronymDeclarations(const std::vector<TextWord>& words) {
  std::vector<AcronymDeclaration> out;
  for (size_t p = 1; p + 2 < words.size(); ++p) {
    if (words[p].folded != "(" || words[p + 2].folded != ")") continue;
    const TextWord& a = words[p + 1];
    if (a.punct || !a.all_caps || a.folded.size() < 2 || a.folded.size() > 10) continue;
    const size_t letters = a.folded.size();
    const size_t max_words = std::min(letters + 5, 2 * letters);
    // Grow the long form leftwards until the acronym matches from its start.
    std::string long_form;
    for (size_t k = p, n = 0; k-- > 0 && n < max_words; ++n) {
      if (words[k].punct) break;
      long_form = n == 0 ? words[k].folded : words[k].folded + " " + long_form;
      if (!long_form.empty() && long_form[0] == a.folded[0] &&
          AbbreviatesLongForm(a.folded, long_form)) {
        out.push_back({k, p - 1, p + 1});
        break;
      }
    }
  }
  return out;
}

}  // namespace dossier::identity
