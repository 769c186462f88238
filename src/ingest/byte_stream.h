// ByteStream: a pull-based source of bytes (a file, stdin, a decompressor).
//
//   FdStream in(fd, /*owned=*/true);
//   char buf[4096];
//   for (;;) {
//     Result<size_t> n = in.Read(buf, sizeof buf);
//     if (!n.ok()) return n.status();
//     if (*n == 0) break;  // end of stream
//     Use(buf, *n);
//   }
//
// Contract for every implementation: Read returns at least one byte, or 0
// only at the end of the stream, or an error. After the end or an error,
// every further Read returns the same again (errors are sticky).
//
// Thread-safety: none; one stream belongs to one reader.
#ifndef DOSSIER_INGEST_BYTE_STREAM_H_
#define DOSSIER_INGEST_BYTE_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "base/status.h"

namespace dossier {

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Reads up to n (> 0) bytes into buf.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
};

// Reads a file descriptor with read(2).
class FdStream : public ByteStream {
 public:
  // Closes fd on destruction when `owned`.
  FdStream(int fd, bool owned);
  ~FdStream() override;
  FdStream(const FdStream&) = delete;
  FdStream& operator=(const FdStream&) = delete;

  Result<size_t> Read(char* buf, size_t n) override;

 private:
  int fd_;
  bool owned_;
  Status status_;
};

// Opens `path` for reading. Error: "cannot open: <strerror>", NotFound when
// the path does not exist, else IOError.
Result<std::unique_ptr<FdStream>> OpenFileStream(const std::string& path);

// Reads bytes held in memory (decoding an HTTP payload; tests).
class StringStream : public ByteStream {
 public:
  explicit StringStream(std::string data) : data_(std::move(data)) {}
  Result<size_t> Read(char* buf, size_t n) override;

 private:
  std::string data_;
  size_t pos_ = 0;
};

}  // namespace dossier

#endif  // DOSSIER_INGEST_BYTE_STREAM_H_
