// Tested by article_entities_test.cc and identity_seeds_test.cc.
#include "entities/article_entities.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>

#include "entities/article_mentions.h"
#include "entities/roles.h"
#include "entities/text_words.h"

namespace dossier::identity {
namespace {

using ner::EntityType;
using Cand = internal::MentionCandidate;

struct Ent {
  std::vector<size_t> cands;
  std::vector<EntityMention> role_mentions;
  int alias = -1;
  bool person = false;
  uint32_t last_mention = 0;
};

// One distinct name form of an entity: its first candidate with that key and type.
struct Form {
  int entity = -1;
  size_t cand = 0;
};

struct FormMatch {
  Form form;
  NameMatch match;
};

// How many of the newest name forms a key is compared with (Grouper::Matches).
constexpr size_t kMatchWindow = 256;

struct MatchMemo {
  size_t scanned = 0;  // forms compared so far
  std::vector<FormMatch> matches;
};

class Grouper {
 public:
  Grouper(const IdentityResources& r, const ArticleInput& in)
      : r_(r),
        in_(in),
        words_(ScanWords(r.normalizer(), in.text)),
        finder_(r.roles(in.language), &r.aliases()) {}

  ArticleEntities Run() {
    cands_ = internal::CollectMentions(r_, in_, words_, finder_);
    Group();
    MergeEarlyShortForms();
    MergeGivenNames();
    ResolveRoleNouns();
    return Finish();
  }

 private:
  std::string_view Text(const Cand& c) const { return in_.text.substr(c.begin, c.end - c.begin); }
  std::string_view Text(uint32_t b, uint32_t e) const { return in_.text.substr(b, e - b); }

  bool IsPerson(const Cand& c) const {
    return c.alias < 0 && c.decl < 0 && (c.type == EntityType::kPer || c.person);
  }

  void Attach(size_t ci, int e, MentionKind kind) {
    Cand& c = cands_[ci];
    c.entity = e;
    if (c.kind == MentionKind::kName) c.kind = kind;
    Ent& ent = ents_[static_cast<size_t>(e)];
    ent.cands.push_back(ci);
    ent.person = ent.person || IsPerson(c);
    ent.last_mention = std::max(ent.last_mention, c.begin);
    // Alias groups are joined by group, never by matching names.
    if (ent.alias >= 0) return;
    auto [it, added] = first_by_joined_.emplace(joined_ids_[ci], e);
    if (!added) it->second = std::min(it->second, e);
    // Whether an entity is a person is known when it is made: only a person's
    // mentions make it one, and they join persons or start one. A form is
    // listed again when it leaves the newest half of the window, so that a
    // name mentioned recently is still compared with new keys.
    std::vector<Form>& forms = ent.person ? person_forms_ : other_forms_;
    auto [at, first] = form_at_.try_emplace({key_ids_[ci], c.type, e}, forms.size());
    if (first) same_key_forms_[(uint64_t{key_ids_[ci]} << 1) | ent.person].push_back({e, ci});
    if (first || forms.size() - at->second > kMatchWindow / 2) {
      at->second = forms.size();
      forms.push_back({e, ci});
    }
  }

  // The candidates' keys and their Joined() forms, numbered: equal numbers
  // for equal keys (equal Joined() forms).
  void NumberKeys() {
    std::unordered_map<std::string, uint32_t> keys, joined;
    auto number = [](std::unordered_map<std::string, uint32_t>& ids, std::string text) {
      return ids.emplace(std::move(text), static_cast<uint32_t>(ids.size())).first->second;
    };
    key_ids_.reserve(cands_.size());
    joined_ids_.reserve(cands_.size());
    for (const Cand& c : cands_) {
      std::string sig = c.key.all_caps ? "A" : "a";
      for (const NameToken& t : c.key.tokens) {
        sig.append(t.text) += '\x1f';
        sig += t.initial ? '1' : '0';
      }
      sig += '\x1e';
      for (const std::string& p : c.key.particles) sig.append(p) += '\x1f';
      key_ids_.push_back(number(keys, std::move(sig)));
      joined_ids_.push_back(number(joined, c.key.Joined()));
    }
  }

