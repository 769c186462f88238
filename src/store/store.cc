// Tested by store_test.cc.
#include "store/store.h"

#include "store/pg_store.h"
#include "store/sqlite_store.h"

namespace dossier {

Result<std::unique_ptr<Store>> Store::Open(const std::string& location,
                                           const StoreOptions& options) {
  if (location.empty()) return Status::InvalidInput("no store location given");
  if (location.starts_with("postgresql://") || location.starts_with("postgres://")) {
    return store_internal::OpenPgStore(location, options);
  }
  return store_internal::OpenSqliteStore(location, options);
}

}  // namespace dossier
