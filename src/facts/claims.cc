// Tested by facts_test.cc.
#include "facts/claims.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "facts/fact_lexicon.h"
#include "text/stemmer.h"

namespace dossier {
namespace {

using Kind = TimeToken::Kind;
constexpr double kInf = std::numeric_limits<double>::infinity();
// Bytes between a figure and a date expression that dates it ("over 2,800
// soldiers withdrawn between March 2020 and January 2021").
constexpr int64_t kFigureWindow = 60;
// Bytes after a happening word within which its date is looked for.
constexpr int64_t kHappeningWindow = 120;

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct NumberSpan {
  size_t begin = 0;   ///< first token (marker included)
  size_t number = 0;  ///< first token of the number itself
  size_t end = 0;     ///< one past the last token
  double value = 0, low = 0, high = 0;
  std::string approx;
  std::string currency;  ///< concept of a currency sign before the number
  bool vague = false;    ///< a vague quantity ("dozens of")
};

// Interval a value allows given its approximation marker.
void Widen(const std::string& marker, NumberSpan* n) {
  double v = n->value;
  if (marker == "about") {
    n->low = v * 0.9, n->high = v * 1.1;
  } else if (marker == "nearly") {
    n->low = v * 0.9, n->high = v;
  } else if (marker == "over" || marker == "atleast") {
    n->low = v, n->high = kInf;
  } else if (marker == "upto" || marker == "under") {
    n->low = 0, n->high = v;
  } else if (v >= 100 && std::fmod(v, 100) == 0) {
    n->low = v * 0.95, n->high = v * 1.05;  // a round figure is a rounded one
  } else {
    n->low = v * 0.995, n->high = v * 1.005;
  }
}

class ArticleScanner {
 public:
  ArticleScanner(const FactLexicon& lex, const FactsArticle& a, const ArticleTime& time)
      : lex_(lex), a_(a), time_(time), stemmer_(lex.language()), t_(TokenizeForTime(a.text)) {
    in_time_.assign(t_.size(), false);
    sentence_of_.assign(t_.size(), -1);
    size_t e = 0, s = 0;
    for (size_t k = 0; k < t_.size(); ++k) {
      while (e < time.expressions.size() && time.expressions[e].end <= t_[k].begin) ++e;
      if (e < time.expressions.size() && time.expressions[e].begin <= t_[k].begin)
        in_time_[k] = true;
      while (s < a.sentences.size() && a.sentences[s].end <= t_[k].begin) ++s;
      if (s < a.sentences.size() && a.sentences[s].begin <= t_[k].begin)
        sentence_of_[k] = static_cast<int>(s);
    }
  }

  ArticleFacts Run() {
    ArticleFacts out;
    out.article = a_.id;
    for (size_t k = 0; k < t_.size(); ++k) {
      if (sentence_of_[k] < 0 || in_time_[k]) continue;
      NumberSpan n;
      if (NumberAt(k, &n)) {
        if (std::optional<NumericClaim> c = Figure(n)) {
          out.figures.push_back(std::move(*c));
          k = n.end - 1;
          continue;
        }
      }
      if (std::optional<HappeningClaim> h = Happening(k)) {
        bool dup =
            std::any_of(out.happenings.begin(), out.happenings.end(), [&](const HappeningClaim& x) {
              return x.sentence == h->sentence && x.happening == h->happening &&
                     x.participant == h->participant;
            });
        if (!dup) out.happenings.push_back(std::move(*h));
      }
    }
    return out;
  }

 private:
  std::string_view Text(size_t first, size_t last) const {
    return a_.text.substr(t_[first].begin, t_[last].end - t_[first].begin);
  }
  bool SameSentence(size_t k, size_t i) const {
    return k < t_.size() && sentence_of_[k] == sentence_of_[i];
  }
  std::string Stem(const std::string& folded) { return std::string(stemmer_.Stem(folded)); }

