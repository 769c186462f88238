// The API's endpoints, each a function of its checked request; router.cc
// dispatches to them. Each returns the whole response, errors included.
//
// Internal to the api stage. Thread-safety: as Router::Handle.
#ifndef DOSSIER_API_ENDPOINTS_H_
#define DOSSIER_API_ENDPOINTS_H_

#include <string>

#include <nlohmann/json.hpp>

#include "api/router.h"
#include "base/status.h"

namespace dossier::api::internal {

struct EndpointContext {
  const ApiRequest& request;
  ApiSession& session;
  const identity::NameMatcher* matcher;
  const RouterOptions& options;
};

ApiResponse HandleStats(const EndpointContext& ctx);
ApiResponse HandleSearch(const EndpointContext& ctx);
ApiResponse HandleArticle(const EndpointContext& ctx, const std::string& id);
ApiResponse HandleEntities(const EndpointContext& ctx);
ApiResponse HandleEntity(const EndpointContext& ctx, const std::string& id_or_name);
// quotes, figures, conflicts, events, storylines.
ApiResponse HandleFindings(const EndpointContext& ctx, const std::string& collection);
ApiResponse HandleOpenApi();
// endpoints_stories.cc: one storyline or event with its dossier, a
// timeline (`collection` "storylines" or "events"), a storyline's actors.
ApiResponse HandleStoryline(const EndpointContext& ctx, const std::string& id);
ApiResponse HandleEvent(const EndpointContext& ctx, const std::string& id);
ApiResponse HandleTimeline(const EndpointContext& ctx, const std::string& collection,
                           const std::string& id);
ApiResponse HandleNetwork(const EndpointContext& ctx, const std::string& id);

// 200 with `body` as JSON (invalid UTF-8 replaced, never an exception).
ApiResponse JsonResponse(const nlohmann::json& body);

// The response for a failed Status: 400 for InvalidInput, 404 for
// NotFound, 500 for the rest (a store failure).
ApiResponse StatusResponse(const Status& status);

}  // namespace dossier::api::internal

#endif  // DOSSIER_API_ENDPOINTS_H_
