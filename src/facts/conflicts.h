// Conflicts between sources: what two or more articles state incompatibly.
//
//   std::vector<ArticleFacts> all = ...;           // FactExtractor::Extract per article
//   for (const Conflict& c : FindConflicts(all)) Report(c.description, c.claims);
//
// kFigure: two claims of different articles of the same scope (the engine's
// scope is the storyline) on the same quantity (same concept and qualifier,
// both counting a set (not proposed, not per item); nationalities
// equal when both state one; a shared subject key, i.e. an entity id or place
// of the sentence, or an equal nationality) at comparable times (their date
// intervals at most max_gap_days apart) whose intervals (value widened by the
// approximation markers) do not overlap, within a factor of 4 of each other
// (further apart, the two count different sets). A change over time is not a
// conflict: claims further apart in time are never compared. Claims without
// a date are not compared. Only counts of a known concept (troops, deaths,
// refugees...) are compared: a percentage or a sum of money (concept
// "percent" or an ISO 4217 code) measures too many different things for one
// sentence to tell that two are the same quantity (on 923 PolNeAR articles,
// comparing them gave 22,000 spurious conflicts between unrelated polls and
// budgets), and a counted noun outside the lexicon ("two countries") is not
// known to count the same set twice; nor are "people" without a death word
// ("50 people were killed" counts deaths), nor vague quantities ("millions of").
// kDate: claims of the same happening (same concept and participant) in
// different articles whose dates do not overlap ("killed in January 2020"
// vs "in January 2019"); dates resting on an estimated anchor are left out.
// One kDate conflict lists every claim of that happening.
//
// Thread-safety: a free function over immutable inputs.
#ifndef DOSSIER_FACTS_CONFLICTS_H_
#define DOSSIER_FACTS_CONFLICTS_H_

#include <map>
#include <string>
#include <vector>

#include "facts/claims.h"

namespace dossier {

enum class ConflictKind : uint8_t { kFigure, kDate };
std::string_view ConflictKindName(ConflictKind k);  ///< "figure", "date"

struct ClaimRef {
  std::string article;
  uint32_t sentence = 0;
  uint32_t begin = 0;  ///< byte span of the claim in its article
  uint32_t end = 0;
  std::string value;  ///< "some 5,000 American soldiers (2020-09)", "2020-01"
};

struct Conflict {
  ConflictKind kind = ConflictKind::kFigure;
  std::string description;
  std::vector<std::string> articles;  ///< distinct, in claim order
  std::vector<ClaimRef> claims;
};

struct ConflictOptions {
  // Figures further apart in time than this are a change, not a conflict.
  // Default 31 days: monthly figures compare, yearly ones do not.
  int max_gap_days = 31;
  // The scope of each article (its storyline). Figures are compared only
  // between articles of the same scope; an article missing from a non-empty
  // map is compared with none. Empty: all articles are one scope.
  // Date conflicts are not scoped: a happening of one participant has one
  // date in every storyline.
  std::map<std::string, std::string> scope_of_article;
};

std::vector<Conflict> FindConflicts(const std::vector<ArticleFacts>& articles,
                                    const ConflictOptions& options = {});

}  // namespace dossier

#endif  // DOSSIER_FACTS_CONFLICTS_H_
