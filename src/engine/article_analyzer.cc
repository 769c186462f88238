// Tested by engine_test.cc.
#include "engine/article_analyzer.h"

#include <algorithm>
#include <utility>

#define XXH_INLINE_ALL
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xxhash.h>

namespace dossier {
namespace {

// Slots of a SpanSet: it starts this large, and goes back to it after an
// article that made it grow past kMaxKeptSlots.
constexpr size_t kMinSlots = 1024;
constexpr size_t kMaxKeptSlots = 16384;

size_t HashOf(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

// Whether FTS5's unicode61 tokenizer may count `c` as part of a token:
// letters, digits, marks, private use (and, to be safe, unassigned code
// points). Ill-formed bytes (c < 0) count too, to be safe.
bool IsIndexTokenChar(UChar32 c) {
  if (c >= 0 && c < 0x80) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  if (c < 0) return true;
  const uint32_t mask = U_GET_GC_MASK(c);
  return (mask & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK | U_GC_CO_MASK | U_GC_CN_MASK)) != 0;
}

// Whether the index tokenizes text[begin, end) on its own: no token
// character touches it on either side. Where one does (Chinese or Thai,
// which ICU splits into words and unicode61 does not), the word is not a
// token of the text column and only the stems column can find it.
bool StandsAlone(std::string_view text, size_t begin, size_t end) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  if (begin > 0) {
    int32_t i = static_cast<int32_t>(begin);
    UChar32 c;
    U8_PREV(bytes, 0, i, c);
    if (IsIndexTokenChar(c)) return false;
  }
  if (end < text.size()) {
    int32_t i = static_cast<int32_t>(end);
    UChar32 c;
    U8_NEXT(bytes, i, static_cast<int32_t>(text.size()), c);
    if (IsIndexTokenChar(c)) return false;
  }
  return true;
}

// Whether `stem` is `word` with its ASCII capitals lowered. The index then
// reads the same tokens from the stem as from the word (unicode61 lowers
// ASCII too); anything else a case fold changes (É, ß, İ...) keeps the stem.
bool SpelledAs(std::string_view stem, std::string_view word) {
  if (stem.size() != word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c) != stem[i]) return false;
  }
  return true;
}

}  // namespace

namespace engine_internal {

void SpanSet::Clear() {
  if (slots_.size() > kMaxKeptSlots) {
    slots_.assign(kMinSlots, 0);
    std::vector<uint32_t>().swap(filled_);  // its memory too
  } else {
    for (uint32_t i : filled_) slots_[i] = 0;
  }
  filled_.clear();
}

void SpanSet::Grow(std::string_view base) {
  std::vector<uint64_t> old(std::max(kMinSlots, slots_.size() * 2), 0);
  old.swap(slots_);
  filled_.clear();
  const size_t mask = slots_.size() - 1;
  for (uint64_t slot : old) {
    if (slot == 0) continue;
    size_t h = HashOf(base.substr(slot >> 32, slot & 0xFFFF)) & mask;
    while (slots_[h] != 0) h = (h + 1) & mask;
    slots_[h] = slot;
    filled_.push_back(static_cast<uint32_t>(h));
  }
}

bool SpanSet::Insert(std::string_view base, uint32_t at, uint32_t length) {
  if (length == 0 || length > 0xFFFF) return true;
  if ((filled_.size() + 1) * 2 > slots_.size()) Grow(base);
  const std::string_view span = base.substr(at, length);
  const size_t hash = HashOf(span);
  // The slot's middle bits: hash bits the probe position does not use, so
  // that a different span in the same run of slots is told apart without
  // reading its bytes.
  const uint64_t tag = (hash >> 48) << 16 | length;
  const size_t mask = slots_.size() - 1;
  for (size_t h = hash & mask;; h = (h + 1) & mask) {
    const uint64_t slot = slots_[h];
    if (slot == 0) {
      slots_[h] = static_cast<uint64_t>(at) << 32 | tag;
      filled_.push_back(static_cast<uint32_t>(h));
      return true;
    }
    if ((slot & 0xFFFFFFFF) == tag && base.substr(slot >> 32, length) == span) return false;
  }
}

}  // namespace engine_internal

