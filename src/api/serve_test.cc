// End-to-end test of `dossier serve`: starts the binary on a free port over
// a store holding the samples, talks HTTP to it with httplib's client, and
// stops it with SIGTERM.
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "api/server.h"
#include "engine/ingest_pipeline.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("api_serve_test." + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "test.db").string();
    Result<std::unique_ptr<Store>> store = Store::Open(db_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    IngestPipeline pipeline(store->get(), PipelineOptions{}, nullptr);
    Result<IngestReport> r = pipeline.Run({std::string(DOSSIER_SOURCE_DIR) + "/samples"});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_EQ(r->stored, 5u);
  }
  void TearDown() override {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    fs::remove_all(dir_);
  }

  // Starts `dossier --db DB serve --port 0 [--assets DIR]`; returns the
  // port it printed.
  int Start(const std::string& assets = "") {
    int out[2];
    if (pipe(out) != 0) return -1;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      const std::string binary = std::string(DOSSIER_BINARY_DIR) + "/dossier";
      if (assets.empty()) {
        execl(binary.c_str(), binary.c_str(), "--db", db_.c_str(), "serve", "--port", "0",
              "--threads", "4", static_cast<char*>(nullptr));
      } else {
        execl(binary.c_str(), binary.c_str(), "--db", db_.c_str(), "serve", "--port", "0",
              "--threads", "4", "--assets", assets.c_str(), static_cast<char*>(nullptr));
      }
      _exit(127);
    }
    close(out[1]);
    std::string line;
    char c;
    while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
    close(out[0]);
    EXPECT_TRUE(line.starts_with("listening on http://127.0.0.1:")) << line;
    const size_t colon = line.rfind(':');
    return colon == std::string::npos ? -1 : std::atoi(line.c_str() + colon + 1);
  }

  fs::path dir_;
  std::string db_;
  pid_t pid_ = -1;
};