  // A number at token i (digits, words or a vague quantity) with its marker.
  bool NumberAt(size_t i, NumberSpan* n) {
    const NumberWord* w = nullptr;
    size_t end = i;
    if (size_t len = lex_.MatchNumber(t_, i, NumberWord::Kind::kRange, &w)) {
      n->value = w->value, n->low = w->low, n->high = w->high;
      n->approx = std::string(Text(i, i + len - 1));
      n->begin = n->number = i;
      n->end = i + len;
      n->vague = true;
      return true;
    }
    if (t_[i].kind == Kind::kNumber) {
      if (!t_[i].space_before && i > 0 &&
          (t_[i - 1].kind == Kind::kWord || t_[i - 1].folded == "-"))
        return false;
      if (i + 1 < t_.size() && !t_[i + 1].space_before &&
          (t_[i + 1].kind == Kind::kWord || t_[i + 1].folded == "-")) {
        return false;  // "1st", "2e", "33-year-old"
      }
      if (!ParseNumberToken(t_[i].folded, lex_.language(), &n->value)) return false;
      end = i + 1;
      // "2 500", "10 000": groups of three digits after spaces.
      if (IsDigits(t_[i].folded) && t_[i].folded.size() <= 3) {
        while (end < t_.size() && t_[end].kind == Kind::kNumber && t_[end].folded.size() == 3 &&
               IsDigits(t_[end].folded) && SameSentence(end, i) &&
               t_[end].begin - t_[end - 1].end <= 3 && !in_time_[end]) {
          n->value = n->value * 1000 + std::strtod(t_[end].folded.c_str(), nullptr);
          ++end;
        }
      }
    } else if (size_t len = lex_.MatchNumber(t_, i, NumberWord::Kind::kNumber, &w)) {
      if (w->value == 1) return false;  // "one of", "un", "une": articles and pronouns
      n->value = w->value;
      end = i + len;
    } else {
      return false;
    }
    if (size_t len = lex_.MatchNumber(t_, end, NumberWord::Kind::kScale, &w)) {
      n->value *= w->value;
      end += len;
    }
    n->begin = n->number = i;
    n->end = end;
    if (i > 0 && (t_[i - 1].folded == "$" || t_[i - 1].folded == "\xE2\x82\xAC")) {
      n->currency = t_[i - 1].folded == "$" ? "usd" : "eur";
      n->begin = i - 1;
    }
    std::string marker;
    for (size_t back = 1; back <= 3 && back <= n->begin; ++back) {
      size_t at = n->begin - back;
      if (lex_.MatchNumber(t_, at, NumberWord::Kind::kMarker, &w) == back && SameSentence(at, i)) {
        marker = w->marker;
        n->approx = std::string(Text(at, n->begin - 1));
        n->begin = at;
        break;
      }
    }
    Widen(marker, n);
    return true;
  }

