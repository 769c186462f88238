// Tested by router_test.cc (bad parameters, date filters).
#include "api/params.h"

#include <algorithm>
#include <charconv>
#include <cstring>

#include "api/cursor.h"

namespace dossier::api::internal {
namespace {

bool IsDigits(const std::string& s, size_t from, size_t count) {
  if (s.size() < from + count) return false;
  return std::all_of(s.begin() + from, s.begin() + from + count,
                     [](char c) { return c >= '0' && c <= '9'; });
}

bool IsPartialDate(const std::string& s) {
  switch (s.size()) {
    case 4:
      return IsDigits(s, 0, 4);
    case 7:
      return IsDigits(s, 0, 4) && s[4] == '-' && IsDigits(s, 5, 2);
    case 10:
      return IsDigits(s, 0, 4) && s[4] == '-' && IsDigits(s, 5, 2) && s[7] == '-' &&
             IsDigits(s, 8, 2);
    default:
      return false;
  }
}

}  // namespace

Result<Params> Params::Check(const std::multimap<std::string, std::string>& params,
                             std::initializer_list<const char*> allowed) {
  Params out;
  for (const auto& param : params) {
    // Not a structured binding: clang 14 cannot capture one in the lambda.
    const std::string& name = param.first;
    const std::string& value = param.second;
    const bool known =
        std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return name == a; });
    if (!known) return Status::InvalidInput("unknown parameter \"" + name + "\"");
    if (!out.values_.emplace(name, value).second) {
      return Status::InvalidInput("parameter \"" + name + "\" given twice");
    }
  }
  return out;
}

std::optional<std::string> Params::Get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

Result<size_t> Params::Limit(size_t fallback, size_t max) const {
  std::optional<std::string> text = Get("limit");
  if (!text) return fallback;
  size_t value = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc() || ptr != end || value < 1 || value > max) {
    return Status::InvalidInput("limit must be an integer from 1 to " + std::to_string(max));
  }
  return value;
}

Result<std::string> Params::Cursor() const {
  std::optional<std::string> text = Get("cursor");
  if (!text) return std::string();
  std::optional<std::string> key = DecodeCursor(*text);
  if (!key || key->empty()) return Status::InvalidInput("cursor is not one this API returned");
  return *key;
}

Result<std::optional<std::string>> Params::Date(const std::string& name) const {
  std::optional<std::string> text = Get(name);
  if (text && !IsPartialDate(*text)) {
    return Status::InvalidInput(name + " must be a date: YYYY, YYYY-MM or YYYY-MM-DD");
  }
  return text;
}

bool DateInRange(const std::string& published, const std::optional<std::string>& from,
                 const std::optional<std::string>& to) {
  if (!from && !to) return true;
  if (published.empty()) return false;
  // Compare at the coarser of the two precisions, so a month-precise date
  // is in any range that overlaps its month.
  if (from) {
    const size_t n = std::min(published.size(), from->size());
    if (published.compare(0, n, *from, 0, n) < 0) return false;
  }
  if (to) {
    const size_t n = std::min(published.size(), to->size());
    if (published.compare(0, n, *to, 0, n) > 0) return false;
  }
  return true;
}

}  // namespace dossier::api::internal
