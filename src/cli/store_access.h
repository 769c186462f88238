// Opening the store for a command, with the error printed the same way everywhere.
#ifndef DOSSIER_CLI_STORE_ACCESS_H_
#define DOSSIER_CLI_STORE_ACCESS_H_

#include <cstdio>
#include <memory>
#include <string>

#include "base/status.h"
#include "store/store.h"

namespace dossier::cli {

// Prints "dossier: <what>: <status>" to stderr.
inline void PrintError(const std::string& what, const Status& status) {
  std::fprintf(stderr, "dossier: %s: %s\n", what.c_str(), status.ToString().c_str());
}

// Returns the open store, or nullptr after printing why it could not be opened.
inline std::unique_ptr<Store> OpenStoreOrReport(const std::string& db, bool read_only) {
  StoreOptions options;
  options.read_only = read_only;
  Result<std::unique_ptr<Store>> store = Store::Open(db, options);
  if (!store.ok()) {
    PrintError("cannot open store " + DisplayLocation(db), store.status());
    return nullptr;
  }
  return std::move(*store);
}

}  // namespace dossier::cli

#endif  // DOSSIER_CLI_STORE_ACCESS_H_
