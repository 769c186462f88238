// Tested by jsonl_reader_test.cc.
#include "ingest/jsonl_reader.h"

#include <cstdint>
#include <string_view>

#include "base/ascii.h"
#include "ingest/json_metadata.h"

namespace dossier {
namespace {

using Json = nlohmann::json;

// The body field: `text` if it is a non-empty string, else `html`.
Status TakeBody(Json& object, RawRecord* record) {
  const char* keys[] = {"text", "html"};
  for (const char* key : keys) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) continue;
    if (!it->is_string()) {
      return Status::InvalidInput(std::string("field \"") + key + "\" is not a string");
    }
    std::string& value = it->get_ref<std::string&>();
    if (value.empty() || !record->body.empty()) continue;
    record->body = std::move(value);
    record->kind = key[0] == 'h' ? ContentKind::kHtml : ContentKind::kText;
  }
  if (record->body.empty()) return Status::InvalidInput("no \"text\" or \"html\" field");
  return Status::OK();
}

// ParseFlatJsonLine, over one line. Every method returns false as soon as
// the line leaves the flat shape or is not valid JSON: the caller then
// gives the line to nlohmann, which decides (and words any error).
class FlatLineParser {
 public:
  explicit FlatLineParser(std::string_view line)
      : p_(line.data()), end_(line.data() + line.size()) {}

  bool Parse(RawRecord* record);

 private:
  // The fields a record takes, in the order of `seen_` bits.
  enum Field { kId, kUrl, kTitle, kPublished, kOutlet, kLanguage, kAuthor, kText, kHtml, kOther };

  void SkipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool Consume(char c) {
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  bool ConsumeWord(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) {
      return false;
    }
    p_ += word.size();
    return true;
  }
  // A JSON string (after its opening quote), decoded and appended to *out
  // (or only checked when out is null). Strict UTF-8, as nlohmann is.
  bool String(std::string* out);
  bool Escape(std::string* out);
  bool Hex4(uint32_t* value);
  static Field FieldOf(std::string_view key);

  const char* p_;
  const char* end_;
};

bool FlatLineParser::Hex4(uint32_t* value) {
  if (end_ - p_ < 4) return false;
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) {
    const char c = *p_++;
    v <<= 4;
    if (c >= '0' && c <= '9') {
      v |= static_cast<uint32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      v |= static_cast<uint32_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      v |= static_cast<uint32_t>(c - 'A' + 10);
    } else {
      return false;
    }
  }
  *value = v;
  return true;
}

bool FlatLineParser::Escape(std::string* out) {
  if (p_ == end_) return false;
  const char c = *p_++;
  char plain = 0;
  switch (c) {
    case '"':
    case '\\':
    case '/':
      plain = c;
      break;
    case 'b':
      plain = '\b';
      break;
    case 'f':
      plain = '\f';
      break;
    case 'n':
      plain = '\n';
      break;
    case 'r':
      plain = '\r';
      break;
    case 't':
      plain = '\t';
      break;
    case 'u':
      break;
    default:
      return false;
  }
  if (c != 'u') {
    if (out != nullptr) out->push_back(plain);
    return true;
  }
  uint32_t cp;
  if (!Hex4(&cp)) return false;
  if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a lone low surrogate
  if (cp >= 0xD800 && cp <= 0xDBFF) {
    uint32_t low;
    if (!ConsumeWord("\\u") || !Hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
  }
  if (out == nullptr) return true;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  return true;
}

bool FlatLineParser::String(std::string* out) {
  for (;;) {
    // A run of bytes copied as they are: printable ASCII, then well-formed
    // UTF-8 sequences (RFC 3629: no overlongs, surrogates or > U+10FFFF).
    const char* run = p_;
    while (p_ < end_) {
      const auto c = static_cast<unsigned char>(*p_);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        ++p_;
        continue;
      }
      if (c < 0x80) break;
      const auto* u = reinterpret_cast<const unsigned char*>(p_);
      const ptrdiff_t left = end_ - p_;
      auto cont = [&](int i) { return i < left && (u[i] & 0xC0) == 0x80; };
      if (c >= 0xC2 && c <= 0xDF) {
        if (!cont(1)) return false;
        p_ += 2;
      } else if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(1) || !cont(2)) return false;
        if ((c == 0xE0 && u[1] < 0xA0) || (c == 0xED && u[1] > 0x9F)) return false;
        p_ += 3;
      } else if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3)) return false;
        if ((c == 0xF0 && u[1] < 0x90) || (c == 0xF4 && u[1] > 0x8F)) return false;
        p_ += 4;
      } else {
        return false;
      }
    }
    if (out != nullptr) out->append(run, static_cast<size_t>(p_ - run));
    if (p_ == end_) return false;  // unterminated
    const char c = *p_++;
    if (c == '"') return true;
    if (c != '\\' || !Escape(out)) return false;  // a control character, or a bad escape
  }
}

