#include <gtest/gtest.h>

#include "stories/story_clusterer.h"
#include "stories/story_test_util.h"

namespace dossier::stories {
namespace {

using testing::MakeDoc;

std::vector<StoryDocument> Docs() {
  std::vector<StoryDocument> d;
  const char* topics[] = {"election vote ballot parliament turnout candidate party",
                          "storm hurricane coast evacuation wind flood rain",
                          "summit leaders talks trade tariffs agreement ministers"};
  for (int i = 0; i < 30; ++i) {
    std::string words(topics[i % 3]);
    words.append(" day").append(std::to_string(i / 6)).append(" extra");
    words.append(std::to_string(i % 5));
    std::string id(1, 'd');
    id.append(std::to_string(i));
    // Two names each, so that storylines are also found by their names.
    d.push_back(MakeDoc(id, words,
                        {static_cast<uint32_t>(i % 3), static_cast<uint32_t>(10 + i % 3)},
                        1000 + i * 3));
    d.back().dates = {1000 + i};
  }
  return d;
}

TEST(StoryState, SaveLoadContinuesExactly) {
  ClustererOptions o;
  o.event_window_days = 20;
  o.storyline_merge_terms = 24;
  std::vector<StoryDocument> docs = Docs();
  StoryClusterer whole(o);
  std::vector<Assignment> expected;
  for (const auto& d : docs) expected.push_back(whole.Add(d));

  StoryClusterer first(o);
  for (size_t i = 0; i < 15; ++i) first.Add(docs[i]);
  std::string bytes = first.Save();
  Result<std::unique_ptr<StoryClusterer>> loaded = StoryClusterer::Load(bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->Save(), bytes);
  EXPECT_EQ((*loaded)->options().storyline_merge_terms, 24u);
  for (size_t i = 15; i < docs.size(); ++i) {
    Assignment a = (*loaded)->Add(docs[i]);
    EXPECT_EQ(a.event, expected[i].event) << i;
    EXPECT_EQ(a.storyline, expected[i].storyline) << i;
    EXPECT_FLOAT_EQ(a.score, expected[i].score) << i;
  }
  EXPECT_EQ((*loaded)->Save(), whole.Save());
  EventSummary x = (*loaded)->Summarize(0), y = whole.Summarize(0);
  EXPECT_EQ(x.articles, y.articles);
  EXPECT_EQ(x.date, y.date);
}

TEST(StoryState, RejectsDamagedBytes) {
  StoryClusterer c;
  for (const auto& d : Docs()) c.Add(d);
  std::string bytes = c.Save();
  EXPECT_EQ(StoryClusterer::Load("junk").status().code(), Status::Code::kCorruption);
  EXPECT_EQ(StoryClusterer::Load(bytes.substr(0, bytes.size() / 2)).status().code(),
            Status::Code::kCorruption);
  std::string newer = bytes;
  newer[4] = 9;  // version
  EXPECT_EQ(StoryClusterer::Load(newer).status().code(), Status::Code::kUnsupported);
  EXPECT_EQ(StoryClusterer::Load(bytes.append(1, 'x')).status().code(), Status::Code::kCorruption);
}

}  // namespace
}  // namespace dossier::stories
