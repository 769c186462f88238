// Tested by entity_resolver_test.cc and identity_seeds_test.cc.
#include "entities/entity_resolver.h"

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <set>

#include "entities/display_name.h"

namespace dossier::identity {
namespace {

using ner::EntityType;

// The most entities one token's posting list contributes to a look-up.
constexpr size_t kMaxPostings = 2000;

// Days since 1970-01-01 of an ISO 8601 date ("2021", "2021-07",
// "2021-07-22T..."); INT_MIN if there is none.
int ParseDay(std::string_view iso) {
  auto number = [&](size_t at, size_t len, int* out) {
    if (iso.size() < at + len) return false;
    int v = 0;
    for (size_t i = at; i < at + len; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return false;
      v = v * 10 + (iso[i] - '0');
    }
    *out = v;
    return true;
  };
  int y = 0, m = 1, d = 1;
  if (!number(0, 4, &y)) return INT_MIN;
  if (iso.size() >= 7 && iso[4] == '-' && !number(5, 2, &m)) m = 1;
  if (iso.size() >= 10 && iso[7] == '-' && !number(8, 2, &d)) d = 1;
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(unsigned(m)),
                                        std::chrono::day(unsigned(d))};
  if (!ymd.ok()) return INT_MIN;
  return static_cast<int>(std::chrono::sys_days(ymd).time_since_epoch().count());
}

// The index key of names by their initials ("#isis"); '#' keeps it apart
// from phonetic tokens.
std::string InitialsKey(std::string_view initials) {
  std::string key;
  key.reserve(initials.size() + 1);
  key.push_back('#');
  key.append(initials);
  return key;
}

bool Compatible(EntityType a, EntityType b) {
  auto org_like = [](EntityType t) { return t == EntityType::kOrg || t == EntityType::kMisc; };
  return a == b || (org_like(a) && org_like(b));
}

bool HasMultiToken(const std::vector<NameKey>& keys) {
  for (const NameKey& k : keys) {
    if (k.tokens.size() > 1) return true;
  }
  return false;
}

}  // namespace

EntityResolver::EntityResolver(const IdentityResources* resources, ResolverOptions options)
    : resources_(resources), options_(options) {}

EntityResolver::~EntityResolver() = default;

double EntityResolver::Context(const Node& node, const ArticleEntity& e,
                               const std::vector<uint32_t>& context) const {
  const double articles = static_cast<double>(article_ids_.size());
  double score = 0;
  for (uint32_t other : context) {
    if (node.cooccurrence.count(other) == 0) continue;
    const double df = std::max<double>(1, nodes_[other].entity.article_count);
    score += std::log(1 + articles / df);
  }
  for (const GlobalRole& g : node.entity.roles) {
    bool shared = false;
    for (const EntityRole& r : e.roles) {
      shared =
          shared || (r.canonical == g.role.canonical &&
                     (r.country.empty() || g.role.country.empty() || r.country == g.role.country));
    }
    if (shared) {
      score += 1;
      break;
    }
  }
  return score;
}

