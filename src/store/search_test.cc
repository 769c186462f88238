// Tests for Store::Search and the query builder (store/search_query.h):
// ranking, stems, snippets, paging, and query text that looks like FTS5 or
// SQL syntax.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "store/search_query.h"
#include "store/snippet.h"
#include "store/stems.h"
#include "store/store.h"
#include "store/store_testutil.h"

namespace dossier {
namespace {

using store_internal::BuildMatchExpression;
using store_internal::MakeSnippet;
using store_internal::QueryWords;
using store_internal::QuoteFts5;
using store_internal::SnippetTerms;
using testing::Cat;
using testing::MakeArticle;
using testing::StoreTest;

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : "|") + w;
  return out;
}

TEST(QueryWordsTest, Table) {
  struct {
    const char* text;
    const char* words;
  } kCases[] = {
      {"", ""},
      {"   ", ""},
      {"Hello, world!", "Hello|world"},
      {"(Macron) «Bagdad»", "Macron|Bagdad"},
      {"al-Kazimi U.S. 5,000", "al-Kazimi|U.S|5,000"},
      {"' OR 1=1 --", "OR|1=1"},
      {"\"unterminated", "unterminated"},
      {"NEAR(a b)", "NEAR(a|b"},
      {"title:foo {text}:x", "title:foo|text}:x"},
      {"* ^x a AND", "x|a|AND"},
      {"tab\tnew\nline\u00a0nbsp\u3000ideo", "tab|new|line|nbsp|ideo"},
      {"bad\xff\xfe"
       "bytes",
       "bad|bytes"},
      {"Président ПРЕЗИДЕНТ 中国", "Président|ПРЕЗИДЕНТ|中国"},
      {"!!! ... ---", ""},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(Join(QueryWords(c.text)), c.words) << c.text;
  }
  // Embedded NUL needs an explicit length.
  EXPECT_EQ(Join(QueryWords(std::string_view("nul\0inside", 10))), "nul|inside");
}

TEST(QueryWordsTest, AtMostSixtyFourWords) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += Cat("w", std::to_string(i), " ");
  std::vector<std::string> words = QueryWords(text);
  ASSERT_EQ(words.size(), store_internal::kMaxQueryWords);
  EXPECT_EQ(words.back(), "w63");
}

TEST(QueryBuilderTest, QuotesAndGroups) {
  EXPECT_EQ(QuoteFts5("plain"), "\"plain\"");
  EXPECT_EQ(QuoteFts5("a\"b\"\""), "\"a\"\"b\"\"\"\"\"");
  SearchQuery q;
  q.text = "French troops";
  q.stems = {"french troop", "", "!!", "french \"troop"};
  EXPECT_EQ(BuildMatchExpression(q),
            "({title text} : (\"French\" AND \"troops\")) OR "
            "(\"french\" AND \"troop\")");
  // A stems group with the words' tokens implies the words group.
  q.text = "North Carolina";
  q.stems = {"north carolina", "north carolin"};
  EXPECT_EQ(BuildMatchExpression(q), "(\"north\" AND \"carolina\") OR (\"north\" AND \"carolin\")");
  // A phrase is not implied by its words apart.
  q.text = "al-Kazimi";
  q.stems = {"al kazimi"};
  EXPECT_EQ(BuildMatchExpression(q), "({title text} : (\"al-Kazimi\")) OR (\"al\" AND \"kazimi\")");
  q.text = "?!";
  q.stems.clear();
  EXPECT_EQ(BuildMatchExpression(q), "");
}

TEST(SnippetTest, TermsAreFoldedTokensOfTheQueryWords) {
  EXPECT_EQ(SnippetTerms({"al-Kazimi", "Élysée", "AL"}),
            (std::vector<std::string>{"al", "kazimi", "elysee"}));
}

TEST(SnippetTest, TheWindowWithTheMostDistinctTermsWins) {
  std::string text = "Macron spoke. ";
  for (int i = 0; i < 40; ++i) text += "filler ";
  text += "Then Macron met al-Kazimi in Bagdâd, and Macron left.";
  const std::string snippet = MakeSnippet(text, SnippetTerms({"macron", "kazimi", "bagdad"}), 12);
  // The window holding a second "Macron" has more hits than the one with
  // more context before the first.
  EXPECT_EQ(snippet, "\u2026filler Then [Macron] met al-[Kazimi] in [Bagdâd], and [Macron] left");
}

TEST(SnippetTest, NoHitGivesTheOpening) {
  EXPECT_EQ(MakeSnippet("One two three four.", {"five"}, 3), "One two three\u2026");
  EXPECT_EQ(MakeSnippet("One two.", {"two"}, 30), "One [two]");
  EXPECT_EQ(MakeSnippet("One\n\n  two.", {"two"}, 30), "One [two]");
  EXPECT_EQ(MakeSnippet("", {"two"}, 30), "");
}

