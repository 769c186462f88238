// ZstdStream: a ByteStream that decompresses a zstd stream (libzstd).
//
// Several frames back to back, and skippable frames, are read as one stream.
//
// Errors (sticky, after all bytes decoded before them were returned):
//   "truncated zstd stream at compressed offset N"
//   "corrupt zstd stream at compressed offset N: <zstd message>"
//   the RatioGuard's LimitExceeded
//
// Thread-safety: none.
#ifndef DOSSIER_INGEST_ZSTD_STREAM_H_
#define DOSSIER_INGEST_ZSTD_STREAM_H_

#include <cstdint>
#include <memory>

#include <zstd.h>

#include "ingest/byte_stream.h"
#include "ingest/ratio_guard.h"

namespace dossier {

class ZstdStream : public ByteStream {
 public:
  // `source` (the compressed bytes) must outlive the stream.
  ZstdStream(ByteStream* source, RatioGuard guard);
  ~ZstdStream() override;
  ZstdStream(const ZstdStream&) = delete;
  ZstdStream& operator=(const ZstdStream&) = delete;

  Result<size_t> Read(char* buf, size_t n) override;

 private:
  bool Refill();
  Status Fail(Status s);

  ByteStream* source_;
  RatioGuard guard_;
  ZSTD_DStream* dstream_;
  std::unique_ptr<char[]> in_buf_;
  size_t in_capacity_;
  ZSTD_inBuffer in_{nullptr, 0, 0};
  uint64_t consumed_ = 0;
  uint64_t produced_ = 0;
  size_t last_hint_ = 0;  // last ZSTD_decompressStream result: 0 at a frame end
  bool source_done_ = false;
  bool done_ = false;
  Status status_;
};

}  // namespace dossier

#endif  // DOSSIER_INGEST_ZSTD_STREAM_H_
