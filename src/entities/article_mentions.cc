// Tested by article_entities_test.cc and identity_seeds_test.cc.
#include "entities/article_mentions.h"

#include <algorithm>
#include <array>
#include <map>

#include "entities/acronyms.h"

namespace dossier::identity::internal {
namespace {

using ner::EntityType;
using Cand = MentionCandidate;

constexpr std::array<std::string_view, 7> kHonorifics = {"mr",   "mrs", "ms",    "mme",
                                                         "mlle", "dr",  "messrs"};

}  // namespace

bool IsHonorific(const TextWord& w, std::string_view language) {
  if (w.punct || !w.capitalized) return false;
  if (std::find(kHonorifics.begin(), kHonorifics.end(), w.folded) != kHonorifics.end()) {
    return true;
  }
  return language == "fr" && w.folded == "m";  // "M. al-Kazimi"
}

namespace {

class Collector {
 public:
  Collector(const IdentityResources& r, const ArticleInput& in, const std::vector<TextWord>& words,
            const RoleFinder& finder)
      : r_(r), in_(in), words_(words), finder_(finder) {}

  std::vector<Cand> Run() {
    CollectNerMentions();
    SplitKnownPrefixes();
    AddHonorificNames();
    AddAcronyms();
    AddDemonyms();
    std::stable_sort(cands_.begin(), cands_.end(),
                     [](const Cand& a, const Cand& b) { return a.begin < b.begin; });
    for (Cand& c : cands_) c.key = MakeNameKey(r_.normalizer(), Text(c), in_.language);
    ResolveAliases();
    FindRoles();
    return std::move(cands_);
  }

 private:
  std::string_view Text(const Cand& c) const { return in_.text.substr(c.begin, c.end - c.begin); }
  std::string_view Text(uint32_t b, uint32_t e) const { return in_.text.substr(b, e - b); }

  // A MISC name made of hyphen-joined parts ("US-led", "anti-IS",
  // "Iran-backed"): its parts may be mentions of their own.
  bool IsCompound(const Cand& c) const {
    if (c.type != EntityType::kMisc || c.decl >= 0 || c.alias >= 0) return false;
    for (size_t k = c.first + 1; k <= c.last; ++k) {
      if (words_[k].hyphen_before) return true;
    }
    return false;
  }

  bool Covered(size_t word, bool count_compounds = true) const {
    for (const Cand& c : cands_) {
      if (word >= c.first && word <= c.last && (count_compounds || !IsCompound(c))) return true;
    }
    return false;
  }

  // Covered() for every word at once: bit kCoveredByAny when a candidate
  // spans the word, kCoveredByName when one that is not a compound does.
  static constexpr uint8_t kCoveredByAny = 1, kCoveredByName = 2;
  uint8_t CoverageBits(const Cand& c) const {
    return IsCompound(c) ? kCoveredByAny : (kCoveredByAny | kCoveredByName);
  }
  std::vector<uint8_t> Coverage() const {
    std::vector<uint8_t> covered(words_.size(), 0);
    for (const Cand& c : cands_) {
      for (size_t k = c.first; k <= c.last && k < covered.size(); ++k)
        covered[k] |= CoverageBits(c);
    }
    return covered;
  }

  Cand MakeCand(size_t first, size_t last, EntityType type, float score) const {
    Cand c;
    c.first = first;
    c.last = last;
    c.begin = words_[first].begin;
    c.end = words_[last].end;
    c.type = type;
    c.score = score;
    return c;
  }

  // Step 1: the tagger's mentions, with honorifics and role phrases split off.
  void CollectNerMentions() {
    if (in_.mentions == nullptr) return;
    for (const ner::Mention& m : *in_.mentions) {
      size_t first = WordAt(words_, m.begin);
      size_t end = WordAt(words_, m.end);
      while (end > first && words_[end - 1].punct) --end;
      if (end <= first) continue;
      size_t last = end - 1;
      bool person = false;
      if (first > 0 && IsHonorific(words_[first - 1], in_.language)) person = true;
      if (first > 1 && words_[first - 1].folded == "." &&
          IsHonorific(words_[first - 2], in_.language)) {
        person = true;
      }
      // "M. Austin" tagged whole.
      while (first < last && IsHonorific(words_[first], in_.language)) {
        ++first;
        while (first < last && words_[first].punct) ++first;
        person = true;
      }
      // "Mr" tagged alone is no name; the name after it is found in step 1c.
      if (first == last && IsHonorific(words_[first], in_.language)) continue;
      Cand c = MakeCand(first, last, m.type, m.score);
      c.person = person;
      if (!SplitRolePrefix(&c)) continue;
      cands_.push_back(std::move(c));
    }
  }

