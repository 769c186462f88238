// GzipStream: a ByteStream that inflates a gzip stream (zlib).
//
// Multi-member files (several gzip streams back to back, as CC-NEWS WARC
// files have one member per record) are read as one stream. Zero padding
// after the last member is ignored; other trailing bytes are an error.
//
// Errors (sticky, after all bytes decoded before them were returned):
//   "truncated gzip stream at compressed offset N"
//   "corrupt gzip stream at compressed offset N: <zlib message>"
//   "trailing garbage after gzip stream at compressed offset N"
//   the RatioGuard's LimitExceeded
//
// Thread-safety: none.
#ifndef DOSSIER_INGEST_GZIP_STREAM_H_
#define DOSSIER_INGEST_GZIP_STREAM_H_

#include <cstdint>
#include <memory>

#include <zlib.h>

#include "ingest/byte_stream.h"
#include "ingest/ratio_guard.h"

namespace dossier {

class GzipStream : public ByteStream {
 public:
  // `source` (the compressed bytes) must outlive the stream.
  GzipStream(ByteStream* source, RatioGuard guard);
  ~GzipStream() override;
  GzipStream(const GzipStream&) = delete;
  GzipStream& operator=(const GzipStream&) = delete;

  Result<size_t> Read(char* buf, size_t n) override;

 private:
  // Refills the input buffer when empty; false at the source's end.
  bool Refill();
  // Between members: skips zero padding; false when the stream is over.
  bool NextMemberStarts();
  uint64_t consumed() const { return fed_ - strm_.avail_in; }
  Status Fail(Status s);

  ByteStream* source_;
  RatioGuard guard_;
  z_stream strm_{};
  bool init_ok_ = false;
  std::unique_ptr<unsigned char[]> in_;
  uint64_t fed_ = 0;       // compressed bytes handed to zlib
  uint64_t produced_ = 0;  // decompressed bytes returned
  bool source_done_ = false;
  bool in_member_ = false;  // inside a member: its end has not been seen
  bool done_ = false;
  Status status_;
};

}  // namespace dossier

#endif  // DOSSIER_INGEST_GZIP_STREAM_H_
