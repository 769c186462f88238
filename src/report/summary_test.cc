// Tests for the extractive summary: boilerplate and fragments are never
// chosen, copies are chosen once, and the choice crosses languages.
#include "report/summary.h"

#include <set>

#include <gtest/gtest.h>

namespace dossier::report {
namespace {

SummaryArticle Make(const std::string& id, const std::string& language, const std::string& text,
                    const std::string& date = "2021-01-04") {
  SummaryArticle a;
  a.source.article = id;
  a.source.outlet = "Outlet " + id;
  a.source.language = language;
  a.source.published = date;
  a.text = text;
  return a;
}

const std::string kStory =
    "The minister arrived in Baghdad on Thursday for talks with the Iraqi government.\n\n"
    "The talks in Baghdad covered the withdrawal of foreign troops from Iraq this year.\n\n"
    "Officials said the withdrawal of troops would continue next week.\n\n"
    "Short line.";

TEST(SummaryTest, LeavesOutCommentPoliciesAndFragments) {
  const std::string text = kStory +
                           "\n\nComments\n\n"
                           "Example News moderates all comments submitted on our website about "
                           "the talks in Baghdad and the withdrawal of troops from Iraq.\n\n"
                           "Post a comment";
  SummaryOptions options;
  options.max_sentences = 10;
  std::vector<SummarySentence> s = Summarize({Make("a", "en", text)}, options);
  ASSERT_EQ(s.size(), 3u);  // the three story sentences, nothing else
  for (const SummarySentence& x : s) {
    EXPECT_EQ(x.text.find("comment"), std::string::npos) << x.text;
    EXPECT_NE(x.text, "Short line.");
    EXPECT_EQ(text.substr(x.source.start, x.source.end - x.source.start), x.text);
  }
  // Reading order.
  EXPECT_LT(s[0].source.start, s[1].source.start);
  EXPECT_LT(s[1].source.start, s[2].source.start);
}

TEST(SummaryTest, ACopyIsChosenOnce) {
  SummaryOptions options;
  options.max_sentences = 6;
  std::vector<SummarySentence> s =
      Summarize({Make("a", "en", kStory), Make("b", "en", kStory)}, options);
  std::set<std::string> texts;
  for (const SummarySentence& x : s) EXPECT_TRUE(texts.insert(x.text).second) << x.text;
  EXPECT_EQ(s.size(), 3u);
}

TEST(SummaryTest, CentralSentencesWinAndLanguagesAreCrossed) {
  const std::string other =
      "The minister met the Iraqi prime minister in Baghdad to discuss the withdrawal of "
      "troops.\n\n"
      "A local football team won its match on Sunday evening in a nearby stadium.";
  const std::string french =
      "Le ministre est arrivé à Bagdad jeudi pour des discussions avec le gouvernement irakien.";
  SummaryOptions options;
  options.max_sentences = 3;
  std::vector<SummarySentence> s = Summarize(
      {Make("a", "en", kStory), Make("b", "en", other), Make("c", "fr", french)}, options);
  ASSERT_EQ(s.size(), 3u);
  std::set<std::string> languages;
  for (const SummarySentence& x : s) {
    languages.insert(x.source.language);
    EXPECT_EQ(x.text.find("football"), std::string::npos) << x.text;
  }
  EXPECT_EQ(languages.size(), 2u);
}

TEST(SummaryTest, EntitiesLinkSentencesAcrossLanguages) {
  // Two sentences share nothing but the entity they name; it makes them
  // more central than a sentence naming nothing shared.
  SummaryArticle en = Make("a", "en", "Kadhimi spoke to the parliament about the budget today.");
  SummaryArticle fr = Make("b", "fr", "Le Premier ministre Kazimi a parlé longuement hier soir.");
  SummaryArticle noise =
      Make("c", "de", "Das Wetter in der Stadt war gestern sehr schön und warm.");
  en.entities = {{0, 7}};
  fr.entities = {{20, 7}};
  SummaryOptions options;
  options.max_sentences = 1;
  options.new_language_bonus = 0;
  options.new_article_bonus = 0;
  std::vector<SummarySentence> s = Summarize({noise, en, fr}, options);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_NE(s[0].source.article, "c");
}

TEST(SummaryTest, NothingToSummarise) {
  EXPECT_TRUE(Summarize({}).empty());
  EXPECT_TRUE(Summarize({Make("a", "en", "Too short.")}).empty());
  SummaryOptions none;
  none.max_sentences = 0;
  EXPECT_TRUE(Summarize({Make("a", "en", kStory)}, none).empty());
}

}  // namespace
}  // namespace dossier::report