  // Step 1c: names after an honorific that the tagger missed ("M.
  // al-Kazimi", "Mr Kadhimi"): capitalised words, or a lower-case particle
  // hyphen-joined to one.
  void AddHonorificNames() {
    for (size_t k = 0; k + 1 < words_.size(); ++k) {
      if (!IsHonorific(words_[k], in_.language)) continue;
      size_t first = k + 1;
      if (words_[first].folded == ".") ++first;
      size_t last = first;
      while (last < words_.size() && last - first < 4 && !words_[last].punct) {
        const bool particle = !words_[last].capitalized && last + 1 < words_.size() &&
                              words_[last + 1].hyphen_before && words_[last + 1].capitalized;
        if (!words_[last].capitalized && !particle &&
            !(words_[last].hyphen_before && words_[last].capitalized)) {
          break;
        }
        if (particle) ++last;
        ++last;
      }
      if (last == first || Covered(first)) continue;
      Cand c = MakeCand(first, last - 1, EntityType::kPer, 0.5f);
      c.person = true;
      cands_.push_back(c);
    }
  }

  // A role phrase at the start of a mention: returns false if the mention
  // is nothing but the role.
  bool SplitRolePrefix(Cand* c) const {
    size_t p = c->first;
    if (RoleFinder::IsDeterminer(words_[p].folded) && p < c->last) ++p;
    size_t length = 0, skipped = 0;
    const RoleEntry* e = finder_.RoleAt(words_, p, &length, &skipped);
    if (e == nullptr) return true;
    size_t name = p + length;
    for (size_t k = p + length; k <= c->last; ++k) {
      const TextWord& w = words_[k];
      if (RoleFinder::IsPreposition(w.folded) || (!w.capitalized && !w.punct) ||
          (!finder_.CountryAt(words_, k).empty() && !w.capitalized)) {
        name = k + 1;
      }
    }
    if (name > c->last) return false;
    FoundRole role;
    role.first_word = c->first;
    role.last_word = name - 1;
    role.begin = words_[c->first].begin;
    role.end = words_[name - 1].end;
    role.canonical = e->canonical;
    role.role_class = e->role_class;
    for (size_t k = c->first; k < name && role.country.empty(); ++k) {
      role.country = finder_.CountryAt(words_, k);
    }
    c->first = name;
    c->begin = words_[name].begin;
    c->type = EntityType::kPer;
    c->person = true;
    c->role = std::move(role);
    return true;
  }

  // Step 1b: "Maison Blanche Brett McGurk" when "Maison Blanche" is a
  // mention of its own.
  void SplitKnownPrefixes() {
    std::vector<Cand> out;
    for (const Cand& c : cands_) {
      const size_t n = c.last - c.first + 1;
      bool split = false;
      for (const Cand& d : cands_) {
        const size_t k = d.last - d.first + 1;
        // A place or organisation followed by a person's two or three names.
        if (&d == &c || k + 2 > n || n - k > 3) continue;
        if (d.type != EntityType::kOrg && d.type != EntityType::kLoc) continue;
        bool same = true;
        for (size_t i = 0; i < k && same; ++i) {
          same = words_[c.first + i].folded == words_[d.first + i].folded;
        }
        for (size_t i = c.first + k; i <= c.last && same; ++i) same = words_[i].capitalized;
        if (!same) continue;
        out.push_back(MakeCand(c.first, c.first + k - 1, d.type, d.score));
        Cand rest = MakeCand(c.first + k, c.last, EntityType::kPer, c.score);
        rest.person = c.person;
        rest.role = c.role;
        out.push_back(std::move(rest));
        split = true;
        break;
      }
      if (!split) out.push_back(c);
    }
    cands_ = std::move(out);
  }

