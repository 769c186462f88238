// Tested by outlet_names_test.cc and clean_seeds_test.cc.
#include "clean/outlet_names.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "base/ascii.h"
#include "clean/text_util.h"

namespace dossier {
namespace {

constexpr size_t kMaxNameTokens = 4;

// Pronouns and generic words that start a capitalised phrase but never an
// outlet's name.
constexpr std::string_view kNotNames[] = {
    "we",        "our",  "you",    "your",   "the",    "this",  "it",       "they",     "nous",
    "notre",     "vous", "votre",  "wir",    "unsere", "ihre",  "sie",      "nosotros", "nuestro",
    "nuestra",   "noi",  "nostro", "nostra", "nos",    "nosso", "nossa",    "comments", "post",
    "subscribe", "sign", "log",    "all",    "please", "read",  "continue", "le",       "la",
    "les",       "el",   "il",     "der",    "die",    "das",
};

// Lowercase words allowed inside a name: "Times of India", "Corriere della Sera".
constexpr std::string_view kNameConnectors[] = {"of",    "de", "du", "des", "del",
                                                "della", "di", "da", "do",  "the"};

// Connectors of a wire credit: "(with AFP)", "(avec AFP)".
constexpr std::string_view kCreditConnectors[] = {"with", "avec", "mit", "con", "com"};

// --- Outlet names in removed boilerplate. ---

std::string_view StripTokenPunct(std::string_view t, bool* ended) {
  *ended = false;
  for (std::string_view poss : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
    if (t.size() > poss.size() && t.substr(t.size() - poss.size()) == poss) {
      t.remove_suffix(poss.size());
      *ended = true;
    }
  }
  while (!t.empty() && std::string_view(".,;:!?)]\"'").find(t.back()) != std::string_view::npos) {
    t.remove_suffix(1);
    *ended = true;
  }
  while (t.size() >= 3 &&
         (t.substr(t.size() - 3) == "\xE2\x80\x9D" || t.substr(t.size() - 3) == "\xE2\x80\x99")) {
    t.remove_suffix(3);
    *ended = true;
  }
  return t;
}

bool NameTokenOk(std::string_view t) { return !t.empty() && StartsUppercase(t); }

std::string JoinTokens(const std::vector<std::string_view>& tokens) {
  std::string out;
  for (std::string_view t : tokens) {
    if (!out.empty()) out.push_back(' ');
    out.append(t);
  }
  return out;
}

bool AcceptableName(const std::vector<std::string_view>& tokens) {
  if (tokens.empty()) return false;
  const std::string first = FoldAscii(tokens[0]);
  const bool article = first == "the" || first == "le" || first == "la" || first == "les" ||
                       first == "el" || first == "il" || first == "der" || first == "die" ||
                       first == "das";
  // "The Guardian" is a name, "The" alone or "Our ..." is not.
  return !InTable(kNotNames, first) || (article && tokens.size() > 1);
}

// Capitalised tokens starting at `pos` (years and © skipped when asked).
std::string NameAfter(std::string_view line, size_t pos, bool skip_years) {
  std::vector<std::string_view> tokens;
  size_t i = pos;
  while (i < line.size() && tokens.size() < kMaxNameTokens) {
    while (i < line.size() && line[i] == ' ') ++i;
    size_t j = line.find(' ', i);
    if (j == std::string_view::npos) j = line.size();
    std::string_view raw = line.substr(i, j - i);
    i = j;
    if (raw.empty()) break;
    if (skip_years && tokens.empty() &&
        (ascii::HasDigit(raw) || raw == "\xC2\xA9" || raw == "(c)" || raw == "-" ||
         raw == "\xE2\x80\x93")) {
      continue;
    }
    bool ended = false;
    std::string_view t = StripTokenPunct(raw, &ended);
    if (!tokens.empty() && InTable(kNameConnectors, t) && !ended) {
      // A connector only inside a name: look at the next token.
      size_t k = i;
      while (k < line.size() && line[k] == ' ') ++k;
      if (k < line.size() && StartsUppercase(line.substr(k))) {
        tokens.push_back(t);
        continue;
      }
      break;
    }
    if (!NameTokenOk(t)) break;
    tokens.push_back(t);
    if (ended) break;
  }
  return AcceptableName(tokens) ? JoinTokens(tokens) : "";
}

// Capitalised tokens ending just before `pos`.
std::string NameBefore(std::string_view line, size_t pos) {
  std::vector<std::string_view> tokens;
  size_t end = pos;
  while (end > 0 && tokens.size() < kMaxNameTokens) {
    while (end > 0 && line[end - 1] == ' ') --end;
    if (end == 0) break;
    size_t begin = line.rfind(' ', end - 1);
    begin = begin == std::string_view::npos ? 0 : begin + 1;
    std::string_view t = line.substr(begin, end - begin);
    bool ended = false;
    StripTokenPunct(t, &ended);
    if (ended || !NameTokenOk(t)) break;  // a sentence or clause ends there
    tokens.insert(tokens.begin(), t);
    end = begin;
  }
  return AcceptableName(tokens) ? JoinTokens(tokens) : "";
}

// Phrases that name an outlet next to them, folded.
constexpr std::string_view kNameBefore[] = {
    " moderates",
    " moderate ",
    " reserves the right",
    " modère",
    " se réserve le droit",
    " moderiert",
    " behält sich",
    " modera",
    " se reserva",
    " si riserva",
    " archives",
    " archive",
    " premium",
    " archiv",
    " archivos",
    " archivio",
    " arquivo",
};
struct AfterPhrase {
  std::string_view text;
  bool skip_years;
};
constexpr AfterPhrase kNameAfter[] = {
    {"criticism about ", false},
    {"criticism of ", false},
    {"critiques sur ", false},
    {"critiques à l'égard de ", false},
    {"welcome to ", false},
    {"subscribe to ", false},
    {"abonnez-vous à ", false},
    {"sign up for ", false},
    {"originally published on ", false},
    {"originally published by ", false},
    {"originally published in ", false},
    {"originally published at ", false},
    {"originally appeared on ", false},
    {"originally appeared in ", false},
    {"first appeared on ", false},
    {"first appeared in ", false},
    {"published by ", false},
    {"courtesy of ", false},
    {"\xC2\xA9", true},
    {"copyright", true},
    {"(c) ", true},
};

struct Candidate {
  std::string key;  // folded, letters and digits only
  int support = 0;
  size_t first_seen = 0;
  std::vector<std::pair<std::string, int>> spellings;  // capitalised forms
};

std::string NameKey(std::string_view name) {
  std::string key;
  for (char c : LowerForMatching(name)) {
    if (static_cast<unsigned char>(c) >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      key.push_back(c);
    }
  }
  return key;
}

void AddCandidate(std::vector<Candidate>* cands, const std::string& name, size_t order) {
  const std::string key = NameKey(name);
  if (key.size() < 2) return;
  auto it =
      std::find_if(cands->begin(), cands->end(), [&](const Candidate& c) { return c.key == key; });
  if (it == cands->end()) {
    cands->push_back(Candidate{key, 0, order, {}});
    it = cands->end() - 1;
  }
  ++it->support;
  if (StartsUppercase(name)) {
    auto sp = std::find_if(it->spellings.begin(), it->spellings.end(),
                           [&](const auto& s) { return s.first == name; });
    if (sp == it->spellings.end()) {
      it->spellings.emplace_back(name, 1);
    } else {
      ++sp->second;
    }
  }
}

// "al-monitor French Defense Minister ...": a lowercase first token glued to
// a caption that starts a capitalised sentence.
std::string CaptionPrefix(std::string_view line) {
  const size_t space = line.find(' ');
  if (space == std::string_view::npos || space < 3) return "";
  std::string_view token = line.substr(0, space);
  for (char c : token) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return "";
  }
  if (!StartsUppercase(line.substr(space + 1))) return "";
  return std::string(token);
}

}  // namespace

