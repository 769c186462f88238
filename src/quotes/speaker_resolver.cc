// Tested by quote_extractor_test.cc (speakers by name, pronoun, role,
// organisation).
#include "quotes/speaker_resolver.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/segmenter.h"

namespace dossier::quotes {
namespace {

using identity::MentionKind;
using ner::EntityType;

// Words too common to tie a speaker to an entity.
bool Weak(const QuoteLexicon& lex, std::string_view w) {
  return w.size() < 3 || lex.IsNonCue(w) || lex.IsAux(w) || lex.Verb(w) != nullptr || w == "the" ||
         w == "and" || w == "for" || w == "des" || w == "les" || w == "pour";
}

int TypeRank(EntityType t) {
  switch (t) {
    case EntityType::kPer:
      return 0;
    case EntityType::kOrg:
      return 1;
    case EntityType::kMisc:
      return 2;
    case EntityType::kLoc:
      return 3;
  }
  return 4;
}

}  // namespace

std::vector<std::string> FoldedWords(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&]() {
    if (!cur.empty()) out.push_back(FoldCase(cur));
    cur.clear();
  };
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT_OR_FFFD(s, i, n, c);
    if (u_isalnum(c)) {
      cur.append(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    } else if ((c == '\'' || c == 0x2019) && !cur.empty()) {
      cur.push_back('\'');  // "qu'il", "l'Élysée": keep the elision with its word
    } else {
      flush();
    }
  }
  flush();
  return out;
}

SpeakerResolver::SpeakerResolver(std::string_view text, const identity::ArticleEntities* entities,
                                 const QuoteLexicon* lexicon)
    : text_(text), entities_(entities), lexicon_(lexicon) {
  if (entities_ == nullptr) return;
  for (const identity::ArticleEntity& e : entities_->entities) {
    std::vector<std::string> words;
    auto add = [&](std::string_view phrase) {
      for (std::string& w : FoldedWords(phrase)) {
        if (!Weak(*lexicon_, w)) words.push_back(std::move(w));
      }
    };
    add(e.name);
    for (const identity::NameVariant& v : e.variants) add(v.text);
    for (const identity::EntityRole& r : e.roles) add(r.text);
    for (const identity::EntityMention& m : e.mentions) {
      if (m.kind == MentionKind::kRole && m.end <= text_.size())
        add(text_.substr(m.begin, m.end - m.begin));
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    entity_words_.push_back(std::move(words));
  }
}

std::optional<uint32_t> SpeakerResolver::Resolve(uint32_t begin, uint32_t end) const {
  if (entities_ == nullptr || begin >= end || end > text_.size()) return std::nullopt;
  bool demonym_only = false;
  uint32_t demonym_entity = 0;
  if (auto e = ByMention(begin, end, &demonym_only, &demonym_entity)) return e;
  std::vector<std::string> words = FoldedWords(text_.substr(begin, end - begin));
  if (words.empty()) return std::nullopt;
  // "he", "il", "a-t-il" (the clitic comes as the phrase's last word).
  if (words.size() <= 2) {
    if (auto e = ByPronoun(words.back(), begin)) return e;
  }
  if (auto e = ByWords(words, begin)) return e;
  if (demonym_only) return demonym_entity;
  return std::nullopt;
}

std::optional<uint32_t> SpeakerResolver::ByMention(uint32_t begin, uint32_t end, bool* demonym_only,
                                                   uint32_t* demonym_entity) const {
  std::optional<uint32_t> best;
  int best_rank = 99;
  uint32_t best_len = 0;
  for (uint32_t i = 0; i < entities_->entities.size(); ++i) {
    const identity::ArticleEntity& e = entities_->entities[i];
    // A role phrase written next to a name ("le porte-parole du Pentagone,
    // John Kirby") names its holder like a mention does.
    std::vector<identity::EntityMention> spans = e.mentions;
    for (const identity::EntityRole& r : e.roles)
      spans.push_back({r.begin, r.end, MentionKind::kRole});
    for (const identity::EntityMention& m : spans) {
      if (m.end <= begin || m.begin >= end) continue;
      if (m.kind == MentionKind::kDemonym) {
        if (!*demonym_only && !best) *demonym_entity = i;
        *demonym_only = true;
        continue;
      }
      const int rank = TypeRank(e.type);
      const uint32_t len = m.end - m.begin;
      if (!best || rank < best_rank || (rank == best_rank && len > best_len)) {
        best = i, best_rank = rank, best_len = len;
      }
    }
  }
  if (best) *demonym_only = false;
  return best;
}

std::optional<uint32_t> SpeakerResolver::LastMentioned(EntityType type, uint32_t pos) const {
  std::optional<uint32_t> best;
  uint32_t best_end = 0;
  for (uint32_t i = 0; i < entities_->entities.size(); ++i) {
    const identity::ArticleEntity& e = entities_->entities[i];
    if (e.type != type) continue;
    for (const identity::EntityMention& m : e.mentions) {
      if (m.end <= pos && (!best || m.end > best_end)) best = i, best_end = m.end;
    }
  }
  return best;
}

std::optional<uint32_t> SpeakerResolver::ByPronoun(std::string_view folded, uint32_t begin) const {
  std::string_view w = folded;
  // A French inverted clitic "a-t-il", "dit-elle": its last part.
  if (size_t dash = w.rfind('-'); dash != std::string_view::npos) w = w.substr(dash + 1);
  if (lexicon_->IsPersonPronoun(w)) return LastMentioned(EntityType::kPer, begin);
  if (lexicon_->IsGroupPronoun(w)) {
    if (auto org = LastMentioned(EntityType::kOrg, begin)) return org;
    return LastMentioned(EntityType::kPer, begin);
  }
  return std::nullopt;
}

std::optional<uint32_t> SpeakerResolver::ByWords(const std::vector<std::string>& words,
                                                 uint32_t begin) const {
  std::vector<std::string> strong;
  for (const std::string& w : words) {
    if (!Weak(*lexicon_, w)) strong.push_back(w);
  }
  if (strong.empty()) return std::nullopt;
  std::optional<uint32_t> best;
  size_t best_shared = 0;
  uint32_t best_last = 0;
  for (uint32_t i = 0; i < entity_words_.size(); ++i) {
    size_t shared = 0;
    for (const std::string& w : strong) {
      shared += std::binary_search(entity_words_[i].begin(), entity_words_[i].end(), w) ? 1 : 0;
    }
    // Most of the speaker's words must be the entity's ("the foreign
    // ministry" for "Foreign Ministry", not "the ministry of health").
    if (shared == 0 || 2 * shared < strong.size()) continue;
    uint32_t last = 0;
    for (const identity::EntityMention& m : entities_->entities[i].mentions) {
      if (m.end <= begin) last = std::max(last, m.end);
    }
    if (!best || shared > best_shared || (shared == best_shared && last > best_last)) {
      best = i, best_shared = shared, best_last = last;
    }
  }
  return best;
}

}  // namespace dossier::quotes
