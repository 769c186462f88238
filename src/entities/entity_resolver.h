// EntityResolver: links the entities of each article (article_entities.h)
// into global entities, across articles and languages, incrementally.
//
//   EntityResolver resolver(resources.get());
//   for (const Article& a : articles) {
//     ArticleEntities e = FindArticleEntities(*resources, {a.id, a.text, a.language,
//                                                          a.published, &mentions});
//     std::vector<uint32_t> ids = resolver.Add(e);  // ids[i]: global id of e.entities[i]
//   }
//   for (uint32_t id = 0; id < resolver.size(); ++id) Show(resolver.entity(id));
//
// An article entity joins a global entity when the evidence supports it:
//  - the same alias group (country, capital, curated alias) -> joins;
//  - otherwise the candidates have its last token (a family name, a
//    one-token name) among their tokens, or for an acronym, its letters as
//    their initials, and have a compatible type (equal, or ORG/MISC); the
//    name matcher compares
//    their names (every variant seen so far):
//    - strong evidence: a full-name match ("Moustafa al-Kazimi" /
//      "Mustafa al-Kadhemi", "Emmanual Macron" / "Emmanuel Macron") with
//      score >= strong_score, or equal multi-token names, or equal names of
//      places and organisations other than acronyms -> joins;
//    - weak evidence: a one-token name (a person known only as "Kadhimi"),
//      an acronym (even an equal one), a full-name match below
//      strong_score -> joins only if
//      the context confirms it: shared co-occurring global entities
//      (weighted by rarity, log(1 + articles / articles-with-it)) plus 1 for
//      a shared role (same role id and country) reach min_context, the
//      articles are within time_window_days (when both are dated), and no
//      other candidate is as good;
//    - sharing only a given name or only a family name is no evidence
//      ("Fuad Hussein" / "Saddam Hussein", "Qassem al-Araji" / "Qassem
//      Soleimani"), and a person with full names on both sides is compared
//      by them alone: "Bill Clinton" does not join "Hillary Clinton"
//      through the "Clinton" both are also called.
//  - Otherwise it starts a new global entity.
// Within an article, entities with an alias link first, then those with a
// multi-token name, then the rest, so the weak ones see their context.
//
// Invariants: ids are dense (0 .. size()-1) and never change; the same
// articles added in the same order give the same result. Global entities
// are never merged after the fact: a person first seen only as "Kadhimi"
// and later in full stays one entity only if the later article's context
// confirms the link.
//
// Thread-safety: not thread-safe; Add() from one thread at a time.
#ifndef DOSSIER_ENTITIES_ENTITY_RESOLVER_H_
#define DOSSIER_ENTITIES_ENTITY_RESOLVER_H_

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "entities/article_entities.h"
#include "entities/identity_resources.h"
#include "entities/name_key.h"

namespace dossier::identity {

struct GlobalMention {
  uint32_t article = 0;  ///< index into EntityResolver::article_ids()
  uint32_t begin = 0;    ///< byte offsets into that article's text
  uint32_t end = 0;
  MentionKind kind = MentionKind::kName;
};

struct GlobalRole {
  uint32_t article = 0;  ///< index into EntityResolver::article_ids()
  EntityRole role;       ///< with the article's date
};

struct GlobalEntity {
  uint32_t id = 0;
  ner::EntityType type = ner::EntityType::kMisc;
  std::string name;  ///< best attested full name (entity_resolver.cc: BestName), else most frequent
  std::string alias_id;                 ///< alias group ("country:IQ", "islamic-state"), or ""
  std::string capital_of;               ///< for a capital: its country's alias group, or ""
  std::vector<NameVariant> variants;    ///< every name as written, counts over all articles
  std::vector<GlobalMention> mentions;  ///< in the order added
  std::vector<GlobalRole> roles;        ///< in the order added
  uint32_t article_count = 0;           ///< articles it appears in
};

struct ResolverOptions {
  // Parameters that affect behaviour.
  // A full-name match at least this good needs no context. Default 0.9.
  double strong_score = 0.9;
  // The context a weak link needs (see above). Default 1.0: one shared role,
  // or two or three shared co-occurring entities of average rarity.
  double min_context = 1.0;
  // Weak links only between articles this many days apart or closer (when
  // both dates are known). Default 730.
  int time_window_days = 730;

  // Parameters that affect memory.
  // Keep every mention in GlobalEntity::mentions. A long-running engine that
  // stores the mentions itself turns it off so memory grows with entities,
  // not with mentions. Default true.
  bool keep_mentions = true;
};

class EntityResolver {
 public:
  // REQUIRES: resources outlives the resolver.
  explicit EntityResolver(const IdentityResources* resources, ResolverOptions options = {});
  ~EntityResolver();
  EntityResolver(const EntityResolver&) = delete;
  EntityResolver& operator=(const EntityResolver&) = delete;

  // Links the article's entities; returns the global id of each of
  // article.entities, in order. An article id seen before is a new article
  // all the same (de-duplication is the store's job).
  std::vector<uint32_t> Add(const ArticleEntities& article);

  size_t size() const { return nodes_.size(); }
  // REQUIRES: id < size(). Valid until the next Add().
  const GlobalEntity& entity(uint32_t id) const { return nodes_[id].entity; }
  const std::vector<std::string>& article_ids() const { return article_ids_; }

  // The resolver's state as bytes, and back: a resolver restored from
  // SaveState() links the next articles exactly as the saved one would
  // have. Mentions are not saved (keep them elsewhere); roles are, since
  // they are evidence. LoadState replaces the whole state; on Corruption
  // the resolver is left empty.
  std::string SaveState() const;
  Status LoadState(std::string_view bytes);

  // A compact dump, one entity a line, for tests and debugging:
  //   #3 PER Mustafa al-Kadhemi [Moustafa al-Kazimi x5, ...] articles=4 roles:
  //   prime-minister/country:IQ
  std::string Dump() const;

 private:
  struct Node {
    GlobalEntity entity;
    std::vector<NameKey> keys;                  // one per distinct variant
    std::map<uint32_t, uint32_t> cooccurrence;  // other id -> articles together
    std::vector<int> days;                      // dates of its articles (days since 1970)
  };

  // The global entity `e` joins, or -1. `context`: the global ids the
  // article's entities linked so far; `day`: its date, or INT_MIN.
  int Link(const ArticleEntity& e, const std::vector<uint32_t>& context, int day) const;
  double Context(const Node& node, const ArticleEntity& e,
                 const std::vector<uint32_t>& context) const;
  uint32_t Create(const ArticleEntity& e);
  // Adds a new variant's name key to the node and the token index.
  void IndexVariant(uint32_t id, std::string_view text);
  void Merge(uint32_t id, const ArticleEntity& e, uint32_t article, int day);

  const IdentityResources* resources_;
  ResolverOptions options_;
  std::vector<Node> nodes_;
  std::vector<std::string> article_ids_;
  std::unordered_map<std::string, uint32_t> by_alias_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_token_;
};

}  // namespace dossier::identity

#endif  // DOSSIER_ENTITIES_ENTITY_RESOLVER_H_