FlatLineParser::Field FlatLineParser::FieldOf(std::string_view key) {
  static constexpr std::string_view kNames[] = {
      "id", "url", "title", "published", "outlet", "language", "author", "text", "html"};
  for (size_t i = 0; i < std::size(kNames); ++i) {
    if (key == kNames[i]) return static_cast<Field>(i);
  }
  return kOther;
}

bool FlatLineParser::Parse(RawRecord* record) {
  std::string* const targets[] = {&record->id,        &record->url,    &record->title,
                                  &record->published, &record->outlet, &record->language,
                                  &record->author};
  std::string text, html, key;
  unsigned seen = 0;
  SkipSpace();
  if (!Consume('{')) return false;
  SkipSpace();
  if (!Consume('}')) {
    for (;;) {
      key.clear();
      if (!Consume('"') || !String(&key)) return false;
      SkipSpace();
      if (!Consume(':')) return false;
      SkipSpace();
      const Field field = FieldOf(key);
      if (field != kOther) {
        if (seen & (1u << field)) return false;  // nlohmann keeps the last one: let it
        seen |= 1u << field;
      }
      if (Consume('"')) {
        std::string* out = field == kText    ? &text
                           : field == kHtml  ? &html
                           : field == kOther ? nullptr
                                             : targets[field];
        // The body is most of the line: one allocation for it.
        if (field == kText || field == kHtml) out->reserve(static_cast<size_t>(end_ - p_));
        if (!String(out)) return false;
      } else if (ConsumeWord("null")) {
        // absent
      } else if (field == kOther && (ConsumeWord("true") || ConsumeWord("false"))) {
        // ignored
      } else {
        return false;  // numbers, arrays, objects, errors
      }
      SkipSpace();
      if (Consume(',')) {
        SkipSpace();
        continue;
      }
      if (Consume('}')) break;
      return false;
    }
  }
  SkipSpace();
  if (p_ != end_) return false;
  if (!text.empty()) {
    record->body = std::move(text);
    record->kind = ContentKind::kText;
  } else if (!html.empty()) {
    record->body = std::move(html);
    record->kind = ContentKind::kHtml;
  } else {
    return false;  // no body: an error, which nlohmann's path words
  }
  record->charset = "utf-8";
  return true;
}

}  // namespace

namespace jsonl_internal {

Result<RawRecord> ParseJsonLine(std::string_view line) {
  Result<Json> parsed = ParseJsonObjectText(line);
  if (!parsed.ok()) return parsed.status();
  Json& object = *parsed;
  if (!object.is_object()) return Status::InvalidInput("not a JSON object");
  RawRecord record;
  DOSSIER_RETURN_IF_ERROR(ApplyJsonMetadata(object, &record));
  DOSSIER_RETURN_IF_ERROR(TakeBody(object, &record));
  record.charset = "utf-8";  // JSON text is UTF-8 (RFC 8259)
  return record;
}

bool ParseFlatJsonLine(std::string_view line, RawRecord* record) {
  *record = RawRecord();
  if (FlatLineParser(line).Parse(record)) return true;
  *record = RawRecord();
  return false;
}

}  // namespace jsonl_internal

void ReadJsonLines(BufferedReader& in, const std::string& path, const IngestOptions& options,
                   RecordSink* sink) {
  std::string line;
  uint64_t number = 0;
  while (!sink->stopped()) {
    BufferedReader::LineStatus got = in.ReadLine(&line, options.max_record_bytes);
    if (got == BufferedReader::LineStatus::kEnd) break;
    ++number;
    std::string locator = "line " + std::to_string(number);
    if (got == BufferedReader::LineStatus::kTooLong) {
      sink->Error(path, locator,
                  "longer than " + std::to_string(options.max_record_bytes) + " bytes");
      continue;
    }
    std::string_view text = line;
    if (number == 1 && text.substr(0, 3) == "\xef\xbb\xbf") text.remove_prefix(3);
    if (ascii::IsBlank(text)) continue;  // (a line holds no '\n')
    // Most lines are flat objects of strings: read those in one pass, and
    // give the rest (and every line with an error) to nlohmann.
    RawRecord flat;
    Result<RawRecord> record = jsonl_internal::ParseFlatJsonLine(text, &flat)
                                   ? Result<RawRecord>(std::move(flat))
                                   : jsonl_internal::ParseJsonLine(text);
    if (!record.ok()) {
      sink->Error(path, locator, record.status().message());
      continue;
    }
    record->path = path;
    record->locator = std::move(locator);
    sink->Emit(std::move(*record));
  }
  if (!in.status().ok()) {
    sink->Error(path, "line " + std::to_string(number + 1), in.status().message());
  }
}

}  // namespace dossier
