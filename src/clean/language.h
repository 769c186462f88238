// LanguageDetector: which language an article is written in (CLD2).
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