bool IsCreditConnector(std::string_view word) {
  return InTable(kCreditConnectors, LowerForMatching(word));
}

std::string WireCreditName(std::string_view inside) {
  inside = TrimSpaces(inside);
  const size_t space = inside.find(' ');
  if (space != std::string_view::npos && IsCreditConnector(inside.substr(0, space))) {
    inside = TrimSpaces(inside.substr(space + 1));
  }
  if (inside.empty() || CountWords(inside) > 3 || ascii::HasDigit(inside)) return "";
  // Some wires write their name in lowercase: "(dpa)", "(apa)".
  if (inside.size() >= 2 && inside.size() <= 4 &&
      std::all_of(inside.begin(), inside.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return std::string(inside);
  }
  size_t start = 0;
  while (start < inside.size()) {
    size_t end = inside.find_first_of(" /", start);
    if (end == std::string_view::npos) end = inside.size();
    std::string_view token = inside.substr(start, end - start);
    if (token.empty() || !StartsUppercase(token)) return "";
    for (char c : token) {
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"') {
        if (c != '.') return "";
      }
    }
    start = end + 1;
  }
  return std::string(inside);
}

std::vector<std::string> OutletCandidates(const BoilerplateReport& removed) {
  std::vector<Candidate> cands;
  size_t order = 0;
  for (const RemovedLine& r : removed.removed) {
    if (r.kind == BoilerplateKind::kCaption || r.kind == BoilerplateKind::kReadAlso ||
        r.kind == BoilerplateKind::kShare || r.kind == BoilerplateKind::kLegalNote) {
      continue;
    }
    const std::string folded = LowerForMatching(r.text);
    for (std::string_view phrase : kNameBefore) {
      for (size_t at = folded.find(phrase); at != std::string::npos;
           at = folded.find(phrase, at + 1)) {
        const size_t end = at + phrase.size();
        if (end < folded.size() && IsWordByteAt(folded, end)) continue;
        const std::string name = NameBefore(r.text, at);
        if (!name.empty()) AddCandidate(&cands, name, order++);
      }
    }
    for (const AfterPhrase& phrase : kNameAfter) {
      for (size_t at = folded.find(phrase.text); at != std::string::npos;
           at = folded.find(phrase.text, at + 1)) {
        if (at > 0 && IsWordByteAt(folded, at - 1) && IsWordByteAt(folded, at)) continue;
        const std::string name = NameAfter(r.text, at + phrase.text.size(), phrase.skip_years);
        if (!name.empty()) AddCandidate(&cands, name, order++);
      }
    }
  }
  // Caption prefixes only confirm a name found elsewhere.
  for (const RemovedLine& r : removed.removed) {
    if (r.kind != BoilerplateKind::kCaption) continue;
    const std::string prefix = CaptionPrefix(r.text);
    if (prefix.empty()) continue;
    const std::string key = NameKey(prefix);
    for (Candidate& c : cands) {
      if (c.key == key) ++c.support;
    }
  }
  std::stable_sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    return a.support != b.support ? a.support > b.support : a.first_seen < b.first_seen;
  });
  std::vector<std::string> out;
  for (const Candidate& c : cands) {
    if (c.spellings.empty()) continue;
    const auto best =
        std::max_element(c.spellings.begin(), c.spellings.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    out.push_back(best->first);
  }
  return out;
}

}  // namespace dossier
