// Quote marks: the quoted stretches of an article text, in every style of
// news and corpora: "…", “…”, «…», „…“, ‘…’, '…', ``…'' (tokenised
// corpora). A quote left open at the end of a paragraph continues when the
// next paragraph reopens it (the convention of multi-paragraph quotes);
// otherwise it ends with its paragraph. Inner quotes (‘…’ inside “…”) are
// reported with depth 1.
//
//   std::vector<QuotedSpan> q = FindQuotedSpans(text, segmentation.paragraphs);
//   for (const QuotedSpan& s : q) if (s.depth == 0) Use(text.substr(s.begin, s.end - s.begin));
//
// Apostrophes are not quote marks: ’ or ' between letters ("Iraq’s",
// "don't") never opens or closes a quote.
//
// Thread-safety: pure functions.
#ifndef DOSSIER_QUOTES_QUOTE_MARKS_H_
#define DOSSIER_QUOTES_QUOTE_MARKS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/segmenter.h"

namespace dossier::quotes {

struct QuotedSpan {
  uint32_t open = 0;   ///< first byte of the opening mark
  uint32_t begin = 0;  ///< the content, marks excluded
  uint32_t end = 0;
  uint32_t close = 0;      ///< one past the closing mark (== end when unterminated)
  uint32_t depth = 0;      ///< 0 for an outermost quote
  bool terminated = true;  ///< false: ran to the end of its paragraph unclosed
  bool multi_paragraph = false;
};

// REQUIRES: paragraphs are in text order and inside the text (as
// TextSegmenter gives them). Spans come in order of their opening mark.
std::vector<QuotedSpan> FindQuotedSpans(std::string_view text,
                                        const std::vector<TextSpan>& paragraphs);

}  // namespace dossier::quotes

#endif  // DOSSIER_QUOTES_QUOTE_MARKS_H_
