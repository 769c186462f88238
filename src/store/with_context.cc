// Tested through store_test.cc (every error message of the store).
#include "store/with_context.h"

#include <utility>

namespace dossier::store_internal {

Status WithContext(const Status& status, const std::string& context) {
  std::string m = context + ": " + status.message();
  switch (status.code()) {
    case Status::Code::kOk:
      return status;
    case Status::Code::kInvalidInput:
      return Status::InvalidInput(std::move(m));
    case Status::Code::kNotFound:
      return Status::NotFound(std::move(m));
    case Status::Code::kIOError:
      return Status::IOError(std::move(m));
    case Status::Code::kCorruption:
      return Status::Corruption(std::move(m));
    case Status::Code::kUnsupported:
      return Status::Unsupported(std::move(m));
    case Status::Code::kLimitExceeded:
      return Status::LimitExceeded(std::move(m));
    case Status::Code::kInternal:
      break;
  }
  return Status::Internal(std::move(m));
}

}  // namespace dossier::store_internal
