// Tests for text/abbreviations.h and the embedded data/abbreviations files.
#include "text/abbreviations.h"

#include <gtest/gtest.h>

#include "text/abbreviation_data.h"

namespace dossier::text_internal {
namespace {

using Kind = AbbreviationRules::Kind;

TEST(AbbreviationRulesTest, EveryEmbeddedFileParses) {
  ASSERT_GE(kAbbreviationFileCount, 6u);
  for (size_t i = 0; i < kAbbreviationFileCount; ++i) {
    Result<AbbreviationRules> rules = AbbreviationRules::Parse(kAbbreviationFiles[i].content);
    ASSERT_TRUE(rules.ok()) << kAbbreviationFiles[i].name << ": " << rules.status().ToString();
    EXPECT_GT(rules->size(), 20u) << kAbbreviationFiles[i].name;
  }
  for (const char* lang : {"en", "fr", "de", "es", "it", "pt"}) {
    EXPECT_GT(AbbreviationRules::ForLanguage(lang).size(), 20u) << lang;
  }
  EXPECT_EQ(AbbreviationRules::ForLanguage("xx").size(), 0u);
  EXPECT_GT(AbbreviationRules::ForLanguage("EN-gb").size(), 20u);
}

TEST(AbbreviationRulesTest, ParseErrorsNameTheLine) {
  struct {
    const char* content;
    const char* error;
  } kCases[] = {
      {"# header\nMr.\n", "line 2: entry before any section"},
      {"[never]\nMr.\n[often]\n", "line 3: unknown section [often]"},
      {"[never]\nMr.\n\n[may-end]\nMr.\n", "line 5: duplicate entry Mr."},
  };
  for (const auto& c : kCases) {
    Result<AbbreviationRules> r = AbbreviationRules::Parse(c.content);
    ASSERT_FALSE(r.ok()) << c.content;
    EXPECT_NE(r.status().message().find(c.error), std::string::npos) << r.status().ToString();
  }
}

TEST(AbbreviationRulesTest, Classify) {
  Result<AbbreviationRules> r = AbbreviationRules::Parse(
      "[never]\r\nDr.\n[may-end]\n  Inc.  \n[before-number]\nNo.\n[starters]\nThe\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  struct {
    const char* word;
    Kind kind;
  } kCases[] = {
      {"Dr.", Kind::kNever},        {"(Dr.", Kind::kNever},
      {"“Dr.", Kind::kNever},       {"dr.", Kind::kNone},
      {"Dr", Kind::kNone},          {"Inc.", Kind::kMayEnd},
      {"No.", Kind::kBeforeNumber}, {"J.", Kind::kNever},
      {"É.", Kind::kNever},         {"Ж.", Kind::kNever},
      {"j.", Kind::kNone},          {"JJ.", Kind::kNone},
      {"U.S.", Kind::kMayEnd},      {"a.m.", Kind::kMayEnd},
      {"Ph.D.", Kind::kMayEnd},     {"U.S", Kind::kNone},
      {"Iraq.", Kind::kNone},       {"5.", Kind::kNone},
      {"1.2.", Kind::kNone},        {"ABC.DEF.", Kind::kNone},
      {".", Kind::kNone},           {"", Kind::kNone},
  };
  for (const auto& c : kCases) EXPECT_EQ(r->Classify(c.word), c.kind) << c.word;
}

TEST(AbbreviationRulesTest, KeepsBreak) {
  Result<AbbreviationRules> r = AbbreviationRules::Parse(
      "[never]\nDr.\n[may-end]\nInc.\n[before-number]\nNo.\n"
      "[starters]\nThe\nL\n");
  ASSERT_TRUE(r.ok());
  struct {
    const char* word;
    const char* next;
    bool keeps;
  } kCases[] = {
      {"Iraq.", "The", true},     {"Dr.", "The", false},       {"Inc.", "CEO", false},
      {"Inc.", "The deal", true}, {"Inc.", "“The deal", true}, {"Inc.", "L'armée", true},
      {"Inc.", "Les", false},     {"No.", "10", false},        {"No.", "(10)", false},
      {"No.", "It", true},        {"U.S.", "Army", false},     {"U.S.", "The", true},
      {"J.", "The", false},       {"Inc.", "", false},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(r->KeepsBreak(c.word, c.next), c.keeps) << c.word << " " << c.next;
  }
}

}  // namespace
}  // namespace dossier::text_internal
