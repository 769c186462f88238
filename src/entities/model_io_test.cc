#include <cstring>
#include <filesystem>

#include <gtest/gtest.h>

#include "base/scoped_temp_dir.h"
#include "entities/ner_model.h"
#include "entities/tagger.h"

namespace dossier::ner {
namespace {

NerModel SmallModel() {
  NerModel m;
  m.args.lang = "xx";
  m.args.hash_bits = 10;
  m.args.command = "dossier train-ner --lang xx\nsecond line";
  m.args.scores = "stage 1 epoch 1 dev F1 50.00";
  WordLexicon::Entry e;
  e.caps = 5;
  e.freq = 7;
  e.cluster[0] = 3;
  e.cluster[2] = 200;
  m.lexicon.Set(HashString("macron"), e);
  m.gazetteer.Add(m.gazetteer.AddCategory("city"), {"baghdad"});
  std::vector<float> block0((size_t{1} << 10) * kNumLabels, 0.0f);
  std::vector<float> block1 = block0;
  block0[5 * kNumLabels + 2] = 1.5f;
  block1[7 * kNumLabels + 16] = -0.25f;
  m.weights = WeightTable::FromDense(10, {&block0, &block1}, 0.0f);
  m.transitions[0].trans[3] = 0.5f;
  m.transitions[1].end[4] = -2.0f;
  return m;
}

TEST(NerModel, SerializeParseRoundTrip) {
  NerModel m = SmallModel();
  std::string bytes = m.Serialize();
  Result<NerModel> back = NerModel::Parse(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->args.ToText(), m.args.ToText());
  EXPECT_EQ(back->args.command, m.args.command);
  const WordLexicon::Entry* e = back->lexicon.Find(HashString("macron"));
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->caps, 5);
  EXPECT_EQ(e->freq, 7);
  EXPECT_EQ(e->cluster[2], 200);
  EXPECT_EQ(back->gazetteer.phrase_count(), 1u);
  EXPECT_EQ(back->weights.rows(), 2u);
  EXPECT_EQ(back->weights.blocks(), 2);
  EXPECT_FLOAT_EQ(back->transitions[0].trans[3], 0.5f);
  EXPECT_FLOAT_EQ(back->transitions[1].end[4], -2.0f);
  // The same model always gives the same bytes.
  EXPECT_EQ(back->Serialize(), bytes);
}

TEST(NerModel, RejectsBadMagicNewerVersionAndDamage) {
  std::string bytes = SmallModel().Serialize();
  std::string bad_magic = bytes;
  bad_magic[0] = 'X';
  Result<NerModel> r = NerModel::Parse(bad_magic);
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);

  std::string newer = bytes;
  uint32_t version = kNerFormatVersion + 1;
  std::memcpy(newer.data() + 4, &version, 4);
  r = NerModel::Parse(newer);
  EXPECT_EQ(r.status().code(), Status::Code::kUnsupported);
  EXPECT_NE(r.status().message().find("newer"), std::string::npos);

  r = NerModel::Parse(std::string_view(bytes).substr(0, bytes.size() / 2));
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
  std::string flipped = bytes;
  flipped[bytes.size() - 10] ^= 0x55;  // caught by the zstd checksum
  EXPECT_FALSE(NerModel::Parse(flipped).ok());
  EXPECT_FALSE(NerModel::Parse("").ok());
}

TEST(NerModel, SaveLoadFile) {
  ScopedTempDir tmp("model_io");
  const std::string path = tmp / "model.bin";
  ASSERT_TRUE(SmallModel().Save(path).ok());
  Result<NerTagger> t = NerTagger::Load(path);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->model().args.lang, "xx");
  // A model with (almost) no weights tags nothing, without failing.
  EXPECT_TRUE(t->TagSentence({"Hello", "world"}).empty());
  std::filesystem::remove(path);
  EXPECT_EQ(NerTagger::Load(path).status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace dossier::ner
