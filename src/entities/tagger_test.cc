// Tests of the committed models (models/ner-<lang>.bin). They skip, saying
// so, when a model file is absent (a checkout without models).
#include "entities/tagger.h"

#include <gtest/gtest.h>

#include "entities/article_ner.h"
#include "entities/model_registry.h"

namespace dossier::ner {
namespace {

std::string ModelPath(const std::string& lang) {
  return std::string(DOSSIER_SOURCE_DIR) + "/models/ner-" + lang + ".bin";
}

// "Macron:PER al-Kadhimi:PER ..." for the spans of a sentence.
std::string Dump(const std::vector<std::string_view>& tokens,
                 const std::vector<EntitySpan>& spans) {
  std::string s;
  for (const EntitySpan& e : spans) {
    if (!s.empty()) s += ' ';
    for (uint32_t i = e.first_token; i <= e.last_token; ++i) {
      s.append(tokens[i]);
      if (i < e.last_token) s += '_';
    }
    s += ':';
    s.append(EntityTypeName(e.type));
  }
  return s;
}

class EnglishModelTest : public ::testing::Test {
 protected:
  // The model is loaded once for the suite (it takes a fraction of a second).
  static void SetUpTestSuite() {
    Result<NerTagger> t = NerTagger::Load(ModelPath("en"));
    status_ = new Status(t.ok() ? Status::OK() : t.status());
    if (t.ok()) shared_ = new NerTagger(std::move(*t));
  }
  static void TearDownTestSuite() {
    delete shared_;
    delete status_;
    shared_ = nullptr;
    status_ = nullptr;
  }
  void SetUp() override {
    if (status_->code() == Status::Code::kNotFound) {
      GTEST_SKIP() << "no English model at " << ModelPath("en") << ": " << status_->message();
    }
    ASSERT_TRUE(status_->ok()) << status_->ToString();
    tagger_ = shared_;
  }
  static NerTagger* shared_;
  static Status* status_;
  const NerTagger* tagger_ = nullptr;
};

NerTagger* EnglishModelTest::shared_ = nullptr;
Status* EnglishModelTest::status_ = nullptr;

TEST_F(EnglishModelTest, TagsPeopleAndPlaces) {
  std::vector<std::string_view> tokens = {
      "French",   "President", "Emmanuel",   "Macron", "met",     "Iraqi", "Prime",
      "Minister", "Mustafa",   "al-Kadhimi", "in",     "Baghdad", "."};
  std::vector<EntitySpan> spans = tagger_->TagSentence(tokens);
  std::string dump = Dump(tokens, spans);
  auto has = [&](uint32_t first, uint32_t last, EntityType type) {
    for (const EntitySpan& e : spans) {
      if (e.last_token == last && e.type == type && e.first_token <= first) return true;
    }
    return false;
  };
  EXPECT_TRUE(has(3, 3, EntityType::kPer)) << dump;    // (Emmanuel) Macron
  EXPECT_TRUE(has(9, 9, EntityType::kPer)) << dump;    // (Mustafa) al-Kadhimi
  EXPECT_TRUE(has(11, 11, EntityType::kLoc)) << dump;  // Baghdad
  for (const EntitySpan& e : spans) {
    EXPECT_GT(e.score, 0.0f);
    EXPECT_LE(e.score, 1.0f);
  }
}

TEST_F(EnglishModelTest, DocumentContextTypesRepeatedNames) {
  // Stage 2: the headline's capitals are resolved by the body.
  std::vector<std::vector<std::string_view>> doc = {
      {"SOCCER", "-", "KADHIMI", "PRAISES", "BAGHDAD", "CLUB"},
      {"Mustafa", "al-Kadhimi", "said", "on", "Monday", "that", "Baghdad", "was", "ready", "."}};
  std::vector<std::vector<EntitySpan>> spans = tagger_->TagDocument(doc);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_NE(Dump(doc[1], spans[1]).find("Baghdad:LOC"), std::string::npos)
      << Dump(doc[1], spans[1]);
}

TEST_F(EnglishModelTest, ArticleApiGivesByteOffsets) {
  std::string text =
      "French President Emmanuel Macron met Iraqi Prime Minister Mustafa al-Kadhimi in "
      "Baghdad.\n\nMacron's visit was the first since 2008.";
  ArticleNer ner(tagger_, "en");
  std::vector<Mention> mentions = ner.Find(text);
  std::string found;
  for (const Mention& m : mentions) {
    ASSERT_LE(m.end, text.size());
    ASSERT_LT(m.begin, m.end);
    found.append(text, m.begin, m.end - m.begin);
    found += ':';
    found.append(EntityTypeName(m.type));
    found += '|';
  }
  EXPECT_NE(found.find("Baghdad:LOC|"), std::string::npos) << found;
  EXPECT_NE(found.find("al-Kadhimi:PER|"), std::string::npos) << found;
  // "Macron's": the possessive is split off, the mention is the name alone.
  EXPECT_NE(found.find("|Macron:PER|"), std::string::npos) << found;
}

TEST(FrenchModel, TagsPeopleAndPlaces) {
  Result<NerTagger> t = NerTagger::Load(ModelPath("fr"));
  if (t.status().code() == Status::Code::kNotFound) {
    GTEST_SKIP() << "no French model at " << ModelPath("fr");
  }
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  std::vector<std::string_view> tokens = {"Le",     "président", "Emmanuel", "Macron", "a", "reçu",
                                          "Angela", "Merkel",    "à",        "Paris",  "."};
  std::vector<EntitySpan> spans = t->TagSentence(tokens);
  std::string dump = Dump(tokens, spans);
  EXPECT_NE(dump.find("Macron:PER"), std::string::npos) << dump;
  EXPECT_NE(dump.find("Angela_Merkel:PER"), std::string::npos) << dump;
  EXPECT_NE(dump.find("Paris:LOC"), std::string::npos) << dump;
}

}  // namespace
}  // namespace dossier::ner
