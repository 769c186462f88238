// Tests for dir_walk.h.
#include "ingest/dir_walk.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "ingest/ingest_test_util.h"

namespace dossier {
namespace {

using testing_util::TempDir;
using testing_util::WriteFile;

TEST(IsArticleFileNameTest, Table) {
  struct Case {
    const char* name;
    bool want;
  } cases[] = {
      {"a.txt", true},        {"a.TXT", true},       {"a.text", true},       {"a.html", true},
      {"a.htm", true},        {"a.xhtml", true},     {"a.jsonl", true},      {"a.ndjson", true},
      {"a.json", true},       {"a.xml", true},       {"a.rss", true},        {"a.atom", true},
      {"a.warc", true},       {"a.warc.gz", true},   {"a.jsonl.zst", true},  {"a.txt.zstd", true},
      {"README", true},       {"article.gz", true},  {"a.meta.json", false}, {"a.META.JSON", false},
      {".hidden.txt", false}, {".gitignore", false}, {"a.md", false},        {"a.png", false},
      {"a.pdf.gz", false},    {"a.tar.gz", false},   {"a.", false},          {"notes.txt~", false},
  };
  for (const Case& c : cases) EXPECT_EQ(IsArticleFileName(c.name), c.want) << c.name;
}

TEST(JoinPathTest, KeepsTheDirectoryAsGiven) {
  EXPECT_EQ(JoinPath("samples", "a.txt"), "samples/a.txt");
  EXPECT_EQ(JoinPath("samples/", "a.txt"), "samples/a.txt");
  EXPECT_EQ(JoinPath("./x/../samples", "a.txt"), "./x/../samples/a.txt");
}

std::vector<std::string> Walked(const std::string& dir,
                                std::vector<std::string>* errors = nullptr) {
  std::vector<std::string> paths;
  WalkDirectory(
      dir,
      [&](const std::string& p) {
        paths.push_back(p);
        return true;
      },
      [&](const std::string& p, const std::string& m) {
        if (errors != nullptr) errors->push_back(p + ": " + m);
      });
  return paths;
}

TEST(WalkDirectoryTest, SortedRecursiveSkipping) {
  TempDir dir;
  for (const char* name : {"b.txt", "a.txt", "B.txt", "c/z.html", "c/a.jsonl", "b/x.warc.gz",
                           "a.meta.json", ".hidden/x.txt", ".dot.txt", "notes.md", "image.png",
                           "b.html", "d/e/f/deep.txt", "README"}) {
    WriteFile(dir / name, "x");
  }
  ASSERT_EQ(::symlink((dir / "c").c_str(), (dir / "link_to_c").c_str()), 0);
  ASSERT_EQ(::symlink(dir.path().c_str(), (dir / "c/loop").c_str()), 0);
  ASSERT_EQ(::symlink((dir / "a.txt").c_str(), (dir / "link.txt").c_str()), 0);
  ASSERT_EQ(::symlink((dir / "missing").c_str(), (dir / "dangling.txt").c_str()), 0);
  std::string root = dir.path() + "/";
  std::vector<std::string> want;
  for (const char* rel : {"B.txt", "README", "a.txt", "b/x.warc.gz", "b.html", "b.txt", "c/a.jsonl",
                          "c/z.html", "d/e/f/deep.txt", "link.txt"}) {
    want.push_back(root + rel);
  }
  EXPECT_EQ(Walked(root), want);
}

TEST(WalkDirectoryTest, StopsWhenAsked) {
  TempDir dir;
  for (const char* name : {"1.txt", "2.txt", "3.txt"}) WriteFile(dir / name, "x");
  int n = 0;
  WalkDirectory(
      dir.path(), [&](const std::string&) { return ++n < 2; },
      [](const std::string&, const std::string&) {});
  EXPECT_EQ(n, 2);
}

TEST(WalkDirectoryTest, UnreadableSubdirectoryIsReported) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads any directory";
  TempDir dir;
  WriteFile(dir / "a.txt", "x");
  WriteFile(dir / "locked/b.txt", "x");
  ASSERT_EQ(::chmod((dir / "locked").c_str(), 0), 0);
  std::vector<std::string> errors;
  EXPECT_EQ(Walked(dir.path(), &errors), std::vector<std::string>{dir / "a.txt"});
  EXPECT_EQ(errors, std::vector<std::string>{dir / "locked" + ": cannot open: Permission denied"});
  ::chmod((dir / "locked").c_str(), 0755);
}

}  // namespace
}  // namespace dossier
