// dossier ingest INPUT...: read, clean, analyse and store articles.
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/analysis_run.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/store_access.h"
#include "engine/analysis_pass.h"
#include "engine/ingest_pipeline.h"

namespace dossier::cli {
namespace {

struct IngestArgs {
  std::vector<std::string> inputs;
  size_t batch_size = PipelineOptions().batch_size;
  size_t max_article_bytes = 8u << 20;
  size_t list_limit = 50;
  bool quiet = false;
  bool analyze = true;
};

std::string Shorten(const std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return s.substr(0, cut) + "…";
}

// A title for listing: the stated title, else the start of the text.
std::string DisplayTitle(const Article& a) {
  if (!a.title.empty()) return Shorten(a.title, 70);
  return Shorten(a.text.substr(0, a.text.find('\n')), 70);
}

int RunIngest(const GlobalOptions& global, const IngestArgs& args) {
  std::unique_ptr<Store> store = OpenStoreOrReport(global.db, /*read_only=*/false);
  if (!store) return kExitFailure;

  ProgressLine progress;
  PipelineOptions options;
  options.batch_size = args.batch_size;
  options.ingest.max_record_bytes = args.max_article_bytes;
  nlohmann::json listed = nlohmann::json::array();
  size_t shown = 0;
  size_t not_shown = 0;

  IngestPipeline pipeline(store.get(), options, [&](const InputError& e) {
    progress.Clear();
    std::fprintf(stderr, "dossier: error: %s\n", e.ToString().c_str());
  });
  pipeline.set_article_callback([&](const IngestedArticle& a) {
    if (args.quiet) return;
    if (global.json) {
      listed.push_back({{"id", a.id},
                        {"new", a.inserted},
                        {"path", a.article->path},
                        {"language", a.article->language},
                        {"outlet", a.article->outlet},
                        {"published", a.article->published},
                        {"title", a.article->title}});
      return;
    }
    if (shown >= args.list_limit) {
      ++not_shown;
      return;
    }
    ++shown;
    progress.Clear();
    const Article& art = *a.article;
    std::printf("%s %-16s %-2s %-10s %-14s %s\n", a.inserted ? "+" : "=", a.id.c_str(),
                art.language.empty() ? "??" : art.language.c_str(),
                art.published.empty() ? "-" : art.published.c_str(),
                Shorten(art.outlet.empty() ? "-" : art.outlet, 14).c_str(),
                DisplayTitle(art).c_str());
  });
  auto start = std::chrono::steady_clock::now();
  pipeline.set_progress_callback([&](const IngestReport& r) {
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char line[160];
    std::snprintf(
        line, sizeof line, "ingest: %llu read, %llu new, %llu duplicate, %llu rejected, %.0f/s",
        static_cast<unsigned long long>(r.records), static_cast<unsigned long long>(r.stored),
        static_cast<unsigned long long>(r.duplicates), static_cast<unsigned long long>(r.rejected),
        s > 0 ? r.records / s : 0.0);
    progress.Update(line);
  });

  Result<IngestReport> report = pipeline.Run(args.inputs);
  progress.Clear();
  if (!report.ok()) {
    PrintError("ingest stopped: the store failed", report.status());
    return kExitFailure;
  }
  std::optional<AnalysisReport> analysis;
  if (args.analyze) {
    analysis = RunAnalysis(store.get(), &progress);
    if (!analysis) return kExitFailure;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (global.json) {
    nlohmann::json out = {{"records", report->records},
                          {"stored", report->stored},
                          {"duplicates", report->duplicates},
                          {"rejected", report->rejected},
                          {"seconds", seconds},
                          {"articles", listed}};
    if (analysis) out["analysis"] = AnalysisJson(*analysis);
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    if (not_shown > 0) std::printf("… and %zu more\n", not_shown);
    std::printf(
        "%llu records read: %llu new articles stored, %llu already stored, %llu rejected "
        "(%.2f s)\n",
        static_cast<unsigned long long>(report->records),
        static_cast<unsigned long long>(report->stored),
        static_cast<unsigned long long>(report->duplicates),
        static_cast<unsigned long long>(report->rejected), seconds);
    if (analysis) PrintAnalysis(*analysis);
  }
  return report->rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace

void AddIngestCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Read articles (text, HTML, JSON Lines, RSS/Atom, WARC; gzip/zstd) from files, "
      "directories or '-' (JSON Lines on stdin), clean them and store them");
  cmd->add_option("inputs", args->inputs, "files, directories, or - for stdin")->required();
  cmd->add_option("--batch-size", args->batch_size,
                  "articles per store transaction (at most: a transaction also ends at 64 MiB "
                  "of text)")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{100000}));
  cmd->add_option("--max-article-bytes", args->max_article_bytes, "reject records larger than this")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1024}, size_t{1} << 30));
  cmd->add_option("--list", args->list_limit, "list at most this many articles")
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", args->quiet, "print only the summary and errors");
  cmd->add_flag("!--no-analyze", args->analyze,
                "only store the articles; `dossier analyze` finds their entities later");
  cmd->callback([&global, args, exit_code] { *exit_code = RunIngest(global, *args); });
}

}  // namespace dossier::cli
