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

constexpr std::string_view kStorylinesPrefix = "/api/storylines/";
constexpr std::string_view kEventsPrefix = "/api/events/";

enum class Endpoint {
  kNone,
  kStats,
  kSearch,
  kEntities,
  kOpenApi,
  kArticle,
  kEntity,
  kFindings,
  kStoryline,
  kStorylineTimeline,
  kStorylineNetwork,
  kEvent,
  kEventTimeline,
};

// For "/api/storylines/S0/timeline" and prefix "/api/storylines/": the id
// ("S0") and the rest ("timeline", "" when none). False when the path is
// not under `prefix` or the id is empty.
bool SplitItemPath(const std::string& path, std::string_view prefix, std::string* id,
                   std::string* rest) {
  if (path.size() <= prefix.size() || !path.starts_with(prefix)) return false;
  const size_t slash = path.find('/', prefix.size());
  *id = path.substr(prefix.size(),
                    slash == std::string::npos ? std::string::npos : slash - prefix.size());
  *rest = slash == std::string::npos ? "" : path.substr(slash + 1);
  return !id->empty();
}

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
  std::string rest;
  if (SplitItemPath(path, kStorylinesPrefix, argument, &rest)) {
    if (rest.empty()) return Endpoint::kStoryline;
    if (rest == "timeline") return Endpoint::kStorylineTimeline;
    if (rest == "network") return Endpoint::kStorylineNetwork;
    return Endpoint::kNone;
  }
  if (SplitItemPath(path, kEventsPrefix, argument, &rest)) {
    if (rest.empty()) return Endpoint::kEvent;
    if (rest == "timeline") return Endpoint::kEventTimeline;
    return Endpoint::kNone;
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
    case Endpoint::kStoryline:
      return internal::HandleStoryline(ctx, argument);
    case Endpoint::kStorylineTimeline:
      return internal::HandleTimeline(ctx, "storylines", argument);
    case Endpoint::kStorylineNetwork:
      return internal::HandleNetwork(ctx, argument);
    case Endpoint::kEvent:
      return internal::HandleEvent(ctx, argument);
    case Endpoint::kEventTimeline:
      return internal::HandleTimeline(ctx, "events", argument);
    case Endpoint::kNone:
      break;
  }
  return ErrorResponse(404, "no such endpoint: " + request.path);
}

}  // namespace dossier::api
