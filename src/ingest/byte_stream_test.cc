// Tests for byte_stream.h, gzip_stream.h, zstd_stream.h, decoded_input.h.
#include "ingest/byte_stream.h"

#include <chrono>

#include <gtest/gtest.h>
#include <unistd.h>

#include "ingest/decoded_input.h"
#include "ingest/gzip_stream.h"
#include "ingest/ingest_test_util.h"
#include "ingest/zstd_stream.h"

namespace dossier {
namespace {

using testing_util::Gzip;
using testing_util::TempDir;
using testing_util::WriteFile;
using testing_util::Zstd;

// Hands out at most `step` bytes per Read: exercises every buffer boundary.
class TrickleStream : public ByteStream {
 public:
  TrickleStream(std::string data, size_t step) : data_(std::move(data)), step_(step) {}
  Result<size_t> Read(char* buf, size_t n) override {
    size_t take = std::min({n, step_, data_.size() - pos_});
    std::copy_n(data_.data() + pos_, take, buf);
    pos_ += take;
    return take;
  }

 private:
  std::string data_;
  size_t step_;
  size_t pos_ = 0;
};

// Reads a stream to its end: the bytes, and the status it ended with.
std::pair<std::string, Status> Drain(ByteStream* s) {
  std::string out;
  char buf[7000];
  for (;;) {
    Result<size_t> n = s->Read(buf, sizeof buf);
    if (!n.ok()) return {out, n.status()};
    if (*n == 0) return {out, Status::OK()};
    out.append(buf, *n);
  }
}

std::string Text(size_t n) {
  std::string s;
  for (size_t i = 0; s.size() < n; ++i)
    s += "line " + std::to_string(i) + " of some article text\n";
  s.resize(n);
  return s;
}

const RatioGuard kNoLimit{};

TEST(FdStreamTest, ReadsAFileAndReportsMissingOnes) {
  TempDir dir;
  WriteFile(dir / "a.txt", "hello world");
  Result<std::unique_ptr<FdStream>> f = OpenFileStream(dir / "a.txt");
  ASSERT_TRUE(f.ok());
  auto [bytes, status] = Drain(f->get());
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(bytes, "hello world");

  Result<std::unique_ptr<FdStream>> missing = OpenFileStream(dir / "nope.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(missing.status().message(), "cannot open: No such file or directory");
}

TEST(FdStreamTest, ReadingADirectoryIsAnError) {
  TempDir dir;
  Result<std::unique_ptr<FdStream>> f = OpenFileStream(dir.path());
  ASSERT_TRUE(f.ok());  // open(2) accepts a directory; read(2) does not
  auto [bytes, status] = Drain(f->get());
  EXPECT_EQ(status.message(), "cannot read: Is a directory");
}

TEST(SniffCompressionTest, ByMagicNumber) {
  struct Case {
    std::string head;
    Compression want;
  } cases[] = {
      {"\x1f\x8b\x08\x00", Compression::kGzip},
      {"\x28\xb5\x2f\xfd", Compression::kZstd},
      {"\x50\x2a\x4d\x18", Compression::kZstd},  // skippable frame
      {"\x28\xb5\x2f", Compression::kNone},      // too short
      {"\x1f", Compression::kNone},
      {"{\"text\"", Compression::kNone},
      {"", Compression::kNone},
  };
  for (const Case& c : cases) EXPECT_EQ(SniffCompression(c.head), c.want) << c.head;
}

TEST(GzipStreamTest, InflatesSingleAndMultiMemberStreams) {
  std::string a = Text(300000), b = Text(5), c = Text(70000);
  std::string multi = Gzip(a) + Gzip("") + Gzip(b) + Gzip(c, 1);
  for (size_t step : {size_t{1}, size_t{3}, size_t{4096}, size_t{1} << 20}) {
    TrickleStream src(multi, step);
    GzipStream gz(&src, kNoLimit);
    auto [bytes, status] = Drain(&gz);
    EXPECT_TRUE(status.ok()) << status.ToString();
    EXPECT_EQ(bytes, a + b + c) << "step " << step;
  }
}

TEST(GzipStreamTest, ZeroPaddingAfterTheLastMemberIsIgnored) {
  StringStream src(Gzip("abc") + std::string(100, '\0'));
  GzipStream gz(&src, kNoLimit);
  auto [bytes, status] = Drain(&gz);
  EXPECT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(bytes, "abc");
}

TEST(GzipStreamTest, TrailingGarbageIsAnErrorAfterTheData) {
  std::string gz_bytes = Gzip("abc");
  StringStream src(gz_bytes + "garbage");
  GzipStream gz(&src, kNoLimit);
  auto [bytes, status] = Drain(&gz);
  EXPECT_EQ(bytes, "abc");
  EXPECT_EQ(status.message(), "trailing garbage after gzip stream at compressed offset " +
                                  std::to_string(gz_bytes.size()));
}

TEST(GzipStreamTest, TruncatedStreamDeliversWhatWasThereThenOneError) {
  std::string data = Text(400000);
  std::string gz_bytes = Gzip(data);
  size_t cut = gz_bytes.size() * 3 / 4;
  StringStream src(gz_bytes.substr(0, cut));
  GzipStream gz(&src, kNoLimit);
  auto [bytes, status] = Drain(&gz);
  EXPECT_EQ(status.message(), "truncated gzip stream at compressed offset " + std::to_string(cut));
  EXPECT_GT(bytes.size(), data.size() / 2);
  EXPECT_EQ(bytes, data.substr(0, bytes.size()));
  // Sticky.
  char buf[16];
  EXPECT_EQ(gz.Read(buf, sizeof buf).status().message(), status.message());
}

TEST(GzipStreamTest, CorruptDataIsAnError) {
  std::string gz_bytes = Gzip(Text(10000));
  gz_bytes[gz_bytes.size() / 2] ^= 0x55;
  gz_bytes[gz_bytes.size() / 2 + 1] ^= 0x55;
  StringStream src(gz_bytes);
  GzipStream gz(&src, kNoLimit);
  auto [bytes, status] = Drain(&gz);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("gzip stream at compressed offset"), std::string::npos)
      << status.message();
}

TEST(ZstdStreamTest, DecompressesFramesBackToBack) {
  std::string a = Text(1 << 20), b = Text(10);
  std::string skippable(
      "\x50\x2a\x4d\x18\x04\x00\x00\x00"
      "abcd",
      12);
  for (size_t step : {size_t{1}, size_t{5000}, size_t{1} << 20}) {
    TrickleStream src(skippable + Zstd(a) + Zstd(b, 19), step);
    ZstdStream zs(&src, kNoLimit);
    auto [bytes, status] = Drain(&zs);
    EXPECT_TRUE(status.ok()) << status.ToString();
    EXPECT_EQ(bytes, a + b) << "step " << step;
  }
}

TEST(ZstdStreamTest, TruncatedStreamIsOneErrorAfterTheData) {
  std::string data = Text(2 << 20);
  std::string z = Zstd(data);
  size_t cut = z.size() / 2;
  StringStream src(z.substr(0, cut));
  ZstdStream zs(&src, kNoLimit);
  auto [bytes, status] = Drain(&zs);
  EXPECT_EQ(status.message(), "truncated zstd stream at compressed offset " + std::to_string(cut));
  EXPECT_EQ(bytes, data.substr(0, bytes.size()));
}

TEST(ZstdStreamTest, CorruptDataIsAnError) {
  std::string z = Zstd(Text(100000));
  for (size_t i = 20; i < 60; ++i) z[i] = static_cast<char>(z[i] ^ 0xA5);
  StringStream src(z);
  ZstdStream zs(&src, kNoLimit);
  auto [bytes, status] = Drain(&zs);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("zstd stream at compressed offset"), std::string::npos)
      << status.message();
}

TEST(DecodedInputTest, ChoosesByMagicNotByName) {
  std::string text = "plain text, not compressed";
  struct Case {
    std::string bytes;
    Compression want;
  } cases[] = {{text, Compression::kNone},
               {Gzip(text), Compression::kGzip},
               {Zstd(text), Compression::kZstd},
               {"", Compression::kNone}};
  for (const Case& c : cases) {
    StringStream src(c.bytes);
    DecodedInput input(&src, kNoLimit);
    EXPECT_EQ(input.compression(), c.want);
    auto [bytes, status] = Drain(&input.reader());
    EXPECT_TRUE(status.ok());
    EXPECT_EQ(bytes, c.bytes.empty() ? "" : text);
  }
}

// 1 GiB that compresses ~1000:1: repeated members of one compressed block.
std::string Bomb(bool zstd) {
  std::string block(1 << 20, 'a');
  std::string member = zstd ? Zstd(block, 1) : Gzip(block, 6);
  std::string out;
  for (int i = 0; i < 1024; ++i) out += member;
  return out;
}

TEST(RatioGuardTest, ZipBombsStopEarly) {
  for (bool zstd : {false, true}) {
    auto start = std::chrono::steady_clock::now();
    std::string bomb = Bomb(zstd);
    StringStream src(bomb);
    DecodedInput input(&src, RatioGuard{200, 8 << 20});
    auto [bytes, status] = Drain(&input.reader());
    EXPECT_EQ(status.code(), Status::Code::kLimitExceeded);
    EXPECT_NE(status.message().find("expands more than 200 times"), std::string::npos)
        << status.message();
    EXPECT_LT(bytes.size(), 64u << 20);  // stopped long before 1 GiB
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  }
}

TEST(RatioGuardTest, OrdinaryCompressionPasses) {
  std::string data = Text(4 << 20);
  StringStream src(Gzip(data));
  DecodedInput input(&src, RatioGuard{20, 0});
  auto [bytes, status] = Drain(&input.reader());
  EXPECT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(bytes, data);
}

}  // namespace
}  // namespace dossier
