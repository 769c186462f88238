// Tested by static_files_test.cc (ActorNetworkTest) and router_test.cc.
#include "api/actor_network.h"

#include <algorithm>

namespace dossier::api {
namespace {

// Every pair of `ids` (sorted, distinct) gets one more count in `field`.
void CountPairs(const std::set<int64_t>& ids, uint32_t ActorEdge::*field,
                std::map<std::pair<int64_t, int64_t>, ActorEdge>* edges) {
  for (auto i = ids.begin(); i != ids.end(); ++i) {
    for (auto j = std::next(i); j != ids.end(); ++j) {
      ActorEdge& e = (*edges)[{*i, *j}];
      e.a = *i;
      e.b = *j;
      ++(e.*field);
    }
  }
}

}  // namespace

void ActorNetworkBuilder::AddArticle(const std::vector<MentionRecord>& mentions,
                                     const std::vector<Sentence>& sentences) {
  std::set<int64_t> in_article;
  std::map<size_t, std::set<int64_t>> by_sentence;
  for (const MentionRecord& m : mentions) {
    ActorNode& node = nodes_[m.entity];
    node.entity = m.entity;
    ++node.mentions;
    in_article.insert(m.entity);
    // The last sentence starting at or before the mention.
    auto it = std::upper_bound(sentences.begin(), sentences.end(), m.start,
                               [](uint32_t at, const Sentence& s) { return at < s.begin; });
    if (it == sentences.begin()) continue;
    --it;
    if (m.start < it->end)
      by_sentence[static_cast<size_t>(it - sentences.begin())].insert(m.entity);
  }
  for (int64_t id : in_article) ++nodes_[id].articles;
  for (const auto& [sentence, ids] : by_sentence) CountPairs(ids, &ActorEdge::sentences, &edges_);
  CountPairs(in_article, &ActorEdge::articles, &edges_);
}

ActorNetwork ActorNetworkBuilder::Build(size_t max_nodes) const {
  ActorNetwork out;
  for (const auto& [id, node] : nodes_) out.nodes.push_back(node);
  std::sort(out.nodes.begin(), out.nodes.end(), [](const ActorNode& x, const ActorNode& y) {
    return x.mentions != y.mentions ? x.mentions > y.mentions : x.entity < y.entity;
  });
  if (out.nodes.size() > max_nodes) out.nodes.resize(max_nodes);
  std::set<int64_t> kept;
  for (const ActorNode& n : out.nodes) kept.insert(n.entity);
  for (const auto& [ids, edge] : edges_) {
    if (kept.count(ids.first) && kept.count(ids.second)) out.edges.push_back(edge);
  }
  std::sort(out.edges.begin(), out.edges.end(), [](const ActorEdge& x, const ActorEdge& y) {
    if (x.weight() != y.weight()) return x.weight() > y.weight();
    return std::make_pair(x.a, x.b) < std::make_pair(y.a, y.b);
  });
  return out;
}

}  // namespace dossier::api
