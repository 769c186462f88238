// Tested by pivot_lexicon_test.cc.
#include "stories/dictd_file.h"

#include <fstream>
#include <sstream>

#include <zlib.h>

namespace dossier::stories {
namespace {

Result<std::string> ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<std::string> Inflate(const std::string& gz, const std::string& path) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return Status::Internal("zlib init failed");
  std::string out;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  zs.avail_in = static_cast<uInt>(gz.size());
  char buf[1 << 16];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&zs);
      return Status::Corruption(path + ": does not inflate (zlib " + std::to_string(rc) + ")");
    }
    out.append(buf, sizeof buf - zs.avail_out);
    if (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0) break;  // truncated stream
  }
  inflateEnd(&zs);
  if (rc != Z_STREAM_END) return Status::Corruption(path + ": truncated gzip data");
  return out;
}

// dictd's base64 number: digits of A-Za-z0-9+/ (most significant first).
bool DecodeNumber(std::string_view s, uint64_t* out) {
  static constexpr std::string_view kDigits =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  uint64_t v = 0;
  if (s.empty() || s.size() > 10) return false;
  for (char c : s) {
    size_t d = kDigits.find(c);
    if (d == std::string_view::npos) return false;
    v = v * 64 + d;
  }
  *out = v;
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

Result<std::vector<DictEntry>> ReadDictd(const std::string& base_path) {
  Result<std::string> index = ReadWhole(base_path + ".index");
  if (!index.ok()) return Status::NotFound("dictd index missing: " + base_path + ".index");
  std::string data;
  Result<std::string> gz = ReadWhole(base_path + ".dict.dz");
  if (gz.ok()) {
    Result<std::string> raw = Inflate(*gz, base_path + ".dict.dz");
    if (!raw.ok()) return raw.status();
    data = std::move(*raw);
  } else {
    Result<std::string> plain = ReadWhole(base_path + ".dict");
    if (!plain.ok()) return Status::NotFound("dictd data missing: " + base_path + ".dict.dz");
    data = std::move(*plain);
  }
  std::vector<DictEntry> entries;
  std::string_view rest = *index;
  int line_no = 0;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++line_no;
    if (line.empty()) continue;
    size_t t1 = line.find('\t');
    size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    uint64_t offset = 0, length = 0;
    if (t2 == std::string_view::npos || !DecodeNumber(line.substr(t1 + 1, t2 - t1 - 1), &offset) ||
        !DecodeNumber(Trim(line.substr(t2 + 1)), &length)) {
      return Status::Corruption(base_path + ".index: line " + std::to_string(line_no) +
                                " is not headword<TAB>offset<TAB>length");
    }
    if (offset > data.size() || length > data.size() - offset) {
      return Status::Corruption(base_path + ".index: line " + std::to_string(line_no) +
                                " points outside the data");
    }
    std::string_view head = line.substr(0, t1);
    if (head.substr(0, 10) == "00database") continue;
    entries.push_back({std::string(head), data.substr(offset, length)});
  }
  return entries;
}

std::vector<std::string> FreedictTranslations(std::string_view definition) {
  std::vector<std::string> out;
  size_t nl = definition.find('\n');
  if (nl == std::string_view::npos) return out;
  std::string_view rest = definition.substr(nl + 1);
  while (!rest.empty()) {
    size_t e = rest.find('\n');
    std::string_view line = Trim(rest.substr(0, e));
    rest = e == std::string_view::npos ? std::string_view() : rest.substr(e + 1);
    size_t i = 0;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
    if (i > 0 && i + 1 < line.size() && line[i] == '.' && line[i + 1] == ' ')
      line.remove_prefix(i + 2);
    std::string cleaned;
    int depth = 0;
    for (char c : line) {
      if (c == '(' || c == '[' || c == '<')
        ++depth;
      else if ((c == ')' || c == ']' || c == '>') && depth > 0)
        --depth;
      else if (depth == 0)
        cleaned.push_back(c);
    }
    std::string_view s = cleaned;
    while (!s.empty()) {
      size_t sep = s.find_first_of(",;");
      std::string_view item = Trim(s.substr(0, sep));
      if (!item.empty()) out.emplace_back(item);
      s = sep == std::string_view::npos ? std::string_view() : s.substr(sep + 1);
    }
  }
  return out;
}

}  // namespace dossier::stories
