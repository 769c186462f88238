// Tested by jsonl_reader_test.cc and ingest_test.cc (sidecars).
#include "ingest/json_metadata.h"

#include <array>
#include <utility>

namespace dossier {
namespace {

using Json = nlohmann::json;

// nlohmann's what(): "[json.exception.parse_error.101] parse error at line 1,
// column 5: syntax error ...". Keep the part a human needs, bounded.
std::string ShortReason(const char* what) {
  std::string_view s = what;
  if (!s.empty() && s[0] == '[') {
    size_t end = s.find("] ");
    if (end != std::string_view::npos) s.remove_prefix(end + 2);
  }
  constexpr std::string_view kPrefix = "parse error at line 1, ";
  if (s.substr(0, kPrefix.size()) == kPrefix) s.remove_prefix(kPrefix.size());
  constexpr size_t kMax = 160;
  std::string out(s.substr(0, kMax));
  if (s.size() > kMax) out += "...";
  return out;
}

Status StringField(const Json& object, const char* key, std::string* out) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return Status::OK();
  if (!it->is_string()) {
    return Status::InvalidInput(std::string("field \"") + key + "\" is not a string");
  }
  *out = it->get_ref<const std::string&>();
  return Status::OK();
}

}  // namespace

Status ApplyJsonMetadata(const Json& object, RawRecord* record) {
  auto id = object.find("id");
  if (id != object.end() && !id->is_null()) {
    if (id->is_string()) {
      record->id = id->get_ref<const std::string&>();
    } else if (id->is_number()) {
      record->id = id->dump();
    } else {
      return Status::InvalidInput("field \"id\" is not a string or number");
    }
  }
  const std::array<std::pair<const char*, std::string*>, 6> fields = {{
      {"url", &record->url},
      {"title", &record->title},
      {"published", &record->published},
      {"outlet", &record->outlet},
      {"language", &record->language},
      {"author", &record->author},
  }};
  for (const auto& [key, out] : fields) DOSSIER_RETURN_IF_ERROR(StringField(object, key, out));
  return Status::OK();
}

Result<Json> ParseJsonObjectText(std::string_view text) {
  // What is inside a top-level field's array or object is discarded as it is
  // parsed, so a line of deeply nested arrays costs neither memory nor
  // stack; the field itself stays, to be reported when it should be a string.
  auto keep = [](int depth, Json::parse_event_t event, Json&) {
    return !(depth >= 2 && (event == Json::parse_event_t::object_start ||
                            event == Json::parse_event_t::array_start));
  };
  try {
    return Json::parse(text.begin(), text.end(), keep);
  } catch (const Json::exception& e) {
    return Status::InvalidInput("malformed JSON: " + ShortReason(e.what()));
  }
}

}  // namespace dossier