  std::optional<NumericClaim> Figure(const NumberSpan& n) {
    size_t k = n.end;
    bool english = lex_.language() == "en";
    NumericClaim c;
    std::vector<size_t> words;
    if (k < t_.size() && SameSentence(k, n.number) &&
        (t_[k].folded == "%" || t_[k].folded == "percent" ||
         ((t_[k].folded == "per" || t_[k].folded == "pour") && k + 1 < t_.size() &&
          t_[k + 1].folded == "cent"))) {
      size_t last = t_[k].folded == "%" || t_[k].folded == "percent" ? k : k + 1;
      c.unit = std::string(Text(k, last));
      c.counted = "percent";
      k = last + 1;
    } else {
      if (k < t_.size() && (t_[k].folded == "of" || t_[k].folded == "de" || t_[k].folded == "d'"))
        ++k;
      // The counted phrase ends at its head noun: the last noun of a run of
      // counted nouns in English ("rocket attacks"), the first noun and its
      // nationality in French ("soldats américains").
      bool head_seen = false;
      while (k < t_.size() && words.size() < 4 && SameSentence(k, n.number) &&
             t_[k].kind == Kind::kWord && !in_time_[k] && !lex_.IsStop(t_[k].folded)) {
        bool counted = !lex_.UnitConcept(Stem(t_[k].folded)).empty();
        bool nationality = !lex_.Nationality(t_[k].folded).empty();
        if (head_seen && !(english ? counted : nationality)) break;
        head_seen = head_seen || counted;
        words.push_back(k++);
      }
      if (words.empty()) {
        if (n.currency.empty()) return std::nullopt;
        c.counted = n.currency;
      } else {
        c.unit = std::string(Text(words.front(), words.back()));
      }
    }
    // Concept: the head noun (last in English, first in French) wins.
    std::string nationality_text;
    std::vector<size_t> order = words;
    if (english) std::reverse(order.begin(), order.end());
    std::vector<std::string> qualifiers;
    for (size_t w : order) {
      const std::string& nat = lex_.Nationality(t_[w].folded);
      if (!nat.empty()) {
        if (c.nationality.empty()) c.nationality = nat, nationality_text = std::string(Text(w, w));
        continue;
      }
      if (c.counted.empty()) {
        c.counted = lex_.UnitConcept(Stem(t_[w].folded));
      } else {
        qualifiers.push_back(Stem(t_[w].folded));  // "elite", "special operations"
      }
    }
    std::sort(qualifiers.begin(), qualifiers.end());
    for (const std::string& q : qualifiers) c.qualifier.append(c.qualifier.empty() ? "" : " ") += q;
    if (c.counted.empty() && !n.currency.empty()) c.counted = n.currency;
    if (c.counted.empty()) {
      auto head = std::find_if(order.begin(), order.end(),
                               [&](size_t w) { return lex_.Nationality(t_[w].folded).empty(); });
      c.counted = "persons";
      if (head != order.end()) c.counted.assign("stem:").append(Stem(t_[*head].folded));
    }
    if ((c.counted == "people" || c.counted == "persons") && DeathWordFollows(k, n.number)) {
      c.counted = "deaths";  // "50 people were killed", "deux personnes tuées"
    }
    // A place right after: "troops in Iraq", "soldats en Irak".
    std::string place;
    if (k + 1 < t_.size() && SameSentence(k + 1, n.number) &&
        (t_[k].folded == "in" || t_[k].folded == "en" || t_[k].folded == "au" ||
         t_[k].folded == "dans") &&
        t_[k + 1].capitalized && !in_time_[k + 1]) {
      size_t p = k + 1;
      while (p + 1 < t_.size() && t_[p + 1].capitalized && SameSentence(p + 1, n.number)) ++p;
      place = std::string(Text(k + 1, p));
      c.subject_keys.push_back(std::string("place:").append(t_[p].folded));
      k = p + 1;
    }
    c.subject = nationality_text;
    if (!place.empty()) {
      if (!c.subject.empty()) c.subject.push_back(' ');
      c.subject.append(place);
    }

    size_t s = static_cast<size_t>(sentence_of_[n.number]);
    for (const EntityMention& m : a_.mentions) {
      if (m.begin >= a_.sentences[s].begin && m.end <= a_.sentences[s].end &&
          !m.entity_id.empty() && (m.type == MentionType::kPlace || m.type == MentionType::kOrg)) {
        c.subject_keys.push_back(m.entity_id);
      }
    }
    std::sort(c.subject_keys.begin(), c.subject_keys.end());
    c.subject_keys.erase(std::unique(c.subject_keys.begin(), c.subject_keys.end()),
                         c.subject_keys.end());

    c.article = a_.id;
    c.sentence = static_cast<uint32_t>(s);
    c.begin = t_[n.begin].begin;
    c.end = t_[k > n.end ? k - 1 : n.end - 1].end;
    c.value = n.value;
    c.low = n.low;
    c.high = n.high;
    c.approx = n.approx;
    c.vague = n.vague;
    c.counts_a_set = !Proposed(n.begin, n.number) && !Distributive(n.end, n.number);
    c.text = std::string(a_.text.substr(c.begin, c.end - c.begin));
    c.date = NearestDate(s, c.begin, c.end, /*at_only=*/false, nullptr);
    return c;
  }

