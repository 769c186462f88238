// The dossier command line: one Add*Command per subcommand.
//
// The CLI is a thin layer: it parses arguments, calls the stage libraries,
// prints results (human text, or JSON with --json) and maps outcomes to exit
// codes: 0 all went well, 1 some input records were rejected (or a lookup
// found nothing), 2 usage errors; 3 when the store itself failed.
#ifndef DOSSIER_CLI_COMMANDS_H_
#define DOSSIER_CLI_COMMANDS_H_

#include <string>

#include <CLI/CLI.hpp>

namespace dossier::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRejected = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFailure = 3;

// Options every subcommand sees.
struct GlobalOptions {
  std::string db = "dossier.db";
  bool json = false;
};

// Each adds its subcommand to `app`; when the subcommand is chosen, its
// callback runs the command and stores the exit code in *exit_code.
void AddIngestCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void AddExportCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void AddShowCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void AddSearchCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void AddStatsCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void AddExtractCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void AddNerCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void AddTrainNerCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void AddNameMatchCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void AddAnalyzeCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void AddEntityCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void AddEntitiesCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void AddQuotesCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void AddConflictsCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
// stories, event, timeline.
void AddStoriesCommands(CLI::App& app, const GlobalOptions& global, int* exit_code);
void AddServeCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void AddReportCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
// publish, worker, cluster, status: scale-out over NATS JetStream.
void AddScaleOutCommands(CLI::App& app, const GlobalOptions& global, int* exit_code);

}  // namespace dossier::cli

#endif  // DOSSIER_CLI_COMMANDS_H_
