// TextSegmenter: paragraphs, sentences and word tokens of an article (ICU).
//
//   TextSegmenter seg("en");
//   Segmentation s = seg.Segment(article.text);
//   for (const Sentence& x : s.sentences) Use(text.substr(x.begin, x.end - x.begin));
//
// All offsets are byte offsets into the UTF-8 text given to Segment(), so any
// later stage can point back into Article::text. Sentence breaks follow ICU's
// rules with abbreviation suppression from data/abbreviations/<lang>.txt plus
// built-in rules for initials and acronyms: "U.S.", "M.", "Aug.", "Dr." do not
// end sentences.
//
// Thread-safety: a TextSegmenter holds ICU iterators and is NOT thread-safe;
// use one per thread.
#ifndef DOSSIER_TEXT_SEGMENTER_H_
#define DOSSIER_TEXT_SEGMENTER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

struct TextSpan {
  uint32_t begin = 0;  ///< byte offset of the first byte
  uint32_t end = 0;    ///< byte offset one past the last byte
};

enum class TokenKind : uint8_t {
  kWord,    ///< letters (may contain digits, apostrophes, hyphens inside)
  kNumber,  ///< digits, with separators: 5,000 3.500 2020
  kPunct,   ///< punctuation and symbols
};

struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
};

struct Sentence {
  uint32_t begin = 0;  ///< trimmed: no leading or trailing whitespace
  uint32_t end = 0;
  uint32_t first_token = 0;  ///< index into Segmentation::tokens
  uint32_t token_count = 0;
};

struct Segmentation {
  std::vector<TextSpan> paragraphs;  ///< split at line breaks (blank lines in cleaned text)
  std::vector<Sentence> sentences;   ///< never cross a paragraph boundary
  std::vector<Token> tokens;         ///< no whitespace tokens
};

class TextSegmenter {
 public:
  // `language` is an ISO 639-1 code; unknown codes use the root rules.
  explicit TextSegmenter(std::string_view language);
  ~TextSegmenter();
  TextSegmenter(const TextSegmenter&) = delete;
  TextSegmenter& operator=(const TextSegmenter&) = delete;

  // REQUIRES: text is valid UTF-8 shorter than 4 GiB.
  Segmentation Segment(std::string_view text);

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

// Lower-cases and folds `word` (ICU full case folding), for matching.
std::string FoldCase(std::string_view word);

// FoldCase(word) written to *out (replacing its contents). Reusing one
// `out` across calls spares an allocation per word. REQUIRES: `word` does
// not point into *out.
void FoldCaseInto(std::string_view word, std::string* out);

}  // namespace dossier

#endif  // DOSSIER_TEXT_SEGMENTER_H_
