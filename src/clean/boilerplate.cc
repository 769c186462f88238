// Tested by boilerplate_test.cc and clean_seeds_test.cc.
#include "clean/boilerplate.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>

#include "clean/boilerplate_lexicon.h"
#include "clean/phrase_matcher.h"
#include "clean/text_util.h"

namespace dossier {
namespace {

// Limits on line size per rule: boilerplate is short, stories are not.
constexpr size_t kMaxCaptionWords = 80;
constexpr size_t kMaxCreditTailWords = 15;
constexpr size_t kMaxLeadingCreditWords = 60;
constexpr size_t kMaxPromptWords = 30;
constexpr size_t kMaxNoteWords = 50;
constexpr size_t kMaxShortPromptWords = 8;
constexpr size_t kMaxHeadlineWords = 20;
constexpr size_t kMaxMarkerLineWords = 30;
constexpr size_t kMaxPolicyLineWords = 120;

struct Match {
  size_t begin;
  size_t end;
  Cue cue;
};

// One paragraph, with everything the rules look at.
struct Line {
  std::string_view text;
  std::string folded;
  size_t words = 0;          // up to kMaxPolicyLineWords + 1
  size_t content_start = 0;  // after bullets, '>>' and other leading marks
  bool bullet = false;       // starts with a list bullet
  bool asterisk = false;     // a footnote: starts with '*' or "(*)"
  std::array<int, kCueCount> score{};
  std::vector<Match> matches;
};

int Score(const Line& l, Cue c) { return l.score[static_cast<size_t>(c)]; }

int Weight(Cue c) { return c == Cue::kPolicyStrong || c == Cue::kPaywallStrong ? 2 : 1; }

// Strong and weak cues of one family share a score ("policy", "paywall").
Cue Family(Cue c) {
  if (c == Cue::kPolicyWeak) return Cue::kPolicyStrong;
  if (c == Cue::kPaywallWeak) return Cue::kPaywallStrong;
  return c;
}

bool IsOpeningQuoteAt(std::string_view s, size_t i) {
  static constexpr std::string_view kQuotes[] = {
      "\"", "'", "\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB", "\xE2\x80\x9E", "\xE2\x80\xB9"};
  for (std::string_view q : kQuotes) {
    if (s.substr(i, q.size()) == q) return true;
  }
  return false;
}

size_t CharLength(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

bool IsBulletAt(std::string_view s, size_t i) {
  static constexpr std::string_view kBullets[] = {"-",
                                                  "*",
                                                  "+",
                                                  "\xE2\x80\xA2" /*•*/,
                                                  "\xC2\xB7" /*·*/,
                                                  "\xE2\x96\xAA" /*▪*/,
                                                  "\xE2\x96\xA0" /*■*/,
                                                  "\xE2\x96\xBA" /*►*/,
                                                  "\xE2\x96\xB6" /*▶*/,
                                                  "\xE2\x96\xB8" /*▸*/,
                                                  "\xE2\x9C\x93" /*✓*/,
                                                  "\xE2\x9C\x94" /*✔*/,
                                                  "\xE2\x97\x86" /*◆*/,
                                                  "\xE2\x97\x8F" /*●*/,
                                                  "\xE2\x80\x93" /*–*/,
                                                  "\xE2\x80\x94" /*—*/,
                                                  "\xE2\x86\x92" /*→*/};
  for (std::string_view b : kBullets) {
    if (s.substr(i, b.size()) == b) return true;
  }
  return false;
}

// Offset of the first letter, digit or quote: leading bullets, ">>", dashes,
// brackets and spaces are decoration.
size_t ContentStart(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (IsWordByteAt(s, i) || IsOpeningQuoteAt(s, i)) break;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    // '©' opens a credit: it is content.
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA9) break;
    i += CharLength(s, i);
  }
  return std::min(i, s.size());
}

// The last non-space character before `pos`, as a view (may be multi-byte).
std::string_view CharBefore(std::string_view s, size_t pos) {
  while (pos > 0 && s[pos - 1] == ' ') --pos;
  if (pos == 0) return {};
  size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  return s.substr(start, pos - start);
}

// A credit after one of these closes a caption sentence: "... 2020. Photo: X".
bool EndsCaptionSentence(std::string_view c) {
  static constexpr std::string_view kMarks[] = {".",
                                                "!",
                                                "?",
                                                ")",
                                                "]",
                                                "(",
                                                "[",
                                                "\"",
                                                "'",
                                                "|",
                                                "-",
                                                "/",
                                                ":",
                                                "\xE2\x80\x9D" /*”*/,
                                                "\xE2\x80\x99" /*’*/,
                                                "\xC2\xBB" /*»*/,
                                                "\xE2\x80\x93" /*–*/,
                                                "\xE2\x80\x94" /*—*/,
                                                "\xE2\x80\xA2" /*•*/};
  for (std::string_view m : kMarks) {
    if (c == m) return true;
  }
  return false;
}

bool HasYear(std::string_view s) {
  for (size_t i = 0; i + 4 <= s.size(); ++i) {
    if ((s.substr(i, 2) == "19" || s.substr(i, 2) == "20") &&
        isdigit(static_cast<unsigned char>(s[i + 2])) &&
        isdigit(static_cast<unsigned char>(s[i + 3])) &&
        (i == 0 || !isdigit(static_cast<unsigned char>(s[i - 1]))) &&
        (i + 4 == s.size() || !isdigit(static_cast<unsigned char>(s[i + 4])))) {
      return true;
    }
  }
  return false;
}

// `s` from `pos` on, without trailing spaces, periods and closing brackets.
bool OnlyClosingAfter(std::string_view s, size_t pos) {
  for (size_t i = pos; i < s.size(); ++i) {
    if (s[i] != ' ' && s[i] != '.' && s[i] != ')' && s[i] != ']') return false;
  }
  return true;
}

}  // namespace

