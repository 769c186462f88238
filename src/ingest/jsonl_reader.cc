// Tested by jsonl_reader_test.cc.
#include "ingest/jsonl_reader.h"

#include <string_view>

#include "ingest/json_metadata.h"

namespace dossier {
namespace {

using Json = nlohmann::json;

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

// The body field: `text` if it is a non-empty string, else `html`.
Status TakeBody(Json& object, RawRecord* record) {
  const char* keys[] = {"text", "html"};
  for (const char* key : keys) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) continue;
    if (!it->is_string()) {
      return Status::InvalidInput(std::string("field \"") + key + "\" is not a string");
    }
    std::string& value = it->get_ref<std::string&>();
    if (value.empty() || !record->body.empty()) continue;
    record->body = std::move(value);
    record->kind = key[0] == 'h' ? ContentKind::kHtml : ContentKind::kText;
  }
  if (record->body.empty()) return Status::InvalidInput("no \"text\" or \"html\" field");
  return Status::OK();
}

Result<RawRecord> ParseLine(std::string_view line) {
  Result<Json> parsed = ParseJsonObjectText(line);
  if (!parsed.ok()) return parsed.status();
  Json& object = *parsed;
  if (!object.is_object()) return Status::InvalidInput("not a JSON object");
  RawRecord record;
  DOSSIER_RETURN_IF_ERROR(ApplyJsonMetadata(object, &record));
  DOSSIER_RETURN_IF_ERROR(TakeBody(object, &record));
  record.charset = "utf-8";  // JSON text is UTF-8 (RFC 8259)
  return record;
}

}  // namespace

void ReadJsonLines(BufferedReader& in, const std::string& path, const IngestOptions& options,
                   RecordSink* sink) {
  std::string line;
  uint64_t number = 0;
  while (!sink->stopped()) {
    BufferedReader::LineStatus got = in.ReadLine(&line, options.max_record_bytes);
    if (got == BufferedReader::LineStatus::kEnd) break;
    ++number;
    std::string locator = "line " + std::to_string(number);
    if (got == BufferedReader::LineStatus::kTooLong) {
      sink->Error(path, locator,
                  "longer than " + std::to_string(options.max_record_bytes) + " bytes");
      continue;
    }
    std::string_view text = line;
    if (number == 1 && text.substr(0, 3) == "\xef\xbb\xbf") text.remove_prefix(3);
    if (IsBlank(text)) continue;
    Result<RawRecord> record = ParseLine(text);
    if (!record.ok()) {
      sink->Error(path, locator, record.status().message());
      continue;
    }
    record->path = path;
    record->locator = std::move(locator);
    sink->Emit(std::move(*record));
  }
  if (!in.status().ok()) {
    sink->Error(path, "line " + std::to_string(number + 1), in.status().message());
  }
}

}  // namespace dossier
