// Tested by quote_extractor_test.cc; measured by bench/quote_bench.py.
#include "quotes/quote_extractor.h"

#include <algorithm>
#include <optional>
#include <string>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "quotes/attribution_quotes.h"
#include "quotes/quote_marks.h"
#include "quotes/speaker_resolver.h"

namespace dossier::quotes {
namespace {

// A quote of this many words or more stands on its own without a cue;
// shorter ones are scare quotes or titles.
constexpr int kMinFreeQuoteWords = 4;
// A speaker phrase is at most this many words.
constexpr size_t kMaxSpeakerWords = 10;
// Words after a final "SPEAKER said" that may still be circumstances
// ("in a statement on Tuesday") rather than content.
constexpr int kMaxTrailWords = 9;
// Share of quoted words that makes content direct.
constexpr double kDirectShare = 0.8;

struct Word {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string folded;  // case-folded, apostrophes unified
  bool punct = false;
  bool cap = false;    // starts with an upper-case letter
  bool mark = false;   // a quote mark
  int32_t quote = -1;  // the outermost quoted span holding the word
};

struct Span {
  size_t first = 0;  // word indices, inclusive..exclusive
  size_t last = 0;
  bool empty() const { return last <= first; }
};

struct Frame {
  uint32_t begin = 0, end = 0;  // content bytes
  Span speaker;                 // words; empty: none
  uint32_t speaker_begin = 0, speaker_end = 0;
  uint32_t cue_begin = 0, cue_end = 0;
};

bool StartsUpper(std::string_view w) {
  if (w.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT_OR_FFFD(reinterpret_cast<const uint8_t*>(w.data()), i, static_cast<int32_t>(w.size()), c);
  return u_isupper(c) || u_istitle(c);
}

bool IsBoundary(const Word& w) {
  if (w.mark) return true;
  if (!w.punct) return false;
  return w.folded == "," || w.folded == ";" || w.folded == ":" || w.folded == "(" ||
         w.folded == ")" || w.folded == "\xE2\x80\x94" || w.folded == "\xE2\x80\x93" ||
         w.folded == "-" || w.folded == "--";
}

// The pronoun of a French inverted clitic ("a-t-il" -> "il", "dit-elle" ->
// "elle"), or "".
std::string_view CliticPronoun(const QuoteLexicon& lex, std::string_view folded) {
  size_t dash = folded.rfind('-');
  if (dash == std::string_view::npos || dash == 0) return {};
  std::string_view tail = folded.substr(dash + 1);
  return lex.IsPersonPronoun(tail) || lex.IsGroupPronoun(tail) ? tail : std::string_view();
}

// The verb part of a word with an inverted clitic ("dit-il" -> "dit",
// "estime-t-elle" -> "estime").
std::string_view CliticHead(std::string_view folded) {
  size_t dash = folded.find('-');
  return dash == std::string_view::npos ? folded : folded.substr(0, dash);
}

class ArticleScan {
 public:
  ArticleScan(const QuoteLexicon& lex, const QuoteInput& in)
      : lex_(lex), text_(in.text), seg_(*in.segmentation) {
    spans_ = FindQuotedSpans(text_, seg_.paragraphs);
    for (const QuotedSpan& s : spans_) {
      if (s.depth == 0) outer_.push_back(s);
    }
    BuildWords();
  }

  std::vector<Quote> Run(const SpeakerResolver& resolver);

 private:
  void BuildWords();
  void JoinHyphens();
  void ScanSentence(const Sentence& s);
  void AddFrame(const Sentence& s, size_t cue_first, size_t cue_last, size_t k);
  void AddPrepFrame(size_t s0, size_t s_end, size_t k, size_t len);
  // Content words [first, last) to a frame: extends over quotes it touches.
  bool SetContent(size_t first, size_t last, Frame* f) const;
  Span SpeakerBefore(size_t from, size_t to) const;
  Span SpeakerAfter(size_t from, size_t end) const;
  Span DashSpeaker(uint32_t close) const;
  bool IsThatWord(const Word& w) const;
  size_t WordCount(uint32_t begin, uint32_t end, size_t* quoted) const;
  std::optional<size_t> QuoteAt(uint32_t pos) const;
  bool CrossesParagraph(uint32_t from, uint32_t to) const;

  const QuoteLexicon& lex_;
  std::string_view text_;
  const Segmentation& seg_;
  std::vector<QuotedSpan> spans_;
  std::vector<QuotedSpan> outer_;  // depth 0, text order
  std::vector<Word> words_;
  std::vector<Frame> frames_;
  std::vector<Sentence> sentences_;  // over words_
};

void ArticleScan::BuildWords() {
  words_.reserve(seg_.tokens.size());
  size_t q = 0;
  for (const Token& t : seg_.tokens) {
    Word w;
    w.begin = t.begin, w.end = t.end;
    std::string_view raw = text_.substr(t.begin, t.end - t.begin);
    w.folded = UnifyApostrophes(FoldCase(raw));
    w.punct = t.kind == TokenKind::kPunct;
    w.cap = StartsUpper(raw);
    // Outermost spans do not overlap: one pointer walks them.
    while (q < outer_.size() && outer_[q].close <= t.begin) ++q;
    if (q < outer_.size() && outer_[q].open <= t.begin) {
      const QuotedSpan& sp = outer_[q];
      w.mark = t.end <= sp.begin || (t.begin >= sp.end && sp.close > sp.end);
      if (t.begin >= sp.begin && t.end <= sp.end) w.quote = static_cast<int32_t>(q);
    }
    if (w.mark) w.punct = true;
    words_.push_back(std::move(w));
  }
  JoinHyphens();
}

void ArticleScan::JoinHyphens() {
  // The text stage splits "porte-parole", "a-t-il", "Jean-Yves"; cues and
  // speakers are whole words here. Sentence token ranges are remapped.
  std::vector<size_t> new_index(words_.size() + 1);
  std::vector<Word> joined;
  joined.reserve(words_.size());
  for (size_t i = 0; i < words_.size(); ++i) {
    new_index[i] = joined.size();
    const Word& w = words_[i];
    if (!joined.empty() && i + 1 < words_.size() && w.punct && !w.mark && w.folded == "-" &&
        !joined.back().punct && joined.back().end == w.begin && !words_[i + 1].punct &&
        words_[i + 1].begin == w.end && joined.back().quote == words_[i + 1].quote) {
      Word& prev = joined.back();
      prev.folded += '-';
      prev.folded += words_[i + 1].folded;
      prev.end = words_[i + 1].end;
      new_index[i + 1] = joined.size() - 1;
      ++i;
      continue;
    }
    joined.push_back(w);
  }
  new_index[words_.size()] = joined.size();
  words_ = std::move(joined);
  sentences_.reserve(seg_.sentences.size());
  for (const Sentence& s : seg_.sentences) {
    Sentence t = s;
    const size_t first = new_index[s.first_token];
    const size_t last = new_index[s.first_token + s.token_count];
    t.first_token = static_cast<uint32_t>(first);
    t.token_count = static_cast<uint32_t>(last - first);
    sentences_.push_back(t);
  }
}

bool ArticleScan::IsThatWord(const Word& w) const {
  if (lex_.IsThat(w.folded)) return true;
  size_t apo = w.folded.find('\'');  // "qu'il"
  return apo != std::string::npos && lex_.IsThat(std::string_view(w.folded).substr(0, apo + 1));
}

size_t ArticleScan::WordCount(uint32_t begin, uint32_t end, size_t* quoted) const {
  size_t n = 0;
  *quoted = 0;
  auto it = std::lower_bound(words_.begin(), words_.end(), begin,
                             [](const Word& w, uint32_t pos) { return w.begin < pos; });
  for (; it != words_.end() && it->end <= end; ++it) {
    if (it->punct) continue;
    ++n;
    if (it->quote >= 0) ++*quoted;
  }
  return n;
}

std::optional<size_t> ArticleScan::QuoteAt(uint32_t pos) const {
  for (size_t j = 0; j < outer_.size(); ++j) {
    if (outer_[j].open == pos) return j;
  }
  return std::nullopt;
}

bool ArticleScan::CrossesParagraph(uint32_t from, uint32_t to) const {
  for (const TextSpan& p : seg_.paragraphs) {
    if (p.begin > from && p.begin <= to) return true;
  }
  return false;
}

bool ArticleScan::SetContent(size_t first, size_t last, Frame* f) const {
  while (first < last && words_[first].punct && !words_[first].mark) ++first;
  while (last > first && words_[last - 1].punct && !words_[last - 1].mark) --last;
  if (last <= first) return false;
  uint32_t b = words_[first].begin, e = words_[last - 1].end;
  // Content touching a quote takes all of it, across sentences and paragraphs.
  for (const QuotedSpan& s : outer_) {
    if (s.open < e && b < s.close) b = std::min(b, s.begin), e = std::max(e, s.end);
  }
  size_t quoted = 0;
  size_t n = WordCount(b, e, &quoted);
  if (n < 2) return false;
  if (quoted > 0 && static_cast<double>(quoted) >= kDirectShare * static_cast<double>(n)) {
    // Direct: from the first quoted word to the last, marks excluded.
    uint32_t qb = e, qe = b;
    for (const QuotedSpan& s : outer_) {
      if (s.begin < e && b < s.end) qb = std::min(qb, s.begin), qe = std::max(qe, s.end);
    }
    if (qb < qe) b = std::max(b, qb), e = std::min(e, qe);
  }
  f->begin = b, f->end = e;
  return true;
}

Span ArticleScan::SpeakerBefore(size_t from, size_t to) const {
  Span sp{from, to};
  while (!sp.empty() && (words_[sp.first].punct || lex_.IsConj(words_[sp.first].folded)))
    ++sp.first;
  if (sp.last - sp.first > kMaxSpeakerWords) sp.first = sp.last - kMaxSpeakerWords;
  return sp;
}

Span ArticleScan::SpeakerAfter(size_t from, size_t end) const {
  Span sp{from, from};
  while (sp.last < end && sp.last - from < kMaxSpeakerWords) {
    const Word& w = words_[sp.last];
    if (w.punct || w.quote >= 0 || IsThatWord(w) || lex_.Verb(w.folded) != nullptr) break;
    // A lower-case circumstance after a name ends the speaker ("said Macron
    // on Wednesday"); inside a role phrase it does not ("le porte-parole du
    // Pentagone").
    if (lex_.IsTrail(w.folded) && (sp.last == from || (words_[sp.last - 1].cap && !w.cap))) break;
    ++sp.last;
  }
  return sp;
}

// `“...” — Adriana Rodarte`: a name after a dash that follows the closing
// mark, to the end of the line (a vox pop, a letter, an epigraph).
Span ArticleScan::DashSpeaker(uint32_t close) const {
  auto it = std::lower_bound(words_.begin(), words_.end(), close,
                             [](const Word& w, uint32_t at) { return w.begin < at; });
  if (it == words_.end() || !it->punct) return {};
  std::string_view dash = text_.substr(it->begin, it->end - it->begin);
  if (dash != "-" && dash != "\u2013" && dash != "\u2014" && dash != "\u2015") return {};
  std::string_view gap = text_.substr(close, it->begin - close);
  if (gap.find('\n') != std::string_view::npos || gap.size() > 4) return {};
  size_t first = static_cast<size_t>(it - words_.begin()) + 1;
  Span sp{first, first};
  while (sp.last < words_.size() && sp.last - first < kMaxSpeakerWords) {
    const Word& w = words_[sp.last];
    if (w.punct || w.quote >= 0) break;
    uint32_t from = sp.last > first ? words_[sp.last - 1].end : it->end;
    if (text_.substr(from, w.begin - from).find('\n') != std::string_view::npos) break;
    ++sp.last;
  }
  if (sp.empty() || !words_[sp.first].cap) return {};
  for (size_t k = sp.first; k < sp.last; ++k) {
    if (!words_[k].cap && words_[k].folded.size() > 3) return {};  // a sentence, not a name
  }
  return sp;
}

void ArticleScan::AddPrepFrame(size_t s0, size_t s_end, size_t k, size_t len) {
  Frame f;
  f.cue_begin = words_[k].begin, f.cue_end = words_[k + len - 1].end;
  f.speaker = SpeakerAfter(k + len, s_end);
  if (f.speaker.empty()) return;
  bool ok = false;
  if (k - s0 <= 2) {  // "According to X, CONTENT" / "Mais selon X, CONTENT"
    size_t c = f.speaker.last;
    while (c < s_end && words_[c].punct && !words_[c].mark) ++c;
    ok = SetContent(c, s_end, &f);
  } else {  // "CONTENT, according to X"
    ok = SetContent(s0, k, &f);
  }
  if (ok) frames_.push_back(f);
}

void ArticleScan::AddFrame(const Sentence& s, size_t cue_first, size_t cue_last, size_t k) {
  const size_t s0 = s.first_token;
  size_t s_end = s.first_token + s.token_count;
  while (s_end > s0 && words_[s_end - 1].punct && !words_[s_end - 1].mark) --s_end;
  Frame f;
  f.cue_begin = words_[cue_first].begin, f.cue_end = words_[cue_last].end;
  const VerbForm* verb = lex_.Verb(CliticHead(words_[k].folded));

  // An inverted clitic names the speaker: "a-t-il ajouté", "dit-elle".
  std::optional<size_t> clitic;
  for (size_t j = cue_first; j <= cue_last; ++j) {
    if (!CliticPronoun(lex_, words_[j].folded).empty()) clitic = j;
  }
  // The clause boundary before the cue.
  size_t pb = cue_first;  // index of the boundary word, or s0 - 1 as "none"
  bool has_pb = false;
  while (pb > s0) {
    --pb;
    if (IsBoundary(words_[pb]) || IsThatWord(words_[pb])) {
      has_pb = true;
      break;
    }
  }
  const size_t np_first = has_pb ? pb + 1 : s0;
  // Words after the cue up to the sentence end.
  size_t r_words = 0;
  bool r_that = false, r_quote = false;
  for (size_t j = cue_last + 1; j < s_end; ++j) {
    if (!words_[j].punct) ++r_words;
    r_that = r_that || IsThatWord(words_[j]);
    r_quote = r_quote || words_[j].mark;
  }
  const bool r_trailing =
      r_words == 0 || (!r_that && !r_quote && r_words <= static_cast<size_t>(kMaxTrailWords) &&
                       (words_[cue_last + 1].punct || lex_.IsTrail(words_[cue_last + 1].folded) ||
                        (verb != nullptr && verb->takes_object && r_words <= 3)));

  auto left_content = [&](size_t boundary) {
    bool ok = SetContent(s0, boundary, &f);
    // "CONTENT, X said, CONTENT": the content goes on after the cue.
    if (ok && cue_last + 1 < s_end && words_[cue_last + 1].folded == "," && r_words >= 4) {
      Frame right;
      if (SetContent(cue_last + 2, s_end, &right)) f.end = std::max(f.end, right.end);
    }
    return ok;
  };

  if (clitic) {
    // "CONTENT, a-t-il dit": the pronoun is the clitic's tail.
    const Word& w = words_[*clitic];
    std::string_view pron = CliticPronoun(lex_, w.folded);
    f.speaker_begin = w.end - static_cast<uint32_t>(pron.size());
    f.speaker_end = w.end;
    f.speaker = {*clitic, *clitic + 1};
    if (!(has_pb && left_content(pb))) return;
    frames_.push_back(f);
    return;
  }
  const Span np = SpeakerBefore(np_first, cue_first);
  if (np.empty()) {
    if (!has_pb) return;  // a cue opening the sentence
    // "CONTENT, said SPEAKER" / "CONTENT, a indiqué le porte-parole".
    Span after = SpeakerAfter(cue_last + 1, s_end);
    const bool speaker_ends =
        after.last >= s_end || words_[after.last].punct || lex_.IsTrail(words_[after.last].folded);
    if (!after.empty() && speaker_ends && !r_that) {
      f.speaker = after;
      if (left_content(pb)) frames_.push_back(f);
      return;
    }
    // "SPEAKER, who ..., said that CONTENT": the subject opens the sentence.
    size_t c = s0;
    while (c < cue_first && !IsBoundary(words_[c])) ++c;
    f.speaker = SpeakerBefore(s0, c);
    if (f.speaker.empty() || f.speaker.last - f.speaker.first > 6) f.speaker = {};
  } else {
    // A speaker is a noun phrase: no relative word, no other verb ("a boy
    // who calls", "What do you call").
    for (size_t j = np.first; j < np.last; ++j) {
      if (lex_.IsNonSubject(words_[j].folded)) return;
    }
    f.speaker = np;
    // "As SPEAKER reported, CONTENT".
    if (lex_.IsLike(words_[np.first].folded)) {
      f.speaker.first = np.first + 1;
      if (f.speaker.empty()) return;
      if (cue_last + 1 < s_end && words_[cue_last + 1].folded == "," && r_words >= 3) {
        if (SetContent(cue_last + 2, s_end, &f)) frames_.push_back(f);
        return;
      }
    }
    if (r_trailing) {
      if (has_pb && pb > s0) {
        if (left_content(pb)) frames_.push_back(f);
        return;
      }
      // "SPEAKER said:" and a quote next.
      uint32_t after = words_[s.first_token + s.token_count - 1].end;
      while (after < text_.size() && (text_[after] == ' ' || text_[after] == '\n')) ++after;
      if (std::optional<size_t> q = QuoteAt(after)) {
        f.begin = outer_[*q].begin, f.end = outer_[*q].end;
        if (f.begin < f.end) frames_.push_back(f);
      }
      return;
    }
  }
  // "SPEAKER said (that) CONTENT", "SPEAKER told ADDRESSEE that CONTENT".
  size_t c = cue_last + 1;
  const bool look_for_that =
      (verb != nullptr && verb->takes_object) || (c < s_end && lex_.IsTrail(words_[c].folded));
  if (look_for_that) {
    for (size_t j = c; j < s_end && j < c + 8; ++j) {
      if (IsThatWord(words_[j]) || words_[j].folded == ":" || words_[j].mark) {
        c = words_[j].mark ? j : j + 1;
        break;
      }
    }
  }
  while (c < s_end && (IsThatWord(words_[c]) || (words_[c].punct && !words_[c].mark))) ++c;
  if (SetContent(c, s_end, &f)) frames_.push_back(f);
}

void ArticleScan::ScanSentence(const Sentence& s) {
  const size_t s0 = s.first_token;
  const size_t s1 = s.first_token + s.token_count;
  size_t s_end = s1;
  while (s_end > s0 && words_[s_end - 1].punct && !words_[s_end - 1].mark) --s_end;
  const size_t sentence_frames = frames_.size();
  for (size_t k = s0; k < s1; ++k) {
    const Word& w = words_[k];
    if (w.punct || w.quote >= 0) continue;
    // A cue inside the content of an earlier cue of the sentence is part of
    // what was reported ("I told Megyn not to worry").
    bool nested = false;
    for (size_t i = sentence_frames; i < frames_.size(); ++i) {
      nested = nested || (frames_[i].begin <= w.begin && w.begin < frames_[i].end);
    }
    if (nested) continue;
    // Source prepositions: "according to", "selon".
    bool prep = false;
    for (const std::vector<std::string>& p : lex_.preps()) {
      size_t n = 0;
      while (n < p.size() && k + n < s1 && words_[k + n].folded == p[n]) ++n;
      if (n == p.size()) {
        AddPrepFrame(s0, s_end, k, n);
        prep = true;
        break;
      }
    }
    if (prep) continue;
    const bool clitic = !CliticPronoun(lex_, w.folded).empty();
    const VerbForm* v = lex_.Verb(clitic ? CliticHead(w.folded) : std::string_view(w.folded));
    if (v == nullptr) continue;
    // A capitalised form inside a sentence is a name ("United States").
    if (w.cap && k > s0 && !words_[k - 1].mark) continue;
    if (k > s0 && lex_.IsNonCue(words_[k - 1].folded)) continue;
    // Present participles continue a clause ("..., saying that"): the
    // speaker is the clause's subject, which we do not parse.
    if (w.folded.size() > 4 && w.folded.compare(w.folded.size() - 3, 3, "ing") == 0) {
      if (k > s0 && words_[k - 1].folded == ",") {
        Frame f;
        f.cue_begin = w.begin, f.cue_end = w.end;
        size_t c = k + 1;
        while (c < s_end && (IsThatWord(words_[c]) || words_[c].punct)) ++c;
        if (SetContent(c, s_end, &f)) frames_.push_back(f);
      }
      continue;
    }
    size_t first = k;
    while (first > s0 && !words_[first - 1].punct && lex_.IsAux(words_[first - 1].folded)) --first;
    // French: a participle after its auxiliary; the auxiliary alone is no cue.
    AddFrame(s, first, k, k);
  }
}

std::vector<Quote> ArticleScan::Run(const SpeakerResolver& resolver) {
  for (const Sentence& s : sentences_) {
    if (s.token_count > 0) ScanSentence(s);
  }
  std::vector<Quote> out;
  for (Frame& f : frames_) {
    Quote q;
    q.begin = f.begin, q.end = f.end;
    size_t quoted = 0;
    size_t n = WordCount(f.begin, f.end, &quoted);
    q.direct = n > 0 && static_cast<double>(quoted) >= kDirectShare * static_cast<double>(n);
    q.cue_begin = f.cue_begin, q.cue_end = f.cue_end;
    if (!f.speaker.empty()) {
      if (f.speaker_begin == f.speaker_end) {
        f.speaker_begin = words_[f.speaker.first].begin;
        f.speaker_end = words_[f.speaker.last - 1].end;
      }
      q.speaker_begin = f.speaker_begin, q.speaker_end = f.speaker_end;
      q.speaker_text = std::string(text_.substr(q.speaker_begin, q.speaker_end - q.speaker_begin));
      q.speaker = resolver.Resolve(q.speaker_begin, q.speaker_end);
    } else {
      q.speaker_begin = q.speaker_end = q.cue_begin;
    }
    out.push_back(std::move(q));
  }
  // Quotes with no cue of their own.
  for (const QuotedSpan& s : outer_) {
    bool covered = false;
    for (const Quote& q : out) covered = covered || (s.begin < q.end && q.begin < s.end);
    if (covered) continue;
    size_t quoted = 0;
    if (WordCount(s.begin, s.end, &quoted) < static_cast<size_t>(kMinFreeQuoteWords)) continue;
    Quote q;
    q.begin = s.begin, q.end = s.end;
    q.direct = true;
    q.cue_begin = q.cue_end = s.open;
    q.speaker_begin = q.speaker_end = s.open;
    if (Span dash = DashSpeaker(s.close); !dash.empty()) {
      q.speaker_begin = words_[dash.first].begin;
      q.speaker_end = words_[dash.last - 1].end;
      q.speaker_text = std::string(text_.substr(q.speaker_begin, q.speaker_end - q.speaker_begin));
      q.speaker = resolver.Resolve(q.speaker_begin, q.speaker_end);
      out.push_back(std::move(q));
      continue;
    }
    // The quote before it in this paragraph or the previous one goes on.
    Quote* prev = nullptr;
    for (Quote& p : out) {
      if (p.end <= s.open && (prev == nullptr || p.end > prev->end)) prev = &p;
    }
    // “A,” X said. “B.” in one paragraph is one quote interrupted by its
    // attribution.
    if (prev != nullptr && prev->direct && prev->cue_begin >= prev->end &&
        prev->cue_end <= s.open && !CrossesParagraph(prev->end, s.open)) {
      size_t between_quoted = 0;
      if (WordCount(prev->end, s.open, &between_quoted) <= kMaxSpeakerWords) {
        prev->end = s.end;
        continue;
      }
    }
    if (prev != nullptr && prev->speaker_end > prev->speaker_begin) {
      size_t paragraphs_between = 0;
      for (const TextSpan& para : seg_.paragraphs) {
        if (para.begin > prev->end && para.begin <= s.open) ++paragraphs_between;
      }
      if (paragraphs_between <= 1) {
        q.speaker_text = prev->speaker_text;
        q.speaker_begin = prev->speaker_begin, q.speaker_end = prev->speaker_end;
        q.speaker = prev->speaker;
      }
    }
    out.push_back(std::move(q));
  }
  std::sort(out.begin(), out.end(), [](const Quote& a, const Quote& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Quote& a, const Quote& b) {
                          return a.begin == b.begin && a.end == b.end;
                        }),
            out.end());
  return out;
}

}  // namespace

Result<QuoteExtractor> QuoteExtractor::ForLanguage(std::string_view language,
                                                   std::shared_ptr<const AttributionModel> model) {
  Result<QuoteLexicon> lex = QuoteLexicon::ForLanguage(language);
  if (!lex.ok()) return lex.status();
  return QuoteExtractor(std::move(*lex), std::move(model));
}

std::vector<Quote> QuoteExtractor::Combine(std::vector<Quote> from_model,
                                           std::vector<Quote> from_rules) const {
  std::vector<Quote> out = std::move(from_model);
  const size_t n = out.size();
  for (Quote& r : from_rules) {
    bool covered = false;
    for (size_t i = 0; i < n; ++i) {
      if (!(r.begin < out[i].end && out[i].begin < r.end)) continue;
      covered = true;
      // The model finds the span; a rule frame may know who said it (a
      // dash attribution, a cue the model missed).
      Quote& m = out[i];
      if (m.speaker_end <= m.speaker_begin && r.speaker_end > r.speaker_begin) {
        m.speaker_begin = r.speaker_begin, m.speaker_end = r.speaker_end;
        m.speaker_text = r.speaker_text;
        m.speaker = r.speaker;
      }
    }
    if (!covered && r.direct) out.push_back(std::move(r));
  }
  std::sort(out.begin(), out.end(), [](const Quote& a, const Quote& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  return out;
}

std::vector<Quote> QuoteExtractor::Extract(const QuoteInput& input) const {
  if (input.segmentation == nullptr || input.text.empty()) return {};
  SpeakerResolver resolver(input.text, input.entities, &lexicon_);
  ArticleScan scan(lexicon_, input);
  std::vector<Quote> rules = scan.Run(resolver);
  if (model_ == nullptr) return rules;
  std::vector<AttributionSpan> spans = model_->Tag(input.text, *input.segmentation, lexicon_);
  return Combine(QuotesFromAttributions(input.text, *input.segmentation, spans, resolver),
                 std::move(rules));
}

}  // namespace dossier::quotes
