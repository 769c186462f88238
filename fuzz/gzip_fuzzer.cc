// Fuzz target: GzipStream on arbitrary bytes (multi-member framing, padding,
// trailing garbage, the ratio guard), read in odd-sized chunks; then the
// same bytes gzip-compressed must come back unchanged.
// FUZZ_DEPS: dossier_ingest
#include <cstdint>
#include <string>

#include <zlib.h>

#include "fuzz_util.h"
#include "ingest/gzip_stream.h"

using dossier::fuzz::Require;

namespace {

constexpr dossier::RatioGuard kGuard{.max_ratio = 50, .slack = 1 << 16};

// Reads the stream to its end or first error; the error must be sticky.
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

std::string Gzip(const std::string& data) {
  z_stream z{};
  Require(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK, "deflateInit2");
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  Require(deflate(&z, Z_FINISH) == Z_STREAM_END, "deflate");
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(dossier::fuzz::AsView(data, size));
  size_t chunk = size == 0 ? 1 : 1 + data[0] % 4096;
  {
    dossier::StringStream source(bytes);
    dossier::GzipStream gz(&source, kGuard);
    auto out = Drain(gz, chunk);
    if (out.ok()) Require(out->size() <= 50 * size + (1 << 16), "ratio guard holds");
  }
  {
    dossier::StringStream source(Gzip(bytes));
    dossier::GzipStream gz(&source, dossier::RatioGuard{});
    auto out = Drain(gz, chunk);
    Require(out.ok() && *out == bytes, "gzip round trip");
  }
  return 0;
}