  // The forms of `forms` (persons' or the others') whose key candidate
  // `ci`'s key matches as `type`, in the order the forms were made; of the
  // others, only forms of a type compatible with `type`. Computed once per
  // key, type and list, and extended as forms are added.
  const std::vector<FormMatch>& Matches(size_t ci, EntityType type, bool persons) {
    const std::vector<Form>& forms = persons ? person_forms_ : other_forms_;
    MatchMemo& memo =
        memo_[(uint64_t{key_ids_[ci]} << 9) | (static_cast<uint64_t>(type) << 1) | persons];
    // A key is compared with the forms listed in the newest kMatchWindow
    // only: past thousands of distinct names (a whole site's headlines in one
    // page), a spelling variant is looked for nearby, not in the whole page.
    // The same key is found anywhere (SameKeyForms).
    if (forms.size() - memo.scanned > kMatchWindow) memo.scanned = forms.size() - kMatchWindow;
    if (memo.scanned < forms.size()) {
      const NameMatcher& m = r_.matcher();
      const NameKey& key = cands_[ci].key;
      for (; memo.scanned < forms.size(); ++memo.scanned) {
        const Cand& other = cands_[forms[memo.scanned].cand];
        if (!persons && !Compatible(type, other.type)) continue;
        NameMatch x = m.MatchKeys(key, other.key, type);
        if (x.match) memo.matches.push_back({forms[memo.scanned], x});
      }
    }
    return memo.matches;
  }

  // The forms with candidate `ci`'s very key, of persons or of the others.
  const std::vector<Form>& SameKeyForms(size_t ci, bool persons) const {
    static const std::vector<Form> kNone;
    auto it = same_key_forms_.find((uint64_t{key_ids_[ci]} << 1) | persons);
    return it == same_key_forms_.end() ? kNone : it->second;
  }

  static bool Compatible(EntityType a, EntityType b) {
    return a == b || (a != EntityType::kPer && a != EntityType::kLoc && b != EntityType::kPer &&
                      b != EntityType::kLoc);
  }

  int NewEntity(size_t ci) {
    ents_.emplace_back();
    const int e = static_cast<int>(ents_.size() - 1);
    ents_.back().alias = cands_[ci].alias;
    Attach(ci, e, MentionKind::kName);
    return e;
  }

  // The PER entity a person's name or short form joins, or -1.
  int FindPerson(size_t ci, bool* short_form) {
    const Cand& c = cands_[ci];
    int best_full = -1, best_short = -1;
    double best_score = 0;
    uint32_t best_recent = 0;
    auto consider = [&](const Form& form, const NameMatch& x) {
      const int e = form.entity;
      const Ent& ent = ents_[static_cast<size_t>(e)];
      if (x.kind == MatchKind::kShortForm) {
        // Only a one-token mention is a short form of a longer name.
        if (c.key.tokens.size() != 1) return;
        if (best_short < 0 || ent.last_mention > best_recent ||
            (ent.last_mention == best_recent && e < best_short)) {
          best_short = e;
          best_recent = ent.last_mention;
        }
      } else if (x.score > best_score ||
                 (x.score == best_score && best_full >= 0 && e < best_full)) {
        best_full = e;
        best_score = x.score;
      }
    };
    for (const FormMatch& f : Matches(ci, EntityType::kPer, /*persons=*/true))
      consider(f.form, f.match);
    const std::vector<Form>& same = SameKeyForms(ci, /*persons=*/true);
    if (!same.empty()) {
      const NameMatch exact = r_.matcher().MatchKeys(c.key, c.key, EntityType::kPer);
      for (const Form& form : same) consider(form, exact);
    }
    *short_form = best_full < 0 && best_short >= 0;
    return best_full >= 0 ? best_full : best_short;
  }