ArticleAnalyzer::ArticleAnalyzer() = default;
ArticleAnalyzer::~ArticleAnalyzer() = default;

TextSegmenter& ArticleAnalyzer::SegmenterFor(std::string_view language) {
  auto it = segmenters_.find(language);
  if (it == segmenters_.end()) {
    it =
        segmenters_.emplace(std::string(language), std::make_unique<TextSegmenter>(language)).first;
  }
  return *it->second;
}

Stemmer& ArticleAnalyzer::StemmerFor(std::string_view language) {
  auto it = stemmers_.find(language);
  if (it == stemmers_.end()) {
    it = stemmers_.emplace(std::string(language), std::make_unique<Stemmer>(language)).first;
  }
  return *it->second;
}

void ArticleAnalyzer::AppendStems(std::string_view text, std::string_view language,
                                  std::string* out) {
  Stemmer& stemmer = StemmerFor(language);
  Segmentation seg = SegmenterFor(language).Segment(text);
  for (const Token& t : seg.tokens) {
    if (t.kind == TokenKind::kPunct) continue;
    FoldCaseInto(text.substr(t.begin, t.end - t.begin), &folded_);
    std::string_view stem = t.kind == TokenKind::kWord ? stemmer.Stem(folded_) : folded_;
    if (stem.empty()) continue;
    if (!out->empty()) out->push_back(' ');
    out->append(stem);
  }
}

void ArticleAnalyzer::AddIndexStem(std::string_view text, const Token& token, Stemmer& stemmer,
                                   std::string* stems) {
  const std::string_view word = text.substr(token.begin, token.end - token.begin);
  FoldCaseInto(word, &folded_);
  const std::string_view stem = token.kind == TokenKind::kWord ? stemmer.Stem(folded_) : folded_;
  if (stem.empty()) return;
  if (SpelledAs(stem, word) && StandsAlone(text, token.begin, token.end)) return;
  // Append, then take it back if the article had it already.
  const size_t restore = stems->size();
  if (!stems->empty()) stems->push_back(' ');
  const size_t at = stems->size();
  stems->append(stem);
  if (!stems_.Insert(*stems, static_cast<uint32_t>(at), static_cast<uint32_t>(stem.size()))) {
    stems->resize(restore);
  }
}

AnalyzedArticle ArticleAnalyzer::Analyze(Article article) {
  AnalyzedArticle result;
  TextSegmenter& segmenter = SegmenterFor(article.language);
  Stemmer& stemmer = StemmerFor(article.language);
  words_.Clear();
  stems_.Clear();
  std::string& stems = result.stems;
  // Title stems first so a title word is found by stem too.
  if (!article.title.empty()) {
    const Segmentation title = segmenter.Segment(article.title);
    for (const Token& t : title.tokens) {
      if (t.kind != TokenKind::kPunct) AddIndexStem(article.title, t, stemmer, &stems);
    }
  }
  const Segmentation seg = segmenter.Segment(article.text);
  result.sentence_count = static_cast<uint32_t>(seg.sentences.size());
  uint32_t words = 0;
  for (const Token& t : seg.tokens) {
    if (t.kind == TokenKind::kPunct) continue;
    ++words;
    // Numbers are indexed as they are spelled, in the text column. A word
    // the text had before is done: search asks whether an article has a
    // word, not where.
    if (t.kind == TokenKind::kWord && words_.Insert(article.text, t.begin, t.end - t.begin)) {
      AddIndexStem(article.text, t, stemmer, &stems);
    }
  }
  result.token_count = words;
  result.article = std::move(article);
  return result;
}

}  // namespace dossier
