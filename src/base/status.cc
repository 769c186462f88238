#include "base/status.h"

namespace dossier {

namespace {
const char* CodeName(Status::Code code) {
  switch (code) {
    case Status::Code::kOk:
      return "OK";
    case Status::Code::kInvalidInput:
      return "invalid input";
    case Status::Code::kNotFound:
      return "not found";
    case Status::Code::kIOError:
      return "I/O error";
    case Status::Code::kCorruption:
      return "corruption";
    case Status::Code::kUnsupported:
      return "unsupported";
    case Status::Code::kLimitExceeded:
      return "limit exceeded";
    case Status::Code::kInternal:
      return "internal error";
  }
  return "unknown";
}
}  // namespace

std::string Status::ToString() const {
  if (ok()) return "OK";
  return std::string(CodeName(code_)) + ": " + message_;
}

}  // namespace dossier
