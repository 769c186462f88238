// ArticleEntities: the entities of one article, from its NER mentions —
// within-article coreference.
//
//   ArticleNer ner(tagger, article.language);
//   std::vector<ner::Mention> mentions = ner.Find(article.text);
//   ArticleEntities e = FindArticleEntities(
//       resources, {article.id, article.text, article.language, article.published, mentions});
//   for (const ArticleEntity& x : e.entities) Use(x.name, x.mentions);
//
// What makes mentions one entity (general rules, in this order):
//  1. Mentions are cleaned first: a role phrase the tagger took into a name
//     is split off ("Le ministre de la Défense Lloyd Austin" -> role + PER
//     "Lloyd Austin"); a mention that is only a role phrase is dropped; a
//     mention that begins with another mention of the article plus two or
//     more capitalised words is split ("Maison Blanche Brett McGurk").
//  2. Acronyms declared in the text ("Islamic State (IS)", "Etat islamique
//     (EI)") join their long form; their other occurrences in the text
//     ("anti-IS") become mentions.
//  3. Names of the alias table (alias_table.h) join their group: country names
//     in any language, a country's demonyms (also found outside mentions,
//     "américaine", kind kDemonym), well-known aliases ("Daesh", also
//     after a demonym: "Iranian Islamic Revolutionary Guard Corps").
//  4. A role written next to a name ("French President Emmanuel Macron",
//     "John Kirby" after "le porte-parole du Pentagone,") makes it a person
//     and is kept with the article date.
//  5. A person's later mentions join it when the name matcher says the full
//     names match ("Mustafa al-Kazimi" / "Moustafa al-Kazimi") or when a
//     one-token mention is its family name ("Macron", "Al-Kadhemi",
//     "M. al-Kazimi"), whatever type the tagger gave the short form ("Le
//     Drian" as ORG); when two persons share it, the one mentioned last. A
//     short form seen before the full name joins it too. A person's given
//     name used alone ("Hillary") joins the one person the article names in
//     full with it, before or after; with two such persons, neither.
//  6. Other names join an entity of the same type with an equal key or a
//     full-name match.
//  In steps 5 and 6 a name is matched with every entity that has the very
//  same key, and, for other spellings, with the entities' 256 most recently
//  listed name forms (a form is listed again when mentioned after it has left
//  the newest half): a page of thousands of names costs time linear in its
//  length (bench/long_article.py).
//  7. A role noun ("the French president", "the minister") refers back to
//     the last-mentioned entity holding that role (same role, or a role of
//     the class a generic noun names), of the same country when it names
//     one (kind kRole).
//
// Thread-safety: pure function of its inputs; `resources` may be shared.
#ifndef DOSSIER_ENTITIES_ARTICLE_ENTITIES_H_
#define DOSSIER_ENTITIES_ARTICLE_ENTITIES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entities/article_ner.h"
#include "entities/entity_type.h"
#include "entities/identity_resources.h"

namespace dossier::identity {

// Persisted by the store once integrated: do not renumber.
enum class MentionKind : uint8_t {
  kName = 0,       ///< a name as written ("Emmanuel Macron", "Irak", "Islamic State")
  kShortForm = 1,  ///< a later short form of a person's name ("Macron", "al-Kazimi")
  kAcronym = 2,    ///< an acronym ("IS", "EI", "US")
  kDemonym = 3,    ///< a demonym of a country ("Iraqi", "américaine")
  kRole = 4,       ///< a role noun referring back ("the French president")
};

// "name", "short-form", "acronym", "demonym", "role".
std::string_view MentionKindName(MentionKind kind);

struct EntityMention {
  uint32_t begin = 0;  ///< byte offsets into the article text
  uint32_t end = 0;
  MentionKind kind = MentionKind::kName;
};

struct EntityRole {
  std::string canonical;   ///< language-neutral role id: "prime-minister"
  std::string role_class;  ///< "head-of-government"
  std::string country;     ///< alias group of the country it names ("country:IQ"), or ""
  std::string text;        ///< as written: "Iraqi Prime Minister"
  std::string date;        ///< the article's publication date (ISO 8601), or ""
  uint32_t begin = 0;      ///< the role phrase in the article text
  uint32_t end = 0;
};

struct NameVariant {
  std::string text;  ///< as written in the text
  uint32_t count = 0;
};

struct ArticleEntity {
  ner::EntityType type = ner::EntityType::kMisc;
  std::string name;                     ///< the best full name: most tokens, then most frequent
  std::string alias_id;                 ///< alias group id ("country:IQ", "islamic-state"), or ""
  std::string capital_of;               ///< for a capital: its country's alias group id; else ""
  std::vector<NameVariant> variants;    ///< names, short forms, acronyms, in first-seen order
  std::vector<EntityMention> mentions;  ///< in text order
  std::vector<EntityRole> roles;        ///< in text order
};

struct ArticleEntities {
  std::string article_id;
  std::string language;
  std::string published;
  std::vector<ArticleEntity> entities;  ///< in order of first mention
};

struct ArticleInput {
  std::string_view id;
  std::string_view text;       ///< the cleaned article text the mentions point into
  std::string_view language;   ///< ISO 639-1 ("en", "fr"); selects the role lexicon
  std::string_view published;  ///< ISO 8601 date or ""
  const std::vector<ner::Mention>* mentions = nullptr;  ///< null: none
};

// REQUIRES: every mention lies inside the text (ArticleNer's invariant).
ArticleEntities FindArticleEntities(const IdentityResources& resources, const ArticleInput& input);

// A compact dump for tests and debugging, one entity a line:
//   PER Emmanuel Macron [Emmanuel Macron x4, Macron x2] roles: president/country:FR
std::string DumpArticleEntities(const ArticleEntities& entities);

}  // namespace dossier::identity

#endif  // DOSSIER_ENTITIES_ARTICLE_ENTITIES_H_
