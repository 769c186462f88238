#include "quotes/quote_extractor.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace dossier::quotes {
namespace {

using identity::ArticleEntities;
using identity::ArticleEntity;
using identity::EntityMention;
using identity::MentionKind;
using ner::EntityType;

struct M {
  const char* text;  // found in the article (the n-th occurrence)
  MentionKind kind = MentionKind::kName;
  int occurrence = 0;
};

// An article with hand-made entities, so speaker tests do not depend on
// the NER model.
class Article {
 public:
  Article(std::string text, std::string lang) : text_(std::move(text)), lang_(std::move(lang)) {
    entities_.language = lang_;
  }
  Article& Entity(EntityType type, const char* name, std::vector<M> mentions) {
    ArticleEntity e;
    e.type = type;
    e.name = name;
    for (const M& m : mentions) {
      size_t at = text_.find(m.text);
      for (int k = 0; k < m.occurrence && at != std::string::npos; ++k) {
        at = text_.find(m.text, at + 1);
      }
      EXPECT_NE(at, std::string::npos) << m.text;
      if (at == std::string::npos) continue;
      e.mentions.push_back({static_cast<uint32_t>(at),
                            static_cast<uint32_t>(at + std::string_view(m.text).size()), m.kind});
    }
    entities_.entities.push_back(std::move(e));
    return *this;
  }
  std::vector<Quote> Quotes() {
    Result<QuoteExtractor> x = QuoteExtractor::ForLanguage(lang_);
    EXPECT_TRUE(x.ok());
    if (!x.ok()) return {};
    TextSegmenter seg(lang_);
    seg_ = seg.Segment(text_);
    return x->Extract({text_, &seg_, &entities_});
  }
  std::string Text(const Quote& q) const { return text_.substr(q.begin, q.end - q.begin); }
  std::string Cue(const Quote& q) const {
    return text_.substr(q.cue_begin, q.cue_end - q.cue_begin);
  }
  const ArticleEntities& entities() const { return entities_; }

 private:
  std::string text_, lang_;
  Segmentation seg_;
  ArticleEntities entities_;
};

// The only quote whose text contains `part`.
const Quote* Find(const Article& a, const std::vector<Quote>& qs, const std::string& part) {
  const Quote* found = nullptr;
  for (const Quote& q : qs) {
    if (a.Text(q).find(part) == std::string::npos) continue;
    EXPECT_EQ(found, nullptr) << "two quotes hold " << part;
    found = &q;
  }
  return found;
}

std::string Dump(const Article& a, const std::vector<Quote>& qs) {
  std::string out;
  for (const Quote& q : qs) {
    out += (q.direct ? "D [" : "I [") + a.Text(q) + "] by [" + q.speaker_text + "] cue [" +
           a.Cue(q) + "] entity " + (q.speaker ? std::to_string(*q.speaker) : "-") + "\n";
  }
  return out;
}

TEST(QuoteExtractor, EnglishDirectInvertedSpeakerByName) {
  Article a("\"We will stay in Iraq as long as needed,\" said Emmanuel Macron on Wednesday.", "en");
  a.Entity(EntityType::kPer, "Emmanuel Macron", {{"Emmanuel Macron"}});
  std::vector<Quote> qs = a.Quotes();
  SCOPED_TRACE(Dump(a, qs));
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_TRUE(qs[0].direct);
  EXPECT_EQ(a.Text(qs[0]), "We will stay in Iraq as long as needed,");
  EXPECT_EQ(qs[0].speaker_text, "Emmanuel Macron");
  EXPECT_EQ(a.Cue(qs[0]), "said");
  EXPECT_EQ(qs[0].speaker, 0u);
}

TEST(QuoteExtractor, EnglishCurlyQuoteSpeakerByPronoun) {
  Article a(
      "Emmanuel Macron met Barham Saleh's adviser in Baghdad. Later Macron spoke to the press.\n\n"
      "\xE2\x80\x9CIraq has been going through a period of challenge,\xE2\x80\x9D he added.",
      "en");
  a.Entity(EntityType::kPer, "Emmanuel Macron",
           {{"Emmanuel Macron"}, {"Macron", MentionKind::kShortForm, 1}});
  a.Entity(EntityType::kPer, "Barham Saleh", {{"Barham Saleh"}});
  std::vector<Quote> qs = a.Quotes();
  SCOPED_TRACE(Dump(a, qs));
  const Quote* q = Find(a, qs, "period of challenge");
  ASSERT_NE(q, nullptr);
  EXPECT_TRUE(q->direct);
  EXPECT_EQ(q->speaker_text, "he");
  EXPECT_EQ(q->speaker, 0u);  // the last person mentioned
}

TEST(QuoteExtractor, EnglishRoleNounAndTokenisedQuotes) {
  Article a(
      "French President Emmanuel Macron arrived in Baghdad.\n\n"
      "Baghdad faces ``the challenge of multiple external interference,'' the French president "
      "said.",
      "en");
  a.Entity(EntityType::kPer, "Emmanuel Macron",
           {{"Emmanuel Macron"}, {"the French president", MentionKind::kRole}});
  a.Entity(EntityType::kLoc, "Baghdad", {{"Baghdad"}, {"Baghdad", MentionKind::kName, 1}});
  std::vector<Quote> qs = a.Quotes();
  SCOPED_TRACE(Dump(a, qs));
  const Quote* q = Find(a, qs, "external interference");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker_text, "the French president");
  EXPECT_EQ(q->speaker, 0u);
}

