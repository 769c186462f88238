// Outlet names as boilerplate and wire credits state them.
//
// OutletCandidates reads the lines boilerplate removal took out and collects
// the names they put next to fixed wording: "Rudaw moderates all comments",
// "constructive criticism about Rudaw", "• Al-Monitor Archives", "© 2021 Le
// Monde", "originally published on The Conversation". A name is 1-4
// capitalised tokens ("The Guardian" yes, "Our" or "We" no). A lowercase
// prefix glued to a caption ("al-monitor French Defense Minister ...") only
// confirms a name found elsewhere; photo credits themselves never count, so a
// photo agency (AFP, Getty) is never taken for the outlet. Candidates are
// ranked by support, ties by first appearance, and each is returned in its
// most frequent capitalised spelling.
//
// Thread-safety: free functions.
#ifndef DOSSIER_CLEAN_OUTLET_NAMES_H_
#define DOSSIER_CLEAN_OUTLET_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

#include "clean/boilerplate.h"

namespace dossier {

// Outlet names named by removed boilerplate lines, best first.
std::vector<std::string> OutletCandidates(const BoilerplateReport& removed);

// The name inside a wire credit's parentheses: 1-3 capitalised words
// ("Belga", "AFP", "Associated Press", "AFP/Reuters") after an optional
// connector ("with AFP", "avec AFP"), or a lowercase wire name of 2-4 letters
// ("dpa"). "" when `inside` is not a credit ("IS" is accepted: callers check
// where the parentheses stand).
std::string WireCreditName(std::string_view inside);

// "with", "avec", "mit", "con", "com" in any case: joins an outlet and a wire
// ("Le Monde avec AFP").
bool IsCreditConnector(std::string_view word);

}  // namespace dossier

#endif  // DOSSIER_CLEAN_OUTLET_NAMES_H_
