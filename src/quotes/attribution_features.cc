// Tested by attribution_model_test.cc.
#include "quotes/attribution_features.h"

#include <array>
#include <string>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "entities/feature_hash.h"
#include "entities/tag_scheme.h"
#include "quotes/quote_marks.h"

namespace dossier::quotes {
namespace {

using ner::Combine;
using ner::HashString;

// Feature template ids: part of every key, so changing one changes the
// model (bump kAttributionFormatVersion).
enum Template : uint64_t {
  kBias = 1,
  kWord,
  kWordPrev,
  kWordNext,
  kWordPrev2,
  kWordNext2,
  kBigramPrev,
  kBigramNext,
  kShape,
  kSuffix,
  kVerb,
  kVerbPrev,
  kVerbNext,
  kQuoteState,
  kQuoteTrigram,
  kSentencePos,
  kCueLeft,
  kCueRight,
  kCueBoth,
  kWordInQuote,
  kPronoun,
  kCapPair,
  kSentenceFirstWord,
  kPrep,
  kCueLeftLemma,
  kCueRightLemma,
  kShapePrevNext,
  kThatPrev,
  kCueClass,
  kCueClassPrev,
  kCueClassNext,
  kLearnedLeft,
  kLearnedRight,
  kLearnedBoth,
  kLearnedLeftWord,
  kLearnedRightWord,
};

enum QuoteState : uint8_t { kOutside, kInside, kOpenMark, kCloseMark };

struct TokenInfo {
  std::string folded;
  std::string shape;
  std::string_view lemma;  // reporting verb lemma, or empty
  bool prep = false;       // starts a source preposition ("according to")
  uint8_t cue_class = 0;   // CueWords::Class
  uint8_t quote = kOutside;
  bool cap = false;
  uint32_t sentence = 0;
  uint32_t in_sentence = 0;  // index within its sentence
  uint32_t sentence_len = 0;
};

std::string Shape(std::string_view w) {
  std::string out;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(w.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT_OR_FFFD(reinterpret_cast<const uint8_t*>(w.data()), i, n, c);
    char k = u_isupper(c) || u_istitle(c) ? 'X'
             : u_islower(c)               ? 'x'
             : u_isdigit(c)               ? 'd'
             : c < 0x80                   ? static_cast<char>(c)
                                          : 'o';
    if (out.empty() || out.back() != k) out.push_back(k);
    if (out.size() >= 6) break;
  }
  return out;
}

// The last three bytes of a word, never cutting a UTF-8 sequence.
std::string_view Suffix(std::string_view w) {
  if (w.size() <= 3) return w;
  size_t at = w.size() - 3;
  while (at > 0 && (static_cast<uint8_t>(w[at]) & 0xC0) == 0x80) --at;
  return w.substr(at);
}

uint64_t DistanceBucket(uint32_t d) {
  if (d <= 3) return d;
  if (d <= 6) return 4;
  if (d <= 10) return 5;
  if (d <= 20) return 6;
  return 7;
}

constexpr uint64_t kNone = 99;

class FeatureBuilder {
 public:
  FeatureBuilder(std::string_view text, const Segmentation& seg, const QuoteLexicon& lex,
                 const CueWords* cue_words)
      : text_(text), seg_(seg), lex_(lex), cue_words_(cue_words) {}

  TokenFeatures Build() {
    Describe();
    FindCues();
    TokenFeatures f;
    for (const TokenInfo& x : info_) {
      f.word.push_back(HashString(x.folded));
      f.sentence.push_back(x.sentence);
    }
    f.offsets.reserve(info_.size() + 1);
    f.offsets.push_back(0);
    for (size_t t = 0; t < info_.size(); ++t) {
      AddToken(t, &f.keys);
      f.offsets.push_back(static_cast<uint32_t>(f.keys.size()));
    }
    return f;
  }

 private:
  void Describe();
  void FindCues();
  void AddToken(size_t t, std::vector<uint64_t>* keys) const;

  const std::string& Word(size_t t, int delta) const {
    static const std::string kBos = "<s>", kEos = "</s>";
    int64_t i = static_cast<int64_t>(t) + delta;
    if (i < 0) return kBos;
    if (i >= static_cast<int64_t>(info_.size())) return kEos;
    return info_[static_cast<size_t>(i)].folded;
  }

