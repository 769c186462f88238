// Tested by dir_walk_test.cc.
#include "ingest/dir_walk.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <vector>

#include <dirent.h>
#include <sys/stat.h>

#include "base/ascii.h"

namespace dossier {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Returns false when the walk must stop.
bool Walk(const std::string& dir, const std::function<bool(const std::string&)>& visit,
          const std::function<void(const std::string&, const std::string&)>& on_error) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) {
    on_error(dir, std::string("cannot open: ") + std::strerror(errno));
    return true;
  }
  std::vector<std::string> names;
  errno = 0;
  while (const dirent* entry = ::readdir(d)) {
    if (entry->d_name[0] != '.') names.emplace_back(entry->d_name);  // also "." and ".."
  }
  int read_errno = errno;
  ::closedir(d);
  if (read_errno != 0) on_error(dir, std::string("cannot read: ") + std::strerror(read_errno));
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    std::string path = JoinPath(dir, name);
    struct stat st;
    if (::lstat(path.c_str(), &st) != 0) continue;  // vanished meanwhile
    if (S_ISDIR(st.st_mode)) {
      if (!Walk(path, visit, on_error)) return false;
      continue;
    }
    if (S_ISLNK(st.st_mode)) {
      // A link to a directory could make a loop: skipped. A link to a file
      // is read like the file.
      if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    } else if (!S_ISREG(st.st_mode)) {
      continue;  // fifos, sockets, devices
    }
    if (IsArticleFileName(name) && !visit(path)) return false;
  }
  return true;
}

}  // namespace

bool IsArticleFileName(std::string_view name) {
  if (name.empty() || name[0] == '.') return false;
  std::string lower = ascii::ToLower(name);
  if (EndsWith(lower, ".meta.json")) return false;
  std::string_view stem = lower;
  for (std::string_view z : {".gz", ".zst", ".zstd"}) {
    if (EndsWith(stem, z)) {
      stem.remove_suffix(z.size());
      break;
    }
  }
  size_t dot = stem.rfind('.');
  if (dot == std::string_view::npos) return !stem.empty();
  static constexpr std::array<std::string_view, 12> kExtensions = {
      "txt",    "text", "html", "htm", "xhtml", "jsonl",
      "ndjson", "json", "xml",  "rss", "atom",  "warc"};
  std::string_view ext = stem.substr(dot + 1);
  return std::find(kExtensions.begin(), kExtensions.end(), ext) != kExtensions.end();
}

std::string JoinPath(std::string_view dir, std::string_view name) {
  std::string out(dir);
  if (!out.empty() && out.back() != '/') out.push_back('/');
  out.append(name);
  return out;
}

void WalkDirectory(const std::string& dir, const std::function<bool(const std::string&)>& visit,
                   const std::function<void(const std::string&, const std::string&)>& on_error) {
  Walk(dir, visit, on_error);
}

}  // namespace dossier
