// Tested by facts_test.cc.
#include "facts/fact_lexicon.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "facts/facts_data.h"
#include "text/segmenter.h"
#include "text/stemmer.h"

namespace dossier {
namespace {

const std::string kEmpty;

const char* FindFile(std::string_view name) {
  for (size_t k = 0; k < facts_internal::kFactsDataCount; ++k) {
    if (name == facts_internal::kFactsData[k].name) return facts_internal::kFactsData[k].content;
  }
  return nullptr;
}

// Calls f(fields) for each non-comment line split at tabs.
template <typename F>
Status ForEachLine(std::string_view text, std::string_view file, F f) {
  size_t line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> fields;
    size_t start = 0;
    for (size_t tab; (tab = line.find('\t', start)) != std::string_view::npos; start = tab + 1) {
      fields.push_back(line.substr(start, tab - start));
    }
    fields.push_back(line.substr(start));
    if (!f(fields)) {
      return Status::InvalidInput(std::string(file) + " line " + std::to_string(line_no) +
                                  ": malformed entry");
    }
  }
  return Status::OK();
}

double ToDouble(std::string_view s) { return std::strtod(std::string(s).c_str(), nullptr); }

std::string Key(std::string_view phrase) {
  std::string key;
  for (const TimeToken& t : TokenizeForTime(phrase)) {
    if (!key.empty()) key += ' ';
    key += t.folded;
  }
  return key;
}

}  // namespace

Result<FactLexicon> FactLexicon::Load(std::string_view language) {
  std::string numbers_name = "numbers-" + std::string(language) + ".tsv";
  const char* numbers = FindFile(numbers_name);
  const char* lexicon = FindFile("lexicon.tsv");
  const char* demonyms = FindFile("demonyms.tsv");
  if (numbers == nullptr) {
    return Status::NotFound("no facts lexicon for language '" + std::string(language) + "'");
  }
  if (lexicon == nullptr || demonyms == nullptr) return Status::Internal("facts data not embedded");
  FactLexicon lex;
  lex.language_ = std::string(language);
  Status s = ForEachLine(numbers, numbers_name, [&](const std::vector<std::string_view>& f) {
    if (f.size() < 3) return false;
    NumberWord w;
    if (f[1] == "number") {
      w.kind = NumberWord::Kind::kNumber;
    } else if (f[1] == "scale") {
      w.kind = NumberWord::Kind::kScale;
    } else if (f[1] == "range" && f.size() >= 5) {
      w.kind = NumberWord::Kind::kRange;
      w.low = ToDouble(f[3]);
      w.high = ToDouble(f[4]);
    } else if (f[1] == "marker") {
      w.kind = NumberWord::Kind::kMarker;
      w.marker = std::string(f[2]);
    } else {
      return false;
    }
    if (w.kind != NumberWord::Kind::kMarker) w.value = ToDouble(f[2]);
    std::string key = Key(f[0]);
    lex.max_number_tokens_ =
        std::max<size_t>(lex.max_number_tokens_, 1 + std::ranges::count(key, ' '));
    lex.numbers_[key].push_back(std::move(w));
    return true;
  });
  if (!s.ok()) return s;

  Stemmer stemmer(language);
  std::string folded;
  s = ForEachLine(lexicon, "lexicon.tsv", [&](const std::vector<std::string_view>& f) {
    if (f.size() < 3) return false;
    if (f[0] != language) return true;
    FoldCaseInto(f[2], &folded);
    std::string value(f.size() > 3 ? f[3] : std::string_view());
    if (f[1] == "unit") {
      lex.units_[std::string(stemmer.Stem(folded))] = value;
    } else if (f[1] == "happening") {
      lex.happenings_[std::string(stemmer.Stem(folded))] = value;
    } else if (f[1] == "nationality") {
      lex.nationalities_[folded] = value;
    } else if (f[1] == "stop") {
      lex.roles_[folded] |= kStopRole;
    } else if (f[1] == "unreal" && (value == "before" || value == "after")) {
      lex.roles_[folded] |= value == "before" ? kUnrealBeforeRole : kUnrealAfterRole;
    } else if (f[1] == "pronoun") {
      lex.roles_[folded] |= kPronounRole;
    } else if (f[1] == "distributive") {
      lex.roles_[folded] |= kDistributiveRole;
    } else if (f[1] == "clause") {
      lex.roles_[folded] |= kClauseRole;
    } else {
      return false;
    }
    return true;
  });
  if (!s.ok()) return s;
  // demonyms.tsv: <ISO 3166 code> <lang> <form>|<form>|...
  s = ForEachLine(demonyms, "demonyms.tsv", [&](const std::vector<std::string_view>& f) {
    if (f.size() < 3) return false;
    if (f[1] != language) return true;
    std::string_view forms = f[2];
    while (!forms.empty()) {
      size_t bar = forms.find('|');
      FoldCaseInto(forms.substr(0, bar), &folded);
      lex.nationalities_.emplace(folded, std::string(f[0]));
      forms = bar == std::string_view::npos ? std::string_view() : forms.substr(bar + 1);
    }
    return true;
  });
  if (!s.ok()) return s;
  return lex;
}

size_t FactLexicon::MatchNumber(const std::vector<TimeToken>& tokens, size_t i,
                                NumberWord::Kind kind, const NumberWord** word) const {
  std::string key;
  size_t best = 0;
  for (size_t n = 1; n <= max_number_tokens_ && i + n <= tokens.size(); ++n) {
    if (n > 1) key += ' ';
    // An elided "d'" is "de" ("une cinquantaine d'attaques").
    key += tokens[i + n - 1].folded == "d'" ? std::string("de") : tokens[i + n - 1].folded;
    auto it = numbers_.find(key);
    if (it == numbers_.end()) continue;
    for (const NumberWord& w : it->second) {
      if (w.kind == kind) best = n, *word = &w;
    }
  }
  return best;
}

const std::string& FactLexicon::UnitConcept(std::string_view stem) const {
  auto it = units_.find(std::string(stem));
  return it == units_.end() ? kEmpty : it->second;
}

const std::string& FactLexicon::HappeningConcept(std::string_view stem) const {
  auto it = happenings_.find(std::string(stem));
  return it == happenings_.end() ? kEmpty : it->second;
}

const std::string& FactLexicon::Nationality(std::string_view folded) const {
  auto it = nationalities_.find(std::string(folded));
  return it == nationalities_.end() ? kEmpty : it->second;
}

bool FactLexicon::HasRole(std::string_view folded, uint8_t role) const {
  auto it = roles_.find(std::string(folded));
  return it != roles_.end() && (it->second & role) != 0;
}

}  // namespace dossier