int EntityResolver::Link(const ArticleEntity& e, const std::vector<uint32_t>& context,
                         int day) const {
  if (!e.alias_id.empty()) {
    auto it = by_alias_.find(e.alias_id);
    return it == by_alias_.end() ? -1 : static_cast<int>(it->second);
  }
  const NameNormalizer& normalizer = resources_->normalizer();
  std::vector<NameKey> keys;
  for (const NameVariant& v : e.variants) keys.push_back(MakeNameKey(normalizer, v.text));
  if (keys.empty()) return -1;
  // Candidates share the last token of one of its names (the family name,
  // or the whole of a one-token name) with one of theirs: every match kind
  // but an acronym's aligns that token. Very common tokens are looked up in
  // their most recent entities only.
  std::set<uint32_t> candidates;
  for (const NameKey& k : keys) {
    // An acronym looks among the names with its initials.
    const bool acronym = k.all_caps && k.tokens.size() == 1;
    auto it = by_token_.find(acronym ? InitialsKey(k.tokens[0].text) : k.tokens.back().phonetic);
    if (acronym && it == by_token_.end()) it = by_token_.find(k.tokens.back().phonetic);
    if (it == by_token_.end()) continue;
    const std::vector<uint32_t>& ids = it->second;
    const size_t from = ids.size() > kMaxPostings ? ids.size() - kMaxPostings : 0;
    candidates.insert(ids.begin() + static_cast<std::ptrdiff_t>(from), ids.end());
  }
  const NameMatcher& matcher = resources_->matcher();
  struct Scored {
    int strength = 0;  // 2 strong, 1 weak confirmed
    double score = 0;
    uint32_t id = 0;
  };
  std::vector<Scored> scored;
  for (uint32_t id : candidates) {
    const Node& node = nodes_[id];
    if (!node.entity.alias_id.empty() || !Compatible(e.type, node.entity.type)) continue;
    NameMatch best;
    bool multi = false, acronym = false;
    // A person known by full names on both sides is the same person only if
    // a full name matches: "Bill Clinton" is not "Hillary Clinton" because
    // both are also "Clinton".
    const bool full_names_only =
        e.type == EntityType::kPer && HasMultiToken(keys) && HasMultiToken(node.keys);
    for (const NameKey& a : keys) {
      if (full_names_only && a.tokens.size() < 2) continue;
      for (const NameKey& b : node.keys) {
        if (full_names_only && b.tokens.size() < 2) continue;
        NameMatch m = matcher.MatchKeys(a, b, e.type);
        if (m.match > best.match || (m.match == best.match && m.score > best.score)) {
          best = m;
          multi = a.tokens.size() > 1 && b.tokens.size() > 1;
          acronym = (a.all_caps && a.tokens.size() == 1) || (b.all_caps && b.tokens.size() == 1);
        }
      }
    }
    if (!best.match) continue;
    // Either side known only by one token: a person's short form needs context.
    const bool one_token_person = e.type == EntityType::kPer && !full_names_only;
    // Acronyms are short and ambiguous: they too need context.
    const bool strong =
        !one_token_person && !acronym &&
        ((best.kind == MatchKind::kExact && (multi || e.type != EntityType::kPer)) ||
         ((best.kind == MatchKind::kFullName || best.kind == MatchKind::kExact) &&
          best.score >= options_.strong_score));
    if (strong) {
      scored.push_back({2, best.score + 0.01 * Context(node, e, context), id});
      continue;
    }
    bool in_time = true;
    for (int d : node.days) {
      if (day != INT_MIN && d != INT_MIN && std::abs(d - day) > options_.time_window_days) {
        in_time = false;
      }
    }
    const double ctx = Context(node, e, context);
    if (in_time && ctx >= options_.min_context) scored.push_back({1, best.score + 0.1 * ctx, id});
  }
  if (scored.empty()) return -1;
  std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    if (a.strength != b.strength) return a.strength > b.strength;
    return a.score > b.score;
  });
  // Two weak candidates alike: the evidence does not say which.
  if (scored[0].strength == 1 && scored.size() > 1 && scored[1].strength == 1 &&
      scored[0].score - scored[1].score < 0.05) {
    return -1;
  }
  return static_cast<int>(scored[0].id);
}

void EntityResolver::IndexVariant(uint32_t id, std::string_view text) {
  Node& node = nodes_[id];
  NameKey key = MakeNameKey(resources_->normalizer(), text);
  auto index = [&](const std::string& token) {
    std::vector<uint32_t>& ids = by_token_[token];
    if (ids.empty() || ids.back() != id) ids.push_back(id);
  };
  for (const NameToken& t : key.tokens) {
    if (!t.initial) index(t.phonetic);
  }
  if (key.tokens.size() > 1) index(InitialsKey(key.Initials()));
  node.keys.push_back(std::move(key));
}

