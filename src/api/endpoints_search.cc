// /api/search: ranked full-text search (stems too) with filters.
// Tested by router_test.cc.
//
// The store ranks by text alone; the language, outlet, entity and date
// filters are applied to its ranked hits here, a chunk at a time, over at
// most RouterOptions::search_window hits per request. The cursor is the
// number of ranked hits consumed so far, so a page that the window cut
// short still carries on exactly where it stopped.
#include <algorithm>
#include <charconv>
#include <set>

#include "api/cursor.h"
#include "api/endpoints.h"
#include "api/entity_lookup.h"
#include "api/params.h"
#include "engine/article_search.h"

namespace dossier::api::internal {
namespace {

constexpr size_t kMaxQueryBytes = 1000;
// Hits fetched per store call when filtering. Each call ranks the query's
// matches again, which costs far more than reading a few hundred extra hits
// (only those kept get a snippet): calls of 100 made a filtered search on
// 100,000 articles rank the same matches up to ten times.
constexpr size_t kChunk = 500;

struct SearchFilters {
  std::optional<std::string> language;
  std::optional<std::string> outlet;
  std::optional<std::set<std::string>> articles;  // the entity's articles
  std::optional<std::string> from, to;

  bool active() const { return language || outlet || articles || from || to; }
  bool Keep(const SearchHit& h) const {
    if (language && h.language != *language) return false;
    if (outlet && h.outlet != *outlet) return false;
    if (articles && articles->count(h.id) == 0) return false;
    return DateInRange(h.published, from, to);
  }
};

nlohmann::json HitJson(const SearchHit& h) {
  return {{"id", h.id},          {"score", h.score},         {"title", h.title},
          {"outlet", h.outlet},  {"published", h.published}, {"language", h.language},
          {"snippet", h.snippet}};
}

// Fills `filters` from the parameters; a 400 or 404 response on failure.
std::optional<ApiResponse> ReadFilters(const EndpointContext& ctx, const Params& params,
                                       SearchFilters* filters) {
  filters->language = params.Get("lang");
  filters->outlet = params.Get("outlet");
  for (const char* bound : {"from", "to"}) {
    Result<std::optional<std::string>> date = params.Date(bound);
    if (!date.ok()) return StatusResponse(date.status());
    (std::string_view(bound) == "from" ? filters->from : filters->to) = *date;
  }
  std::optional<std::string> entity = params.Get("entity");
  if (!entity) return std::nullopt;
  Result<std::vector<EntityRecord>> entities = ctx.session.store->ListEntities();
  if (!entities.ok()) return StatusResponse(entities.status());
  const EntityRecord* found = FindEntity(*entities, *entity, ctx.matcher);
  if (found == nullptr) return ErrorResponse(404, "no entity named \"" + *entity + "\"");
  Result<EntityDetail> detail = ctx.session.store->GetEntity(found->id);
  if (!detail.ok()) return StatusResponse(detail.status());
  filters->articles.emplace();
  for (const EntityDetail::Occurrence& o : detail->articles)
    filters->articles->insert(o.article_id);
  return std::nullopt;
}

}  // namespace

ApiResponse HandleSearch(const EndpointContext& ctx) {
  Result<Params> params = Params::Check(
      ctx.request.params, {"q", "lang", "outlet", "entity", "from", "to", "limit", "cursor"});
  if (!params.ok()) return StatusResponse(params.status());
  std::optional<std::string> q = params->Get("q");
  if (!q) return ErrorResponse(400, "q (the words to look for) is required");
  if (q->size() > kMaxQueryBytes) {
    return ErrorResponse(400, "q is longer than " + std::to_string(kMaxQueryBytes) + " bytes");
  }
  Result<size_t> limit = params->Limit(ctx.options.default_limit, ctx.options.max_limit);
  if (!limit.ok()) return StatusResponse(limit.status());
  Result<std::string> cursor = params->Cursor();
  if (!cursor.ok()) return StatusResponse(cursor.status());
  size_t consumed = 0;  // ranked hits before this page
  if (!cursor->empty()) {
    auto [ptr, ec] = std::from_chars(cursor->data(), cursor->data() + cursor->size(), consumed);
    if (ec != std::errc() || ptr != cursor->data() + cursor->size()) {
      return ErrorResponse(400, "cursor is not one this API returned");
    }
  }
  SearchFilters filters;
  if (std::optional<ApiResponse> error = ReadFilters(ctx, *params, &filters)) return *error;

  nlohmann::json items = nlohmann::json::array();
  size_t scanned = 0;
  bool exhausted = false;
  while (items.size() < *limit && scanned < ctx.options.search_window) {
    // Unfiltered, one call fetches the page and one hit more (to know
    // whether a next page exists); filtered, a chunk at a time.
    const size_t want = filters.active() ? std::min(kChunk, ctx.options.search_window - scanned)
                                         : *limit - items.size() + 1;
    // Filtered, only the hits kept get a snippet.
    Result<std::vector<SearchHit>> hits = SearchArticles(
        *ctx.session.store, *ctx.session.analyzer, *q, want, consumed,
        filters.active() ? std::function<bool(const SearchHit&)>(
                               [&filters](const SearchHit& h) { return filters.Keep(h); })
                         : nullptr);
    if (!hits.ok()) return StatusResponse(hits.status());
    if (hits->size() < want) exhausted = true;
    for (const SearchHit& h : *hits) {
      if (items.size() == *limit) {
        exhausted = false;  // this hit is the next page's first
        break;
      }
      ++consumed;
      ++scanned;
      if (filters.Keep(h)) items.push_back(HitJson(h));
    }
    if (exhausted || hits->empty()) {
      exhausted = true;
      break;
    }
  }
  nlohmann::json next = nullptr;
  if (!exhausted) next = EncodeCursor(std::to_string(consumed));
  return JsonResponse(
      {{"items", std::move(items)}, {"next_cursor", std::move(next)}, {"scanned", scanned}});
}

}  // namespace dossier::api::internal