std::string_view BoilerplateKindName(BoilerplateKind kind) {
  switch (kind) {
    case BoilerplateKind::kComments:
      return "comments";
    case BoilerplateKind::kReadAlso:
      return "read-also";
    case BoilerplateKind::kPaywall:
      return "paywall";
    case BoilerplateKind::kCaption:
      return "caption";
    case BoilerplateKind::kShare:
      return "share";
    case BoilerplateKind::kLegalNote:
      return "legal-note";
    case BoilerplateKind::kCopyright:
      return "copyright";
    case BoilerplateKind::kCredit:
      return "credit";
  }
  return "?";
}

struct BoilerplateStripper::Rep {
  PhraseMatcher matcher;
  std::unordered_set<std::string_view> headings;
  std::unordered_set<std::string_view> share_words;
  std::unordered_set<std::string_view> share_fillers;

  Line Analyze(std::string_view text) const;
  bool IsCommentHeading(const Line& l) const;
  bool IsShareRow(const Line& l) const;
  bool IsPaywallPrompt(const Line& l) const;
  bool IsCaption(const Line& l) const;
  bool IsCopyright(const Line& l) const;
  bool IsCredit(const Line& l) const;
  bool IsLegalNote(const Line& l) const;
  // 0: no marker; 1: a bare marker ("READ ALSO -"); 2: marker with headline.
  int ReadAlsoForm(const Line& l) const;
  bool IsPolicyPrompt(const Line& l) const {
    return Score(l, Cue::kPolicyStrong) >= 2 && l.words <= kMaxShortPromptWords;
  }
  bool IsTrailingPolicy(const Line& l) const {
    return (Score(l, Cue::kPolicyStrong) >= 3 && l.words <= kMaxPolicyLineWords) ||
           IsPolicyPrompt(l);
  }
};

