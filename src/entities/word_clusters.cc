// Tested by word_clusters_test.cc.
#include "entities/word_clusters.h"

#include <algorithm>
#include <cmath>

namespace dossier::ner {
namespace {

// x log x, from a table for the small counts that dominate.
class XLogX {
 public:
  explicit XLogX(size_t n) : table_(n) {
    for (size_t i = 1; i < n; ++i)
      table_[i] = static_cast<double>(i) * std::log(static_cast<double>(i));
  }
  double operator()(double x) const {
    size_t i = static_cast<size_t>(x);
    if (i < table_.size() && static_cast<double>(i) == x) return table_[i];
    return x > 0 ? x * std::log(x) : 0.0;
  }

 private:
  std::vector<double> table_;
};

struct Neighbor {
  uint32_t item;
  double count;
};

}  // namespace

BigramCounts CountBigrams(const std::vector<uint32_t>& ids, uint32_t size) {
  std::vector<uint64_t> keys;
  keys.reserve(ids.size());
  for (size_t i = 0; i + 1 < ids.size(); ++i) {
    if (ids[i] >= size || ids[i + 1] >= size) continue;
    keys.push_back(uint64_t{ids[i]} << 32 | ids[i + 1]);
  }
  std::sort(keys.begin(), keys.end());
  BigramCounts b;
  b.size = size;
  for (size_t i = 0; i < keys.size();) {
    size_t j = i;
    while (j < keys.size() && keys[j] == keys[i]) ++j;
    b.pairs.push_back(
        {static_cast<uint32_t>(keys[i] >> 32), static_cast<uint32_t>(keys[i]), j - i});
    i = j;
  }
  return b;
}

BigramCounts ClassBigrams(const BigramCounts& bigrams, const std::vector<uint32_t>& cls,
                          uint32_t classes) {
  std::vector<uint64_t> m(size_t{classes} * classes, 0);
  for (const auto& p : bigrams.pairs) m[size_t{cls[p.left]} * classes + cls[p.right]] += p.count;
  BigramCounts b;
  b.size = classes;
  for (uint32_t i = 0; i < classes; ++i) {
    for (uint32_t j = 0; j < classes; ++j) {
      if (m[size_t{i} * classes + j] > 0) b.pairs.push_back({i, j, m[size_t{i} * classes + j]});
    }
  }
  return b;
}

std::vector<uint32_t> ExchangeCluster(const BigramCounts& bigrams, uint32_t classes,
                                      int max_iterations) {
  const uint32_t n = bigrams.size;
  std::vector<uint32_t> cls(n);
  if (classes == 0 || n == 0) return cls;
  // Neighbour lists (self-bigrams apart) and unigram counts (as left items).
  std::vector<std::vector<Neighbor>> right(n), left(n);
  std::vector<double> self(n, 0), count(n, 0);
  for (const auto& p : bigrams.pairs) {
    double c = static_cast<double>(p.count);
    count[p.left] += c;
    if (p.left == p.right) {
      self[p.left] += c;
    } else {
      right[p.left].push_back({p.right, c});
      left[p.right].push_back({p.left, c});
    }
  }
  // Items in order of frequency; the first `classes` start in classes of
  // their own, the rest round-robin.
  std::vector<uint32_t> order(n);
  for (uint32_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return count[a] > count[b]; });
  for (uint32_t r = 0; r < n; ++r) cls[order[r]] = r % classes;

  const size_t c2 = size_t{classes} * classes;
  std::vector<double> m(c2, 0), mt(c2, 0), nc(classes, 0);  // m[a*C+b] = N(a,b); mt = transpose
  for (const auto& p : bigrams.pairs) {
    m[size_t{cls[p.left]} * classes + cls[p.right]] += static_cast<double>(p.count);
  }
  for (uint32_t a = 0; a < classes; ++a) {
    for (uint32_t b = 0; b < classes; ++b) mt[size_t{b} * classes + a] = m[size_t{a} * classes + b];
  }
  for (uint32_t i = 0; i < n; ++i) nc[cls[i]] += count[i];

  XLogX f(1 << 20);
  std::vector<double> rc(classes, 0), lc(classes, 0), delta(classes);
  std::vector<uint32_t> touched_r, touched_l;
  auto add_cell = [&](uint32_t a, uint32_t b, double v) {
    m[size_t{a} * classes + b] += v;
    mt[size_t{b} * classes + a] += v;
  };
  for (int iter = 0; iter < max_iterations; ++iter) {
    size_t moved = 0;
    for (uint32_t w : order) {
      touched_r.clear();
      touched_l.clear();
      for (const Neighbor& nb : right[w]) {
        uint32_t c = cls[nb.item];
        if (rc[c] == 0) touched_r.push_back(c);
        rc[c] += nb.count;
      }
      for (const Neighbor& nb : left[w]) {
        uint32_t c = cls[nb.item];
        if (lc[c] == 0) touched_l.push_back(c);
        lc[c] += nb.count;
      }
      // Take w out of its class.
      const uint32_t a = cls[w];
      for (uint32_t c : touched_r) add_cell(a, c, -rc[c]);
      for (uint32_t c : touched_l) add_cell(c, a, -lc[c]);
      add_cell(a, a, -self[w]);
      nc[a] -= count[w];
      // The gain of putting it into each class b.
      for (uint32_t b = 0; b < classes; ++b) {
        const double* row = &m[size_t{b} * classes];
        const double* col = &mt[size_t{b} * classes];
        double d = 0;
        for (uint32_t c : touched_r) d += f(row[c] + rc[c]) - f(row[c]);
        for (uint32_t c : touched_l) d += f(col[c] + lc[c]) - f(col[c]);
        // Cell (b, b) takes rc[b] + lc[b] + self at once; undo the separate terms.
        double bb = row[b];
        d += f(bb + rc[b] + lc[b] + self[w]) - f(bb);
        if (rc[b] != 0) d -= f(bb + rc[b]) - f(bb);
        if (lc[b] != 0) d -= f(bb + lc[b]) - f(bb);
        d -= 2 * (f(nc[b] + count[w]) - f(nc[b]));
        delta[b] = d;
      }
      uint32_t best = a;
      for (uint32_t b = 0; b < classes; ++b) {
        if (delta[b] > delta[best] + 1e-9) best = b;
      }
      if (best != a) ++moved;
      cls[w] = best;
      for (uint32_t c : touched_r) add_cell(best, c, rc[c]);
      for (uint32_t c : touched_l) add_cell(c, best, lc[c]);
      add_cell(best, best, self[w]);
      nc[best] += count[w];
      for (uint32_t c : touched_r) rc[c] = 0;
      for (uint32_t c : touched_l) lc[c] = 0;
    }
    if (moved * 1000 < n) break;  // fewer than 0.1% moved: converged
  }
  return cls;
}

}  // namespace dossier::ner
