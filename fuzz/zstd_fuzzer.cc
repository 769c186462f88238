// Fuzz target: ZstdStream on arbitrary bytes (frames, skippable frames,
// truncation, the ratio guard), read in odd-sized chunks; then the same
// bytes zstd-compressed must come back unchanged.
// FUZZ_DEPS: dossier_ingest
#include <cstdint>
#include <string>

#include <zstd.h>

#include "fuzz_util.h"
#include "ingest/zstd_stream.h"

using dossier::fuzz::Require;

namespace {

constexpr dossier::RatioGuard kGuard{.max_ratio = 50, .slack = 1 << 16};

dossier::Result<std::string> Drain(dossier::ByteStream& stream, size_t chunk) {
  std::string out;
  char buf[4096];
  for (;;) {
    auto n = stream.Read(buf, chunk);
    if (!n.ok()) {
      auto again = stream.Read(buf, chunk);
      Require(!again.ok(), "errors are sticky");
      return n.status();
    }
    if (*n == 0) return out;
    Require(*n <= chunk, "Read returns at most n bytes");
    out.append(buf, *n);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(dossier::fuzz::AsView(data, size));
  size_t chunk = size == 0 ? 1 : 1 + data[0] % 4096;
  {
    dossier::StringStream source(bytes);
    dossier::ZstdStream zs(&source, kGuard);
    auto out = Drain(zs, chunk);
    if (out.ok()) Require(out->size() <= 50 * size + (1 << 16), "ratio guard holds");
  }
  {
    std::string packed(ZSTD_compressBound(size), '\0');
    size_t n = ZSTD_compress(packed.data(), packed.size(), bytes.data(), bytes.size(), 1);
    Require(!ZSTD_isError(n), "ZSTD_compress");
    packed.resize(n);
    dossier::StringStream source(packed);
    dossier::ZstdStream zs(&source, dossier::RatioGuard{});
    auto out = Drain(zs, chunk);
    Require(out.ok() && *out == bytes, "zstd round trip");
  }
  return 0;
}
