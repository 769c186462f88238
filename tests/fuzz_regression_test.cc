// Replays every file of fuzz/regressions/<target>/ (inputs that once made a
// fuzz target crash, leak or hang) and of the seed corpora
// fuzz/corpus/<target>/ through that target's entry point. A target checks
// its invariants with abort(), so a regression fails this test loudly; the
// test names each file before running it.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#define FUZZ_ENTRY(name) extern "C" int FuzzEntry_##name(const uint8_t* data, size_t size);
#include "fuzz_entries.inc"
#undef FUZZ_ENTRY

namespace {

namespace fs = std::filesystem;
using Entry = int (*)(const uint8_t*, size_t);

const std::map<std::string, Entry>& Entries() {
#define FUZZ_ENTRY(name) {#name, &FuzzEntry_##name},
  static const std::map<std::string, Entry> entries = {
#include "fuzz_entries.inc"
  };
#undef FUZZ_ENTRY
  return entries;
}

// Replays every file under fuzz/<dir>/<target>/; returns how many ran.
size_t Replay(const std::string& dir) {
  size_t replayed = 0;
  fs::path root = fs::path(DOSSIER_SOURCE_DIR) / "fuzz" / dir;
  if (!fs::exists(root)) return 0;
  for (const auto& target_dir : fs::directory_iterator(root)) {
    if (!target_dir.is_directory()) continue;
    std::string target = target_dir.path().filename().string();
    auto entry = Entries().find(target);
    EXPECT_NE(entry, Entries().end()) << "no fuzz target " << target << " for " << root;
    if (entry == Entries().end()) continue;
    std::vector<fs::path> files;
    for (const auto& f : fs::directory_iterator(target_dir)) {
      if (f.is_regular_file()) files.push_back(f.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      std::ifstream in(file, std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      std::string data = bytes.str();
      SCOPED_TRACE(file.string());
      std::fprintf(stderr, "replay %s\n", file.string().c_str());
      EXPECT_EQ(entry->second(reinterpret_cast<const uint8_t*>(data.data()), data.size()), 0);
      ++replayed;
    }
  }
  return replayed;
}

TEST(FuzzRegressionTest, EveryTargetHasSeeds) {
  for (const auto& [name, entry] : Entries()) {
    fs::path seeds = fs::path(DOSSIER_SOURCE_DIR) / "fuzz" / "corpus" / name;
    EXPECT_TRUE(fs::is_directory(seeds) && !fs::is_empty(seeds)) << "no seeds for " << name;
  }
}

TEST(FuzzRegressionTest, RegressionInputsStayFixed) { Replay("regressions"); }

TEST(FuzzRegressionTest, SeedCorporaRunClean) { EXPECT_GT(Replay("corpus"), 0u); }

}  // namespace
