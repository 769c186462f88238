#include "entities/name_matcher.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "entities/identity_resources.h"
#include "entities/identity_test_util.h"
#include "entities/token_similarity.h"

namespace dossier::identity {
namespace {

TEST(TokenSimilarity, TransliterationAndTypos) {
  EXPECT_DOUBLE_EQ(TokenSimilarity("kadhemi", "kazimi"), 1.0);
  EXPECT_GT(TokenSimilarity("emmanual", "emmanuel"), 0.9);
  EXPECT_LT(TokenSimilarity("jongun", "jongil"), 0.8);
  EXPECT_LT(TokenSimilarity("khamenei", "khomeini"), 0.9);
  EXPECT_GT(TokenSimilarity("jonhson", "johnson"), 0.8);
  EXPECT_DOUBLE_EQ(TokenSimilarity("g", "george"), 0.9);
  EXPECT_DOUBLE_EQ(TokenSimilarity("", "george"), 0.0);
}

struct Touchstone {
  const char* a;
  const char* b;
  bool match;
};

// The identity stage's touchstone pairs: each must be decided right.
const Touchstone kTouchstones[] = {
    {"Moustafa al-Kazimi", "Mustafa al-Kadhemi", true},
    {"Moustafa al-Kazimi", "Al-Kadhemi", true},
    {"Moustafa al-Kazimi", "al-Kadhimi", true},
    {"Moustafa al-Kazimi", "Kadhimi", true},
    {"Mustafa al-Kadhemi", "al-Kadhimi", true},
    {"Mustafa al-Kadhemi", "Kadhimi", true},
    {"Al-Kadhemi", "Kadhimi", true},
    {"al-Kadhimi", "Kadhimi", true},
    {"Emmanual Macron", "Emmanuel Macron", true},
    {"Qasem Soleimani", "Qassem Soleimani", true},
    {"Barham Saleh", "Barham Salih", true},
    {"Irak", "Iraq", true},
    {"Etat islamique (EI)", "Islamic State (IS)", true},
    {"Etat islamique (EI)", "ISIS", true},
    {"Etat islamique (EI)", "Daesh", true},
    {"Islamic State (IS)", "ISIS", true},
    {"Islamic State (IS)", "Daesh", true},
    {"ISIS", "Daesh", true},
    {"Qassem al-Araji", "Qassem Soleimani", false},
    {"Fuad Hussein", "Saddam Hussein", false},
    {"George Bush", "George Clooney", false},
    {"Kim Jong-un", "Kim Jong-il", false},
};

TEST(NameMatcher, Touchstones) {
  const NameMatcher& m = testing::Resources().matcher();
  for (const Touchstone& t : kTouchstones) {
    NameMatch r = m.Match(t.a, t.b);
    EXPECT_EQ(r.match, t.match) << t.a << " / " << t.b << ": " << r.score << " "
                                << MatchKindName(r.kind);
    NameMatch s = m.Match(t.b, t.a);
    EXPECT_EQ(s.match, t.match) << t.b << " / " << t.a << " (swapped)";
  }
}

struct RuleCase {
  const char* a;
  const char* b;
  const char* type;  // "" = unknown
  MatchKind kind;
  bool match;
};

// One case per rule of name_matcher.h.
const RuleCase kRules[] = {
    {"Moustafa al-Kazimi", "Moustafa al-Kazimi", "", MatchKind::kExact, true},
    {"Emmanual Macron", "Emmanuel Macron", "PER", MatchKind::kFullName, true},
    {"Macron Emmanuel", "Emmanuel Macron", "PER", MatchKind::kFullName, true},
    {"Kim Jong Un", "Kim Jong-un", "PER", MatchKind::kExact, true},
    {"Lloyd J. Austin", "Lloyd Austin", "PER", MatchKind::kFullName, true},
    {"Macron", "Emmanuel Macron", "PER", MatchKind::kShortForm, true},
    {"Emmanuel", "Emmanuel Macron", "PER", MatchKind::kGivenOnly, false},
    {"Fuad Hussein", "Saddam Hussein", "PER", MatchKind::kFamilyOnly, false},
    {"Qassem al-Araji", "Qassem Soleimani", "PER", MatchKind::kGivenOnly, false},
    {"HRW", "Human Rights Watch", "ORG", MatchKind::kAcronym, true},
    {"Coalition", "Global Coalition", "ORG", MatchKind::kPartial, false},
    {"Daesh", "ISIS", "ORG", MatchKind::kAlias, true},
    {"Allemagne", "Germany", "LOC", MatchKind::kAlias, true},
    {"américain", "Etats-Unis", "LOC", MatchKind::kDemonym, true},
    {"Washington", "United States", "LOC", MatchKind::kMetonym, false},
    {"Austria", "Australia", "LOC", MatchKind::kConflict, false},
    {"Iranian", "Iraq", "LOC", MatchKind::kConflict, false},
    {"Erbil", "Arbil", "LOC", MatchKind::kFullName, true},
    {"Erbil", "Arbil", "PER", MatchKind::kNone, false},
    {"Khamenei", "Khomeini", "PER", MatchKind::kNone, false},
    {"", "Iraq", "", MatchKind::kNone, false},
};

TEST(NameMatcher, Rules) {
  const NameMatcher& m = testing::Resources().matcher();
  for (const RuleCase& c : kRules) {
    std::optional<ner::EntityType> type;
    if (c.type[0] != '\0') type = ner::ParseEntityType(c.type);
    NameMatch r = m.Match(c.a, c.b, type);
    EXPECT_EQ(MatchKindName(r.kind), MatchKindName(c.kind)) << c.a << " / " << c.b;
    EXPECT_EQ(r.match, c.match) << c.a << " / " << c.b << ": " << r.score;
    EXPECT_GE(r.score, 0.0);
    EXPECT_LE(r.score, 1.0);
  }
}

TEST(NameMatcher, DeclaredNames) {
  EXPECT_EQ(NameMatcher::DeclaredNames("Etat islamique (EI)"),
            (std::vector<std::string>{"Etat islamique", "EI"}));
  EXPECT_EQ(NameMatcher::DeclaredNames("Iraq"), (std::vector<std::string>{"Iraq"}));
  EXPECT_EQ(NameMatcher::DeclaredNames("(IS)"), (std::vector<std::string>{"IS"}));
  EXPECT_EQ(NameMatcher::DeclaredNames("()"), (std::vector<std::string>{"()"}));
}

TEST(NameMatcher, WithoutAliasTableUsesNamesOnly) {
  NameNormalizer normalizer;
  NameMatcher m(&normalizer, nullptr);
  EXPECT_FALSE(m.Match("Daesh", "ISIS").match);
  EXPECT_TRUE(m.Match("Irak", "Iraq").match);  // the key folds q/k
  EXPECT_TRUE(m.Match("IS", "Islamic State").match);
}

// Precision and recall on data/entities/name_pairs.tsv, the set
// bench/name_match_bench.py reports on. The floors sit a little under the
// measured figures (P 0.998, R 0.980 on 635 pairs) so that a change that
// loses ground fails here.
TEST(NameMatcher, LabelledPairsStayAboveFloors) {
  const std::filesystem::path path =
      std::filesystem::path(DOSSIER_SOURCE_DIR) / "data" / "entities" / "name_pairs.tsv";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  const NameMatcher& m = testing::Resources().matcher();
  int tp = 0, fp = 0, fn = 0, tn = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string field; std::getline(ss, field, '\t');) f.push_back(field);
    ASSERT_EQ(f.size(), 5u) << line;
    std::optional<ner::EntityType> type;
    if (!f[2].empty()) type = ner::ParseEntityType(f[2]);
    const bool label = f[3] == "1";
    const bool match = m.Match(f[0], f[1], type).match;
    (match ? (label ? tp : fp) : (label ? fn : tn)) += 1;
  }
  ASSERT_GE(tp + fp + fn + tn, 300);
  ASSERT_GE(fp + tn, 100);  // enough negatives to measure precision
  const double precision = static_cast<double>(tp) / (tp + fp);
  const double recall = static_cast<double>(tp) / (tp + fn);
  EXPECT_GE(precision, 0.98) << "tp " << tp << " fp " << fp;
  EXPECT_GE(recall, 0.96) << "tp " << tp << " fn " << fn;
}

}  // namespace
}  // namespace dossier::identity
