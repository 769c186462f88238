// Text normalisation: Unicode NFC, whitespace and invisible characters, and
// the paragraph model every later stage relies on.
//
// Output of NormalizeText:
//  - NFC; C0/C1 controls removed; NBSP, thin and other Unicode spaces and tabs
//    become ' '; runs of spaces collapse to one; lines are trimmed;
//  - CRLF and CR become LF; soft hyphens, zero-width spaces, word joiners,
//    BOMs and bidi marks are removed (ZWJ/ZWNJ stay: they change how
//    Persian, Indic and emoji text reads);
//  - paragraphs are separated by exactly "\n\n" and hold no other newline;
//    no leading or trailing whitespace.
// Line model of the input: when the text separates blocks with blank lines
// AND the lines inside blocks look hard-wrapped (most of them 40..100
// characters long, of similar length, not ending a sentence), the lines of a
// block are joined with a space; otherwise every non-empty line is its own
// paragraph.
//
// Thread-safety: free functions; ICU's normaliser instance is immutable.
#ifndef DOSSIER_CLEAN_NORMALIZE_H_
#define DOSSIER_CLEAN_NORMALIZE_H_

#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// REQUIRES: utf8 is well-formed UTF-8.
std::string NormalizeText(std::string_view utf8);

// One line of metadata (a title, an author): NFC, every whitespace run
// (newlines included) becomes one space, trimmed, controls and invisible
// characters removed. Ill-formed UTF-8 becomes U+FFFD.
std::string NormalizeInline(std::string_view text);

// The paragraphs of NormalizeText's output, as views into it.
std::vector<std::string_view> SplitParagraphs(std::string_view normalized);

// The inverse of SplitParagraphs; empty paragraphs are skipped.
std::string JoinParagraphs(const std::vector<std::string_view>& paragraphs);

}  // namespace dossier

#endif  // DOSSIER_CLEAN_NORMALIZE_H_
