// Router: the JSON HTTP API as a pure function from a request to a response,
// so every endpoint is tested without sockets (server.h binds it to HTTP).
//
//   Router router(&resources->matcher());
//   ApiSession session{store.get(), &analyzer};
//   ApiResponse r = router.Handle({"GET", "/api/stats", {}}, session);
//   // r.status == 200, r.body == {"articles": 5, ...}
//
// Endpoints (all GET; docs/api.md, docs/openapi.json): /api/stats,
// /api/search, /api/articles/{id}, /api/entities, /api/entities/{id|name},
// /api/quotes, /api/figures, /api/conflicts, /api/events, /api/storylines,
// /api/storylines/{id}[/timeline|/network], /api/events/{id}[/timeline],
// /openapi.json. The web UI's files are not the router's (static_files.h).
// Lists page with opaque cursors (cursor.h): a page holds `items` and
// `next_cursor` (null on the last page).
//
// Errors are values in the response: {"error": {"code", "message"}} with
// status 400 (bad parameter), 404 (unknown route or id), 405 (a method other
// than GET/HEAD on a known route), 500 (the store failed).
//
// Thread-safety: Handle is const and may run concurrently, each call with a
// session of its own (a Store and an ArticleAnalyzer are single-threaded).
#ifndef DOSSIER_API_ROUTER_H_
#define DOSSIER_API_ROUTER_H_

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/article_analyzer.h"
#include "entities/name_matcher.h"
#include "store/store.h"

namespace dossier::api {

struct ApiRequest {
  std::string method = "GET";
  std::string path;                                ///< decoded, without the query
  std::multimap<std::string, std::string> params;  ///< decoded query parameters
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  ///< extra headers ("Allow")
};

// What one call of Handle works with. REQUIRES: both non-null, used by one
// thread at a time.
struct ApiSession {
  Store* store = nullptr;
  ArticleAnalyzer* analyzer = nullptr;
};

struct RouterOptions {
  // Parameters that affect behaviour.
  size_t default_limit = 20;  ///< items per page when `limit` is not given
  size_t max_limit = 200;     ///< larger `limit`s are a 400
  // Search filters the store cannot apply (language, outlet, entity, dates)
  // are applied to the ranked hits after the search; one request examines
  // at most this many hits, then returns what it found with a cursor to go
  // on. Default 1000: bounds the time a request takes.
  size_t search_window = 1000;
};

class Router {
 public:
  // `matcher` resolves entity names (null: ids and exact names only); it
  // must outlive the router.
  explicit Router(const identity::NameMatcher* matcher, RouterOptions options = {});

  ApiResponse Handle(const ApiRequest& request, ApiSession& session) const;

 private:
  const identity::NameMatcher* matcher_;
  RouterOptions options_;
};

// {"error": {"code": status, "message": message}} with that status.
ApiResponse ErrorResponse(int status, const std::string& message);

}  // namespace dossier::api

#endif  // DOSSIER_API_ROUTER_H_