  // Step 5-6: mentions to entities, in text order.
  void Group() {
    NumberKeys();
    std::map<int, int> by_alias, by_decl;
    for (size_t ci = 0; ci < cands_.size(); ++ci) {
      Cand& c = cands_[ci];
      if (c.alias >= 0) {
        auto it = by_alias.find(c.alias);
        if (it == by_alias.end()) {
          by_alias[c.alias] = NewEntity(ci);
        } else {
          Attach(ci, it->second, MentionKind::kName);
        }
        continue;
      }
      if (c.decl >= 0) {
        auto it = by_decl.find(c.decl);
        if (it == by_decl.end()) {
          by_decl[c.decl] = NewEntity(ci);
        } else {
          Attach(ci, it->second, MentionKind::kName);
        }
        continue;
      }
      bool short_form = false;
      if (IsPerson(c)) {
        int e = FindPerson(ci, &short_form);
        if (e >= 0) {
          Attach(ci, e, short_form ? MentionKind::kShortForm : MentionKind::kName);
        } else {
          NewEntity(ci);
        }
        continue;
      }
      // A name the tagger did not call a person may still be one's family
      // name ("Le Drian" as ORG after "Jean-Yves Le Drian").
      if (c.key.tokens.size() == 1) {
        int e = FindPerson(ci, &short_form);
        if (e >= 0 && short_form) {
          Attach(ci, e, MentionKind::kShortForm);
          continue;
        }
      }
      int e = FindSameName(ci);
      if (e >= 0) {
        Attach(ci, e, MentionKind::kName);
      } else {
        NewEntity(ci);
      }
    }
  }

  // An entity (not an alias group) with an equal key, or of a compatible
  // type whose name fully matches; the first made when several do.
  int FindSameName(size_t ci) {
    const Cand& c = cands_[ci];
    auto same = first_by_joined_.find(joined_ids_[ci]);
    if (same != first_by_joined_.end()) return same->second;
    int full = -1;
    for (const FormMatch& f : Matches(ci, c.type, /*persons=*/false)) {
      const NameMatch& x = f.match;
      if (x.score >= 0.9 && (x.kind == MatchKind::kFullName || x.kind == MatchKind::kExact) &&
          (full < 0 || f.form.entity < full))
        full = f.form.entity;
    }
    return full;
  }

  // Every mention of `from` joins person `to` as a short form; `from` is left empty.
  void MoveAsShortForms(Ent& from, int to) {
    for (size_t ci : from.cands) {
      cands_[ci].kind = MentionKind::kShortForm;
      Attach(ci, to, MentionKind::kShortForm);
    }
    from.cands.clear();
  }

  // A one-token entity seen before the full name ("Pompeo" ... "Mike
  // Pompeo") joins the one person whose family name it is.
  void MergeEarlyShortForms() {
    for (size_t e = 0; e < ents_.size(); ++e) {
      Ent& ent = ents_[e];
      if (ent.alias >= 0 || ent.cands.empty()) continue;
      bool single = true;
      for (size_t ci : ent.cands) single = single && cands_[ci].key.tokens.size() == 1;
      if (!single) continue;
      int target = -1;
      bool ambiguous = false;
      for (const FormMatch& f : Matches(ent.cands[0], EntityType::kPer, /*persons=*/true)) {
        const Form& form = f.form;
        const Ent& other = ents_[static_cast<size_t>(form.entity)];
        if (static_cast<size_t>(form.entity) == e || other.cands.empty()) continue;
        if (cands_[form.cand].key.tokens.size() < 2) continue;
        if (f.match.kind != MatchKind::kShortForm) continue;
        ambiguous = ambiguous || (target >= 0 && target != form.entity);
        target = form.entity;
      }
      if (target < 0 || ambiguous) continue;
      MoveAsShortForms(ent, target);
    }
  }

  // A person called by the given name alone ("Hillary", "Bernie", "Jeb")
  // in an article that names exactly one person with that given name in
  // full ("Hillary Clinton") is that person. Across articles a given name
  // alone stays no evidence (entity_resolver.h); within one article, with
  // one candidate, it is how the article refers to them.
  void MergeGivenNames() {
    std::map<std::string, std::set<int>> by_given;  // first token -> persons named in full
    for (const Form& form : person_forms_) {
      const Cand& c = cands_[form.cand];
      const Ent& ent = ents_[static_cast<size_t>(form.entity)];
      if (c.key.tokens.size() < 2 || c.key.tokens[0].initial || ent.cands.empty()) continue;
      by_given[c.key.tokens[0].phonetic].insert(form.entity);
    }
    for (size_t e = 0; e < ents_.size(); ++e) {
      Ent& ent = ents_[e];
      if (ent.alias >= 0 || ent.cands.empty()) continue;
      bool single_person = true;
      for (size_t ci : ent.cands) {
        single_person = single_person && cands_[ci].key.tokens.size() == 1 && IsPerson(cands_[ci]);
      }
      if (!single_person) continue;
      auto it = by_given.find(cands_[ent.cands[0]].key.tokens[0].phonetic);
      if (it == by_given.end() || it->second.size() != 1) continue;
      const int target = *it->second.begin();
      if (static_cast<size_t>(target) == e) continue;
      MoveAsShortForms(ent, target);
    }
  }

