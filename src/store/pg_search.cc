// Tested by pg_store_test.cc and search_test.cc (run on both backends).
#include "store/pg_search.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "store/search_query.h"
#include "store/snippet.h"

namespace dossier::store_internal {
namespace {

constexpr uint32_t kMaxPosition = 16383;
constexpr size_t kMaxPositionsPerLexeme = 256;
constexpr size_t kMaxLexemeBytes = 2046;
constexpr size_t kMaxLexemeTotalBytes = 768 * 1024;

struct PgPosition {
  uint32_t at;
  char weight;
};

struct PgTsvectorBuilder {
  std::unordered_map<std::string, std::vector<PgPosition>> lexemes;
  std::vector<const std::string*> order;  // first appearance: a stable literal
  uint32_t next = 1;
  size_t lexeme_bytes = 0;

  void AddColumn(std::string_view column, char weight) {
    for (std::string& token : FoldedTokens(column)) {
      const uint32_t at = std::min(next, kMaxPosition);
      ++next;
      if (token.size() > kMaxLexemeBytes) continue;
      auto it = lexemes.find(token);
      if (it == lexemes.end()) {
        if (lexeme_bytes + token.size() > kMaxLexemeTotalBytes) continue;
        lexeme_bytes += token.size();
        it = lexemes.emplace(std::move(token), std::vector<PgPosition>()).first;
        order.push_back(&it->first);
      }
      std::vector<PgPosition>& p = it->second;
      if (p.size() < kMaxPositionsPerLexeme && (p.empty() || p.back().at != at)) {
        p.push_back({at, weight});
      }
    }
    next += 1;  // a phrase never spans two columns
  }
};

// `lexeme` quoted for a tsvector or tsquery literal.
void PgAppendQuoted(std::string_view lexeme, std::string* out) {
  out->push_back('\'');
  for (char c : lexeme) {
    if (c == '\'' || c == '\\') out->push_back(c == '\'' ? '\'' : '\\');
    out->push_back(c);
  }
  out->push_back('\'');
}

// One query word: the phrase of its tokens, each restricted to `weights`.
std::string PgOperand(const std::string& word, std::string_view weights) {
  std::string out;
  size_t n = 0;
  for (const std::string& token : FoldedTokens(word)) {
    if (token.size() > kMaxLexemeBytes) continue;
    if (n++ > 0) out += " <-> ";
    PgAppendQuoted(token, &out);
    out += ':';
    out += weights;
  }
  return n > 1 ? "(" + out + ")" : out;
}

void PgAppendGroup(const std::vector<std::string>& words, std::string_view weights,
                   std::string* out) {
  std::string group;
  for (const std::string& w : words) {
    const std::string operand = PgOperand(w, weights);
    if (operand.empty()) continue;
    if (!group.empty()) group += " & ";
    group += operand;
  }
  if (group.empty()) return;
  if (!out->empty()) *out += " | ";
  *out += '(';
  *out += group;
  *out += ')';
}

}  // namespace

std::string BuildTsvector(std::string_view title, std::string_view text, std::string_view stems) {
  PgTsvectorBuilder b;
  // Title and stems first: they are short, so the text is the only column
  // whose positions can pass the limit.
  b.AddColumn(title, 'A');
  b.AddColumn(stems, 'C');
  b.AddColumn(text, 'B');
  std::string out;
  for (const std::string* lexeme : b.order) {
    if (!out.empty()) out += ' ';
    PgAppendQuoted(*lexeme, &out);
    out += ':';
    const std::vector<PgPosition>& positions = b.lexemes.at(*lexeme);
    for (size_t i = 0; i < positions.size(); ++i) {
      if (i > 0) out += ',';
      out += std::to_string(positions[i].at);
      out += positions[i].weight;
    }
  }
  return out;
}

std::string BuildTsquery(const SearchQuery& query) {
  std::string out;
  PgAppendGroup(QueryWords(query.text), "AB", &out);
  for (size_t i = 0; i < query.stems.size() && i < kMaxStemLists; ++i) {
    PgAppendGroup(QueryWords(query.stems[i]), "ABC", &out);
  }
  return out;
}

}  // namespace dossier::store_internal
