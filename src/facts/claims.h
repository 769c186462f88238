// Figures and dated happenings of one article, the input of conflict finding.
//
//   Result<FactExtractor> fx = FactExtractor::Create("en");
//   FactsArticle a{.id = "a1", .text = text, .language = "en",
//                  .sentences = spans, .mentions = mentions};
//   ArticleFacts facts = fx->Extract(a, article_time);  // time/article_time.h
//
// A numeric claim is a number with what it counts: "Some 5,000 American
// soldiers" is value 5000, unit "American soldiers", concept "troops",
// nationality "US", marker "some" (about), interval [4500, 5500]. Number
// formats of both languages: "5,000", "2.500", "2 500", "1,5 million",
// "1.5 million", words ("two", "deux"), vague quantities ("dozens of",
// "hundreds of", "une cinquantaine d'"). Numbers inside temporal expressions,
// ordinals, ages ("33-year-old") and numbers glued to letters ("G7") are not
// claims; a number without a counted noun is not one either.
// Approximation: a marker widens the interval ("about" ±10%, "nearly" -10%,
// "over"/"plus de" up to unbounded, "under" down to 0); an unmarked round
// number (two trailing zeros) allows ±5%, any other ±0.5%.
// Vague quantities ("millions of") are claims marked `vague`; a figure
// proposed or planned ("called for 20,000 troops", after an `unreal` word) or
// counted per item ("at each location", a `distributive` word later in the
// sentence) does not count a set. The counted phrase's words other than its
// head and nationality qualify it ("elite troops", "Special Operations
// forces"): two figures with other qualifiers count different sets. "people" and
// "persons" followed by a death word ("50 people were killed") count deaths.
// Subject keys are the places and organisations of the sentence (a person
// named beside a figure does not say what it counts).
// Date of a claim: the temporal expression of its sentence nearest to the
// number when within 60 bytes of it, else the anchor (publication day): a
// figure stated without its own date is a figure of the day it was written.
// A happening claim is a one-time happening word ("killed", "assassinat")
// that reports a happening (not "to kill", "assassination attempt": the
// lexicon's `unreal` words) with its participant: a person (a person mention
// when `mentions` has any, else the nearest capitalised name) that the word
// governs: after it across articles, "of" and title words only ("killing of
// Iranian general Qassem Soleimani"), or before it across a possessive or an
// auxiliary only ("Soleimani's death", "X was killed"). Its date is the
// expression ("at", not "since"/"until") that follows the word in the
// sentence, or one that opens the sentence ("In January 2020, a drone killed
// ..."): a date elsewhere before the word belongs to another verb
// ("acquitted in 2013 of killing X").
//
// Thread-safety: a FactExtractor is immutable; Extract() may run concurrently.
#ifndef DOSSIER_FACTS_CLAIMS_H_
#define DOSSIER_FACTS_CLAIMS_H_

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "text/segmenter.h"
#include "time/article_time.h"

namespace dossier {

class FactLexicon;

// What an entity mention names, as far as figures and happenings care.
enum class MentionType : uint8_t {
  kPerson,  ///< the only participant a happening (a death, an arrest) can have
  kPlace,   ///< a subject key of figures ("troops in Iraq")
  kOrg,     ///< a subject key of figures ("coalition troops")
  kOther,
};

// An entity mention, as the entity stage resolves it across articles.
struct EntityMention {
  uint32_t begin = 0;  ///< byte span in the article text
  uint32_t end = 0;
  std::string entity_id;  ///< global id: equal ids are the same entity
  MentionType type = MentionType::kOther;
};

// One article as the facts stage needs it (plain values; the engine fills it).
struct FactsArticle {
  std::string id;
  std::string_view text;  ///< REQUIRES: outlives Extract()
  std::string language;   ///< "en", "fr"
  std::vector<TextSpan> sentences;
  std::vector<EntityMention> mentions;  ///< optional; sorted by begin
};

// The date of a claim (a copy of the expression or sentence date it came from).
struct ClaimDate {
  bool known = false;
  std::string value;  ///< ISO 8601 ("2020-01", "2020-03/2021-01")
  TimePoint start;
  TimePoint last;
  bool estimated = false;      ///< rests on an estimated anchor
  bool from_sentence = false;  ///< the anchor, no expression of the claim's own
};

struct NumericClaim {
  std::string article;
  uint32_t sentence = 0;  ///< index into FactsArticle::sentences
  uint32_t begin = 0;     ///< byte span: marker, number and counted phrase
  uint32_t end = 0;
  double value = 0;
  double low = 0;            ///< the interval the value and its marker allow
  double high = 0;           ///< +infinity for "over", "at least"
  std::string approx;        ///< the marker as written ("some", "plus de"), or ""
  bool vague = false;        ///< a vague quantity ("dozens of", "millions of")
  std::string unit;          ///< the counted phrase as written ("American soldiers")
  std::string counted;       ///< "troops", ...; or "stem:<stem>" when the lexicon has none
  std::string qualifier;     ///< stems of the other words of the counted phrase ("elit")
  bool counts_a_set = true;  ///< false when proposed or per item ("called for 20,000
                             ///< troops", "two at each location")
  std::string nationality;   ///< ISO 3166 code from a demonym ("US"), or ""
  std::string subject;       ///< nationality and place as written ("American", "Iraq")
  std::vector<std::string> subject_keys;  ///< entity ids of the sentence, or folded place names
  ClaimDate date;
  std::string text;  ///< the span's text
};

struct HappeningClaim {
  std::string article;
  uint32_t sentence = 0;
  uint32_t begin = 0;  ///< the happening word
  uint32_t end = 0;
  std::string happening;    ///< "death", "arrest", "resignation"
  std::string participant;  ///< entity id, or a folded surname
  std::string participant_text;
  ClaimDate date;           ///< always known (claims without a date are dropped)
  uint32_t date_begin = 0;  ///< the date expression's span
  uint32_t date_end = 0;
};

struct ArticleFacts {
  std::string article;
  std::vector<NumericClaim> figures;
  std::vector<HappeningClaim> happenings;
};

class FactExtractor {
 public:
  // NotFound for a language without data (en and fr have it).
  static Result<FactExtractor> Create(std::string_view language);
  ~FactExtractor();
  FactExtractor(FactExtractor&&) noexcept;
  FactExtractor& operator=(FactExtractor&&) noexcept;

  // `time` is AnalyzeArticleTime() over the same text and sentences.
  ArticleFacts Extract(const FactsArticle& article, const ArticleTime& time) const;

 private:
  explicit FactExtractor(std::unique_ptr<const FactLexicon> lexicon);
  std::unique_ptr<const FactLexicon> lexicon_;
};

// The value of a number token in `language` conventions ("5,000" en = 5000,
// "2.500" fr = 2500, "1,5" fr = 1.5); false for dates, times and ranges.
bool ParseNumberToken(std::string_view token, std::string_view language, double* value);

}  // namespace dossier

#endif  // DOSSIER_FACTS_CLAIMS_H_
