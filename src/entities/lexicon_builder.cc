// Tested by word_clusters_test.cc.
#include "entities/lexicon_builder.h"

#include <algorithm>
#include <cstdio>

#include "entities/feature_hash.h"
#include "entities/word_clusters.h"
#include "entities/word_forms.h"

namespace dossier::ner {
namespace {

constexpr uint32_t kBoundary = UINT32_MAX;
constexpr size_t kMaxClusterVocabulary = 60000;

// After these tokens a capital letter says nothing about the word.
bool OpensSentence(std::string_view t) {
  static constexpr std::string_view kOpeners[] = {".", "!",  "?", ":", ";",   "\"", "``", "''", "(",
                                                  "-", "--", "“", "”", "«",   "»",  "‘",  "’",  "'",
                                                  "—", "–",  "•", "*", "...", "…",  "["};
  for (std::string_view o : kOpeners) {
    if (t == o) return true;
  }
  return false;
}

}  // namespace

uint32_t LexiconBuilder::Id(std::string_view lower) {
  auto it = ids_.find(std::string(lower));
  if (it != ids_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(words_.size());
  ids_.emplace(std::string(lower), id);
  words_.emplace_back(lower);
  stats_.emplace_back();
  return id;
}

void LexiconBuilder::AddLine(const std::vector<std::string_view>& tokens) {
  int letters = 0, all_caps = 0;
  for (std::string_view t : tokens) {
    CaseClass c = GetCaseClass(t);
    if (c == CaseClass::kNoLetter || t.size() < 2) continue;
    ++letters;
    all_caps += c == CaseClass::kAllCaps;
  }
  const bool headline = letters > 0 && 2 * all_caps > letters;
  std::string lower;
  for (size_t i = 0; i < tokens.size(); ++i) {
    lower.clear();
    AppendLower(tokens[i], &lower);
    uint32_t id = Id(lower);
    stream_.push_back(id);
    Stats& s = stats_[id];
    ++s.total;
    CaseClass c = GetCaseClass(tokens[i]);
    if (headline || c == CaseClass::kNoLetter || i == 0 || OpensSentence(tokens[i - 1])) continue;
    ++s.mid;
    s.caps += c == CaseClass::kInitCap || c == CaseClass::kAllCaps;
  }
  stream_.push_back(kBoundary);
}

void LexiconBuilder::Build(int classes, int min_count, WordLexicon* lexicon,
                           std::string* report) const {
  for (size_t i = 0; i < words_.size(); ++i) {
    WordLexicon::Entry e;
    e.caps = WordLexicon::CapsBucket(stats_[i].caps, stats_[i].mid);
    int freq = 0;
    for (uint64_t n = stats_[i].total; n > 1 && freq < 15; n >>= 1) ++freq;
    e.freq = static_cast<uint8_t>(freq);
    lexicon->Set(HashString(words_[i]), e);
  }
  char buf[256];
  std::snprintf(
      buf, sizeof(buf), "lexicon: %zu words from %zu tokens", words_.size(),
      stream_.size() - static_cast<size_t>(std::count(stream_.begin(), stream_.end(), kBoundary)));
  report->append(buf);
  if (classes < 16) return;

  // Cluster vocabulary: frequent words by count; the rest share one "rare"
  // item and line boundaries another, so both still give context.
  std::vector<uint32_t> order;
  for (uint32_t i = 0; i < words_.size(); ++i) {
    if (stats_[i].total >= static_cast<uint64_t>(min_count)) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return stats_[a].total > stats_[b].total; });
  if (order.size() > kMaxClusterVocabulary) order.resize(kMaxClusterVocabulary);
  const uint32_t v = static_cast<uint32_t>(order.size());
  const uint32_t rare = v, boundary = v + 1;
  std::vector<uint32_t> item(words_.size(), rare);
  for (uint32_t r = 0; r < v; ++r) item[order[r]] = r;
  std::vector<uint32_t> ids;
  ids.reserve(stream_.size() + 1);
  ids.push_back(boundary);
  for (uint32_t w : stream_) ids.push_back(w == kBoundary ? boundary : item[w]);

  BigramCounts words = CountBigrams(ids, v + 2);
  const uint32_t fine_n = static_cast<uint32_t>(classes);
  std::vector<uint32_t> fine = ExchangeCluster(words, fine_n, 12);
  BigramCounts fine_bigrams = ClassBigrams(words, fine, fine_n);
  std::vector<uint32_t> mid = ExchangeCluster(fine_bigrams, fine_n / 4, 20);
  BigramCounts mid_bigrams = ClassBigrams(fine_bigrams, mid, fine_n / 4);
  std::vector<uint32_t> coarse = ExchangeCluster(mid_bigrams, fine_n / 16, 20);
  for (uint32_t r = 0; r < v; ++r) {
    WordLexicon::Entry e = *lexicon->Find(HashString(words_[order[r]]));
    uint32_t f = fine[r], m = mid[f];
    e.cluster[0] = static_cast<uint16_t>(coarse[m] + 1);
    e.cluster[1] = static_cast<uint16_t>(m + 1);
    e.cluster[2] = static_cast<uint16_t>(f + 1);
    lexicon->Set(HashString(words_[order[r]]), e);
  }
  std::snprintf(buf, sizeof(buf), "; clusters %u/%u/%u over %u words", fine_n / 16, fine_n / 4,
                fine_n, v);
  report->append(buf);
}

}  // namespace dossier::ner
