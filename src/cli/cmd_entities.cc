// dossier entities [--type T] [--limit N]: the entities of the store, most
// widely reported first, with their other names.
#include <algorithm>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "api/entity_lookup.h"
#include "cli/commands.h"
#include "cli/store_access.h"

namespace dossier::cli {
namespace {

struct EntitiesArgs {
  std::string type;
  size_t limit = 30;
};

int RunEntities(const GlobalOptions& global, const EntitiesArgs& args) {
  std::unique_ptr<Store> store = OpenStoreOrReport(global.db, /*read_only=*/true);
  if (!store) return kExitFailure;
  Result<std::vector<EntityRecord>> all = store->ListEntities();
  if (!all.ok()) {
    PrintError("entities failed", all.status());
    return kExitFailure;
  }
  std::vector<const EntityRecord*> shown;
  for (const EntityRecord& e : *all) {
    if (args.type.empty() || e.type == args.type) shown.push_back(&e);
  }
  std::stable_sort(shown.begin(), shown.end(), [](const EntityRecord* a, const EntityRecord* b) {
    return a->article_count > b->article_count;
  });
  if (shown.size() > args.limit) shown.resize(args.limit);
  if (global.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const EntityRecord* e : shown) {
      nlohmann::json variants = nlohmann::json::array();
      for (const EntityVariantRecord& v : e->variants) {
        variants.push_back({{"text", v.text}, {"count", v.count}});
      }
      out.push_back({{"id", api::EntityId(e->id)},
                     {"type", e->type},
                     {"name", e->name},
                     {"article_count", e->article_count},
                     {"variants", variants}});
    }
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return kExitOk;
  }
  for (const EntityRecord* e : shown) {
    std::printf("%-6s %-4s %-28s %2u articles", api::EntityId(e->id).c_str(), e->type.c_str(),
                e->name.c_str(), e->article_count);
    std::string others;
    for (const EntityVariantRecord& v : e->variants) {
      if (v.text == e->name) continue;
      others += others.empty() ? "  also: " : ", ";
      others += v.text;
    }
    std::printf("%s\n", others.c_str());
  }
  return kExitOk;
}

}  // namespace

void AddEntitiesCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto args = std::make_shared<EntitiesArgs>();
  CLI::App* cmd = app.add_subcommand(
      "entities", "The people, organisations and places of the store, most reported first");
  cmd->add_option("--type", args->type, "only PER, ORG, LOC or MISC")
      ->check(CLI::IsMember({"PER", "ORG", "LOC", "MISC"}));
  cmd->add_option("--limit", args->limit, "list at most this many")->capture_default_str();
  cmd->callback([&global, args, exit_code] { *exit_code = RunEntities(global, *args); });
}

}  // namespace dossier::cli
