// Tested by time_tagger_test.cc.
#include "time/lexicon.h"

#include <charconv>

#include "base/ascii.h"
#include "text/segmenter.h"
#include "time/time_data.h"

namespace dossier {
namespace {

constexpr std::string_view kCategoryNames[] = {
    "month",  "weekday", "dayoffset", "partofday", "relunit",   "unit",
    "ago",    "agopre",  "count",     "shiftpre",  "shiftpost", "modstart",
    "modmid", "modend",  "relbefore", "relafter",  "rangefrom", "rangeto",
    "vague",  "future",  "ordinal",   "decadepre"};

bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Length of a space at `i` (ASCII or a no-break/thin space), 0 when none.
size_t SpaceLength(std::string_view s, size_t i) {
  if (ascii::IsSpace(s[i])) return 1;
  if (s.substr(i, 2) == "\xC2\xA0") return 2;
  if (s.substr(i, 3) == "\xE2\x80\xAF" || s.substr(i, 3) == "\xE2\x80\x89") return 3;
  return 0;
}

size_t Utf8Length(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 6) return 2;
  if ((c >> 4) == 14) return 3;
  if ((c >> 3) == 30) return 4;
  return 1;
}

bool IsApostrophe(std::string_view s, size_t i, size_t* len) {
  if (i < s.size() && s[i] == '\'') return *len = 1, true;
  if (s.substr(i, 3) == "\xE2\x80\x99") return *len = 3, true;
  return false;
}

// A letter of a word: ASCII letters and any non-ASCII character that is not
// typographic punctuation or a space (good enough for Latin scripts).
size_t LetterLength(std::string_view s, size_t i) {
  unsigned char c = s[i];
  if (IsAsciiLetter(c)) return 1;
  if (c < 0x80) return 0;
  size_t n = Utf8Length(c);
  if (SpaceLength(s, i) > 0) return 0;
  if (c == 0xE2) return 0;  // U+2000..U+2FFF: dashes, quotes, ellipsis, ...
  if (s.substr(i, 2) == "\xC2\xAB" || s.substr(i, 2) == "\xC2\xBB") return 0;  // « »
  if (c == 0xC2) return 0;  // Latin-1 punctuation and symbols
  return n;
}

}  // namespace

std::vector<TimeToken> TokenizeForTime(std::string_view s) {
  std::vector<TimeToken> out;
  std::string fold;
  bool space = true;
  size_t i = 0;
  while (i < s.size()) {
    if (size_t sp = SpaceLength(s, i)) {
      i += sp;
      space = true;
      continue;
    }
    TimeToken t;
    t.begin = static_cast<uint32_t>(i);
    t.space_before = space;
    space = false;
    unsigned char c = s[i];
    if (ascii::IsDigit(c)) {
      t.kind = TimeToken::Kind::kNumber;
      while (i < s.size() && ascii::IsDigit(s[i])) ++i;
      while (i + 1 < s.size() && std::string_view(".,/:-").find(s[i]) != std::string_view::npos &&
             ascii::IsDigit(s[i + 1])) {
        ++i;
        while (i < s.size() && ascii::IsDigit(s[i])) ++i;
      }
      t.end = static_cast<uint32_t>(i);
      t.folded.assign(s.substr(t.begin, t.end - t.begin));
    } else if (LetterLength(s, i) > 0) {
      size_t apos = 0;
      while (i < s.size()) {
        if (size_t l = LetterLength(s, i)) {
          i += l;
        } else if (IsApostrophe(s, i, &apos) && i + apos < s.size() && LetterLength(s, i + apos)) {
          // An English possessive ("week's") leaves the word whole; an
          // elision ("l'an") keeps the apostrophe on the first token.
          bool possessive = (s[i + apos] | 0x20) == 's' &&
                            (i + apos + 1 == s.size() || LetterLength(s, i + apos + 1) == 0);
          if (!possessive) i += apos;
          break;
        } else {
          break;
        }
      }
      t.end = static_cast<uint32_t>(i);
      std::string_view word = s.substr(t.begin, t.end - t.begin);
      FoldCaseInto(word, &fold);
      if (fold.size() >= 3 && fold.compare(fold.size() - 3, 3, "\xE2\x80\x99") == 0) {
        fold.replace(fold.size() - 3, 3, "'");
      }
      t.capitalized =
          IsAsciiLetter(c) ? (c >= 'A' && c <= 'Z') : fold.compare(0, 1, word, 0, 1) != 0;
      t.folded = fold;
    } else {
      t.kind = TimeToken::Kind::kPunct;
      size_t n = Utf8Length(c);
      if (i + n > s.size()) n = s.size() - i;
      i += n;
      t.end = static_cast<uint32_t>(i);
      t.folded.assign(s.substr(t.begin, n));
      if (t.folded == "\xE2\x80\x99") t.folded = "'";
      if (t.folded == "\xE2\x80\x93" || t.folded == "\xE2\x80\x94") t.folded = "-";
    }
    out.push_back(std::move(t));
  }
  return out;
}

