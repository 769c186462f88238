// Datelines: the place (and wire) that open a news story.
//
//   "ERBIL, Kurdistan Region – France will ..."   place "ERBIL, Kurdistan Region"
//   "BAGHDAD — Rockets hit ..."                    place "BAGHDAD"
//   "PARIS (Reuters) - France said ..."            place "PARIS", agency "Reuters"
//   "Paris, 12 mars (AFP) - La France ..."         place "Paris", agency "AFP"
//   "WASHINGTON, 26 jul (EFE).- El presidente ..." place "WASHINGTON", agency "EFE"
//
// The prefix before the dash must be short (<= 8 words, <= 80 bytes), hold no
// sentence, and either start with a place in capitals (3+ letters) or end
// with a wire in parentheses; a date inside it ("12 mars") is not part of the
// place. The sentence after the dash must not start in lowercase.
//
// Thread-safety: free function.
#ifndef DOSSIER_CLEAN_DATELINE_H_
#define DOSSIER_CLEAN_DATELINE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dossier {

struct Dateline {
  std::string place;
  std::string agency;     ///< the wire in parentheses, or ""
  size_t body_start = 0;  ///< byte offset in the paragraph where the sentence starts
};

// The dateline opening `paragraph`, if any.
std::optional<Dateline> FindDateline(std::string_view paragraph);

}  // namespace dossier

#endif  // DOSSIER_CLEAN_DATELINE_H_
