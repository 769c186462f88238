// Tests for api/static_files.h (the web UI's folder: no path leads out of
// it) and api/actor_network.h.
#include "api/static_files.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "api/actor_network.h"

namespace dossier::api {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(::testing::TempDir()) / ("api_static_files_test." + std::to_string(getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "web" / "vendor");
    Write(root_ / "web" / "index.html", "<!doctype html><title>ui</title>");
    Write(root_ / "web" / "app.js", "console.log(1);");
    Write(root_ / "web" / "vendor" / "lib.css", "body{}");
    Write(root_ / "web" / ".hidden.js", "hidden");
    Write(root_ / "web" / "notes.bin", "binary");
    Write(root_ / "secret.txt", "outside the folder");
    Write(root_ / "web-other.txt", "a sibling folder's prefix");
    fs::create_directories(root_ / "web" / "folder.js");
    fs::create_symlink(root_ / "secret.txt", root_ / "web" / "escape.txt");
    fs::create_symlink(root_, root_ / "web" / "up");
    fs::create_symlink(root_ / "web" / "app.js", root_ / "web" / "alias.js");
    Result<StaticFiles> files = StaticFiles::Open((root_ / "web").string());
    ASSERT_TRUE(files.ok()) << files.status().ToString();
    files_.emplace(std::move(*files));
  }
  void TearDown() override { fs::remove_all(root_); }

  static void Write(const fs::path& p, const std::string& content) {
    std::ofstream(p, std::ios::binary) << content;
  }
  // A refusal is the JSON 404, never the file.
  void ExpectRefused(const std::string& path) {
    ApiResponse r = files_->Serve(path);
    EXPECT_EQ(r.status, 404) << path << ": " << r.body;
    EXPECT_EQ(r.content_type, "application/json") << path;
    EXPECT_EQ(r.body.find("outside the folder"), std::string::npos) << path;
    EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["code"], 404) << path;
  }

  fs::path root_;
  std::optional<StaticFiles> files_;
};

TEST_F(StaticFilesTest, ServesTheFolderWithContentTypes) {
  ApiResponse index = files_->Serve("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(index.body, "<!doctype html><title>ui</title>");
  EXPECT_EQ(files_->Serve("/ui/").body, index.body);
  ApiResponse js = files_->Serve("/ui/app.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(js.body, "console.log(1);");
  ApiResponse css = files_->Serve("/ui/vendor/lib.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.content_type, "text/css; charset=utf-8");
  // A symlink that stays inside the folder is followed.
  EXPECT_EQ(files_->Serve("/ui/alias.js").body, "console.log(1);");
}

TEST_F(StaticFilesTest, NoPathLeadsOutOfTheFolder) {
  for (const char* path : {
           "/ui/../secret.txt",            // traversal
           "/ui/vendor/../../secret.txt",  // traversal from a subfolder
           "/ui/..%2fsecret.txt",          // still encoded after the server decoded once
           "/ui/%2e%2e/secret.txt",        // likewise
           "/ui//etc/passwd",              // absolute path after the prefix
           "/ui/..\\secret.txt",           // backslash
           "/ui/escape.txt",               // symlink to a file outside
           "/ui/up/secret.txt",            // symlink to a folder outside
           "/ui/./app.js",                 // "." segment
           "/ui/.hidden.js",               // hidden file
           "/ui/app.js/",                  // trailing slash: an empty segment
           "/ui/notes.bin",                // unknown type
           "/ui/folder.js",                // a folder named like a file
           "/ui/missing.js",               // absent
           "/secret.txt",                  // outside the /ui/ prefix
           "/ui-other.txt",
       }) {
    ExpectRefused(path);
  }
  ExpectRefused(std::string("/ui/app.js\0.html", 16));  // NUL
}

TEST_F(StaticFilesTest, HandlesOnlyTheRootAndTheUiPrefix) {
  EXPECT_TRUE(StaticFiles::Handles("/"));
  EXPECT_TRUE(StaticFiles::Handles("/ui/app.js"));
  EXPECT_TRUE(StaticFiles::Handles("/ui"));
  EXPECT_FALSE(StaticFiles::Handles("/api/stats"));
  EXPECT_FALSE(StaticFiles::Handles("/openapi.json"));
  EXPECT_FALSE(StaticFiles::Handles("/uix"));
}

TEST_F(StaticFilesTest, AMissingFolderIsAnError) {
  EXPECT_EQ(StaticFiles::Open((root_ / "nope").string()).status().code(), Status::Code::kNotFound);
  EXPECT_FALSE(StaticFiles::Open((root_ / "secret.txt").string()).ok());
}

TEST(ContentTypeTest, ByExtension) {
  EXPECT_EQ(ContentTypeFor("a.html"), "text/html; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("a.min.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("a.json"), "application/json");
  EXPECT_EQ(ContentTypeFor("a.svg"), "image/svg+xml");
  EXPECT_EQ(ContentTypeFor("a.exe"), "");
  EXPECT_EQ(ContentTypeFor(".js"), "");
}

TEST(ActorNetworkTest, WeighsSentenceAndArticleCoOccurrence) {
  // Sentences [0,10) [11,20) [21,30).
  const std::vector<Sentence> sentences = {{0, 10, 0, 0}, {11, 20, 0, 0}, {21, 30, 0, 0}};
  ActorNetworkBuilder b;
  // Entity 1 and 2 share sentence 0 (1 twice there); 3 is alone in sentence 2;
  // a mention between sentences (offset 10) counts for the article only.
  b.AddArticle({{1, 0, 3, "name"},
                {2, 5, 8, "name"},
                {1, 6, 9, "name"},
                {3, 22, 25, "name"},
                {4, 10, 11, "name"}},
               sentences);
  b.AddArticle({{2, 0, 3, "name"}, {1, 12, 14, "name"}}, sentences);
  ActorNetwork n = b.Build(10);
  ASSERT_EQ(n.nodes.size(), 4u);
  EXPECT_EQ(n.nodes[0].entity, 1);  // 3 mentions
  EXPECT_EQ(n.nodes[0].mentions, 3u);
  EXPECT_EQ(n.nodes[0].articles, 2u);
  ASSERT_FALSE(n.edges.empty());
  EXPECT_EQ(n.edges[0].a, 1);
  EXPECT_EQ(n.edges[0].b, 2);
  EXPECT_EQ(n.edges[0].sentences, 1u);
  EXPECT_EQ(n.edges[0].articles, 2u);
  EXPECT_EQ(n.edges[0].weight(), 3u);
  for (const ActorEdge& e : n.edges) {
    EXPECT_LT(e.a, e.b);
    if (e.a != 1 || e.b != 2) {
      EXPECT_EQ(e.sentences, 0u) << e.a << "-" << e.b;
    }
  }
  EXPECT_EQ(n.edges.size(), 6u);  // all pairs of {1,2,3,4} share the first article

  ActorNetwork top = b.Build(2);
  ASSERT_EQ(top.nodes.size(), 2u);
  ASSERT_EQ(top.edges.size(), 1u);  // only edges between kept nodes
}

}  // namespace
}  // namespace dossier::api
