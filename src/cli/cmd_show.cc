// dossier show ID: one article with its metadata and text.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/json_output.h"
#include "cli/store_access.h"

namespace dossier::cli {
namespace {

int RunShow(const GlobalOptions& global, const std::string& id) {
  std::unique_ptr<Store> store = OpenStoreOrReport(global.db, /*read_only=*/true);
  if (!store) return kExitFailure;
  Result<Article> article = store->GetArticle(id);
  if (!article.ok()) {
    if (article.status().code() == Status::Code::kNotFound) {
      std::fprintf(stderr, "dossier: no article with id %s\n", id.c_str());
      return kExitRejected;
    }
    PrintError("show failed", article.status());
    return kExitFailure;
  }
  const Article& a = *article;
  if (global.json) {
    nlohmann::json j = {{"id", a.id},
                        {"path", NullIfEmpty(a.path)},
                        {"locator", NullIfEmpty(a.locator)},
                        {"url", NullIfEmpty(a.url)},
                        {"title", NullIfEmpty(a.title)},
                        {"author", NullIfEmpty(a.author)},
                        {"outlet", NullIfEmpty(a.outlet)},
                        {"dateline", NullIfEmpty(a.dateline)},
                        {"published", NullIfEmpty(a.published)},
                        {"language", NullIfEmpty(a.language)},
                        {"language_confidence", a.language_confidence},
                        {"mixed_language", a.mixed_language},
                        {"text", a.text}};
    std::printf("%s\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return kExitOk;
  }
  auto field = [](const char* name, const std::string& value) {
    if (!value.empty()) std::printf("%-10s %s\n", name, value.c_str());
  };
  field("id", a.id);
  field("title", a.title);
  field("outlet", a.outlet);
  field("published", a.published);
  field("dateline", a.dateline);
  field("author", a.author);
  field("url", a.url);
  char lang[64];
  std::snprintf(lang, sizeof lang, "%s (%.0f%%%s)", a.language.empty() ? "??" : a.language.c_str(),
                a.language_confidence * 100, a.mixed_language ? ", mixed" : "");
  field("language", lang);
  field("source", a.locator.empty() ? a.path : a.path + " (" + a.locator + ")");
  std::printf("\n%s\n", a.text.c_str());
  return kExitOk;
}

}  // namespace

void AddShowCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto id = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("show", "Show one article");
  cmd->add_option("id", *id, "the article's id")->required();
  cmd->callback([&global, id, exit_code] { *exit_code = RunShow(global, *id); });
}

}  // namespace dossier::cli
