// Tested by ingest_test.cc.
#include "ingest/sidecar.h"

#include <array>
#include <memory>

#include "ingest/buffered_reader.h"
#include "ingest/byte_stream.h"
#include "ingest/json_metadata.h"

namespace dossier {
namespace {

// A sidecar holds a few short fields; anything bigger is not one.
constexpr size_t kMaxSidecarBytes = 1 << 20;

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  s = s.substr(s.size() - suffix.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

std::string_view StripSuffix(std::string_view s, std::string_view suffix) {
  return EndsWithNoCase(s, suffix) ? s.substr(0, s.size() - suffix.size()) : s;
}

}  // namespace

std::string SidecarPathFor(std::string_view article_path) {
  std::string_view stem = article_path;
  for (std::string_view z : {".gz", ".zst", ".zstd"}) {
    if (EndsWithNoCase(stem, z)) {
      stem = StripSuffix(stem, z);
      break;
    }
  }
  static constexpr std::array<std::string_view, 5> kArticleExtensions = {".txt", ".text", ".html",
                                                                         ".htm", ".xhtml"};
  for (std::string_view ext : kArticleExtensions) {
    if (!EndsWithNoCase(stem, ext)) continue;
    stem = StripSuffix(stem, ext);
    size_t slash = stem.rfind('/');
    std::string_view base = slash == std::string_view::npos ? stem : stem.substr(slash + 1);
    if (base.empty()) return "";  // ".txt" alone is a hidden file, not an article name
    return std::string(stem) + ".meta.json";
  }
  return "";
}

Status ApplySidecar(const std::string& sidecar_path, RawRecord* record) {
  Result<std::unique_ptr<FdStream>> file = OpenFileStream(sidecar_path);
  if (!file.ok()) {
    // No sidecar: nothing to add.
    if (file.status().code() == Status::Code::kNotFound) return Status::OK();
    return file.status();
  }
  BufferedReader in(file->get(), 64 << 10);
  std::string text;
  in.Append(&text, kMaxSidecarBytes + 1);
  if (!in.status().ok()) return in.status();
  if (text.size() > kMaxSidecarBytes) {
    return Status::InvalidInput("malformed sidecar: larger than " +
                                std::to_string(kMaxSidecarBytes) + " bytes");
  }
  Result<nlohmann::json> parsed = ParseJsonObjectText(text);
  if (!parsed.ok()) return Status::InvalidInput("malformed sidecar: " + parsed.status().message());
  if (!parsed->is_object()) return Status::InvalidInput("malformed sidecar: not a JSON object");
  // Parsed into a scratch record first: a bad field leaves *record untouched.
  RawRecord meta;
  Status applied = ApplyJsonMetadata(*parsed, &meta);
  if (!applied.ok()) return Status::InvalidInput("malformed sidecar: " + applied.message());
  for (auto field : {&RawRecord::id, &RawRecord::url, &RawRecord::title, &RawRecord::published,
                     &RawRecord::outlet, &RawRecord::language, &RawRecord::author}) {
    if (!(meta.*field).empty()) record->*field = std::move(meta.*field);
  }
  return Status::OK();
}

}  // namespace dossier
