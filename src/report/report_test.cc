// Tests for BuildReport over a small store written by hand: what belongs to
// the storyline (or event) is in the report, what does not is left out.
#include "report/report.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace dossier::report {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const std::string kWire =
    "Iraqi Prime Minister Mustafa al-Kadhimi met the French president in Baghdad on Monday.\n\n"
    "Kadhimi said \"Iraq will never be a battlefield for others\" after the meeting.\n\n"
    "About 5,000 American soldiers remain in Iraq, the officials in Baghdad said on Monday.";
const std::string kDaily =
    "Prime Minister Mustafa al-Kadhimi hosted the French president in Baghdad this week.\n\n"
    "Kadhimi said \"Iraq will never be a battlefield for others\" to reporters in the capital.\n\n"
    "Some 3,000 American soldiers remain in Iraq after the latest withdrawal, officials said.";
const std::string kAgence =
    "Le Premier ministre Moustafa al-Kazimi a reçu le président français à Bagdad lundi.\n\n"
    "Un porte-parole a affirmé que l'Irak ne serait jamais un champ de bataille pour les autres.";
const std::string kOther =
    "Officials in Lima announced a new budget for the coming year on Tuesday morning.";

AnalyzedArticle MakeArticle(const std::string& id, const std::string& outlet,
                            const std::string& language, const std::string& date,
                            const std::string& text) {
  AnalyzedArticle a;
  a.article.id = id;
  a.article.title = "Title of " + id;
  a.article.outlet = outlet;
  a.article.language = language;
  a.article.published = date;
  a.article.text = text;
  a.article.content_hash = std::hash<std::string>()(text);
  return a;
}

// Mentions of `entity` wherever `name` occurs in `text`.
void Mention(ArticleFindings* f, const std::string& text, int64_t entity, const std::string& name) {
  for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
    f->mentions.push_back(
        {entity, static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size()), "name"});
  }
}

FindingRow Row(const std::string& collection, const std::string& article, const Json& j) {
  return {collection, j["id"].get<std::string>(), article, j.dump()};
}

Json Span(const std::string& text, const std::string& part) {
  const size_t at = text.find(part);
  return {{"start", at}, {"end", at + part.size()}};
}

