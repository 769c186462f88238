// dossier: the command-line entry point. Dispatch and exit codes only.
#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>
#include <malloc.h>

#include "cli/commands.h"

#ifndef DOSSIER_VERSION
#define DOSSIER_VERSION "unknown"
#endif

int main(int argc, char** argv) {
  // glibc returns freed memory at the top of the heap to the system past
  // 128 KiB, and serves blocks past 128 KiB (adaptive, up to 32 MiB) with
  // mmap. An ingest allocates and frees blocks that large for every article
  // (CLD2 alone takes ~175 KiB per call), so each article paid for fresh
  // pages and their page faults: ~5% of ingest time. Keeping up to 64 MiB
  // of freed memory, and mapping only blocks of 32 MiB or more, reuses those
  // pages; the peak memory an ingest reaches does not change.
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);

  using namespace dossier::cli;
  CLI::App app{"dossier: stories, actors, quotes and timelines from news articles"};
  app.set_version_flag("--version", std::string("dossier ") + DOSSIER_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  GlobalOptions global;
  app.add_option("--db", global.db, "the store: a SQLite file path")->capture_default_str();
  app.add_flag("--json", global.json, "print JSON instead of text");

  int exit_code = kExitOk;
  AddIngestCommand(app, global, &exit_code);
  AddAnalyzeCommand(app, global, &exit_code);
  AddExportCommand(app, global, &exit_code);
  AddShowCommand(app, global, &exit_code);
  AddSearchCommand(app, global, &exit_code);
  AddStatsCommand(app, global, &exit_code);
  AddEntityCommand(app, global, &exit_code);
  AddEntitiesCommand(app, global, &exit_code);
  AddQuotesCommand(app, global, &exit_code);
  AddConflictsCommand(app, global, &exit_code);
  AddStoriesCommands(app, global, &exit_code);
  AddReportCommand(app, global, &exit_code);
  AddServeCommand(app, global, &exit_code);
  AddScaleOutCommands(app, global, &exit_code);
  AddExtractCommand(app, global, &exit_code);
  AddNerCommand(app, global, &exit_code);
  AddTrainNerCommand(app, global, &exit_code);
  AddNameMatchCommand(app, global, &exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dossier: internal error: %s\n", e.what());
    return kExitFailure;
  }
  return exit_code;
}
