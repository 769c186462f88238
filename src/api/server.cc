// Tested by server_test.cc (end to end, through `dossier serve`).
#include "api/server.h"

#include <atomic>
#include <chrono>
#include <optional>
#include <vector>

#include <httplib.h>

#include "api/listen_backlog.h"
#include "api/session_pool.h"
#include "api/static_files.h"
#include "api/worker_pool.h"
#include "entities/identity_resources.h"

namespace dossier::api {
namespace {

// The web UI runs only its own scripts and styles, fetches only from this
// server, and may not be framed. Styles may be inline: vis-timeline and
// cytoscape set element styles.
constexpr char kUiPolicy[] =
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

void Send(const ApiResponse& r, httplib::Response& res) {
  res.status = r.status;
  for (const auto& [name, value] : r.headers) res.set_header(name, value);
  res.set_content(r.body, r.content_type.c_str());
}

// The reason phrase of the statuses httplib answers by itself.
const char* Reason(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 404:
      return "not found";
    case 413:
      return "request too large";
    case 414:
      return "request URI too long";
    case 416:
      return "range not satisfiable";
    case 431:
      return "request headers too large";
    default:
      return "HTTP error";
  }
}

ApiRequest ToApiRequest(const httplib::Request& req) {
  ApiRequest out;
  out.method = req.method;
  out.path = req.path;
  for (const auto& [name, value] : req.params) out.params.emplace(name, value);
  return out;
}

}  // namespace

struct ApiServer::Rep {
  ServeOptions options;
  std::unique_ptr<const identity::IdentityResources> resources;
  std::unique_ptr<Router> router;
  std::unique_ptr<SessionPool> sessions;
  std::optional<StaticFiles> ui;  ///< none without an asset folder
  httplib::Server http;
  std::atomic<bool> bound{false};
  std::atomic<size_t> waiting{0};  ///< connections waiting for a worker

  // A worker serves one connection at a time, a keep-alive connection for
  // up to options.keep_alive_requests requests, while the connections
  // behind it in the queue wait with their requests already sent. Under
  // load that made the wait of a queued connection the time of keep-alive
  // cycles of every connection ahead of it (searches timed out after 10 s
  // at 200 connections). So while any connection waits, a response that
  // kept its worker busy for options.yield_after or more asks its client to
  // close: the worker then takes the next connection in turn. Cheaper
  // requests keep their connection: a new connection per request would cost
  // them more than the wait it saves. An idle server keeps every connection
  // alive.
  void YieldIfOthersWait(std::chrono::steady_clock::time_point start,
                         httplib::Response& res) const {
    if (waiting.load(std::memory_order_relaxed) > 0 &&
        std::chrono::steady_clock::now() - start >= options.yield_after) {
      res.set_header("Connection", "close");
    }
  }

  void Answer(const httplib::Request& req, httplib::Response& res) {
    if (StaticFiles::Handles(req.path)) {
      AnswerUi(req, res);
      return;
    }
    const auto start = std::chrono::steady_clock::now();
    Result<SessionPool::Lease> lease = sessions->Acquire();
    if (!lease.ok()) {
      Send(ErrorResponse(500, "store failure: " + lease.status().ToString()), res);
      return;
    }
    Send(router->Handle(ToApiRequest(req), lease->session()), res);
    YieldIfOthersWait(start, res);
  }

  void AnswerUi(const httplib::Request& req, httplib::Response& res) const {
    if (req.method != "GET" && req.method != "HEAD") {
      ApiResponse r = ErrorResponse(405, "method " + req.method + " not allowed; use GET");
      r.headers.emplace_back("Allow", "GET, HEAD");
      Send(r, res);
      return;
    }
    if (!ui) {
      Send(ErrorResponse(404, "no web UI: start dossier serve with --assets DIR"), res);
      return;
    }
    ApiResponse r = ui->Serve(req.path);
    if (r.status == 200) r.headers.emplace_back("Content-Security-Policy", kUiPolicy);
    Send(r, res);
  }
};

