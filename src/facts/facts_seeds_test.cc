// End to end over the demo corpus samples/ (the seed articles): time and
// facts stages on each article, then conflicts across them. The seeds carry
// no publication date, so every anchor is estimated from the text.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "clean/language.h"
#include "facts/conflicts.h"
#include "facts/facts_test_util.h"

namespace dossier {
namespace {

std::vector<ArticleFacts> SeedFacts() {
  std::vector<ArticleFacts> out;
  std::vector<std::filesystem::path> files;
  for (const auto& e :
       std::filesystem::directory_iterator(std::string(DOSSIER_SOURCE_DIR) + "/samples")) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  LanguageDetector detector;
  for (const auto& path : files) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    std::string lang = detector.Detect(text).code;
    if (lang != "en" && lang != "fr") continue;
    out.push_back(FactsOf(path.stem().string(), text, lang, ""));
  }
  return out;
}

TEST(FactsSeeds, FiguresAndTheKillingDatedTwoWays) {
  std::vector<ArticleFacts> facts = SeedFacts();
  ASSERT_EQ(facts.size(), 5u);
  int troops = 0;
  for (const ArticleFacts& a : facts) {
    for (const NumericClaim& c : a.figures)
      troops += c.counted == "troops" || c.nationality == "US";
  }
  EXPECT_GE(troops,
            4);  // 5,000 American soldiers, 2,800 soldiers, 5,200 troops, 2.500 Américains, ...
  std::vector<Conflict> conflicts = FindConflicts(facts);
  const Conflict* date = nullptr;
  for (const Conflict& c : conflicts) {
    if (c.kind == ConflictKind::kDate) date = &c;
  }
  ASSERT_NE(date, nullptr);
  EXPECT_NE(date->description.find("2019-01"), std::string::npos) << date->description;
  EXPECT_NE(date->description.find("2020-01"), std::string::npos) << date->description;
  EXPECT_GE(date->articles.size(), 2u);
  // 5,000 (some) and 5,200 (about) agree; 2,500 is a later figure: no figure conflict.
  for (const Conflict& c : conflicts) EXPECT_EQ(c.kind, ConflictKind::kDate) << c.description;
}

}  // namespace
}  // namespace dossier
