// Tests for buffered_reader.h.
#include "ingest/buffered_reader.h"

#include <gtest/gtest.h>

#include "ingest/gzip_stream.h"
#include "ingest/ingest_test_util.h"

namespace dossier {
namespace {

using Line = BufferedReader::LineStatus;

TEST(BufferedReaderTest, LinesAcrossBufferBoundaries) {
  std::string data = "a\nbb\r\n\nccccccccccccccccccccc\nlast";
  StringStream src(data);
  BufferedReader in(&src, /*capacity=*/4);
  std::string line;
  std::vector<std::string> lines;
  while (in.ReadLine(&line, 100) == Line::kLine) lines.push_back(line);
  EXPECT_EQ(lines, (std::vector<std::string>{"a", "bb\r", "", "ccccccccccccccccccccc", "last"}));
  EXPECT_TRUE(in.status().ok());
  EXPECT_EQ(in.offset(), data.size());
}

TEST(BufferedReaderTest, TooLongLinesAreSkippedAndCounted) {
  std::string data = "short\n" + std::string(1000, 'x') + "\nnext\n" + std::string(50, 'y');
  StringStream src(data);
  BufferedReader in(&src, 16);
  std::string line;
  EXPECT_EQ(in.ReadLine(&line, 20), Line::kLine);
  EXPECT_EQ(line, "short");
  EXPECT_EQ(in.ReadLine(&line, 20), Line::kTooLong);
  EXPECT_TRUE(line.empty());
  EXPECT_EQ(in.ReadLine(&line, 20), Line::kLine);
  EXPECT_EQ(line, "next");
  EXPECT_EQ(in.ReadLine(&line, 20), Line::kTooLong);  // the last line, without '\n'
  EXPECT_EQ(in.ReadLine(&line, 20), Line::kEnd);
}

TEST(BufferedReaderTest, LineCutByAStreamErrorIsDropped) {
  std::string gz = testing_util::Gzip("one\ntwo\nthree and more");
  StringStream src(gz.substr(0, gz.size() - 6));  // cut inside the trailer
  GzipStream gzip(&src, RatioGuard{});
  BufferedReader in(&gzip, 8);
  std::string line;
  std::vector<std::string> lines;
  while (in.ReadLine(&line, 100) == Line::kLine) lines.push_back(line);
  EXPECT_EQ(lines, (std::vector<std::string>{"one", "two"}));
  EXPECT_NE(in.status().message().find("truncated gzip stream"), std::string::npos);
}

TEST(BufferedReaderTest, PeekAppendSkip) {
  StringStream src("0123456789abcdef");
  BufferedReader in(&src, 8);
  EXPECT_EQ(in.Peek(3).substr(0, 3), "012");
  in.Consume(2);
  std::string out;
  EXPECT_EQ(in.Append(&out, 5), 5u);
  EXPECT_EQ(out, "23456");
  EXPECT_EQ(in.Skip(4), 4u);
  EXPECT_EQ(in.offset(), 11u);
  EXPECT_EQ(in.Peek(100), "bcdef");  // at most what is left
  EXPECT_EQ(in.Skip(100), 5u);
  EXPECT_TRUE(in.AtEnd());
  EXPECT_TRUE(in.status().ok());
}

TEST(BufferedReaderTest, ReadBypassesTheBufferForLargeReads) {
  std::string data(100000, 'q');
  StringStream src(data);
  BufferedReader in(&src, 1024);
  EXPECT_EQ(in.Peek(10).size(), 1024u);
  std::string got;
  std::vector<char> buf(50000);
  for (;;) {
    Result<size_t> n = in.Read(buf.data(), buf.size());
    ASSERT_TRUE(n.ok());
    if (*n == 0) break;
    got.append(buf.data(), *n);
  }
  EXPECT_EQ(got, data);
  EXPECT_EQ(in.offset(), data.size());
}

}  // namespace
}  // namespace dossier
