// Tested by segmenter_test.cc.
//
// ICU iterates directly over the UTF-8 text through a UText, so every index it
// returns is already a byte offset. Sentences: ICU's sentence rules propose
// breaks, then AbbreviationRules drops the ones that follow an abbreviation or
// an initial. (ICU's FilteredBreakIteratorBuilder would do the first part, but
// it matches its list by suffix with no word boundary and cannot express
// "ends a sentence only before a starter word"; checking the few proposed
// breaks ourselves is simpler and costs nothing measurable.) Words: ICU's word
// rules, through SimpleWordTokenizer when the text allows (about 4 times
// faster, same tokens) and ICU's iterator otherwise, applied so that a token
// never straddles a sentence boundary ("Blanche.La" gives "Blanche", ".",
// "La").
#include "text/segmenter.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#include "text/abbreviations.h"
#include "text/sentence_breaker.h"
#include "text/unicode_util.h"
#include "text/word_tokenizer.h"

namespace dossier {

using text_internal::AbbreviationRules;
using text_internal::IsLineBreak;
using text_internal::IsSpace;
using text_internal::NextCodePoint;
using text_internal::PrevCodePoint;
using text_internal::SimpleSentenceBreaker;
using text_internal::SimpleWordTokenizer;

namespace {

// [begin, end) without leading and trailing whitespace; begin == end if blank.
TextSpan TrimSpan(std::string_view text, size_t begin, size_t end) {
  while (begin < end) {
    size_t next = begin;
    if (!IsSpace(NextCodePoint(text, &next))) break;
    begin = next;
  }
  while (end > begin) {
    size_t prev = end;
    if (!IsSpace(PrevCodePoint(text, begin, &prev))) break;
    end = prev;
  }
  return {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

// Paragraphs end at every line break: the cleaned text separates paragraphs by
// a blank line and has no other newline, and in text that does have single
// newlines they are line breaks that a sentence should not cross anyway.
void FindParagraphs(std::string_view text, std::vector<TextSpan>* out) {
  size_t start = 0;
  size_t i = 0;
  while (i < text.size()) {
    const size_t at = i;
    if (!IsLineBreak(NextCodePoint(text, &i))) continue;
    TextSpan p = TrimSpan(text, start, at);
    if (p.begin < p.end) out->push_back(p);
    start = i;
  }
  TextSpan p = TrimSpan(text, start, text.size());
  if (p.begin < p.end) out->push_back(p);
}

// Appends the token of ICU segment [begin, end) (rule status `rule`), if any.
void AddToken(std::string_view text, size_t begin, size_t end, int32_t rule,
              std::vector<Token>* out) {
  Token t;
  if (rule < UBRK_WORD_NONE_LIMIT) {
    // Spaces and punctuation both land here; a mark attached to a space
    // can make a mixed segment, hence trimming rather than a yes/no test.
    const TextSpan p = TrimSpan(text, begin, end);
    if (p.begin == p.end) return;
    t.begin = p.begin;
    t.end = p.end;
    t.kind = TokenKind::kPunct;
  } else {
    t.begin = static_cast<uint32_t>(begin);
    t.end = static_cast<uint32_t>(end);
    t.kind = rule < UBRK_WORD_NUMBER_LIMIT ? TokenKind::kNumber : TokenKind::kWord;
  }
  out->push_back(t);
}

// Whether text[dot] == '.' sits between two lower-case letters and an upper-case
// letter followed by a lower-case one: "ab.Cd".
bool LostSpaceAfter(std::string_view text, size_t dot) {
  if (dot < 2 || dot + 3 > text.size()) return false;
  size_t i = dot;
  if (!u_islower(PrevCodePoint(text, 0, &i)) || i == 0 || !u_islower(PrevCodePoint(text, 0, &i))) {
    return false;
  }
  i = dot + 1;
  if (!u_isupper(NextCodePoint(text, &i)) || i >= text.size()) return false;
  return u_islower(NextCodePoint(text, &i));
}

// Whether ICU took the iterator's rules from the root locale: the locale it
// reports is empty (or "root") unless its rules are tailored.
bool HasRootRules(const icu::BreakIterator& it) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale rules = it.getLocale(ULOC_ACTUAL_LOCALE, status);
  const std::string_view name = rules.getName();
  return U_SUCCESS(status) && (name.empty() || name == "root");
}

std::unique_ptr<icu::BreakIterator> NewIterator(bool sentences, const icu::Locale& locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      sentences ? icu::BreakIterator::createSentenceInstance(locale, status)
                : icu::BreakIterator::createWordInstance(locale, status));
  if (U_FAILURE(status)) it.reset();
  return it;
}

}  // namespace

struct TextSegmenter::Rep {
  // Null only if ICU has no data at all; Segment() then degrades to one
  // sentence per paragraph and no tokens rather than failing.
  std::unique_ptr<icu::BreakIterator> sentence_breaks;
  std::unique_ptr<icu::BreakIterator> word_breaks;
  // A clone of word_breaks for re-splitting a token that straddles a sentence
  // break while word_breaks is iterating over the whole text.
  std::unique_ptr<icu::BreakIterator> piece_breaks;
  // ICU's root word rules, several times faster, for text without exotic
  // characters; word_breaks handles the rest, and every language whose word
  // rules ICU tailors (Finnish and Swedish join "a:b").
  SimpleWordTokenizer simple_words;
  bool use_simple_words = false;
  // ICU's root sentence rules, several times faster; sentence_breaks for
  // languages whose sentence rules ICU tailors.
  SimpleSentenceBreaker simple_sentences;
  bool use_simple_sentences = false;
  AbbreviationRules rules;
  UText sentence_text = UTEXT_INITIALIZER;
  UText word_text = UTEXT_INITIALIZER;
  UText piece_text = UTEXT_INITIALIZER;
  std::vector<uint32_t> breaks;  // scratch, reused across calls
  std::vector<UChar> utf16;      // scratch: the text in UTF-16, for sentence breaks

