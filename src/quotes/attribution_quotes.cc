// Tested by attribution_model_test.cc; measured by bench/quote_bench.py.
#include "quotes/attribution_quotes.h"

#include <algorithm>
#include <limits>
#include <optional>

#include "quotes/quote_marks.h"

namespace dossier::quotes {
namespace {

// Share of content words between quote marks that makes a quote direct.
constexpr double kAttributionDirectShare = 0.8;
// Shorter contents are dropped (held-out PolNeAR train: 11 of 60 one-word
// contents were right).
constexpr size_t kMinContentWords = 2;
// A content takes a cue at most this many sentences away (a quote
// continued after its attribution sentence).
constexpr int64_t kMaxCueSentences = 1;
constexpr int64_t kFar = std::numeric_limits<int32_t>::max();

class Assembler {
 public:
  Assembler(std::string_view text, const Segmentation& seg,
            const std::vector<AttributionSpan>& spans)
      : text_(text), seg_(seg) {
    sentence_of_.assign(seg.tokens.size(), 0);
    for (uint32_t s = 0; s < seg.sentences.size(); ++s) {
      const Sentence& x = seg.sentences[s];
      for (uint32_t k = 0; k < x.token_count && x.first_token + k < seg.tokens.size(); ++k) {
        sentence_of_[x.first_token + k] = s;
      }
    }
    unit_of_.assign(seg.tokens.size(), 0);
    uint32_t u = 0;
    for (const TokenRange& r : TaggingUnits(seg)) {
      for (uint32_t k = 0; k < r.count; ++k) unit_of_[r.first + k] = u;
      ++u;
    }
    for (const AttributionSpan& s : spans) {
      (s.role == AttributionRole::kContent ? contents_
       : s.role == AttributionRole::kCue   ? cues_
                                           : sources_)
          .push_back(s);
    }
    for (const QuotedSpan& q : FindQuotedSpans(text, seg.paragraphs)) {
      if (q.depth == 0) quoted_.push_back(q);
    }
  }

  std::vector<Quote> Run(const SpeakerResolver& resolver) const;

 private:
  // Token distance from span x to content c (0 when x lies inside c).
  static int64_t Gap(const AttributionSpan& x, const AttributionSpan& c) {
    if (x.last_token < c.first_token) return c.first_token - x.last_token;
    if (x.first_token > c.last_token) return x.first_token - c.last_token;
    return 0;
  }
  std::optional<size_t> CueOf(const AttributionSpan& c) const;
  std::optional<size_t> SourceOf(const AttributionSpan& c, const AttributionSpan* cue) const;
  bool Direct(uint32_t begin, uint32_t end) const;
  size_t WordCount(const AttributionSpan& c) const {
    size_t n = 0;
    for (uint32_t t = c.first_token; t <= c.last_token; ++t) {
      n += seg_.tokens[t].kind != TokenKind::kPunct;
    }
    return n;
  }