  std::string_view text_;
  const Segmentation& seg_;
  const QuoteLexicon& lex_;
  const CueWords* cue_words_;
  std::vector<TokenInfo> info_;
  std::vector<uint32_t> cue_left_, cue_right_;  // distance to the nearest cue in the sentence
  std::vector<std::string_view> cue_left_lemma_, cue_right_lemma_;
  // The same for learned cue words of class >= kStrongCue.
  std::vector<uint32_t> learned_left_, learned_right_;
  std::vector<uint32_t> learned_left_at_, learned_right_at_;
};

constexpr int kStrongCue = 2;

void FeatureBuilder::Describe() {
  const size_t n = seg_.tokens.size();
  info_.resize(n);
  std::vector<QuotedSpan> spans = FindQuotedSpans(text_, seg_.paragraphs);
  size_t q = 0;
  for (size_t t = 0; t < n; ++t) {
    const Token& tok = seg_.tokens[t];
    TokenInfo& x = info_[t];
    std::string_view raw = text_.substr(tok.begin, tok.end - tok.begin);
    x.folded = UnifyApostrophes(FoldCase(raw));
    x.shape = Shape(raw);
    x.cap = !x.shape.empty() && x.shape[0] == 'X';
    if (const VerbForm* v = lex_.Verb(x.folded)) x.lemma = v->lemma;
    if (cue_words_ != nullptr) x.cue_class = static_cast<uint8_t>(cue_words_->Class(x.folded));
    while (q < spans.size() && (spans[q].depth != 0 || spans[q].close <= tok.begin)) ++q;
    if (q < spans.size() && spans[q].open <= tok.begin) {
      const QuotedSpan& s = spans[q];
      if (tok.end <= s.begin) {
        x.quote = kOpenMark;
      } else if (tok.begin >= s.end) {
        x.quote = s.close > s.end ? kCloseMark : kOutside;
      } else {
        x.quote = kInside;
      }
    }
  }
  for (uint32_t s = 0; s < seg_.sentences.size(); ++s) {
    const Sentence& sen = seg_.sentences[s];
    for (uint32_t k = 0; k < sen.token_count && sen.first_token + k < n; ++k) {
      TokenInfo& x = info_[sen.first_token + k];
      x.sentence = s;
      x.in_sentence = k;
      x.sentence_len = sen.token_count;
    }
  }
  for (size_t t = 0; t < n; ++t) {
    for (const std::vector<std::string>& p : lex_.preps()) {
      if (p.empty() || t + p.size() > n) continue;
      bool match = true;
      for (size_t k = 0; k < p.size() && match; ++k) match = info_[t + k].folded == p[k];
      if (match) info_[t].prep = true;
    }
  }
}

void FeatureBuilder::FindCues() {
  const size_t n = info_.size();
  learned_left_.assign(n, 0);
  learned_right_.assign(n, 0);
  learned_left_at_.assign(n, 0);
  learned_right_at_.assign(n, 0);
  {
    bool have = false;
    uint32_t at = 0;
    for (size_t t = 0; t < n; ++t) {
      if (t > 0 && info_[t].sentence != info_[t - 1].sentence) have = false;
      if (have) learned_left_[t] = static_cast<uint32_t>(t) - at, learned_left_at_[t] = at;
      if (info_[t].cue_class >= kStrongCue) have = true, at = static_cast<uint32_t>(t);
    }
    have = false;
    for (size_t t = n; t-- > 0;) {
      if (t + 1 < n && info_[t].sentence != info_[t + 1].sentence) have = false;
      if (have) learned_right_[t] = at - static_cast<uint32_t>(t), learned_right_at_[t] = at;
      if (info_[t].cue_class >= kStrongCue) have = true, at = static_cast<uint32_t>(t);
    }
  }
  cue_left_.assign(n, 0);
  cue_right_.assign(n, 0);
  cue_left_lemma_.assign(n, {});
  cue_right_lemma_.assign(n, {});
  // Distances are 1 + tokens between, 0 for none; within a sentence.
  uint32_t last = 0;
  std::string_view last_lemma;
  bool have = false;
  for (size_t t = 0; t < n; ++t) {
    if (t > 0 && info_[t].sentence != info_[t - 1].sentence) have = false;
    if (have) {
      cue_left_[t] = static_cast<uint32_t>(t) - last;
      cue_left_lemma_[t] = last_lemma;
    }
    if (!info_[t].lemma.empty() || info_[t].prep) {
      have = true;
      last = static_cast<uint32_t>(t);
      last_lemma = info_[t].prep ? std::string_view("<prep>") : info_[t].lemma;
    }
  }
  have = false;
  for (size_t t = n; t-- > 0;) {
    if (t + 1 < n && info_[t].sentence != info_[t + 1].sentence) have = false;
    if (have) {
      cue_right_[t] = last - static_cast<uint32_t>(t);
      cue_right_lemma_[t] = last_lemma;
    }
    if (!info_[t].lemma.empty() || info_[t].prep) {
      have = true;
      last = static_cast<uint32_t>(t);
      last_lemma = info_[t].prep ? std::string_view("<prep>") : info_[t].lemma;
    }
  }
}

void FeatureBuilder::AddToken(size_t t, std::vector<uint64_t>* keys) const {
  const TokenInfo& x = info_[t];
  auto add = [keys](uint64_t tmpl, uint64_t v) { keys->push_back(Combine(tmpl, v)); };
  auto h = [](std::string_view s) { return HashString(s); };
  const std::string& w0 = x.folded;
  const std::string& wp = Word(t, -1);
  const std::string& wn = Word(t, 1);
  add(kBias, 0);
  add(kWord, h(w0));
  add(kWordPrev, h(wp));
  add(kWordNext, h(wn));
  add(kWordPrev2, h(Word(t, -2)));
  add(kWordNext2, h(Word(t, 2)));
  add(kBigramPrev, Combine(h(wp), h(w0)));
  add(kBigramNext, Combine(h(w0), h(wn)));
  add(kShape, h(x.shape));
  add(kSuffix, h(Suffix(w0)));
  if (!x.lemma.empty()) add(kVerb, h(x.lemma));
  if (t > 0 && !info_[t - 1].lemma.empty()) add(kVerbPrev, h(info_[t - 1].lemma));
  if (t + 1 < info_.size() && !info_[t + 1].lemma.empty()) add(kVerbNext, h(info_[t + 1].lemma));
  const uint64_t qp = t > 0 ? info_[t - 1].quote : 9;
  const uint64_t qn = t + 1 < info_.size() ? info_[t + 1].quote : 9;
  add(kQuoteState, x.quote);
  add(kQuoteTrigram, Combine(Combine(qp, x.quote), qn));
  const uint64_t pos = x.in_sentence == 0                    ? 0
                       : x.in_sentence + 1 == x.sentence_len ? 1
                       : x.in_sentence == 1                  ? 2
                                                             : 3;
  add(kSentencePos, pos);
  const uint64_t left = cue_left_[t] ? DistanceBucket(cue_left_[t]) : kNone;
  const uint64_t right = cue_right_[t] ? DistanceBucket(cue_right_[t]) : kNone;
  add(kCueLeft, left);
  add(kCueRight, right);
  add(kCueBoth, Combine(left, right));
  if (!cue_left_lemma_[t].empty()) add(kCueLeftLemma, Combine(h(cue_left_lemma_[t]), left));
  if (!cue_right_lemma_[t].empty()) add(kCueRightLemma, Combine(h(cue_right_lemma_[t]), right));
  add(kWordInQuote, Combine(h(w0), x.quote));
  if (lex_.IsPersonPronoun(w0) || lex_.IsGroupPronoun(w0)) add(kPronoun, 1);
  add(kCapPair, Combine(x.cap, t > 0 && info_[t - 1].cap));
  const uint32_t first = static_cast<uint32_t>(t) - x.in_sentence;
  if (first < info_.size()) add(kSentenceFirstWord, h(info_[first].folded));
  if (x.prep) add(kPrep, 1);
  add(kShapePrevNext, Combine(Combine(h(t > 0 ? info_[t - 1].shape : "<s>"), h(x.shape)),
                              h(t + 1 < info_.size() ? info_[t + 1].shape : "</s>")));
  if (t > 0 && lex_.IsThat(wp)) add(kThatPrev, h(x.shape));
  add(kCueClass, x.cue_class);
  add(kCueClassPrev, t > 0 ? info_[t - 1].cue_class : 9);
  add(kCueClassNext, t + 1 < info_.size() ? info_[t + 1].cue_class : 9);
  const uint64_t ll = learned_left_[t] ? DistanceBucket(learned_left_[t]) : kNone;
  const uint64_t lr = learned_right_[t] ? DistanceBucket(learned_right_[t]) : kNone;
  add(kLearnedLeft, Combine(ll, learned_left_[t] ? info_[learned_left_at_[t]].cue_class : 0));
  add(kLearnedRight, Combine(lr, learned_right_[t] ? info_[learned_right_at_[t]].cue_class : 0));
  add(kLearnedBoth, Combine(ll, lr));
  if (learned_left_[t]) add(kLearnedLeftWord, Combine(h(info_[learned_left_at_[t]].folded), ll));
  if (learned_right_[t]) {
    add(kLearnedRightWord, Combine(h(info_[learned_right_at_[t]].folded), lr));
  }
}

// Stacked feature templates (a separate id space from Template).
enum StackTemplate : uint64_t {
  kLabel = 1001,
  kLabelPrev,
  kLabelNext,
  kLabelPrev2,
  kLabelNext2,
  kLabelTrigram,
  kLabelWord,
  kSpanLeft,   // + role: distance to the nearest span of that role ending before
  kSpanRight,  // + role: ... starting after
  kCueWordLeft,
  kCueWordRight,
  kContentShape,  // position in the first-stage content and its length
};

constexpr int kRoles = 3;

int RoleIndex(uint8_t label) {
  if (label == ner::kLabelO) return -1;
  return static_cast<int>(ner::LabelType(label));  // the slots 0..2 of attribution_features.h
}

}  // namespace

TokenFeatures StackedFeatures(const TokenFeatures& base, const std::vector<TokenRange>& units,
                              const std::vector<uint8_t>& labels) {
  const size_t n = labels.size();
  TokenFeatures f;
  f.offsets.assign(1, 0);
  std::vector<uint32_t> unit_end(n, 0);
  for (const TokenRange& u : units) {
    for (uint32_t k = 0; k < u.count; ++k) unit_end[u.first + k] = u.first + u.count;
  }
  // Nearest span of each role to the left/right within the sentence:
  // distance (1 + tokens between) and the token where it ends/starts.
  std::vector<std::array<uint32_t, kRoles>> left(n), right(n), left_at(n), right_at(n);
  std::array<int64_t, kRoles> last{};
  for (size_t t = 0; t < n; ++t) {
    if (t == 0 || base.sentence[t] != base.sentence[t - 1]) last.fill(-1);
    for (int r = 0; r < kRoles; ++r) {
      left[t][r] = last[r] < 0 ? 0 : static_cast<uint32_t>(t - last[r]);
      left_at[t][r] = last[r] < 0 ? 0 : static_cast<uint32_t>(last[r]);
    }
    int role = RoleIndex(labels[t]);
    if (role >= 0 && role < kRoles) last[role] = static_cast<int64_t>(t);
  }
  for (size_t t = n; t-- > 0;) {
    if (t + 1 == n || base.sentence[t] != base.sentence[t + 1]) last.fill(-1);
    for (int r = 0; r < kRoles; ++r) {
      right[t][r] = last[r] < 0 ? 0 : static_cast<uint32_t>(last[r] - static_cast<int64_t>(t));
      right_at[t][r] = last[r] < 0 ? 0 : static_cast<uint32_t>(last[r]);
    }
    int role = RoleIndex(labels[t]);
    if (role >= 0 && role < kRoles) last[role] = static_cast<int64_t>(t);
  }
  // Length of the first-stage span holding each token.
  std::vector<uint32_t> span_len(n, 0), span_pos(n, 0);
  for (size_t t = 0; t < n;) {
    int role = RoleIndex(labels[t]);
    size_t e = t + 1;
    if (role >= 0) {
      const auto part = ner::LabelPartOf(labels[t]);
      if (part == ner::LabelPart::kB) {
        while (e < n && RoleIndex(labels[e]) == role &&
               ner::LabelPartOf(labels[e - 1]) != ner::LabelPart::kL) {
          ++e;
        }
      }
      for (size_t k = t; k < e; ++k) {
        span_len[k] = static_cast<uint32_t>(e - t);
        span_pos[k] = static_cast<uint32_t>(k - t);
      }
    }
    t = e;
  }
  auto label_at = [&](size_t t, int d) -> uint64_t {
    int64_t i = static_cast<int64_t>(t) + d;
    if (i < 0 || static_cast<size_t>(i) >= n || unit_end[t] == 0) return 99;
    if (static_cast<uint32_t>(i) >= unit_end[t]) return 98;
    return labels[static_cast<size_t>(i)];
  };
  for (size_t t = 0; t < n; ++t) {
    auto add = [&f](uint64_t tmpl, uint64_t v) { f.keys.push_back(Combine(tmpl, v)); };
    const uint64_t y = labels[t];
    add(kLabel, y);
    add(kLabelPrev, label_at(t, -1));
    add(kLabelNext, label_at(t, 1));
    add(kLabelPrev2, label_at(t, -2));
    add(kLabelNext2, label_at(t, 2));
    add(kLabelTrigram, Combine(Combine(label_at(t, -1), y), label_at(t, 1)));
    add(kLabelWord, Combine(y, base.word[t]));
    for (int r = 0; r < kRoles; ++r) {
      const uint64_t l = left[t][r] ? DistanceBucket(left[t][r]) : kNone;
      const uint64_t rr = right[t][r] ? DistanceBucket(right[t][r]) : kNone;
      add(kSpanLeft, Combine(r, l));
      add(kSpanRight, Combine(r, rr));
    }
    const int cue = static_cast<int>(kCueRole);
    if (left[t][cue]) {
      add(kCueWordLeft, Combine(base.word[left_at[t][cue]], DistanceBucket(left[t][cue])));
    }
    if (right[t][cue]) {
      add(kCueWordRight, Combine(base.word[right_at[t][cue]], DistanceBucket(right[t][cue])));
    }
    if (span_len[t] > 0) {
      const uint64_t pos = span_pos[t] == 0 ? 0 : span_pos[t] + 1 == span_len[t] ? 1 : 2;
      add(kContentShape, Combine(Combine(RoleIndex(labels[t]), pos), DistanceBucket(span_len[t])));
    }
    f.offsets.push_back(static_cast<uint32_t>(f.keys.size()));
  }
  return f;
}

std::vector<TokenRange> TaggingUnits(const Segmentation& seg) {
  std::vector<TokenRange> out;
  size_t s = 0;
  for (const TextSpan& p : seg.paragraphs) {
    TokenRange r;
    bool started = false;
    for (; s < seg.sentences.size() && seg.sentences[s].begin < p.end; ++s) {
      const Sentence& sen = seg.sentences[s];
      if (sen.token_count == 0) continue;
      if (!started) r.first = sen.first_token, started = true;
      r.count = sen.first_token + sen.token_count - r.first;
    }
    if (started && r.count > 0) out.push_back(r);
  }
  return out;
}

CueWords CueWords::FromCounts(const std::unordered_map<std::string, uint32_t>& as_cue,
                              const std::unordered_map<std::string, uint32_t>& total) {
  CueWords out;
  for (const auto& [word, c] : as_cue) {
    if (c < static_cast<uint32_t>(kMinCount)) continue;
    auto it = total.find(word);
    const double n = it == total.end() ? c : it->second;
    // Smoothed: a word seen twice, twice as a cue, is not a certain cue.
    const double rate = c / (n + 2.0);
    const uint8_t cls = rate < 0.05 ? 0 : rate < 0.15 ? 1 : rate < 0.35 ? 2 : rate < 0.6 ? 3 : 4;
    if (cls > 0) out.Add(word, cls);
  }
  return out;
}

TokenFeatures AttributionFeatures(std::string_view text, const Segmentation& seg,
                                  const QuoteLexicon& lexicon, const CueWords* cue_words) {
  return FeatureBuilder(text, seg, lexicon, cue_words).Build();
}

}  // namespace dossier::quotes
