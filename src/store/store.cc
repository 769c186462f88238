// Tested by store_test.cc.
#include "store/store.h"

#include "store/pg_store.h"
#include "store/pg_util.h"
#include "store/sqlite_store.h"

namespace dossier {

namespace {

bool IsPostgresUrl(const std::string& location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

}  // namespace

std::string DisplayLocation(const std::string& location) {
  return IsPostgresUrl(location) ? store_internal::RedactLocation(location) : location;
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& location,
                                           const StoreOptions& options) {
  if (location.empty()) return Status::InvalidInput("no store location given");
  if (IsPostgresUrl(location)) {
    return store_internal::OpenPgStore(location, options);
  }
  return store_internal::OpenSqliteStore(location, options);
}

}  // namespace dossier
