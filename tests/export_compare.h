// Helpers of the end-to-end tests that compare stores: the test servers'
// URLs and exports compared modulo ids.
#ifndef DOSSIER_TESTS_EXPORT_COMPARE_H_
#define DOSSIER_TESTS_EXPORT_COMPARE_H_

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>
#include <sys/wait.h>

namespace dossier_test {

inline std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A test server's URL: the environment variable `env` when set, else the
// first line of the ctest fixture's file DOSSIER_BINARY_DIR/`fixture_file`.
inline std::string FixtureUrl(const char* env, const std::string& fixture_file) {
  if (const char* v = std::getenv(env); v != nullptr && *v != '\0') return v;
  std::ifstream in(std::string(DOSSIER_BINARY_DIR) + "/" + fixture_file);
  std::string url;
  std::getline(in, url);
  return url;
}

// What one run of the dossier binary did.
struct DossierRun {
  std::string command;
  int code = -1;  ///< exit code, -1 when it did not exit
  std::string out, err;
};

// Runs `dossier --db DB ARGS` from the source directory and waits, its
// stdout and stderr through files in `dir`.
inline DossierRun RunDossier(const std::filesystem::path& dir, const std::string& db,
                             const std::string& args) {
  const std::filesystem::path o = dir / "stdout", e = dir / "stderr";
  DossierRun r;
  r.command = "cd '" + std::string(DOSSIER_SOURCE_DIR) + "' && " + std::string(DOSSIER_BINARY) +
              " --db '" + db + "' " + args + " >'" + o.string() + "' 2>'" + e.string() + "'";
  const int status = std::system(r.command.c_str());
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(o);
  r.err = ReadFile(e);
  return r;
}

// The PostgreSQL test server (DOSSIER_TEST_PG_URL, else the fixture's).
inline std::string ServerUrl() { return FixtureUrl("DOSSIER_TEST_PG_URL", "pg-fixture/url"); }

// Every string in `doc` that is an id of `ids` becomes its rank: "#n".
inline void RenameIds(nlohmann::json* doc, const std::map<std::string, std::string>& ids) {
  if (doc->is_string()) {
    auto it = ids.find(doc->get<std::string>());
    if (it != ids.end()) *doc = it->second;
  } else if (doc->is_array() || doc->is_object()) {
    for (auto& v : *doc) RenameIds(&v, ids);
  }
}

// The export with article and entity ids replaced by their position (the
// documents order both), and the articles' paths made relative.
// `sort_articles`: order the articles by id first, and an entity's mentions
// and roles by article, position: articles of one date, and what the
// entities list per article, come in storage order, which parallel workers
// do not fix.
inline nlohmann::json Normalised(nlohmann::json doc, bool sort_articles = false) {
  if (sort_articles) {
    std::sort(doc["articles"].begin(), doc["articles"].end(),
              [](const nlohmann::json& a, const nlohmann::json& b) { return a["id"] < b["id"]; });
  }
  std::map<std::string, std::string> ids;
  for (const char* collection : {"articles", "entities"}) {
    size_t n = 0;
    for (auto& x : doc[collection]) {
      ids[x["id"].get<std::string>()] = std::string(collection) + "#" + std::to_string(n++);
    }
  }
  RenameIds(&doc, ids);
  if (sort_articles) {
    for (auto& entity : doc["entities"]) {
      for (auto& [key, list] : entity.items()) {
        if (!list.is_array() || list.empty() || !list[0].is_object() ||
            !list[0].contains("article")) {
          continue;
        }
        std::sort(list.begin(), list.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
          return a.dump() < b.dump();
        });
      }
    }
  }
  return doc;
}

}  // namespace dossier_test

#endif  // DOSSIER_TESTS_EXPORT_COMPARE_H_
