// Tested by router_test.cc.
#include "api/router.h"

#include <array>
#include <string_view>

#include <nlohmann/json.hpp>

#include "api/endpoints.h"

namespace dossier::api {
namespace {

using internal::EndpointContext;

constexpr std::string_view kArticlesPrefix = "/api/articles/";
constexpr std::string_view kEntitiesPrefix = "/api/entities/";
constexpr std::array<std::string_view, 5> kCollections = {"quotes", "figures", "conflicts",
                                                          "events", "storylines"};

enum class Endpoint { kNone, kStats, kSearch, kEntities, kOpenApi, kArticle, kEntity, kFindings };

// Which endpoint `path` names; *argument is its path parameter (article or
// entity id, findings collection).
Endpoint Match(const std::string& path, std::string* argument) {
  if (path == "/api/stats") return Endpoint::kStats;
  if (path == "/api/search") return Endpoint::kSearch;
  if (path == "/api/entities") return Endpoint::kEntities;
  if (path == "/openapi.json") return Endpoint::kOpenApi;
  // The rest of the path, slashes included, is the id: a stated article id
  // may hold any character.
  if (path.size() > kArticlesPrefix.size() && path.starts_with(kArticlesPrefix)) {
    *argument = path.substr(kArticlesPrefix.size());
    return Endpoint::kArticle;
  }
  if (path.size() > kEntitiesPrefix.size() && path.starts_with(kEntitiesPrefix)) {
    *argument = path.substr(kEntitiesPrefix.size());
    return Endpoint::kEntity;
  }
  for (std::string_view c : kCollections) {
    if (path.size() == 5 + c.size() && path.starts_with("/api/") && path.ends_with(c)) {
      *argument = std::string(c);
      return Endpoint::kFindings;
    }
  }
  return Endpoint::kNone;
}

}  // namespace

ApiResponse ErrorResponse(int status, const std::string& message) {
  nlohmann::json body = {{"error", {{"code", status}, {"message", message}}}};
  ApiResponse r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Router::Router(const identity::NameMatcher* matcher, RouterOptions options)
    : matcher_(matcher), options_(options) {}

ApiResponse Router::Handle(const ApiRequest& request, ApiSession& session) const {
  std::string argument;
  const Endpoint endpoint = Match(request.path, &argument);
  if (endpoint == Endpoint::kNone) return ErrorResponse(404, "no such endpoint: " + request.path);
  // HEAD is answered as GET (the server drops the body).
  if (request.method != "GET" && request.method != "HEAD") {
    ApiResponse r = ErrorResponse(405, "method " + request.method + " not allowed; use GET");
    r.headers.emplace_back("Allow", "GET, HEAD");
    return r;
  }
  EndpointContext ctx{request, session, matcher_, options_};
  switch (endpoint) {
    case Endpoint::kStats:
      return internal::HandleStats(ctx);
    case Endpoint::kSearch:
      return internal::HandleSearch(ctx);
    case Endpoint::kEntities:
      return internal::HandleEntities(ctx);
    case Endpoint::kOpenApi:
      return internal::HandleOpenApi();
    case Endpoint::kArticle:
      return internal::HandleArticle(ctx, argument);
    case Endpoint::kEntity:
      return internal::HandleEntity(ctx, argument);
    case Endpoint::kFindings:
      return internal::HandleFindings(ctx, argument);
    case Endpoint::kNone:
      break;
  }
  return ErrorResponse(404, "no such endpoint: " + request.path);
}

}  // namespace dossier::api
