// Tested by dateline_test.cc and clean_seeds_test.cc.
#include "clean/dateline.h"

#include <algorithm>
#include <vector>

#include "base/ascii.h"
#include "clean/outlet_names.h"
#include "clean/text_util.h"

namespace dossier {
namespace {

constexpr size_t kMaxDatelinePrefix = 80;
constexpr size_t kMaxPlaceWords = 8;

bool IsAllCapsWord(std::string_view token) {
  size_t letters = 0;
  for (size_t i = 0; i < token.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(token[i]);
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
    if (c >= 0x80 && StartsLowercase(token.substr(i))) return false;
    if (c >= 0xC0 && StartsUppercase(token.substr(i))) ++letters;
  }
  return letters >= 3;
}

}  // namespace

// "ERBIL, Kurdistan Region – ", "PARIS (Reuters) - ", "Paris, 12 mars (AFP) -".
std::optional<Dateline> FindDateline(std::string_view p) {
  // " – ", " — ", " - ", "WASHINGTON— ", and EFE's "(EFE).- ".
  static constexpr std::string_view kDashes[] = {
      " \xE2\x80\x93 ", " \xE2\x80\x94 ", " -- ", " - ", "\xE2\x80\x94 ", ".- "};
  size_t sep = std::string_view::npos, sep_len = 0;
  for (std::string_view d : kDashes) {
    const size_t at = p.substr(0, kMaxDatelinePrefix + d.size()).find(d);
    if (at != std::string_view::npos && at < sep) {
      sep = at;
      sep_len = d.size();
    }
  }
  if (sep == std::string_view::npos || sep == 0) return std::nullopt;
  std::string_view prefix = TrimSpaces(p.substr(0, sep));
  std::string_view rest = TrimSpaces(p.substr(sep + sep_len));
  if (rest.empty() || StartsLowercase(rest) || CountWords(prefix) > kMaxPlaceWords)
    return std::nullopt;
  if (prefix.find_first_of("!?;:\"") != std::string_view::npos || HasSentenceBreak(prefix) ||
      prefix.find("\xE2\x80\x9C") != std::string_view::npos) {
    return std::nullopt;
  }
  Dateline d;
  if (prefix.back() == ')') {
    const size_t open = prefix.rfind('(');
    if (open == std::string_view::npos) return std::nullopt;
    d.agency = WireCreditName(prefix.substr(open + 1, prefix.size() - open - 2));
    if (d.agency.empty()) return std::nullopt;
    prefix = TrimSpaces(prefix.substr(0, open));
  }
  // Place segments, without the date some datelines carry ("Paris, 12 mars").
  std::vector<std::string_view> segments;
  size_t start = 0;
  while (start <= prefix.size()) {
    size_t comma = prefix.find(',', start);
    if (comma == std::string_view::npos) comma = prefix.size();
    segments.push_back(TrimSpaces(prefix.substr(start, comma - start)));
    start = comma + 1;
  }
  while (!segments.empty() && (segments.back().empty() || ascii::HasDigit(segments.back()))) {
    segments.pop_back();
  }
  if (segments.empty()) return std::nullopt;
  for (std::string_view seg : segments) {
    if (seg.empty() || !StartsUppercase(seg) || ascii::HasDigit(seg)) return std::nullopt;
  }
  const std::string_view first = segments.front().substr(0, segments.front().find(' '));
  if (d.agency.empty() && !IsAllCapsWord(first)) return std::nullopt;
  const std::string_view place = prefix.substr(
      0, static_cast<size_t>(segments.back().data() + segments.back().size() - prefix.data()));
  d.place = std::string(place);
  d.body_start = static_cast<size_t>(rest.data() - p.data());
  return d;
}

}  // namespace dossier