Line BoilerplateStripper::Rep::Analyze(std::string_view text) const {
  Line l;
  l.text = text;
  // Every rule compares the count with a threshold of at most
  // kMaxPolicyLineWords, so counting stops just past it.
  l.words = CountWords(text, kMaxPolicyLineWords);
  // No rule removes a line this long: skip the cue scan (most of the bytes
  // of an article are in such paragraphs).
  if (l.words > kMaxPolicyLineWords) return l;
  l.folded = LowerForMatching(text);
  l.content_start = ContentStart(text);
  l.bullet = !text.empty() && IsBulletAt(text, 0);
  l.asterisk = !text.empty() && (text[0] == '*' || text.substr(0, 3) == "(*)");
  matcher.ForEachMatch(l.folded, [&](const PhraseMatch& m) {
    l.matches.push_back(Match{m.begin, m.end, static_cast<Cue>(m.tag)});
  });
  // A cue inside a longer cue of its family does not count again:
  // "continue reading this article" is one cue, not two.
  for (const Match& m : l.matches) {
    const Cue family = Family(m.cue);
    bool contained = false;
    for (const Match& o : l.matches) {
      if (&o != &m && Family(o.cue) == family && o.begin <= m.begin && m.end <= o.end &&
          o.end - o.begin > m.end - m.begin) {
        contained = true;
        break;
      }
    }
    if (!contained) l.score[static_cast<size_t>(family)] += Weight(m.cue);
  }
  return l;
}

bool BoilerplateStripper::Rep::IsCommentHeading(const Line& l) const {
  if (l.words > 4) return false;
  std::string_view s = l.folded;
  auto trim = [](char c) {
    return c == ' ' || c == '(' || c == ')' || c == '[' || c == ']' || c == ':' || c == '#' ||
           c == '|' || c == '-' || (c >= '0' && c <= '9');
  };
  while (!s.empty() && trim(s.front())) s.remove_prefix(1);
  while (!s.empty() && trim(s.back())) s.remove_suffix(1);
  return headings.count(s) > 0;
}

bool BoilerplateStripper::Rep::IsShareRow(const Line& l) const {
  if (l.words == 0 || l.words > 10) return false;
  bool any_word = false;
  std::string_view s = l.folded;
  size_t i = 0;
  while (i < s.size()) {
    if (!IsWordByteAt(s, i) && s[i] != '-') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && (IsWordByteAt(s, j) || s[j] == '-')) ++j;
    std::string_view token = s.substr(i, j - i);
    while (!token.empty() && token.back() == '-') token.remove_suffix(1);
    while (!token.empty() && token.front() == '-') token.remove_prefix(1);
    i = j;
    if (token.empty()) continue;
    if (share_words.count(token) > 0) {
      any_word = true;
    } else if (share_fillers.count(token) == 0) {
      return false;
    }
  }
  return any_word;
}

bool BoilerplateStripper::Rep::IsPaywallPrompt(const Line& l) const {
  const int score = Score(l, Cue::kPaywallStrong);
  if (score == 0) return false;
  const char last = FinalPunctuation(l.text);
  const bool prompt_end = last != '.' && last != ',' && last != ';';  // ':', '?', '!', none
  if (score >= 2 && prompt_end && l.words <= kMaxPromptWords) return true;
  if (score >= 4 && l.words <= kMaxPromptWords + 10) return true;
  // "Subscribe now." "Newsletter": an imperative or a label on its own.
  for (const Match& m : l.matches) {
    if (Family(m.cue) == Cue::kPaywallStrong && m.begin == l.content_start && l.words <= 6) {
      return true;
    }
  }
  return false;
}

