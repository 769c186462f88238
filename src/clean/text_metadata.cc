// Tested by text_metadata_test.cc and clean_seeds_test.cc.
#include "clean/text_metadata.h"

#include <algorithm>
#include <optional>

#include "base/ascii.h"
#include "clean/dateline.h"
#include "clean/dates.h"
#include "clean/outlet_names.h"
#include "clean/text_util.h"

namespace dossier {
namespace {

constexpr size_t kTopParagraphs = 6;       // where date lines are looked for
constexpr size_t kDatelineParagraphs = 2;  // where datelines are looked for
constexpr size_t kMaxTitleWords = 20;
constexpr size_t kMaxDateLineWords = 14;
constexpr size_t kMaxDateLineBytes = 160;

// Labels before a date line, folded to ASCII. `update` marks a modification
// date, used only when no publication date is stated.
struct DateLabel {
  std::string_view text;
  bool update;
};
constexpr DateLabel kDateLabels[] = {
    {"published on", false},
    {"published", false},
    {"posted on", false},
    {"posted", false},
    {"publication date", false},
    {"date", false},
    {"last updated on", true},
    {"last updated", true},
    {"updated on", true},
    {"updated", true},
    {"publie le", false},
    {"publie", false},
    {"date de publication", false},
    {"mis a jour le", true},
    {"mis a jour", true},
    {"modifie le", true},
    {"veroffentlicht am", false},
    {"veroffentlicht", false},
    {"aktualisiert am", true},
    {"aktualisiert", true},
    {"stand", true},
    {"datum", false},
    {"publicado el", false},
    {"publicado em", false},
    {"publicado", false},
    {"actualizado el", true},
    {"actualizado", true},
    {"atualizado em", true},
    {"atualizado", true},
    {"fecha", false},
    {"pubblicato il", false},
    {"pubblicato", false},
    {"aggiornato il", true},
    {"aggiornato", true},
    {"data", false},
};

bool StartsWithWord(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix &&
         (s.size() == prefix.size() || s[prefix.size()] == ' ' || s[prefix.size()] == ':');
}

std::string_view AfterLabel(std::string_view s, size_t label_len) {
  s.remove_prefix(std::min(label_len, s.size()));
  while (!s.empty() && (s.front() == ' ' || s.front() == ':')) s.remove_prefix(1);
  return s;
}

bool SameTitle(std::string_view a, std::string_view b) {
  auto key = [](std::string_view s) {
    std::string out;
    for (char c : LowerForMatching(s)) {
      if (c != ' ' && c != '.' && c != ':' && c != '"' && c != '\'') out.push_back(c);
    }
    return out;
  };
  return !a.empty() && key(a) == key(b);
}

// A standalone date line: an optional label, then only a date with at least
// a month. Returns the date; *update tells a modification date.
std::optional<DateParts> SingleDateLine(std::string_view line, bool* update) {
  *update = false;
  // Every form ParseDate accepts has a year, in ASCII digits: a line without
  // a digit (a title, a lead sentence) is no date line, and costs no parse.
  if (line.size() > kMaxDateLineBytes || !ascii::HasDigit(line) ||
      CountWords(line) > kMaxDateLineWords) {
    return std::nullopt;
  }
  const std::string folded = FoldAscii(line);
  std::string_view rest = line;
  const DateLabel* best = nullptr;
  for (const DateLabel& label : kDateLabels) {
    if (StartsWithWord(folded, label.text) &&
        (best == nullptr || label.text.size() > best->text.size())) {
      best = &label;
    }
  }
  if (best != nullptr) {
    const DateLabel& label = *best;
    {
      // FoldAscii shortens accented letters: find the label's end in the
      // original by counting its words.
      size_t words = static_cast<size_t>(std::count(label.text.begin(), label.text.end(), ' ')) + 1;
      size_t i = 0;
      while (words > 0 && i < line.size()) {
        while (i < line.size() && line[i] != ' ' && line[i] != ':') ++i;
        --words;
        if (words > 0) ++i;
      }
      rest = AfterLabel(line, i);
      *update = label.update;
    }
  }
  std::optional<DateParts> d = ParseDate(rest);
  if (!d || d->month == 0) return std::nullopt;
  return d;
}

// A date line, or several on one line: "Publié le 29 août 2021 à 18h05 - Mis
// à jour le 30 août 2021". The publication date wins over an update.
std::optional<DateParts> DateLine(std::string_view line, bool* update) {
  if (std::optional<DateParts> d = SingleDateLine(line, update)) return d;
  static constexpr std::string_view kSeparators[] = {" - ", " | ", " \xE2\x80\x93 ", " \xC2\xB7 ",
                                                     " / "};
  for (std::string_view sep : kSeparators) {
    if (line.find(sep) == std::string_view::npos) continue;
    std::optional<DateParts> published, updated;
    size_t start = 0;
    while (start <= line.size()) {
      size_t end = line.find(sep, start);
      if (end == std::string_view::npos) end = line.size();
      bool part_update = false;
      std::optional<DateParts> d = SingleDateLine(line.substr(start, end - start), &part_update);
      if (!d) return std::nullopt;  // every part must be a date
      if (part_update) {
        if (!updated) updated = d;
      } else if (!published) {
        published = d;
      }
      start = end + sep.size();
    }
    *update = !published.has_value();
    return published ? published : updated;
  }
  return std::nullopt;
}

// A closing credit paragraph: "Le Monde avec AFP", "With Reuters". Returns
// the outlet it names (the left side, else the wire), or "".
std::string CreditParagraph(std::string_view p) {
  p = TrimSpaces(p);
  if (p.empty() || CountWords(p) > 6 || FinalPunctuation(p) == '.') return "";
  std::vector<std::string_view> tokens;
  for (size_t start = 0; start < p.size();) {
    size_t end = p.find(' ', start);
    if (end == std::string_view::npos) end = p.size();
    tokens.push_back(p.substr(start, end - start));
    start = end + 1;
  }
  size_t connector = tokens.size();
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (IsCreditConnector(tokens[i])) {
      if (connector != tokens.size()) return "";
      connector = i;
    } else if (!StartsUppercase(tokens[i]) && WireCreditName(tokens[i]).empty()) {
      return "";
    }
  }
  if (connector == tokens.size() || connector + 1 == tokens.size()) return "";
  const std::string_view left =
      connector == 0 ? std::string_view()
                     : p.substr(0, static_cast<size_t>(tokens[connector - 1].data() +
                                                       tokens[connector - 1].size() - p.data()));
  const std::string_view right =
      p.substr(static_cast<size_t>(tokens[connector + 1].data() - p.data()));
  return std::string(left.empty() ? right : left);
}

// "(Belga)" at the very end, after a closed sentence. Narrows *p and returns
// the credit's name, or "".
std::string TakeTrailingCredit(std::string_view* p) {
  if (std::string name = CreditParagraph(*p); !name.empty()) {
    *p = std::string_view();
    return name;
  }
  std::string_view s = TrimSpaces(*p);
  if (s.empty() || s.back() != ')') return "";
  const size_t open = s.rfind('(');
  if (open == std::string_view::npos) return "";
  std::string name = WireCreditName(s.substr(open + 1, s.size() - open - 2));
  if (name.empty()) return "";
  std::string_view before = TrimSpaces(s.substr(0, open));
  if (!before.empty() && !EndsSentence(before)) return "";
  *p = before;
  return name;
}

}  // namespace