TEST(QuoteExtractor, EnglishIndirectToldThat) {
  Article a(
      "Foreign minister Fuad Hussein told Mike Pompeo last month that a withdrawal was not in "
      "the interest of Iraqis.",
      "en");
  a.Entity(EntityType::kPer, "Fuad Hussein", {{"Fuad Hussein"}});
  a.Entity(EntityType::kPer, "Mike Pompeo", {{"Mike Pompeo"}});
  std::vector<Quote> qs = a.Quotes();
  SCOPED_TRACE(Dump(a, qs));
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_FALSE(qs[0].direct);
  EXPECT_EQ(a.Text(qs[0]), "a withdrawal was not in the interest of Iraqis");
  EXPECT_EQ(qs[0].speaker, 0u);  // the subject, not the addressee
  EXPECT_EQ(a.Cue(qs[0]), "told");
}

TEST(QuoteExtractor, EnglishPartialQuotesInReportedSpeech) {
  Article a(
      "Emmanuel Macron affirmed his support for Iraq's \xE2\x80\x9Csovereignty\xE2\x80\x9D in the "
      "face of \xE2\x80\x9C"
      "foreign interference\xE2\x80\x9D. The so-called \"caliphate\" fell.",
      "en");
  a.Entity(EntityType::kPer, "Emmanuel Macron", {{"Emmanuel Macron"}});
  std::vector<Quote> qs = a.Quotes();
  SCOPED_TRACE(Dump(a, qs));
  ASSERT_EQ(qs.size(), 1u);  // the scare quote "caliphate" is no quote
  EXPECT_FALSE(qs[0].direct);
  EXPECT_NE(a.Text(qs[0]).find("sovereignty"), std::string::npos);
  EXPECT_EQ(qs[0].speaker, 0u);
}

TEST(QuoteExtractor, EnglishAccordingToAndOrganisationByWords) {
  Article a(
      "The Iraqi Foreign Ministry welcomed the talks. According to the Pentagon, about 3,000 "
      "troops will remain in the country.\n\n"
      "The foreign ministry said in a statement that the talks would resume on Friday.",
      "en");
  a.Entity(EntityType::kOrg, "Iraqi Foreign Ministry", {{"Iraqi Foreign Ministry"}});
  a.Entity(EntityType::kOrg, "Pentagon", {{"Pentagon"}});
  std::vector<Quote> qs = a.Quotes();
  SCOPED_TRACE(Dump(a, qs));
  const Quote* pentagon = Find(a, qs, "3,000 troops");
  ASSERT_NE(pentagon, nullptr);
  EXPECT_EQ(a.Cue(*pentagon), "According to");
  EXPECT_EQ(pentagon->speaker, 1u);
  const Quote* ministry = Find(a, qs, "talks would resume");
  ASSERT_NE(ministry, nullptr);
  EXPECT_EQ(ministry->speaker_text, "The foreign ministry");
  EXPECT_EQ(ministry->speaker, 0u);
}

TEST(QuoteExtractor, QuoteAcrossParagraphsAndContinuation) {
  Article a(
      "Jean-Yves Le Drian said: \"We will stay with our partners.\n\n"
      "\"We will fight the jihadists until the end.\"\n\n"
      "\"The threat of Daesh remains real and strong,\" he said.\n\n"
      "\"Nobody can tell how long this war will last.\"",
      "en");
  a.Entity(EntityType::kPer, "Jean-Yves Le Drian", {{"Jean-Yves Le Drian"}});
  std::vector<Quote> qs = a.Quotes();
  SCOPED_TRACE(Dump(a, qs));
  const Quote* first = Find(a, qs, "our partners");
  ASSERT_NE(first, nullptr);
  EXPECT_NE(a.Text(*first).find("until the end"), std::string::npos);  // one quote, two paragraphs
  EXPECT_TRUE(first->direct);
  EXPECT_EQ(first->speaker, 0u);
  const Quote* last = Find(a, qs, "how long");
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->speaker, 0u);  // continues the quote before it
  EXPECT_EQ(last->speaker_text, "he");
}

