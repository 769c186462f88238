// Tested by same_quote_test.cc.
#include "quotes/same_quote.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "quotes/speaker_resolver.h"

namespace dossier::quotes {
namespace {

std::vector<std::string> Grams(const std::vector<std::string>& words) {
  if (words.size() < 2) return words;
  std::vector<std::string> grams;
  grams.reserve(words.size() - 1);
  for (size_t i = 0; i + 1 < words.size(); ++i) grams.push_back(words[i] + ' ' + words[i + 1]);
  return grams;
}

double Overlap(const std::vector<std::string>& wa, const std::vector<std::string>& wb) {
  if (wa.empty() || wb.empty()) return 0;
  // Bigrams on both sides, unless one side is a single word.
  const bool unigrams = wa.size() < 2 || wb.size() < 2;
  std::vector<std::string> a = unigrams ? wa : Grams(wa);
  std::vector<std::string> b = unigrams ? wb : Grams(wb);
  if (a.size() > b.size()) std::swap(a, b);
  std::unordered_map<std::string, int> count;
  for (const std::string& g : b) ++count[g];
  size_t shared = 0;
  for (const std::string& g : a) {
    auto it = count.find(g);
    if (it != count.end() && it->second > 0) --it->second, ++shared;
  }
  return static_cast<double>(shared) / static_cast<double>(a.size());
}

bool Same(const std::vector<std::string>& a, const std::vector<std::string>& b,
          const SameQuoteOptions& o) {
  if (std::min(a.size(), b.size()) < o.min_words) return false;
  return Overlap(a, b) >= o.min_overlap;
}

}  // namespace

std::vector<std::string> NormalizedQuoteWords(std::string_view text) { return FoldedWords(text); }

double QuoteOverlap(std::string_view a, std::string_view b) {
  return Overlap(FoldedWords(a), FoldedWords(b));
}

bool SameQuote(std::string_view a, std::string_view b, const SameQuoteOptions& options) {
  return Same(FoldedWords(a), FoldedWords(b), options);
}

std::vector<size_t> GroupSameQuotes(const std::vector<std::string_view>& texts,
                                    const SameQuoteOptions& options) {
  std::vector<std::vector<std::string>> words;
  words.reserve(texts.size());
  for (std::string_view t : texts) words.push_back(FoldedWords(t));
  std::vector<size_t> parent(texts.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (size_t i = 0; i < texts.size(); ++i) {
    for (size_t j = i + 1; j < texts.size(); ++j) {
      if (find(i) == find(j) || !Same(words[i], words[j], options)) continue;
      size_t a = find(i), b = find(j);
      parent[std::max(a, b)] = std::min(a, b);
    }
  }
  std::vector<size_t> out(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) out[i] = find(i);
  return out;
}

}  // namespace dossier::quotes
