// Running the analysis pass from a command, with progress and a summary.
#ifndef DOSSIER_CLI_ANALYSIS_RUN_H_
#define DOSSIER_CLI_ANALYSIS_RUN_H_

#include <optional>

#include <nlohmann/json.hpp>

#include "cli/progress.h"
#include "engine/analysis_pass.h"
#include "store/store.h"

namespace dossier::cli {

// Analyses every pending article of `store`; nullopt after printing the
// error when it failed (what earlier batches stored stays).
std::optional<AnalysisReport> RunAnalysis(Store* store, ProgressLine* progress);

nlohmann::json AnalysisJson(const AnalysisReport& r);
// One summary line on stdout.
void PrintAnalysis(const AnalysisReport& r);

}  // namespace dossier::cli

#endif  // DOSSIER_CLI_ANALYSIS_RUN_H_
