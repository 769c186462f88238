// Tested by normalize_test.cc.
#include "clean/normalize.h"

#include <algorithm>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include "clean/text_util.h"
#include "clean/utf8.h"

namespace dossier {
namespace {

enum class CharClass { kKeep, kSpace, kNewline, kParagraph, kDrop };

CharClass Classify(uint32_t cp) {
  if (cp < 0x80) {
    if (cp == '\n') return CharClass::kNewline;
    if (cp == '\t' || cp == '\v' || cp == '\f' || cp == ' ') return CharClass::kSpace;
    if (cp < 0x20 || cp == 0x7F) return CharClass::kDrop;
    return CharClass::kKeep;
  }
  if (cp <= 0x9F) return cp == 0x85 ? CharClass::kNewline : CharClass::kDrop;  // C1; NEL
  switch (cp) {
    case 0xA0:    // no-break space
    case 0x1680:  // ogham space
    case 0x202F:  // narrow no-break space
    case 0x205F:  // medium mathematical space
    case 0x3000:  // ideographic space
      return CharClass::kSpace;
    case 0xAD:    // soft hyphen
    case 0x200B:  // zero-width space
    case 0x200E:  // left-to-right mark
    case 0x200F:  // right-to-left mark
    case 0x2060:  // word joiner
    case 0xFEFF:  // BOM / zero-width no-break space
      return CharClass::kDrop;
    case 0x2028:
      return CharClass::kNewline;
    case 0x2029:
      return CharClass::kParagraph;
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return CharClass::kSpace;
  if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return CharClass::kDrop;
  return CharClass::kKeep;
}

// Only code points >= U+0300 can be unnormalised or combine with what
// precedes them, so text whose lead bytes stay below 0xCC is already NFC.
bool MayNeedNfc(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0xCC) return true;
  }
  return false;
}

// `s` in NFC; `s` itself when it already is (the common case).
std::string_view ToNfc(std::string_view s, std::string* storage) {
  if (!MayNeedNfc(s)) return s;
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return s;
  const icu::StringPiece piece(s.data(), static_cast<int32_t>(s.size()));
  if (nfc->isNormalizedUTF8(piece, err) || U_FAILURE(err)) return s;
  err = U_ZERO_ERROR;
  storage->clear();
  storage->reserve(s.size());
  icu::StringByteSink<std::string> sink(storage);
  nfc->normalizeUTF8(0, piece, sink, nullptr, err);
  if (U_FAILURE(err)) return s;
  return *storage;
}

// Writes `s` with every character mapped by Classify, spaces collapsed and
// lines trimmed, lines separated by '\n' (a blank line stays blank).
std::string CleanCharacters(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  bool line_start = true;
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    // ASCII fast path: a run of printable characters and single spaces
    // between them (a single space after a kept character is kept as it is:
    // most of a line is copied in one go).
    if (c >= 0x21 && c < 0x7F) {
      if (pending_space && !line_start) out.push_back(' ');
      pending_space = false;
      line_start = false;
      auto printable = [&](size_t k) {
        const unsigned char b = static_cast<unsigned char>(s[k]);
        return b >= 0x21 && b < 0x7F;
      };
      size_t j = i + 1;
      for (;;) {
        while (j < s.size() && printable(j)) ++j;
        if (j + 1 < s.size() && s[j] == ' ' && printable(j + 1)) {
          j += 2;
          continue;
        }
        break;
      }
      out.append(s.substr(i, j - i));
      i = j;
      continue;
    }
    // A single space between words: the commonest separator.
    if (c == ' ' && !pending_space && i + 1 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) >= 0x21 &&
        static_cast<unsigned char>(s[i + 1]) < 0x7F && !line_start) {
      out.push_back(' ');
      ++i;
      continue;
    }
    const size_t begin = i;
    uint32_t cp;
    if (c == '\r') {
      cp = '\n';
      ++i;
      if (i < s.size() && s[i] == '\n') ++i;
    } else {
      cp = NextCodePoint(s, &i);
    }
    switch (Classify(cp)) {
      case CharClass::kKeep:
        if (pending_space && !line_start) out.push_back(' ');
        pending_space = false;
        line_start = false;
        out.append(s.substr(begin, i - begin));
        break;
      case CharClass::kSpace:
        pending_space = true;
        break;
      case CharClass::kParagraph:
        out.push_back('\n');
        [[fallthrough]];
      case CharClass::kNewline:
        out.push_back('\n');
        pending_space = false;
        line_start = true;
        break;
      case CharClass::kDrop:
        break;
    }
  }
  return out;
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// True when the blocks of `lines` (blank lines separate blocks) look like
// hard-wrapped prose rather than one paragraph per line.
bool LooksHardWrapped(const std::vector<std::string_view>& lines) {
  bool has_blank = false;  // between two blocks, not at either end
  bool seen_text = false, pending_blank = false;
  std::vector<size_t> lengths;  // lines that are not the last of their block
  std::vector<bool> ends_sentence;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].empty()) {
      pending_blank = seen_text;
      continue;
    }
    if (pending_blank) has_blank = true;
    seen_text = true;
    if (i + 1 < lines.size() && !lines[i + 1].empty()) {
      lengths.push_back(CodePointCount(lines[i]));
      ends_sentence.push_back(EndsSentence(lines[i]));
    }
  }
  if (!has_blank || lengths.size() < 2) return false;
  const size_t longest = *std::max_element(lengths.begin(), lengths.end());
  size_t shaped = 0, open = 0;
  for (size_t k = 0; k < lengths.size(); ++k) {
    if (lengths[k] >= 40 && lengths[k] <= 100 && lengths[k] * 10 >= longest * 6) ++shaped;
    if (!ends_sentence[k]) ++open;
  }
  return shaped * 10 >= lengths.size() * 7 && open * 10 >= lengths.size() * 6;
}