TextMetadata ExtractTextMetadata(std::vector<std::string_view>* paragraphs,
                                 const BoilerplateReport& removed, std::string_view known_title) {
  TextMetadata meta;
  std::vector<std::string_view>& ps = *paragraphs;

  // Title, or a "date 2021-07 Title" header.
  if (!ps.empty()) {
    const std::string_view p0 = ps[0];
    const std::string folded = FoldAscii(p0.substr(0, 8));
    bool consumed = false;
    if (StartsWithWord(folded, "date")) {
      std::string_view rest = AfterLabel(p0, 4);
      size_t used = 0;
      if (std::optional<DateParts> d = ParseDatePrefix(rest, &used)) {
        meta.published = FormatIso8601(*d);
        const std::string_view title = TrimSpaces(rest.substr(used));
        if (known_title.empty()) meta.title = std::string(title);
        consumed = true;
      }
    }
    if (!consumed && !known_title.empty()) {
      consumed = SameTitle(p0, known_title);
    } else if (!consumed && ps.size() >= 2 && LooksLikeHeadline(p0, kMaxTitleWords)) {
      bool update = false;
      if (!DateLine(p0, &update) && !FindDateline(p0)) {
        meta.title = std::string(p0);
        consumed = true;
      }
    }
    if (consumed) ps.erase(ps.begin());
  }

  // Standalone date lines near the top.
  std::string updated;
  for (size_t i = 0; i < std::min(kTopParagraphs, ps.size());) {
    bool update = false;
    std::optional<DateParts> d = DateLine(ps[i], &update);
    if (!d) {
      ++i;
      continue;
    }
    const std::string iso = FormatIso8601(*d);
    if (update) {
      if (updated.empty()) updated = iso;
    } else if (meta.published.empty()) {
      meta.published = iso;
    }
    ps.erase(ps.begin() + static_cast<long>(i));
  }
  if (meta.published.empty()) meta.published = updated;

  // Dateline.
  std::string dateline_agency;
  for (size_t i = 0; i < std::min(kDatelineParagraphs, ps.size()); ++i) {
    if (std::optional<Dateline> d = FindDateline(ps[i])) {
      meta.dateline = d->place;
      dateline_agency = d->agency;
      ps[i].remove_prefix(d->body_start);
      break;
    }
  }

  // Trailing wire credit.
  std::string credit;
  if (!ps.empty()) {
    credit = TakeTrailingCredit(&ps.back());
    if (ps.back().empty()) ps.pop_back();
  }

  const std::vector<std::string> named = OutletCandidates(removed);
  if (!named.empty()) {
    meta.outlet = named.front();
  } else if (!credit.empty()) {
    meta.outlet = credit;
  } else {
    meta.outlet = dateline_agency;
  }
  return meta;
}

}  // namespace dossier
