// Tests for clean/phrase_matcher.h.
#include "clean/phrase_matcher.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace dossier {
namespace {

std::vector<std::string> Matches(const PhraseMatcher& m, std::string_view text) {
  std::vector<std::string> out;
  const std::string folded = LowerForMatching(text);
  m.ForEachMatch(folded, [&](const PhraseMatch& x) {
    out.push_back(std::to_string(x.tag) + ":" + std::string(text.substr(x.begin, x.end - x.begin)));
  });
  return out;
}

TEST(PhraseMatcherTest, FindsOverlappingPhrasesAtWordBoundaries) {
  PhraseMatcher m;
  m.Add("comment", 1);
  m.Add("comments", 2);
  m.Add("post a comment", 3);
  m.Add("à lire aussi", 4);
  m.Add("lire aussi", 5);
  m.Add("/afp", 6);
  m.Add("he", 7);
  m.Build();
  struct Case {
    std::string_view text;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"Post a comment", {"3:Post a comment", "1:comment"}},
      {"No commentary here", {}},
      {"Comments:", {"2:Comments"}},
      {"À LIRE AUSSI -", {"4:À LIRE AUSSI", "5:LIRE AUSSI"}},
      {"Photo: X/AFP.", {"6:/AFP"}},
      {"Photo: X/AFPX", {}},
      {"the hen", {}},
      {"he, she", {"7:he"}},
      {"", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.text));
    EXPECT_EQ(Matches(m, c.text), c.want);
  }
}

TEST(PhraseMatcherTest, ManyPhrases) {
  PhraseMatcher m;
  for (int i = 0; i < 500; ++i) m.Add("word" + std::to_string(i), static_cast<uint32_t>(i));
  m.Build();
  EXPECT_EQ(m.phrase_count(), 500u);
  EXPECT_EQ(Matches(m, "x word42 word499 word5000"),
            (std::vector<std::string>{"42:word42", "499:word499"}));
}

}  // namespace
}  // namespace dossier
