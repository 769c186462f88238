// Tested by roles_test.cc.
#include "entities/roles.h"

#include <algorithm>
#include <array>

namespace dossier::identity {
namespace {

constexpr size_t kMaxComplement = 6;
constexpr size_t kMaxPrefix = 6;

constexpr std::array<std::string_view, 24> kPrepositions = {
    "of", "the", "for", "in", "at",  "on", "to",   "with", "de",   "du",  "des", "d",
    "la", "le",  "l",   "au", "aux", "a",  "pour", "en",   "chez", "sur", "von", "der"};
constexpr std::array<std::string_view, 5> kRoleDeterminers = {"the", "le", "la", "l", "les"};
constexpr std::array<std::string_view, 20> kModifiers = {
    "former",   "new",    "then",     "acting", "interim",  "outgoing", "incoming",
    "current",  "ex",     "late",     "deputy", "ancien",   "ancienne", "nouveau",
    "nouvelle", "actuel", "actuelle", "defunt", "premiere", "vice"};

std::vector<std::string> SplitWords(std::string_view folded) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : folded) {
    if (c == ' ' || c == '-') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::string_view TrimCr(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.remove_suffix(1);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return s;
}

}  // namespace

Status RoleLexicon::Add(const NameNormalizer& normalizer, std::string_view text,
                        std::string_view source) {
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = TrimCr(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    size_t t1 = line.find('\t');
    size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) {
      return Status::InvalidInput(std::string(source) + ":" + std::to_string(line_no) +
                                  ": expected <phrase> TAB <canonical> TAB <class>");
    }
    RoleEntry e;
    e.words = SplitWords(normalizer.Fold(line.substr(0, t1)));
    e.canonical = std::string(TrimCr(line.substr(t1 + 1, t2 - t1 - 1)));
    e.role_class = std::string(TrimCr(line.substr(t2 + 1)));
    if (e.words.empty() || e.canonical.empty() || e.role_class.empty()) {
      return Status::InvalidInput(std::string(source) + ":" + std::to_string(line_no) +
                                  ": empty phrase, canonical role or class");
    }
    std::vector<RoleEntry>& list = by_first_[e.words[0]];
    bool duplicate = false;
    for (const RoleEntry& x : list) duplicate = duplicate || x.words == e.words;
    if (duplicate) continue;
    list.push_back(std::move(e));
    std::stable_sort(list.begin(), list.end(), [](const RoleEntry& a, const RoleEntry& b) {
      return a.words.size() > b.words.size();
    });
    ++size_;
  }
  return Status::OK();
}

const RoleEntry* RoleLexicon::Find(std::string_view canonical) const {
  const RoleEntry* best = nullptr;
  for (const auto& [first, list] : by_first_) {
    for (const RoleEntry& e : list) {
      if (e.canonical == canonical && (best == nullptr || e.words < best->words)) best = &e;
    }
  }
  return best;
}

RoleFinder::RoleFinder(const RoleLexicon* lexicon, const AliasTable* aliases)
    : lexicon_(lexicon), aliases_(aliases) {}

bool RoleFinder::IsPreposition(std::string_view folded) { return IsOneOf(folded, kPrepositions); }
bool RoleFinder::IsDeterminer(std::string_view folded) { return IsOneOf(folded, kRoleDeterminers); }