class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("report_test_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Result<std::unique_ptr<Store>> store = Store::Open((dir_ / "test.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    ASSERT_TRUE(
        store_
            ->PutArticles({MakeArticle("wire", "Wire One", "en", "2021-01-04", kWire),
                           MakeArticle("daily", "Daily Two", "en", "2021-01-05", kDaily),
                           MakeArticle("agence", "Agence Trois", "fr", "2021-01-04", kAgence),
                           MakeArticle("other", "Wire One", "en", "2021-03-01", kOther)})
            .ok());
    ASSERT_TRUE(store_->PutFindings(Findings()).ok());
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  static FindingsBatch Findings() {
    FindingsBatch b;
    EntityRecord kadhimi{0,
                         "PER",
                         "Mustafa al-Kadhimi",
                         "",
                         "",
                         3,
                         {{"Kadhimi", 2}, {"Mustafa al-Kadhimi", 2}, {"Moustafa al-Kazimi", 1}}};
    EntityRecord iraq{1, "LOC", "Iraq", "country:IQ", "", 3, {{"Iraq", 4}, {"Irak", 1}}};
    EntityRecord lima{2, "LOC", "Lima", "", "", 1, {{"Lima", 1}}};
    b.entities = {kadhimi, iraq, lima};
    const std::vector<std::pair<std::string, const std::string*>> texts = {
        {"wire", &kWire}, {"daily", &kDaily}, {"agence", &kAgence}, {"other", &kOther}};
    for (const auto& [id, text] : texts) {
      ArticleFindings f;
      f.article_id = id;
      Mention(&f, *text, 0, "Mustafa al-Kadhimi");
      Mention(&f, *text, 0, "Moustafa al-Kazimi");
      Mention(&f, *text, 0, "Kadhimi said");
      Mention(&f, *text, 1, "Iraq");
      Mention(&f, *text, 1, "Irak");
      Mention(&f, *text, 2, "Lima");
      if (id == "wire") {
        f.roles.push_back({0, id, "prime-minister", "head-of-government", "country:IQ",
                           "Iraqi Prime Minister", "2021-01-04", 0, 20});
      }
      if (id == "agence") {
        f.roles.push_back({0, id, "prime-minister", "head-of-government", "country:IQ",
                           "Le Premier ministre", "2021-01-04", 0, 19});
      }
      b.articles.push_back(std::move(f));
    }
    b.rows.push_back(Row("events", "",
                         {{"id", "V0"},
                          {"date", "2021-01-04"},
                          {"title", "Kadhimi meets the French president"},
                          {"articles", {"wire", "daily"}},
                          {"sources", 2},
                          {"languages", {"en"}},
                          {"storyline", "S0"},
                          {"copy_groups", {{"wire"}, {"daily"}}}}));
    b.rows.push_back(Row("events", "",
                         {{"id", "V1"},
                          {"date", "2021-01-04"},
                          {"title", "Kazimi reçoit le président"},
                          {"articles", {"agence"}},
                          {"sources", 1},
                          {"languages", {"fr"}},
                          {"storyline", "S0"},
                          {"copy_groups", {{"agence"}}}}));
    b.rows.push_back(Row("events", "",
                         {{"id", "V2"},
                          {"date", "2021-03-01"},
                          {"title", "Lima budget"},
                          {"articles", {"other"}},
                          {"sources", 1},
                          {"languages", {"en"}},
                          {"storyline", "S1"},
                          {"copy_groups", {{"other"}}}}));
    b.rows.push_back(Row("storylines", "",
                         {{"id", "S0"},
                          {"title", "Kadhimi and France"},
                          {"events", {"V0", "V1"}},
                          {"first_date", "2021-01-04"},
                          {"last_date", "2021-01-04"},
                          {"articles", 3},
                          {"languages", {"en", "fr"}}}));
    b.rows.push_back(Row("storylines", "",
                         {{"id", "S1"},
                          {"title", "Lima budget"},
                          {"events", {"V2"}},
                          {"first_date", "2021-03-01"},
                          {"last_date", "2021-03-01"},
                          {"articles", 1},
                          {"languages", {"en"}}}));
    const std::string said = "Iraq will never be a battlefield for others";
    Json q0 = {{"id", "Qwire-0"},           {"article", "wire"}, {"speaker", "E0"},
               {"speaker_text", "Kadhimi"}, {"text", said},      {"direct", true},
               {"same_as", nullptr}};
    q0.update(Span(kWire, said));
    Json q1 = q0;
    q1.update({{"id", "Qdaily-0"}, {"article", "daily"}, {"same_as", "Qwire-0"}});
    q1.update(Span(kDaily, said));
    Json q2 = {{"id", "Qagence-0"},
               {"article", "agence"},
               {"speaker", nullptr},
               {"speaker_text", "Un porte-parole"},
               {"text", "l'Irak ne serait jamais un champ de bataille pour les autres"},
               {"direct", false},
               {"same_as", nullptr}};
    q2.update(Span(kAgence, "l'Irak ne serait jamais"));
    Json q3 = {{"id", "Qother-0"},
               {"article", "other"},
               {"speaker", "E2"},
               {"speaker_text", "Lima"},
               {"text", "a new budget"},
               {"direct", false},
               {"same_as", nullptr},
               {"start", 0},
               {"end", 5}};
    for (const Json& q : {q0, q1, q2, q3}) b.rows.push_back(Row("quotes", q["article"], q));
    auto figure = [](const std::string& id, const std::string& article, const std::string& text,
                     const std::string& written, double value) {
      Json f = {{"id", id},
                {"article", article},
                {"value", value},
                {"low", value},
                {"high", value},
                {"approx", nullptr},
                {"unit", "American soldiers"},
                {"counts", "troops"},
                {"subject", "American"},
                {"date", "2021-01-04"},
                {"date_estimated", false},
                {"text", written}};
      f.update(Span(text, written));
      return f;
    };
    b.rows.push_back(Row("figures", "wire", figure("Fwire-0", "wire", kWire, "5,000", 5000)));
    b.rows.push_back(Row("figures", "daily", figure("Fdaily-0", "daily", kDaily, "3,000", 3000)));
    Json claim_wire = {{"article", "wire"}, {"value", 5000}, {"text", "About 5,000 ..."}};
    claim_wire.update(Span(kWire, "5,000"));
    Json claim_daily = {{"article", "daily"}, {"value", 3000}, {"text", "Some 3,000 ..."}};
    claim_daily.update(Span(kDaily, "3,000"));
    b.rows.push_back(Row("conflicts", "",
                         {{"id", "C0"},
                          {"kind", "figure"},
                          {"subject", "American soldiers in Iraq"},
                          {"description", "American soldiers in Iraq: 5000 (wire) vs 3000 (daily)"},
                          {"articles", {"wire", "daily"}},
                          {"claims", {claim_wire, claim_daily}}}));
    b.rows.push_back(Row(
        "conflicts", "",
        {{"id", "C1"},
         {"kind", "date"},
         {"subject", "budget"},
         {"description", "budget dated differently"},
         {"articles", {"other", "other"}},
         {"claims",
          {{{"article", "other"}, {"value", "2021"}, {"text", "x"}, {"start", 0}, {"end", 1}},
           {{"article", "other"}, {"value", "2022"}, {"text", "y"}, {"start", 0}, {"end", 1}}}}}));
    return b;
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(ReportTest, UnknownIdsAreNotFound) {
  for (const char* id : {"S9", "V9", "E0", ""}) {
    Result<StorylineReport> r = BuildReport(store_.get(), id);
    ASSERT_FALSE(r.ok()) << id;
    EXPECT_EQ(r.status().code(), Status::Code::kNotFound) << id;
  }
}

TEST_F(ReportTest, StorylineHoldsItsArticlesAndNothingElse) {
  Result<StorylineReport> r = BuildReport(store_.get(), "S0");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->kind, "storyline");
  EXPECT_EQ(r->storyline, "S0");
  EXPECT_EQ(r->title, "Kadhimi and France");
  EXPECT_EQ(r->first_date, "2021-01-04");
  EXPECT_EQ(r->events, (std::vector<std::string>{"V0", "V1"}));
  EXPECT_EQ(r->article_count, 3u);
  EXPECT_EQ(r->languages, (std::vector<std::string>{"en", "fr"}));
  EXPECT_EQ(r->timeline.id, "S0");
  EXPECT_FALSE(r->timeline.entries.empty());

  // Sources: three outlets, one article each; the other storyline's article is absent.
  ASSERT_EQ(r->sources.size(), 3u);
  size_t articles = 0;
  for (const OutletSources& o : r->sources) {
    articles += o.articles.size();
    for (const SourceArticle& a : o.articles) EXPECT_NE(a.id, "other");
  }
  EXPECT_EQ(articles, 3u);
}

TEST_F(ReportTest, ActorsAreRankedByMentionsWithAllNamesAndRoles) {
  Result<StorylineReport> r = BuildReport(store_.get(), "S0");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->actors.size(), 2u);  // Lima is named only in another storyline
  const Actor& kadhimi = r->actors[0].id == "E0" ? r->actors[0] : r->actors[1];
  EXPECT_EQ(kadhimi.name, "Mustafa al-Kadhimi");
  EXPECT_EQ(kadhimi.names.size(), 3u);
  EXPECT_EQ(kadhimi.articles, 3u);
  ASSERT_EQ(kadhimi.roles.size(), 1u);  // one role, written two ways
  EXPECT_EQ(kadhimi.roles[0].role, "prime-minister");
  EXPECT_EQ(kadhimi.roles[0].texts.size(), 2u);
  EXPECT_GE(r->actors[0].mentions, r->actors[1].mentions);
}

