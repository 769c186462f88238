// /api/stats, /api/articles/{id}, /api/entities, /api/entities/{id|name},
// /openapi.json. Tested by router_test.cc.
#include <algorithm>
#include <charconv>
#include <set>

#include "api/cursor.h"
#include "api/endpoints.h"
#include "api/entity_lookup.h"
#include "api/openapi_data.h"
#include "api/params.h"

namespace dossier::api::internal {
namespace {

const std::set<std::string> kEntityTypes = {"PER", "ORG", "LOC", "MISC"};

nlohmann::json EntitySummaryJson(const EntityRecord& e) {
  nlohmann::json variants = nlohmann::json::array();
  for (const EntityVariantRecord& v : e.variants) {
    variants.push_back({{"text", v.text}, {"count", v.count}});
  }
  return {{"id", EntityId(e.id)},
          {"type", e.type},
          {"name", e.name},
          {"article_count", e.article_count},
          {"variants", std::move(variants)}};
}

nlohmann::json EntityDetailJson(const EntityDetail& d) {
  nlohmann::json j = EntitySummaryJson(d.entity);
  j["roles"] = nlohmann::json::array();
  for (const RoleRecord& r : d.roles) {
    j["roles"].push_back({{"role", r.role},
                          {"role_class", r.role_class},
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

}  // namespace

ApiResponse JsonResponse(const nlohmann::json& body) {
  ApiResponse r;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

ApiResponse StatusResponse(const Status& status) {
  switch (status.code()) {
    case Status::Code::kInvalidInput:
      return ErrorResponse(400, status.message());
    case Status::Code::kNotFound:
      return ErrorResponse(404, status.message());
    default:
      return ErrorResponse(500, "store failure: " + status.ToString());
  }
}

ApiResponse HandleStats(const EndpointContext& ctx) {
  Result<Params> params = Params::Check(ctx.request.params, {});
  if (!params.ok()) return StatusResponse(params.status());
  Result<StoreStats> s = ctx.session.store->Stats();
  if (!s.ok()) return ErrorResponse(500, "store failure: " + s.status().ToString());
  return JsonResponse({{"articles", s->articles},
                       {"sentences", s->sentences},
                       {"tokens", s->tokens},
                       {"text_bytes", s->text_bytes},
                       {"by_language", s->by_language},
                       {"by_outlet", s->by_outlet},
                       {"earliest_published", s->earliest_published},
                       {"latest_published", s->latest_published},
                       {"analysed", s->analysed},
                       {"entities", s->entities},
                       {"schema_version", s->schema_version}});
}

ApiResponse HandleArticle(const EndpointContext& ctx, const std::string& id) {
  Result<Params> params = Params::Check(ctx.request.params, {});
  if (!params.ok()) return StatusResponse(params.status());
  Result<Article> a = ctx.session.store->GetArticle(id);
  if (!a.ok()) {
    if (a.status().code() == Status::Code::kNotFound) {
      return ErrorResponse(404, "no article with id \"" + id + "\"");
    }
    return StatusResponse(a.status());
  }
  // The input path and record locator stay out: they describe the machine
  // the articles were ingested on, not the article.
  return JsonResponse({{"id", a->id},
                       {"url", a->url},
                       {"title", a->title},
                       {"author", a->author},
                       {"outlet", a->outlet},
                       {"dateline", a->dateline},
                       {"published", a->published},
                       {"language", a->language},
                       {"language_confidence", a->language_confidence},
                       {"mixed_language", a->mixed_language},
                       {"text", a->text}});
}

ApiResponse HandleEntities(const EndpointContext& ctx) {
  Result<Params> params = Params::Check(ctx.request.params, {"type", "limit", "cursor"});
  if (!params.ok()) return StatusResponse(params.status());
  Result<size_t> limit = params->Limit(ctx.options.default_limit, ctx.options.max_limit);
  if (!limit.ok()) return StatusResponse(limit.status());
  Result<std::string> cursor = params->Cursor();
  if (!cursor.ok()) return StatusResponse(cursor.status());
  std::optional<std::string> type = params->Get("type");
  if (type && kEntityTypes.count(*type) == 0) {
    return ErrorResponse(400, "type must be one of PER, ORG, LOC, MISC");
  }
  // Sort key: the entity id, which the engine never reuses.
  int64_t after = -1;
  if (!cursor->empty()) {
    auto [ptr, ec] = std::from_chars(cursor->data(), cursor->data() + cursor->size(), after);
    if (ec != std::errc() || ptr != cursor->data() + cursor->size() || after < 0) {
      return ErrorResponse(400, "cursor is not one this API returned");
    }
  }
  Result<std::vector<EntityRecord>> entities = ctx.session.store->ListEntities();
  if (!entities.ok()) return StatusResponse(entities.status());
  std::vector<const EntityRecord*> sorted;
  for (const EntityRecord& e : *entities) {
    if (e.id > after && (!type || e.type == *type)) sorted.push_back(&e);
  }
  std::sort(sorted.begin(), sorted.end(),
            [](const EntityRecord* a, const EntityRecord* b) { return a->id < b->id; });
  nlohmann::json items = nlohmann::json::array();
  for (size_t i = 0; i < sorted.size() && i < *limit; ++i) {
    items.push_back(EntitySummaryJson(*sorted[i]));
  }
  nlohmann::json next = nullptr;
  if (sorted.size() > *limit) next = EncodeCursor(std::to_string(sorted[*limit - 1]->id));
  return JsonResponse({{"items", std::move(items)}, {"next_cursor", std::move(next)}});
}

ApiResponse HandleEntity(const EndpointContext& ctx, const std::string& id_or_name) {
  Result<Params> params = Params::Check(ctx.request.params, {});
  if (!params.ok()) return StatusResponse(params.status());
  Result<std::vector<EntityRecord>> entities = ctx.session.store->ListEntities();
  if (!entities.ok()) return StatusResponse(entities.status());
  const EntityRecord* found = FindEntity(*entities, id_or_name, ctx.matcher);
  if (found == nullptr) return ErrorResponse(404, "no entity named \"" + id_or_name + "\"");
  Result<EntityDetail> detail = ctx.session.store->GetEntity(found->id);
  if (!detail.ok()) return StatusResponse(detail.status());
  return JsonResponse(EntityDetailJson(*detail));
}

ApiResponse HandleOpenApi() {
  for (size_t i = 0; i < kOpenApiFileCount; ++i) {
    if (std::string_view(kOpenApiFiles[i].name) == "openapi.json") {
      ApiResponse r;
      r.body = kOpenApiFiles[i].content;
      return r;
    }
  }
  return ErrorResponse(500, "the OpenAPI document is missing from this build");
}

}  // namespace dossier::api::internal
