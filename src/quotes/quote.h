// Quote: one attributed statement of an article, direct ("…") or reported
// ("X said that …"), with where it lies in the text and who said it.
//
// All offsets are byte offsets into the article text the quote was found
// in. `speaker` indexes the ArticleEntities::entities the extractor was
// given.
//
// Thread-safety: plain values.
#ifndef DOSSIER_QUOTES_QUOTE_H_
#define DOSSIER_QUOTES_QUOTE_H_

#include <cstdint>
#include <optional>
#include <string>

namespace dossier::quotes {

struct Quote {
  uint32_t begin = 0;  ///< the quoted or reported content (quote marks excluded)
  uint32_t end = 0;
  bool direct = false;         ///< the content is the speaker's words between quote marks
  std::string speaker_text;    ///< the words naming the speaker as written ("he"), or ""
  uint32_t speaker_begin = 0;  ///< the speaker words in the text (equal when none)
  uint32_t speaker_end = 0;
  std::optional<uint32_t> speaker;  ///< index of the article entity, or none
  uint32_t cue_begin = 0;           ///< the reporting verb or phrase ("said", "selon",
  uint32_t cue_end = 0;             ///< "a-t-il ajouté"); equal when there is none
};

}  // namespace dossier::quotes

#endif  // DOSSIER_QUOTES_QUOTE_H_