  // Step 7: role nouns referring back.
  void ResolveRoleNouns() {
    for (const FoundRole& r : finder_.Nouns(words_)) {
      bool taken = false;
      for (const Cand& c : cands_) {
        if (c.kind == MentionKind::kDemonym) continue;  // "the French president"
        const bool overlaps = !(r.end <= c.begin || r.begin >= c.end);
        const bool own_role =
            c.role.has_value() && !(r.end <= c.role->begin || r.begin >= c.role->end);
        // A name right after the noun: it is that name's title, not a reference.
        size_t next = r.last_word + 1;
        if (next < words_.size() && words_[next].folded == ",") ++next;
        taken = taken || overlaps || own_role || c.first == next;
      }
      if (taken) continue;
      int best = -1;
      uint32_t best_recent = 0;
      for (size_t e = 0; e < ents_.size(); ++e) {
        const Ent& ent = ents_[e];
        if (ent.cands.empty()) continue;
        bool holds = false;
        uint32_t recent = 0;
        for (size_t ci : ent.cands) {
          const Cand& c = cands_[ci];
          if (c.begin < r.begin) recent = std::max(recent, c.begin);
          if (!c.role.has_value() || c.role->begin >= r.begin) continue;
          const FoundRole& h = *c.role;
          const bool same = h.canonical == r.canonical ||
                            (r.canonical == r.role_class && h.role_class == r.role_class);
          holds = holds || (same && (r.country.empty() || h.country == r.country));
        }
        for (const EntityMention& rm : ent.role_mentions) {
          if (rm.begin < r.begin) recent = std::max(recent, rm.begin);
        }
        if (holds && (best < 0 || recent > best_recent)) {
          best = static_cast<int>(e);
          best_recent = recent;
        }
      }
      if (best >= 0)
        ents_[static_cast<size_t>(best)].role_mentions.push_back(
            {r.begin, r.end, MentionKind::kRole});
    }
  }

  ArticleEntities Finish() const {
    const AliasTable& aliases = r_.aliases();
    ArticleEntities out;
    out.article_id = std::string(in_.id);
    out.language = std::string(in_.language);
    out.published = std::string(in_.published);
    for (const Ent& ent : ents_) {
      if (ent.cands.empty()) continue;
      ArticleEntity x;
      std::array<float, ner::kNumEntityTypes> votes{};
      size_t best_tokens = 0;
      uint32_t best_count = 0;
      // A person's one-token names are short forms once a full name is known.
      bool full_name = false;
      for (size_t ci : ent.cands) full_name = full_name || cands_[ci].key.tokens.size() > 1;
      for (size_t ci : ent.cands) {
        const Cand& c = cands_[ci];
        votes[static_cast<size_t>(c.type)] += std::max(c.score, 0.01f);
        MentionKind kind = c.kind;
        if (ent.person && full_name && c.key.tokens.size() == 1 &&
            (kind == MentionKind::kName || kind == MentionKind::kShortForm)) {
          kind = MentionKind::kShortForm;
        }
        x.mentions.push_back({c.begin, c.end, kind});
        if (c.role.has_value()) {
          const FoundRole& h = *c.role;
          x.roles.push_back({h.canonical, h.role_class, h.country,
                             std::string(Text(h.begin, h.end)), std::string(in_.published), h.begin,
                             h.end});
        }
        if (c.kind == MentionKind::kDemonym) continue;
        std::string text(Text(c));
        auto v = std::find_if(x.variants.begin(), x.variants.end(),
                              [&](const NameVariant& n) { return n.text == text; });
        if (v == x.variants.end()) {
          x.variants.push_back({text, 1});
        } else {
          ++v->count;
        }
      }
      for (const NameVariant& v : x.variants) {
        size_t tokens = MakeNameKey(r_.normalizer(), v.text, in_.language).tokens.size();
        if (tokens > best_tokens || (tokens == best_tokens && v.count > best_count)) {
          x.name = v.text;
          best_tokens = tokens;
          best_count = v.count;
        }
      }
      if (ent.alias >= 0) {
        const AliasGroup& g = aliases.group(static_cast<uint32_t>(ent.alias));
        x.type = g.type;
        x.alias_id = g.id;
        x.capital_of = g.capital_of;
        if (x.name.empty()) x.name = g.display;
      } else if (ent.person) {
        x.type = EntityType::kPer;
      } else {
        x.type =
            static_cast<EntityType>(std::max_element(votes.begin(), votes.end()) - votes.begin());
      }
      x.mentions.insert(x.mentions.end(), ent.role_mentions.begin(), ent.role_mentions.end());
      std::sort(x.mentions.begin(), x.mentions.end(),
                [](const EntityMention& a, const EntityMention& b) { return a.begin < b.begin; });
      std::sort(x.roles.begin(), x.roles.end(),
                [](const EntityRole& a, const EntityRole& b) { return a.begin < b.begin; });
      out.entities.push_back(std::move(x));
    }
    std::stable_sort(out.entities.begin(), out.entities.end(),
                     [](const ArticleEntity& a, const ArticleEntity& b) {
                       return a.mentions.front().begin < b.mentions.front().begin;
                     });
    return out;
  }