uint32_t EntityResolver::Create(const ArticleEntity& e) {
  const auto id = static_cast<uint32_t>(nodes_.size());
  nodes_.emplace_back();
  Node& node = nodes_.back();
  node.entity.id = id;
  node.entity.type = e.type;
  node.entity.alias_id = e.alias_id;
  node.entity.capital_of = e.capital_of;
  if (!e.alias_id.empty()) by_alias_.emplace(e.alias_id, id);
  return id;
}

void EntityResolver::Merge(uint32_t id, const ArticleEntity& e, uint32_t article, int day) {
  Node& node = nodes_[id];
  GlobalEntity& g = node.entity;
  for (const NameVariant& v : e.variants) {
    auto it = std::find_if(g.variants.begin(), g.variants.end(),
                           [&](const NameVariant& x) { return x.text == v.text; });
    if (it != g.variants.end()) {
      it->count += v.count;
      continue;
    }
    g.variants.push_back(v);
    IndexVariant(id, v.text);
  }
  if (options_.keep_mentions) {
    for (const EntityMention& m : e.mentions)
      g.mentions.push_back({article, m.begin, m.end, m.kind});
  }
  for (const EntityRole& r : e.roles) g.roles.push_back({article, r});
  if (g.name.empty() && !e.name.empty() && g.variants.empty()) g.name = e.name;
  if (!g.variants.empty()) g.name = g.variants[DisplayNameIndex(g.variants, node.keys)].text;
  if (g.name.empty()) g.name = e.name;
  node.days.push_back(day);
}

std::vector<uint32_t> EntityResolver::Add(const ArticleEntities& article) {
  const auto article_index = static_cast<uint32_t>(article_ids_.size());
  article_ids_.push_back(article.article_id);
  const int day = ParseDay(article.published);
  const NameNormalizer& normalizer = resources_->normalizer();
  // Order: alias links, then multi-token names, then the rest.
  std::vector<size_t> order(article.entities.size());
  std::vector<int> rank(article.entities.size());
  for (size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
    const ArticleEntity& e = article.entities[i];
    rank[i] = !e.alias_id.empty() ? 0 : MakeNameKey(normalizer, e.name).tokens.size() > 1 ? 1 : 2;
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return rank[a] < rank[b]; });
  std::vector<uint32_t> ids(article.entities.size());
  std::vector<uint32_t> context;
  for (size_t i : order) {
    const ArticleEntity& e = article.entities[i];
    int id = Link(e, context, day);
    const uint32_t target = id >= 0 ? static_cast<uint32_t>(id) : Create(e);
    Merge(target, e, article_index, day);
    ids[i] = target;
    if (std::find(context.begin(), context.end(), target) == context.end()) {
      context.push_back(target);
    }
  }
  std::sort(context.begin(), context.end());
  for (uint32_t a : context) {
    nodes_[a].entity.article_count += 1;
    for (uint32_t b : context) {
      if (a != b) nodes_[a].cooccurrence[b] += 1;
    }
  }
  return ids;
}

std::string EntityResolver::Dump() const {
  std::string out;
  for (const Node& node : nodes_) {
    const GlobalEntity& g = node.entity;
    out.append("#").append(std::to_string(g.id)).append(" ");
    out.append(ner::EntityTypeName(g.type)).append(" ").append(g.name).append(" [");
    for (size_t i = 0; i < g.variants.size(); ++i) {
      if (i > 0) out += ", ";
      out += g.variants[i].text + " x" + std::to_string(g.variants[i].count);
    }
    out += "] articles=" + std::to_string(g.article_count);
    if (!g.alias_id.empty()) out += " alias=" + g.alias_id;
    if (!g.roles.empty()) {
      std::set<std::string> roles;
      for (const GlobalRole& r : g.roles) {
        std::string role = r.role.canonical;
        if (!r.role.country.empty()) role.append("/").append(r.role.country);
        roles.insert(std::move(role));
      }
      out += " roles:";
      for (const std::string& r : roles) out += " " + r;
    }
    out += "\n";
  }
  return out;
}

}  // namespace dossier::identity
