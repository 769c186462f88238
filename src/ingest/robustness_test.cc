// Mutated inputs: every reader survives random damage (run under ASan/UBSan
// this is a small fuzzer): no crash, no hang, and what it delivers is
// consistent with the counts. Deterministic: a fixed seed.
#include <random>

#include <gtest/gtest.h>

#include "ingest/ingest_test_util.h"

namespace dossier {
namespace {

using testing_util::Collected;
using testing_util::Gzip;
using testing_util::ReadBytes;
using testing_util::Zstd;

std::vector<std::string> Seeds() {
  std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5\r\n<p>ab\r\n3\r\nc</p\r\n1\r\n>\r\n0\r\n\r\n";
  std::string warc_record =
      "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://e/x\r\n"
      "Content-Type: application/http; msgtype=response\r\nContent-Length: " +
      std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
  return {
      "{\"id\":1,\"text\":\"one\",\"title\":\"t\"}\n{\"html\":\"<p>two</"
      "p>\",\"url\":\"u\"}\n\n{\"text\":\"3\"}",
      "<?xml version=\"1.0\"?><rss "
      "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
      "<title>T</title><item><title>a</title><content:encoded><![CDATA[<p>x</p>]]></"
      "content:encoded>"
      "</item><item><description>&lt;b&gt;y&nbsp;</description><guid>http://g</guid></item></"
      "channel></rss>",
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><author><name>n</name></author><content "
      "type=\"xhtml\"><div><p a=\"1\">x<br/></p></div></content></entry></feed>",
      warc_record + warc_record,
      "<!DOCTYPE html><html><body><p>page</p></body></html>",
      "Plain text article.\n\nWith two paragraphs.\n",
  };
}

std::string Mutate(std::string s, std::mt19937& rng) {
  int edits = 1 + static_cast<int>(rng() % 4);
  for (int i = 0; i < edits && !s.empty(); ++i) {
    size_t at = rng() % s.size();
    switch (rng() % 5) {
      case 0:
        s[at] = static_cast<char>(rng());
        break;
      case 1:
        s.erase(at, 1 + rng() % 8);
        break;
      case 2:
        s.insert(at, std::string(1 + rng() % 4, static_cast<char>(rng())));
        break;
      case 3:
        s.resize(at);
        break;
      case 4:
        s.insert(at, s.substr(rng() % s.size(), rng() % 32));
        break;
    }
  }
  return s;
}

#ifndef DOSSIER_ROBUSTNESS_ROUNDS
#define DOSSIER_ROBUSTNESS_ROUNDS 60  // raise it for a longer fuzzing session
#endif
constexpr int kRounds = DOSSIER_ROBUSTNESS_ROUNDS;

TEST(RobustnessTest, MutatedInputsNeverCrashAndAreCountedRight) {
  std::mt19937 rng(20240601);
  IngestOptions options;
  options.max_record_bytes = 4096;
  int runs = 0;
  for (const std::string& seed : Seeds()) {
    for (int i = 0; i < kRounds; ++i) {
      std::string plain = Mutate(seed, rng);
      for (const std::string& bytes : {plain, Mutate(Gzip(seed), rng), Mutate(Zstd(seed), rng),
                                       Gzip(plain) + Mutate(Gzip(seed), rng)}) {
        Collected c = ReadBytes(bytes, std::nullopt, options);
        ++runs;
        ASSERT_EQ(c.counts.records, c.records.size());
        ASSERT_EQ(c.counts.errors, c.errors.size());
        for (const InputError& e : c.errors) {
          ASSERT_EQ(e.path, "mem");
          ASSERT_FALSE(e.message.empty());
        }
        for (const RawRecord& r : c.records) {
          ASSERT_EQ(r.path, "mem");
          ASSERT_LE(r.body.size(), options.max_record_bytes);
        }
      }
    }
  }
  EXPECT_EQ(runs, 6 * kRounds * 4);
}

}  // namespace
}  // namespace dossier
