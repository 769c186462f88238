// Tested by facts_test.cc.
#include "facts/conflicts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace dossier {
namespace {

// The days a claim date covers; nullopt when it has none.
std::optional<DayInterval> Days(const ClaimDate& d) {
  if (!d.known) return std::nullopt;
  std::optional<DayInterval> a = Bounds(d.start), b = Bounds(d.last);
  if (!a || !b) return std::nullopt;
  return DayInterval{std::min(a->first, b->first), std::max(a->last, b->last)};
}

int64_t Gap(const DayInterval& a, const DayInterval& b) {
  return std::max<int64_t>({0, b.first - a.last, a.first - b.last});
}

std::string FormatValue(double v) {
  char buf[48];
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%g", v);
  }
  return buf;
}

// A percentage or a sum of money (ISO 4217 code): see the header.
bool IsMeasure(const std::string& counted) {
  if (counted == "percent") return true;
  return counted.size() == 3 &&
         std::all_of(counted.begin(), counted.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Counts of a lexicon concept; "stem:..." marks a noun the lexicon lacks.
// "people" and "persons" alone say nothing of which people; a vague
// quantity ("millions of") claims no figure.
bool Comparable(const NumericClaim& c) {
  return !c.counted.empty() && c.counted.rfind("stem:", 0) != 0 && !IsMeasure(c.counted) &&
         c.counted != "people" && c.counted != "persons" && !c.vague && c.counts_a_set;
}

// Sources that disagree on one quantity disagree within an order of
// magnitude (5,000 against 2,500 troops); figures further apart count
// different sets ("8 Syrian refugees" at a border, "250,000" in a country).
constexpr double kMaxRatio = 4;
bool SameMagnitude(const NumericClaim& a, const NumericClaim& b) {
  double lo = std::min(a.value, b.value), hi = std::max(a.value, b.value);
  return lo > 0 && hi <= lo * kMaxRatio;
}

bool SameQuantity(const NumericClaim& a, const NumericClaim& b) {
  if (a.counted != b.counted || a.qualifier != b.qualifier || !Comparable(a)) return false;
  if (!a.nationality.empty() && !b.nationality.empty() && a.nationality != b.nationality)
    return false;
  if (!a.nationality.empty() && a.nationality == b.nationality) return true;
  for (const std::string& k : a.subject_keys) {
    if (std::binary_search(b.subject_keys.begin(), b.subject_keys.end(), k)) return true;
  }
  return false;
}

ClaimRef FigureRef(const NumericClaim& c) {
  return {c.article, c.sentence, c.begin, c.end,
          c.text + " (" + (c.date.known ? c.date.value : "undated") + ")"};
}

void AddArticle(Conflict* c, const std::string& article) {
  if (std::find(c->articles.begin(), c->articles.end(), article) == c->articles.end()) {
    c->articles.push_back(article);
  }
}

// The articles of each scope that have comparable figures, in input order.
std::vector<std::vector<const ArticleFacts*>> Scopes(const std::vector<ArticleFacts>& articles,
                                                     const ConflictOptions& options) {
  std::map<std::string, std::vector<const ArticleFacts*>> by_scope;
  for (const ArticleFacts& a : articles) {
    if (std::none_of(a.figures.begin(), a.figures.end(), Comparable)) continue;
    if (options.scope_of_article.empty()) {
      by_scope[""].push_back(&a);
      continue;
    }
    auto it = options.scope_of_article.find(a.article);
    if (it != options.scope_of_article.end()) by_scope[it->second].push_back(&a);
  }
  std::vector<std::vector<const ArticleFacts*>> out;
  for (auto& [scope, list] : by_scope) {
    if (list.size() > 1) out.push_back(std::move(list));
  }
  return out;
}

void ScopeConflicts(const std::vector<const ArticleFacts*>& articles,
                    const ConflictOptions& options, std::vector<Conflict>* out) {
  for (size_t i = 0; i < articles.size(); ++i) {
    for (size_t j = i + 1; j < articles.size(); ++j) {
      if (articles[i]->article == articles[j]->article) continue;
      for (const NumericClaim& a : articles[i]->figures) {
        std::optional<DayInterval> da = Days(a.date);
        if (!da) continue;
        for (const NumericClaim& b : articles[j]->figures) {
          std::optional<DayInterval> db = Days(b.date);
          if (!db || !SameQuantity(a, b) || !SameMagnitude(a, b) ||
              Gap(*da, *db) > options.max_gap_days)
            continue;
          if (a.high >= b.low && b.high >= a.low) continue;  // compatible
          Conflict c;
          c.kind = ConflictKind::kFigure;
          c.description = a.counted + (a.subject.empty() ? "" : " (" + a.subject + ")") + ": " +
                          (a.approx.empty() ? "" : a.approx + " ") + FormatValue(a.value) + " in " +
                          a.article + " vs " + (b.approx.empty() ? "" : b.approx + " ") +
                          FormatValue(b.value) + " in " + b.article + " at comparable dates (" +
                          a.date.value + ", " + b.date.value + ")";
          c.claims = {FigureRef(a), FigureRef(b)};
          AddArticle(&c, a.article);
          AddArticle(&c, b.article);
          out->push_back(std::move(c));
        }
      }
    }
  }
}

void FigureConflicts(const std::vector<ArticleFacts>& articles, const ConflictOptions& options,
                     std::vector<Conflict>* out) {
  for (const std::vector<const ArticleFacts*>& scope : Scopes(articles, options)) {
    ScopeConflicts(scope, options, out);
  }
}

void DateConflicts(const std::vector<ArticleFacts>& articles, std::vector<Conflict>* out) {
  std::map<std::pair<std::string, std::string>, std::vector<const HappeningClaim*>> groups;
  for (const ArticleFacts& a : articles) {
    for (const HappeningClaim& h : a.happenings) {
      if (!h.date.estimated) groups[{h.happening, h.participant}].push_back(&h);
    }
  }
  for (const auto& [key, claims] : groups) {
    bool disagree = false;
    for (size_t i = 0; i < claims.size() && !disagree; ++i) {
      for (size_t j = i + 1; j < claims.size() && !disagree; ++j) {
        if (claims[i]->article == claims[j]->article) continue;
        std::optional<DayInterval> a = Days(claims[i]->date), b = Days(claims[j]->date);
        disagree = a && b && Gap(*a, *b) > 0;
      }
    }
    if (!disagree) continue;
    Conflict c;
    c.kind = ConflictKind::kDate;
    std::map<std::string, std::vector<std::string>> by_value;
    for (const HappeningClaim* h : claims) {
      c.claims.push_back({h->article, h->sentence, h->begin,
                          h->date_end > h->end ? h->date_end : h->end, h->date.value});
      AddArticle(&c, h->article);
      std::vector<std::string>& arts = by_value[h->date.value];
      if (std::find(arts.begin(), arts.end(), h->article) == arts.end()) arts.push_back(h->article);
    }
    c.description = key.first + " of " + claims.front()->participant_text + " dated differently:";
    for (const auto& [value, arts] : by_value) {
      c.description += " " + value + " (";
      for (size_t k = 0; k < arts.size(); ++k) c.description += (k ? ", " : "") + arts[k];
      c.description += ")";
    }
    out->push_back(std::move(c));
  }
}

}  // namespace

std::string_view ConflictKindName(ConflictKind k) {
  return k == ConflictKind::kFigure ? "figure" : "date";
}

std::vector<Conflict> FindConflicts(const std::vector<ArticleFacts>& articles,
                                    const ConflictOptions& options) {
  std::vector<Conflict> out;
  FigureConflicts(articles, options, &out);
  DateConflicts(articles, &out);
  return out;
}

}  // namespace dossier
