// Tested by search_test.cc.
#include "store/search_query.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

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

void AppendGroup(std::string_view columns, const std::vector<std::string>& words,
                 std::string* out) {
  if (words.empty()) return;
  if (!out->empty()) *out += " OR ";
  *out += "({";
  *out += columns;
  *out += "} : (";
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) *out += " AND ";
    *out += QuoteFts5(words[i]);
  }
  *out += "))";
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
  std::string expr;
  AppendGroup("title text", QueryWords(query.text), &expr);
  for (size_t i = 0; i < query.stems.size() && i < kMaxStemLists; ++i) {
    AppendGroup("title text stems", QueryWords(query.stems[i]), &expr);
  }
  return expr;
}

}  // namespace dossier::store_internal