bool BoilerplateStripper::Rep::IsCaption(const Line& l) const {
  for (const Match& m : l.matches) {
    if (m.cue == Cue::kCaptionMarker) {
      if (m.begin <= l.content_start) {
        // The line opens with the credit: "Photo: AFP", "© Reuters".
        if (l.words <= kMaxLeadingCreditWords) return true;
        continue;
      }
      // The line ends with a credit after a closed sentence or a bracket.
      std::string_view tail = l.text.substr(m.begin);
      if (EndsCaptionSentence(CharBefore(l.text, m.begin)) &&
          CountWords(tail) <= kMaxCreditTailWords && !HasSentenceBreak(tail) &&
          l.words <= kMaxCaptionWords) {
        return true;
      }
    } else if (m.cue == Cue::kCaptionTail) {
      // "... Name/AFP via Getty Images." at the very end.
      if (OnlyClosingAfter(l.text, m.end) && l.words <= kMaxCaptionWords) return true;
    }
  }
  return false;
}

bool BoilerplateStripper::Rep::IsCopyright(const Line& l) const {
  if (l.words > kMaxPromptWords) return false;
  std::string_view content = std::string_view(l.folded).substr(l.content_start);
  const bool opens = content.substr(0, 2) == "\xC2\xA9" || content.substr(0, 9) == "copyright" ||
                     (content.substr(0, 3) == "(c)" && HasYear(content));
  if (opens && (HasYear(content) || Score(l, Cue::kCopyright) > 0)) return true;
  for (const Match& m : l.matches) {
    if (m.cue == Cue::kCopyright && m.end - m.begin > 9) return true;  // "... rights reserved"
  }
  return false;
}

bool BoilerplateStripper::Rep::IsCredit(const Line& l) const {
  if (l.words > 40) return false;
  static constexpr std::string_view kThis[] = {
      "this ", "cet ",  "cette ",  "dieser ", "dieses ",
      "este ", "esta ", "questo ", "questa ", "a version of this "};
  std::string_view content = std::string_view(l.folded).substr(l.content_start);
  bool about_itself = false;
  for (std::string_view t : kThis) {
    if (content.substr(0, t.size()) == t) about_itself = true;
  }
  for (const Match& m : l.matches) {
    if (m.cue == Cue::kReportingCredit && m.begin <= l.content_start) return true;
    if (m.cue == Cue::kRepublished && (m.begin <= l.content_start || about_itself)) return true;
  }
  return false;
}

bool BoilerplateStripper::Rep::IsLegalNote(const Line& l) const {
  return l.asterisk && l.words <= kMaxNoteWords && Score(l, Cue::kLegalNote) > 0;
}

int BoilerplateStripper::Rep::ReadAlsoForm(const Line& l) const {
  if (l.words > kMaxMarkerLineWords) return 0;
  size_t end = 0;
  for (const Match& m : l.matches) {
    if (m.cue == Cue::kReadAlso && m.begin == l.content_start) end = std::max(end, m.end);
  }
  if (end == 0) return 0;
  // What follows the marker: nothing, a separator then a headline, or (for
  // a marker in capitals) a headline directly.
  size_t i = end;
  bool separated = false;
  while (i < l.text.size() && !IsWordByteAt(l.text, i) && !IsOpeningQuoteAt(l.text, i)) {
    if (l.text[i] != ' ') separated = true;
    i += CharLength(l.text, i);
  }
  if (i >= l.text.size()) return 1;
  std::string_view marker = l.text.substr(l.content_start, end - l.content_start);
  const bool capitals =
      LowerForMatching(marker) != marker &&
      marker.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string_view::npos;
  return separated || capitals ? 2 : 0;
}

BoilerplateStripper::BoilerplateStripper() : rep_(std::make_unique<Rep>()) {
  for (const CuePhrase& p : CuePhrases()) rep_->matcher.Add(p.text, static_cast<uint32_t>(p.cue));
  rep_->matcher.Build();
  for (std::string_view h : CommentHeadings()) rep_->headings.insert(h);
  for (std::string_view w : ShareWords()) rep_->share_words.insert(w);
  for (std::string_view w : ShareFillers()) rep_->share_fillers.insert(w);
}

BoilerplateStripper::~BoilerplateStripper() = default;

