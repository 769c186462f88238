// Query parameters of an API request, checked: each endpoint names the
// parameters it takes, and anything else is a 400, as is a repeated
// parameter or a malformed value.
//
// Internal to the api stage. Thread-safety: a value type.
#ifndef DOSSIER_API_PARAMS_H_
#define DOSSIER_API_PARAMS_H_

#include <cstddef>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>

#include "base/status.h"

namespace dossier::api::internal {

class Params {
 public:
  // InvalidInput when `params` holds a name outside `allowed` or a name twice.
  static Result<Params> Check(const std::multimap<std::string, std::string>& params,
                              std::initializer_list<const char*> allowed);

  // The value, or nullopt when absent. An empty value counts as absent.
  std::optional<std::string> Get(const std::string& name) const;

  // `limit`: an integer in [1, max]; `fallback` when absent.
  Result<size_t> Limit(size_t fallback, size_t max) const;

  // `cursor`, decoded (cursor.h); "" when absent.
  Result<std::string> Cursor() const;

  // A date parameter: "YYYY", "YYYY-MM" or "YYYY-MM-DD"; nullopt when absent.
  Result<std::optional<std::string>> Date(const std::string& name) const;

 private:
  std::map<std::string, std::string> values_;
};

// Whether `published` (ISO 8601, any precision, "" when unknown) may fall in
// [from, to] (either bound may be absent; both are inclusive at their own
// precision: to=2021-07 keeps 2021-07-31). An undated article falls in no
// bounded range.
bool DateInRange(const std::string& published, const std::optional<std::string>& from,
                 const std::optional<std::string>& to);

}  // namespace dossier::api::internal

#endif  // DOSSIER_API_PARAMS_H_
