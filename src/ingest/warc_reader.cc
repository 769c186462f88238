// Tested by warc_reader_test.cc.
#include "ingest/warc_reader.h"

#include <charconv>
#include <string_view>

#include "base/ascii.h"
#include "ingest/http_response.h"

namespace dossier {
namespace {

constexpr size_t kMaxHeaderLine = 64 << 10;
constexpr size_t kMaxHeaderLines = 1000;
constexpr size_t kMaxHttpHead = 64 << 10;

bool IsVersionLine(std::string_view line) {
  return line.size() > 5 && line.substr(0, 5) == "WARC/" && line[5] >= '0' && line[5] <= '9';
}

struct WarcHeader {
  std::string type;
  std::string target_uri;
  std::string content_type;
  uint64_t content_length = 0;
  bool has_length = false;
};

void ParseHeaderLine(std::string_view line, WarcHeader* h) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  std::string_view name = ascii::Trim(line.substr(0, colon), kHeaderSpaces);
  std::string_view value = ascii::Trim(line.substr(colon + 1), kHeaderSpaces);
  if (ascii::EqualsNoCase(name, "WARC-Type")) {
    h->type = std::string(value);
  } else if (ascii::EqualsNoCase(name, "WARC-Target-URI")) {
    // WARC 1.1 drafts wrote the URI in angle brackets.
    if (value.size() >= 2 && value.front() == '<' && value.back() == '>') {
      value = value.substr(1, value.size() - 2);
    }
    h->target_uri = std::string(value);
  } else if (ascii::EqualsNoCase(name, "Content-Type")) {
    h->content_type = std::string(value);
  } else if (ascii::EqualsNoCase(name, "Content-Length")) {
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), h->content_length);
    h->has_length = ec == std::errc() && end == value.data() + value.size() && !value.empty();
  }
}

bool IsHtmlMediaType(std::string_view type) {
  return type == "text/html" || type == "application/xhtml+xml";
}

class WarcReader {
 public:
  WarcReader(BufferedReader& in, const std::string& path, const IngestOptions& options,
             RecordSink* sink)
      : in_(in), path_(path), options_(options), sink_(sink) {}

  void Run() {
    std::string line;
    while (!sink_->stopped() && SkipBlankLines()) {
      record_offset_ = in_.offset();
      BufferedReader::LineStatus got = in_.ReadLine(&line, kMaxHeaderLine);
      if (got == BufferedReader::LineStatus::kEnd) break;
      if (got == BufferedReader::LineStatus::kTooLong ||
          !IsVersionLine(ascii::Trim(line, kHeaderSpaces))) {
        Garbage("not a WARC record header; skipping to the next record");
        continue;
      }
      resyncing_ = false;
      ReadRecord();
    }
    if (!in_.status().ok()) sink_->Error(path_, Locator(), in_.status().message());
  }

 private:
  std::string Locator() const { return "offset " + std::to_string(record_offset_); }

  // Reports once per run of bad bytes; Run() then skips lines until the
  // next "WARC/" line.
  void Garbage(const std::string& message) {
    if (!resyncing_) sink_->Error(path_, Locator(), message);
    resyncing_ = true;
  }

  // Skips the CR LF pairs between records. False at the end of the stream.
  bool SkipBlankLines() {
    for (;;) {
      std::string_view view = in_.Peek(4096);
      if (view.empty()) return false;
      size_t n = 0;
      while (n < view.size() && (view[n] == '\r' || view[n] == '\n')) ++n;
      in_.Consume(n);
      if (n < view.size()) return true;
    }
  }

  // True when all `expected` bytes of the block were there; else reports a
  // truncated record (a stream error is reported by Run()).
  bool Complete(uint64_t expected, uint64_t got) {
    if (got >= expected) return true;
    if (in_.status().ok()) {
      sink_->Error(path_, Locator(),
                   "truncated record (expected " + std::to_string(expected) + " bytes, got " +
                       std::to_string(got) + ")");
    }
    return false;
  }

