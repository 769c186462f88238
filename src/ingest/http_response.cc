// Tested by warc_reader_test.cc.
#include "ingest/http_response.h"

#include <charconv>
#include <climits>
#include <memory>

#include <zlib.h>

#include "base/ascii.h"
#include "ingest/buffered_reader.h"
#include "ingest/byte_stream.h"
#include "ingest/decoded_input.h"
#include "ingest/gzip_stream.h"
#include "ingest/zstd_stream.h"

namespace dossier {
namespace {

// Splits off the next line (without its CR LF or LF).
std::string_view NextLine(std::string_view* rest) {
  size_t nl = rest->find('\n');
  std::string_view line = rest->substr(0, nl);
  rest->remove_prefix(nl == std::string_view::npos ? rest->size() : nl + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

void ParseContentType(std::string_view value, HttpResponseHead* head) {
  size_t semi = value.find(';');
  head->media_type = ascii::ToLower(ascii::Trim(value.substr(0, semi), kHeaderSpaces));
  while (semi != std::string_view::npos) {
    value.remove_prefix(semi + 1);
    semi = value.find(';');
    std::string_view param = ascii::Trim(value.substr(0, semi), kHeaderSpaces);
    size_t eq = param.find('=');
    if (eq == std::string_view::npos ||
        !ascii::EqualsNoCase(ascii::Trim(param.substr(0, eq), kHeaderSpaces), "charset")) {
      continue;
    }
    std::string_view charset = ascii::Trim(param.substr(eq + 1), kHeaderSpaces);
    if (charset.size() >= 2 && (charset.front() == '"' || charset.front() == '\'') &&
        charset.back() == charset.front()) {
      charset = charset.substr(1, charset.size() - 2);
    }
    head->charset = std::string(ascii::Trim(charset, kHeaderSpaces));
  }
}

// Reads the whole of `stream` into *out, at most max_bytes.
Status Drain(ByteStream* stream, size_t max_bytes, std::string* out) {
  BufferedReader reader(stream, 64 << 10);
  out->clear();
  reader.Append(out, uint64_t{max_bytes} + 1);
  if (!reader.status().ok()) return reader.status();
  if (out->size() > max_bytes) {
    return Status::LimitExceeded("decoded payload larger than " + std::to_string(max_bytes) +
                                 " bytes");
  }
  return Status::OK();
}

// zlib-wrapped (RFC 1950, what the RFC means) or raw (what servers send).
Status Inflate(std::string_view in, size_t max_bytes, bool zlib_wrapped, std::string* out) {
  z_stream strm{};
  if (inflateInit2(&strm, zlib_wrapped ? 15 : -15) != Z_OK) {
    return Status::Internal("zlib inflateInit2 failed");
  }
  strm.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  strm.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), UINT_MAX));
  out->clear();
  char buf[16 << 10];
  int rc = Z_OK;
  while (rc == Z_OK) {
    strm.next_out = reinterpret_cast<Bytef*>(buf);
    strm.avail_out = sizeof buf;
    rc = inflate(&strm, Z_NO_FLUSH);
    out->append(buf, sizeof buf - strm.avail_out);
    if (out->size() > max_bytes) rc = Z_MEM_ERROR;
  }
  inflateEnd(&strm);
  if (out->size() > max_bytes) {
    return Status::LimitExceeded("decoded payload larger than " + std::to_string(max_bytes) +
                                 " bytes");
  }
  // Z_BUF_ERROR: the payload ends early; keep what decoded.
  if (rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
    return Status::InvalidInput("corrupt deflate payload");
  }
  return Status::OK();
}

}  // namespace

size_t FindHttpHeaderEnd(std::string_view data) {
  size_t crlf = data.find("\r\n\r\n");
  size_t lf = data.find("\n\n");
  if (crlf == std::string_view::npos && lf == std::string_view::npos) return std::string_view::npos;
  if (lf == std::string_view::npos || (crlf != std::string_view::npos && crlf < lf))
    return crlf + 4;
  return lf + 2;
}

