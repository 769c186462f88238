#include "entities/word_clusters.h"

#include <random>

#include <gtest/gtest.h>

#include "entities/feature_hash.h"
#include "entities/lexicon_builder.h"

namespace dossier::ner {
namespace {

// Two word families with disjoint contexts: "the <noun> <verb>s" where
// nouns 0-9 follow item 20 and verbs 10-19 follow nouns. Exchange
// clustering with 3 classes must keep each family together.
TEST(ExchangeCluster, SeparatesWordFamilies) {
  std::mt19937 rng(3);
  std::vector<uint32_t> ids;
  for (int i = 0; i < 3000; ++i) {
    ids.push_back(20);
    ids.push_back(rng() % 10);
    ids.push_back(10 + rng() % 10);
  }
  BigramCounts b = CountBigrams(ids, 21);
  std::vector<uint32_t> cls = ExchangeCluster(b, 3, 20);
  for (int w = 1; w < 10; ++w) EXPECT_EQ(cls[w], cls[0]) << w;
  for (int w = 11; w < 20; ++w) EXPECT_EQ(cls[w], cls[10]) << w;
  EXPECT_NE(cls[0], cls[10]);
  EXPECT_NE(cls[0], cls[20]);
  BigramCounts c = ClassBigrams(b, cls, 3);
  uint64_t total = 0;
  for (const auto& p : c.pairs) total += p.count;
  EXPECT_EQ(total, ids.size() - 1);
}

TEST(LexiconBuilder, CapitalisationBuckets) {
  LexiconBuilder lb;
  for (int i = 0; i < 20; ++i) {
    lb.AddLine({"Yesterday", "Bush", "spoke", "near", "a", "bush", "and", "Paris", "."});
    lb.AddLine({"Then", "Paris", "slept", "."});
  }
  WordLexicon lex;
  std::string report;
  lb.Build(0, 3, &lex, &report);
  EXPECT_EQ(lex.Find(HashString("paris"))->caps, 5);      // always capitalised mid-sentence
  EXPECT_EQ(lex.Find(HashString("bush"))->caps, 3);       // half and half
  EXPECT_EQ(lex.Find(HashString("spoke"))->caps, 1);      // never
  EXPECT_EQ(lex.Find(HashString("yesterday"))->caps, 0);  // only line-initial: unknown
  EXPECT_NE(report.find("words"), std::string::npos);
}

}  // namespace
}  // namespace dossier::ner
