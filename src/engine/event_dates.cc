#include "engine/event_dates.h"

#include <algorithm>

#include "base/ascii.h"

namespace dossier {
namespace {

// "2020-08" or "2020-08-27": a bound worth holding the date to. Weeks
// ("2020-W35") and seasons ("2020-SU") are as vague as their year.
bool DayOrMonth(const std::string& iso) {
  return (iso.size() == 7 || iso.size() == 10) && ascii::IsDigit(iso[5]);
}

}  // namespace

std::vector<PlacedDate> PlaceEventDates(const std::vector<EventDateEvidence>& events) {
  std::vector<std::string> dated;
  for (const EventDateEvidence& e : events) {
    if (!e.date.empty()) dated.push_back(e.date);
  }
  std::sort(dated.begin(), dated.end());
  std::vector<PlacedDate> out(events.size());
  for (size_t k = 0; k < events.size(); ++k) {
    const EventDateEvidence& e = events[k];
    PlacedDate& p = out[k];
    if (!e.date.empty()) {
      p.date = e.date;
      continue;
    }
    p.not_before = e.lower_bound;
    if (!dated.empty() && DayOrMonth(e.lower_bound)) {
      auto next = std::lower_bound(dated.begin(), dated.end(), e.lower_bound);
      p.date = next != dated.end() ? *next : e.lower_bound;
    } else if (!dated.empty()) {
      p.date = dated[(dated.size() - 1) / 2];
    } else {
      p.date = e.lower_bound;
    }
    p.estimated = !p.date.empty();
  }
  return out;
}

}  // namespace dossier
