// LanguageDetector: which language an article is written in (CLD2, full
// 160-language tables).
//
//   LanguageGuess g = LanguageDetector().Detect(article.text, record.language);
//
// - code: ISO 639-1 ("en", "fr"; CLD2's legacy "iw"/"in"/"jw" mapped to
//   "he"/"id"/"jv", regional variants cut: "zh-Hant" -> "zh"); languages that
//   have no 639-1 code keep CLD2's 3-letter code; "" when undetermined, when
//   the text is not valid UTF-8, or for texts under 24 bytes (then the hint,
//   if any, is returned with confidence 0.5).
// - confidence: the top language's share of the text (0..1), halved when
//   CLD2 does not call the answer reliable.
// - mixed: a second language holds >= 20% of the text.
// Texts over 1 KB are sampled (three windows spread over the text) to keep
// the cost per article bounded.
//
// Thread-safety: Detect() is const and safe to call from several threads.
#ifndef DOSSIER_CLEAN_LANGUAGE_H_
#define DOSSIER_CLEAN_LANGUAGE_H_

#include <string>
#include <string_view>

namespace dossier {

struct LanguageGuess {
  std::string code;         ///< ISO 639-1 ("en", "fr"), "" when undetermined
  double confidence = 0.0;  ///< 0..1: share of the text in `code`, 0 if unreliable
  bool mixed = false;       ///< a second language holds at least 20% of the text
  std::string second_code;  ///< that second language, when mixed
};

class LanguageDetector {
 public:
  // `hint` is an ISO 639-1 code stated by the source (may be empty).
  LanguageGuess Detect(std::string_view utf8_text, std::string_view hint = {}) const;
};

}  // namespace dossier

#endif  // DOSSIER_CLEAN_LANGUAGE_H_
