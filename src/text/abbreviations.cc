// Tested by abbreviations_test.cc and segmenter_test.cc.
#include "text/abbreviations.h"

#include <cctype>
#include <string>

#include "base/ascii.h"
#include "text/abbreviation_data.h"
#include "text/unicode_util.h"

namespace dossier::text_internal {
namespace {

// "pt-BR" -> "pt", "FR" -> "fr".
std::string PrimaryLanguage(std::string_view language) {
  std::string out;
  for (char c : language) {
    if (c == '-' || c == '_') break;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

// Drops leading characters that are neither letters nor digits: "(Dr." -> "Dr.".
std::string_view SkipNonAlnum(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    size_t next = i;
    if (IsLetterOrDigit(NextCodePoint(s, &next))) break;
    i = next;
  }
  return s.substr(i);
}

// "J." "M." "É.": one upper-case letter and a dot.
bool IsInitial(std::string_view word) {
  if (word.size() < 2 || word.back() != '.') return false;
  size_t i = 0;
  UChar32 c = NextCodePoint(word, &i);
  return i == word.size() - 1 && (u_isupper(c) || u_istitle(c));
}

// "U.S." "a.m." "Ph.D.": two or more groups of one or two letters, each
// followed by a dot.
bool IsDottedAcronym(std::string_view word) {
  size_t i = 0;
  int groups = 0;
  while (i < word.size()) {
    int letters = 0;
    while (i < word.size() && word[i] != '.') {
      if (!u_isalpha(NextCodePoint(word, &i))) return false;
      ++letters;
    }
    if (i == word.size() || letters == 0 || letters > 2) return false;
    ++i;  // the dot
    ++groups;
  }
  return groups >= 2;
}

bool StartsWithDigit(std::string_view next) {
  next = SkipNonAlnum(next);
  if (next.empty()) return false;
  size_t i = 0;
  return u_isdigit(NextCodePoint(next, &i));
}

// The leading run of letters of `next`, after opening quotes and brackets:
// "“L'armée" -> "L".
std::string_view FirstWord(std::string_view next) {
  next = SkipNonAlnum(next);
  size_t end = 0;
  while (end < next.size()) {
    size_t i = end;
    if (!u_isalpha(NextCodePoint(next, &i))) break;
    end = i;
  }
  return next.substr(0, end);
}

}  // namespace

AbbreviationRules AbbreviationRules::ForLanguage(std::string_view language) {
  const std::string code = PrimaryLanguage(language);
  for (size_t i = 0; i < kAbbreviationFileCount; ++i) {
    if (code != kAbbreviationFiles[i].name) continue;
    Result<AbbreviationRules> rules = Parse(kAbbreviationFiles[i].content);
    // abbreviations_test.cc parses every embedded file, so this cannot fail
    // in a tested build; fall back to the built-in rules if it ever does.
    if (rules.ok()) return std::move(*rules);
    break;
  }
  return AbbreviationRules();
}

Result<AbbreviationRules> AbbreviationRules::Parse(std::string_view content) {
  AbbreviationRules rules;
  enum class Section { kNone, kEntries, kStarters } section = Section::kNone;
  Kind kind = Kind::kNone;
  int line_number = 0;
  while (!content.empty()) {
    const size_t eol = content.find('\n');
    std::string_view line = ascii::Trim(content.substr(0, eol));
    content.remove_prefix(eol == std::string_view::npos ? content.size() : eol + 1);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    const std::string where = "abbreviation list line " + std::to_string(line_number);
    if (line.front() == '[') {
      static constexpr struct {
        std::string_view name;
        Section section;
        Kind kind;
      } kSections[] = {
          {"[never]", Section::kEntries, Kind::kNever},
          {"[may-end]", Section::kEntries, Kind::kMayEnd},
          {"[before-number]", Section::kEntries, Kind::kBeforeNumber},
          {"[starters]", Section::kStarters, Kind::kNone},
      };
      section = Section::kNone;
      for (const auto& s : kSections) {
        if (line != s.name) continue;
        section = s.section;
        kind = s.kind;
      }
      if (section == Section::kNone) {
        return Status::InvalidInput(where + ": unknown section " + std::string(line));
      }
      continue;
    }
    if (section == Section::kNone) {
      return Status::InvalidInput(where + ": entry before any section");
    }
    bool added = section == Section::kStarters ? rules.starters_.emplace(line).second
                                               : rules.entries_.emplace(line, kind).second;
    if (!added) return Status::InvalidInput(where + ": duplicate entry " + std::string(line));
  }
  return rules;
}

AbbreviationRules::Kind AbbreviationRules::Classify(std::string_view word) const {
  word = SkipNonAlnum(word);
  if (word.empty() || word.back() != '.') return Kind::kNone;
  if (auto it = entries_.find(word); it != entries_.end()) return it->second;
  if (IsInitial(word)) return Kind::kNever;
  if (IsDottedAcronym(word)) return Kind::kMayEnd;
  return Kind::kNone;
}

bool AbbreviationRules::KeepsBreak(std::string_view word, std::string_view next) const {
  switch (Classify(word)) {
    case Kind::kNone:
      return true;
    case Kind::kNever:
      return false;
    case Kind::kMayEnd:
      return IsStarter(FirstWord(next));
    case Kind::kBeforeNumber:
      return !StartsWithDigit(next);
  }
  return true;
}

}  // namespace dossier::text_internal
