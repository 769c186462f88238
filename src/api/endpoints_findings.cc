// /api/quotes, /api/figures, /api/conflicts, /api/events, /api/storylines:
// the findings collections of docs/export.schema.json, in the order the
// analysis wrote them. Tested by router_test.cc.
//
// The cursor is the id of the last row of the page; the next page starts
// after that row. A cursor whose row has gone (the analysis recomputed the
// collection since) is a 400: the client starts again from the first page.
#include "api/cursor.h"
#include "api/endpoints.h"
#include "api/entity_lookup.h"
#include "api/params.h"

namespace dossier::api::internal {

ApiResponse HandleFindings(const EndpointContext& ctx, const std::string& collection) {
  const bool quotes = collection == "quotes";
  Result<Params> params = quotes ? Params::Check(ctx.request.params, {"speaker", "limit", "cursor"})
                                 : Params::Check(ctx.request.params, {"limit", "cursor"});
  if (!params.ok()) return StatusResponse(params.status());
  Result<size_t> limit = params->Limit(ctx.options.default_limit, ctx.options.max_limit);
  if (!limit.ok()) return StatusResponse(limit.status());
  Result<std::string> cursor = params->Cursor();
  if (!cursor.ok()) return StatusResponse(cursor.status());

  std::optional<std::string> speaker;  // the entity id quotes must have
  if (std::optional<std::string> name = params->Get("speaker")) {
    Result<std::vector<EntityRecord>> entities = ctx.session.store->ListEntities();
    if (!entities.ok()) return StatusResponse(entities.status());
    const EntityRecord* found = FindEntity(*entities, *name, ctx.matcher);
    if (found == nullptr) return ErrorResponse(404, "no entity named \"" + *name + "\"");
    speaker = EntityId(found->id);
  }

  Result<std::vector<FindingRow>> rows = ctx.session.store->ListFindings(collection);
  if (!rows.ok()) return StatusResponse(rows.status());
  size_t start = 0;
  if (!cursor->empty()) {
    while (start < rows->size() && (*rows)[start].id != *cursor) ++start;
    if (start == rows->size()) {
      return ErrorResponse(400, "cursor no longer valid: the collection changed; start again");
    }
    ++start;
  }
  nlohmann::json items = nlohmann::json::array();
  std::string last_id;
  size_t i = start;
  for (; i < rows->size() && items.size() < *limit; ++i) {
    nlohmann::json row =
        nlohmann::json::parse((*rows)[i].json, nullptr, /*allow_exceptions=*/false);
    if (row.is_discarded()) {
      return ErrorResponse(
          500, "store failure: row " + (*rows)[i].id + " of " + collection + " is not JSON");
    }
    if (speaker && (!row.contains("speaker") || row["speaker"] != *speaker)) continue;
    items.push_back(std::move(row));
    last_id = (*rows)[i].id;
  }
  // A next page exists when some row after the last one kept would be kept.
  bool more = false;
  for (size_t j = i; j < rows->size() && !more; ++j) {
    if (!speaker) {
      more = true;
    } else {
      nlohmann::json row = nlohmann::json::parse((*rows)[j].json, nullptr, false);
      more = !row.is_discarded() && row.contains("speaker") && row["speaker"] == *speaker;
    }
  }
  nlohmann::json next = nullptr;
  if (more && !last_id.empty()) next = EncodeCursor(last_id);
  return JsonResponse({{"items", std::move(items)}, {"next_cursor", std::move(next)}});
}

}  // namespace dossier::api::internal
