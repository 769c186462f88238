#include "entities/features.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "entities/tag_scheme.h"

namespace dossier::ner {
namespace {

using Doc = std::vector<std::vector<std::string_view>>;

struct Extracted {
  DocumentAnalysis analysis;
  FeatureBuffer local;

  bool Has(size_t token, uint64_t key) const {
    auto b = local.keys.begin() + local.offsets[token];
    auto e = local.keys.begin() + local.offsets[token + 1];
    return std::find(b, e, key) != e;
  }
};

Extracted Extract(const Doc& doc, const Gazetteer* g = nullptr, const WordLexicon* lex = nullptr) {
  FeatureExtractor fx(FeatureOptions(), lex, g);
  Extracted x;
  fx.Analyze(doc, &x.analysis);
  fx.LocalFeatures(x.analysis, &x.local);
  return x;
}

TEST(Features, LocalTemplatesTable) {
  Doc doc = {{"French", "President", "Emmanuel", "Macron", "met", "al-Kadhimi", "."}};
  Extracted x = Extract(doc);
  ASSERT_EQ(x.local.offsets.size(), 8u);
  // {token, template, sub, value, present}
  struct Case {
    size_t token;
    Feat feat;
    int sub;
    uint64_t value;
    bool present;
  } cases[] = {
      {3, Feat::kWord, 0, HashString("Macron"), true},
      {3, Feat::kLower, 0, HashString("macron"), true},
      {3, Feat::kLower, -1, HashString("emmanuel"), true},
      {3, Feat::kLower, 2, HashString("al-kadhimi"), true},
      {3, Feat::kLower, 1, HashString("emmanuel"), false},
      {3, Feat::kShape, 0, HashString("Xxxx"), true},
      {3, Feat::kShortShape, 0, HashString("Xx"), true},
      {3, Feat::kPrefix, 3, HashString("mac"), true},
      {3, Feat::kSuffix, 4, HashString("cron"), true},
      {3, Feat::kSuffix, 1, HashString("n"), true},
      {5, Feat::kShortShape, 0, HashString("x-Xx"), true},
      {5, Feat::kLowerBigram, 1, Combine(HashString("al-kadhimi"), HashString(".")), true},
      {0, Feat::kPosition, 1, HashString("Xx"), true},  // sentence-initial
      {3, Feat::kPosition, 0, HashString("Xx"), true},
      {3, Feat::kBias, 0, 0, true},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(x.Has(c.token, FeatureKey(c.feat, c.sub, c.value)), c.present)
        << "token " << c.token << " template " << static_cast<int>(c.feat) << " sub " << c.sub;
  }
  // Beyond the sentence edge, a padding value stands in: never a real word.
  EXPECT_FALSE(x.Has(0, FeatureKey(Feat::kLower, -1, HashString(""))));
}

TEST(Features, GazetteerMarksAreBilouPositions) {
  Gazetteer g;
  int city = g.AddCategory("city");
  g.Add(city, {"new", "york"});
  Doc doc = {{"He", "left", "NEW", "YORK", "today"}};
  Extracted x = Extract(doc, &g);
  EXPECT_EQ(x.analysis.tokens[2].gazetteer, 1ULL << (4 * city + int(LabelPart::kB)));
  EXPECT_EQ(x.analysis.tokens[3].gazetteer, 1ULL << (4 * city + int(LabelPart::kL)));
  EXPECT_EQ(x.analysis.tokens[4].gazetteer, 0u);
  EXPECT_TRUE(x.Has(3, FeatureKey(Feat::kGazetteer, 0, 4 * city + int(LabelPart::kL))));
  EXPECT_TRUE(x.Has(4, FeatureKey(Feat::kGazetteer, -1, 4 * city + int(LabelPart::kL))));
}

TEST(Features, HeadlineAndDocumentCase) {
  // "BUSH" in a headline; "Bush" capitalised mid-sentence later; "bush" never lower.
  Doc doc = {{"BUSH", "WINS", "IN", "TEXAS"}, {"Voters", "backed", "Bush", "on", "Tuesday"}};
  Extracted x = Extract(doc);
  EXPECT_EQ(x.analysis.headline[0], 1);
  EXPECT_EQ(x.analysis.headline[1], 0);
  // bit 1: seen capitalised elsewhere; 4: sentence-initial; 8: headline.
  EXPECT_TRUE(x.Has(0, FeatureKey(Feat::kDocCase, int(CaseClass::kAllCaps), 2 | 4 | 8)));
}

TEST(Features, NonLocalSeesOtherOccurrences) {
  Doc doc = {{"Clinton", "spoke"}, {"Bill", "Clinton", "smiled"}};
  FeatureExtractor fx(FeatureOptions(), nullptr, nullptr);
  DocumentAnalysis a;
  fx.Analyze(doc, &a);
  const uint8_t b_per = MakeLabel(EntityType::kPer, LabelPart::kB);
  const uint8_t l_per = MakeLabel(EntityType::kPer, LabelPart::kL);
  std::vector<uint8_t> stage1 = {kLabelO, kLabelO, b_per, l_per, kLabelO};
  FeatureBuffer nl;
  fx.NonLocalFeatures(a, stage1, &nl);
  auto has = [&](size_t t, uint64_t key) {
    return std::find(nl.keys.begin() + nl.offsets[t], nl.keys.begin() + nl.offsets[t + 1], key) !=
           nl.keys.begin() + nl.offsets[t + 1];
  };
  // The first "Clinton" (labelled O) sees its other occurrence labelled PER (slot 1 + PER).
  EXPECT_TRUE(has(0, FeatureKey(Feat::kDocTypeShare, 1 + int(EntityType::kPer), 3)));
  EXPECT_TRUE(
      has(0, FeatureKey(Feat::kDocMajority, 1 + int(EntityType::kPer), int(CaseClass::kInitCap))));
  EXPECT_TRUE(has(3, FeatureKey(Feat::kStage1Label, 0, l_per)));
  EXPECT_TRUE(
      has(2, FeatureKey(Feat::kDocEntity, 4 * int(EntityType::kPer) + int(LabelPart::kB), 0)));
}

}  // namespace
}  // namespace dossier::ner