  // The nearest non-vague expression of sentence s to [begin, end); else the
  // sentence's date (unless at_only, which also requires relation kAt).
  ClaimDate NearestDate(size_t s, uint32_t begin, uint32_t end, bool at_only,
                        const TemporalExpression** used) {
    ClaimDate d;
    const TextSpan& span = a_.sentences[s];
    int64_t best = INT64_MAX;
    for (const TemporalExpression& e : time_.expressions) {
      if (e.begin < span.begin || e.end > span.end || e.precision == Precision::kVague) continue;
      if (at_only && e.relation != TimeRelation::kAt) continue;
      int64_t dist = e.begin >= end ? e.begin - end : (begin >= e.end ? begin - e.end : 0);
      if (at_only && dist > kHappeningWindow) continue;
      if (at_only && e.begin >= end && ClauseBetween(end, e.begin)) continue;
      if (e.end <= begin) {
        // A happening is dated after its word ("killed X in January 2020"),
        // or by an expression that opens the sentence ("In January 2020, a
        // drone killed X"); any other earlier one belongs to another verb.
        if (at_only && !OpensSentence(span, e)) continue;
        // A figure, likewise, prefers the date that follows it.
        dist += at_only ? kHappeningWindow : kFigureWindow / 2;
      }
      if (dist > (at_only ? 2 * kHappeningWindow : kFigureWindow + kFigureWindow / 2)) continue;
      if (dist < best) {
        best = dist;
        d.known = true;
        d.value = e.value;
        d.start = e.start;
        d.last = e.last;
        d.estimated = e.anchor_estimated;
        if (used) *used = &e;
      }
    }
    if (d.known || at_only || !time_.anchor) return d;
    // A figure stated without a date next to it is taken as of publication.
    d.known = true;
    d.start = d.last = DayPoint(time_.anchor->day);
    d.value = FormatTimePoint(d.start);
    d.estimated = time_.anchor->estimated;
    d.from_sentence = true;
    return d;
  }

  bool NameToken(size_t k, size_t i) const {
    return k < t_.size() && SameSentence(k, i) && t_[k].kind == Kind::kWord && t_[k].capitalized &&
           !in_time_[k];
  }

  // A verb or clause word between a happening word and a date after it: the
  // date is another verb's ("when Williams was arrested were released
  // Wednesday", "died while serving a sentence imposed in 1997").
  bool ClauseBetween(uint32_t from, uint32_t to) const {
    for (size_t k = TokenAt(from); k < t_.size() && t_[k].begin < to; ++k) {
      const std::string& w = t_[k].folded;
      bool article = w == "a" && lex_.language() == "en";  // "in a drone strike"
      if ((IsAuxiliary(w) && !article) || lex_.IsClauseWord(w)) return true;
    }
    return false;
  }

  // "In January 2020, ...", "Le 3 janvier, ...": only prepositions before.
  bool OpensSentence(const TextSpan& sentence, const TemporalExpression& e) const {
    for (size_t k = TokenAt(sentence.begin); k < t_.size() && t_[k].begin < e.begin; ++k) {
      const std::string& w = t_[k].folded;
      if (w != "in" && w != "on" && w != "at" && w != "during" && w != "en" && w != "le" &&
          w != "au" && w != "dans" && w != "lors" && w != "de" && w != "du")
        return false;
    }
    return true;
  }

  static bool IsAuxiliary(std::string_view w) {
    return w == "was" || w == "were" || w == "been" || w == "be" || w == "being" || w == "is" ||
           w == "has" || w == "had" || w == "have" || w == "a" || w == "été" || w == "est" ||
           w == "fut" || w == "avait" || w == "ont" || w == "sont" || w == "être" || w == "avoir";
  }
  static bool IsArticleOrOf(std::string_view w) {
    return w == "of" || w == "the" || w == "a" || w == "an" || w == "de" || w == "du" ||
           w == "des" || w == "la" || w == "le" || w == "les" || w == "l'" || w == "d'";
  }

  // "plotted to kill", "would have killed", "assassination attempt".
  bool Unreal(size_t i) const {
    if (i + 1 < t_.size() && SameSentence(i + 1, i) && lex_.IsUnrealAfter(t_[i + 1].folded))
      return true;
    if (i == 0 || !SameSentence(i - 1, i)) return false;
    if (lex_.IsUnrealBefore(t_[i - 1].folded)) return true;
    return IsAuxiliary(t_[i - 1].folded) && i >= 2 && SameSentence(i - 2, i) &&
           lex_.IsUnrealBefore(t_[i - 2].folded);
  }

  // Tokens [from, to) between a happening word and a name after it: "of",
  // articles and title words ("killing of Iranian general Qassem Soleimani");
  // no preposition, clause word, pronoun ("death of his son") or punctuation.
  bool GovernsAfter(size_t from, size_t to) const {
    if (to - from > 8) return false;
    int lower = 0;
    for (size_t k = from; k < to; ++k) {
      const TimeToken& t = t_[k];
      if (t.kind != Kind::kWord || in_time_[k] || lex_.IsPronoun(t.folded)) return false;
      if (IsArticleOrOf(t.folded)) continue;
      if (lex_.IsStop(t.folded) || (!t.capitalized && ++lower > 2)) return false;
    }
    return true;
  }
  // Tokens [from, to) between a name and a happening word after it: a
  // possessive or auxiliaries only ("Soleimani's death", "X was killed").
  bool GovernsBefore(size_t from, size_t to) const {
    if (to - from > 3) return false;
    for (size_t k = from; k < to; ++k) {
      const std::string& w = t_[k].folded;
      if (w != "'" && w != "s" && !IsAuxiliary(w)) return false;
    }
    return true;
  }

