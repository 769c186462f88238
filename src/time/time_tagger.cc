// Tested by time_tagger_test.cc and time_gold_test.cc.
#include "time/time_tagger.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "clean/dates.h"
#include "time/lexicon.h"

namespace dossier {
namespace {

using Kind = TimeToken::Kind;

enum class Direction { kPast, kFuture, kNearest };

// One parsed expression over tokens [begin, end).
struct Parsed {
  size_t begin = 0;
  size_t end = 0;
  TimePoint start;
  TimePoint last;
  bool range = false;
  bool anchored = false;
  bool year_inferred = false;  ///< a month or day whose year came from the anchor
  TimeModifier modifier = TimeModifier::kNone;
  TimeRelation relation = TimeRelation::kAt;
};

// How far ahead of the anchor a day stated without a year is still read as
// the coming one in a past-tense sentence.
constexpr int kComingDays = 14;

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int ToInt(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

TimePoint ShiftMonth(int year, int month, int shift) {
  int m = year * 12 + (month - 1) + shift;
  return MonthPoint(m / 12, m % 12 + 1);
}

class Parser {
 public:
  Parser(const TimeLexicon& lex, bool english, std::string_view text,
         const std::vector<TimeToken>& t, const std::optional<TimeAnchor>& anchor)
      : lex_(lex), english_(english), text_(text), t_(t), anchor_(anchor) {}

  void set_direction(Direction d) { dir_ = d; }

  // The longest expression starting at token i.
  std::optional<Parsed> ParseAt(size_t i) const {
    std::optional<Parsed> best = ParseRange(i);
    Keep(&best, ParseRelation(i));
    Keep(&best, ParseModded(i));
    return best;
  }

 private:
  static void Keep(std::optional<Parsed>* best, std::optional<Parsed> p) {
    if (p && (!*best || p->end > (*best)->end)) *best = std::move(p);
  }

  bool IsWord(size_t i, std::string_view w) const { return i < t_.size() && t_[i].folded == w; }
  bool IsNumber(size_t i) const { return i < t_.size() && t_[i].kind == Kind::kNumber; }
  size_t Match(size_t i, LexCat c, const LexEntry** e = nullptr) const {
    const LexEntry* unused = nullptr;
    return lex_.Match(t_, i, c, e ? e : &unused);
  }

  // A month word as a month: capitalised in English, and "May"/"March" only
  // where a date is expected (they are also a verb and a modal).
  bool MonthAt(size_t i, int* month, size_t* len) const {
    const LexEntry* e = nullptr;
    size_t n = Match(i, LexCat::kMonth, &e);
    if (n == 0) return false;
    if (english_ && !t_[i].capitalized) return false;
    *month = e->number;
    *len = n;
    if (i + n < t_.size() && t_[i + n].folded == "." && !t_[i + n].space_before) ++*len;
    return true;
  }

  // A day-of-month number at i (1..31), optionally with a glued ordinal.
  bool DayAt(size_t i, int* day, size_t* len) const {
    if (!IsNumber(i) || !AllDigits(t_[i].folded) || t_[i].folded.size() > 2) return false;
    int d = ToInt(t_[i].folded);
    if (d < 1 || d > 31) return false;
    *day = d;
    *len = 1;
    if (i + 1 < t_.size() && !t_[i + 1].space_before && Match(i + 1, LexCat::kOrdinal) == 1)
      *len = 2;
    return true;
  }

  bool HasFourDigits(size_t begin, size_t end) const {
    for (size_t k = begin; k < end; ++k) {
      int run = 0;
      for (char c : t_[k].folded) {
        run = (c >= '0' && c <= '9') ? run + 1 : 0;
        if (run == 4) return true;
      }
    }
    return false;
  }

  bool YearGuard(size_t i) const {
    const std::string& s = t_[i].folded;
    if (s.size() != 4 || !AllDigits(s)) return false;
    int y = ToInt(s);
    if (y < 1900 || y > 2100) return false;
    if (i > 0 && (t_[i - 1].folded == "$" || t_[i - 1].folded == "\xE2\x82\xAC" ||
                  t_[i - 1].folded == "\xC2\xA3" || t_[i - 1].folded == "#")) {
      return false;
    }
    if (i + 1 < t_.size()) {
      const std::string& next = t_[i + 1].folded;
      if (next == "%" || next == "percent" || next == "pour" ||
          (next == "s" && !t_[i + 1].space_before)) {
        return false;
      }
    }
    return true;
  }

  // --- base expressions -------------------------------------------------

  // Dates with a year, through clean's ParseDate on growing spans.
  std::optional<Parsed> ParseAbsolute(size_t i) const {
    if (i >= t_.size()) return std::nullopt;
    int m;
    size_t len;
    bool month_start = MonthAt(i, &m, &len);
    bool weekday_start = Match(i, LexCat::kWeekday) > 0;
    if (!IsNumber(i) && !month_start && !weekday_start) return std::nullopt;
    size_t limit = std::min(t_.size(), i + 9);
    for (size_t j = limit; j > i; --j) {
      if (t_[j - 1].kind == Kind::kPunct) continue;
      std::string_view span = text_.substr(t_[i].begin, t_[j - 1].end - t_[i].begin);
      std::optional<DateParts> d = ParseDate(span);
      if (!d || d->year == 0) continue;
      if (j == i + 1 && d->month == 0 && !YearGuard(i)) continue;
      if (!HasFourDigits(i, j)) continue;        // "27 janvier, 16 000" is no year 2016
      if (d->month == 0 && j > i + 1) continue;  // "Friday 2020": not a date
      Parsed p;
      p.begin = i;
      p.end = j;
      if (d->day > 0) {
        p.start = DayPoint({d->year, d->month, d->day});
      } else if (d->month > 0) {
        p.start = MonthPoint(d->year, d->month);
      } else {
        p.start = YearPoint(d->year);
      }
      p.last = p.start;
      return p;
    }
    return std::nullopt;
  }

  // "1990s", "the '90s", "les années 1990", "les années 90".
  std::optional<Parsed> ParseDecade(size_t i) const {
    size_t k = i + Match(i, LexCat::kDecadePre);
    bool apostrophe = k < t_.size() && t_[k].folded == "'";
    if (apostrophe) ++k;
    if (!IsNumber(k) || !AllDigits(t_[k].folded)) return std::nullopt;
    const std::string& s = t_[k].folded;
    bool glued_s = k + 1 < t_.size() && t_[k + 1].folded == "s" && !t_[k + 1].space_before;
    bool french = k > i && !english_ && !apostrophe;
    if (!glued_s && !french) return std::nullopt;
    int year = 0;
    if (s.size() == 4 && s.back() == '0') year = ToInt(s);
    if (s.size() == 2 && s.back() == '0' && (apostrophe || french)) {
      int v = ToInt(s);
      year = v >= 30 ? 1900 + v : 2000 + v;
    }
    if (year < 1800 || year > 2090) return std::nullopt;
    Parsed p;
    p.begin = i;
    p.end = k + (glued_s ? 2 : 1);
    p.start.precision = Precision::kDecade;
    p.start.year = year;
    p.last = p.start;
    return p;
  }

  CivilDay ResolveMonthDay(int month, int day, Direction dir) const {
    const CivilDay& a = anchor_->day;
    int64_t anchor_days = DaysFromCivil(a);
    CivilDay best{};
    int64_t best_score = INT64_MAX;
    for (int y = a.year - 1; y <= a.year + 1; ++y) {
      int d = std::min(day, DaysInMonth(y, month));
      int64_t diff = DaysFromCivil({y, month, d}) - anchor_days;
      if (dir == Direction::kPast && diff > 0) continue;
      if (dir == Direction::kFuture && diff < 0) continue;
      int64_t score = std::llabs(diff);
      if (score < best_score) best_score = score, best = {y, month, d};
    }
    return best;
  }

  int ResolveMonthYear(int month, Direction dir, int shift) const {
    const CivilDay& a = anchor_->day;
    if (shift < 0) return month < a.month ? a.year : a.year - 1;
    if (shift > 0) return month > a.month ? a.year : a.year + 1;
    if (dir == Direction::kPast) return month <= a.month ? a.year : a.year - 1;
    if (dir == Direction::kFuture) return month >= a.month ? a.year : a.year + 1;
    int diff = month - a.month;
    if (diff > 6) return a.year - 1;
    if (diff < -6) return a.year + 1;
    return a.year;
  }

  // "January 20", "Jan. 20th", "20 January", "1er septembre", "10 novembre".
  std::optional<Parsed> ParseMonthDay(size_t i) const {
    if (!anchor_) return std::nullopt;
    int month = 0, day = 0;
    size_t mlen = 0, dlen = 0, end = 0;
    if (MonthAt(i, &month, &mlen) && DayAt(i + mlen, &day, &dlen)) {
      end = i + mlen + dlen;
    } else if (DayAt(i, &day, &dlen)) {
      size_t k = i + dlen;
      if (IsWord(k, "of")) ++k;
      if (!MonthAt(k, &month, &mlen)) return std::nullopt;
      end = k + mlen;
    } else {
      return std::nullopt;
    }
    if (day > DaysInMonth(2000, month)) return std::nullopt;
    Parsed p;
    p.begin = i;
    p.end = end;
    CivilDay resolved = ResolveMonthDay(month, day, dir_);
    if (dir_ == Direction::kPast) {
      // A day without a year within two weeks ahead is the coming one
      // (announcements, timelines), even in a past-tense sentence.
      CivilDay ahead = ResolveMonthDay(month, day, Direction::kFuture);
      if (DaysFromCivil(ahead) - DaysFromCivil(anchor_->day) <= kComingDays) resolved = ahead;
    }
    p.start = DayPoint(resolved);
    p.last = p.start;
    p.anchored = p.year_inferred = true;
    return p;
  }

  // "in October", "last March", "octobre dernier".
  std::optional<Parsed> ParseMonth(size_t i) const {
    if (!anchor_) return std::nullopt;
    const LexEntry* shift_entry = nullptr;
    size_t k = i + Match(i, LexCat::kShiftPre, &shift_entry);
    int shift = k > i ? shift_entry->number : 0;
    int month = 0;
    size_t mlen = 0;
    if (!MonthAt(k, &month, &mlen)) return std::nullopt;
    if (english_ && k == i && (month == 3 || month == 5)) {
      static constexpr std::string_view kCues[] = {
          "in",    "of",      "since", "until", "by",   "from",    "early",
          "late",  "mid",     "-",     "and",   "to",   "through", "before",
          "after", "between", "till",  "last",  "next", "this",    "or"};
      if (i == 0 ||
          std::find(std::begin(kCues), std::end(kCues), t_[i - 1].folded) == std::end(kCues)) {
        return std::nullopt;
      }
    }
    size_t end = k + mlen;
    const LexEntry* post = nullptr;
    if (size_t n = Match(end, LexCat::kShiftPost, &post)) shift = post->number, end += n;
    int year = ResolveMonthYear(month, dir_, shift);
    // "March of next year", "mars de l'an prochain"
    if (IsWord(end, "of") || IsWord(end, "de")) {
      std::optional<Parsed> y = ParseRelUnit(end + 1);
      if (y && y->start.precision == Precision::kYear && y->modifier == TimeModifier::kNone) {
        year = y->start.year;
        end = y->end;
      }
    }
    Parsed p;
    p.begin = i;
    p.end = end;
    p.start = MonthPoint(year, month);
    p.last = p.start;
    p.anchored = p.year_inferred = true;
    return p;
  }

  // "Thursday", "on Thursday night", "last Tuesday", "jeudi", "mardi dernier",
  // and a weekday before a date ("Tuesday, March 3", "jeudi 10 novembre").
  std::optional<Parsed> ParseWeekday(size_t i) const {
    const LexEntry* shift_entry = nullptr;
    size_t k = i + Match(i, LexCat::kShiftPre, &shift_entry);
    int shift = k > i ? shift_entry->number : 0;
    const LexEntry* wd = nullptr;
    size_t n = Match(k, LexCat::kWeekday, &wd);
    if (n == 0 || (english_ && !t_[k].capitalized)) return std::nullopt;
    size_t after = k + n;
    if (k == i) {
      size_t d = after;
      if (d < t_.size() && t_[d].folded == ",") ++d;
      if (IsWord(d, "le") || IsWord(d, "the")) ++d;
      std::optional<Parsed> date = ParseAbsolute(d);
      if (!date || date->start.precision != Precision::kDay) date = ParseMonthDay(d);
      if (date && date->start.precision == Precision::kDay) {
        // A stated weekday picks the year of a day given without one.
        TimePoint& d = date->start;
        for (int dy : {0, -1, 1}) {
          if (!date->year_inferred || dy == 0) continue;
          CivilDay c{d.year + dy, d.month, std::min(d.day, DaysInMonth(d.year + dy, d.month))};
          if (IsoWeekday({d.year, d.month, d.day}) != wd->number && IsoWeekday(c) == wd->number) {
            d = DayPoint(c);
          }
        }
        date->last = d;
        date->begin = i;
        return date;
      }
    }
    if (!anchor_) return std::nullopt;
    const LexEntry* post = nullptr;
    if (size_t m = Match(after, LexCat::kShiftPost, &post)) shift = post->number, after += m;
    if (size_t m = Match(after, LexCat::kPartOfDay)) after += m;
    const CivilDay& a = anchor_->day;
    int delta = wd->number - IsoWeekday(a);  // -6..6
    int64_t offset;
    int past = delta <= 0 ? delta : delta - 7;    // on or before the anchor
    int coming = delta >= 0 ? delta : delta + 7;  // on or after it
    if (shift < 0) {
      offset = delta < 0 ? delta : delta - 7;
    } else if (shift > 0) {
      offset = delta > 0 ? delta : delta + 7;
    } else if (dir_ == Direction::kFuture) {
      offset = coming;
    } else if (dir_ == Direction::kNearest) {
      offset = -past < coming ? past : coming;
    } else {
      offset = past;
    }
    Parsed p;
    p.begin = i;
    p.end = after;
    p.start = DayPoint(AddDays(a, offset));
    p.last = p.start;
    p.anchored = true;
    return p;
  }

  std::optional<Parsed> ParseDayOffset(size_t i) const {
    const LexEntry* e = nullptr;
    size_t n = Match(i, LexCat::kDayOffset, &e);
    if (n == 0 || !anchor_) return std::nullopt;
    size_t end = i + n;
    if (size_t m = Match(end, LexCat::kPartOfDay)) end += m;
    Parsed p;
    p.begin = i;
    p.end = end;
    p.start = DayPoint(AddDays(anchor_->day, e->number));
    p.last = p.start;
    p.anchored = true;
    return p;
  }

  TimePoint UnitPoint(std::string_view unit, int shift) const {
    const CivilDay& a = anchor_->day;
    if (unit == "day") return DayPoint(AddDays(a, shift));
    if (unit == "week" || unit == "weekend") {
      return WeekPoint(AddDays(a, 7 * static_cast<int64_t>(shift)), unit == "weekend");
    }
    if (unit == "month") return ShiftMonth(a.year, a.month, shift);
    if (unit == "decade") {
      TimePoint t;
      t.precision = Precision::kDecade;
      t.year = a.year - a.year % 10 + 10 * shift;
      return t;
    }
    static constexpr std::string_view kSeasons[] = {"spring", "summer", "fall", "winter"};
    for (int s = 0; s < 4; ++s) {
      if (unit != kSeasons[s]) continue;
      TimePoint t;
      t.precision = Precision::kSeason;
      t.season = s + 1;
      t.year = a.year + shift - (s == 3 && a.month <= 2 ? 1 : 0);
      return t;
    }
    return YearPoint(a.year + shift);
  }

  // "last week", "le mois dernier", "the end of the year".
  std::optional<Parsed> ParseRelUnit(size_t i) const {
    const LexEntry* e = nullptr;
    size_t n = Match(i, LexCat::kRelUnit, &e);
    if (n == 0 || !anchor_) return std::nullopt;
    std::string_view v = e->value;
    size_t sp = v.find(' ');
    if (sp == std::string_view::npos) return std::nullopt;
    std::string_view unit = v.substr(0, sp);
    std::string_view rest = v.substr(sp + 1);
    size_t sp2 = rest.find(' ');
    int shift = ToInt(rest.substr(rest[0] == '+' ? 1 : 0, sp2));
    if (rest[0] == '-')
      shift = -ToInt(rest.substr(1, sp2 == std::string_view::npos ? sp2 : sp2 - 1));
    // "this weekend" in a past-tense sentence written early in the week is
    // the weekend just gone.
    if (unit == "weekend" && shift == 0 && dir_ == Direction::kPast &&
        IsoWeekday(anchor_->day) <= 4) {
      shift = -1;
    }
    Parsed p;
    p.begin = i;
    p.end = i + n;
    p.start = UnitPoint(unit, shift);
    p.last = p.start;
    p.anchored = true;
    if (sp2 != std::string_view::npos) {
      std::string_view mod = rest.substr(sp2 + 1);
      p.modifier = mod == "start" ? TimeModifier::kStart
                   : mod == "mid" ? TimeModifier::kMid
                                  : TimeModifier::kEnd;
    }
    return p;
  }

  bool CountAt(size_t i, int* count, size_t* len) const {
    if (IsNumber(i) && AllDigits(t_[i].folded) && t_[i].folded.size() <= 3) {
      *count = ToInt(t_[i].folded);
      *len = 1;
      return true;
    }
    const LexEntry* e = nullptr;
    size_t n = Match(i, LexCat::kCount, &e);
    if (n == 0) return false;
    *count = e->number;
    *len = n;
    return true;
  }

  // "two years ago", "a week ago", "il y a deux ans".
  std::optional<Parsed> ParseAgo(size_t i) const {
    if (!anchor_) return std::nullopt;
    size_t k = i;
    size_t pre = Match(i, LexCat::kAgoPre);
    k += pre;
    int count = 0;
    size_t clen = 0;
    if (!CountAt(k, &count, &clen)) return std::nullopt;
    const LexEntry* unit = nullptr;
    size_t ulen = Match(k + clen, LexCat::kUnit, &unit);
    if (ulen == 0) return std::nullopt;
    size_t end = k + clen + ulen;
    if (pre == 0) {
      size_t ago = Match(end, LexCat::kAgo);
      if (ago == 0) return std::nullopt;
      end += ago;
    }
    Parsed p;
    p.begin = i;
    p.end = end;
    if (unit->value == "day") {
      p.start = DayPoint(AddDays(anchor_->day, -count));
    } else if (unit->value == "week") {
      p.start = WeekPoint(AddDays(anchor_->day, -7 * static_cast<int64_t>(count)), false);
    } else if (unit->value == "month") {
      p.start = ShiftMonth(anchor_->day.year, anchor_->day.month, -count);
    } else if (unit->value == "year") {
      p.start = YearPoint(anchor_->day.year - count);
    } else {
      return std::nullopt;
    }
    p.last = p.start;
    p.anchored = true;
    return p;
  }

  std::optional<Parsed> ParseVague(size_t i) const {
    const LexEntry* e = nullptr;
    size_t n = Match(i, LexCat::kVague, &e);
    if (n == 0) return std::nullopt;
    Parsed p;
    p.begin = i;
    p.end = i + n;
    p.start.precision = Precision::kVague;
    p.start.vague = e->value;
    p.last = p.start;
    return p;
  }

  // "2011-2013" (one number token).
  std::optional<Parsed> ParseYearSpan(size_t i) const {
    if (!IsNumber(i)) return std::nullopt;
    const std::string& s = t_[i].folded;
    if (s.size() != 9 || s[4] != '-' || !AllDigits(s.substr(0, 4)) || !AllDigits(s.substr(5))) {
      return std::nullopt;
    }
    int a = ToInt(s.substr(0, 4)), b = ToInt(s.substr(5));
    if (a < 1900 || b > 2100 || b <= a) return std::nullopt;
    Parsed p;
    p.begin = i;
    p.end = i + 1;
    p.start = YearPoint(a);
    p.last = YearPoint(b);
    p.range = true;
    return p;
  }

  std::optional<Parsed> ParseBase(size_t i) const {
    if (i >= t_.size()) return std::nullopt;
    std::optional<Parsed> best = ParseAbsolute(i);
    Keep(&best, ParseDecade(i));
    Keep(&best, ParseMonthDay(i));
    Keep(&best, ParseMonth(i));
    Keep(&best, ParseWeekday(i));
    Keep(&best, ParseDayOffset(i));
    Keep(&best, ParseRelUnit(i));
    Keep(&best, ParseAgo(i));
    Keep(&best, ParseVague(i));
    Keep(&best, ParseYearSpan(i));
    return best;
  }

  // --- wrappers -----------------------------------------------------------

  std::optional<Parsed> ParseModded(size_t i) const {
    std::optional<Parsed> base = ParseBase(i);
    struct {
      LexCat category;
      TimeModifier modifier;
    } static constexpr kMods[] = {{LexCat::kModStart, TimeModifier::kStart},
                                  {LexCat::kModMid, TimeModifier::kMid},
                                  {LexCat::kModEnd, TimeModifier::kEnd}};
    for (const auto& m : kMods) {
      size_t n = Match(i, m.category);
      if (n == 0) continue;
      std::optional<Parsed> inner = ParseBase(i + n);
      if (!inner || inner->range) continue;
      Precision pr = inner->start.precision;
      if (pr == Precision::kDay || pr == Precision::kVague) continue;
      inner->begin = i;
      inner->modifier = m.modifier;
      Keep(&base, std::move(inner));
    }
    return base;
  }

  std::optional<Parsed> ParseRelation(size_t i) const {
    std::optional<Parsed> best;
    struct {
      LexCat category;
      TimeRelation relation;
    } static constexpr kRels[] = {{LexCat::kRelBefore, TimeRelation::kBefore},
                                  {LexCat::kRelAfter, TimeRelation::kAfter}};
    for (const auto& r : kRels) {
      size_t n = Match(i, r.category);
      if (n == 0) continue;
      Parser inner = *this;
      if (r.relation == TimeRelation::kBefore && dir_ == Direction::kPast) {
        inner.set_direction(Direction::kNearest);
      }
      std::optional<Parsed> e = inner.ParseModded(i + n);
      if (!e || e->start.precision == Precision::kVague) continue;
      e->begin = i;
      e->relation = r.relation;
      Keep(&best, std::move(e));
    }
    return best;
  }

  // "between March 2020 and January 2021", "de 2011 à 2013",
  // "du 10 au 12 novembre".
  std::optional<Parsed> ParseRange(size_t i) const {
    size_t n = Match(i, LexCat::kRangeFrom);
    if (n == 0) return std::nullopt;
    size_t k = i + n;
    std::optional<Parsed> first = ParseModded(k);
    int bare_day = 0;
    size_t dlen = 0;
    if (!first && DayAt(k, &bare_day, &dlen)) {
      Parsed p;
      p.begin = k;
      p.end = k + dlen;
      first = p;
    } else {
      bare_day = 0;
    }
    if (!first || first->range) return std::nullopt;
    size_t to = Match(first->end, LexCat::kRangeTo);
    if (to == 0) return std::nullopt;
    std::optional<Parsed> second = ParseModded(first->end + to);
    int second_day = 0;
    size_t d2len = 0;
    if (!second && bare_day == 0 && first->start.precision == Precision::kDay &&
        DayAt(first->end + to, &second_day, &d2len) && second_day > first->start.day) {
      Parsed p = *first;  // "from Sept. 19 to 22": the same month
      p.begin = first->end + to;
      p.end = p.begin + d2len;
      p.start.day = second_day;
      second = p;
    }
    if (!second || second->range || second->start.precision == Precision::kVague)
      return std::nullopt;
    if (bare_day > 0) {
      if (second->start.precision != Precision::kDay || bare_day >= second->start.day) {
        return std::nullopt;
      }
      first->start = second->start;
      first->start.day = bare_day;
      first->anchored = second->anchored;
    } else if (first->start.precision == Precision::kVague) {
      return std::nullopt;
    } else if (first->year_inferred && !second->year_inferred) {
      TimePoint& s = first->start;
      const TimePoint& e = second->start;
      s.year = e.year - (s.month > e.month && e.month > 0 ? 1 : 0);
      first->anchored = second->anchored;
    }
    Parsed p;
    p.begin = i;
    p.end = second->end;
    p.start = first->start;
    p.last = second->start;
    p.range = true;
    p.anchored = first->anchored || second->anchored;
    return p;
  }

  const TimeLexicon& lex_;
  bool english_;
  std::string_view text_;
  const std::vector<TimeToken>& t_;
  const std::optional<TimeAnchor>& anchor_;
  Direction dir_ = Direction::kPast;
};

// Sentence index of each token: the given spans, or breaks after . ! ? when
// the next token is capitalised or a number.
std::vector<uint32_t> SentenceOfTokens(const std::vector<TimeToken>& t,
                                       const std::vector<TextSpan>& sentences) {
  std::vector<uint32_t> out(t.size(), 0);
  uint32_t s = 0;
  for (size_t k = 0; k < t.size(); ++k) {
    if (!sentences.empty()) {
      while (s + 1 < sentences.size() && t[k].begin >= sentences[s].end) ++s;
    } else if (k > 0) {
      const std::string& prev = t[k - 1].folded;
      if ((prev == "." || prev == "!" || prev == "?") &&
          (t[k].capitalized || t[k].kind == Kind::kNumber)) {
        ++s;
      }
    }
    out[k] = s;
  }
  return out;
}

// A French simple-future verb form ("sera", "aura", "tiendront").
bool FrenchFutureVerb(const std::string& w) {
  auto ends = [&](std::string_view suffix) {
    return w.size() >= suffix.size() + 1 &&
           w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  // "-ront" needs a longer word: "front", "affront" are nouns.
  return ends("era") || ends("ira") || ends("ura") || ends("dra") ||
         (ends("ront") && w.size() >= 6 && w != "affront");
}

}  // namespace

TimeTagger::TimeTagger(std::string language, std::unique_ptr<const TimeLexicon> lexicon)
    : language_(std::move(language)), lexicon_(std::move(lexicon)) {}
TimeTagger::~TimeTagger() = default;
TimeTagger::TimeTagger(TimeTagger&&) noexcept = default;
TimeTagger& TimeTagger::operator=(TimeTagger&&) noexcept = default;

Result<TimeTagger> TimeTagger::Create(std::string_view language) {
  Result<TimeLexicon> lex = TimeLexicon::Load(language);
  if (!lex.ok()) return lex.status();
  return TimeTagger(std::string(language), std::make_unique<const TimeLexicon>(std::move(*lex)));
}

std::vector<TemporalExpression> TimeTagger::Tag(std::string_view text,
                                                const std::optional<TimeAnchor>& anchor,
                                                const std::vector<TextSpan>& sentences) const {
  std::vector<TimeToken> tokens = TokenizeForTime(text);
  std::vector<uint32_t> sentence_of = SentenceOfTokens(tokens, sentences);
  bool english = language_ == "en";

  // Tense per sentence: any future marker makes the sentence future.
  uint32_t sentence_count = tokens.empty() ? 0 : sentence_of.back() + 1;
  // Words inside quotation marks are the speaker's tense, not the report's.
  std::vector<bool> future(sentence_count, false);
  bool quoted = false;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const std::string& f = tokens[k].folded;
    if (f == "\xE2\x80\x9C" || f == "\xC2\xAB") quoted = true;
    if (f == "\xE2\x80\x9D" || f == "\xC2\xBB") quoted = false;
    if (f == "\"") quoted = !quoted;
    if (k > 0 && sentence_of[k] != sentence_of[k - 1]) quoted = false;
    if (quoted) continue;
    if (lexicon_->Match(tokens, k, LexCat::kFuture) > 0 ||
        (!english && tokens[k].kind == Kind::kWord && FrenchFutureVerb(tokens[k].folded))) {
      future[sentence_of[k]] = true;
    }
  }

  Parser parser(*lexicon_, english, text, tokens, anchor);
  std::vector<TemporalExpression> out;
  size_t i = 0;
  while (i < tokens.size()) {
    parser.set_direction(future[sentence_of[i]] ? Direction::kFuture : Direction::kPast);
    std::optional<Parsed> p = parser.ParseAt(i);
    if (!p) {
      ++i;
      continue;
    }
    TemporalExpression e;
    e.begin = tokens[p->begin].begin;
    e.end = tokens[p->end - 1].end;
    e.start = p->start;
    e.last = p->range ? p->last : p->start;
    e.precision = p->range ? Precision::kRange : p->start.precision;
    e.modifier = p->modifier;
    e.relation = p->relation;
    e.anchored = p->anchored;
    e.anchor_estimated = p->anchored && anchor && anchor->estimated;
    e.value = FormatExpressionValue(e);
    out.push_back(std::move(e));
    i = p->end;
  }
  return out;
}

std::string FormatExpressionValue(const TemporalExpression& e) {
  if (e.precision == Precision::kRange)
    return FormatTimePoint(e.start) + "/" + FormatTimePoint(e.last);
  return FormatTimePoint(e.start);
}

}  // namespace dossier