  void ReadRecord() {
    WarcHeader h;
    std::string line;
    for (size_t count = 0;; ++count) {
      BufferedReader::LineStatus got = in_.ReadLine(&line, kMaxHeaderLine);
      if (got == BufferedReader::LineStatus::kEnd) {
        if (in_.status().ok()) sink_->Error(path_, Locator(), "truncated record header");
        return;
      }
      if (got == BufferedReader::LineStatus::kTooLong || count == kMaxHeaderLines) {
        Garbage("record header too long; skipping to the next record");
        return;
      }
      std::string_view text = line;
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      if (text.empty()) break;
      ParseHeaderLine(text, &h);
    }
    if (!h.has_length) {
      Garbage("missing or invalid Content-Length; skipping to the next record");
      return;
    }
    std::string_view block_type = ascii::Trim(h.content_type, kHeaderSpaces);
    if (h.type == "response" &&
        (block_type.empty() || ascii::StartsWithNoCase(block_type, "application/http"))) {
      ReadHttpResponse(h);
    } else if (h.type == "conversion" && ascii::StartsWithNoCase(block_type, "text/plain")) {
      ReadConversion(h);
    } else {
      Complete(h.content_length, in_.Skip(h.content_length));
    }
  }

  void ReadConversion(const WarcHeader& h) {
    if (h.content_length > options_.max_record_bytes) {
      if (Complete(h.content_length, in_.Skip(h.content_length))) TooLarge("text block");
      return;
    }
    RawRecord r;
    if (!Complete(h.content_length, in_.Append(&r.body, h.content_length))) return;
    Deliver(h, ContentKind::kText, "", std::move(r));
  }

  void ReadHttpResponse(const WarcHeader& h) {
    const uint64_t length = h.content_length;
    size_t want = static_cast<size_t>(std::min<uint64_t>(length, kMaxHttpHead));
    std::string_view view = in_.Peek(want);
    view = view.substr(0, std::min(view.size(), want));
    size_t head_len = FindHttpHeaderEnd(view);
    if (head_len == std::string_view::npos) {
      // Without its blank line the block is no HTTP response, or it is cut.
      if (Complete(length, in_.Skip(length))) {
        sink_->Error(path_, Locator(), "malformed HTTP response: no end of headers");
      }
      return;
    }
    Result<HttpResponseHead> head = ParseHttpResponseHead(view.substr(0, head_len));
    in_.Consume(head_len);
    const uint64_t payload = length - head_len;
    if (!head.ok()) {
      if (Complete(payload, in_.Skip(payload)))
        sink_->Error(path_, Locator(), head.status().message());
      return;
    }
    if (head->status != 200 || !IsHtmlMediaType(head->media_type)) {
      Complete(length, head_len + in_.Skip(payload));
      return;
    }
    if (payload > options_.max_record_bytes) {
      if (Complete(length, head_len + in_.Skip(payload))) TooLarge("HTTP payload");
      return;
    }
    RawRecord r;
    if (!Complete(length, head_len + in_.Append(&r.body, payload))) return;
    if (head->transfer_encoding.find("chunked") != std::string::npos) DecodeChunked(&r.body);
    Status decoded = DecodeContentEncoding(head->content_encoding, options_.max_record_bytes,
                                           options_.max_decompression_ratio, &r.body);
    if (!decoded.ok()) {
      sink_->Error(path_, Locator(), decoded.message());
      return;
    }
    if (ascii::Trim(r.body, kHeaderSpaces).empty()) {
      sink_->Error(path_, Locator(), "empty HTML payload");
      return;
    }
    Deliver(h, ContentKind::kHtml, head->charset, std::move(r));
  }

  void TooLarge(const char* what) {
    sink_->Error(
        path_, Locator(),
        std::string(what) + " larger than " + std::to_string(options_.max_record_bytes) + " bytes");
  }

  void Deliver(const WarcHeader& h, ContentKind kind, std::string charset, RawRecord r) {
    r.path = path_;
    r.locator = Locator();
    r.kind = kind;
    r.charset = std::move(charset);
    r.url = h.target_uri;
    sink_->Emit(std::move(r));
  }

  BufferedReader& in_;
  const std::string& path_;
  const IngestOptions& options_;
  RecordSink* sink_;
  uint64_t record_offset_ = 0;
  bool resyncing_ = false;  // inside a run of garbage already reported
};

}  // namespace

void ReadWarc(BufferedReader& in, const std::string& path, const IngestOptions& options,
              RecordSink* sink) {
  WarcReader(in, path, options, sink).Run();
}

}  // namespace dossier