  // The first token at or after byte `at`.
  size_t TokenAt(uint32_t at) const {
    return static_cast<size_t>(
        std::lower_bound(t_.begin(), t_.end(), at,
                         [](const TimeToken& t, uint32_t b) { return t.begin < b; }) -
        t_.begin());
  }

  struct NameSpan {
    size_t first = 0, last = 0;  ///< tokens
    std::string key, text;
  };

  // The persons of the sentence of token i: person mentions when the article
  // has mentions, else runs of capitalised words (not a lone nationality or
  // sentence-initial word).
  std::vector<NameSpan> PersonsOfSentence(size_t i) const {
    std::vector<NameSpan> out;
    const TextSpan& span = a_.sentences[static_cast<size_t>(sentence_of_[i])];
    if (!a_.mentions.empty()) {
      for (const EntityMention& m : a_.mentions) {
        if (m.begin < span.begin || m.end > span.end || m.type != MentionType::kPerson ||
            m.entity_id.empty())
          continue;
        size_t first = TokenAt(m.begin), last = TokenAt(m.end);
        if (first >= last) continue;
        out.push_back(
            {first, last - 1, m.entity_id, std::string(a_.text.substr(m.begin, m.end - m.begin))});
      }
      return out;
    }
    for (size_t k = TokenAt(span.begin); k < t_.size() && t_[k].begin < span.end; ++k) {
      if (!NameToken(k, k)) continue;
      size_t last = k;
      while (NameToken(last + 1, k)) ++last;
      bool lone = k == last &&
                  (!lex_.Nationality(t_[k].folded).empty() || k == 0 || !SameSentence(k - 1, k));
      if (!lone) out.push_back({k, last, t_[last].folded, std::string(Text(k, last))});
      k = last;
    }
    return out;
  }

  // The person a happening word at i is about (see the header).
  bool Participant(size_t i, std::string* key, std::string* text) const {
    if (i + 1 < t_.size() && SameSentence(i + 1, i) && lex_.IsPronoun(t_[i + 1].folded))
      return false;  // "killed him": a person named elsewhere
    std::vector<NameSpan> persons = PersonsOfSentence(i);
    const NameSpan* after = nullptr;
    const NameSpan* before = nullptr;
    for (const NameSpan& p : persons) {
      if (p.first > i && !after && GovernsAfter(i + 1, p.first)) after = &p;
      if (p.last < i && GovernsBefore(p.last + 1, i)) before = &p;
    }
    bool passive = false;
    for (size_t back = 1; back <= 2 && back <= i; ++back) {
      const std::string& w = t_[i - back].folded;
      passive = passive || w == "was" || w == "were" || w == "been" || w == "été";
    }
    const NameSpan* chosen = passive && before ? before : (after ? after : before);
    if (!chosen) return false;
    *key = chosen->key;
    *text = chosen->text;
    return true;
  }

  std::optional<HappeningClaim> Happening(size_t i) {
    if (t_[i].kind != Kind::kWord || in_time_[i]) return std::nullopt;
    const std::string& what = lex_.HappeningConcept(Stem(t_[i].folded));
    if (what.empty() || Unreal(i)) return std::nullopt;
    HappeningClaim h;
    if (!Participant(i, &h.participant, &h.participant_text)) return std::nullopt;
    size_t s = static_cast<size_t>(sentence_of_[i]);
    const TemporalExpression* used = nullptr;
    h.date = NearestDate(s, t_[i].begin, t_[i].end, /*at_only=*/true, &used);
    if (!h.date.known || h.date.estimated || used == nullptr) return std::nullopt;
    h.article = a_.id;
    h.sentence = static_cast<uint32_t>(s);
    h.begin = t_[i].begin;
    h.end = t_[i].end;
    h.happening = what;
    h.date_begin = used->begin;
    h.date_end = used->end;
    return h;
  }

