// Tested by name_matcher_test.cc (rules, the touchstone pairs, and the
// precision / recall floor on data/entities/name_pairs.tsv).
#include "entities/name_matcher.h"

#include <algorithm>
#include <array>

#include "entities/token_similarity.h"

namespace dossier::identity {
namespace {

// Function words that acronyms skip besides NameKey's connectors:
// "État islamique en Irak et au Levant" -> EIIL.
constexpr std::array<std::string_view, 9> kAcronymSkips = {"en", "au", "aux", "a",  "in",
                                                           "on", "at", "to",  "del"};

std::string AcronymInitials(const NameKey& key) {
  std::string out;
  for (const NameToken& t : key.tokens) {
    if (t.text.empty()) continue;
    if (std::find(kAcronymSkips.begin(), kAcronymSkips.end(), t.text) != kAcronymSkips.end()) {
      continue;
    }
    out += t.text[0];
  }
  return out;
}

NameToken Concat(const NameToken& a, const NameToken& b) {
  NameToken t;
  t.text = a.text + b.text;
  t.phonetic = PhoneticForm(t.text);
  return t;
}

struct Alignment {
  int aligned = 0;             // tokens of the shorter name aligned
  double sum = 0;              // their similarities
  int used_b = 0;              // tokens of the longer name used
  std::vector<int> a_first_b;  // per token of the shorter: first aligned token of the longer, or -1
  std::vector<int> a_last_b;   // ... last aligned token
};

// Best monotonic alignment of a's tokens with b's (1-1, 1-2 and 2-1).
Alignment AlignInOrder(const NameKey& a, const NameKey& b, double threshold) {
  const size_t n = a.tokens.size(), m = b.tokens.size();
  struct Cell {
    double value = -1;  // aligned * 100 + sum; -1 = unreachable
    int move = -1;
    double sim = 0;
  };
  std::vector<Cell> dp((n + 1) * (m + 1));
  // Adjacent tokens joined ("al" + "qaida"), made once rather than per cell.
  std::vector<NameToken> a_pairs, b_pairs;
  for (size_t i = 0; i + 1 < n; ++i) a_pairs.push_back(Concat(a.tokens[i], a.tokens[i + 1]));
  for (size_t j = 0; j + 1 < m; ++j) b_pairs.push_back(Concat(b.tokens[j], b.tokens[j + 1]));
  auto at = [&](size_t i, size_t j) -> Cell& { return dp[i * (m + 1) + j]; };
  at(0, 0).value = 0;
  auto relax = [&](size_t i, size_t j, double value, int move, double sim) {
    Cell& c = at(i, j);
    if (value > c.value + 1e-12) c = {value, move, sim};
  };
  for (size_t i = 0; i <= n; ++i) {
    for (size_t j = 0; j <= m; ++j) {
      const double v = at(i, j).value;
      if (v < 0) continue;
      if (i < n) relax(i + 1, j, v, 0, 0);  // a's token unaligned
      if (j < m) relax(i, j + 1, v, 1, 0);  // b's token unaligned
      if (i < n && j < m) {
        double s = TokenSimilarity(a.tokens[i], b.tokens[j]);
        if (s >= threshold) relax(i + 1, j + 1, v + 100 + s, 2, s);
      }
      if (i < n && j + 1 < m && !a.tokens[i].initial) {
        double s = TokenSimilarity(a.tokens[i], b_pairs[j]);
        if (s >= threshold) relax(i + 1, j + 2, v + 100 + s, 3, s);
      }
      if (i + 1 < n && j < m && !b.tokens[j].initial) {
        double s = TokenSimilarity(a_pairs[i], b.tokens[j]);
        if (s >= threshold) relax(i + 2, j + 1, v + 200 + 2 * s, 4, s);
      }
    }
  }
  Alignment out;
  out.a_first_b.assign(n, -1);
  out.a_last_b.assign(n, -1);
  size_t i = n, j = m;
  while (i > 0 || j > 0) {
    const Cell& c = at(i, j);
    switch (c.move) {
      case 0:
        --i;
        break;
      case 1:
        --j;
        break;
      case 2:
        --i, --j;
        out.a_first_b[i] = out.a_last_b[i] = static_cast<int>(j);
        out.aligned += 1, out.sum += c.sim, out.used_b += 1;
        break;
      case 3:
        --i, j -= 2;
        out.a_first_b[i] = static_cast<int>(j);
        out.a_last_b[i] = static_cast<int>(j + 1);
        out.aligned += 1, out.sum += c.sim, out.used_b += 2;
        break;
      case 4:
        i -= 2, --j;
        out.a_first_b[i] = out.a_last_b[i] = out.a_first_b[i + 1] = out.a_last_b[i + 1] =
            static_cast<int>(j);
        out.aligned += 2, out.sum += 2 * c.sim, out.used_b += 1;
        break;
      default:
        return out;  // unreachable cell: cannot happen, (0,0) is the origin
    }
  }
  return out;
}

// Greedy one-to-one alignment in any order ("Macron Emmanuel").
Alignment AlignAnyOrder(const NameKey& a, const NameKey& b, double threshold) {
  struct Pair {
    double sim;
    size_t i, j;
  };
  std::vector<Pair> pairs;
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    for (size_t j = 0; j < b.tokens.size(); ++j) {
      double s = TokenSimilarity(a.tokens[i], b.tokens[j]);
      if (s >= threshold) pairs.push_back({s, i, j});
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const Pair& x, const Pair& y) { return x.sim > y.sim; });
  Alignment out;
  out.a_first_b.assign(a.tokens.size(), -1);
  out.a_last_b.assign(a.tokens.size(), -1);
  std::vector<bool> used(b.tokens.size(), false);
  for (const Pair& p : pairs) {
    if (out.a_first_b[p.i] >= 0 || used[p.j]) continue;
    out.a_first_b[p.i] = out.a_last_b[p.i] = static_cast<int>(p.j);
    used[p.j] = true;
    out.aligned += 1, out.sum += p.sim, out.used_b += 1;
  }
  return out;
}

bool Contains(const std::vector<AliasRef>& refs, AliasKind kind, uint32_t group) {
  for (const AliasRef& r : refs) {
    if (r.kind == kind && r.group == group) return true;
  }
  return false;
}

}  // namespace

