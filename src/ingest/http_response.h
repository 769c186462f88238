// The HTTP side of a WARC response record: status line, headers, and the
// transfer and content codings of the payload.
//
// Thread-safety: pure functions.
#ifndef DOSSIER_INGEST_HTTP_RESPONSE_H_
#define DOSSIER_INGEST_HTTP_RESPONSE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dossier {

// The whitespace around HTTP and WARC header names and values: space, tab and
// the line ends, not '\f' or '\v' (for ascii::Trim).
inline constexpr std::string_view kHeaderSpaces = " \t\r\n";

struct HttpResponseHead {
  int status = 0;                 ///< 200, 404, ...
  std::string media_type;         ///< Content-Type without parameters, lower case
  std::string charset;            ///< Content-Type's charset parameter, unquoted, or ""
  std::string transfer_encoding;  ///< lower case, "" when absent
  std::string content_encoding;   ///< lower case, "" when absent
};

// The length of the header block at the start of `data`, including the blank
// line that ends it (CRLF CRLF, or bare LF LF); npos when it does not end
// within `data`.
size_t FindHttpHeaderEnd(std::string_view data);

// Parses "HTTP/1.1 200 OK" and the header lines after it. `head` is the
// header block (FindHttpHeaderEnd bytes). Error: InvalidInput.
Result<HttpResponseHead> ParseHttpResponseHead(std::string_view head);

// Undoes Transfer-Encoding: chunked in place. Returns false, leaving *body
// as it was, when *body does not start with a chunk-size line (archives
// often store the payload already de-chunked but keep the header). A body
// cut inside a chunk keeps the bytes that are there.
bool DecodeChunked(std::string* body);

// Undoes a Content-Encoding (gzip, x-gzip, deflate, zstd; identity) in
// place. A payload that does not start with the coding's magic number is
// taken as already decoded. The decoded size is bounded by max_bytes and by
// max_ratio times the encoded size (0: no ratio limit).
// Errors: Unsupported (br, compress, ...), InvalidInput (corrupt),
// LimitExceeded.
Status DecodeContentEncoding(std::string_view encoding, size_t max_bytes, uint64_t max_ratio,
                             std::string* body);

}  // namespace dossier

#endif  // DOSSIER_INGEST_HTTP_RESPONSE_H_