  ~Rep() {
    utext_close(&sentence_text);
    utext_close(&word_text);
    utext_close(&piece_text);
  }

  void FindSentences(std::string_view text, Segmentation* out);
  void CollectSentenceBreaks(std::string_view text);
  bool CollectUtf16SentenceBreaks(std::string_view text);
  bool KeepsBreak(std::string_view text, const TextSpan& paragraph, size_t at) const;
  void FindTokens(std::string_view text, Segmentation* out);
  void FindTokensWithIcu(std::string_view text, Segmentation* out);
  void SplitPiece(std::string_view text, size_t begin, size_t end, Segmentation* out);
};

void TextSegmenter::Rep::FindSentences(std::string_view text, Segmentation* out) {
  CollectSentenceBreaks(text);
  auto add = [&](size_t begin, size_t end) {
    const TextSpan span = TrimSpan(text, begin, end);
    if (span.begin == span.end) return;
    Sentence s;
    s.begin = span.begin;
    s.end = span.end;
    out->sentences.push_back(s);
  };
  size_t next_break = 0;
  for (const TextSpan& p : out->paragraphs) {
    while (next_break < breaks.size() && breaks[next_break] <= p.begin) ++next_break;
    size_t start = p.begin;
    for (; next_break < breaks.size() && breaks[next_break] < p.end; ++next_break) {
      const size_t at = breaks[next_break];
      if (!KeepsBreak(text, p, at)) continue;
      add(start, at);
      start = at;
    }
    add(start, p.end);
  }
}

// ICU's sentence rules over a UTF-16 copy of the text, its breaks mapped back
// to byte offsets. A UTF-8 UText hands ICU 32 characters at a time, and the
// refills cost a third of the iteration; over UTF-16 there are none. False
// (and no breaks) when the text does not convert.
bool TextSegmenter::Rep::CollectUtf16SentenceBreaks(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  utf16.resize(text.size() + 1);  // never more UTF-16 units than bytes
  u_strFromUTF8(utf16.data(), static_cast<int32_t>(utf16.size()), &length, text.data(),
                static_cast<int32_t>(text.size()), &status);
  if (U_FAILURE(status)) return false;
  utext_openUChars(&sentence_text, utf16.data(), length, &status);
  sentence_breaks->setText(&sentence_text, status);
  if (U_FAILURE(status)) return false;
  size_t byte = 0;  // the byte offset of UTF-16 offset `unit`
  int32_t unit = 0;
  for (int32_t at = sentence_breaks->next(); at != icu::BreakIterator::DONE;
       at = sentence_breaks->next()) {
    while (unit < at && byte < text.size()) {
      const auto lead = static_cast<unsigned char>(text[byte]);
      const size_t bytes = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      unit += bytes == 4 ? 2 : 1;
      byte += bytes;
    }
    breaks.push_back(static_cast<uint32_t>(byte));
  }
  return true;
}

void TextSegmenter::Rep::CollectSentenceBreaks(std::string_view text) {
  breaks.clear();
  if (!sentence_breaks) return;
  if (use_simple_sentences && simple_sentences.FindBreaks(text, &breaks)) {
    // ICU's boundaries, found without ICU (sentence_breaker.h).
  } else if (text.size() >= INT32_MAX || !CollectUtf16SentenceBreaks(text)) {
    breaks.clear();
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&sentence_text, text.data(), static_cast<int64_t>(text.size()), &status);
    sentence_breaks->setText(&sentence_text, status);
    if (U_FAILURE(status)) return;
    for (int32_t at = sentence_breaks->next(); at != icu::BreakIterator::DONE;
         at = sentence_breaks->next()) {
      breaks.push_back(static_cast<uint32_t>(at));
    }
  }
  // ICU keeps "Blanche.La" together (UAX #29 rule SB7, meant for "U.S.A").
  // Two lower-case letters, a dot, then a capitalized word is a sentence end
  // whose space was lost in extraction ("e.g.The" and "U.S.Army" do not match).
  const size_t icu_breaks = breaks.size();
  for (size_t dot = text.find('.'); dot != std::string_view::npos; dot = text.find('.', dot + 1)) {
    if (LostSpaceAfter(text, dot)) breaks.push_back(static_cast<uint32_t>(dot + 1));
  }
  if (breaks.size() != icu_breaks) {
    std::sort(breaks.begin(), breaks.end());
    breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
  }
}