std::string_view MatchKindName(MatchKind kind) {
  switch (kind) {
    case MatchKind::kNone:
      return "none";
    case MatchKind::kExact:
      return "exact";
    case MatchKind::kFullName:
      return "full-name";
    case MatchKind::kShortForm:
      return "short-form";
    case MatchKind::kAcronym:
      return "acronym";
    case MatchKind::kAlias:
      return "alias";
    case MatchKind::kDemonym:
      return "demonym";
    case MatchKind::kMetonym:
      return "metonym";
    case MatchKind::kGivenOnly:
      return "given-name-only";
    case MatchKind::kFamilyOnly:
      return "family-name-only";
    case MatchKind::kPartial:
      return "partial";
    case MatchKind::kConflict:
      return "conflict";
  }
  return "none";
}

NameMatcher::NameMatcher(const NameNormalizer* normalizer, const AliasTable* aliases,
                         MatcherOptions options)
    : normalizer_(normalizer), aliases_(aliases), options_(options) {}

NameMatch NameMatcher::Decide(double score, MatchKind kind) const {
  score = std::clamp(score, 0.0, 1.0);
  return NameMatch{score, score >= options_.threshold, kind};
}

std::vector<std::string> NameMatcher::DeclaredNames(std::string_view name) {
  std::vector<std::string> out;
  size_t close = name.find_last_not_of(" \t");
  if (close != std::string_view::npos && name[close] == ')') {
    size_t open = name.rfind('(', close);
    if (open != std::string_view::npos) {
      std::string_view inner = name.substr(open + 1, close - open - 1);
      std::string_view outer = name.substr(0, open);
      while (!outer.empty() && (outer.back() == ' ' || outer.back() == '\t'))
        outer.remove_suffix(1);
      if (!outer.empty()) out.emplace_back(outer);
      if (!inner.empty()) out.emplace_back(inner);
      if (!out.empty()) return out;
    }
  }
  out.emplace_back(name);
  return out;
}

std::optional<NameMatch> NameMatcher::MatchAliases(const NameKey& a, const NameKey& b) const {
  if (aliases_ == nullptr) return std::nullopt;
  const std::vector<AliasRef> ra = aliases_->Lookup(a);
  const std::vector<AliasRef> rb = aliases_->Lookup(b);
  if (ra.empty() || rb.empty()) return std::nullopt;
  for (const AliasRef& x : ra) {
    if (x.kind == AliasKind::kName && Contains(rb, AliasKind::kName, x.group)) {
      return Decide(1.0, MatchKind::kAlias);
    }
  }
  for (const AliasRef& x : ra) {
    if (Contains(rb, x.kind == AliasKind::kName ? AliasKind::kDemonym : AliasKind::kName,
                 x.group) ||
        (x.kind == AliasKind::kDemonym && Contains(rb, AliasKind::kDemonym, x.group))) {
      return Decide(0.85, MatchKind::kDemonym);
    }
  }
  const std::optional<uint32_t> ga = AliasTable::UniqueGroup(ra, AliasKind::kName);
  const std::optional<uint32_t> gb = AliasTable::UniqueGroup(rb, AliasKind::kName);
  if (ga.has_value() && gb.has_value()) {
    const AliasGroup& x = aliases_->group(*ga);
    const AliasGroup& y = aliases_->group(*gb);
    if (x.capital_of == y.id || y.capital_of == x.id) return Decide(0.5, MatchKind::kMetonym);
    return Decide(0.1, MatchKind::kConflict);
  }
  const std::optional<uint32_t> da = AliasTable::UniqueGroup(ra, AliasKind::kDemonym);
  const std::optional<uint32_t> db = AliasTable::UniqueGroup(rb, AliasKind::kDemonym);
  if ((da.has_value() || ga.has_value()) && (db.has_value() || gb.has_value())) {
    return Decide(0.1, MatchKind::kConflict);  // e.g. "Iraqi" / "Iran"
  }
  return std::nullopt;
}