TEST_F(ReportTest, SameQuoteIsOneQuoteWithAllItsSources) {
  Result<StorylineReport> r = BuildReport(store_.get(), "S0");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->quotes.size(), 2u);  // Kadhimi, then the spokesman as written
  EXPECT_EQ(r->quotes[0].speaker_id, "E0");
  EXPECT_EQ(r->quotes[0].speaker, "Mustafa al-Kadhimi");
  ASSERT_EQ(r->quotes[0].quotes.size(), 1u);
  const ReportQuote& q = r->quotes[0].quotes[0];
  ASSERT_EQ(q.sources.size(), 2u);
  EXPECT_EQ(q.sources[0].article, "wire");
  EXPECT_EQ(q.sources[0].outlet, "Wire One");
  EXPECT_EQ(q.sources[1].article, "daily");
  EXPECT_EQ(r->quotes[1].speaker_id, "");
  EXPECT_EQ(r->quotes[1].speaker, "Un porte-parole");
  EXPECT_FALSE(r->quotes[1].quotes[0].direct);
}

TEST_F(ReportTest, FiguresInAConflictAreMarked) {
  Result<StorylineReport> r = BuildReport(store_.get(), "S0");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->conflicts.size(), 1u);  // C1 concerns another storyline
  EXPECT_EQ(r->conflicts[0].id, "C0");
  ASSERT_EQ(r->conflicts[0].claims.size(), 2u);
  EXPECT_EQ(r->conflicts[0].claims[0].value, "5000");
  EXPECT_EQ(r->conflicts[0].claims[1].source.outlet, "Daily Two");
  ASSERT_EQ(r->figures.size(), 2u);
  for (const ReportFigure& f : r->figures) {
    EXPECT_EQ(f.conflicts, std::vector<std::string>{"C0"}) << f.id;
  }
}

