// Tested by static_files_test.cc and serve_test.cc.
#include "api/static_files.h"

#include <array>
#include <fstream>
#include <sstream>
#include <utility>

namespace dossier::api {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kUiPrefix = "/ui/";

// Whether `segment` may name a file or folder: no "." or "..", no hidden
// file, nothing but [A-Za-z0-9._-].
bool PlainSegment(std::string_view segment) {
  if (segment.empty() || segment.front() == '.') return false;
  for (char c : segment) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

// The relative path `path` names inside the folder, or "" when it names
// none or is not plain.
std::string RelativePath(std::string_view path) {
  if (path == "/") return "index.html";
  if (!path.starts_with(kUiPrefix)) return "";
  std::string_view rest = path.substr(kUiPrefix.size());
  if (rest.empty()) return "index.html";
  size_t at = 0;
  while (at <= rest.size()) {
    size_t slash = rest.find('/', at);
    if (slash == std::string_view::npos) slash = rest.size();
    if (!PlainSegment(rest.substr(at, slash - at))) return "";
    at = slash + 1;
  }
  return std::string(rest);
}

bool Inside(const fs::path& file, const fs::path& folder) {
  auto f = file.begin();
  for (auto d = folder.begin(); d != folder.end(); ++d, ++f) {
    if (f == file.end() || *f != *d) return false;
  }
  return f != file.end();  // strictly inside
}

ApiResponse NotFound(std::string_view path) {
  return ErrorResponse(404, "no such file: " + std::string(path));
}

}  // namespace

std::string ContentTypeFor(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
  }};
  for (const auto& [extension, type] : kTypes) {
    if (name.size() > extension.size() && name.ends_with(extension)) return std::string(type);
  }
  return "";
}

Result<StaticFiles> StaticFiles::Open(const std::string& folder) {
  std::error_code ec;
  fs::path canonical = fs::canonical(folder, ec);
  if (ec || !fs::is_directory(canonical, ec)) {
    return Status::NotFound("no asset folder at " + folder);
  }
  return StaticFiles(std::move(canonical));
}

bool StaticFiles::Handles(std::string_view path) {
  return path == "/" || path == "/ui" || path.starts_with(kUiPrefix);
}

ApiResponse StaticFiles::Serve(std::string_view path) const {
  const std::string relative = RelativePath(path == "/ui" ? "/ui/" : path);
  if (relative.empty()) return NotFound(path);
  const std::string type = ContentTypeFor(relative);
  if (type.empty()) return NotFound(path);
  // Symlinks inside the folder are followed only when they stay inside it.
  std::error_code ec;
  const fs::path real = fs::canonical(folder_ / relative, ec);
  if (ec || !Inside(real, folder_) || !fs::is_regular_file(real, ec)) return NotFound(path);
  const uintmax_t size = fs::file_size(real, ec);
  if (ec || size > kMaxFileBytes) return NotFound(path);
  std::ifstream in(real, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (!in && !in.eof()) return ErrorResponse(500, "cannot read " + std::string(path));
  ApiResponse r;
  r.content_type = type;
  r.body = std::move(content).str();
  return r;
}

}  // namespace dossier::api