  const IdentityResources& r_;
  const ArticleInput& in_;
  std::vector<TextWord> words_;
  RoleFinder finder_;
  std::vector<Cand> cands_;
  std::vector<Ent> ents_;
  // Entities are found by matching names, which a long article made
  // quadratic in its mentions (a 2 MB page took minutes): mentions with equal
  // keys match alike, so each entity keeps one form per distinct key and
  // type, and each key's matches against the forms are computed once.
  std::vector<uint32_t> key_ids_, joined_ids_;                       // per candidate
  std::vector<Form> person_forms_, other_forms_;                     // in order made
  std::map<std::tuple<uint32_t, EntityType, int>, size_t> form_at_;  // -> newest listing
  std::unordered_map<uint32_t, int> first_by_joined_;                // joined id -> first entity
  std::unordered_map<uint64_t, std::vector<Form>> same_key_forms_;   // (key id, persons)
  std::unordered_map<uint64_t, MatchMemo> memo_;  // (key id, type, persons) -> matches
};

}  // namespace

std::string_view MentionKindName(MentionKind kind) {
  switch (kind) {
    case MentionKind::kName:
      return "name";
    case MentionKind::kShortForm:
      return "short-form";
    case MentionKind::kAcronym:
      return "acronym";
    case MentionKind::kDemonym:
      return "demonym";
    case MentionKind::kRole:
      return "role";
  }
  return "name";
}

ArticleEntities FindArticleEntities(const IdentityResources& resources, const ArticleInput& input) {
  return Grouper(resources, input).Run();
}

std::string DumpArticleEntities(const ArticleEntities& entities) {
  std::string out;
  for (const ArticleEntity& e : entities.entities) {
    out += std::string(ner::EntityTypeName(e.type)) + " " + e.name + " [";
    for (size_t i = 0; i < e.variants.size(); ++i) {
      if (i > 0) out += ", ";
      out += e.variants[i].text + " x" + std::to_string(e.variants[i].count);
    }
    out += "]";
    size_t demonyms = 0, roles = 0;
    for (const EntityMention& m : e.mentions) {
      demonyms += m.kind == MentionKind::kDemonym ? 1 : 0;
      roles += m.kind == MentionKind::kRole ? 1 : 0;
    }
    if (demonyms > 0) out += " demonyms x" + std::to_string(demonyms);
    if (roles > 0) out += " role-nouns x" + std::to_string(roles);
    if (!e.alias_id.empty()) out += " alias=" + e.alias_id;
    if (!e.capital_of.empty()) out += " capital-of=" + e.capital_of;
    if (!e.roles.empty()) {
      out += " roles:";
      for (const EntityRole& r : e.roles) {
        out.append(" ").append(r.canonical);
        if (!r.country.empty()) out.append("/").append(r.country);
      }
    }
    out += "\n";
  }
  return out;
}

}  // namespace dossier::identity
