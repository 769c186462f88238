// Steps 1 to 4 of FindArticleEntities (article_entities.h): an article's
// mentions cleaned (role phrases and honorifics split off, "known mention +
// name" split), completed (declared acronyms and their other occurrences,
// demonyms and untagged country names, names after an honorific), given
// their alias groups and the roles written next to them. Grouping them into
// entities is article_entities.cc's part.
//
// Internal to the identity library. Thread-safety: pure function.
#ifndef DOSSIER_ENTITIES_ARTICLE_MENTIONS_H_
#define DOSSIER_ENTITIES_ARTICLE_MENTIONS_H_

#include <optional>
#include <string_view>
#include <vector>

#include "entities/article_entities.h"
#include "entities/identity_resources.h"
#include "entities/name_key.h"
#include "entities/roles.h"
#include "entities/text_words.h"

namespace dossier::identity::internal {

// One mention on its way to an entity.
struct MentionCandidate {
  uint32_t begin = 0, end = 0;  // bytes of the article text
  size_t first = 0, last = 0;   // words, inclusive
  ner::EntityType type = ner::EntityType::kMisc;
  float score = 0;
  MentionKind kind = MentionKind::kName;
  bool person = false;  // an honorific or a role says it is a person
  int decl = -1;        // the acronym declaration it belongs to, or -1
  int alias = -1;       // its alias group, or -1
  std::optional<FoundRole> role;
  NameKey key;
  int entity = -1;  // set by the grouping
};

// "Mr", "Mme", "Dr"...; French "M.".
bool IsHonorific(const TextWord& w, std::string_view language);

// The candidates in text order, keys made. REQUIRES: `words` are
// ScanWords(input.text); `finder` uses the article language's lexicon.
std::vector<MentionCandidate> CollectMentions(const IdentityResources& resources,
                                              const ArticleInput& input,
                                              const std::vector<TextWord>& words,
                                              const RoleFinder& finder);

}  // namespace dossier::identity::internal

#endif  // DOSSIER_ENTITIES_ARTICLE_MENTIONS_H_
