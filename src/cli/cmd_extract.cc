// dossier extract FILE...: the main text and metadata of web pages (or any
// input ingest reads), without storing anything.
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clean/cleaner.h"
#include "cli/commands.h"
#include "cli/json_output.h"
#include "ingest/ingest.h"

namespace dossier::cli {
namespace {

int RunExtract(const GlobalOptions& global, const std::vector<std::string>& files) {
  ArticleCleaner cleaner;
  IngestOptions options;
  bool any_error = false;
  bool first = true;
  auto on_error = [&](const InputError& e) {
    any_error = true;
    std::fprintf(stderr, "dossier: error: %s\n", e.ToString().c_str());
  };
  auto on_record = [&](RawRecord&& record) {
    Result<Article> a = cleaner.Clean(record);
    if (!a.ok()) {
      on_error(InputError{record.path, record.locator, a.status().message()});
      return true;
    }
    if (global.json) {
      // One JSON object per line, so many pages stream as JSON Lines.
      nlohmann::json j = {{"path", record.path},
                          {"locator", NullIfEmpty(record.locator)},
                          {"title", NullIfEmpty(a->title)},
                          {"author", NullIfEmpty(a->author)},
                          {"published", NullIfEmpty(a->published)},
                          {"language", NullIfEmpty(a->language)},
                          {"outlet", NullIfEmpty(a->outlet)},
                          {"url", NullIfEmpty(a->url)},
                          {"text", a->text}};
      std::string line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      std::fwrite(line.data(), 1, line.size(), stdout);
      std::fputc('\n', stdout);
    } else {
      if (!first) std::fputs("\n\f\n", stdout);  // a form feed separates pages
      if (!a->title.empty()) std::printf("%s\n\n", a->title.c_str());
      std::fwrite(a->text.data(), 1, a->text.size(), stdout);
      std::fputc('\n', stdout);
    }
    first = false;
    return true;
  };
  for (const std::string& f : files) ReadInput(f, options, on_record, on_error);
  return any_error ? kExitRejected : kExitOk;
}

}  // namespace

void AddExtractCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Print the main text of web pages (HTML, .html.gz, or any input ingest reads); with "
      "--json one object per page: title, author, published, language, outlet, url, text");
  cmd->add_option("files", *files, "pages to extract")->required();
  cmd->callback([&global, files, exit_code] { *exit_code = RunExtract(global, *files); });
}

}  // namespace dossier::cli
