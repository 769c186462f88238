// Tested by model_registry_test.cc.
#include "entities/model_registry.h"

#include <cstdlib>
#include <filesystem>

#ifndef DOSSIER_MODELS_SOURCE_DIR
#error "DOSSIER_MODELS_SOURCE_DIR must be defined by the build"
#endif
#ifndef DOSSIER_MODELS_INSTALL_DIR
#error "DOSSIER_MODELS_INSTALL_DIR must be defined by the build"
#endif

namespace dossier::ner {
namespace {

bool ValidLanguage(std::string_view lang) {
  if (lang.size() < 2 || lang.size() > 3) return false;
  for (char c : lang) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

}  // namespace

ModelRegistry::ModelRegistry() : ModelRegistry(DefaultModelDirs()) {}

ModelRegistry::ModelRegistry(std::vector<std::string> dirs) : dirs_(std::move(dirs)) {}

std::vector<std::string> ModelRegistry::DefaultModelDirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("DOSSIER_MODELS"); env != nullptr) {
    std::string_view v(env);
    size_t pos = 0;
    while (pos <= v.size()) {
      size_t colon = v.find(':', pos);
      if (colon == std::string_view::npos) colon = v.size();
      if (colon > pos) dirs.emplace_back(v.substr(pos, colon - pos));
      pos = colon + 1;
    }
  }
  dirs.emplace_back(DOSSIER_MODELS_SOURCE_DIR);
  dirs.emplace_back(DOSSIER_MODELS_INSTALL_DIR);
  return dirs;
}

Result<std::string> ModelRegistry::FindNer(std::string_view lang) const {
  if (!ValidLanguage(lang)) {
    return Status::InvalidInput("bad language code '" + std::string(lang) + "'");
  }
  std::string name = "ner-" + std::string(lang) + ".bin";
  std::string searched;
  for (const std::string& d : dirs_) {
    std::string path = d + "/" + name;
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) return path;
    searched += searched.empty() ? path : ", " + path;
  }
  return Status::NotFound("no NER model for language '" + std::string(lang) + "' (searched: " +
                          searched + "; set DOSSIER_MODELS to a directory holding " + name + ")");
}

Result<std::shared_ptr<const NerTagger>> ModelRegistry::Ner(std::string_view lang) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = loaded_.find(lang);
  if (it != loaded_.end()) return it->second;
  Result<std::string> path = FindNer(lang);
  if (!path.ok()) return path.status();
  Result<NerTagger> t = NerTagger::Load(*path);
  if (!t.ok()) return t.status();
  auto shared = std::make_shared<const NerTagger>(std::move(*t));
  loaded_.emplace(std::string(lang), shared);
  return shared;
}

}  // namespace dossier::ner
