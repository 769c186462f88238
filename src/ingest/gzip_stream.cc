// Tested by byte_stream_test.cc.
#include "ingest/gzip_stream.h"

#include <algorithm>
#include <climits>
#include <string>

namespace dossier {
namespace {

constexpr size_t kInputSize = 128 << 10;
constexpr int kGzipOnly = 15 + 16;  // max window, gzip header and trailer

}  // namespace

GzipStream::GzipStream(ByteStream* source, RatioGuard guard)
    : source_(source), guard_(guard), in_(new unsigned char[kInputSize]) {
  init_ok_ = inflateInit2(&strm_, kGzipOnly) == Z_OK;
  if (!init_ok_) status_ = Status::Internal("zlib inflateInit2 failed");
}

GzipStream::~GzipStream() {
  if (init_ok_) inflateEnd(&strm_);
}

Status GzipStream::Fail(Status s) {
  status_ = std::move(s);
  return status_;
}

bool GzipStream::Refill() {
  if (strm_.avail_in > 0) return true;
  if (source_done_) return false;
  Result<size_t> got = source_->Read(reinterpret_cast<char*>(in_.get()), kInputSize);
  if (!got.ok()) {
    status_ = got.status();
    source_done_ = true;
    return false;
  }
  if (*got == 0) {
    source_done_ = true;
    return false;
  }
  strm_.next_in = in_.get();
  strm_.avail_in = static_cast<uInt>(*got);
  fed_ += *got;
  return true;
}

bool GzipStream::NextMemberStarts() {
  for (;;) {
    if (!Refill()) return false;
    if (strm_.next_in[0] == 0x1f) return true;
    if (strm_.next_in[0] != 0) {
      status_ = Status::InvalidInput("trailing garbage after gzip stream at compressed offset " +
                                     std::to_string(consumed()));
      return false;
    }
    // Zero padding (tape blocks, preallocated files): skip it.
    while (strm_.avail_in > 0 && strm_.next_in[0] == 0) {
      ++strm_.next_in;
      --strm_.avail_in;
    }
  }
}

Result<size_t> GzipStream::Read(char* buf, size_t n) {
  if (!status_.ok()) return status_;
  if (done_) return size_t{0};
  strm_.next_out = reinterpret_cast<unsigned char*>(buf);
  strm_.avail_out = static_cast<uInt>(std::min<size_t>(n, UINT_MAX));
  const uInt want = strm_.avail_out;
  while (strm_.avail_out == want) {
    if (!in_member_) {
      if (!NextMemberStarts()) {
        if (!status_.ok()) return status_;
        done_ = true;
        return size_t{0};
      }
      in_member_ = true;
    }
    if (!Refill()) {
      if (!status_.ok()) return status_;
      return Fail(Status::InvalidInput("truncated gzip stream at compressed offset " +
                                       std::to_string(consumed())));
    }
    int rc = inflate(&strm_, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      in_member_ = false;
      inflateReset(&strm_);
    } else if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT) {
      std::string why = strm_.msg != nullptr ? strm_.msg : "invalid data";
      return Fail(Status::InvalidInput("corrupt gzip stream at compressed offset " +
                                       std::to_string(consumed()) + ": " + why));
    } else if (rc == Z_MEM_ERROR) {
      return Fail(Status::Internal("zlib out of memory"));
    }
    // Z_OK and Z_BUF_ERROR: progress made, or more input needed.
  }
  size_t got = want - strm_.avail_out;
  produced_ += got;
  // The bytes already decoded go out; the error comes with the next Read.
  status_ = guard_.Check("gzip", consumed(), produced_);
  return got;
}

}  // namespace dossier
