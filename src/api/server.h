// ApiServer: the Router (router.h) bound to HTTP with cpp-httplib.
//
//   Result<std::unique_ptr<ApiServer>> s = ApiServer::Create(options);
//   Result<int> port = (*s)->Bind();   // port 0 picks a free port
//   Status done = (*s)->Run();         // blocks until Stop()
//
// Security: binds to loopback unless told otherwise; requests over
// max_request_bytes are a 413; the URI and headers are capped by httplib
// (8 KiB each); slow clients meet read/write timeouts; a fixed pool of
// worker threads serves the connections (more connections wait in the
// accept queue); the only files read are the web UI's, from the one asset
// folder (static_files.h: no path leads out of it); /openapi.json is
// compiled in. Every error, httplib's own included, is a JSON error body
// (router.h).
//
// Thread-safety: Stop() may be called from any thread (e.g. a signal
// handler thread); the rest from one thread.
#ifndef DOSSIER_API_SERVER_H_
#define DOSSIER_API_SERVER_H_

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "api/router.h"
#include "base/status.h"

namespace dossier::api {

struct ServeOptions {
  // Parameters that affect behaviour.
  std::string db = "dossier.db";  ///< the store, opened read-only
  // The web UI's folder (index.html at "/", the rest under "/ui/"); "": no
  // UI, only the API. A folder that does not exist is an error.
  std::string assets;
  std::string host = "127.0.0.1";        ///< the address to listen on; loopback by default
  int port = 8080;                       ///< 0: any free port (Bind returns it)
  size_t max_request_bytes = 16 * 1024;  ///< a larger body is a 413 (all routes are GET)
  int read_timeout_seconds = 5;          ///< a client slower than this is dropped
  int write_timeout_seconds = 5;
  RouterOptions router;

  // Parameters that affect performance.
  // Worker threads, each serving one connection at a time with its own
  // store session. Default 8: SQLite reads are CPU-bound, so more threads
  // than cores only help to hide slow clients.
  size_t threads = 8;
  // Requests one keep-alive connection may send before it is closed, so
  // that connections waiting for a worker get one. Default 5: at 200
  // connections on 8 workers, 100 let waiting connections starve (p99 of
  // /api/stats 4.5 s, against 0.5 s with 5; bench/api_load.py).
  size_t keep_alive_requests = 5;
  // While connections wait for a worker, a response to a request that kept
  // its worker busy this long asks the client to close, so that the worker
  // takes the next connection (server.cc). Default 2 ms: searches yield,
  // stats and pages of storylines keep their connection.
  std::chrono::microseconds yield_after{2000};
};

class ApiServer {
 public:
  // Loads the name matcher and checks the store opens read-only.
  static Result<std::unique_ptr<ApiServer>> Create(const ServeOptions& options);
  ~ApiServer();

  // Binds the listening socket; returns the port. IOError when the address
  // cannot be bound.
  Result<int> Bind();

  // Serves until Stop(). REQUIRES: Bind() succeeded.
  Status Run();

  // Makes Run() return once the requests in progress are answered.
  void Stop();

 private:
  struct Rep;
  explicit ApiServer(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace dossier::api

#endif  // DOSSIER_API_SERVER_H_
