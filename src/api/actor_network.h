// The actor network of a set of articles: its entities as nodes, and an
// edge between two entities that appear together, weighted by how often.
//
//   ActorNetworkBuilder b;
//   b.AddArticle(mentions, sentences);   // per article of the storyline
//   ActorNetwork n = b.Build();          // nodes by mentions, edges by weight
//
// Co-occurrence: each sentence holding mentions of both counts 1 towards
// `sentences`; each article mentioning both counts 1 towards `articles`.
// An edge's weight is sentences + articles, so entities named in one breath
// weigh more than ones an article names far apart. Mentions of one entity
// in one sentence count once.
//
// Thread-safety: a builder is used by one thread.
#ifndef DOSSIER_API_ACTOR_NETWORK_H_
#define DOSSIER_API_ACTOR_NETWORK_H_

#include <cstdint>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "store/findings.h"
#include "text/segmenter.h"

namespace dossier::api {

struct ActorNode {
  int64_t entity = 0;
  uint32_t mentions = 0;  ///< over the articles added
  uint32_t articles = 0;  ///< articles that mention it
};

struct ActorEdge {
  int64_t a = 0, b = 0;    ///< a < b
  uint32_t sentences = 0;  ///< sentences naming both
  uint32_t articles = 0;   ///< articles naming both
  uint32_t weight() const { return sentences + articles; }
};

struct ActorNetwork {
  std::vector<ActorNode> nodes;  ///< most mentioned first, then by id
  std::vector<ActorEdge> edges;  ///< heaviest first, then by ids
};

class ActorNetworkBuilder {
 public:
  // `mentions` of one article (any order); `sentences` its segmentation's
  // sentences, in text order. A mention belongs to the sentence holding its
  // start (none when it lies between sentences).
  void AddArticle(const std::vector<MentionRecord>& mentions,
                  const std::vector<Sentence>& sentences);

  // The network so far, keeping the `max_nodes` most mentioned entities
  // and the edges between them.
  ActorNetwork Build(size_t max_nodes) const;

 private:
  std::map<int64_t, ActorNode> nodes_;
  std::map<std::pair<int64_t, int64_t>, ActorEdge> edges_;
};

}  // namespace dossier::api

#endif  // DOSSIER_API_ACTOR_NETWORK_H_
