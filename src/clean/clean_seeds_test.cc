// The clean stage on the five seed articles in samples/: every line of
// boilerplate goes, every sentence of the stories stays intact, and the
// metadata the text holds is found. The expectations below are about these
// files; the rules that meet them are general (see boilerplate.h,
// text_metadata.h).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "clean/boilerplate.h"
#include "clean/cleaner.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

struct SeedExpectation {
  std::string title, published, outlet, dateline, language;
  std::vector<std::string> boilerplate;  // input lines that must be gone
  std::vector<std::string> metadata;     // input lines that became metadata
  // Input lines whose text stays with a prefix or suffix cut: {line, what remains}.
  std::vector<std::pair<std::string, std::string>> trimmed;
};

// The seed's lines with spaces normalised the simple way (NBSP -> space,
// runs collapsed, trimmed), so they can be compared with the output.
std::string Simple(std::string s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "\xC2\xA0") == 0) {
      out.push_back(' ');
      ++i;
    } else {
      out.push_back(s[i] == '\t' || s[i] == '\r' ? ' ' : s[i]);
    }
  }
  std::string collapsed;
  for (char c : out) {
    if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed.push_back(c);
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    line = Simple(line);
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return out;
}

std::map<std::string, SeedExpectation> Expectations() {
  std::map<std::string, SeedExpectation> e;
  e["000"] = {
      "",   "",
      "",   "",
      "en", {">> READ ALSO -", "Iraq: Washington will reduce its troops \"in the coming months\""},
      {},   {}};
  e["001"] = {"", "",   "",
              "", "en", {"* A terrorist group outlawed in Russia and many other countries."},
              {}, {}};
  e["002"] = {
      "",
      "",
      "Rudaw",
      "ERBIL, Kurdistan Region",
      "en",
      {"French foreign minister Jean-Yves Le Drian, wearing a protective face mask, speaks during "
       "a session of questions to the government at the National Assembly in Paris on November "
       "10, 2020. Photo: Thomas Coex / AFP",
       "Comments",
       "Rudaw moderates all comments submitted on our website. We welcome comments which are "
       "relevant to the article and encourage further discussion about the issues that matter to "
       "you. We also welcome constructive criticism about Rudaw.",
       "To be approved for publication, however, your comments must meet our community guidelines.",
       "We will not tolerate the following: profanity, threats, personal attacks, vulgarity, abuse "
       "(such as sexism, racism, homophobia or xenophobia), or commercial or personal promotion.",
       "Comments that do not meet our guidelines will be rejected. Comments are not edited "
       "\xE2\x80\x93 "
       "they are either approved or rejected.",
       "Post a comment"},
      {},
      {{"ERBIL, Kurdistan Region \xE2\x80\x93 France will tell the US to delay withdrawal of its "
        "troops from Iraq, French foreign minister Jean-Yves Le Drian said on Friday.",
        "France will tell the US to delay withdrawal of its troops from Iraq, French foreign "
        "minister Jean-Yves Le Drian said on Friday."}}};
  e["003"] = {
      "French armed forces minister visits Iraq following turnover of US base",
      "2020-08-28",
      "Al-Monitor",
      "",
      "en",
      {"al-monitor French Defense Minister Florence Parly meets with the president of Iraq's "
       "Kurdistan Region in Erbil, Iraqi Kurdistan, Aug. 27, 2020. Photo by SAFIN HAMED/AFP via "
       "Getty Images.",
       "Continue reading this article by registering at no cost and get unlimited access to:",
       "\xE2\x80\xA2 Al-Monitor Archives", "\xE2\x80\xA2 The Week in Review",
       "\xE2\x80\xA2 Exclusive Events", "\xE2\x80\xA2 Invitation-only Briefings"},
      {"French armed forces minister visits Iraq following turnover of US base", "Aug 28, 2020"},
      {}};
  e["004"] = {
      "Discussions entre Washington et Bagdad sur la pr\xC3\xA9sence militaire "
      "am\xC3\xA9ricaine en Irak",
      "2021-07",
      "Belga",
      "",
      "fr",
      {},
      {"date 2021-07 Discussions entre Washington et Bagdad sur la pr\xC3\xA9sence militaire "
       "am\xC3\xA9ricaine en Irak"},
      {}};
  return e;
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(CleanSeedsTest, EverySeed) {
  const fs::path dir = fs::path(DOSSIER_SOURCE_DIR) / "samples";
  std::vector<fs::path> seeds;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".txt") seeds.push_back(e.path());
  }
  std::sort(seeds.begin(), seeds.end());
  ASSERT_EQ(seeds.size(), 5u);
  const std::map<std::string, SeedExpectation> expectations = Expectations();
  ArticleCleaner cleaner;

  for (const fs::path& seed : seeds) {
    const std::string name = seed.filename().string().substr(0, 3);
    SCOPED_TRACE(seed.filename().string());
    const SeedExpectation& want = expectations.at(name);
    RawRecord r;
    r.path = seed.string();
    r.body = ReadFile(seed);
    Result<Article> a = cleaner.Clean(r);
    ASSERT_TRUE(a.ok()) << a.status().ToString();

    EXPECT_EQ(a->title, want.title);
    EXPECT_EQ(a->published, want.published);
    EXPECT_EQ(a->outlet, want.outlet);
    EXPECT_EQ(a->dateline, want.dateline);
    EXPECT_EQ(a->language, want.language);

    const std::vector<std::string> out = Paragraphs(a->text);
    const std::set<std::string> out_set(out.begin(), out.end());
    std::set<std::string> gone(want.boilerplate.begin(), want.boilerplate.end());
    gone.insert(want.metadata.begin(), want.metadata.end());
    std::map<std::string, std::string> trimmed(want.trimmed.begin(), want.trimmed.end());

    // Every boilerplate/metadata line must be gone, every other line present
    // as a whole paragraph.
    std::vector<std::string> lines = Lines(r.body);
    size_t checked = 0;
    for (std::string line : lines) {
      if (gone.count(line) > 0) {
        EXPECT_EQ(a->text.find(line), std::string::npos) << "not removed: " << line;
        continue;
      }
      auto t = trimmed.find(line);
      if (t != trimmed.end()) line = t->second;
      // The trailing wire credit is cut from the last line.
      if (name == "004" && line.ends_with(" (Belga)")) line.resize(line.size() - 8);
      EXPECT_EQ(out_set.count(line), 1u) << "lost or altered: " << line;
      ++checked;
    }
    EXPECT_EQ(checked + gone.size(), lines.size()) << "an expected removal is not in the seed";
    // Nothing else got in: the output is exactly the kept lines.
    EXPECT_EQ(out.size(), checked);
    EXPECT_EQ(a->text.find("(Belga)"), std::string::npos);
  }
}

TEST(CleanSeedsTest, BoilerplateReportNamesEachCategory) {
  const fs::path dir = fs::path(DOSSIER_SOURCE_DIR) / "samples";
  BoilerplateStripper stripper;
  std::multiset<std::string> kinds;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    const std::string body = ReadFile(e.path());
    std::vector<std::string> lines = Lines(body);
    std::vector<std::string_view> ps(lines.begin(), lines.end());
    BoilerplateReport report;
    stripper.Strip(&ps, &report);
    for (const RemovedLine& r : report.removed)
      kinds.insert(std::string(BoilerplateKindName(r.kind)));
  }
  EXPECT_EQ(kinds.count("read-also"), 2u);
  EXPECT_EQ(kinds.count("legal-note"), 1u);
  EXPECT_EQ(kinds.count("caption"), 2u);
  EXPECT_EQ(kinds.count("comments"), 6u);
  EXPECT_EQ(kinds.count("paywall"), 5u);
  EXPECT_EQ(kinds.size(), 16u);
}

}  // namespace
}  // namespace dossier
