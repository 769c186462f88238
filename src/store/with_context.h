// WithContext: an error with where it happened put before its message.
//
// Internal to the store stage. Thread-safety: pure functions.
#ifndef DOSSIER_STORE_WITH_CONTEXT_H_
#define DOSSIER_STORE_WITH_CONTEXT_H_

#include <string>

#include "base/status.h"

namespace dossier::store_internal {

// `status` with "<context>: " before its message, same code. OK stays OK.
Status WithContext(const Status& status, const std::string& context);
template <typename T>
Result<T> WithContext(Result<T> result, const std::string& context) {
  if (result.ok()) return result;
  return WithContext(result.status(), context);
}

}  // namespace dossier::store_internal

#endif  // DOSSIER_STORE_WITH_CONTEXT_H_
