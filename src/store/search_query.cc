// Tested by search_test.cc.
#include "store/search_query.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "store/snippet.h"

namespace dossier::store_internal {
namespace {

enum class CharClass { kSeparator, kWord, kOther };

// Mirrors FTS5's unicode61 tokenizer, whose token characters are letters,
// numbers and private-use characters (marks are kept so "é" in NFD stays).
CharClass Classify(UChar32 c) {
  if (c < 0) return CharClass::kSeparator;  // ill-formed UTF-8
  if (u_isUWhiteSpace(c) || u_iscntrl(c)) return CharClass::kSeparator;
  const uint32_t mask = U_GET_GC_MASK(c);
  if (mask & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK | U_GC_CO_MASK)) return CharClass::kWord;
  return CharClass::kOther;
}

// Appends the word of chunk [begin, end) of `text` to `out`, trimmed of
// leading and trailing non-word characters; nothing if no word character.
void AddWord(std::string_view text, size_t begin, size_t end, std::vector<std::string>* out) {
  size_t first = std::string_view::npos;
  size_t last = 0;
  for (size_t i = begin; i < end;) {
    const size_t at = i;
    UChar32 c;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos, static_cast<int32_t>(end), c);
    i = static_cast<size_t>(pos);
    if (Classify(c) != CharClass::kWord) continue;
    if (first == std::string_view::npos) first = at;
    last = i;
  }
  if (first != std::string_view::npos) out->emplace_back(text.substr(first, last - first));
}

// Appends `words` as one AND group, restricted to `columns` unless empty.
void AppendGroup(std::string_view columns, const std::vector<std::string>& words,
                 std::string* out) {
  if (words.empty()) return;
  if (!out->empty()) *out += " OR ";
  *out += "(";
  if (!columns.empty()) {
    *out += "{";
    *out += columns;
    *out += "} : (";
  }
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) *out += " AND ";
    *out += QuoteFts5(words[i]);
  }
  *out += columns.empty() ? ")" : "))";
}

// What a group of words matches, as the index sees it: the folded tokens of
// each word (a word of several tokens is a phrase).
std::vector<std::vector<std::string>> GroupTokens(const std::vector<std::string>& words) {
  std::vector<std::vector<std::string>> out;
  out.reserve(words.size());
  for (const std::string& w : words) out.push_back(FoldedTokens(w));
  return out;
}

}  // namespace

std::vector<std::string> QueryWords(std::string_view text) {
  std::vector<std::string> words;
  size_t chunk = 0;  // start of the current whitespace-delimited chunk
  for (size_t i = 0; i < text.size() && words.size() < kMaxQueryWords;) {
    const size_t at = i;
    UChar32 c;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos, static_cast<int32_t>(text.size()),
            c);
    i = static_cast<size_t>(pos);
    if (Classify(c) != CharClass::kSeparator) continue;
    AddWord(text, chunk, at, &words);
    chunk = i;
  }
  if (words.size() < kMaxQueryWords) AddWord(text, chunk, text.size(), &words);
  return words;
}

std::string QuoteFts5(std::string_view word) {
  std::string out = "\"";
  for (char c : word) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string BuildMatchExpression(const SearchQuery& query) {
  // Every OR'ed group costs a walk of its doclists and its share of every
  // score (a broad search cost three times as much with the duplicates), so
  // a group that another one implies is left out: a stems group that
  // repeats an earlier one, and the words group when a stems group has the
  // same tokens (it matches them in more columns). A stems group is matched
  // over every column, which needs no column filter.
  const std::vector<std::string> words = QueryWords(query.text);
  const std::vector<std::vector<std::string>> word_tokens = GroupTokens(words);
  std::vector<std::vector<std::vector<std::string>>> seen;
  bool words_implied = false;
  std::string stem_groups;
  for (size_t i = 0; i < query.stems.size() && i < kMaxStemLists; ++i) {
    const std::vector<std::string> stems = QueryWords(query.stems[i]);
    if (stems.empty()) continue;
    std::vector<std::vector<std::string>> tokens = GroupTokens(stems);
    if (std::find(seen.begin(), seen.end(), tokens) != seen.end()) continue;
    words_implied = words_implied || tokens == word_tokens;
    seen.push_back(std::move(tokens));
    AppendGroup("", stems, &stem_groups);
  }
  std::string expr;
  if (!words_implied) AppendGroup("title text", words, &expr);
  if (!expr.empty() && !stem_groups.empty()) expr += " OR ";
  return expr + stem_groups;
}

}  // namespace dossier::store_internal
