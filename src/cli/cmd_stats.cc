// dossier stats: what the store holds.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/store_access.h"

namespace dossier::cli {
namespace {

int RunStats(const GlobalOptions& global) {
  std::unique_ptr<Store> store = OpenStoreOrReport(global.db, /*read_only=*/true);
  if (!store) return kExitFailure;
  Result<StoreStats> stats = store->Stats();
  if (!stats.ok()) {
    PrintError("stats failed", stats.status());
    return kExitFailure;
  }
  const StoreStats& s = *stats;
  if (global.json) {
    nlohmann::json j = {{"articles", s.articles},
                        {"sentences", s.sentences},
                        {"tokens", s.tokens},
                        {"text_bytes", s.text_bytes},
                        {"by_language", s.by_language},
                        {"by_outlet", s.by_outlet},
                        {"earliest_published", s.earliest_published},
                        {"latest_published", s.latest_published},
                        {"analysed", s.analysed},
                        {"entities", s.entities},
                        {"schema_version", s.schema_version}};
    std::printf("%s\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return kExitOk;
  }
  std::printf("store      %s (schema v%d)\n", DisplayLocation(global.db).c_str(), s.schema_version);
  std::printf("articles   %llu  (%llu sentences, %llu words, %.1f KiB of text)\n",
              static_cast<unsigned long long>(s.articles),
              static_cast<unsigned long long>(s.sentences),
              static_cast<unsigned long long>(s.tokens), s.text_bytes / 1024.0);
  if (!s.earliest_published.empty()) {
    std::printf("published  %s .. %s\n", s.earliest_published.c_str(), s.latest_published.c_str());
  }
  std::printf("analysed   %llu articles: %llu entities\n",
              static_cast<unsigned long long>(s.analysed),
              static_cast<unsigned long long>(s.entities));
  std::printf("languages ");
  for (const auto& [lang, n] : s.by_language) {
    std::printf(" %s:%llu", lang.empty() ? "??" : lang.c_str(), static_cast<unsigned long long>(n));
  }
  std::printf("\noutlets   ");
  for (const auto& [outlet, n] : s.by_outlet) {
    std::printf(" %s:%llu;", outlet.empty() ? "(unknown)" : outlet.c_str(),
                static_cast<unsigned long long>(n));
  }
  std::printf("\n");
  return kExitOk;
}

}  // namespace

void AddStatsCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* cmd =
      app.add_subcommand("stats", "What the store holds: counts by language, outlet, date");
  cmd->callback([&global, exit_code] { *exit_code = RunStats(global); });
}

}  // namespace dossier::cli
