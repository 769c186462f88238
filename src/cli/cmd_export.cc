// dossier export: the whole store as one JSON document (docs/export.schema.json).
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/store_access.h"

namespace dossier::cli {
namespace {

int RunExport(const GlobalOptions& global, const std::string& output) {
  std::unique_ptr<Store> store = OpenStoreOrReport(global.db, /*read_only=*/true);
  if (!store) return kExitFailure;
  if (output.empty() || output == "-") {
    Status s = store->ExportJson(std::cout);
    std::cout.flush();
    if (!s.ok()) {
      PrintError("export failed", s);
      return kExitFailure;
    }
    return kExitOk;
  }
  // Write beside the target and rename, so a failed export never leaves a
  // truncated file under the requested name.
  std::string tmp = output + ".partial";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      PrintError("cannot write " + tmp, Status::IOError("open failed"));
      return kExitFailure;
    }
    Status s = store->ExportJson(out);
    out.flush();
    if (!s.ok() || !out) {
      std::remove(tmp.c_str());
      PrintError("export failed", s.ok() ? Status::IOError("write failed: " + tmp) : s);
      return kExitFailure;
    }
  }
  if (std::rename(tmp.c_str(), output.c_str()) != 0) {
    std::remove(tmp.c_str());
    PrintError("cannot write " + output, Status::IOError("rename failed"));
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

void AddExportCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto output = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Print the whole store as one JSON document (see docs/export.schema.json)");
  cmd->add_option("-o,--output", *output, "write to this file instead of stdout");
  cmd->callback([&global, output, exit_code] { *exit_code = RunExport(global, *output); });
}

}  // namespace dossier::cli