Result<HttpResponseHead> ParseHttpResponseHead(std::string_view head) {
  std::string_view rest = head;
  std::string_view status_line = NextLine(&rest);
  // "HTTP/1.1 200 OK", "HTTP/2 200"
  if (status_line.substr(0, 5) != "HTTP/") {
    return Status::InvalidInput("malformed HTTP status line");
  }
  size_t sp = status_line.find(' ');
  if (sp == std::string_view::npos) return Status::InvalidInput("malformed HTTP status line");
  std::string_view code = ascii::Trim(status_line.substr(sp + 1), kHeaderSpaces).substr(0, 3);
  HttpResponseHead out;
  auto [end, ec] = std::from_chars(code.data(), code.data() + code.size(), out.status);
  if (ec != std::errc() || end != code.data() + code.size() || code.size() != 3) {
    return Status::InvalidInput("malformed HTTP status line");
  }
  while (!rest.empty()) {
    std::string_view line = NextLine(&rest);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = ascii::Trim(line.substr(0, colon), kHeaderSpaces);
    std::string_view value = ascii::Trim(line.substr(colon + 1), kHeaderSpaces);
    if (ascii::EqualsNoCase(name, "content-type")) {
      ParseContentType(value, &out);
    } else if (ascii::EqualsNoCase(name, "transfer-encoding")) {
      out.transfer_encoding = ascii::ToLower(value);
    } else if (ascii::EqualsNoCase(name, "content-encoding")) {
      out.content_encoding = ascii::ToLower(value);
    }
  }
  return out;
}

bool DecodeChunked(std::string* body) {
  std::string_view rest = *body;
  std::string decoded;
  bool first = true;
  for (;;) {
    size_t nl = rest.find('\n');
    if (nl == std::string_view::npos) {
      if (first) return false;
      break;  // cut inside a size line
    }
    std::string_view size_line = ascii::Trim(rest.substr(0, nl), kHeaderSpaces);
    size_line =
        ascii::Trim(size_line.substr(0, size_line.find(';')), kHeaderSpaces);  // chunk extensions
    uint64_t size = 0;
    auto [end, ec] =
        std::from_chars(size_line.data(), size_line.data() + size_line.size(), size, 16);
    if (ec != std::errc() || end != size_line.data() + size_line.size() || size_line.empty()) {
      if (first) return false;
      break;
    }
    first = false;
    rest.remove_prefix(nl + 1);
    if (size == 0) break;  // last chunk; trailers ignored
    size_t take = static_cast<size_t>(std::min<uint64_t>(size, rest.size()));
    decoded.append(rest.substr(0, take));
    rest.remove_prefix(take);
    if (take < size) break;
    if (rest.substr(0, 2) == "\r\n") {
      rest.remove_prefix(2);
    } else if (rest.substr(0, 1) == "\n") {
      rest.remove_prefix(1);
    }
  }
  *body = std::move(decoded);
  return true;
}

Status DecodeContentEncoding(std::string_view encoding, size_t max_bytes, uint64_t max_ratio,
                             std::string* body) {
  std::string coding = ascii::ToLower(ascii::Trim(encoding, kHeaderSpaces));
  if (coding.empty() || coding == "identity" || coding == "none") return Status::OK();
  // Some archives store the decoded payload but keep the header: markup
  // first means there is nothing to undo.
  if (ascii::Trim(*body, kHeaderSpaces).substr(0, 1) == "<") return Status::OK();
  RatioGuard guard{max_ratio, 0};
  guard.slack = 64 << 10;  // small pages compress well; a tiny page is no bomb
  if (coding == "gzip" || coding == "x-gzip") {
    if (SniffCompression(*body) != Compression::kGzip) return Status::OK();  // already decoded
    StringStream source(std::move(*body));
    GzipStream gzip(&source, guard);
    return Drain(&gzip, max_bytes, body);
  }
  if (coding == "zstd") {
    if (SniffCompression(*body) != Compression::kZstd) return Status::OK();
    StringStream source(std::move(*body));
    ZstdStream zstd(&source, guard);
    return Drain(&zstd, max_bytes, body);
  }
  if (coding == "deflate") {
    if (body->size() < 2) return Status::OK();
    unsigned b0 = static_cast<unsigned char>((*body)[0]);
    unsigned b1 = static_cast<unsigned char>((*body)[1]);
    bool zlib_wrapped = (b0 & 0x0f) == 8 && (b0 << 8 | b1) % 31 == 0;
    std::string out;
    Status s = Inflate(*body, max_bytes, zlib_wrapped, &out);
    if (!s.ok()) return s;
    if (max_ratio != 0 && out.size() > body->size() * max_ratio + guard.slack) {
      return Status::LimitExceeded("deflate payload expands more than " +
                                   std::to_string(max_ratio) + " times (zip bomb?)");
    }
    *body = std::move(out);
    return Status::OK();
  }
  return Status::Unsupported("Content-Encoding \"" + coding + "\" is not supported");
}

}  // namespace dossier