bool EndsWithWordHyphen(std::string_view line) {
  return line.size() >= 2 && line.back() == '-' && IsWordByteAt(line, line.size() - 2);
}

}  // namespace

std::string NormalizeText(std::string_view utf8) {
  std::string nfc_storage;
  const std::string cleaned = CleanCharacters(ToNfc(utf8, &nfc_storage));

  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= cleaned.size()) {
    size_t end = cleaned.find('\n', start);
    if (end == std::string::npos) end = cleaned.size();
    lines.push_back(std::string_view(cleaned).substr(start, end - start));
    start = end + 1;
  }
  const bool join = LooksHardWrapped(lines);

  std::string out;
  out.reserve(cleaned.size());
  bool in_paragraph = false;  // the previous line belongs to the current paragraph
  for (std::string_view line : lines) {
    if (line.empty()) {
      in_paragraph = false;
      continue;
    }
    if (out.empty()) {
      // first paragraph
    } else if (join && in_paragraph) {
      if (!(EndsWithWordHyphen(out) && StartsLowercase(line))) out.push_back(' ');
    } else {
      out.append("\n\n");
    }
    out.append(line);
    in_paragraph = true;
  }
  return out;
}

std::string NormalizeInline(std::string_view text) {
  std::string valid;
  if (!ScanUtf8(text).valid) {
    valid = ToValidUtf8(text);
    text = valid;
  }
  std::string nfc_storage;
  std::string cleaned = CleanCharacters(ToNfc(text, &nfc_storage));
  std::string out;
  out.reserve(cleaned.size());
  for (char c : cleaned) {
    if (c == '\n') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else if (c == ' ' && !out.empty() && out.back() == ' ') {
      continue;
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string_view> SplitParagraphs(std::string_view normalized) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < normalized.size()) {
    size_t end = normalized.find("\n\n", start);
    if (end == std::string_view::npos) end = normalized.size();
    if (end > start) out.push_back(normalized.substr(start, end - start));
    start = end + 2;
  }
  return out;
}

std::string JoinParagraphs(const std::vector<std::string_view>& paragraphs) {
  size_t size = 0;
  for (std::string_view p : paragraphs) size += p.size() + 2;
  std::string out;
  out.reserve(size);
  for (std::string_view p : paragraphs) {
    if (p.empty()) continue;
    if (!out.empty()) out.append("\n\n");
    out.append(p);
  }
  return out;
}

}  // namespace dossier
