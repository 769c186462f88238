#include "entities/display_name.h"

#include <gtest/gtest.h>

#include "entities/identity_test_util.h"

namespace dossier::identity {
namespace {

std::string Shown(const std::vector<NameVariant>& variants) {
  std::vector<NameKey> keys;
  for (const NameVariant& v : variants) {
    keys.push_back(MakeNameKey(testing::Resources().normalizer(), v.text));
  }
  return variants[DisplayNameIndex(variants, keys)].text;
}

TEST(DisplayName, TheFullNameMostUsed) {
  EXPECT_EQ(Shown({{"Clinton", 3219},
                   {"Hillary Clinton", 938},
                   {"Hillary Rodham Clinton", 18},
                   {"Hillary & Chelsea Clinton Foundation", 1}}),
            "Hillary Clinton");
  EXPECT_EQ(Shown({{"Macron", 2}, {"Emmanual Macron", 1}, {"Emmanuel Macron", 6}}),
            "Emmanuel Macron");
  // Ties: more tokens, then the first seen.
  EXPECT_EQ(Shown({{"Barham Saleh", 1}, {"Barham Salih", 1}}), "Barham Saleh");
  EXPECT_EQ(Shown({{"Kadhimi", 2}}), "Kadhimi");
}

TEST(DisplayName, ARareFullNameIsNoName) {
  EXPECT_EQ(Shown({{"Bernie", 50}, {"Talk Bernie", 1}}), "Bernie");
  EXPECT_EQ(Shown({{"Pompeo", 40}, {"Mike Pompeo", 2}}), "Mike Pompeo");
}

}  // namespace
}  // namespace dossier::identity
