#include "entities/tag_scheme.h"

#include <gtest/gtest.h>

#include "entities/ner_eval.h"

namespace dossier::ner {
namespace {

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t sp = s.find(' ', pos);
    if (sp == std::string::npos) sp = s.size();
    if (sp > pos) out.push_back(s.substr(pos, sp - pos));
    pos = sp + 1;
  }
  return out;
}

// Spans as "first-last:TYPE ..." for compact expectations.
std::string Dump(const std::vector<EntitySpan>& spans) {
  std::string s;
  for (const EntitySpan& e : spans) {
    if (!s.empty()) s += ' ';
    s += std::to_string(e.first_token);
    s += '-';
    s += std::to_string(e.last_token);
    s += ':';
    s.append(EntityTypeName(e.type));
  }
  return s;
}

TEST(TagScheme, IobFollowsConllevalChunkRule) {
  struct Case {
    const char* tags;
    const char* spans;
  } cases[] = {
      {"O O", ""},
      {"B-PER I-PER O", "0-1:PER"},
      {"I-PER I-PER O", "0-1:PER"},        // IOB1: I- opens a chunk
      {"I-PER B-PER", "0-0:PER 1-1:PER"},  // IOB1: B- separates same-type chunks
      {"I-ORG I-LOC", "0-0:ORG 1-1:LOC"},  // a type change opens a chunk
      {"O I-MISC I-MISC O B-LOC", "1-2:MISC 4-4:LOC"},
      {"B-LOC B-LOC I-LOC", "0-0:LOC 1-2:LOC"},
  };
  for (const Case& c : cases) {
    Result<std::vector<EntitySpan>> spans = SpansFromIob(Split(c.tags));
    ASSERT_TRUE(spans.ok()) << c.tags;
    EXPECT_EQ(Dump(*spans), c.spans) << c.tags;
  }
}

TEST(TagScheme, RejectsUnknownTags) {
  for (const char* tags : {"B-DATE", "X-PER", "PER", "B-"}) {
    EXPECT_FALSE(SpansFromIob(Split(tags)).ok()) << tags;
  }
}

TEST(TagScheme, BilouRoundTrip) {
  std::vector<EntitySpan> spans = {
      {0, 0, EntityType::kPer, 0}, {2, 4, EntityType::kOrg, 0}, {5, 6, EntityType::kLoc, 0}};
  std::vector<uint8_t> labels = BilouFromSpans(8, spans);
  std::string names;
  for (uint8_t l : labels) {
    names += LabelName(l);
    names += ' ';
  }
  EXPECT_EQ(names, "U-PER O B-ORG I-ORG L-ORG B-LOC L-LOC O ");
  EXPECT_EQ(SpansFromBilou(labels), spans);
  EXPECT_EQ(Iob2FromSpans(8, spans)[5], "B-LOC");
  EXPECT_EQ(Iob2FromSpans(8, spans)[6], "I-LOC");
}

TEST(TagScheme, Transitions) {
  const int b_per = MakeLabel(EntityType::kPer, LabelPart::kB);
  const int l_per = MakeLabel(EntityType::kPer, LabelPart::kL);
  const int i_org = MakeLabel(EntityType::kOrg, LabelPart::kI);
  const int u_loc = MakeLabel(EntityType::kLoc, LabelPart::kU);
  EXPECT_TRUE(AllowedTransition(-1, b_per));
  EXPECT_FALSE(AllowedTransition(-1, l_per));
  EXPECT_TRUE(AllowedTransition(b_per, l_per));
  EXPECT_FALSE(AllowedTransition(b_per, i_org));
  EXPECT_FALSE(AllowedTransition(b_per, kLabelO));
  EXPECT_FALSE(AllowedTransition(b_per, -1));
  EXPECT_TRUE(AllowedTransition(l_per, u_loc));
  EXPECT_TRUE(AllowedTransition(u_loc, -1));
  EXPECT_FALSE(AllowedTransition(kLabelO, i_org));
}

TEST(NerEval, ExactSpanAndTypeMatch) {
  NerScores s;
  s.Add({{0, 1, EntityType::kPer, 0}, {3, 3, EntityType::kLoc, 0}},
        {{0, 1, EntityType::kPer, 0}, {3, 3, EntityType::kOrg, 0}, {5, 5, EntityType::kMisc, 0}});
  EXPECT_EQ(s.overall.gold, 2u);
  EXPECT_EQ(s.overall.predicted, 3u);
  EXPECT_EQ(s.overall.correct, 1u);
  EXPECT_NEAR(s.overall.F1(), 40.0, 1e-9);  // P 1/3, R 1/2
  EXPECT_NEAR(s.by_type[0].F1(), 100.0, 1e-9);
}

}  // namespace
}  // namespace dossier::ner
