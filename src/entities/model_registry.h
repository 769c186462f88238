// ModelRegistry: finds and loads the entity stage's models.
//
// The model for language xx is the file ner-xx.bin, searched in order in:
//   1. $DOSSIER_MODELS: one directory, or several separated by ':';
//   2. the source tree's models/ (compiled in, for a binary run from its
//      build directory);
//   3. the installed data directory, <prefix>/share/dossier/models.
// A registry loads each model once and shares it: taggers are immutable.
//
//   ModelRegistry registry;
//   Result<std::shared_ptr<const NerTagger>> en = registry.Ner("en");
//   if (!en.ok()) return en.status();  // NotFound lists the places searched
//
// Thread-safety: all methods may be called concurrently.
#ifndef DOSSIER_ENTITIES_MODEL_REGISTRY_H_
#define DOSSIER_ENTITIES_MODEL_REGISTRY_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "entities/tagger.h"

namespace dossier::ner {

class ModelRegistry {
 public:
  // Searches DefaultModelDirs().
  ModelRegistry();
  explicit ModelRegistry(std::vector<std::string> dirs);

  // The search path described above ($DOSSIER_MODELS read now).
  static std::vector<std::string> DefaultModelDirs();

  const std::vector<std::string>& dirs() const { return dirs_; }

  // The path of ner-<lang>.bin in the first directory that has it.
  // InvalidInput for a malformed language code; NotFound naming every place
  // searched if no directory has it.
  Result<std::string> FindNer(std::string_view lang) const;

  // The tagger for `lang`, loaded on first use. Errors as FindNer, or the
  // model file's own (Corruption, Unsupported).
  Result<std::shared_ptr<const NerTagger>> Ner(std::string_view lang);

 private:
  std::vector<std::string> dirs_;
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const NerTagger>, std::less<>> loaded_;
};

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_MODEL_REGISTRY_H_