std::string RoleFinder::CountryAt(const std::vector<TextWord>& words, size_t i,
                                  size_t* span) const {
  if (span != nullptr) *span = 0;
  if (aliases_ == nullptr || i >= words.size() || words[i].punct) return "";
  auto lookup = [&](std::string_view folded, bool all_caps) -> std::string {
    NameKey key = MakeNameKeyFromFolded(folded, all_caps);
    std::vector<AliasRef> refs = aliases_->Lookup(key);
    for (AliasKind kind : {AliasKind::kDemonym, AliasKind::kName}) {
      std::optional<uint32_t> g = AliasTable::UniqueGroup(refs, kind);
      if (g.has_value() && aliases_->group(*g).id.rfind("country:", 0) == 0) {
        return aliases_->group(*g).id;
      }
    }
    return "";
  };
  // Two words first ("United States", "Saudi Arabian"), only if capitalised.
  if (i > 0 && !words[i - 1].punct && words[i - 1].capitalized && words[i].capitalized &&
      !IsOneOf(words[i - 1].folded, kPrepositions) &&
      !IsOneOf(words[i - 1].folded, kRoleDeterminers)) {
    std::string two = lookup(words[i - 1].folded + " " + words[i].folded, false);
    if (!two.empty()) {
      if (span != nullptr) *span = 2;
      return two;
    }
  }
  std::string one = lookup(words[i].folded, words[i].all_caps);
  if (!one.empty() && span != nullptr) *span = 1;
  return one;
}

const RoleEntry* RoleFinder::RoleAt(const std::vector<TextWord>& words, size_t i, size_t* length,
                                    size_t* skipped) const {
  if (lexicon_ == nullptr) {
    *length = 0;
    *skipped = words.size();
    return nullptr;
  }
  return lexicon_->LongestAt(
      words, i, [&](size_t k) { return !words[k].capitalized && !CountryAt(words, k).empty(); },
      length, skipped);
}

bool RoleFinder::ComplementOk(const std::vector<TextWord>& words, size_t from, size_t to) const {
  if (to < from || to - from > kMaxComplement) return false;
  bool after_preposition = false;
  for (size_t k = from; k < to; ++k) {
    const TextWord& w = words[k];
    if (w.punct) return false;
    if (IsOneOf(w.folded, kPrepositions)) {
      after_preposition = true;
    } else if (!w.capitalized && !after_preposition && CountryAt(words, k).empty()) {
      return false;
    }
  }
  return true;
}

// Extends the role back over modifiers, a country or demonym and the words
// of an organisation ("Iranian Islamic Revolutionary Guard Corps
// Commander"), and finds its country.
void RoleFinder::Qualify(const std::vector<TextWord>& words, FoundRole* role,
                         size_t complement_end) const {
  size_t start = role->first_word;
  size_t j = start;
  while (j > 0 && start - (j - 1) <= kMaxPrefix) {
    const TextWord& w = words[j - 1];
    if (w.punct) break;
    if (IsOneOf(w.folded, kModifiers)) {
      start = --j;
      continue;
    }
    size_t span = 0;
    std::string country = CountryAt(words, j - 1, &span);
    if (!country.empty()) {
      if (role->country.empty()) role->country = country;
      j -= span;
      start = j;
      continue;
    }
    // Organisation words count only when a country precedes them.
    if (w.capitalized && !w.all_caps && j - 1 > 0) {
      --j;
      continue;
    }
    break;
  }
  role->first_word = start;
  for (size_t k = role->last_word + 1; k < complement_end && role->country.empty(); ++k) {
    role->country = CountryAt(words, k);
  }
  role->begin = words[role->first_word].begin;
  role->end = words[role->last_word].end;
}

std::optional<FoundRole> RoleFinder::Before(const std::vector<TextWord>& words,
                                            size_t first) const {
  if (first == 0 || first > words.size()) return std::nullopt;
  size_t k = first;  // one past the complement
  if (words[k - 1].punct && words[k - 1].folded == ",") --k;
  std::optional<FoundRole> best;
  size_t best_end = 0;
  for (size_t s = k; s-- > 0 && k - s <= kMaxComplement + 4;) {
    if (words[s].punct) break;
    size_t length = 0, skipped = 0;
    const RoleEntry* e = RoleAt(words, s, &length, &skipped);
    if (e == nullptr || s + length > k) continue;
    const size_t end = s + length;
    if (!ComplementOk(words, end, k)) continue;
    if (!best.has_value() || end > best_end || (end == best_end && s < best->first_word)) {
      FoundRole r;
      r.first_word = s;
      r.last_word = end - 1;
      r.canonical = e->canonical;
      r.role_class = e->role_class;
      if (skipped < words.size()) r.country = CountryAt(words, skipped);
      best = std::move(r);
      best_end = end;
    }
  }
  if (!best.has_value()) return std::nullopt;
  // The complement belongs to the role's text: "porte-parole du Pentagone".
  const size_t complement_end = k;
  Qualify(words, &*best, complement_end);
  if (complement_end > best_end) {
    best->last_word = complement_end - 1;
    best->end = words[best->last_word].end;
  }
  return best;
}

