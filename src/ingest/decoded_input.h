// DecodedInput: the decompressed bytes of a raw input.
//
// Compression is recognised by magic number only (gzip 1f 8b, zstd
// 28 b5 2f fd or a skippable frame), never by file name. Anything else is
// passed through unchanged.
//
//   FdStream raw(fd, true);
//   DecodedInput input(&raw, guard);
//   BufferedReader& in = input.reader();   // decompressed bytes
//
// Thread-safety: none.
#ifndef DOSSIER_INGEST_DECODED_INPUT_H_
#define DOSSIER_INGEST_DECODED_INPUT_H_

#include <memory>
#include <string_view>

#include "ingest/buffered_reader.h"
#include "ingest/byte_stream.h"
#include "ingest/ratio_guard.h"

namespace dossier {

enum class Compression { kNone, kGzip, kZstd };

// The compression whose magic number starts `head` (needs 4 bytes for zstd).
Compression SniffCompression(std::string_view head);

class DecodedInput {
 public:
  // `source` must outlive this object. Reads the first bytes of `source`.
  DecodedInput(ByteStream* source, RatioGuard guard);

  Compression compression() const { return compression_; }
  // The decompressed bytes. Offsets are offsets in the decompressed stream.
  BufferedReader& reader() { return decoded_ != nullptr ? *decoded_ : raw_; }

 private:
  BufferedReader raw_;
  Compression compression_ = Compression::kNone;
  std::unique_ptr<ByteStream> decoder_;
  std::unique_ptr<BufferedReader> decoded_;
};

}  // namespace dossier

#endif  // DOSSIER_INGEST_DECODED_INPUT_H_
