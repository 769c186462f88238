#include "scaleout/record_message.h"

#include <gtest/gtest.h>

namespace dossier::scaleout {
namespace {

TEST(RecordMessage, RoundTripsEveryFieldAndRawBytes) {
  RawRecord r;
  r.path = "feeds/a.xml";
  r.locator = "item 3";
  r.kind = ContentKind::kHtml;
  r.body = std::string("<p>caf\xe9 \0 x</p>", 15);  // Latin-1 and a NUL: bytes as found
  r.charset = "iso-8859-1";
  r.id = "x1";
  r.url = "https://example.org/a";
  r.title = "Title\nwith a newline";
  r.published = "2021-07-22";
  r.outlet = "Example";
  r.language = "fr";
  r.author = "A. B.";
  const std::string bytes = EncodeRecord(r);
  Result<RawRecord> back = DecodeRecord(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(EncodeRecord(*back), bytes);
  EXPECT_EQ(back->body, r.body);
  EXPECT_EQ(back->kind, ContentKind::kHtml);
  EXPECT_EQ(RecordMessageId(bytes), RecordMessageId(EncodeRecord(*back)));
  r.body += "!";
  EXPECT_NE(RecordMessageId(EncodeRecord(r)), RecordMessageId(bytes));
}

TEST(RecordMessage, RejectsWhatItDidNotWrite) {
  for (const char* bad : {"", "DREC1\n", "DREC1\n3:ab", "hello", "DREC1\n99999999999999:x"}) {
    EXPECT_EQ(DecodeRecord(bad).status().code(), Status::Code::kCorruption) << bad;
  }
  std::string extra = EncodeRecord(RawRecord()) + "x";
  EXPECT_FALSE(DecodeRecord(extra).ok());
}

}  // namespace
}  // namespace dossier::scaleout