void BoilerplateStripper::Strip(std::vector<std::string_view>* paragraphs,
                                BoilerplateReport* report) const {
  const Rep& r = *rep_;
  const size_t n = paragraphs->size();
  std::vector<Line> lines;
  lines.reserve(n);
  for (std::string_view p : *paragraphs) lines.push_back(r.Analyze(p));

  std::vector<bool> drop(n, false);
  std::vector<BoilerplateKind> kind(n, BoilerplateKind::kComments);
  auto mark = [&](size_t i, BoilerplateKind k) {
    drop[i] = true;
    kind[i] = k;
  };

  for (size_t i = 0; i < n; ++i) {
    if (drop[i]) continue;
    const Line& l = lines[i];
    if (r.IsCommentHeading(l)) {
      // A heading followed by policy wording opens a comment section: the
      // heading and the policy run go.
      if (i + 1 == n) {
        mark(i, BoilerplateKind::kComments);
      } else if (Score(lines[i + 1], Cue::kPolicyStrong) >= 2) {
        mark(i, BoilerplateKind::kComments);
        for (size_t j = i + 1; j < n && Score(lines[j], Cue::kPolicyStrong) >= 1 &&
                               lines[j].words <= kMaxPolicyLineWords;
             ++j) {
          mark(j, BoilerplateKind::kComments);
        }
      }
      continue;
    }
    if (const int form = r.ReadAlsoForm(l); form != 0) {
      mark(i, BoilerplateKind::kReadAlso);
      // A bare marker introduces the headline on the next line.
      if (form == 1 && i + 1 < n && LooksLikeHeadline(lines[i + 1].text, kMaxHeadlineWords)) {
        mark(i + 1, BoilerplateKind::kReadAlso);
      }
      continue;
    }
    if (r.IsPaywallPrompt(l)) {
      mark(i, BoilerplateKind::kPaywall);
      // The list a prompt introduces ("... get unlimited access to:").
      const bool introduces_list = FinalPunctuation(l.text) == ':';
      for (size_t j = i + 1; j < n; ++j) {
        const Line& b = lines[j];
        const bool short_item = introduces_list && b.words <= kMaxShortPromptWords &&
                                !EndsSentence(b.text) && b.words > 0;
        if (!(b.bullet && b.words <= kMaxShortPromptWords * 2) && !short_item) break;
        mark(j, BoilerplateKind::kPaywall);
      }
      continue;
    }
    if (r.IsCopyright(l)) {
      mark(i, BoilerplateKind::kCopyright);
    } else if (r.IsCaption(l)) {
      mark(i, BoilerplateKind::kCaption);
    } else if (r.IsLegalNote(l)) {
      mark(i, BoilerplateKind::kLegalNote);
    } else if (r.IsCredit(l)) {
      mark(i, BoilerplateKind::kCredit);
    } else if (r.IsShareRow(l)) {
      mark(i, BoilerplateKind::kShare);
    } else if (r.IsPolicyPrompt(l)) {
      mark(i, BoilerplateKind::kComments);
    }
  }

  // A trailing run of policy lines and prompts, and the heading above it.
  for (size_t i = n; i > 0; --i) {
    const size_t k = i - 1;
    if (drop[k]) continue;
    const Line& l = lines[k];
    if (r.IsTrailingPolicy(l) || r.IsCommentHeading(l)) {
      mark(k, BoilerplateKind::kComments);
    } else if (r.IsPaywallPrompt(l)) {
      mark(k, BoilerplateKind::kPaywall);
    } else {
      break;
    }
  }

  size_t out = 0;
  for (size_t i = 0; i < n; ++i) {
    if (drop[i]) {
      if (report != nullptr) {
        report->removed.push_back(RemovedLine{std::string((*paragraphs)[i]), kind[i]});
      }
      continue;
    }
    (*paragraphs)[out++] = (*paragraphs)[i];
  }
  paragraphs->resize(out);
}

}  // namespace dossier