ApiServer::ApiServer(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
ApiServer::~ApiServer() = default;

Result<std::unique_ptr<ApiServer>> ApiServer::Create(const ServeOptions& options) {
  if (options.threads == 0) return Status::InvalidInput("threads must be at least 1");
  auto rep = std::make_unique<Rep>();
  rep->options = options;
  Result<std::unique_ptr<const identity::IdentityResources>> resources =
      identity::IdentityResources::Load();
  if (!resources.ok()) return resources.status();
  rep->resources = std::move(*resources);
  rep->router = std::make_unique<Router>(&rep->resources->matcher(), options.router);
  if (!options.assets.empty()) {
    Result<StaticFiles> ui = StaticFiles::Open(options.assets);
    if (!ui.ok()) return ui.status();
    rep->ui.emplace(std::move(*ui));
  }
  rep->sessions = std::make_unique<SessionPool>(options.db);
  // One session per worker, opened now: a store that cannot be opened fails
  // here, not on the first request, and the first requests do not all pay
  // for opening at once.
  {
    std::vector<SessionPool::Lease> leases;
    for (size_t i = 0; i < options.threads; ++i) {
      Result<SessionPool::Lease> lease = rep->sessions->Acquire();
      if (!lease.ok()) return lease.status();
      leases.push_back(std::move(*lease));
    }
  }

  httplib::Server& http = rep->http;
  const size_t threads = options.threads;
  std::atomic<size_t>* waiting = &rep->waiting;
  http.new_task_queue = [threads, waiting] { return new internal::WorkerPool(threads, waiting); };
  http.set_payload_max_length(options.max_request_bytes);
  http.set_read_timeout(options.read_timeout_seconds, 0);
  http.set_write_timeout(options.write_timeout_seconds, 0);
  http.set_keep_alive_max_count(options.keep_alive_requests);
  // httplib writes the headers and the body in separate sends; with Nagle's
  // algorithm the body then waits for the client's delayed ACK (~40 ms).
  http.set_tcp_nodelay(true);
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Cache-Control", "no-store"}});
  Rep* r = rep.get();
  auto answer = [r](const httplib::Request& req, httplib::Response& res) { r->Answer(req, res); };
  // Every method reaches the router, which answers 405 on a known route.
  http.Get(".*", answer);
  http.Post(".*", answer);
  http.Put(".*", answer);
  http.Patch(".*", answer);
  http.Delete(".*", answer);
  http.Options(".*", answer);
  // httplib's own errors (malformed request, 413, 414) get the JSON shape
  // too; the router's errors already have a body.
  http.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        Send(ErrorResponse(res.status, Reason(res.status)), res);
        return httplib::Server::HandlerResponse::Handled;
      }));
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "internal error";
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what += ": ";
          what += e.what();
        } catch (...) {
        }
        Send(ErrorResponse(500, what), res);
      });
  return std::unique_ptr<ApiServer>(new ApiServer(std::move(rep)));
}

Result<int> ApiServer::Bind() {
  const ServeOptions& o = rep_->options;
  int port = o.port;
  if (port == 0) {
    port = rep_->http.bind_to_any_port(o.host);
    if (port < 0) return Status::IOError("cannot bind to " + o.host + " on any port");
  } else if (!rep_->http.bind_to_port(o.host, port)) {
    return Status::IOError("cannot bind to " + o.host + ":" + std::to_string(port));
  }
  // httplib's compiled-in backlog is 5 (listen_backlog.h).
  Result<int> widened = internal::WidenListenBacklog(port);
  if (!widened.ok()) return widened.status();
  if (*widened == 0) return Status::Internal("the server's listening socket was not found");
  rep_->bound = true;
  return port;
}

Status ApiServer::Run() {
  if (!rep_->bound) return Status::Internal("ApiServer::Run before a successful Bind");
  if (!rep_->http.listen_after_bind()) return Status::IOError("the server stopped on an error");
  return Status::OK();
}

void ApiServer::Stop() { rep_->http.stop(); }

}  // namespace dossier::api
