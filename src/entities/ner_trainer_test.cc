#include "entities/ner_trainer.h"

#include <filesystem>
#include <fstream>
#include <random>

#include <gtest/gtest.h>

#include "base/scoped_temp_dir.h"
#include "entities/tagger.h"

namespace dossier::ner {
namespace {

namespace fs = std::filesystem;

// A small synthetic corpus in CoNLL format (IOB1, as eng.train): people
// visit cities and talk to organisations, in documents of a few sentences.
void WriteCorpus(const fs::path& path, uint32_t seed, int documents) {
  const char* first[] = {"Anna", "Peter", "Maria", "Jon", "Li", "Omar", "Sara", "Ivan"};
  const char* last[] = {"Berg", "Khan", "Silva", "Novak", "Tanaka", "Haddad", "Moreau"};
  const char* city[] = {"Lyon", "Oslo", "Quito", "Accra", "Hanoi", "Perth", "Bergen"};
  const char* org[] = {"Acme", "Globex", "Initech", "Umbrella", "Hooli"};
  std::mt19937 rng(seed);
  auto pick = [&](const auto& a) { return a[rng() % (sizeof(a) / sizeof(a[0]))]; };
  std::ofstream out(path);
  for (int d = 0; d < documents; ++d) {
    out << "-DOCSTART- -X- O O\n\n";
    for (int s = 0; s < 4; ++s) {
      out << pick(first) << " x x I-PER\n" << pick(last) << " x x I-PER\n";
      out << (rng() % 2 ? "visited" : "left") << " x x O\n" << pick(city) << " x x I-LOC\n";
      out << "with x x O\n"
          << pick(org) << " x x I-ORG\n"
          << "staff x x O\n. x x O\n\n";
    }
  }
}

TEST(NerTrainer, TrainsATwoStageModelThatTags) {
  ScopedTempDir tmp("ner_trainer");
  const fs::path dir = tmp.path();
  WriteCorpus(dir / "train.conll", 1, 40);
  {
    std::ofstream text(dir / "text.txt");
    for (int i = 0; i < 50; ++i)
      text << "Yesterday Anna Berg visited Lyon with the staff of Acme.\n";
  }
  NerArgs args;
  args.hash_bits = 16;
  args.epochs = 4;
  args.patience = 2;
  args.folds = 2;
  args.clusters = 16;
  NerTrainInput input;
  input.train_files = {(dir / "train.conll").string()};
  input.unlabeled = {dir.string()};
  std::vector<std::string> log;
  Result<NerModel> m =
      TrainNerModel(args, input, [&](const std::string& line) { log.push_back(line); });
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->weights.blocks(), 2);
  EXPECT_NE(m->args.scores.find("stage 2"), std::string::npos);
  EXPECT_GT(m->lexicon.size(), 10u);
  ASSERT_FALSE(log.empty());
  EXPECT_NE(log[0].find("training documents"), std::string::npos);

  NerTagger tagger(std::move(*m));
  std::vector<std::string_view> tokens = {"Omar", "Tanaka", "left",  "Accra",
                                          "with", "Hooli",  "staff", "."};
  std::vector<EntitySpan> spans = tagger.TagSentence(tokens);
  std::vector<EntitySpan> want = {
      {0, 1, EntityType::kPer, 0}, {3, 3, EntityType::kLoc, 0}, {5, 5, EntityType::kOrg, 0}};
  EXPECT_EQ(spans, want);

  // Errors are Status values naming the problem.
  input.train_files = {(dir / "missing.conll").string()};
  EXPECT_EQ(TrainNerModel(args, input, [](const std::string&) {}).status().code(),
            Status::Code::kNotFound);
}

}  // namespace
}  // namespace dossier::ner
