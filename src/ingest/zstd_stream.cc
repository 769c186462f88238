// Tested by byte_stream_test.cc.
#include "ingest/zstd_stream.h"

#include <string>

namespace dossier {

ZstdStream::ZstdStream(ByteStream* source, RatioGuard guard)
    : source_(source),
      guard_(guard),
      dstream_(ZSTD_createDStream()),
      in_buf_(new char[ZSTD_DStreamInSize()]),
      in_capacity_(ZSTD_DStreamInSize()) {
  if (dstream_ == nullptr) {
    status_ = Status::Internal("ZSTD_createDStream failed");
    return;
  }
  ZSTD_initDStream(dstream_);
  in_.src = in_buf_.get();
}

ZstdStream::~ZstdStream() { ZSTD_freeDStream(dstream_); }

Status ZstdStream::Fail(Status s) {
  status_ = std::move(s);
  return status_;
}

bool ZstdStream::Refill() {
  if (in_.pos < in_.size) return true;
  if (source_done_) return false;
  Result<size_t> got = source_->Read(in_buf_.get(), in_capacity_);
  if (!got.ok()) {
    status_ = got.status();
    source_done_ = true;
    return false;
  }
  if (*got == 0) {
    source_done_ = true;
    return false;
  }
  in_.size = *got;
  in_.pos = 0;
  return true;
}

Result<size_t> ZstdStream::Read(char* buf, size_t n) {
  if (!status_.ok()) return status_;
  if (done_) return size_t{0};
  ZSTD_outBuffer out{buf, n, 0};
  while (out.pos == 0) {
    bool have_input = Refill();
    if (!status_.ok()) return status_;
    // Called even without new input: zstd may hold decoded bytes that did
    // not fit into the previous output buffer.
    size_t before = in_.pos;
    size_t hint = ZSTD_decompressStream(dstream_, &out, &in_);
    consumed_ += in_.pos - before;
    if (ZSTD_isError(hint)) {
      return Fail(Status::InvalidInput("corrupt zstd stream at compressed offset " +
                                       std::to_string(consumed_) + ": " + ZSTD_getErrorName(hint)));
    }
    // A call that moved nothing says nothing about the frame: after a frame
    // end, an empty call asks for the next frame's header.
    if (in_.pos != before || out.pos > 0) last_hint_ = hint;
    if (out.pos == 0 && !have_input && in_.pos == in_.size) {
      if (last_hint_ != 0) {
        return Fail(Status::InvalidInput("truncated zstd stream at compressed offset " +
                                         std::to_string(consumed_)));
      }
      done_ = true;
      return size_t{0};
    }
  }
  produced_ += out.pos;
  status_ = guard_.Check("zstd", consumed_, produced_);
  return out.pos;
}

}  // namespace dossier
