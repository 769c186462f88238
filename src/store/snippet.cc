// Tested by search_test.cc.
#include "store/snippet.h"

#include <algorithm>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace dossier::store_internal {
namespace {

constexpr size_t kContextBefore = 5;
constexpr size_t kMaxScanBytes = 64 * 1024;

bool IsTokenChar(UChar32 c) {
  if (c < 0) return false;
  const uint32_t mask = U_GET_GC_MASK(c);
  return (mask & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK | U_GC_CO_MASK)) != 0;
}

struct Token {
  size_t begin = 0, end = 0;  // bytes of the text
};

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The tokens of `text`, ASCII bytes classified without ICU.
std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  size_t i = 0;
  bool in_token = false;
  while (i < text.size()) {
    const size_t at = i;
    bool token_char;
    if ((text[i] & 0x80) == 0) {
      token_char = IsAsciiAlnum(text[i]);
      ++i;
    } else {
      UChar32 c;
      int32_t pos = static_cast<int32_t>(i);
      U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos, static_cast<int32_t>(text.size()),
              c);
      i = static_cast<size_t>(pos);
      token_char = IsTokenChar(c);
    }
    if (token_char) {
      if (!in_token) out.push_back({at, i});
      out.back().end = i;
    }
    in_token = token_char;
  }
  return out;
}

// Case-folded, diacritics removed, into *out; ASCII without ICU (most
// tokens) and without allocating.
void FoldInto(std::string_view token, std::string* out) {
  out->clear();
  if (std::all_of(token.begin(), token.end(), [](char c) { return (c & 0x80) == 0; })) {
    for (char c : token)
      out->push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(token.data(), static_cast<int32_t>(token.size())));
  s.foldCase();
  if (U_SUCCESS(status)) s = nfd->normalize(s, status);
  icu::UnicodeString bare;
  for (int32_t k = 0; k < s.length();) {
    const UChar32 c = s.char32At(k);
    if ((U_GET_GC_MASK(c) & U_GC_MN_MASK) == 0) bare.append(c);
    k += U16_LENGTH(c);
  }
  bare.toUTF8String(*out);
}

// The text between two tokens, its whitespace runs (paragraph breaks
// among them) made one space: a snippet is one line.
void AppendCollapsed(std::string_view between, std::string* out) {
  bool space = false;
  for (char c : between) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      continue;
    }
    if (space) out->push_back(' ');
    space = false;
    out->push_back(c);
  }
  if (space) out->push_back(' ');
}

}  // namespace

std::vector<std::string> FoldedTokens(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) {
    std::string f;
    FoldInto(text.substr(t.begin, t.end - t.begin), &f);
    if (!f.empty()) out.push_back(std::move(f));
  }
  return out;
}

std::vector<std::string> SnippetTerms(const std::vector<std::string>& query_words) {
  std::vector<std::string> terms;
  for (const std::string& w : query_words) {
    for (const Token& t : Tokenize(w)) {
      std::string f;
      FoldInto(std::string_view(w).substr(t.begin, t.end - t.begin), &f);
      if (std::find(terms.begin(), terms.end(), f) == terms.end()) terms.push_back(std::move(f));
    }
  }
  return terms;
}

std::string MakeSnippet(std::string_view text, const std::vector<std::string>& terms,
                        size_t max_tokens) {
  // A snippet comes from the opening kMaxScanBytes: a long text (a 2 MB
  // page) costs no more than a usual article.
  const std::vector<Token> tokens = Tokenize(text.substr(0, kMaxScanBytes));
  if (tokens.empty() || max_tokens == 0) return std::string();
  // hit[k]: the term token k matches, or -1.
  std::vector<int> hit(tokens.size(), -1);
  std::vector<size_t> hits;
  std::string folded;
  for (size_t k = 0; k < tokens.size(); ++k) {
    FoldInto(text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin), &folded);
    auto it = std::find(terms.begin(), terms.end(), folded);
    if (it == terms.end()) continue;
    hit[k] = static_cast<int>(it - terms.begin());
    hits.push_back(k);
  }
  // Windows start a little before a hit; the best has the most distinct
  // terms, then the most hits.
  size_t best_start = 0, best_distinct = 0, best_hits = 0;
  std::vector<bool> seen(terms.size());
  for (size_t h : hits) {
    const size_t start = h > kContextBefore ? h - kContextBefore : 0;
    const size_t end = std::min(tokens.size(), start + max_tokens);
    std::fill(seen.begin(), seen.end(), false);
    size_t distinct = 0, count = 0;
    for (size_t k = start; k < end; ++k) {
      if (hit[k] < 0) continue;
      ++count;
      if (!seen[static_cast<size_t>(hit[k])]) seen[static_cast<size_t>(hit[k])] = true, ++distinct;
    }
    if (distinct > best_distinct || (distinct == best_distinct && count > best_hits)) {
      best_start = start, best_distinct = distinct, best_hits = count;
    }
  }
  const size_t end = std::min(tokens.size(), best_start + max_tokens);
  std::string out;
  if (best_start > 0) out += "\u2026";
  size_t at = tokens[best_start].begin;
  for (size_t k = best_start; k < end; ++k) {
    AppendCollapsed(text.substr(at, tokens[k].begin - at), &out);
    if (hit[k] >= 0) out += '[';
    out.append(text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin));
    if (hit[k] >= 0) out += ']';
    at = tokens[k].end;
  }
  if (end < tokens.size()) out += "\u2026";
  return out;
}

}  // namespace dossier::store_internal