TEST_F(ReportTest, SummaryCrossesSourcesAndLanguages) {
  Result<StorylineReport> r = BuildReport(store_.get(), "S0");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_FALSE(r->summary.empty());
  EXPECT_LE(r->summary.size(), 5u);
  std::set<std::string> languages, articles;
  for (const SummarySentence& s : r->summary) {
    languages.insert(s.source.language);
    articles.insert(s.source.article);
    EXPECT_NE(s.source.article, "other");
    EXPECT_FALSE(s.source.outlet.empty());
    // The sentence is the article text at its span.
    Result<Article> a = store_->GetArticle(s.source.article);
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a->text.substr(s.source.start, s.source.end - s.source.start), s.text);
  }
  EXPECT_EQ(languages.size(), 2u) << [&] {
    std::string all;
    for (const SummarySentence& s : r->summary) all += s.source.language + ": " + s.text + "\n";
    return all;
  }();
  EXPECT_GE(articles.size(), 2u);
}

TEST_F(ReportTest, EventReportIsLimitedToTheEvent) {
  Result<StorylineReport> r = BuildReport(store_.get(), "V1");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->kind, "event");
  EXPECT_EQ(r->storyline, "S0");
  EXPECT_EQ(r->events, std::vector<std::string>{"V1"});
  EXPECT_EQ(r->article_count, 1u);
  EXPECT_TRUE(r->conflicts.empty());
  EXPECT_TRUE(r->figures.empty());
  ASSERT_EQ(r->quotes.size(), 1u);
  EXPECT_EQ(r->quotes[0].speaker, "Un porte-parole");
  for (const SummarySentence& s : r->summary) EXPECT_EQ(s.source.article, "agence");
}

TEST_F(ReportTest, SummaryLengthFollowsTheOptions) {
  ReportOptions options;
  options.summary_sentences = 1;
  Result<StorylineReport> r = BuildReport(store_.get(), "S0", options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->summary.size(), 1u);
  options.summary_sentences = 0;
  r = BuildReport(store_.get(), "S0", options);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->summary.empty());
}

}  // namespace
}  // namespace dossier::report