TEST(DistinctStemsTest, Table) {
  struct {
    const char* in;
    const char* out;
  } kCases[] = {
      {"", ""},
      {"   ", ""},
      {"troop", "troop"},
      {"troop the troop left the base", "troop the left base"},
      {"  a\tb\n a  b c ", "a b c"},
      {"présid présid président", "présid président"},
  };
  for (const auto& c : kCases) EXPECT_EQ(store_internal::DistinctStems(c.in), c.out) << c.in;
}

class SearchTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    store_ = OpenStore();
    ASSERT_NE(store_, nullptr);
  }
  void Put(const std::string& id, const std::string& title, const std::string& text,
           const std::string& stems = "") {
    AnalyzedArticle a = MakeArticle(id, text);
    a.article.title = title;
    a.stems = stems;
    Result<PutOutcome> r = store_->PutArticles({a});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  std::vector<std::string> Ids(const std::string& text, std::vector<std::string> stems = {},
                               size_t limit = 20, size_t offset = 0) {
    SearchQuery q;
    q.text = text;
    q.stems = std::move(stems);
    q.limit = limit;
    q.offset = offset;
    Result<std::vector<SearchHit>> hits = store_->Search(q);
    EXPECT_TRUE(hits.ok()) << text << ": " << hits.status().ToString();
    std::vector<std::string> ids;
    if (hits.ok()) {
      for (const SearchHit& h : *hits) ids.push_back(h.id);
    }
    return ids;
  }
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Backends, SearchTest,
                         ::testing::Values(testing::Backend::kSqlite, testing::Backend::kPostgres),
                         testing::BackendName);

TEST_P(SearchTest, TitleMatchRanksAboveBodyMatch) {
  Put("body", "Weather report", "Rain in Baghdad today. Sun tomorrow in Erbil and Mosul.");
  Put("title", "Baghdad news", "Rain today. Sun tomorrow in Erbil and Mosul and Basra.");
  Put("none", "Other", "Nothing relevant here at all.");
  EXPECT_EQ(Ids("baghdad"), (std::vector<std::string>{"title", "body"}));

  SearchQuery q;
  q.text = "Baghdad";
  Result<std::vector<SearchHit>> hits = store_->Search(q);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_GT((*hits)[0].score, (*hits)[1].score);
  EXPECT_EQ((*hits)[0].title, "Baghdad news");
}

TEST_P(SearchTest, ABroadQueryRanksItsMostRecentMatches) {
  // The best match (a title match) stored first, then 5,000 weaker matches.
  Put("oldest", "Baghdad news", "Baghdad news of the day.");
  std::vector<AnalyzedArticle> batch;
  for (int i = 0; i < 5000; ++i) {
    // Appended, not "a" + to_string(i): GCC 12 -O3 warns -Wrestrict on that.
    std::string id = "a", text = "Report ";
    id += std::to_string(i);
    text += std::to_string(i);
    text += " from Baghdad on the day.";
    batch.push_back(MakeArticle(id, text));
  }
  ASSERT_TRUE(store_->PutArticles(batch).ok());
  Put("newest", "Baghdad news", "Baghdad news tonight.");
  std::vector<std::string> top = Ids("baghdad news", {}, 3);
  ASSERT_FALSE(top.empty());
  EXPECT_EQ(top[0], "newest");
  // Outside the ranked window of the 5,000 most recent matches.
  std::vector<std::string> all = Ids("baghdad", {}, 20);
  EXPECT_EQ(all.size(), 20u);
  EXPECT_EQ(std::count(all.begin(), all.end(), "oldest"), 0);
  // A narrow query still finds it.
  EXPECT_EQ(Ids("news day"), (std::vector<std::string>{"oldest"}));
}

TEST_P(SearchTest, AllWordsMustMatchAndDiacriticsAreIgnored) {
  Put("fr", "Le Président", "Le président de la République est arrivé à Bagdad.");
  Put("en", "President", "The president arrived in Washington.");
  EXPECT_EQ(Ids("president bagdad"), std::vector<std::string>{"fr"});
  EXPECT_EQ(Ids("PRÉSIDENT").size(), 2u);
  EXPECT_EQ(Ids("president").size(), 2u);
  EXPECT_TRUE(Ids("president tehran").empty());
}

TEST_P(SearchTest, StemsMatchInTheStemsColumn) {
  Put("a", "Troop movements", "A troop left the base.", "troop movement a troop left the base");
  Put("b", "Discussions", "Les discussions continuent.", "discuss continu");
  EXPECT_TRUE(Ids("troops").empty());  // no literal match
  EXPECT_EQ(Ids("troops", {"troop"}), std::vector<std::string>{"a"});
  EXPECT_EQ(Ids("discussion", {"discussion", "discuss"}), std::vector<std::string>{"b"});
  // Every stem of one list must match; a number matches in the text.
  Put("c", "Figures", "About 5,000 troops.", "about troop");
  EXPECT_EQ(Ids("5,000 troops", {"5,000 troop"}), std::vector<std::string>{"c"});
  EXPECT_TRUE(Ids("troops base", {"troop tehran"}).empty());
}

