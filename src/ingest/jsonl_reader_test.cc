// Tests for jsonl_reader.h, json_metadata.h, and JSON Lines on a pipe (the
// path ReadInput takes for "-").
#include "ingest/jsonl_reader.h"

#include <thread>

#include <gtest/gtest.h>
#include <unistd.h>

#include "ingest/ingest_test_util.h"

namespace dossier {
namespace {

using testing_util::Collected;
using testing_util::Gzip;
using testing_util::ReadBytes;

Collected ReadJsonl(std::string bytes, const IngestOptions& options = {}) {
  return ReadBytes(std::move(bytes), Format::kJsonLines, options, "in.jsonl");
}

TEST(JsonLinesTest, FieldsAndKinds) {
  Collected c = ReadJsonl(
      "{\"id\": \"a1\", \"text\": \"Body one\", \"url\": \"https://x/1\", \"title\": \"T\", "
      "\"published\": \"2021-07-22\", \"outlet\": \"Rudaw\", \"language\": \"en\", "
      "\"author\": \"Jane\", \"extra\": {\"nested\": [1, 2]}}\n"
      "{\"id\": 42, \"html\": \"<p>two</p>\", \"author\": null}\n"
      "{\"text\": \"\", \"html\": \"<p>html wins over empty text</p>\"}\n"
      "{\"text\": \"text wins\", \"html\": \"<p>x</p>\"}\n");
  ASSERT_EQ(c.errors.size(), 0u) << c.ErrorStrings()[0];
  ASSERT_EQ(c.records.size(), 4u);
  const RawRecord& r = c.records[0];
  EXPECT_EQ(r.path, "in.jsonl");
  EXPECT_EQ(r.locator, "line 1");
  EXPECT_EQ(r.kind, ContentKind::kText);
  EXPECT_EQ(r.body, "Body one");
  EXPECT_EQ(r.charset, "utf-8");
  EXPECT_EQ(r.id, "a1");
  EXPECT_EQ(r.url, "https://x/1");
  EXPECT_EQ(r.title, "T");
  EXPECT_EQ(r.published, "2021-07-22");
  EXPECT_EQ(r.outlet, "Rudaw");
  EXPECT_EQ(r.language, "en");
  EXPECT_EQ(r.author, "Jane");
  EXPECT_EQ(c.records[1].id, "42");
  EXPECT_EQ(c.records[1].kind, ContentKind::kHtml);
  EXPECT_EQ(c.records[1].author, "");
  EXPECT_EQ(c.records[2].kind, ContentKind::kHtml);
  EXPECT_EQ(c.records[3].body, "text wins");
  EXPECT_EQ(c.counts.records, 4u);
}

TEST(JsonLinesTest, BlankLinesBomAndCrlf) {
  Collected c =
      ReadJsonl("\xef\xbb\xbf{\"text\":\"a\"}\r\n\r\n   \n{\"text\":\"b\"}\r\n\n{\"text\":\"c\"}");
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(c.Bodies(), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(c.Locators(), (std::vector<std::string>{"line 1", "line 4", "line 6"}));
}

// Each bad line: exactly one error naming the line; the good lines around it
// are delivered.
TEST(JsonLinesTest, BadLinesAreOneErrorEachAndReadingGoesOn) {
  struct Case {
    std::string line;
    std::string error;
  } cases[] = {
      {"{\"text\": \"unterminated}", "in.jsonl: line 2: malformed JSON: "},
      {"{\"text\": \"a\",}", "in.jsonl: line 2: malformed JSON: "},
      {"not json at all", "in.jsonl: line 2: malformed JSON: "},
      {"{\"text\": \"a\"} trailing", "in.jsonl: line 2: malformed JSON: "},
      {"[1, 2]", "in.jsonl: line 2: not a JSON object"},
      {"\"just a string\"", "in.jsonl: line 2: not a JSON object"},
      {"{\"title\": \"no body\"}", "in.jsonl: line 2: no \"text\" or \"html\" field"},
      {"{\"text\": \"\"}", "in.jsonl: line 2: no \"text\" or \"html\" field"},
      {"{\"text\": 5}", "in.jsonl: line 2: field \"text\" is not a string"},
      {"{\"html\": [\"x\"]}", "in.jsonl: line 2: field \"html\" is not a string"},
      {"{\"text\": \"a\", \"title\": 7}", "in.jsonl: line 2: field \"title\" is not a string"},
      {"{\"text\": \"a\", \"url\": {}}", "in.jsonl: line 2: field \"url\" is not a string"},
      {"{\"text\": \"a\", \"id\": true}",
       "in.jsonl: line 2: field \"id\" is not a string or number"},
      {"{\"text\": \"bad utf-8 \xff\"}", "in.jsonl: line 2: malformed JSON: "},
  };
  for (const Case& c : cases) {
    Collected got = ReadJsonl("{\"text\":\"before\"}\n" + c.line + "\n{\"text\":\"after\"}\n");
    ASSERT_EQ(got.errors.size(), 1u) << c.line;
    EXPECT_EQ(got.errors[0].ToString().substr(0, c.error.size()), c.error) << c.line;
    EXPECT_EQ(got.errors[0].locator, "line 2");
    EXPECT_EQ(got.Bodies(), (std::vector<std::string>{"before", "after"})) << c.line;
    EXPECT_EQ(got.Locators(), (std::vector<std::string>{"line 1", "line 3"}));
    EXPECT_EQ(got.counts.errors, 1u);
  }
}

TEST(JsonLinesTest, MalformedReasonIsShortAndSaysWhere) {
  Collected c = ReadJsonl("{\"text\": \"a\" \"b\"}\n");
  ASSERT_EQ(c.errors.size(), 1u);
  const std::string& m = c.errors[0].message;
  EXPECT_EQ(m.find("[json.exception"), std::string::npos) << m;
  EXPECT_NE(m.find("column"), std::string::npos) << m;
  EXPECT_LT(m.size(), 220u);
}

TEST(JsonLinesTest, DeeplyNestedValuesAreDroppedNotRecursed) {
  std::string deep = std::string(100000, '[') + std::string(100000, ']');
  Collected c = ReadJsonl("{\"text\": \"ok\", \"junk\": " + deep + "}\n");
  EXPECT_TRUE(c.errors.empty()) << c.ErrorStrings()[0];
  EXPECT_EQ(c.Bodies(), (std::vector<std::string>{"ok"}));
}

TEST(JsonLinesTest, A50MegabyteLineIsSkippedAndTheNextLinesRead) {
  std::string huge = "{\"text\": \"" + std::string(50u << 20, 'x') + "\"}";
  Collected c = ReadJsonl("{\"text\":\"first\"}\n" + huge + "\n{\"text\":\"third\"}\n");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].ToString(), "in.jsonl: line 2: longer than 8388608 bytes");
  EXPECT_EQ(c.Bodies(), (std::vector<std::string>{"first", "third"}));
  EXPECT_EQ(c.Locators(), (std::vector<std::string>{"line 1", "line 3"}));
}

TEST(JsonLinesTest, LineLimitIsAnOption) {
  IngestOptions options;
  options.max_record_bytes = 20;
  Collected c = ReadJsonl("{\"text\":\"short\"}\n{\"text\":\"a bit too long\"}\n", options);
  EXPECT_EQ(c.ErrorStrings(), (std::vector<std::string>{"in.jsonl: line 2: longer than 20 bytes"}));
  EXPECT_EQ(c.Bodies(), (std::vector<std::string>{"short"}));
}

TEST(JsonLinesTest, TruncatedGzipDeliversTheCompleteLinesThenOneError) {
  std::string jsonl;
  for (int i = 1; i <= 2000; ++i) {
    jsonl += "{\"id\":" + std::to_string(i) + ",\"text\":\"article number " + std::to_string(i) +
             " with some words to compress\"}\n";
  }
  std::string gz = Gzip(jsonl);
  Collected c = ReadJsonl(gz.substr(0, gz.size() / 2));
  ASSERT_EQ(c.errors.size(), 1u);
  const InputError& e = c.errors[0];
  EXPECT_EQ(e.path, "in.jsonl");
  EXPECT_EQ(e.locator, "line " + std::to_string(c.records.size() + 1));
  EXPECT_EQ(e.message,
            "truncated gzip stream at compressed offset " + std::to_string(gz.size() / 2));
  ASSERT_GT(c.records.size(), 100u);
  ASSERT_LT(c.records.size(), 2000u);
  for (size_t i = 0; i < c.records.size(); ++i) EXPECT_EQ(c.records[i].id, std::to_string(i + 1));
}

TEST(JsonLinesTest, StopsWhenTheConsumerSaysSo) {
  StringStream bytes("{\"text\":\"a\"}\n{\"text\":\"b\"}\nbad\n{\"text\":\"c\"}\n");
  StreamInput input{&bytes, "-", Format::kJsonLines};
  int seen = 0;
  IngestCounts n = ReadStream(
      input, IngestOptions{}, [&](RawRecord&&) { return ++seen < 2; },
      [](const InputError&) { ADD_FAILURE() << "no error after stop"; });
  EXPECT_EQ(seen, 2);
  EXPECT_EQ(n.records, 2u);
  EXPECT_EQ(n.errors, 0u);
}

// What ReadInput("-") does, on a pipe instead of the real stdin.
TEST(JsonLinesTest, ReadsFromAPipe) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  std::thread writer([fd = fds[1]] {
    std::string data;
    for (int i = 0; i < 5000; ++i) data += "{\"text\":\"piped " + std::to_string(i) + "\"}\n";
    data += "{broken\n{\"text\":\"last\"}\n";
    for (size_t done = 0; done < data.size();) {
      ssize_t n = ::write(fd, data.data() + done, std::min<size_t>(4096, data.size() - done));
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    ::close(fd);
  });
  FdStream in(fds[0], /*owned=*/true);
  StreamInput input{&in, "-", Format::kJsonLines};
  testing_util::Collected c;
  c.counts = ReadStream(
      input, IngestOptions{},
      [&](RawRecord&& r) {
        c.records.push_back(std::move(r));
        return true;
      },
      [&](const InputError& e) { c.errors.push_back(e); });
  writer.join();
  ASSERT_EQ(c.records.size(), 5001u);
  EXPECT_EQ(c.records[0].path, "-");
  EXPECT_EQ(c.records[4999].body, "piped 4999");
  EXPECT_EQ(c.records[5000].locator, "line 5002");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].locator, "line 5001");
}

}  // namespace
}  // namespace dossier