  // "called for 20,000 troops", "plans to send 3,000 soldiers".
  // The prepositions among the unreal words ("to kill", "tenter de") stand
  // before actual counts too ("cut to 2,500 troops", "plus de 5 000").
  bool Proposed(size_t begin, size_t number) const {
    for (size_t back = 1; back <= 2 && back <= begin; ++back) {
      const std::string& w = t_[begin - back].folded;
      if (w == "to" || w == "de" || w == "d'" || w == "pour") continue;
      if (SameSentence(begin - back, number) && lex_.IsUnrealBefore(w)) return true;
    }
    return false;
  }
  // "Two Americans were killed at each location": a count per item.
  bool Distributive(size_t from, size_t number) const {
    for (size_t k = from; k < t_.size() && SameSentence(k, number); ++k) {
      if (lex_.IsDistributive(t_[k].folded)) return true;
    }
    return false;
  }

  // "50 people were killed", "people died", "deux personnes tuées".
  bool DeathWordFollows(size_t k, size_t number) {
    for (size_t n = 0; n < 3 && k + n < t_.size() && SameSentence(k + n, number); ++n) {
      const std::string& w = t_[k + n].folded;
      if (t_[k + n].kind != Kind::kWord) return false;
      std::string stem = Stem(w);
      if (lex_.HappeningConcept(stem) == "death" || lex_.UnitConcept(stem) == "deaths") return true;
      if (!IsAuxiliary(w)) return false;
    }
    return false;
  }

  const FactLexicon& lex_;
  const FactsArticle& a_;
  const ArticleTime& time_;
  Stemmer stemmer_;
  std::vector<TimeToken> t_;
  std::vector<bool> in_time_;
  std::vector<int> sentence_of_;
};

}  // namespace

bool ParseNumberToken(std::string_view token, std::string_view language, double* value) {
  if (token.find_first_of("/:-") != std::string_view::npos || token.empty()) return false;
  std::vector<std::string_view> groups;
  std::string seps;
  size_t start = 0;
  for (size_t k = 0; k < token.size(); ++k) {
    if (token[k] == '.' || token[k] == ',') {
      groups.push_back(token.substr(start, k - start));
      seps += token[k];
      start = k + 1;
    }
  }
  groups.push_back(token.substr(start));
  std::string digits;
  auto number = [&](std::string_view int_part, std::string_view frac) {
    digits.assign(int_part);
    if (!frac.empty()) digits.append(".").append(frac);
    *value = std::strtod(digits.c_str(), nullptr);
    return true;
  };
  if (seps.empty()) return number(token, "");
  bool threes =
      groups.front().size() <= 3 && std::all_of(groups.begin() + 1, groups.end(),
                                                [](std::string_view g) { return g.size() == 3; });
  std::string joined;
  auto all_but_last = [&](size_t n) {
    joined.clear();
    for (size_t g = 0; g < n; ++g) joined += groups[g];
    return std::string_view(joined);
  };
  if (seps.find_first_not_of(seps[0]) == std::string::npos) {
    char c = seps[0];
    bool thousands_sep = (c == ',') == (language == "en");  // en 5,000; fr 2.500
    if (threes && (thousands_sep || seps.size() > 1))
      return number(all_but_last(groups.size()), "");
    if (seps.size() == 1) return number(groups[0], groups[1]);
    return false;
  }
  // Mixed: "1,234.5" or "1.234,5": the last separator is the decimal one.
  if (seps.back() == seps.front()) return false;
  return number(all_but_last(groups.size() - 1), groups.back());
}

FactExtractor::FactExtractor(std::unique_ptr<const FactLexicon> lexicon)
    : lexicon_(std::move(lexicon)) {}
FactExtractor::~FactExtractor() = default;
FactExtractor::FactExtractor(FactExtractor&&) noexcept = default;
FactExtractor& FactExtractor::operator=(FactExtractor&&) noexcept = default;

Result<FactExtractor> FactExtractor::Create(std::string_view language) {
  Result<FactLexicon> lex = FactLexicon::Load(language);
  if (!lex.ok()) return lex.status();
  return FactExtractor(std::make_unique<const FactLexicon>(std::move(*lex)));
}

ArticleFacts FactExtractor::Extract(const FactsArticle& article, const ArticleTime& time) const {
  ArticleScanner scanner(*lexicon_, article, time);
  return scanner.Run();
}

}  // namespace dossier
