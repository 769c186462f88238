// StaticFiles: the web UI's files, served from ONE asset folder and never
// from anywhere else.
//
//   Result<StaticFiles> ui = StaticFiles::Open("build/web");
//   ApiResponse r = ui->Serve("/ui/app.js");  // 200 text/javascript, or a 404
//
// URLs: "/" is the folder's index.html; "/ui/PATH" is the file PATH of the
// folder. PATH is a plain relative path: segments of letters, digits, '-',
// '_' and '.', none empty and none starting with '.', so ".." (decoded or
// not), absolute paths, backslashes, NUL and hidden files are refused before
// the file system is asked. The file's real path (symlinks resolved) must
// still lie inside the folder's real path, so a symlink cannot lead out; it
// must be a regular file of a known type (the extension gives the content
// type) and at most kMaxFileBytes. Anything else is a 404.
//
// Thread-safety: Serve is const and may run concurrently.
#ifndef DOSSIER_API_STATIC_FILES_H_
#define DOSSIER_API_STATIC_FILES_H_

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "api/router.h"
#include "base/status.h"

namespace dossier::api {

class StaticFiles {
 public:
  // Larger files are not served: the UI's biggest (cytoscape) is ~0.4 MiB.
  static constexpr size_t kMaxFileBytes = 8 << 20;

  // NotFound when `folder` is not a directory.
  static Result<StaticFiles> Open(const std::string& folder);

  // Whether `path` is a URL this serves ("/" or under "/ui/"), so the server
  // knows to ask Serve rather than the API router.
  static bool Handles(std::string_view path);

  // The file for `path` (a decoded URL path), or a JSON 404.
  ApiResponse Serve(std::string_view path) const;

  const std::filesystem::path& folder() const { return folder_; }

 private:
  explicit StaticFiles(std::filesystem::path folder) : folder_(std::move(folder)) {}
  std::filesystem::path folder_;  ///< canonical: absolute, no symlinks
};

// The content type for a file name by its extension; "" when the type is
// not one the UI uses (such a file is not served).
std::string ContentTypeFor(std::string_view name);

}  // namespace dossier::api

#endif  // DOSSIER_API_STATIC_FILES_H_
