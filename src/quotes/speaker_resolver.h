// SpeakerResolver: the article entity that the words naming a speaker
// refer to.
//
//   SpeakerResolver r(text, &entities, &lexicon);
//   std::optional<uint32_t> who = r.Resolve(begin, end);  // "the French president"
//
// In this order:
//  1. An entity mention inside the words (a name, a short form, a role noun
//     the entity stage attached: "the head of state", "le porte-parole du
//     Pentagone"); persons first, then organisations, then the rest; a
//     demonym alone ("Iraqi officials") only when 3. finds nothing.
//  2. A person pronoun (he, she, il, elle) alone: the last person mentioned
//     before; a group pronoun (they, ils): the last organisation, else the
//     last person.
//  3. The entity whose names or roles share the most of the speaker's words
//     ("the foreign ministry" -> "Iraqi Foreign Ministry"), the last
//     mentioned on ties.
//
// Thread-safety: immutable; const methods may run concurrently.
#ifndef DOSSIER_QUOTES_SPEAKER_RESOLVER_H_
#define DOSSIER_QUOTES_SPEAKER_RESOLVER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entities/article_entities.h"
#include "quotes/quote_lexicon.h"

namespace dossier::quotes {

class SpeakerResolver {
 public:
  // REQUIRES: text, entities (may be null: nothing resolves) and lexicon
  // outlive the resolver.
  SpeakerResolver(std::string_view text, const identity::ArticleEntities* entities,
                  const QuoteLexicon* lexicon);

  // The entity index for the speaker words text[begin, end), or none.
  std::optional<uint32_t> Resolve(uint32_t begin, uint32_t end) const;

 private:
  std::optional<uint32_t> ByMention(uint32_t begin, uint32_t end, bool* demonym_only,
                                    uint32_t* demonym_entity) const;
  std::optional<uint32_t> ByPronoun(std::string_view folded, uint32_t begin) const;
  std::optional<uint32_t> ByWords(const std::vector<std::string>& words, uint32_t begin) const;
  // The entity of `type` with the last mention ending at or before `pos`.
  std::optional<uint32_t> LastMentioned(ner::EntityType type, uint32_t pos) const;

  std::string_view text_;
  const identity::ArticleEntities* entities_;
  const QuoteLexicon* lexicon_;
  std::vector<std::vector<std::string>> entity_words_;  // folded name and role words
};

// Case-folded words of `text` (letters and digits; apostrophes unified to
// '), for matching.
std::vector<std::string> FoldedWords(std::string_view text);

}  // namespace dossier::quotes

#endif  // DOSSIER_QUOTES_SPEAKER_RESOLVER_H_