TEST(QuoteExtractor, NameAfterADashEndsAVoxPop) {
  Article a(
      "\u201CThis one has a dash and then no name at all.\u201D - and we moved on.\n\n"
      "\u201CHe can\u2019t even answer a question.\u201D \u2015\u00A0Esther Tapia\n"
      "\u201CMaybe we can build a wall around the debate stage.\u201D \u2014 Steve Quinlan.",
      "en");
  a.Entity(EntityType::kPer, "Esther Tapia", {{"Esther Tapia"}});
  a.Entity(EntityType::kPer, "Steve Quinlan", {{"Steve Quinlan"}});
  std::vector<Quote> qs = a.Quotes();
  SCOPED_TRACE(Dump(a, qs));
  const Quote* tapia = Find(a, qs, "answer a question");
  ASSERT_NE(tapia, nullptr);
  EXPECT_EQ(tapia->speaker_text, "Esther Tapia");
  EXPECT_EQ(tapia->speaker, 0u);
  const Quote* quinlan = Find(a, qs, "build a wall");
  ASSERT_NE(quinlan, nullptr);
  EXPECT_EQ(quinlan->speaker_text, "Steve Quinlan");
  EXPECT_EQ(quinlan->speaker, 1u);
  const Quote* none = Find(a, qs, "no name at all");
  ASSERT_NE(none, nullptr);
  EXPECT_EQ(none->speaker_text, "");
}

TEST(QuoteExtractor, FrenchGuillemetsAndInvertedRole) {
  Article a(
      "Les discussions porteront sur \xC2\xAB la coop\xC3\xA9ration militaire \xC3\xA0 long terme "
      "\xC2\xBB entre les deux pays, a indiqu\xC3\xA9 le porte-parole du Pentagone, John Kirby.",
      "fr");
  a.Entity(EntityType::kPer, "John Kirby",
           {{"le porte-parole du Pentagone", MentionKind::kRole}, {"John Kirby"}});
  a.Entity(EntityType::kOrg, "Pentagone", {{"Pentagone"}});
  std::vector<Quote> qs = a.Quotes();
  SCOPED_TRACE(Dump(a, qs));
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_FALSE(qs[0].direct);
  EXPECT_EQ(a.Cue(qs[0]), "a indiqu\xC3\xA9");
  EXPECT_EQ(qs[0].speaker_text, "le porte-parole du Pentagone");
  EXPECT_EQ(qs[0].speaker, 0u);
}

TEST(QuoteExtractor, FrenchCliticSelonAndQue) {
  Article a(
      "Jean-Yves Le Drian a soulign\xC3\xA9 que la France resterait engag\xC3\xA9"
      "e en Irak.\n\n"
      "\xC2\xAB Nous maintiendrons notre pr\xC3\xA9sence \xC2\xBB, a-t-il ajout\xC3\xA9.\n\n"
      "Selon le minist\xC3\xA8re, 2.500 soldats resteront en Irak.",
      "fr");
  a.Entity(EntityType::kPer, "Jean-Yves Le Drian", {{"Jean-Yves Le Drian"}});
  a.Entity(EntityType::kOrg,
           "minist\xC3\xA8re des Arm\xC3\xA9"
           "es",
           {{"minist\xC3\xA8re"}});
  std::vector<Quote> qs = a.Quotes();
  SCOPED_TRACE(Dump(a, qs));
  const Quote* que = Find(a, qs, "resterait");
  ASSERT_NE(que, nullptr);
  EXPECT_FALSE(que->direct);
  EXPECT_EQ(a.Text(*que),
            "la France resterait engag\xC3\xA9"
            "e en Irak");
  EXPECT_EQ(que->speaker, 0u);
  const Quote* clitic = Find(a, qs, "maintiendrons");
  ASSERT_NE(clitic, nullptr);
  EXPECT_TRUE(clitic->direct);
  EXPECT_EQ(clitic->speaker_text, "il");
  EXPECT_EQ(a.Cue(*clitic), "a-t-il ajout\xC3\xA9");
  EXPECT_EQ(clitic->speaker, 0u);
  const Quote* selon = Find(a, qs, "2.500");
  ASSERT_NE(selon, nullptr);
  EXPECT_EQ(selon->speaker_text, "le minist\xC3\xA8re");
  EXPECT_EQ(selon->speaker, 1u);
}

TEST(QuoteExtractor, NoCueNoQuote) {
  Article a("The troops left the base on Monday. Nobody stayed behind.", "en");
  EXPECT_TRUE(a.Quotes().empty());
  Article empty("", "en");
  EXPECT_TRUE(empty.Quotes().empty());
}

}  // namespace
}  // namespace dossier::quotes
