#include "quotes/attribution_model.h"

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/scoped_temp_dir.h"
#include "quotes/attribution_quotes.h"
#include "quotes/attribution_trainer.h"
#include "quotes/quote_extractor.h"

namespace dossier::quotes {
namespace {

const char* const kSources[] = {"The minister", "Mr. Brown", "The spokeswoman", "Anna Smith",
                                "The mayor"};
const char* const kContents[] = {"the plan would fail", "taxes will rise next year",
                                 "the bridge is safe", "talks had stalled",
                                 "the army would leave soon"};
const char* const kFillers[] = {"The weather was cold in the north.", "Trains ran late on Monday.",
                                "The market opened at nine.", "Rain fell over the city."};

// A document of attributions "SOURCE said CONTENT." / "CONTENT, SOURCE
// said." between filler sentences, with gold spans.
AttributionDocument MakeDoc(int seed) {
  AttributionDocument d;
  d.name = "doc" + std::to_string(seed);
  auto add = [&d](std::string_view text, AttributionRole role) {
    const uint32_t begin = static_cast<uint32_t>(d.text.size());
    d.text += text;
    d.spans.push_back({role, begin, static_cast<uint32_t>(d.text.size())});
  };
  for (int i = 0; i < 6; ++i) {
    const int k = seed * 7 + i * 3;
    const char* source = kSources[k % 5];
    const char* content = kContents[(k / 5 + i) % 5];
    if (i % 2 == 0) {
      add(source, AttributionRole::kSource);
      d.text += " ";
      add("said", AttributionRole::kCue);
      d.text += " ";
      add(content, AttributionRole::kContent);
      d.text += ". ";
    } else {
      add(content, AttributionRole::kContent);
      d.text += ", ";
      add(source, AttributionRole::kSource);
      d.text += " ";
      add("said", AttributionRole::kCue);
      d.text += ". ";
    }
    d.text += kFillers[k % 4];
    d.text += "\n\n";
  }
  return d;
}

class AttributionModelTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<QuoteLexicon> lex = QuoteLexicon::ForLanguage("en");
    ASSERT_TRUE(lex.ok());
    lexicon_ = new QuoteLexicon(std::move(*lex));
    std::vector<AttributionDocument> docs;
    for (int i = 0; i < 30; ++i) docs.push_back(MakeDoc(i));
    AttributionTrainerOptions options;
    options.hash_bits = 16;
    options.epochs = 5;
    options.heldout_every = 0;
    options.stack_folds = 2;
    options.stack_epochs = 3;
    options.provenance = "synthetic test documents";
    Result<AttributionModel> m = AttributionTrainer(options, lexicon_).Train(docs, nullptr);
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    model_ = new AttributionModel(std::move(*m));
  }
  static void TearDownTestSuite() {
    delete model_;
    delete lexicon_;
  }

  // "role:words" of each tagged span of `text`.
  static std::vector<std::string> Dump(const AttributionModel& m, const std::string& text) {
    TextSegmenter seg("en");
    Segmentation s = seg.Segment(text);
    std::vector<std::string> out;
    for (const AttributionSpan& a : m.Tag(text, s, *lexicon_)) {
      const char* role = a.role == AttributionRole::kSource ? "S"
                         : a.role == AttributionRole::kCue  ? "C"
                                                            : "Q";
      const uint32_t b = s.tokens[a.first_token].begin, e = s.tokens[a.last_token].end;
      out.push_back(std::string(role) + ":" + text.substr(b, e - b));
    }
    return out;
  }

  static QuoteLexicon* lexicon_;
  static AttributionModel* model_;
};

QuoteLexicon* AttributionModelTest::lexicon_ = nullptr;
AttributionModel* AttributionModelTest::model_ = nullptr;