Result<TimeLexicon> TimeLexicon::Load(std::string_view language) {
  std::string name = std::string(language) + ".tsv";
  for (size_t k = 0; k < time_internal::kTimeDataCount; ++k) {
    if (name == time_internal::kTimeData[k].name) return Parse(time_internal::kTimeData[k].content);
  }
  return Status::NotFound("no time lexicon for language '" + std::string(language) + "'");
}

Result<TimeLexicon> TimeLexicon::Parse(std::string_view tsv) {
  TimeLexicon lex;
  size_t line_no = 0;
  while (!tsv.empty()) {
    size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view() : tsv.substr(nl + 1);
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    size_t t1 = line.find('\t');
    size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) {
      return Status::InvalidInput("time lexicon line " + std::to_string(line_no) +
                                  ": expected phrase<TAB>category<TAB>value");
    }
    std::string_view phrase = line.substr(0, t1);
    std::string_view category = line.substr(t1 + 1, t2 - t1 - 1);
    LexEntry entry;
    bool known = false;
    for (size_t c = 0; c < std::size(kCategoryNames); ++c) {
      if (kCategoryNames[c] == category) entry.category = static_cast<LexCat>(c), known = true;
    }
    if (!known) {
      return Status::InvalidInput("time lexicon line " + std::to_string(line_no) +
                                  ": unknown category '" + std::string(category) + "'");
    }
    entry.value.assign(line.substr(t2 + 1));
    std::from_chars(entry.value.data(), entry.value.data() + entry.value.size(), entry.number);
    std::vector<TimeToken> tokens = TokenizeForTime(phrase);
    if (tokens.empty()) continue;
    std::string key;
    for (const TimeToken& t : tokens) {
      if (!key.empty()) key += ' ';
      key += t.folded;
    }
    lex.max_tokens_ = std::max(lex.max_tokens_, tokens.size());
    lex.phrases_[key].push_back(std::move(entry));
  }
  return lex;
}

size_t TimeLexicon::Match(const std::vector<TimeToken>& tokens, size_t i, LexCat category,
                          const LexEntry** entry) const {
  std::string key;
  size_t best = 0;
  for (size_t n = 1; n <= max_tokens_ && i + n <= tokens.size(); ++n) {
    if (n > 1) key += ' ';
    key += tokens[i + n - 1].folded;
    auto it = phrases_.find(key);
    if (it == phrases_.end()) continue;
    for (const LexEntry& e : it->second) {
      if (e.category == category) {
        best = n;
        *entry = &e;
      }
    }
  }
  return best;
}

size_t TimeLexicon::Match(const std::vector<TimeToken>& tokens, size_t i, LexCat category) const {
  const LexEntry* unused = nullptr;
  return Match(tokens, i, category, &unused);
}

}  // namespace dossier