NameMatch NameMatcher::MatchTokens(const NameKey& key_a, const NameKey& key_b, bool person,
                                   bool place) const {
  const bool swap = key_a.tokens.size() > key_b.tokens.size();
  const NameKey& a = swap ? key_b : key_a;  // the shorter
  const NameKey& b = swap ? key_a : key_b;
  const size_t n = a.tokens.size(), m = b.tokens.size();
  const double single = place ? options_.place_threshold : options_.single_threshold;

  if (n == 1 && m == 1) {
    if (a.all_caps && b.all_caps) return Decide(0, MatchKind::kNone);  // unequal acronyms
    double s = TokenSimilarity(a.tokens[0], b.tokens[0]);
    return s >= single ? Decide(s, MatchKind::kFullName) : Decide(s * 0.5, MatchKind::kNone);
  }
  if (n == 1) {
    const NameToken& t = a.tokens[0];
    if (a.all_caps && t.text.size() >= 2 && t.text == AcronymInitials(b)) {
      return Decide(0.9, MatchKind::kAcronym);
    }
    NameToken whole = b.tokens[0];
    for (size_t j = 1; j < m; ++j) whole = Concat(whole, b.tokens[j]);
    if (double s = TokenSimilarity(t, whole); s >= single) return Decide(s, MatchKind::kFullName);
    if (t.initial) return Decide(0, MatchKind::kNone);
    const double last = TokenSimilarity(t, b.tokens[m - 1]);
    const double first = TokenSimilarity(t, b.tokens[0]);
    if (person && last >= single) return Decide(0.75 + 0.15 * last, MatchKind::kShortForm);
    if (first >= single) return Decide(0.45, person ? MatchKind::kGivenOnly : MatchKind::kPartial);
    for (size_t j = 0; j < m; ++j) {
      if (TokenSimilarity(t, b.tokens[j]) >= single) return Decide(0.4, MatchKind::kPartial);
    }
    return Decide(0.3 * std::max(first, last), MatchKind::kNone);
  }

  const double token = options_.token_threshold;
  Alignment al = AlignInOrder(a, b, token);
  double penalty = 0;
  if (al.aligned < static_cast<int>(n)) {
    Alignment any = AlignAnyOrder(a, b, token);
    if (any.aligned == static_cast<int>(n)) {
      al = std::move(any);
      penalty = 0.05;
    }
  }
  if (al.aligned == static_cast<int>(n)) {
    const int extra = static_cast<int>(m) - al.used_b;
    double score = al.sum / static_cast<double>(n) - penalty;
    score -= (person ? 0.02 : 0.1) * extra;
    // An extra token after the shorter name's last is a different family
    // name more often than a middle name: "George Bush" / "George Bush Jr".
    if (person && al.a_last_b[n - 1] != static_cast<int>(m) - 1) score -= 0.03;
    return Decide(score, MatchKind::kFullName);
  }
  const bool first_ok = al.a_first_b[0] >= 0;
  const bool last_ok = al.a_last_b[n - 1] == static_cast<int>(m) - 1;
  if (person && last_ok && !first_ok) return Decide(0.4, MatchKind::kFamilyOnly);
  if (person && first_ok && !last_ok) return Decide(0.3, MatchKind::kGivenOnly);
  if (al.aligned == 0) return Decide(0, MatchKind::kNone);
  return Decide(0.5 * al.aligned / static_cast<double>(n), MatchKind::kPartial);
}

NameMatch NameMatcher::MatchKeys(const NameKey& a, const NameKey& b,
                                 std::optional<ner::EntityType> type) const {
  if (a.empty() || b.empty()) return Decide(0, MatchKind::kNone);
  if (a.Joined() == b.Joined() && a.all_caps == b.all_caps) return Decide(1.0, MatchKind::kExact);
  if (std::optional<NameMatch> m = MatchAliases(a, b); m.has_value()) return *m;
  if (a.Joined() == b.Joined()) return Decide(1.0, MatchKind::kExact);
  const bool person = !type.has_value() || *type == ner::EntityType::kPer;
  const bool place = type.has_value() && *type == ner::EntityType::kLoc;
  return MatchTokens(a, b, person, place);
}

NameMatch NameMatcher::Match(std::string_view a, std::string_view b,
                             std::optional<ner::EntityType> type) const {
  NameMatch best;
  for (const std::string& x : DeclaredNames(a)) {
    const NameKey ka = MakeNameKey(*normalizer_, x);
    for (const std::string& y : DeclaredNames(b)) {
      NameMatch m = MatchKeys(ka, MakeNameKey(*normalizer_, y), type);
      if (m.match > best.match || (m.match == best.match && m.score > best.score)) best = m;
    }
  }
  return best;
}

}  // namespace dossier::identity
