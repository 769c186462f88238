// Status and Result<T>: how every module boundary in dossier reports failure.
//
// A Status is either OK or an error with a code and a human-readable message.
// Result<T> holds either a T or a non-OK Status. Both are cheap to move and
// are [[nodiscard]], so an ignored error is a compile-time warning.
//
//   Result<Article> r = cleaner.Clean(record);
//   if (!r.ok()) return r.status();
//   Use(*r);
//
// Thread-safety: plain values; no shared state.
#ifndef DOSSIER_BASE_STATUS_H_
#define DOSSIER_BASE_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace dossier {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidInput,   ///< the input is malformed (bad JSON, broken XML, ...)
    kNotFound,       ///< a file, record or id that does not exist
    kIOError,        ///< the operating system refused a read or write
    kCorruption,     ///< stored data is inconsistent
    kUnsupported,    ///< a format or feature dossier does not handle
    kLimitExceeded,  ///< a size, depth or ratio limit was hit
    kInternal,       ///< a bug: an invariant did not hold
  };

  Status() = default;
  static Status OK() { return Status(); }
  static Status InvalidInput(std::string msg) {
    return Status(Code::kInvalidInput, std::move(msg));
  }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status Unsupported(std::string msg) { return Status(Code::kUnsupported, std::move(msg)); }
  static Status LimitExceeded(std::string msg) {
    return Status(Code::kLimitExceeded, std::move(msg));
  }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "OK" or "<code name>: <message>".
  std::string ToString() const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Either a value or an error. REQUIRES: ok() before operator* / value().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    if (status_.ok()) status_ = Status::Internal("Result built from an OK status without a value");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T&& operator*() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace dossier

// Propagate a non-OK Status from an expression that yields a Status.
#define DOSSIER_RETURN_IF_ERROR(expr)                  \
  do {                                                 \
    ::dossier::Status dossier_status_ = (expr);        \
    if (!dossier_status_.ok()) return dossier_status_; \
  } while (0)

#endif  // DOSSIER_BASE_STATUS_H_
