// Tested by features_test.cc.
#include "entities/features.h"

#include <algorithm>
#include <array>

#include "entities/tag_scheme.h"

namespace dossier::ner {
namespace {

// Values that stand for "no token here" beyond the sentence edges.
constexpr uint64_t kPadBefore = 0x0BEF0BEF0BEF0BEFULL;
constexpr uint64_t kPadAfter = 0x0AF70AF70AF70AF7ULL;
constexpr uint8_t kPadLabel = 0xFF;

bool IsCapitalized(CaseClass c) { return c == CaseClass::kInitCap || c == CaseClass::kAllCaps; }

// The stage-1 "type" of a label for document aggregation: 0 = O, 1 + type.
int TypeSlot(uint8_t label) {
  return label == kLabelO ? 0 : 1 + static_cast<int>(LabelType(label));
}

}  // namespace

FeatureExtractor::FeatureExtractor(const FeatureOptions& options, const WordLexicon* lexicon,
                                   const Gazetteer* gazetteer)
    : options_(options), lexicon_(lexicon), gazetteer_(gazetteer) {}

void FeatureExtractor::Analyze(const std::vector<std::vector<std::string_view>>& sentences,
                               DocumentAnalysis* a) const {
  size_t total = 0;
  for (const auto& s : sentences) total += s.size();
  a->tokens.resize(total);
  a->sentence_begin.clear();
  a->headline.clear();
  a->case_seen = FlatHashMap<uint8_t>();
  std::vector<uint64_t> keys;
  size_t t = 0;
  for (const auto& s : sentences) {
    a->sentence_begin.push_back(static_cast<uint32_t>(t));
    int words = 0, caps = 0;
    for (std::string_view w : s) {
      TokenInfo& ti = a->tokens[t++];
      ti.word = w;
      ti.lower.clear();
      AppendLower(w, &ti.lower);
      ti.k_word = HashString(w);
      ti.k_lower = HashString(ti.lower);
      ti.k_shape = HashString(WordShape(w, false));
      ti.k_short_shape = HashString(WordShape(w, true));
      ti.case_class = GetCaseClass(w);
      ti.has_digit = HasDigit(w);
      ti.gazetteer = 0;
      ti.lex = (options_.clusters && lexicon_ != nullptr) ? lexicon_->Find(ti.k_lower) : nullptr;
      if (ti.case_class != CaseClass::kNoLetter && Utf8Length(w) > 1) {
        ++words;
        caps += ti.case_class == CaseClass::kAllCaps;
      }
    }
    // A headline: most words in capitals ("CRICKET - LEICESTERSHIRE TAKE OVER").
    a->headline.push_back(words > 0 && 2 * caps > words);
  }
  a->sentence_begin.push_back(static_cast<uint32_t>(t));

  for (size_t s = 0; s < a->sentence_count(); ++s) {
    size_t b = a->sentence_begin[s], e = a->sentence_begin[s + 1];
    if (options_.gazetteer && gazetteer_ != nullptr) {
      keys.clear();
      for (size_t i = b; i < e; ++i) keys.push_back(a->tokens[i].k_lower);
      std::vector<uint64_t> marks(e - b, 0);
      gazetteer_->Match(keys.data(), keys.size(), marks.data());
      for (size_t i = b; i < e; ++i) a->tokens[i].gazetteer = marks[i - b];
    }
    if (!options_.document || a->headline[s]) continue;
    for (size_t i = b + 1; i < e; ++i) {
      const TokenInfo& ti = a->tokens[i];
      if (ti.case_class == CaseClass::kLower) a->case_seen[ti.k_lower] |= 1;
      if (ti.case_class == CaseClass::kInitCap) a->case_seen[ti.k_lower] |= 2;
    }
  }
}

void FeatureExtractor::LocalFeatures(const DocumentAnalysis& a, FeatureBuffer* out) const {
  out->Clear();
  out->keys.reserve(a.tokens.size() * 64);
  for (size_t s = 0; s < a.sentence_count(); ++s) {
    for (size_t t = a.sentence_begin[s]; t < a.sentence_begin[s + 1]; ++t) {
      TokenFeatures(a, s, t, &out->keys);
      out->offsets.push_back(static_cast<uint32_t>(out->keys.size()));
    }
  }
}

void FeatureExtractor::TokenFeatures(const DocumentAnalysis& a, size_t sentence, size_t t,
                                     std::vector<uint64_t>* keys) const {
  const size_t b = a.sentence_begin[sentence], e = a.sentence_begin[sentence + 1];
  const TokenInfo& w = a.tokens[t];
  auto at = [&](int off) -> const TokenInfo* {
    size_t q = t + off;
    return (off < 0 && t < b + static_cast<size_t>(-off)) || q >= e ? nullptr : &a.tokens[q];
  };
  auto pad = [](int off) { return off < 0 ? kPadBefore : kPadAfter; };
  auto lower = [&](int off) {
    const TokenInfo* x = at(off);
    return x ? x->k_lower : pad(off);
  };
  auto shape = [&](int off) {
    const TokenInfo* x = at(off);
    return x ? x->k_short_shape : pad(off);
  };
  auto add = [&](Feat f, int sub, uint64_t v) { keys->push_back(FeatureKey(f, sub, v)); };

  const bool initial = t == b;
  const bool headline = a.headline[sentence] != 0;
  add(Feat::kBias, 0, 0);
  add(Feat::kWord, 0, w.k_word);
  for (int off = -2; off <= 2; ++off) add(Feat::kLower, off, lower(off));
  add(Feat::kShape, 0, w.k_shape);
  for (int off = -2; off <= 2; ++off) add(Feat::kShortShape, off, shape(off));
  add(Feat::kShapeBigram, -1, Combine(shape(-1), shape(0)));
  add(Feat::kShapeBigram, 1, Combine(shape(0), shape(1)));
  add(Feat::kShapeTrigram, 0, Combine(Combine(shape(-1), shape(0)), shape(1)));
  add(Feat::kLowerBigram, -1, Combine(lower(-1), lower(0)));
  add(Feat::kLowerBigram, 1, Combine(lower(0), lower(1)));
  add(Feat::kLowerBigram, 2, Combine(lower(-1), lower(1)));
  int length = Utf8Length(w.lower);
  for (int k = 1; k <= 4 && k < length; ++k) {
    add(Feat::kPrefix, k, HashString(Utf8Prefix(w.lower, k)));
    add(Feat::kSuffix, k, HashString(Utf8Suffix(w.lower, k)));
  }
  add(Feat::kShapeLowerPrev, 0, Combine(w.k_short_shape, lower(-1)));
  add(Feat::kShapeLowerNext, 0, Combine(w.k_short_shape, lower(1)));
  add(Feat::kPosition, (initial ? 1 : 0) | (headline ? 2 : 0), w.k_short_shape);
  if (w.has_digit) add(Feat::kDigits, 0, HashString(NormalizeDigits(w.word)));

  if (options_.clusters && lexicon_ != nullptr) {
    for (int off = -1; off <= 1; ++off) {
      const TokenInfo* x = at(off);
      const WordLexicon::Entry* lex = x ? x->lex : nullptr;
      uint64_t caps = lex ? lex->caps : 0;
      uint64_t cls = x ? static_cast<uint64_t>(x->case_class) : 7;
      add(Feat::kCapsRatio, off, (caps << 8) | (cls << 4) | (initial ? 2 : 0) | (headline ? 1 : 0));
      if (lex == nullptr) continue;
      for (int level = 0; level < WordLexicon::kLevels; ++level) {
        if (lex->cluster[level] != 0)
          add(Feat::kCluster, (off + 1) * 4 + level, lex->cluster[level]);
      }
    }
    if (w.lex != nullptr) add(Feat::kCapsRatio, 9, (uint64_t{w.lex->freq} << 4) | w.lex->caps);
  }

  if (options_.gazetteer && gazetteer_ != nullptr) {
    for (int off = -1; off <= 1; ++off) {
      const TokenInfo* x = at(off);
      uint64_t marks = x ? x->gazetteer : 0;
      while (marks != 0) {
        int bit = __builtin_ctzll(marks);
        marks &= marks - 1;
        add(Feat::kGazetteer, off, static_cast<uint64_t>(bit));
        if (off == 0) add(Feat::kGazetteerShape, bit, w.k_short_shape);
      }
    }
  }

  if (options_.document && IsCapitalized(w.case_class) && (initial || headline)) {
    const uint8_t* seen = a.case_seen.Find(w.k_lower);
    uint64_t v = seen ? *seen : 0;
    add(Feat::kDocCase, static_cast<int>(w.case_class), v | (initial ? 4 : 0) | (headline ? 8 : 0));
  }
}

void FeatureExtractor::NonLocalFeatures(const DocumentAnalysis& a,
                                        const std::vector<uint8_t>& labels,
                                        FeatureBuffer* out) const {
  out->Clear();
  const size_t n = a.tokens.size();
  out->keys.reserve(n * 12);

  // How each word was labelled across the document.
  FlatHashMap<std::array<uint16_t, 5>> counts;
  counts.Reserve(n);
  for (size_t t = 0; t < n; ++t) {
    if (a.tokens[t].case_class == CaseClass::kNoLetter) continue;
    std::array<uint16_t, 5>& c = counts[a.tokens[t].k_lower];
    uint16_t& slot = c[TypeSlot(labels[t])];
    if (slot < UINT16_MAX) ++slot;
  }

  // The entities of stage 1, as a document-local gazetteer (one category per type).
  Gazetteer doc_entities;
  for (int type = 0; type < kNumEntityTypes; ++type) {
    doc_entities.AddCategory(EntityTypeName(static_cast<EntityType>(type)));
  }
  std::vector<uint64_t> keys;
  std::vector<uint64_t> marks(n, 0);
  for (size_t s = 0; s < a.sentence_count(); ++s) {
    size_t b = a.sentence_begin[s], e = a.sentence_begin[s + 1];
    std::vector<uint8_t> sentence_labels(labels.begin() + b, labels.begin() + e);
    for (const EntitySpan& span : SpansFromBilou(sentence_labels)) {
      std::vector<std::string> phrase;
      for (uint32_t i = span.first_token; i <= span.last_token; ++i) {
        phrase.push_back(a.tokens[b + i].lower);
      }
      doc_entities.Add(static_cast<int>(span.type), phrase);
    }
  }
  for (size_t s = 0; s < a.sentence_count(); ++s) {
    size_t b = a.sentence_begin[s], e = a.sentence_begin[s + 1];
    keys.clear();
    for (size_t i = b; i < e; ++i) keys.push_back(a.tokens[i].k_lower);
    doc_entities.Match(keys.data(), keys.size(), marks.data() + b);
  }

  auto add = [&](Feat f, int sub, uint64_t v) { out->keys.push_back(FeatureKey(f, sub, v)); };
  for (size_t s = 0; s < a.sentence_count(); ++s) {
    size_t b = a.sentence_begin[s], e = a.sentence_begin[s + 1];
    for (size_t t = b; t < e; ++t) {
      const TokenInfo& w = a.tokens[t];
      uint8_t prev = t > b ? labels[t - 1] : kPadLabel;
      uint8_t next = t + 1 < e ? labels[t + 1] : kPadLabel;
      add(Feat::kStage1Label, -1, prev);
      add(Feat::kStage1Label, 0, labels[t]);
      add(Feat::kStage1Label, 1, next);
      add(Feat::kStage1Label, 2, (uint64_t{prev} << 8) | labels[t]);
      add(Feat::kStage1LabelShape, 0, Combine(labels[t], w.k_short_shape));
      if (w.case_class != CaseClass::kNoLetter) {
        std::array<uint16_t, 5> c = *counts.Find(w.k_lower);
        --c[TypeSlot(labels[t])];
        int total = 0, best = -1;
        for (int k = 0; k < 5; ++k) {
          total += c[k];
          if (c[k] > 0 && (best < 0 || c[k] > c[best])) best = k;
        }
        if (total > 0) {
          for (int k = 0; k < 5; ++k) {
            if (c[k] == 0) continue;
            int share = c[k] == total ? 3 : (3 * c[k]) / total;  // 0..3
            add(Feat::kDocTypeShare, k, static_cast<uint64_t>(share));
          }
          add(Feat::kDocMajority, best, static_cast<uint64_t>(w.case_class));
        }
      }
      uint64_t m = marks[t];
      while (m != 0) {
        int bit = __builtin_ctzll(m);
        m &= m - 1;
        add(Feat::kDocEntity, bit, 0);
      }
      out->offsets.push_back(static_cast<uint32_t>(out->keys.size()));
    }
  }
}

}  // namespace dossier::ner
