// JSON metadata fields shared by JSON Lines records and .meta.json sidecars.
//
// Fields: id (string or number), url, title, published, outlet, language,
// author. A null counts as absent; any other non-string value is an error.
// Other keys are ignored.
//
// Thread-safety: pure functions.
#ifndef DOSSIER_INGEST_JSON_METADATA_H_
#define DOSSIER_INGEST_JSON_METADATA_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "ingest/record.h"

namespace dossier {

// Sets the fields of *record that `object` states. REQUIRES: object is a
// JSON object. Error: InvalidInput "field \"title\" is not a string".
Status ApplyJsonMetadata(const nlohmann::json& object, RawRecord* record);

// Parses one JSON value from `text`. The contents of arrays and objects
// nested in the top-level value are dropped while parsing (they carry
// nothing dossier reads). Error: InvalidInput "malformed JSON: <short reason>". Never throws.
Result<nlohmann::json> ParseJsonObjectText(std::string_view text);

}  // namespace dossier

#endif  // DOSSIER_INGEST_JSON_METADATA_H_
