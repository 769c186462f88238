// Tested by dates_test.cc.
#include "clean/dates.h"

#include <cstdio>
#include <vector>

#include "base/ascii.h"
#include "clean/text_util.h"

namespace dossier {
namespace {

struct NameValue {
  std::string_view name;
  int value;
};

// Month names and abbreviations, folded to ASCII (FoldAscii).
constexpr NameValue kMonths[] = {
    // en
    {"january", 1},
    {"jan", 1},
    {"february", 2},
    {"feb", 2},
    {"march", 3},
    {"mar", 3},
    {"april", 4},
    {"apr", 4},
    {"may", 5},
    {"june", 6},
    {"jun", 6},
    {"july", 7},
    {"jul", 7},
    {"august", 8},
    {"aug", 8},
    {"september", 9},
    {"sep", 9},
    {"sept", 9},
    {"october", 10},
    {"oct", 10},
    {"november", 11},
    {"nov", 11},
    {"december", 12},
    {"dec", 12},
    // fr
    {"janvier", 1},
    {"janv", 1},
    {"fevrier", 2},
    {"fevr", 2},
    {"fev", 2},
    {"mars", 3},
    {"avril", 4},
    {"avr", 4},
    {"mai", 5},
    {"juin", 6},
    {"juillet", 7},
    {"juil", 7},
    {"aout", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"decembre", 12},
    // de
    {"januar", 1},
    {"janner", 1},
    {"februar", 2},
    {"marz", 3},
    {"juni", 6},
    {"juli", 7},
    {"oktober", 10},
    {"okt", 10},
    {"dezember", 12},
    {"dez", 12},
    // es
    {"enero", 1},
    {"ene", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"abril", 4},
    {"abr", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"agosto", 8},
    {"ago", 8},
    {"septiembre", 9},
    {"setiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
    {"dic", 12},
    // it
    {"gennaio", 1},
    {"gen", 1},
    {"febbraio", 2},
    {"aprile", 4},
    {"maggio", 5},
    {"mag", 5},
    {"giugno", 6},
    {"giu", 6},
    {"luglio", 7},
    {"lug", 7},
    {"settembre", 9},
    {"set", 9},
    {"ottobre", 10},
    {"ott", 10},
    {"dicembre", 12},
    // pt
    {"janeiro", 1},
    {"fevereiro", 2},
    {"marco", 3},
    {"maio", 5},
    {"junho", 6},
    {"julho", 7},
    {"setembro", 9},
    {"outubro", 10},
    {"out", 10},
    {"novembro", 11},
    {"dezembro", 12},
};

constexpr std::string_view kWeekdays[] = {
    "monday",   "mon",     "tuesday",   "tue",      "tues",     "wednesday", "wed",
    "thursday", "thu",     "thur",      "thurs",    "friday",   "fri",       "saturday",
    "sat",      "sunday",  "sun",       "lundi",    "mardi",    "mercredi",  "jeudi",
    "vendredi", "samedi",  "dimanche",  "montag",   "dienstag", "mittwoch",  "donnerstag",
    "freitag",  "samstag", "sonnabend", "sonntag",  "lunes",    "martes",    "miercoles",
    "jueves",   "viernes", "sabado",    "domingo",  "lunedi",   "martedi",   "mercoledi",
    "giovedi",  "venerdi", "sabato",    "domenica", "segunda",  "terca",     "quarta",
    "quinta",   "sexta",   "feira",
};

// Words that may sit between the parts of a date: "le 28 août", "28 de
// agosto de 2020", "am 28. August", "à 10h30", "at 10:00".
constexpr std::string_view kFillers[] = {"le",  "de", "del", "the", "of",  "on", "at",
                                         "a",   "um", "den", "der", "el",  "il", "alle",
                                         "las", "as", "em",  "en",  "uhr", "h"};

constexpr std::string_view kOrdinals[] = {"st", "nd", "rd", "th", "er", "e", "eme", "re", "o", "a"};

constexpr NameValue kZones[] = {
    {"gmt", 0},    {"utc", 0},    {"ut", 0},     {"z", 0},      {"est", -300}, {"edt", -240},
    {"cst", -360}, {"cdt", -300}, {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420},
    {"cet", 60},   {"cest", 120}, {"met", 60},   {"mez", 60},   {"mesz", 120}, {"bst", 60},
    {"wet", 0},    {"west", 60},  {"eet", 120},  {"eest", 180}, {"msk", 180},  {"jst", 540},
    {"kst", 540},  {"hkt", 480},  {"sgt", 480},  {"aest", 600}, {"aedt", 660},
};

template <typename Table>
int Lookup(const Table& table, std::string_view word) {
  for (const NameValue& nv : table) {
    if (nv.name == word) return nv.value;
  }
  return -1;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

bool Valid(const DateParts& d) {
  if (d.year < 1800 || d.year > 2200) return false;
  if (d.month < 0 || d.month > 12) return false;
  if (d.day != 0 && (d.month == 0 || d.day < 1 || d.day > DaysInMonth(d.year, d.month))) {
    return false;
  }
  if (d.has_time && (d.hour > 23 || d.minute > 59 || d.second > 60)) return false;
  return d.offset_minutes > -24 * 60 && d.offset_minutes < 24 * 60;
}

// Reads exactly `n` digits at s[*i].
bool Digits(std::string_view s, size_t* i, int n, int* value) {
  if (*i + static_cast<size_t>(n) > s.size()) return false;
  int v = 0;
  for (int k = 0; k < n; ++k) {
    const char c = s[*i + static_cast<size_t>(k)];
    if (!ascii::IsDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *i += static_cast<size_t>(n);
  *value = v;
  return true;
}

// ISO 8601 at the start of `s`: YYYY[-MM[-DD[(T| )hh:mm[:ss[.f]][zone]]]].
// Returns the bytes used (0 when `s` does not start with one).
size_t ParseIsoPrefix(std::string_view s, DateParts* d) {
  DateParts r;
  size_t i = 0;
  if (!Digits(s, &i, 4, &r.year)) return 0;
  size_t good = i;
  *d = r;
  if (i < s.size() && ascii::IsDigit(s[i])) return 0;  // 5+ digits: not a year
  if (i < s.size() && s[i] == '-') {
    size_t j = i + 1;
    if (!Digits(s, &j, 2, &r.month)) return good;
    if (j < s.size() && ascii::IsDigit(s[j])) return good;
    i = good = j;
    *d = r;
    if (i < s.size() && s[i] == '-') {
      j = i + 1;
      if (!Digits(s, &j, 2, &r.day)) return good;
      if (j < s.size() && ascii::IsDigit(s[j])) return good;
      i = good = j;
      *d = r;
      if (i + 1 < s.size() && (s[i] == 'T' || s[i] == 't' || s[i] == ' ') &&
          ascii::IsDigit(s[i + 1])) {
        j = i + 1;
        DateParts t = r;
        if (Digits(s, &j, 2, &t.hour) && j < s.size() && s[j] == ':' &&
            (++j, Digits(s, &j, 2, &t.minute))) {
          t.has_time = true;
          if (j < s.size() && s[j] == ':') {
            size_t k = j + 1;
            if (Digits(s, &k, 2, &t.second)) j = k;
          }
          if (j < s.size() && (s[j] == '.' || s[j] == ',') && j + 1 < s.size() &&
              ascii::IsDigit(s[j + 1])) {
            ++j;
            while (j < s.size() && ascii::IsDigit(s[j])) ++j;
          }
          // Zone: Z, +hh, +hhmm, +hh:mm, " UTC", " GMT".
          size_t k = j;
          if (k < s.size() && s[k] == ' ') ++k;
          if (k < s.size() && (s[k] == 'Z' || s[k] == 'z') &&
              (k + 1 == s.size() || !ascii::IsDigit(s[k + 1]))) {
            t.has_offset = true;
            j = k + 1;
          } else if (k < s.size() && (s[k] == '+' || s[k] == '-')) {
            const int sign = s[k] == '-' ? -1 : 1;
            size_t m = k + 1;
            int hh = 0, mm = 0;
            if (Digits(s, &m, 2, &hh)) {
              if (m < s.size() && s[m] == ':') ++m;
              size_t m2 = m;
              if (Digits(s, &m2, 2, &mm)) m = m2;
              t.has_offset = true;
              t.offset_minutes = sign * (hh * 60 + mm);
              j = m;
            }
          } else if (s.substr(k, 3) == "UTC" || s.substr(k, 3) == "GMT") {
            t.has_offset = true;
            j = k + 3;
          }
          if (Valid(t)) {
            *d = t;
            good = j;
          }
        }
      }
    }
  }
  return good;
}

struct Token {
  enum Kind { kNum, kWord, kPunct } kind;
  std::string text;  // digits, folded word, or the punctuation character
  size_t begin = 0, end = 0;
  bool space_before = false;
  int value = 0;
};

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  bool space = false;
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n') {
      space = true;
      ++i;
      continue;
    }
    Token t;
    t.begin = i;
    t.space_before = space;
    space = false;
    if (ascii::IsDigit(static_cast<char>(c))) {
      t.kind = Token::kNum;
      while (i < s.size() && ascii::IsDigit(s[i])) ++i;
      t.text = std::string(s.substr(t.begin, i - t.begin));
      if (t.text.size() > 6) return {};
      t.value = std::stoi(t.text);
    } else if (IsWordByteAt(s, i)) {
      t.kind = Token::kWord;
      while (i < s.size() && IsWordByteAt(s, i) && !ascii::IsDigit(s[i])) ++i;
      t.text = FoldAscii(s.substr(t.begin, i - t.begin));
    } else {
      t.kind = Token::kPunct;
      size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      len = std::min(len, s.size() - i);
      t.text = std::string(s.substr(i, len));
      i += len;
    }
    t.end = i;
    out.push_back(std::move(t));
  }
  return out;
}

bool Adjacent(const std::vector<Token>& t, size_t k) { return k < t.size() && !t[k].space_before; }

bool IsPunct(const std::vector<Token>& t, size_t k, std::string_view p) {
  return k < t.size() && t[k].kind == Token::kPunct && t[k].text == p;
}

bool IsNum(const std::vector<Token>& t, size_t k) {
  return k < t.size() && t[k].kind == Token::kNum;
}

// Parses a date spread over tokens; the whole token list must be used.
std::optional<DateParts> ParseTokens(const std::vector<Token>& t) {
  DateParts d;
  bool have_year = false;
  bool year_first = false;  // "2023 Jan 7" (PubMed, citation metadata)
  bool pm = false, am = false;
  size_t i = 0;
  while (i < t.size()) {
    const Token& tok = t[i];
    if (tok.kind == Token::kNum) {
      const size_t digits = tok.text.size();
      // Time: 10:30[:15], 10h30, 10h.
      if (IsPunct(t, i + 1, ":") && IsNum(t, i + 2) && t[i + 2].text.size() == 2 && !d.has_time &&
          digits <= 2) {
        d.has_time = true;
        d.hour = tok.value;
        d.minute = t[i + 2].value;
        i += 3;
        if (IsPunct(t, i, ":") && IsNum(t, i + 1) && t[i + 1].text.size() == 2) {
          d.second = t[i + 1].value;
          i += 2;
        }
        if (IsPunct(t, i, ".") && IsNum(t, i + 1) && Adjacent(t, i + 1)) i += 2;  // fraction
        continue;
      }
      if (i + 1 < t.size() && t[i + 1].kind == Token::kWord && t[i + 1].text == "h" &&
          Adjacent(t, i + 1) && digits <= 2 && !d.has_time) {
        d.has_time = true;
        d.hour = tok.value;
        i += 2;
        if (IsNum(t, i) && Adjacent(t, i) && t[i].text.size() == 2) {
          d.minute = t[i].value;
          ++i;
        }
        continue;
      }
      // Numeric dates: 28/08/2020, 2020/08/28, 28.08.2020, 08/2020.
      if (i + 2 < t.size() && t[i + 1].kind == Token::kPunct && Adjacent(t, i + 1) &&
          Adjacent(t, i + 2) && IsNum(t, i + 2) &&
          (t[i + 1].text == "/" || t[i + 1].text == "." || t[i + 1].text == "-") && !have_year &&
          d.month == 0) {
        const std::string sep = t[i + 1].text;
        const bool three = i + 4 < t.size() && IsPunct(t, i + 3, sep) && Adjacent(t, i + 3) &&
                           Adjacent(t, i + 4) && IsNum(t, i + 4);
        const int a = tok.value, b = t[i + 2].value;
        if (three) {
          const int c = t[i + 4].value;
          if (digits == 4) {
            d.year = a, d.month = b, d.day = c;
          } else if (t[i + 4].text.size() == 4 && digits <= 2 && t[i + 2].text.size() <= 2) {
            d.year = c;
            if (a > 12 && b <= 12) {
              d.day = a, d.month = b;
            } else if (b > 12 && a <= 12) {
              d.month = a, d.day = b;
            } else if (sep == "." || a == b) {
              d.day = a, d.month = b;
            } else {
              return std::nullopt;  // 05/06/2020: day or month first?
            }
          } else {
            return std::nullopt;
          }
          have_year = true;
          i += 5;
          continue;
        }
        if (digits <= 2 && t[i + 2].text.size() == 4 && sep != ".") {  // 08/2020
          d.month = a;
          d.year = b;
          have_year = true;
          i += 3;
          continue;
        }
        if (digits == 4 && t[i + 2].text.size() <= 2 && sep != ".") {  // 2020/08
          d.year = a;
          d.month = b;
          have_year = true;
          i += 3;
          continue;
        }
        return std::nullopt;
      }
      if (digits == 4 && !have_year) {
        d.year = tok.value;
        have_year = true;
        year_first = d.month == 0 && d.day == 0;
        ++i;
        continue;
      }
      if (digits <= 2 && d.day == 0 && (!have_year || (year_first && d.month != 0)) &&
          tok.value >= 1 && tok.value <= 31) {
        d.day = tok.value;
        ++i;
        // Ordinal suffix glued to the number: 1st, 1er, 28th, 2º.
        if (i < t.size() && Adjacent(t, i) &&
            ((t[i].kind == Token::kWord && InTable(kOrdinals, t[i].text)) ||
             IsPunct(t, i, "\xC2\xBA") || IsPunct(t, i, "\xC2\xB0"))) {
          ++i;
        }
        continue;
      }
      if (digits == 2 && d.day != 0 && d.month != 0 && !have_year) {  // RFC 822: "28 Aug 21"
        d.year = tok.value < 70 ? 2000 + tok.value : 1900 + tok.value;
        have_year = true;
        ++i;
        continue;
      }
      return std::nullopt;
    }
    if (tok.kind == Token::kWord) {
      const std::string& w = tok.text;
      if (int m = Lookup(kMonths, w); m > 0 && d.month == 0) {
        d.month = m;
        ++i;
        if (IsPunct(t, i, ".") && Adjacent(t, i)) ++i;
        continue;
      }
      if (InTable(kWeekdays, w)) {
        ++i;
        if (IsPunct(t, i, ".") && Adjacent(t, i)) ++i;
        continue;
      }
      if (d.has_time && !d.has_offset) {
        if (int z = Lookup(kZones, w); z != -1 || w == "z") {
          d.has_offset = true;
          d.offset_minutes = z == -1 ? 0 : z;
          ++i;
          continue;
        }
      }
      if (d.has_time && !am && !pm && (w == "am" || w == "pm")) {
        (w == "am" ? am : pm) = true;
        ++i;
        continue;
      }
      if (InTable(kFillers, w)) {
        ++i;
        continue;
      }
      return std::nullopt;
    }
    // Punctuation. An offset after a time, or after a zone name: +0000, +02:00.
    if ((tok.text == "+" || tok.text == "-") && d.has_time && IsNum(t, i + 1) &&
        Adjacent(t, i + 1) && (t[i + 1].text.size() == 4 || t[i + 1].text.size() == 2)) {
      const int sign = tok.text == "-" ? -1 : 1;
      int hh = 0, mm = 0;
      if (t[i + 1].text.size() == 4) {
        hh = t[i + 1].value / 100;
        mm = t[i + 1].value % 100;
        i += 2;
      } else {
        hh = t[i + 1].value;
        i += 2;
        if (IsPunct(t, i, ":") && IsNum(t, i + 1) && t[i + 1].text.size() == 2) {
          mm = t[i + 1].value;
          i += 2;
        }
      }
      d.offset_minutes = (d.has_offset ? d.offset_minutes : 0) + sign * (hh * 60 + mm);
      d.has_offset = true;
      continue;
    }
    static constexpr std::string_view kSeparators[] = {
        ",", ".", "/", "-", "|", "(", ")", ":", "\xE2\x80\x93", "\xE2\x80\x94"};
    if (InTable(kSeparators, tok.text)) {
      ++i;
      continue;
    }
    return std::nullopt;
  }
  if (!have_year) return std::nullopt;
  if (d.has_time) {
    if (pm && d.hour < 12) d.hour += 12;
    if (am && d.hour == 12) d.hour = 0;
  }
  if (!Valid(d)) return std::nullopt;
  return d;
}

// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(long z, int* y, int* m, int* d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

}  // namespace

std::optional<DateParts> ParseDate(std::string_view text) {
  text = TrimSpaces(text);
  while (!text.empty() && (text.back() == ',' || text.back() == '.' || text.back() == ' ')) {
    text.remove_suffix(1);
  }
  if (text.empty()) return std::nullopt;
  DateParts d;
  if (const size_t used = ParseIsoPrefix(text, &d); used == text.size() && used > 0) {
    if (Valid(d)) return d;
    return std::nullopt;
  }
  std::vector<Token> tokens = Tokenize(text);
  if (tokens.empty()) return std::nullopt;
  return ParseTokens(tokens);
}

std::optional<DateParts> ParseDatePrefix(std::string_view text, size_t* consumed) {
  *consumed = 0;
  DateParts d;
  if (const size_t used = ParseIsoPrefix(text, &d); used > 0) {
    if (used == text.size() || text[used] == ' ') {
      if (!Valid(d)) return std::nullopt;
      size_t end = used;
      while (end < text.size() && text[end] == ' ') ++end;
      *consumed = end;
      return d;
    }
    // Not ISO ("2025.12.17"): the written forms below may read it.
  }
  // Written dates: the longest run of at most 10 tokens that parses.
  std::vector<Token> tokens = Tokenize(text.substr(0, 160));
  for (size_t k = std::min<size_t>(tokens.size(), 10); k > 0; --k) {
    std::vector<Token> head(tokens.begin(), tokens.begin() + static_cast<long>(k));
    std::optional<DateParts> p = ParseTokens(head);
    if (!p) continue;
    size_t end = head.back().end;
    // A year glued to a capitalised word is two spans without a space
    // between them ("Dec 17, 2025Julian K. Arni"); else a date ends a word.
    const bool glued = head.back().kind == Token::kNum && head.back().text.size() == 4 &&
                       end < text.size() && text[end] >= 'A' && text[end] <= 'Z';
    if (end < text.size() && text[end] != ' ' && text[end] != ',' && !glued) continue;
    while (end < text.size() && (text[end] == ' ' || text[end] == ',')) ++end;
    *consumed = end;
    return p;
  }
  return std::nullopt;
}

std::string FormatIso8601(const DateParts& date) {
  char buf[32];
  if (date.month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", date.year);
    return buf;
  }
  if (date.day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", date.year, date.month);
    return buf;
  }
  if (!date.has_time) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buf;
  }
  if (!date.has_offset) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", date.year, date.month, date.day,
                  date.hour, date.minute, date.second);
    return buf;
  }
  long seconds = DaysFromCivil(date.year, date.month, date.day) * 86400L + date.hour * 3600L +
                 date.minute * 60L + date.second - date.offset_minutes * 60L;
  long days = seconds / 86400;
  long rest = seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02ld:%02ld:%02ldZ", y, m, d, rest / 3600,
                (rest / 60) % 60, rest % 60);
  return buf;
}

std::string NormalizeDate(std::string_view text) {
  std::optional<DateParts> d = ParseDate(text);
  return d ? FormatIso8601(*d) : std::string();
}

}  // namespace dossier