TEST_F(AttributionModelTest, TagsAnUnseenCombination) {
  // "Anna Smith" never says "the bridge is safe" in the first position of
  // a training document; the frame is what the model learnt.
  const std::string text = "Anna Smith said the bridge is safe. Rain fell over the city.";
  EXPECT_EQ(Dump(*model_, text),
            (std::vector<std::string>{"S:Anna Smith", "C:said", "Q:the bridge is safe"}));
}

TEST_F(AttributionModelTest, SaveLoadRoundTrip) {
  const std::string bytes = model_->Serialize();
  Result<AttributionModel> back = AttributionModel::Parse(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->provenance(), "synthetic test documents");
  EXPECT_EQ(back->stages().size(), 2u);
  EXPECT_EQ(back->cue_words().Class("said"), model_->cue_words().Class("said"));
  EXPECT_GT(back->cue_words().Class("said"), 0);
  EXPECT_EQ(back->Serialize(), bytes);
  const std::string text = "Taxes will rise next year, the mayor said. Trains ran late on Monday.";
  EXPECT_EQ(Dump(*back, text), Dump(*model_, text));
}

TEST_F(AttributionModelTest, RejectsDamagedFiles) {
  const std::string bytes = model_->Serialize();
  EXPECT_TRUE(AttributionModel::Parse("").status().code() == Status::Code::kCorruption);
  std::string magic = bytes;
  magic[0] ^= 0x20;
  EXPECT_EQ(AttributionModel::Parse(magic).status().code(), Status::Code::kCorruption);
  std::string newer = bytes;
  newer[4] = static_cast<char>(kAttributionFormatVersion + 1);
  EXPECT_EQ(AttributionModel::Parse(newer).status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(AttributionModel::Parse(bytes.substr(0, bytes.size() / 2)).status().code(),
            Status::Code::kCorruption);
  std::string flipped = bytes;
  flipped[bytes.size() - 10] ^= 0x55;
  EXPECT_FALSE(AttributionModel::Parse(flipped).ok());
  EXPECT_EQ(AttributionModel::Load("/nonexistent/quotes.bin").status().code(),
            Status::Code::kIOError);
}

TEST_F(AttributionModelTest, LoadsByLanguageFromADirectory) {
  ScopedTempDir tmp("attribution_model");
  const std::string& dir = tmp.path();
  ASSERT_TRUE(model_->Save(dir + "/quotes-en.bin").ok());
  Result<std::shared_ptr<const AttributionModel>> m =
      LoadAttributionModel("en", {dir + "/missing", dir});
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ((*m)->provenance(), "synthetic test documents");
  EXPECT_EQ(LoadAttributionModel("fr", {dir}).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(LoadAttributionModel("../en", {dir}).status().code(), Status::Code::kInvalidInput);
}

TEST_F(AttributionModelTest, ExtractorUsesTheModel) {
  auto shared = std::make_shared<const AttributionModel>(*model_);
  Result<QuoteExtractor> x = QuoteExtractor::ForLanguage("en", shared);
  ASSERT_TRUE(x.ok());
  ASSERT_NE(x->model(), nullptr);
  const std::string text = "The army would leave soon, the spokeswoman said. The market opened.";
  TextSegmenter seg("en");
  Segmentation s = seg.Segment(text);
  std::vector<Quote> q = x->Extract({text, &s, nullptr});
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(text.substr(q[0].begin, q[0].end - q[0].begin), "The army would leave soon");
  EXPECT_EQ(q[0].speaker_text, "the spokeswoman");
  EXPECT_EQ(text.substr(q[0].cue_begin, q[0].cue_end - q[0].cue_begin), "said");
  EXPECT_FALSE(q[0].direct);
}

// Hand-made spans "role:words" (each words found in the text once) to
// quotes, dumped as "content <= speaker".
std::vector<std::string> Assemble(
    const std::string& text, const std::vector<std::pair<AttributionRole, std::string>>& spans) {
  TextSegmenter seg("en");
  Segmentation s = seg.Segment(text);
  std::vector<AttributionSpan> tagged;
  for (const auto& [role, words] : spans) {
    const size_t at = text.find(words);
    EXPECT_NE(at, std::string::npos) << words;
    AttributionSpan a{role, 0, 0};
    for (uint32_t t = 0; t < s.tokens.size(); ++t) {
      if (s.tokens[t].begin <= at) a.first_token = t;
      if (s.tokens[t].end <= at + words.size()) a.last_token = t;
    }
    tagged.push_back(a);
  }
  SpeakerResolver resolver(text, nullptr, nullptr);
  std::vector<std::string> out;
  for (const Quote& q : QuotesFromAttributions(text, s, tagged, resolver)) {
    out.push_back(text.substr(q.begin, q.end - q.begin) + " <= " + q.speaker_text +
                  (q.direct ? " (direct)" : ""));
  }
  return out;
}

TEST(QuotesFromAttributions, OneCueIsOneQuote) {
  using R = AttributionRole;
  // The two contents around "she said" take the same cue: one quote.
  EXPECT_EQ(
      Assemble("\"Prices will rise,\" she said. \"Wages will not.\"",
               {{R::kContent, "Prices will rise"},
                {R::kSource, "she"},
                {R::kCue, "said"},
                {R::kContent, "Wages will not"}}),
      (std::vector<std::string>{"Prices will rise,\" she said. \"Wages will not <= she (direct)"}));
  // Two cues, two quotes; the one-word content is dropped.
  EXPECT_EQ(Assemble("Tom said taxes rose. Ann denied it.", {{R::kSource, "Tom"},
                                                             {R::kCue, "said"},
                                                             {R::kContent, "taxes rose"},
                                                             {R::kSource, "Ann"},
                                                             {R::kCue, "denied"},
                                                             {R::kContent, "it"}}),
            (std::vector<std::string>{"taxes rose <= Tom"}));
}

TEST(ParseBratAttributions, CharacterOffsetsBecomeBytes) {
  // "é" is two bytes: character 4 is byte 5.
  const std::string text = "Café owners said prices rose.";
  const std::string ann =
      "T1\tSource 0 11\tCafé owners\n"
      "T2\tCue 12 16\tsaid\n"
      "T3\tContent 17 28\tprices\nrose\n"  // a span text holding a line break
      "T4\tAttribution 12 16\tsaid\n"
      "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
  Result<std::vector<GoldAttributionSpan>> spans = ParseBratAttributions(ann, text);
  ASSERT_TRUE(spans.ok()) << spans.status().ToString();
  ASSERT_EQ(spans->size(), 3u);
  EXPECT_EQ((*spans)[0].role, AttributionRole::kSource);
  EXPECT_EQ(text.substr((*spans)[0].begin, (*spans)[0].end - (*spans)[0].begin), "Café owners");
  EXPECT_EQ(text.substr((*spans)[2].begin, (*spans)[2].end - (*spans)[2].begin), "prices rose");
  EXPECT_FALSE(ParseBratAttributions("T1\tCue 5 900\tx\n", text).ok());
}

TEST(CountContentMatches, UsesTheLongerSpan) {
  using R = AttributionRole;
  // Gold 0..9 (10 tokens): a 3-token prediction inside shares 0.3 of it.
  EXPECT_EQ(CountContentMatches({{R::kContent, 2, 4}}, {{R::kContent, 0, 9}}).matched, 1u);
  EXPECT_EQ(CountContentMatches({{R::kContent, 2, 3}}, {{R::kContent, 0, 9}}).matched, 0u);
  // One-to-one, and cues are not contents.
  SpanCounts c = CountContentMatches({{R::kContent, 0, 9}, {R::kCue, 10, 10}},
                                     {{R::kContent, 0, 4}, {R::kContent, 5, 9}});
  EXPECT_EQ(c.predicted, 1u);
  EXPECT_EQ(c.gold, 2u);
  EXPECT_EQ(c.matched, 1u);
}

}  // namespace
}  // namespace dossier::quotes