TEST_F(ServeTest, ServesJsonAndStopsCleanlyOnSigterm) {
  const int port = Start();
  ASSERT_GT(port, 0);
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(10, 0);

  httplib::Result stats = client.Get("/api/stats");
  ASSERT_TRUE(stats) << httplib::to_string(stats.error());
  EXPECT_EQ(stats->status, 200);
  EXPECT_EQ(stats->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(json::parse(stats->body)["articles"], 5);

  httplib::Result openapi = client.Get("/openapi.json");
  ASSERT_TRUE(openapi);
  EXPECT_EQ(openapi->status, 200);
  EXPECT_TRUE(json::parse(openapi->body)["paths"].contains("/api/search"));

  // Query strings are decoded by the server: a multi-word search.
  httplib::Result search = client.Get("/api/search?q=Iraq%20troops&limit=2");
  ASSERT_TRUE(search);
  EXPECT_EQ(search->status, 200);
  EXPECT_LE(json::parse(search->body)["items"].size(), 2u);

  httplib::Result missing = client.Get("/api/nope");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(json::parse(missing->body)["error"]["code"], 404);

  httplib::Result post = client.Post("/api/stats", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);

  // Over the request size limit: httplib's own error, in the JSON shape.
  httplib::Client big("127.0.0.1", port);
  httplib::Result too_large =
      big.Post("/api/stats", std::string(1 << 20, 'x'), "application/octet-stream");
  if (too_large) {  // the server may close the connection before reading it all
    EXPECT_EQ(too_large->status, 413);
    EXPECT_EQ(json::parse(too_large->body)["error"]["code"], 413);
  }

  // Concurrent clients, each with its own connection.
  std::vector<std::thread> threads;
  std::vector<int> statuses(16, 0);
  for (size_t i = 0; i < statuses.size(); ++i) {
    threads.emplace_back([&statuses, i, port] {
      httplib::Client c("127.0.0.1", port);
      c.set_read_timeout(10, 0);
      httplib::Result r = c.Get(i % 2 ? "/api/search?q=Baghdad" : "/api/stats");
      statuses[i] = r ? r->status : -1;
    });
  }
  for (std::thread& t : threads) t.join();
  for (int s : statuses) EXPECT_EQ(s, 200);

  ASSERT_EQ(kill(pid_, SIGTERM), 0);
  int status = 0;
  pid_t done = 0;
  for (int i = 0; i < 100 && done == 0; ++i) {
    done = waitpid(pid_, &status, WNOHANG);
    if (done == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(done, pid_) << "still running 5 s after SIGTERM";
  pid_ = -1;
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

// A keep-alive connection holds its worker between requests; while another
// connection waits for a worker, a response asks its client to close, so
// the waiting one is served next instead of after the keep-alive timeout.
// In process, with yield_after 0 (every request counts as long).
TEST_F(ServeTest, KeepAliveYieldsToWaitingConnections) {
  api::ServeOptions options;
  options.db = db_;
  options.port = 0;
  options.threads = 4;
  options.yield_after = std::chrono::microseconds(0);
  Result<std::unique_ptr<api::ApiServer>> server = api::ApiServer::Create(options);
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  Result<int> port = (*server)->Bind();
  ASSERT_TRUE(port.ok()) << port.status().ToString();
  std::thread serving([&] { (void)(*server)->Run(); });

  std::vector<std::unique_ptr<httplib::Client>> holders;
  for (int i = 0; i < 4; ++i) {
    holders.push_back(std::make_unique<httplib::Client>("127.0.0.1", *port));
    holders.back()->set_keep_alive(true);
    holders.back()->set_read_timeout(10, 0);
    httplib::Result r = holders.back()->Get("/api/stats");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->get_header_value("Connection"), "") << "an idle server keeps connections alive";
  }
  // Every worker now holds an idle keep-alive connection: a fifth waits.
  const auto start = std::chrono::steady_clock::now();
  double waited_s = -1;
  std::thread fifth([&] {
    httplib::Client c("127.0.0.1", *port);
    c.set_read_timeout(10, 0);
    httplib::Result r = c.Get("/api/stats");
    if (r && r->status == 200) {
      waited_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  httplib::Result again = holders[0]->Get("/api/stats");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
  EXPECT_EQ(again->get_header_value("Connection"), "close");
  fifth.join();
  EXPECT_GE(waited_s, 0) << "the fifth connection got no answer";
  // The keep-alive timeout is 5 s: the fifth was served when the first closed.
  EXPECT_LT(waited_s, 3.0);
  holders.clear();
  (*server)->Stop();
  serving.join();
}

// Connections the server has not accepted yet wait in the kernel's accept
// queue; with httplib's own backlog (5), the 7th and later SYNs of a burst
// were dropped and those clients retried after 1, 3 and 7 s.
TEST_F(ServeTest, ListensWithALongQueue) {
  api::ServeOptions options;
  options.db = db_;
  options.port = 0;
  Result<std::unique_ptr<api::ApiServer>> server = api::ApiServer::Create(options);
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  Result<int> port = (*server)->Bind();  // listening, and accepting nothing until Run()
  ASSERT_TRUE(port.ok()) << port.status().ToString();
  constexpr int kClients = 64;
  std::vector<pollfd> fds;
  for (int i = 0; i < kClients; ++i) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    ASSERT_GE(fd, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(*port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const int r = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ASSERT_TRUE(r == 0 || errno == EINPROGRESS) << std::strerror(errno);
    fds.push_back(pollfd{fd, POLLOUT, 0});
  }
  int connected = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(1500);
  while (connected < kClients && std::chrono::steady_clock::now() < deadline) {
    poll(fds.data(), fds.size(), 100);
    connected = 0;
    for (pollfd& p : fds) {
      int error = 1;
      socklen_t length = sizeof error;
      if ((p.revents & POLLOUT) && getsockopt(p.fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 &&
          error == 0) {
        ++connected;
      }
    }
  }
  for (pollfd& p : fds) close(p.fd);
  EXPECT_EQ(connected, kClients);
}

// The web UI's folder over HTTP: its files with their types, and no request
// line (raw, encoded, doubly encoded) reaches a file outside it.
TEST_F(ServeTest, ServesTheUiFolderAndNothingOutsideIt) {
  const fs::path web = dir_ / "web";
  fs::create_directories(web);
  std::ofstream(web / "index.html") << "<!doctype html><title>ui</title>";
  std::ofstream(web / "app.js") << "let x = 1;";
  std::ofstream(dir_ / "secret.txt") << "SECRET";
  fs::create_symlink(dir_ / "secret.txt", web / "link.txt");
  const int port = Start(web.string());
  ASSERT_GT(port, 0);
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(10, 0);

  httplib::Result index = client.Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(index->get_header_value("Content-Security-Policy").find("default-src 'self'"),
            std::string::npos);
  httplib::Result js = client.Get("/ui/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js->body, "let x = 1;");
  // The API is unchanged next to the UI.
  httplib::Result stats = client.Get("/api/stats");
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->status, 200);
  httplib::Result post = client.Post("/ui/app.js", "x", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);

  // Raw request lines, so no client normalises the path first.
  for (const char* target :
       {"/ui/../secret.txt", "/ui/%2e%2e/secret.txt", "/ui/%2E%2E%2Fsecret.txt",
        "/ui/..%2fsecret.txt", "/ui/%252e%252e/secret.txt", "/ui/..%5csecret.txt",
        "/ui/%2fetc%2fpasswd", "/ui//etc/passwd", "/ui/link.txt", "/../secret.txt",
        "/ui/app.js%00.html", "/ui/./app.js"}) {
    httplib::Client raw("127.0.0.1", port);
    raw.set_read_timeout(10, 0);
    raw.set_url_encode(false);
    httplib::Request req;
    req.method = "GET";
    req.path = target;
    httplib::Result r = raw.send(req);
    ASSERT_TRUE(r) << target;
    EXPECT_EQ(r->status, 404) << target;
    EXPECT_EQ(r->body.find("SECRET"), std::string::npos) << target;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json") << target;
  }
}

TEST_F(ServeTest, AMissingAssetFolderFailsToStart) {
  const std::string command = std::string(DOSSIER_BINARY_DIR) + "/dossier --db " + db_ +
                              " serve --port 0 --assets " + (dir_ / "nope").string() +
                              " >/dev/null 2>&1";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_NE(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace dossier
