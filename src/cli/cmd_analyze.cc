// dossier analyze: run the analysis stages over stored articles that have not
// been analysed yet (after `dossier ingest --no-analyze`, or an interrupted run).
#include <cstdio>

#include "cli/analysis_run.h"
#include "cli/commands.h"
#include "cli/store_access.h"

namespace dossier::cli {
namespace {

int RunAnalyze(const GlobalOptions& global) {
  std::unique_ptr<Store> store = OpenStoreOrReport(global.db, /*read_only=*/false);
  if (!store) return kExitFailure;
  ProgressLine progress;
  std::optional<AnalysisReport> report = RunAnalysis(store.get(), &progress);
  if (!report) return kExitFailure;
  if (global.json) {
    std::printf("%s\n", AnalysisJson(*report).dump(2).c_str());
  } else {
    PrintAnalysis(*report);
  }
  return kExitOk;
}

}  // namespace

void AddAnalyzeCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* cmd =
      app.add_subcommand("analyze", "Find the entities of the stored articles not analysed yet");
  cmd->callback([&global, exit_code] { *exit_code = RunAnalyze(global); });
}

}  // namespace dossier::cli
