// Tested by alias_table_test.cc (IdentityResources.*) and every identity
// test that loads the defaults.
#include "entities/identity_resources.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "entities/identity_data_files.h"

namespace dossier::identity {
namespace {

struct DataFile {
  std::string name;
  std::string content;
};

Result<std::vector<DataFile>> ReadDataFiles(const std::string& dir) {
  std::vector<DataFile> files;
  if (dir.empty()) {
    for (size_t i = 0; i < identity_internal::kIdentityDataFileCount; ++i) {
      files.push_back({identity_internal::kIdentityDataFiles[i].name,
                       identity_internal::kIdentityDataFiles[i].content});
    }
    return files;
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return Status::NotFound("no directory " + dir);
  std::vector<std::string> names = {"aliases.tsv", "demonyms.tsv", "capitals.tsv"};
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.rfind("roles-", 0) == 0 && entry.path().extension() == ".txt") names.push_back(name);
  }
  for (const std::string& name : names) {
    std::ifstream in(dir + "/" + name, std::ios::binary);
    if (!in) return Status::NotFound("cannot open " + dir + "/" + name);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    files.push_back({name, buffer.str()});
  }
  return files;
}

}  // namespace

IdentityResources::IdentityResources(const MatcherOptions& matcher)
    : aliases_(&normalizer_), matcher_(&normalizer_, &aliases_, matcher) {}

Result<std::unique_ptr<const IdentityResources>> IdentityResources::Load(
    const IdentityOptions& options) {
  std::unique_ptr<IdentityResources> r(new IdentityResources(options.matcher));
  Result<std::vector<DataFile>> files = ReadDataFiles(options.data_dir);
  if (!files.ok()) return files.status();
  r->aliases_.AddIcuCountries(options.country_languages);
  if (!options.iso_codes_json.empty()) {
    std::error_code ec;
    const bool is_default = options.iso_codes_json == kDefaultIsoCodesJson;
    if (!is_default || std::filesystem::is_regular_file(options.iso_codes_json, ec)) {
      DOSSIER_RETURN_IF_ERROR(r->aliases_.AddIsoCodes(options.iso_codes_json, options.locale_dir,
                                                      options.country_languages));
    }
  }
  for (const DataFile& f : *files) {
    if (f.name == "aliases.tsv") {
      DOSSIER_RETURN_IF_ERROR(r->aliases_.AddAliases(f.content, f.name));
    } else if (f.name == "demonyms.tsv") {
      DOSSIER_RETURN_IF_ERROR(r->aliases_.AddDemonyms(f.content, f.name));
    } else if (f.name == "capitals.tsv") {
      DOSSIER_RETURN_IF_ERROR(r->aliases_.AddCapitals(f.content, f.name));
    } else if (f.name.rfind("roles-", 0) == 0) {
      std::string lang = f.name.substr(6, f.name.size() - 6 - 4);  // roles-<lang>.txt
      DOSSIER_RETURN_IF_ERROR(r->roles_[lang].Add(r->normalizer_, f.content, f.name));
    }
  }
  return std::unique_ptr<const IdentityResources>(std::move(r));
}

const RoleLexicon* IdentityResources::roles(std::string_view language) const {
  auto it = roles_.find(language);
  return it == roles_.end() ? nullptr : &it->second;
}

}  // namespace dossier::identity
