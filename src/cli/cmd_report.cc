// dossier report STORYLINE|EVENT [--format md|html|json] [-o FILE]: the
// dossier of a storyline or an event (report/report.h), to stdout or a file.
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/store_access.h"
#include "report/render.h"
#include "report/report.h"

namespace dossier::cli {
namespace {

struct ReportArgs {
  std::string id;
  std::string format;  ///< "" = md, or json with --json
  std::string output;  ///< "" or "-" = stdout
};

int RunReport(const GlobalOptions& global, const ReportArgs& args) {
  std::unique_ptr<Store> store = OpenStoreOrReport(global.db, /*read_only=*/true);
  if (!store) return kExitFailure;
  Result<report::StorylineReport> built = report::BuildReport(store.get(), args.id);
  if (!built.ok()) {
    if (built.status().code() == Status::Code::kNotFound) {
      std::fprintf(stderr, "dossier: no storyline or event with id %s (see dossier stories)\n",
                   args.id.c_str());
      return kExitRejected;
    }
    PrintError("report failed", built.status());
    return kExitFailure;
  }
  const std::string format = !args.format.empty() ? args.format : global.json ? "json" : "md";
  const std::string text = format == "html"   ? report::RenderHtml(*built)
                           : format == "json" ? report::RenderJson(*built)
                                              : report::RenderMarkdown(*built);
  if (args.output.empty() || args.output == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return kExitOk;
  }
  std::ofstream out(args.output, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) {
    std::fprintf(stderr, "dossier: cannot write %s\n", args.output.c_str());
    return kExitFailure;
  }
  std::fprintf(stderr, "report of %s written to %s (%zu bytes)\n", args.id.c_str(),
               args.output.c_str(), text.size());
  return kExitOk;
}

}  // namespace

void AddReportCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "report",
      "The dossier of a storyline or event: summary, timeline, actors, quotes, figures and "
      "conflicts, sources");
  cmd->add_option("id", args->id, "a storyline id (S0) or an event id (V3); see dossier stories")
      ->required();
  cmd->add_option("--format", args->format,
                  "md (Markdown, the default), html (one self-contained file) or json")
      ->check(CLI::IsMember({"md", "html", "json"}));
  cmd->add_option("-o,--output", args->output, "write to this file instead of stdout");
  cmd->callback([&global, args, exit_code] { *exit_code = RunReport(global, *args); });
}

}  // namespace dossier::cli