  // Step 2: acronyms declared in the text and their other occurrences.
  void AddAcronyms() {
    std::vector<AcronymDeclaration> decls = FindAcronymDeclarations(words_);
    for (const AcronymDeclaration& d : decls) {
      const uint32_t lb = words_[d.long_first].begin, le = words_[d.long_last].end;
      bool overlaps = false, crosses = false;
      std::array<float, ner::kNumEntityTypes> votes{};
      for (const Cand& c : cands_) {
        if (c.end <= lb || c.begin >= le) continue;
        overlaps = true;
        if (c.begin < lb || c.end > le) crosses = true;
        votes[static_cast<size_t>(c.type)] += c.score;
      }
      if (crosses || (!overlaps && !words_[d.long_first].capitalized)) continue;
      const int id = static_cast<int>(decl_count_++);
      EntityType type = EntityType::kOrg;
      float best = 0;
      for (int t = 0; t < ner::kNumEntityTypes; ++t) {
        if (votes[static_cast<size_t>(t)] > best) {
          best = votes[static_cast<size_t>(t)];
          type = static_cast<EntityType>(t);
        }
      }
      std::erase_if(cands_, [&](const Cand& c) { return c.begin >= lb && c.end <= le; });
      Cand long_form = MakeCand(d.long_first, d.long_last, type, 1);
      long_form.decl = id;
      cands_.push_back(long_form);
      std::vector<std::string> long_words;
      for (size_t k = d.long_first; k <= d.long_last; ++k) long_words.push_back(words_[k].folded);
      const std::string_view acronym = Text(words_[d.acronym].begin, words_[d.acronym].end);
      for (Cand& c : cands_) {
        if (Text(c) == acronym) c.decl = id;
      }
      // Coverage of each word, kept up to date as candidates are added: the
      // scan below is then linear in the words, where asking Covered() for
      // each made a long article (thousands of declarations and candidates)
      // take minutes.
      std::vector<uint8_t> covered = Coverage();
      auto add = [&](Cand c) {
        for (size_t k = c.first; k <= c.last; ++k) covered[k] |= CoverageBits(c);
        cands_.push_back(std::move(c));
      };
      for (size_t k = 0; k < words_.size(); ++k) {
        if (words_[k].punct || (covered[k] & kCoveredByName)) continue;
        if (Text(words_[k].begin, words_[k].end) == acronym) {
          Cand a = MakeCand(k, k, type, 1);
          a.kind = MentionKind::kAcronym;
          a.decl = id;
          add(std::move(a));
          continue;
        }
        if (k + long_words.size() > words_.size()) continue;
        bool same = true;
        for (size_t i = 0; i < long_words.size() && same; ++i) {
          same = covered[k + i] == 0 && words_[k + i].folded == long_words[i];
        }
        if (same) {
          Cand l = MakeCand(k, k + long_words.size() - 1, type, 1);
          l.decl = id;
          add(std::move(l));
        }
      }
    }
  }

  // Step 3a: demonyms and untagged country names; hyphenated compounds of
  // other names ("Iran-backed", "US-led").
  void AddDemonyms() {
    const AliasTable& aliases = r_.aliases();
    auto country_word = [&](size_t k, AliasKind* kind) -> int {
      if (words_[k].punct) return -1;
      // Lower-case words are spelt exactly: "pole" is no Pole.
      std::vector<AliasRef> refs =
          aliases.Lookup(MakeNameKeyFromFolded(words_[k].folded, words_[k].all_caps),
                         /*exact_spelling=*/!words_[k].capitalized);
      for (AliasKind want : {AliasKind::kDemonym, AliasKind::kName}) {
        std::optional<uint32_t> g = AliasTable::UniqueGroup(refs, want);
        if (!g.has_value()) continue;
        if (aliases.group(*g).id.rfind("country:", 0) != 0) continue;
        if (want == AliasKind::kName && !words_[k].capitalized) continue;
        *kind = want;
        return static_cast<int>(*g);
      }
      return -1;
    };
    std::vector<Cand> out;
    std::vector<Cand> parts;
    for (const Cand& c : cands_) {
      if (!IsCompound(c)) {
        out.push_back(c);
        continue;
      }
      bool split = false;
      for (const Cand& d : cands_) {
        split = split || (&d != &c && d.first >= c.first && d.last <= c.last);
      }
      for (size_t k = c.first; k <= c.last; ++k) {
        AliasKind kind = AliasKind::kName;
        const int g = country_word(k, &kind);
        if (g < 0) continue;
        Cand w = MakeCand(k, k, kind == AliasKind::kName ? EntityType::kLoc : EntityType::kMisc,
                          c.score);
        w.alias = g;
        if (kind == AliasKind::kDemonym) w.kind = MentionKind::kDemonym;
        parts.push_back(w);
        split = true;
      }
      if (!split) out.push_back(c);
    }
    out.insert(out.end(), parts.begin(), parts.end());
    cands_ = std::move(out);
    for (size_t k = 0; k < words_.size(); ++k) {
      if (Covered(k)) continue;
      AliasKind kind = AliasKind::kName;
      const int g = country_word(k, &kind);
      if (g < 0) continue;
      Cand w =
          MakeCand(k, k, kind == AliasKind::kName ? EntityType::kLoc : EntityType::kMisc, 0.5f);
      w.alias = g;
      if (kind == AliasKind::kDemonym) w.kind = MentionKind::kDemonym;
      cands_.push_back(w);
    }
  }