// Whether the break ICU proposes at `at` (after any trailing spaces) stands.
bool TextSegmenter::Rep::KeepsBreak(std::string_view text, const TextSpan& paragraph,
                                    size_t at) const {
  size_t end = at;
  while (end > paragraph.begin) {
    size_t prev = end;
    UChar32 c = PrevCodePoint(text, paragraph.begin, &prev);
    if (!IsSpace(c)) break;
    if (IsLineBreak(c)) return true;
    end = prev;
  }
  if (end == paragraph.begin || text[end - 1] != '.') return true;
  size_t begin = end;
  while (begin > paragraph.begin) {
    size_t prev = begin;
    if (IsSpace(PrevCodePoint(text, paragraph.begin, &prev))) break;
    begin = prev;
  }
  return rules.KeepsBreak(text.substr(begin, end - begin), text.substr(at, paragraph.end - at));
}

void TextSegmenter::Rep::FindTokens(std::string_view text, Segmentation* out) {
  if (!use_simple_words || !simple_words.Prepare(text)) return FindTokensWithIcu(text, out);
  for (Sentence& s : out->sentences) {
    s.first_token = static_cast<uint32_t>(out->tokens.size());
    simple_words.Tokenize(s.begin, s.end, &out->tokens);
    s.token_count = static_cast<uint32_t>(out->tokens.size()) - s.first_token;
  }
}

