// dossier search QUERY: ranked full-text search over titles and texts.
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/store_access.h"
#include "engine/article_search.h"

namespace dossier::cli {
namespace {

struct SearchArgs {
  std::vector<std::string> words;
  size_t limit = 10;
  size_t offset = 0;
};

int RunSearch(const GlobalOptions& global, const SearchArgs& args) {
  std::unique_ptr<Store> store = OpenStoreOrReport(global.db, /*read_only=*/true);
  if (!store) return kExitFailure;
  std::string text;
  for (const std::string& w : args.words) text += (text.empty() ? "" : " ") + w;
  ArticleAnalyzer analyzer;
  Result<std::vector<SearchHit>> hits =
      SearchArticles(*store, analyzer, text, args.limit, args.offset);
  if (!hits.ok()) {
    PrintError("search failed", hits.status());
    return kExitFailure;
  }
  if (global.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const SearchHit& h : *hits) {
      out.push_back({{"id", h.id},
                     {"score", h.score},
                     {"title", h.title},
                     {"outlet", h.outlet},
                     {"published", h.published},
                     {"language", h.language},
                     {"snippet", h.snippet}});
    }
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return kExitOk;
  }
  if (hits->empty()) {
    std::printf("no article matches \"%s\"\n", text.c_str());
    return kExitOk;
  }
  size_t rank = args.offset;
  for (const SearchHit& h : *hits) {
    std::printf("%zu. %s  %s  %s  %s\n   %s\n   %s\n", ++rank, h.id.c_str(),
                h.language.empty() ? "??" : h.language.c_str(),
                h.published.empty() ? "-" : h.published.c_str(),
                h.outlet.empty() ? "-" : h.outlet.c_str(), h.title.c_str(), h.snippet.c_str());
  }
  return kExitOk;
}

}  // namespace

void AddSearchCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app.add_subcommand(
      "search", "Full-text search, ranked; words also match their stems (troops ~ troop)");
  cmd->add_option("query", args->words, "words to look for (taken as text, not syntax)")
      ->required();
  cmd->add_option("-n,--limit", args->limit, "results per page")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{1000}));
  cmd->add_option("--offset", args->offset, "skip this many results")->capture_default_str();
  cmd->callback([&global, args, exit_code] { *exit_code = RunSearch(global, *args); });
}

}  // namespace dossier::cli
