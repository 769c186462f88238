// Tested by language_test.cc.
#include "clean/language.h"

// compact_lang_det.h uses FILE without including <cstdio>.
#include <cstdio>
#include <string>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "clean/text_util.h"

namespace dossier {
namespace {

// Below this many bytes of text CLD2's answer is noise.
constexpr size_t kMinTextBytes = 24;
// A second language this large makes the text mixed.
constexpr int kMixedPercent = 20;
// An unreliable answer keeps only this share of its confidence.
constexpr double kUnreliableFactor = 0.5;
// Confidence given to a stated hint the text is too short to check.
constexpr double kHintOnlyConfidence = 0.5;
// CLD2's cost is linear in its input (~25 us/KB) and it needs far less than
// a whole article: longer texts are sampled in windows spread over the text
// (start, middle, end), which keeps the shares of a mixed text. Three
// windows of 320 bytes (CLD2 is designed for 200 and more) named the same
// language as three of 500 on each of the 3,586 articles of ECB+, WCXB,
// PolNeAR and ml-crisis-fr in bench/language_id.py (on OCR'd 1906 French
// newspapers, 504 of 514 either way), flagged more of its en+fr articles
// mixed (198 of 200 against 193) and cut ingest time by ~4%.
constexpr size_t kSampleAbove = 1024;
constexpr size_t kWindows = 3;
constexpr size_t kWindowBytes = 320;

// Start of the word at or after `i` (never inside a UTF-8 sequence).
size_t WordStartAfter(std::string_view s, size_t i) {
  while (i < s.size() && s[i] != ' ' && s[i] != '\n') ++i;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n')) ++i;
  return i;
}

// End of the last whole word before `i`.
size_t WordEndBefore(std::string_view s, size_t i) {
  while (i > 0 && s[i - 1] != ' ' && s[i - 1] != '\n') --i;
  while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\n')) --i;
  return i;
}

std::string Sample(std::string_view text) {
  std::string out;
  out.reserve(kWindows * (kWindowBytes + 1));
  const size_t stride = (text.size() - kWindowBytes) / (kWindows - 1);
  for (size_t w = 0; w < kWindows; ++w) {
    const size_t from = w == 0 ? 0 : WordStartAfter(text, w * stride);
    const size_t to =
        w + 1 == kWindows ? text.size() : WordEndBefore(text, w * stride + kWindowBytes);
    if (to <= from) continue;
    if (!out.empty()) out.push_back('\n');
    out.append(text.substr(from, to - from));
  }
  return out;
}

// CLD2 code -> ISO 639-1. CLD2 keeps some pre-1989 codes and regional
// variants; languages without a 639-1 code keep CLD2's (639-2/3) code.
std::string IsoCode(CLD2::Language lang) {
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return "";
  std::string code = CLD2::LanguageCode(lang);
  if (code == "un" || code == "xxx") return "";
  if (code == "iw") return "he";
  if (code == "in") return "id";
  if (code == "jw") return "jv";
  if (code == "mo") return "ro";
  if (code == "sh") return "sr";
  const size_t dash = code.find('-');
  if (dash != std::string::npos) code.resize(dash);  // zh-Hant, sr-ME, pt-PT
  return code;
}

// "en-US", "EN_gb", "fr" -> "en", "en", "fr".
std::string PrimarySubtag(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_' || c == ' ') break;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  }
  return out;
}

}  // namespace

LanguageGuess LanguageDetector::Detect(std::string_view utf8_text, std::string_view hint) const {
  LanguageGuess guess;
  const std::string hint_code = PrimarySubtag(TrimSpaces(hint));
  std::string_view text = TrimSpaces(utf8_text);
  if (text.size() < kMinTextBytes) {
    if (!hint_code.empty()) {
      guess.code = hint_code;
      guess.confidence = kHintOnlyConfidence;
    }
    return guess;
  }

  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  if (!hint_code.empty()) {
    hints.content_language_hint = hint_code.c_str();
    hints.language_hint = CLD2::GetLanguageFromName(hint_code.c_str());
  }
  CLD2::Language language3[3];
  int percent3[3] = {0, 0, 0};
  double normalized_score3[3] = {0, 0, 0};
  int text_bytes = 0;
  bool is_reliable = false;
  std::string sample;
  if (text.size() > kSampleAbove) {
    sample = Sample(text);
    text = sample;
  }
  // The checking variant: callers other than the cleaner may pass bytes
  // that are not valid UTF-8, which the unchecked one must never see.
  int valid_prefix_bytes = 0;
  CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, &hints, /*flags=*/0,
      language3, percent3, normalized_score3, /*resultchunkvector=*/nullptr, &text_bytes,
      &is_reliable, &valid_prefix_bytes);
  const bool valid = valid_prefix_bytes >= static_cast<int>(text.size());
  guess.code = valid ? IsoCode(language3[0]) : "";
  if (guess.code.empty()) {
    if (!hint_code.empty()) {
      guess.code = hint_code;
      guess.confidence = kHintOnlyConfidence * kUnreliableFactor;
    }
    return guess;
  }
  guess.confidence = percent3[0] / 100.0;
  if (!is_reliable) guess.confidence *= kUnreliableFactor;
  const std::string second = IsoCode(language3[1]);
  if (valid && !second.empty() && second != guess.code && percent3[1] >= kMixedPercent) {
    guess.mixed = true;
    guess.second_code = second;
  }
  return guess;
}

}  // namespace dossier