  std::string_view text_;
  const Segmentation& seg_;
  std::vector<uint32_t> sentence_of_, unit_of_;
  std::vector<AttributionSpan> contents_, cues_, sources_;
  std::vector<QuotedSpan> quoted_;
};

std::optional<size_t> Assembler::CueOf(const AttributionSpan& c) const {
  const uint32_t s0 = sentence_of_[c.first_token], s1 = sentence_of_[c.last_token];
  const uint32_t unit = unit_of_[c.first_token];
  std::optional<size_t> best;
  int64_t best_score = kFar;
  for (size_t i = 0; i < cues_.size(); ++i) {
    const AttributionSpan& x = cues_[i];
    if (unit_of_[x.first_token] != unit) continue;
    const uint32_t s = sentence_of_[x.first_token];
    // Cues of the content's own sentences first, then of the neighbours.
    const int64_t away = s < s0 ? s0 - s : s > s1 ? s - s1 : 0;
    const int64_t penalty = away <= kMaxCueSentences ? 1000 * away : kFar;
    if (penalty == kFar) continue;
    const int64_t score = penalty + Gap(x, c);
    if (score < best_score) best_score = score, best = i;
  }
  return best;
}

std::optional<size_t> Assembler::SourceOf(const AttributionSpan& c,
                                          const AttributionSpan* cue) const {
  const AttributionSpan& anchor = cue != nullptr ? *cue : c;
  const uint32_t unit = unit_of_[anchor.first_token];
  const uint32_t s0 = sentence_of_[anchor.first_token], s1 = sentence_of_[anchor.last_token];
  std::optional<size_t> best;
  int64_t best_score = kFar;
  for (size_t i = 0; i < sources_.size(); ++i) {
    const AttributionSpan& x = sources_[i];
    if (unit_of_[x.first_token] != unit) continue;
    const uint32_t s = sentence_of_[x.first_token];
    if (s < s0 || s > s1) continue;
    // A source inside the content belongs to another attribution.
    if (x.first_token >= c.first_token && x.last_token <= c.last_token) continue;
    const int64_t score = Gap(x, anchor);
    if (score < best_score) best_score = score, best = i;
  }
  return best;
}

bool Assembler::Direct(uint32_t begin, uint32_t end) const {
  size_t words = 0, quoted = 0;
  auto first = std::lower_bound(seg_.tokens.begin(), seg_.tokens.end(), begin,
                                [](const Token& t, uint32_t pos) { return t.end <= pos; });
  for (auto it = first; it != seg_.tokens.end() && it->begin < end; ++it) {
    const Token& t = *it;
    if (t.kind == TokenKind::kPunct) continue;
    ++words;
    for (const QuotedSpan& q : quoted_) {
      if (t.begin >= q.begin && t.end <= q.end) {
        ++quoted;
        break;
      }
    }
  }
  return words > 0 &&
         static_cast<double>(quoted) >= kAttributionDirectShare * static_cast<double>(words);
}

std::vector<Quote> Assembler::Run(const SpeakerResolver& resolver) const {
  std::vector<Quote> out;
  // The quotes' content pieces: a merged quote is direct when every piece
  // is (its attribution between the pieces is not quoted).
  std::vector<std::vector<TextSpan>> pieces;
  std::optional<size_t> prev_cue;
  for (const AttributionSpan& c : contents_) {
    // One-word contents ("it", "this") are mostly the tagger's noise.
    if (WordCount(c) < kMinContentWords) continue;
    std::optional<size_t> cue = CueOf(c);
    // One cue, one attribution: consecutive contents that take the same
    // cue are one quote (“A,” she said, “B.”; held-out PolNeAR train:
    // content F1 +3 over not merging, +0.4 over merging only around the cue).
    if (!out.empty() && cue && prev_cue == cue) {
      out.back().end = seg_.tokens[c.last_token].end;
      pieces.back().push_back({seg_.tokens[c.first_token].begin, out.back().end});
      continue;
    }
    prev_cue = cue;
    Quote q;
    q.begin = seg_.tokens[c.first_token].begin;
    q.end = seg_.tokens[c.last_token].end;
    if (cue) {
      q.cue_begin = seg_.tokens[cues_[*cue].first_token].begin;
      q.cue_end = seg_.tokens[cues_[*cue].last_token].end;
    } else {
      q.cue_begin = q.cue_end = q.begin;
    }
    std::optional<size_t> src = SourceOf(c, cue ? &cues_[*cue] : nullptr);
    if (src) {
      q.speaker_begin = seg_.tokens[sources_[*src].first_token].begin;
      q.speaker_end = seg_.tokens[sources_[*src].last_token].end;
      q.speaker_text = std::string(text_.substr(q.speaker_begin, q.speaker_end - q.speaker_begin));
      q.speaker = resolver.Resolve(q.speaker_begin, q.speaker_end);
    } else {
      q.speaker_begin = q.speaker_end = q.cue_begin;
    }
    pieces.push_back({{q.begin, q.end}});
    out.push_back(std::move(q));
  }
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].direct = std::all_of(pieces[i].begin(), pieces[i].end(),
                                [this](const TextSpan& p) { return Direct(p.begin, p.end); });
  }
  return out;
}

}  // namespace

std::vector<Quote> QuotesFromAttributions(std::string_view text, const Segmentation& seg,
                                          const std::vector<AttributionSpan>& spans,
                                          const SpeakerResolver& resolver) {
  return Assembler(text, seg, spans).Run(resolver);
}

}  // namespace dossier::quotes
