// Tested by byte_stream_test.cc.
#include "ingest/decoded_input.h"

#include "ingest/gzip_stream.h"
#include "ingest/zstd_stream.h"

namespace dossier {

Compression SniffCompression(std::string_view head) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(head[i]); };
  if (head.size() >= 2 && byte(0) == 0x1f && byte(1) == 0x8b) return Compression::kGzip;
  // A skippable frame (magic 0x184D2A50..5F, little-endian) may open a zstd file.
  if (head.size() >= 4 && (byte(0) & 0xf0) == 0x50 && byte(1) == 0x2a && byte(2) == 0x4d &&
      byte(3) == 0x18) {
    return Compression::kZstd;
  }
  if (head.size() >= 4 && byte(0) == 0x28 && byte(1) == 0xb5 && byte(2) == 0x2f &&
      byte(3) == 0xfd) {
    return Compression::kZstd;
  }
  return Compression::kNone;
}

DecodedInput::DecodedInput(ByteStream* source, RatioGuard guard) : raw_(source) {
  compression_ = SniffCompression(raw_.Peek(4));
  switch (compression_) {
    case Compression::kNone:
      return;
    case Compression::kGzip:
      decoder_ = std::make_unique<GzipStream>(&raw_, guard);
      break;
    case Compression::kZstd:
      decoder_ = std::make_unique<ZstdStream>(&raw_, guard);
      break;
  }
  decoded_ = std::make_unique<BufferedReader>(decoder_.get());
}

}  // namespace dossier
