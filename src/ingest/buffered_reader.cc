// Tested by buffered_reader_test.cc.
#include "ingest/buffered_reader.h"

#include <algorithm>
#include <cstring>

namespace dossier {

BufferedReader::BufferedReader(ByteStream* source, size_t capacity)
    : source_(source), capacity_(capacity), buf_(new char[capacity]) {}

bool BufferedReader::Fill() {
  if (source_done_) return false;
  if (begin_ > 0) {
    std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == capacity_) return true;  // full already: the caller has enough
  Result<size_t> got = source_->Read(buf_.get() + end_, capacity_ - end_);
  if (!got.ok()) {
    status_ = got.status();
    source_done_ = true;
    return false;
  }
  if (*got == 0) {
    source_done_ = true;
    return false;
  }
  end_ += *got;
  return true;
}

std::string_view BufferedReader::Peek(size_t n) {
  n = std::min(n, capacity_);
  while (end_ - begin_ < n && Fill()) {
  }
  return std::string_view(buf_.get() + begin_, end_ - begin_);
}

BufferedReader::LineStatus BufferedReader::ReadLine(std::string* line, size_t max_bytes) {
  line->clear();
  bool too_long = false;
  bool any = false;
  for (;;) {
    if (begin_ == end_ && !Fill()) {
      if (!any || !status_.ok()) {
        line->clear();
        return LineStatus::kEnd;
      }
      return too_long ? LineStatus::kTooLong : LineStatus::kLine;
    }
    any = true;
    const char* p = buf_.get() + begin_;
    size_t avail = end_ - begin_;
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', avail));
    size_t take = nl != nullptr ? static_cast<size_t>(nl - p) : avail;
    if (!too_long) {
      if (line->size() + take > max_bytes) {
        too_long = true;
        line->clear();
      } else {
        line->append(p, take);
      }
    }
    Consume(take);
    if (nl != nullptr) {
      Consume(1);
      return too_long ? LineStatus::kTooLong : LineStatus::kLine;
    }
  }
}

uint64_t BufferedReader::Append(std::string* out, uint64_t n) {
  uint64_t done = 0;
  while (done < n) {
    if (begin_ == end_ && !Fill()) break;
    size_t take = static_cast<size_t>(std::min<uint64_t>(n - done, end_ - begin_));
    out->append(buf_.get() + begin_, take);
    Consume(take);
    done += take;
  }
  return done;
}

uint64_t BufferedReader::Skip(uint64_t n) {
  uint64_t done = 0;
  while (done < n) {
    if (begin_ == end_ && !Fill()) break;
    size_t take = static_cast<size_t>(std::min<uint64_t>(n - done, end_ - begin_));
    Consume(take);
    done += take;
  }
  return done;
}

Result<size_t> BufferedReader::Read(char* buf, size_t n) {
  if (begin_ == end_) {
    if (source_done_) {
      if (!status_.ok()) return status_;
      return size_t{0};
    }
    // Large reads bypass the buffer: no second copy.
    if (n >= capacity_) {
      Result<size_t> got = source_->Read(buf, n);
      if (!got.ok()) {
        status_ = got.status();
        source_done_ = true;
        return status_;
      }
      if (*got == 0) source_done_ = true;
      offset_ += *got;
      return got;
    }
    if (!Fill()) return status_.ok() ? Result<size_t>(size_t{0}) : Result<size_t>(status_);
  }
  size_t take = std::min(n, end_ - begin_);
  std::memcpy(buf, buf_.get() + begin_, take);
  Consume(take);
  return take;
}

}  // namespace dossier