// One pass of ICU's word rules over the whole text (cheaper than one pass per
// sentence: resetting an iterator costs about a microsecond). A token that
// straddles a sentence break ("Blanche.La", where the source lost a space) is
// split at the break and each piece re-tokenized on its own.
void TextSegmenter::Rep::FindTokensWithIcu(std::string_view text, Segmentation* out) {
  std::vector<Sentence>& sentences = out->sentences;
  if (!word_breaks || sentences.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  utext_openUTF8(&word_text, text.data(), static_cast<int64_t>(text.size()), &status);
  word_breaks->setText(&word_text, status);
  if (U_FAILURE(status)) return;
  size_t si = 0;  // the sentence the next token falls in
  sentences[0].first_token = 0;
  auto close_sentences_before = [&](size_t offset) {
    while (si < sentences.size() && sentences[si].end <= offset) {
      sentences[si].token_count =
          static_cast<uint32_t>(out->tokens.size()) - sentences[si].first_token;
      if (++si < sentences.size()) {
        sentences[si].first_token = static_cast<uint32_t>(out->tokens.size());
      }
    }
  };
  int32_t begin = word_breaks->first();
  for (int32_t end = word_breaks->next(); end != icu::BreakIterator::DONE;
       begin = end, end = word_breaks->next()) {
    close_sentences_before(static_cast<size_t>(begin));
    if (si == sentences.size()) break;
    const int32_t rule = word_breaks->getRuleStatus();
    if (static_cast<uint32_t>(end) <= sentences[si].end) {
      AddToken(text, begin, end, rule, &out->tokens);
      continue;
    }
    // Straddles the end of sentence si (or lies in the blank between two).
    for (size_t b = begin;
         si < sentences.size() && sentences[si].begin < static_cast<size_t>(end);) {
      const size_t piece_begin = std::max<size_t>(b, sentences[si].begin);
      const size_t piece_end = std::min<size_t>(end, sentences[si].end);
      if (piece_begin < piece_end) SplitPiece(text, piece_begin, piece_end, out);
      if (sentences[si].end > static_cast<size_t>(end)) break;
      b = sentences[si].end;
      close_sentences_before(b);
    }
  }
  close_sentences_before(text.size() + 1);
}

void TextSegmenter::Rep::SplitPiece(std::string_view text, size_t begin, size_t end,
                                    Segmentation* out) {
  UErrorCode status = U_ZERO_ERROR;
  utext_openUTF8(&piece_text, text.data() + begin, static_cast<int64_t>(end - begin), &status);
  piece_breaks->setText(&piece_text, status);
  if (U_FAILURE(status)) return;
  int32_t b = piece_breaks->first();
  for (int32_t e = piece_breaks->next(); e != icu::BreakIterator::DONE;
       b = e, e = piece_breaks->next()) {
    AddToken(text, begin + b, begin + e, piece_breaks->getRuleStatus(), &out->tokens);
  }
}

TextSegmenter::TextSegmenter(std::string_view language) : rep_(std::make_unique<Rep>()) {
  const std::string code(language);
  const icu::Locale locale = code.empty() ? icu::Locale::getRoot() : icu::Locale(code.c_str());
  rep_->sentence_breaks = NewIterator(/*sentences=*/true, locale);
  if (rep_->sentence_breaks) rep_->use_simple_sentences = HasRootRules(*rep_->sentence_breaks);
  rep_->word_breaks = NewIterator(/*sentences=*/false, locale);
  if (rep_->word_breaks) rep_->piece_breaks.reset(rep_->word_breaks->clone());
  if (!rep_->piece_breaks) rep_->word_breaks.reset();
  if (rep_->word_breaks) rep_->use_simple_words = HasRootRules(*rep_->word_breaks);
  rep_->rules = AbbreviationRules::ForLanguage(language);
}

TextSegmenter::~TextSegmenter() = default;

Segmentation TextSegmenter::Segment(std::string_view text) {
  Segmentation out;
  FindParagraphs(text, &out.paragraphs);
  if (out.paragraphs.empty()) return out;
  // News text has a token every 6 bytes or so and a sentence every 150:
  // reserving spares the copies of a growing vector.
  out.tokens.reserve(text.size() / 5 + 16);
  out.sentences.reserve(text.size() / 100 + 4);
  rep_->FindSentences(text, &out);
  rep_->FindTokens(text, &out);
  return out;
}

std::string FoldCase(std::string_view word) {
  std::string out;
  FoldCaseInto(word, &out);
  return out;
}

void FoldCaseInto(std::string_view word, std::string* out) {
  // ASCII and Latin-1 letters (most words of news in Latin script) fold
  // here: capitals to small letters, everything else as it is. Full case
  // folding only differs from that for U+00B5 (micro sign) and U+00DF (sharp
  // s); those and every other script go to ICU.
  out->resize(word.size());
  char* p = out->data();
  for (size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      p[i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
      continue;
    }
    const auto next = i + 1 < word.size() ? static_cast<unsigned char>(word[i + 1]) : 0;
    if ((next & 0xC0) == 0x80 && ((c == 0xC2 && next != 0xB5) || (c == 0xC3 && next != 0x9F))) {
      const bool capital = c == 0xC3 && next <= 0x9E && next != 0x97;  // U+00C0..U+00DE but ×
      p[i] = static_cast<char>(c);
      p[i + 1] = static_cast<char>(capital ? next + 0x20 : next);
      ++i;
      continue;
    }
    out->clear();
    icu::StringByteSink<std::string> sink(out);
    UErrorCode status = U_ZERO_ERROR;
    icu::CaseMap::utf8Fold(U_FOLD_CASE_DEFAULT,
                           icu::StringPiece(word.data(), static_cast<int32_t>(word.size())), sink,
                           nullptr, status);
    if (U_FAILURE(status)) out->assign(word.data(), word.size());
    return;
  }
}

}  // namespace dossier