TEST_P(SearchTest, SnippetsShowTheMatchInBrackets) {
  std::string text = "Opening words of the article. ";
  for (int i = 0; i < 40; ++i) text += Cat("filler", std::to_string(i), " ");
  text += "Then the minister visited Mosul on Thursday. ";
  for (int i = 0; i < 40; ++i) text += Cat("more", std::to_string(i), " ");
  Put("s", "Title", text);
  SearchQuery q;
  q.text = "mosul";
  Result<std::vector<SearchHit>> hits = store_->Search(q);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  const std::string& snippet = (*hits)[0].snippet;
  EXPECT_NE(snippet.find("[Mosul]"), std::string::npos) << snippet;
  size_t words = 1;
  for (char c : snippet) words += c == ' ';
  EXPECT_LE(words, 32u) << snippet;
  EXPECT_GE(words, 20u) << snippet;
}

TEST_P(SearchTest, OnlyTheHitsTheCallerKeepsGetASnippet) {
  Put("kept", "Mosul", "The minister visited Mosul.");
  Put("dropped", "Mosul too", "The general visited Mosul.");
  SearchQuery q;
  q.text = "mosul";
  q.wants_snippet = [](const SearchHit& h) { return h.id == "kept"; };
  Result<std::vector<SearchHit>> hits = store_->Search(q);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 2u);
  for (const SearchHit& h : *hits) {
    EXPECT_EQ(h.snippet.empty(), h.id == "dropped") << h.id << ": " << h.snippet;
  }
}

TEST_P(SearchTest, LimitAndOffsetPageThroughTheRanking) {
  for (int i = 0; i < 7; ++i) {
    std::string text = "Kirkuk";
    for (int j = 0; j < i; ++j) text += " padding";  // longer text, lower BM25
    Put(Cat("k", std::to_string(i)), "t", text + ".");
  }
  std::vector<std::string> all = Ids("kirkuk", {}, 100);
  ASSERT_EQ(all.size(), 7u);
  EXPECT_EQ(all.front(), "k0");
  EXPECT_EQ(Ids("kirkuk", {}, 3, 0), std::vector<std::string>(all.begin(), all.begin() + 3));
  EXPECT_EQ(Ids("kirkuk", {}, 3, 3), std::vector<std::string>(all.begin() + 3, all.begin() + 6));
  EXPECT_EQ(Ids("kirkuk", {}, 3, 6), std::vector<std::string>(all.begin() + 6, all.end()));
  EXPECT_TRUE(Ids("kirkuk", {}, 3, 7).empty());
  EXPECT_TRUE(Ids("kirkuk", {}, 0, 0).empty());
  EXPECT_EQ(Ids("kirkuk", {}, static_cast<size_t>(-1), 0).size(), 7u);
}

// Query text is text: operators and SQL are words (or dropped), never syntax.
TEST_P(SearchTest, SyntaxInTheQueryIsText) {
  Put("plain", "Plain", "Nothing special in a line about the foo and bar.");
  Put("or", "Or", "Choose red or blue; 1=1 is printed here.");
  Put("near", "Near", "The village is near a river.");
  Put("title", "A title", "The title foo was written here.");
  struct {
    const char* query;
    std::set<std::string> ids;
  } kCases[] = {
      {"' OR 1=1 --", {"or"}},      // words "or" and phrase "1 1"
      {"\"unterminated", {}},       // no such word
      {"NEAR(a b)", {}},            // phrase "near a" and word "b"
      {"NEAR(a river)", {"near"}},  // phrase "near a" and "river"
      {"title:foo", {"title"}},     // phrase "title foo", not a column filter
      {"*", {}},                    // no word at all
      {"a AND", {"plain"}},         // the words "a" and "and"
      {"^x", {}},
      {"{text}:x", {}},
      {"foo OR blue", {}},  // "or" is a word that must occur
      {"\"foo\" \"bar\"", {"plain"}},
      {"foo -bar", {"plain"}},
      {"foo NOT bar", {}},
      {"'; DROP TABLE articles; --", {}},
      {")))(((", {}},
      {"\"", {}},
      {"\\", {}},
      {"", {}},
  };
  for (const auto& c : kCases) {
    std::vector<std::string> ids = Ids(c.query);
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()), c.ids) << c.query;
  }
  EXPECT_EQ(store_->Stats()->articles, 4u);
}

}  // namespace
}  // namespace dossier
