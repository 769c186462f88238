// Tested by byte_stream_test.cc.
#include "ingest/byte_stream.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace dossier {

FdStream::FdStream(int fd, bool owned) : fd_(fd), owned_(owned) {}

FdStream::~FdStream() {
  if (owned_ && fd_ >= 0) ::close(fd_);
}

Result<size_t> FdStream::Read(char* buf, size_t n) {
  if (!status_.ok()) return status_;
  for (;;) {
    ssize_t got = ::read(fd_, buf, n);
    if (got >= 0) return static_cast<size_t>(got);
    int err = errno;
    if (err == EINTR) continue;
    status_ = Status::IOError(std::string("cannot read: ") + std::strerror(err));
    return status_;
  }
}

Result<std::unique_ptr<FdStream>> OpenFileStream(const std::string& path) {
  int fd;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    int err = errno;
    std::string message = std::string("cannot open: ") + std::strerror(err);
    if (err == ENOENT) return Status::NotFound(std::move(message));
    return Status::IOError(std::move(message));
  }
  // Inputs are read once, front to back.
  (void)::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  return std::make_unique<FdStream>(fd, /*owned=*/true);
}

Result<size_t> StringStream::Read(char* buf, size_t n) {
  size_t take = std::min(n, data_.size() - pos_);
  std::memcpy(buf, data_.data() + pos_, take);
  pos_ += take;
  return take;
}

}  // namespace dossier
