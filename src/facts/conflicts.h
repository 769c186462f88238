// Conflicts between sources: what two or more articles state incompatibly.
//
//   std::vector<ArticleFacts> all = ...;           // FactExtractor::Extract per article
//   for (const Conflict& c : FindConflicts(all)) Report(c.description, c.claims);
//
// kFigure: two claims of different articles on the same quantity (same
// concept; nationalities equal when both state one; a shared subject key,
// i.e. an entity id or place of the sentence, or an equal nationality) at
// comparable times (their date intervals at most max_gap_days apart) whose
// intervals (value widened by the approximation markers) do not overlap.
// A change over time is not a conflict: claims further apart in time are
// never compared. Claims without a date are not compared.
// kDate: claims of the same happening (same concept and participant) in
// different articles whose dates do not overlap ("killed in January 2020"
// vs "in January 2019"); dates resting on an estimated anchor are left out.
// One kDate conflict lists every claim of that happening.
//
// Thread-safety: a free function over immutable inputs.
#ifndef DOSSIER_FACTS_CONFLICTS_H_
#define DOSSIER_FACTS_CONFLICTS_H_

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
};

std::vector<Conflict> FindConflicts(const std::vector<ArticleFacts>& articles,
                                    const ConflictOptions& options = {});

}  // namespace dossier

#endif  // DOSSIER_FACTS_CONFLICTS_H_
