#include "entities/model_registry.h"

#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>

#include "base/scoped_temp_dir.h"

namespace dossier::ner {
namespace {

TEST(ModelRegistry, EnvironmentComesFirstThenSourceTree) {
  ::setenv("DOSSIER_MODELS", "/tmp/a:/tmp/b", 1);
  std::vector<std::string> dirs = ModelRegistry::DefaultModelDirs();
  ::unsetenv("DOSSIER_MODELS");
  ASSERT_GE(dirs.size(), 4u);
  EXPECT_EQ(dirs[0], "/tmp/a");
  EXPECT_EQ(dirs[1], "/tmp/b");
  EXPECT_EQ(dirs[2], std::string(DOSSIER_SOURCE_DIR) + "/models");
  EXPECT_NE(dirs[3].find("share/dossier/models"), std::string::npos);
}

TEST(ModelRegistry, MissingModelIsAClearNotFound) {
  ModelRegistry r({"/nonexistent/one", "/nonexistent/two"});
  Result<std::string> p = r.FindNer("en");
  ASSERT_EQ(p.status().code(), Status::Code::kNotFound);
  EXPECT_NE(p.status().message().find("/nonexistent/two/ner-en.bin"), std::string::npos);
  EXPECT_NE(p.status().message().find("DOSSIER_MODELS"), std::string::npos);
  EXPECT_EQ(r.Ner("en").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(r.FindNer("../etc").status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(r.FindNer("EN").status().code(), Status::Code::kInvalidInput);
}

TEST(ModelRegistry, FindsAndSharesAModel) {
  ScopedTempDir tmp("model_registry");
  const std::filesystem::path dir = tmp.path();
  NerModel m;
  std::vector<float> w((size_t{1} << 10) * kNumLabels, 0.0f);
  m.args.hash_bits = 10;
  m.weights = WeightTable::FromDense(10, {&w}, 0.0f);
  ASSERT_TRUE(m.Save((dir / "ner-xx.bin").string()).ok());
  ModelRegistry r({"/nonexistent", dir.string()});
  Result<std::shared_ptr<const NerTagger>> a = r.Ner("xx");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  Result<std::shared_ptr<const NerTagger>> b = r.Ner("xx");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->get(), b->get());  // loaded once
  // A damaged file is Corruption, not NotFound.
  FILE* f = std::fopen((dir / "ner-yy.bin").c_str(), "wb");
  std::fputs("not a model", f);
  std::fclose(f);
  EXPECT_EQ(r.Ner("yy").status().code(), Status::Code::kCorruption);
}

}  // namespace
}  // namespace dossier::ner
