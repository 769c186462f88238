// Tested by ingest_test.cc.
#include "ingest/article_reader.h"

#include <string_view>

#include "base/ascii.h"
#include "ingest/sidecar.h"

namespace dossier {
namespace {

// Whitespace in ASCII, and in UTF-16 (its NUL halves).
constexpr std::string_view kBlankBytes(" \t\n\r\f\v\0", 7);

}  // namespace

void ReadArticle(BufferedReader& in, const ArticleSource& source, const IngestOptions& options,
                 RecordSink* sink) {
  RawRecord record;
  uint64_t got = in.Append(&record.body, uint64_t{options.max_record_bytes} + 1);
  if (!in.status().ok()) {
    sink->Error(source.path, "", in.status().message());
    return;
  }
  if (got > options.max_record_bytes) {
    sink->Error(source.path, "",
                "article larger than " + std::to_string(options.max_record_bytes) + " bytes");
    return;
  }
  std::string_view body = record.body;
  if (body.substr(0, 3) == "\xef\xbb\xbf" || body.substr(0, 2) == "\xff\xfe" ||
      body.substr(0, 2) == "\xfe\xff") {
    body.remove_prefix(body[0] == '\xef' ? 3 : 2);
  }
  if (ascii::IsBlank(body, kBlankBytes)) {
    sink->Error(source.path, "", "empty file");
    return;
  }
  record.path = source.path;
  record.kind = source.kind;
  record.charset = source.charset;
  if (!source.sidecar_path.empty()) {
    Status s = ApplySidecar(source.sidecar_path, &record);
    if (!s.ok()) sink->Error(source.sidecar_path, "", s.message());
  }
  sink->Emit(std::move(record));
}

}  // namespace dossier
