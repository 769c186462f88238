// Directory walk: the article files under a directory, in a stable order.
//
// Recursive; the entries of each directory are visited in byte order of
// their names (a subdirectory's files come at its name's place). Skipped
// silently: hidden entries (leading '.'), symbolic links to directories (no
// loops), `*.meta.json` sidecars, anything but regular files (after
// following file symlinks), and names whose extension is not an article
// container (see IsArticleFileName).
//
// Thread-safety: reentrant.
#ifndef DOSSIER_INGEST_DIR_WALK_H_
#define DOSSIER_INGEST_DIR_WALK_H_

#include <functional>
#include <string>
#include <string_view>

namespace dossier {

// Names read from a directory: .txt .text .html .htm .xhtml .jsonl .ndjson
// .json .xml .rss .atom .warc, or no extension, each optionally followed by
// .gz, .zst or .zstd. Case-insensitive. Not hidden names, not *.meta.json.
bool IsArticleFileName(std::string_view name);

// "dir" + "/" + "name", without doubling a trailing '/'.
std::string JoinPath(std::string_view dir, std::string_view name);

// Calls visit(path) for each article file under `dir`, paths being `dir`
// joined with the relative path. visit returns false to stop the walk. A
// directory that cannot be listed is reported through on_error(path,
// message) and skipped.
void WalkDirectory(const std::string& dir, const std::function<bool(const std::string&)>& visit,
                   const std::function<void(const std::string&, const std::string&)>& on_error);

}  // namespace dossier

#endif  // DOSSIER_INGEST_DIR_WALK_H_
