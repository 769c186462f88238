// BufferedReader: large buffered reads over a ByteStream, with the few
// operations the format readers need (peek, lines, exact counts, skips).
//
// All hot loops work on the buffer with memchr/memcpy, never a virtual call
// per byte. Memory is the buffer (256 KiB by default) plus whatever the
// caller asks to be appended to its own strings, which each call bounds.
//
// End of stream and errors look the same to the read calls (fewer bytes, or
// kEnd); the caller then asks status(): OK means a clean end, otherwise the
// first error of the source (sticky).
//
// A BufferedReader is itself a ByteStream, so a decompressor can sit on top
// of the bytes a format sniffer has already peeked at.
//
// Thread-safety: none.
#ifndef DOSSIER_INGEST_BUFFERED_READER_H_
#define DOSSIER_INGEST_BUFFERED_READER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "ingest/byte_stream.h"

namespace dossier {

class BufferedReader : public ByteStream {
 public:
  static constexpr size_t kDefaultCapacity = 256 << 10;

  // `source` must outlive the reader.
  explicit BufferedReader(ByteStream* source, size_t capacity = kDefaultCapacity);
  BufferedReader(const BufferedReader&) = delete;
  BufferedReader& operator=(const BufferedReader&) = delete;

  size_t capacity() const { return capacity_; }
  // Bytes consumed so far: the offset of the next unread byte.
  uint64_t offset() const { return offset_; }
  // OK, or the first error the source returned.
  const Status& status() const { return status_; }

  // Buffers at least min(n, capacity()) bytes unless the stream ends first,
  // and returns all buffered bytes (possibly more than n, fewer at the end).
  // The view is valid until the next non-const call.
  std::string_view Peek(size_t n);
  // Consumes n bytes. REQUIRES: n <= the size of the last Peek().
  void Consume(size_t n) {
    begin_ += n;
    offset_ += n;
  }
  // True when no byte is left (end of stream or error).
  bool AtEnd() { return Peek(1).empty(); }

  enum class LineStatus {
    kLine,     ///< *line holds the next line, without its '\n'
    kTooLong,  ///< the line exceeded max_bytes; it was skipped, *line is empty
    kEnd,      ///< no more lines (end of stream, or an error: see status())
  };
  // Reads the next line. A last line without '\n' counts as a line at a
  // clean end; a partial line cut by an error is dropped (kEnd). A line
  // longer than max_bytes is skipped by streaming to the next '\n', without
  // buffering it.
  LineStatus ReadLine(std::string* line, size_t max_bytes);

  // Appends the next n bytes to *out; returns how many were appended (fewer
  // only at the end of the stream or on an error).
  uint64_t Append(std::string* out, uint64_t n);
  // Skips the next n bytes; returns how many were skipped.
  uint64_t Skip(uint64_t n);

  // ByteStream: drains the buffer first, then reads the source directly.
  Result<size_t> Read(char* buf, size_t n) override;

 private:
  // Reads more from the source into the buffer; false at end or error.
  bool Fill();

  ByteStream* source_;
  size_t capacity_;
  std::unique_ptr<char[]> buf_;
  size_t begin_ = 0;  // first unread byte in buf_
  size_t end_ = 0;    // one past the last buffered byte
  uint64_t offset_ = 0;
  bool source_done_ = false;
  Status status_;
};

}  // namespace dossier

#endif  // DOSSIER_INGEST_BUFFERED_READER_H_
