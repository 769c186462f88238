// ScopedTempDir: a fresh, uniquely named directory under the system's
// temporary directory, removed with everything in it when the object dies.
//
// Tests run as separate processes, two at a time under `ctest -j`, and the
// same test runs again under the sanitizer build: a fixed name such as
// /tmp/dossier_x_test would be shared by runs that overlap. mkdtemp gives
// each run its own directory, and the destructor keeps /tmp clean even when
// an assertion ends the test early.
//
//   ScopedTempDir dir("gazetteer");
//   Write(dir / "cities.txt");
//
// Thread-safety: one owner; the directory is not locked against others.
#ifndef DOSSIER_BASE_SCOPED_TEMP_DIR_H_
#define DOSSIER_BASE_SCOPED_TEMP_DIR_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include <stdlib.h>

namespace dossier {

class ScopedTempDir {
 public:
  // `label` names the directory (dossier_LABEL_XXXXXX) so that a leftover
  // from a killed run says where it came from. path() is empty if the
  // directory could not be made.
  explicit ScopedTempDir(std::string_view label = "tmp") {
    std::error_code ec;
    std::filesystem::path base = std::filesystem::temp_directory_path(ec);
    if (ec) base = "/tmp";
    std::string templ = (base / ("dossier_" + std::string(label) + "_XXXXXX")).string();
    if (::mkdtemp(templ.data()) != nullptr) path_ = std::move(templ);
  }
  ~ScopedTempDir() {
    if (path_.empty()) return;
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScopedTempDir(const ScopedTempDir&) = delete;
  ScopedTempDir& operator=(const ScopedTempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string operator/(std::string_view name) const { return path_ + "/" + std::string(name); }

 private:
  std::string path_;
};

}  // namespace dossier

#endif  // DOSSIER_BASE_SCOPED_TEMP_DIR_H_
