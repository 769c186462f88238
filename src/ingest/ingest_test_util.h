// Test helpers for the ingest tests: fixtures written on the fly (temporary
// directories, gzip and zstd made in memory) and a collector of what a read
// delivered.
#ifndef DOSSIER_INGEST_INGEST_TEST_UTIL_H_
#define DOSSIER_INGEST_INGEST_TEST_UTIL_H_

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <zlib.h>
#include <zstd.h>

#include "base/scoped_temp_dir.h"
#include "ingest/byte_stream.h"
#include "ingest/ingest.h"
#include "ingest/read_stream.h"

namespace dossier {
namespace testing_util {

// A fresh directory, removed with everything in it at the end of the test.
class TempDir : public ScopedTempDir {
 public:
  TempDir() : ScopedTempDir("ingest") {}
};

inline void WriteFile(const std::string& path, std::string_view content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  ASSERT_TRUE(out.good()) << path;
}

// One gzip member.
inline std::string Gzip(std::string_view data, int level = 6) {
  z_stream s{};
  EXPECT_EQ(deflateInit2(&s, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&s, data.size()) + 64, '\0');
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  s.avail_in = static_cast<uInt>(data.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&s, Z_FINISH), Z_STREAM_END);
  out.resize(s.total_out);
  deflateEnd(&s);
  return out;
}

// One zstd frame.
inline std::string Zstd(std::string_view data, int level = 3) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), level);
  EXPECT_FALSE(ZSTD_isError(n));
  out.resize(n);
  return out;
}

struct Collected {
  std::vector<RawRecord> records;
  std::vector<InputError> errors;
  IngestCounts counts;

  std::vector<std::string> ErrorStrings() const {
    std::vector<std::string> out;
    for (const InputError& e : errors) out.push_back(e.ToString());
    return out;
  }
  std::vector<std::string> Locators() const {
    std::vector<std::string> out;
    for (const RawRecord& r : records) out.push_back(r.locator);
    return out;
  }
  std::vector<std::string> Bodies() const {
    std::vector<std::string> out;
    for (const RawRecord& r : records) out.push_back(r.body);
    return out;
  }
};

inline Collected ReadPath(const std::string& input, const IngestOptions& options = {}) {
  Collected c;
  c.counts = ReadInput(
      input, options,
      [&](RawRecord&& r) {
        c.records.push_back(std::move(r));
        return true;
      },
      [&](const InputError& e) { c.errors.push_back(e); });
  return c;
}

// Reads bytes held in memory as if they were a file called `path`.
inline Collected ReadBytes(std::string bytes, std::optional<Format> format = std::nullopt,
                           const IngestOptions& options = {}, std::string path = "mem") {
  Collected c;
  StringStream stream(std::move(bytes));
  StreamInput input;
  input.bytes = &stream;
  input.path = std::move(path);
  input.format = format;
  c.counts = ReadStream(
      input, options,
      [&](RawRecord&& r) {
        c.records.push_back(std::move(r));
        return true;
      },
      [&](const InputError& e) { c.errors.push_back(e); });
  return c;
}

}  // namespace testing_util
}  // namespace dossier

#endif  // DOSSIER_INGEST_INGEST_TEST_UTIL_H_
