// Fuzz target: the HTTP request layer. The input is a raw request ("GET
// /api/search?q=x&limit=2 HTTP/1.1\r\n..."); its request line is split and
// decoded with cpp-httplib's own functions, the way the server does (split
// at '?', decode_url on the path, parse_query_text on the query), and the
// request goes to Router::Handle over a small store holding the samples,
// ingested and analysed. Headers do not reach the router, so only the
// request line matters.
//
// Invariants: no 5xx (a 500 means the store rejected what the router built
// from outside input); a JSON response parses, an error body's code is the
// status; a next_cursor the API hands out is accepted on the next request.
// FUZZ_DEPS: dossier_api
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "api/router.h"
#include "engine/analysis_pass.h"
#include "engine/ingest_pipeline.h"
#include "entities/identity_resources.h"

namespace {

namespace fs = std::filesystem;
using dossier::api::ApiRequest;
using dossier::api::ApiResponse;

void Require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

template <typename T>
T Must(dossier::Result<T> result, const char* what) {
  if (!result.ok()) {
    std::fprintf(stderr, "fuzz setup failed: %s: %s\n", what, result.status().ToString().c_str());
    std::abort();
  }
  return std::move(*result);
}

// The samples, ingested and analysed once per process into a private
// temporary store; removed at exit.
struct Fixture {
  Fixture() {
    char dir_template[] = "/tmp/dossier_http_fuzz.XXXXXX";
    Require(mkdtemp(dir_template) != nullptr, "mkdtemp");
    dir = dir_template;
    store = Must(dossier::Store::Open((dir / "fuzz.db").string()), "open store");
    dossier::IngestPipeline pipeline(store.get(), dossier::PipelineOptions{}, nullptr);
    Must(pipeline.Run({std::string(DOSSIER_SOURCE_DIR) + "/samples"}), "ingest samples");
    auto pass = Must(dossier::AnalysisPass::Create(store.get()), "analysis pass");
    Must(pass->Run(), "analyse samples");
    resources = Must(dossier::identity::IdentityResources::Load(), "identity resources");
    router = std::make_unique<dossier::api::Router>(&resources->matcher());
  }
  ~Fixture() {
    router.reset();
    store.reset();
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }

  fs::path dir;
  std::unique_ptr<dossier::Store> store;
  std::unique_ptr<const dossier::identity::IdentityResources> resources;
  std::unique_ptr<dossier::api::Router> router;
  dossier::ArticleAnalyzer analyzer;
};

Fixture& GetFixture() {
  static Fixture fixture;
  return fixture;
}

// The request line as cpp-httplib's server decodes it: "METHOD TARGET
// VERSION", the target split at '?' into a URL-decoded path and a query.
ApiRequest ParseRequestLine(std::string_view bytes) {
  std::string_view line = bytes.substr(0, bytes.find('\n'));
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  ApiRequest request;
  std::string target;
  size_t field = 0;
  httplib::detail::split(line.data(), line.data() + line.size(), ' ',
                         [&](const char* b, const char* e) {
                           if (field == 0) request.method.assign(b, e);
                           if (field == 1) target.assign(b, e);
                           ++field;
                         });
  size_t part = 0;
  httplib::detail::split(target.data(), target.data() + target.size(), '?',
                         [&](const char* b, const char* e) {
                           if (part == 0) request.path = httplib::detail::decode_url({b, e}, false);
                           if (part == 1 && e > b) {
                             httplib::Params params;
                             httplib::detail::parse_query_text({b, e}, params);
                             for (auto& [name, value] : params) request.params.emplace(name, value);
                           }
                           ++part;
                         });
  return request;
}

// Checks one response; returns its JSON body (null when not JSON).
nlohmann::json Check(const ApiRequest& request, const ApiResponse& response) {
  Require(response.status >= 200 && response.status < 500, "no 5xx for any request");
  if (response.content_type != "application/json" || request.method == "HEAD") return nullptr;
  nlohmann::json body = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  Require(!body.is_discarded(), "a JSON response parses");
  if (response.status >= 400) {
    Require(body.contains("error") && body["error"].value("code", 0) == response.status,
            "an error body names its status");
  }
  return body;
}

}  // namespace

// libFuzzer calls this once before the first input, outside the per-input
// timeout: the store is built here (tens of seconds under ASan on a loaded
// machine). The regression test, which does not call it, builds it lazily.
#ifndef LLVMFuzzerTestOneInput  // defined (renamed) when built into the regression test
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  GetFixture();
  return 0;
}
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 16 * 1024) return 0;  // the server caps the URI at 8 KiB
  Fixture& fixture = GetFixture();
  dossier::api::ApiSession session{fixture.store.get(), &fixture.analyzer};
  ApiRequest request = ParseRequestLine({reinterpret_cast<const char*>(data), size});
  ApiResponse response = fixture.router->Handle(request, session);
  nlohmann::json body = Check(request, response);

  // The next page of a list must be reachable with the cursor it gave.
  if (response.status == 200 && body.is_object() && body.contains("next_cursor") &&
      body["next_cursor"].is_string()) {
    ApiRequest next = request;
    next.params.erase("cursor");
    next.params.emplace("cursor", body["next_cursor"].get<std::string>());
    ApiResponse page = fixture.router->Handle(next, session);
    Check(next, page);
    Require(page.status == 200, "next_cursor is accepted");
  }
  return 0;
}
