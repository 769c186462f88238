// Sidecar metadata: "X.meta.json" beside an article file "X.txt".
//
// The sidecar is a JSON object with any of the JSON Lines metadata fields
// (id, url, title, published, outlet, language, author); see
// json_metadata.h. Article files that take one: .txt .text .html .htm
// .xhtml, each optionally followed by .gz, .zst or .zstd.
//
// Thread-safety: pure functions (ApplySidecar reads the file system).
#ifndef DOSSIER_INGEST_SIDECAR_H_
#define DOSSIER_INGEST_SIDECAR_H_

#include <string>
#include <string_view>

#include "base/status.h"
#include "ingest/record.h"

namespace dossier {

// "dir/X.txt.gz" -> "dir/X.meta.json"; "" when the name takes no sidecar.
std::string SidecarPathFor(std::string_view article_path);

// Fills *record from the sidecar at `sidecar_path` when that file exists;
// OK when it does not. Errors: "cannot open: ...", "cannot read: ...",
// "malformed sidecar: <reason>" (the record is left as it was).
Status ApplySidecar(const std::string& sidecar_path, RawRecord* record);

}  // namespace dossier

#endif  // DOSSIER_INGEST_SIDECAR_H_
