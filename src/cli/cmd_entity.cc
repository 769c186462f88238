// dossier entity NAME: one entity, its names, roles and articles.
//
// NAME is an entity id from the export ("E12"), or a name in any spelling:
// an exact name or variant (case-insensitive) wins, else the name matcher's
// best match ("Kazimi" finds Mustafa al-Kadhimi); ties go to the entity in
// more articles. Exit 1 when nothing matches.
#include <algorithm>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "api/entity_lookup.h"
#include "cli/commands.h"
#include "cli/store_access.h"
#include "entities/identity_resources.h"

namespace dossier::cli {
namespace {

nlohmann::json DetailJson(const EntityDetail& d) {
  nlohmann::json j = {{"id", api::EntityId(d.entity.id)},
                      {"type", d.entity.type},
                      {"name", d.entity.name},
                      {"article_count", d.entity.article_count}};
  j["variants"] = nlohmann::json::array();
  for (const EntityVariantRecord& v : d.entity.variants) {
    j["variants"].push_back({{"text", v.text}, {"count", v.count}});
  }
  j["roles"] = nlohmann::json::array();
  for (const RoleRecord& r : d.roles) {
    j["roles"].push_back({{"role", r.role},
                          {"country", r.country},
                          {"text", r.text},
                          {"date", r.date},
                          {"article", r.article_id}});
  }
  j["articles"] = nlohmann::json::array();
  for (const EntityDetail::Occurrence& o : d.articles) {
    j["articles"].push_back({{"id", o.article_id},
                             {"published", o.published},
                             {"title", o.title},
                             {"mentions", o.mentions}});
  }
  return j;
}

void PrintDetail(const EntityDetail& d) {
  const EntityRecord& e = d.entity;
  std::printf("E%lld %s %s (%u articles)\n", static_cast<long long>(e.id), e.type.c_str(),
              e.name.c_str(), e.article_count);
  std::printf("names:");
  for (size_t i = 0; i < e.variants.size(); ++i) {
    std::printf("%s %s x%u", i ? "," : "", e.variants[i].text.c_str(), e.variants[i].count);
  }
  std::printf("\n");
  if (!d.roles.empty()) {
    std::printf("roles:\n");
    for (const RoleRecord& r : d.roles) {
      std::printf("  %-10s %-22s \"%s\" (%s)\n", r.date.empty() ? "-" : r.date.c_str(),
                  (r.role + (r.country.empty() ? "" : "/" + r.country)).c_str(), r.text.c_str(),
                  r.article_id.c_str());
    }
  }
  std::printf("articles:\n");
  for (const EntityDetail::Occurrence& o : d.articles) {
    std::printf("  %-10s %-16s %3u× %s\n",
                o.published.empty() ? "-" : o.published.substr(0, 10).c_str(), o.article_id.c_str(),
                o.mentions, o.title.c_str());
  }
}

int RunEntity(const GlobalOptions& global, const std::string& name) {
  std::unique_ptr<Store> store = OpenStoreOrReport(global.db, /*read_only=*/true);
  if (!store) return kExitFailure;
  Result<std::vector<EntityRecord>> entities = store->ListEntities();
  if (!entities.ok()) {
    PrintError("entity lookup failed", entities.status());
    return kExitFailure;
  }
  Result<std::unique_ptr<const identity::IdentityResources>> resources =
      identity::IdentityResources::Load();
  if (!resources.ok()) {
    PrintError("cannot load the name matcher", resources.status());
    return kExitFailure;
  }
  std::vector<api::EntityCandidate> found =
      api::FindEntities(*entities, name, &(*resources)->matcher());
  if (found.empty()) {
    std::fprintf(stderr, "dossier: no entity named \"%s\"\n", name.c_str());
    return kExitRejected;
  }
  Result<EntityDetail> detail = store->GetEntity(found[0].entity->id);
  if (!detail.ok()) {
    PrintError("entity lookup failed", detail.status());
    return kExitFailure;
  }
  if (global.json) {
    nlohmann::json j = DetailJson(*detail);
    j["other_matches"] = nlohmann::json::array();
    for (size_t i = 1; i < found.size() && i < 10; ++i) {
      j["other_matches"].push_back(
          {{"id", api::EntityId(found[i].entity->id)}, {"name", found[i].entity->name}});
    }
    std::printf("%s\n", j.dump(2).c_str());
    return kExitOk;
  }
  PrintDetail(*detail);
  if (found.size() > 1) {
    std::printf("other matches:");
    for (size_t i = 1; i < found.size() && i < 10; ++i) {
      std::printf("%s E%lld %s", i > 1 ? "," : "", static_cast<long long>(found[i].entity->id),
                  found[i].entity->name.c_str());
    }
    std::printf("\n");
  }
  return kExitOk;
}

}  // namespace

void AddEntityCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto name = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "entity", "Show one entity (a person, organisation, place...): its names, roles, articles");
  cmd->add_option("name", *name, "a name in any spelling, or an id such as E12")->required();
  cmd->callback([&global, name, exit_code] { *exit_code = RunEntity(global, *name); });
}

}  // namespace dossier::cli
