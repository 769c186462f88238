#include "cli/analysis_run.h"

#include <cstdio>
#include <string>

#include "cli/store_access.h"

namespace dossier::cli {

std::optional<AnalysisReport> RunAnalysis(Store* store, ProgressLine* progress) {
  Result<std::unique_ptr<AnalysisPass>> pass = AnalysisPass::Create(store);
  if (!pass.ok()) {
    PrintError("cannot start the analysis", pass.status());
    return std::nullopt;
  }
  (*pass)->set_progress_callback([progress](const AnalysisReport& r, size_t pending) {
    char line[120];
    std::snprintf(line, sizeof line, "analyse: %llu done, %zu to go, %llu mentions",
                  static_cast<unsigned long long>(r.articles), pending,
                  static_cast<unsigned long long>(r.mentions));
    progress->Update(line);
  });
  Result<AnalysisReport> report = (*pass)->Run();
  progress->Clear();
  if (!report.ok()) {
    PrintError("analysis stopped: the store failed", report.status());
    return std::nullopt;
  }
  return *report;
}

nlohmann::json AnalysisJson(const AnalysisReport& r) {
  return {{"articles", r.articles},    {"without_model", r.without_model},
          {"mentions", r.mentions},    {"entities", r.entities},
          {"quotes", r.quotes},        {"figures", r.figures},
          {"conflicts", r.conflicts},  {"events", r.events},
          {"storylines", r.storylines}};
}

void PrintAnalysis(const AnalysisReport& r) {
  std::printf(
      "analysed %llu articles: %llu entity mentions, %llu quotes, %llu figures; the store now "
      "holds %llu entities, %llu events in %llu storylines and %llu conflicts between sources",
      static_cast<unsigned long long>(r.articles), static_cast<unsigned long long>(r.mentions),
      static_cast<unsigned long long>(r.quotes), static_cast<unsigned long long>(r.figures),
      static_cast<unsigned long long>(r.entities), static_cast<unsigned long long>(r.events),
      static_cast<unsigned long long>(r.storylines), static_cast<unsigned long long>(r.conflicts));
  if (r.without_model > 0) {
    std::printf(" (%llu articles in a language without an entity model)",
                static_cast<unsigned long long>(r.without_model));
  }
  std::printf("\n");
}

}  // namespace dossier::cli