std::optional<FoundRole> RoleFinder::After(const std::vector<TextWord>& words, size_t last) const {
  size_t i = last + 1;
  if (i >= words.size() || words[i].folded != ",") return std::nullopt;
  ++i;
  while (i < words.size() && IsOneOf(words[i].folded, kRoleDeterminers)) ++i;
  const size_t start = i;
  std::string country;
  for (size_t s = start; s < words.size() && s - start <= 4; ++s) {
    if (words[s].punct) break;
    size_t length = 0, skipped = 0;
    const RoleEntry* e = RoleAt(words, s, &length, &skipped);
    if (e != nullptr) {
      FoundRole r;
      r.first_word = start;
      r.last_word = s + length - 1;
      r.canonical = e->canonical;
      r.role_class = e->role_class;
      r.country = country;
      if (r.country.empty() && skipped < words.size()) r.country = CountryAt(words, skipped);
      // An "of X" complement, up to the next punctuation.
      size_t k = s + length;
      if (k < words.size() && IsOneOf(words[k].folded, kPrepositions)) {
        size_t end = k;
        while (end < words.size() && !words[end].punct && end - k < kMaxComplement) ++end;
        if (ComplementOk(words, k, end)) {
          for (size_t c = k; c < end && r.country.empty(); ++c) r.country = CountryAt(words, c);
          r.last_word = end - 1;
        }
      } else if (r.country.empty() && k < words.size()) {
        r.country = CountryAt(words, k);  // "ministre irakien"
        if (!r.country.empty()) r.last_word = k;
      }
      r.begin = words[r.first_word].begin;
      r.end = words[r.last_word].end;
      return r;
    }
    // Before the role: a country, a demonym, "Iraq's", or capitalised words.
    std::string c = CountryAt(words, s);
    if (!c.empty()) {
      country = c;
    } else if (words[s].apostrophe_before && words[s].folded == "s") {
      // the possessive of the previous word
    } else if (!words[s].capitalized && !IsOneOf(words[s].folded, kModifiers)) {
      break;
    }
  }
  return std::nullopt;
}

std::vector<FoundRole> RoleFinder::Nouns(const std::vector<TextWord>& words) const {
  std::vector<FoundRole> out;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (!IsOneOf(words[i].folded, kRoleDeterminers)) continue;
    size_t j = i + 1;
    std::string country;
    while (j < words.size() && IsOneOf(words[j].folded, kModifiers)) ++j;
    size_t span = 0;
    std::string c = CountryAt(words, j, &span);
    if (!c.empty() && span == 1) {
      country = c;
      ++j;
    }
    size_t length = 0, skipped = 0;
    const RoleEntry* e = RoleAt(words, j, &length, &skipped);
    if (e == nullptr) continue;
    FoundRole r;
    r.first_word = i + 1;
    r.last_word = j + length - 1;
    r.canonical = e->canonical;
    r.role_class = e->role_class;
    r.country = country;
    if (r.country.empty() && skipped < words.size()) r.country = CountryAt(words, skipped);
    const size_t after = j + length;
    if (r.country.empty() && after < words.size() && !words[after].capitalized) {
      r.country = CountryAt(words, after);  // "le président américain"
      if (!r.country.empty()) r.last_word = after;
    }
    r.begin = words[r.first_word].begin;
    r.end = words[r.last_word].end;
    i = r.last_word;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace dossier::identity
