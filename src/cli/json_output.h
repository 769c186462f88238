// Helpers for the commands' --json output.
#ifndef DOSSIER_CLI_JSON_OUTPUT_H_
#define DOSSIER_CLI_JSON_OUTPUT_H_

#include <string>

#include <nlohmann/json.hpp>

namespace dossier::cli {

// An optional text field: null when empty.
inline nlohmann::json NullIfEmpty(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

}  // namespace dossier::cli

#endif  // DOSSIER_CLI_JSON_OUTPUT_H_
