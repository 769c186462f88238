// dossier serve [--host 127.0.0.1] [--port 8080] [--assets DIR]: the JSON
// HTTP API over the store and the web UI (api/server.h, docs/api.md).
//
// The UI's files come from --assets, by default the folder `web` next to the
// binary (the build copies web/ there), else `../share/dossier/web` from it;
// without any, the server answers the API alone and says so on stderr.
//
// Prints "listening on http://HOST:PORT" as stdout's first line once the
// socket is bound (with --port 0, the port the system picked), then serves
// until SIGINT or SIGTERM, answers the requests in progress and exits 0.
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <thread>

#include <pthread.h>

#include "api/server.h"
#include "cli/commands.h"
#include "cli/store_access.h"

namespace dossier::cli {
namespace {

struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 8080;
  size_t threads = 8;
  std::string assets;  ///< "": the default folder, when there is one
};

// The default asset folder: next to the running binary; "" when none exists.
std::string DefaultAssets() {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path binary = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  for (const fs::path& candidate :
       {binary.parent_path() / "web", binary.parent_path() / ".." / "share" / "dossier" / "web"}) {
    if (fs::is_regular_file(candidate / "index.html", ec)) return candidate.lexically_normal();
  }
  return "";
}

int RunServe(const GlobalOptions& global, const ServeArgs& args) {
  // Block the stop signals in every thread (the server's workers inherit
  // this mask); one thread waits for them with sigwait, so no async
  // signal handler and no global state are needed.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  api::ServeOptions options;
  options.db = global.db;
  options.host = args.host;
  options.port = args.port;
  options.threads = args.threads;
  options.assets = args.assets.empty() ? DefaultAssets() : args.assets;
  if (options.assets.empty()) {
    std::fprintf(stderr, "dossier: no web UI assets found (--assets DIR); serving the API only\n");
  }
  Result<std::unique_ptr<api::ApiServer>> server = api::ApiServer::Create(options);
  if (!server.ok()) {
    PrintError("cannot serve " + DisplayLocation(global.db), server.status());
    return kExitFailure;
  }
  Result<int> port = (*server)->Bind();
  if (!port.ok()) {
    PrintError("cannot listen", port.status());
    return kExitFailure;
  }
  std::printf("listening on http://%s:%d\n", args.host.c_str(), *port);
  std::fflush(stdout);

  api::ApiServer* s = server->get();
  std::thread waiter([&stop_signals, s] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    s->Stop();
  });
  Status done = s->Run();
  // Run also ends on an error: wake the waiter with a signal of its own.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (!done.ok()) {
    PrintError("server failed", done);
    return kExitFailure;
  }
  std::fprintf(stderr, "dossier: server stopped\n");
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd =
      app.add_subcommand("serve", "Serve the JSON HTTP API and the web UI over the store");
  cmd->add_option("--host", args->host, "address to listen on (loopback by default)")
      ->capture_default_str();
  cmd->add_option("--port", args->port, "port to listen on; 0 picks a free one")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--assets", args->assets,
                  "the web UI's folder (default: web/ next to the binary)")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--threads", args->threads, "worker threads")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{256}));
  cmd->callback([&global, args, exit_code] { *exit_code = RunServe(global, *args); });
}

}  // namespace dossier::cli
