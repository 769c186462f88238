// Tested by pg_store_test.cc.
#include "store/pg_util.h"

#include <new>

#include <unicode/utf8.h>

namespace dossier::store_internal {
namespace {

// The first line of a PostgreSQL error: libpq adds context lines.
std::string PgFirstLine(const char* what) {
  std::string s = what;
  const size_t nl = s.find('\n');
  if (nl != std::string::npos) s.resize(nl);
  return s;
}

Status PgFromSqlState(const std::string& state, std::string message) {
  if (state.starts_with("23")) return Status::InvalidInput(std::move(message));
  if (state == "25006") return Status::Unsupported(std::move(message));  // read-only transaction
  if (state.starts_with("53")) return Status::LimitExceeded(std::move(message));
  if (state.starts_with("22")) return Status::InvalidInput(std::move(message));  // data exception
  if (state.starts_with("08") || state.starts_with("57") || state.starts_with("58") ||
      state.starts_with("40") || state.starts_with("28") || state.starts_with("3D")) {
    return Status::IOError(std::move(message));
  }
  return Status::Internal(std::move(message));
}

}  // namespace

Status PgError(const std::exception& e) {
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e)) {
    return PgFromSqlState(sql->sqlstate(), "PostgreSQL: " + PgFirstLine(e.what()));
  }
  if (dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr ||
      dynamic_cast<const pqxx::in_doubt_error*>(&e) != nullptr) {
    return Status::IOError("PostgreSQL connection: " + PgFirstLine(e.what()));
  }
  if (dynamic_cast<const pqxx::transaction_rollback*>(&e) != nullptr) {
    return Status::IOError("PostgreSQL: " + PgFirstLine(e.what()));
  }
  if (dynamic_cast<const std::bad_alloc*>(&e) != nullptr) {
    return Status::LimitExceeded("out of memory");
  }
  return Status::Internal("PostgreSQL client: " + PgFirstLine(e.what()));
}

std::string StorableText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c <= 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
    } else {
      out.append(text.substr(static_cast<size_t>(at), static_cast<size_t>(i - at)));
    }
  }
  return out;
}

std::string RedactLocation(const std::string& location) {
  std::string out = location;
  // scheme://user:password@host... -> scheme://user:***@host...
  const size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    const size_t start = scheme + 3;
    const size_t at = out.find('@', start);
    const size_t slash = out.find('/', start);
    const size_t colon = out.find(':', start);
    if (at != std::string::npos && (slash == std::string::npos || at < slash) &&
        colon != std::string::npos && colon < at) {
      out = out.substr(0, colon + 1) + "***" + out.substr(at);
    }
  }
  // A password given as a parameter: ...?password=secret&... or password=secret.
  const size_t p = out.find("password=");
  if (p != std::string::npos) {
    size_t end = out.find_first_of("& ", p);
    if (end == std::string::npos) end = out.size();
    out = out.substr(0, p + 9) + "***" + out.substr(end);
  }
  return out;
}

}  // namespace dossier::store_internal
