// Tested by name_matcher_test.cc (TokenSimilarity.*).
#include "entities/token_similarity.h"

#include <algorithm>
#include <array>
#include <vector>

namespace dossier::identity {
namespace {

// Phonetic forms use only a, i, u as vowels.
bool IsPhoneticVowel(char c) { return c == 'a' || c == 'i' || c == 'u'; }

bool Pair(char a, char b, char x, char y) { return (a == x && b == y) || (a == y && b == x); }

double SubstitutionCost(char a, char b) {
  if (a == b) return 0;
  if (IsPhoneticVowel(a) && IsPhoneticVowel(b)) {
    if (Pair(a, b, 'a', 'u')) return 0.7;
    return 0.6;
  }
  if (Pair(a, b, 'd', 'z') || Pair(a, b, 's', 'z')) return 0.3;
  if (Pair(a, b, 'd', 't') || Pair(a, b, 'g', 'k') || Pair(a, b, 'g', 'j') ||
      Pair(a, b, 'b', 'p') || Pair(a, b, 'f', 'v') || Pair(a, b, 'k', 'x') ||
      Pair(a, b, 's', 'x') || Pair(a, b, 'j', 'x') || Pair(a, b, 'i', 'j')) {
    return 0.5;
  }
  return 1;
}

double IndelCost(char c) { return IsPhoneticVowel(c) || c == 'h' ? 0.5 : 1; }

}  // namespace

double PhoneticDistance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  // Three rows suffice for optimal string alignment. Names are short: their
  // rows live on the stack (name matching calls this millions of times in a
  // long article), longer strings' on the heap.
  constexpr size_t kStackRow = 64;
  std::array<double, 3 * kStackRow> stack_rows;
  std::vector<double> heap_rows;
  double* rows = stack_rows.data();
  if (m + 1 > kStackRow) {
    heap_rows.resize(3 * (m + 1));
    rows = heap_rows.data();
  }
  const size_t stride = m + 1 > kStackRow ? m + 1 : kStackRow;
  double* prev2 = rows;
  double* prev = rows + stride;
  double* cur = rows + 2 * stride;
  std::fill(prev2, prev2 + m + 1, 0.0);
  prev[0] = 0;
  for (size_t j = 1; j <= m; ++j) prev[j] = prev[j - 1] + IndelCost(b[j - 1]);
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = prev[0] + IndelCost(a[i - 1]);
    for (size_t j = 1; j <= m; ++j) {
      double best = prev[j - 1] + SubstitutionCost(a[i - 1], b[j - 1]);
      best = std::min(best, prev[j] + IndelCost(a[i - 1]));
      best = std::min(best, cur[j - 1] + IndelCost(b[j - 1]));
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && a[i - 1] != a[i - 2]) {
        best = std::min(best, prev2[j - 2] + 0.5);
      }
      cur[j] = best;
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

double TokenSimilarity(const NameToken& a, const NameToken& b) {
  if (a.text.empty() || b.text.empty()) return 0;
  if (a.text == b.text || a.phonetic == b.phonetic) return 1;
  if (a.initial || b.initial) {
    if (a.initial && b.initial) return 0;
    return a.text[0] == b.text[0] ? 0.9 : 0;
  }
  const double longer = static_cast<double>(std::max(a.phonetic.size(), b.phonetic.size()));
  if (longer == 0) return 0;
  return std::max(0.0, 1 - PhoneticDistance(a.phonetic, b.phonetic) / longer);
}

double TokenSimilarity(std::string_view folded_a, std::string_view folded_b) {
  NameToken a{std::string(folded_a), PhoneticForm(folded_a), folded_a.size() == 1};
  NameToken b{std::string(folded_b), PhoneticForm(folded_b), folded_b.size() == 1};
  return TokenSimilarity(a, b);
}

}  // namespace dossier::identity
