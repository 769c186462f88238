// The claims of an article (facts/claims.h) as JSON and back, so that the
// conflicts of a later run can compare new articles with the claims of
// articles analysed before (the store keeps them as private findings).
//
// Thread-safety: pure functions.
#ifndef DOSSIER_ENGINE_CLAIMS_JSON_H_
#define DOSSIER_ENGINE_CLAIMS_JSON_H_

#include <string>

#include "base/status.h"
#include "facts/claims.h"

namespace dossier {

std::string ClaimsToJson(const ArticleFacts& facts);

// Corruption for a document ClaimsToJson did not write.
Result<ArticleFacts> ClaimsFromJson(const std::string& json);

}  // namespace dossier

#endif  // DOSSIER_ENGINE_CLAIMS_JSON_H_
