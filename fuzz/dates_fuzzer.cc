// Fuzz target: the date parser. Besides not crashing: a date it normalises
// normalises to itself (ISO 8601 is one of the forms it reads), and a prefix
// never claims more bytes than it was given.
// FUZZ_DEPS: dossier_clean
#include <cstdint>
#include <string>

#include "clean/dates.h"
#include "fuzz_util.h"

using dossier::fuzz::Require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = dossier::fuzz::AsView(data, size);
  std::string iso = dossier::NormalizeDate(text);
  if (!iso.empty()) {
    Require(dossier::NormalizeDate(iso) == iso, "normalised date is a fixed point");
  }
  size_t consumed = 0;
  auto prefix = dossier::ParseDatePrefix(text, &consumed);
  if (prefix) {
    Require(consumed > 0 && consumed <= text.size(), "prefix within the text");
    Require(prefix->month >= 0 && prefix->month <= 12, "month in range");
    Require(prefix->day >= 0 && prefix->day <= 31, "day in range");
  }
  return 0;
}
