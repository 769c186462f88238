// dossier conflicts: where the sources disagree (figures, dates).
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/store_access.h"

namespace dossier::cli {
namespace {

int RunConflicts(const GlobalOptions& global) {
  std::unique_ptr<Store> store = OpenStoreOrReport(global.db, /*read_only=*/true);
  if (!store) return kExitFailure;
  Result<std::vector<FindingRow>> rows = store->ListFindings("conflicts");
  if (!rows.ok()) {
    PrintError("conflicts failed", rows.status());
    return kExitFailure;
  }
  if (global.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const FindingRow& row : *rows) out.push_back(nlohmann::json::parse(row.json));
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return kExitOk;
  }
  if (rows->empty()) std::printf("no conflicts between sources\n");
  for (const FindingRow& row : *rows) {
    const nlohmann::json c = nlohmann::json::parse(row.json);
    std::printf("%s [%s] %s\n", row.id.c_str(), c["kind"].get<std::string>().c_str(),
                c["description"].get<std::string>().c_str());
    for (const auto& claim : c["claims"]) {
      std::printf("  %-16s %-24s %s\n", claim["article"].get<std::string>().c_str(),
                  claim["value"].get<std::string>().c_str(),
                  claim["text"].get<std::string>().c_str());
    }
  }
  return kExitOk;
}

}  // namespace

void AddConflictsCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "conflicts", "Where the sources disagree: incompatible figures, different dates");
  cmd->callback([&global, exit_code] { *exit_code = RunConflicts(global); });
}

}  // namespace dossier::cli
