// dossier quotes [--speaker NAME]: who said what, by speaker.
//
// The same words of one speaker carried by several articles are one quote,
// listed once with all its sources.
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/entity_lookup.h"
#include "cli/commands.h"
#include "cli/store_access.h"
#include "entities/identity_resources.h"

namespace dossier::cli {
namespace {

struct QuotesArgs {
  std::string speaker;
  size_t limit = 200;
};

int RunQuotes(const GlobalOptions& global, const QuotesArgs& args) {
  std::unique_ptr<Store> store = OpenStoreOrReport(global.db, /*read_only=*/true);
  if (!store) return kExitFailure;
  Result<std::vector<FindingRow>> rows = store->ListFindings("quotes");
  Result<std::vector<EntityRecord>> entities = store->ListEntities();
  if (!rows.ok() || !entities.ok()) {
    PrintError("quotes failed", rows.ok() ? entities.status() : rows.status());
    return kExitFailure;
  }
  std::string wanted;  // entity id, when --speaker names one
  if (!args.speaker.empty()) {
    Result<std::unique_ptr<const identity::IdentityResources>> resources =
        identity::IdentityResources::Load();
    if (!resources.ok()) {
      PrintError("cannot load the name matcher", resources.status());
      return kExitFailure;
    }
    std::vector<api::EntityCandidate> found =
        api::FindEntities(*entities, args.speaker, &(*resources)->matcher());
    if (found.empty()) {
      std::fprintf(stderr, "dossier: no entity named \"%s\"\n", args.speaker.c_str());
      return kExitRejected;
    }
    wanted = api::EntityId(found[0].entity->id);
  }
  std::map<std::string, std::string> names;  // entity id -> name
  for (const EntityRecord& e : *entities) names[api::EntityId(e.id)] = e.name;

  // Group the rows: a quote with same_as joins its first quote.
  std::vector<nlohmann::json> quotes;
  std::map<std::string, size_t> index;  // quote id -> position in `quotes`
  for (const FindingRow& row : *rows) {
    nlohmann::json q = nlohmann::json::parse(row.json, nullptr, false);
    if (q.is_discarded()) continue;
    if (!wanted.empty() && q["speaker"] != wanted) continue;
    if (q["same_as"].is_string()) {
      auto it = index.find(q["same_as"]);
      if (it != index.end()) {
        quotes[it->second]["sources"].push_back(q["article"]);
        index[q["id"]] = it->second;
        continue;
      }
    }
    q["sources"] = nlohmann::json::array({q["article"]});
    q["speaker_name"] = q["speaker"].is_string() ? nlohmann::json(names[q["speaker"]]) : nullptr;
    index[q["id"]] = quotes.size();
    quotes.push_back(std::move(q));
  }
  if (global.json) {
    nlohmann::json out = nlohmann::json::array();
    for (size_t i = 0; i < quotes.size() && i < args.limit; ++i) out.push_back(quotes[i]);
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return kExitOk;
  }
  std::string last_speaker = "\x01";
  for (size_t i = 0; i < quotes.size() && i < args.limit; ++i) {
    const nlohmann::json& q = quotes[i];
    const std::string who = q["speaker_name"].is_string() ? q["speaker_name"].get<std::string>()
                            : q["speaker_text"].is_string()
                                ? "(" + q["speaker_text"].get<std::string>() + ")"
                                : "(unattributed)";
    if (who != last_speaker) std::printf("%s\n", who.c_str());
    last_speaker = who;
    const std::string text = q["text"];
    std::printf("  %s%s%s  [%zu source%s: %s", q["direct"].get<bool>() ? "“" : "", text.c_str(),
                q["direct"].get<bool>() ? "”" : " (reported)", q["sources"].size(),
                q["sources"].size() == 1 ? "" : "s", q["sources"][0].get<std::string>().c_str());
    for (size_t k = 1; k < q["sources"].size(); ++k) {
      std::printf(", %s", q["sources"][k].get<std::string>().c_str());
    }
    std::printf("]\n");
  }
  if (quotes.size() > args.limit) std::printf("… and %zu more\n", quotes.size() - args.limit);
  return kExitOk;
}

}  // namespace

void AddQuotesCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto args = std::make_shared<QuotesArgs>();
  CLI::App* cmd = app.add_subcommand("quotes", "Who said what: direct and reported speech");
  cmd->add_option("--speaker", args->speaker, "only this speaker (a name in any spelling, or E12)");
  cmd->add_option("--limit", args->limit, "list at most this many quotes")->capture_default_str();
  cmd->callback([&global, args, exit_code] { *exit_code = RunQuotes(global, *args); });
}

}  // namespace dossier::cli
