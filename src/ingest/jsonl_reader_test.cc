// Tests for jsonl_reader.h, json_metadata.h, and JSON Lines on a pipe (the
// path ReadInput takes for "-").
#include "ingest/jsonl_reader.h"

#include <random>
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

// The one-pass reader of flat lines against nlohmann's path: wherever the
// fast one answers, it must give the same record; and it must answer for
// the common shapes (else it would only cost time).
std::string Dump(const RawRecord& r) {
  return std::string(r.kind == ContentKind::kHtml ? "html" : "text") + "|" + r.body + "|" +
         r.charset + "|" + r.id + "|" + r.url + "|" + r.title + "|" + r.published + "|" + r.outlet +
         "|" + r.language + "|" + r.author;
}

// Checks the contract on `line`; returns whether the flat reader took it.
bool FlatAgreesWithGeneral(const std::string& line) {
  RawRecord flat;
  const bool took = jsonl_internal::ParseFlatJsonLine(line, &flat);
  Result<RawRecord> general = jsonl_internal::ParseJsonLine(line);
  if (took) {
    EXPECT_TRUE(general.ok()) << line << ": " << general.status().ToString();
    if (general.ok()) {
      EXPECT_EQ(Dump(flat), Dump(*general)) << line;
    }
  } else {
    EXPECT_EQ(Dump(flat), Dump(RawRecord())) << "a refused line leaves no record: " << line;
  }
  return took;
}

TEST(FlatJsonLineTest, TakesTheCommonShapes) {
  const char* kTaken[] = {
      R"({"text": "Body"})",
      R"(  {"id":"a1","title":"T","text":"Body","url":"https://x/1"}  )",
      "{\"text\":\"tab\\tquote\\\" slash\\/ back\\\\ nl\\n cr\\r bs\\b ff\\f\"}\r",
      R"({"text":"\u00e9\u00C9 \u20ac \ud83d\ude00 \u0000 end"})",
      "{\"text\":\"déjà vu — 中国 😀 \x7f\"}",
      R"({"t\u0065xt":"escaped key"})",
      R"({"text":"", "html":"<p>html wins over empty text</p>"})",
      R"({"text":"text wins", "html":"<p>x</p>"})",
      R"({"html":"<p>x</p>", "text":null, "author":null, "extra":"x", "extra":"y"})",
      R"({"text":"a","flag":true,"other":false,"none":null,"published":"2021-07-22"})",
      R"({"outlet":"Rudaw","language":"en","author":"Jane","text":"x"})",
      "{\n\"text\"\t:\r\"spaces\" }",
  };
  for (const char* line : kTaken) EXPECT_TRUE(FlatAgreesWithGeneral(line)) << line;
}

TEST(FlatJsonLineTest, LeavesTheRestToTheGeneralReader) {
  const char* kLeft[] = {
      "",
      "[1, 2]",
      R"("just a string")",
      R"({"id": 42, "text": "numbers go to nlohmann"})",
      R"({"text": "a", "score": 0.5})",
      R"({"text": "a", "extra": {"nested": [1, 2]}})",
      R"({"text": "a", "tags": []})",
      R"({"text": "first", "text": "second"})",
      R"({"text": "a", "title": "one", "title": null})",
      R"({"text": "a", "id": true})",
      R"({"title": "no body"})",
      R"({"text": ""})",
      R"({})",
      R"({"text": "unterminated})",
      R"({"text": "a",})",
      R"({"text": "a"} trailing)",
      R"({"text": "a" "b"})",
      R"({"text": "bad escape \x"})",
      R"({"text": "lone \ud800 surrogate"})",
      R"({"text": "lone \udc00 surrogate"})",
      R"({"text": "short \u12"})",
      "{\"text\": \"raw\ncontrol\"}",
      "{\"text\": \"bad utf-8 \xff\"}",
      "{\"text\": \"overlong \xc0\xaf\"}",
      "{\"text\": \"overlong \xe0\x80\xaf\"}",
      "{\"text\": \"surrogate \xed\xa0\x80\"}",
      "{\"text\": \"too high \xf4\x90\x80\x80\"}",
      "{\"text\": \"cut \xe2\x82\"}",
      R"({"text": nul})",
      R"({"text": "a", "flag": tru})",
      R"({"text" "a"})",
      R"({text: "a"})",
  };
  for (const char* line : kLeft) EXPECT_FALSE(FlatAgreesWithGeneral(line)) << line;
}

// Random edits of valid lines, most of them breaking it somewhere: the flat
// reader must never accept a line nlohmann refuses, nor read one otherwise.
TEST(FlatJsonLineTest, AgreesWithTheGeneralReaderOnMutatedLines) {
  const std::string kSeeds[] = {
      R"({"id":"a1","title":"Le \"Président\"","text":"Line one.\nLine two \u00e9 \ud83d\ude00.","url":"https://x/1","extra":null})",
      "{\"text\":\"déjà — 中国 😀\",\"html\":\"<p>x</p>\",\"author\":\"A\\\\B\",\"ok\":true}",
  };
  const std::string kPieces[] = {
      "\"",   "\\",       "\\u",  "\\ud83d",      "\\udc00", "{",    "}",     ",",    ":",
      " ",    "\n",       "n",    "null",         "true",    "1",    "[",     "]",    "\xc3",
      "\xa9", "\xe2\x82", "\xff", "\xed\xa0\x80", "\x01",    "text", "title", "html", "id"};
  std::mt19937 rng(20240611);
  size_t taken = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string line = kSeeds[n % std::size(kSeeds)];
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) {
      const size_t at = rng() % (line.size() + 1);
      switch (rng() % 3) {
        case 0:
          line.insert(at, kPieces[rng() % std::size(kPieces)]);
          break;
        case 1:
          line.erase(at, 1 + rng() % 3);
          break;
        default:
          line.replace(at, 1, kPieces[rng() % std::size(kPieces)]);
          break;
      }
    }
    taken += FlatAgreesWithGeneral(line);
    if (::testing::Test::HasFailure()) break;
  }
  EXPECT_GT(taken, 100u);  // the edits leave some lines valid and flat
}

}  // namespace
}  // namespace dossier