  // Step 3b: alias groups, shared by the names of one declaration.
  void ResolveAliases() {
    const AliasTable& aliases = r_.aliases();
    for (Cand& c : cands_) {
      if (c.alias >= 0) continue;
      std::vector<AliasRef> refs = aliases.Lookup(c.key);
      if (refs.empty() && c.type != EntityType::kPer && c.last > c.first &&
          !finder_.CountryAt(words_, c.first).empty()) {
        // "Iranian Islamic Revolutionary Guard Corps": a known organisation
        // named with its country's demonym in front.
        NameKey rest =
            MakeNameKey(r_.normalizer(), Text(words_[c.first + 1].begin, c.end), in_.language);
        std::vector<AliasRef> org = aliases.Lookup(rest);
        std::optional<uint32_t> g = AliasTable::UniqueGroup(org, AliasKind::kName);
        if (g.has_value() && aliases.group(*g).type == EntityType::kOrg) refs = std::move(org);
      }
      if (std::optional<uint32_t> g = AliasTable::UniqueGroup(refs, AliasKind::kName)) {
        const AliasGroup& group = aliases.group(*g);
        // A person's name that is also a place ("Jordan") stays a person.
        const bool place = group.type == EntityType::kLoc;
        if (c.type == EntityType::kPer && (c.person || place)) continue;
        c.alias = static_cast<int>(*g);
      } else if (std::optional<uint32_t> d = AliasTable::UniqueGroup(refs, AliasKind::kDemonym)) {
        if (c.type == EntityType::kPer) continue;
        c.alias = static_cast<int>(*d);
        c.kind = MentionKind::kDemonym;
      }
    }
    std::map<int, int> decl_alias;
    for (const Cand& c : cands_) {
      if (c.decl >= 0 && c.alias >= 0 && c.kind != MentionKind::kDemonym) {
        decl_alias.emplace(c.decl, c.alias);
      }
    }
    for (Cand& c : cands_) {
      if (c.decl >= 0 && decl_alias.count(c.decl) > 0) c.alias = decl_alias[c.decl];
      if (c.kind == MentionKind::kName && c.key.all_caps && c.key.tokens.size() == 1 &&
          c.key.tokens[0].text.size() <= 5 && (c.alias >= 0 || c.decl >= 0)) {
        c.kind = MentionKind::kAcronym;
      }
    }
  }

  // Step 4: roles next to names make persons.
  void FindRoles() {
    for (Cand& c : cands_) {
      if (c.role.has_value() || c.alias >= 0 || c.decl >= 0) continue;
      bool capitalised = true;
      for (size_t k = c.first; k <= c.last; ++k) capitalised = capitalised && words_[k].capitalized;
      const bool may_be_person = c.type == EntityType::kPer || (capitalised && c.last > c.first);
      if (!may_be_person) continue;
      std::optional<FoundRole> r = finder_.Before(words_, c.first);
      if (r.has_value() && PersonBetween(r->first_word, c.first)) r.reset();
      if (!r.has_value()) r = finder_.After(words_, c.last);
      if (!r.has_value()) continue;
      c.role = std::move(r);
      c.person = true;
      c.type = EntityType::kPer;
    }
  }

  bool PersonBetween(size_t from, size_t to) const {
    for (const Cand& c : cands_) {
      if (c.type == EntityType::kPer && c.first >= from && c.last < to) return true;
    }
    return false;
  }

  const IdentityResources& r_;
  const ArticleInput& in_;
  const std::vector<TextWord>& words_;
  const RoleFinder& finder_;
  std::vector<Cand> cands_;
  size_t decl_count_ = 0;
};

}  // namespace

std::vector<MentionCandidate> CollectMentions(const IdentityResources& resources,
                                              const ArticleInput& input,
                                              const std::vector<TextWord>& words,
                                              const RoleFinder& finder) {
  return Collector(resources, input, words, finder).Run();
}

}  // namespace dossier::identity::internal
