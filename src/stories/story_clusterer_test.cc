#include "stories/story_clusterer.h"

#include <gtest/gtest.h>

#include "base/scoped_temp_dir.h"
#include "stories/document_builder.h"
#include "stories/story_pipeline.h"
#include "stories/story_test_util.h"

namespace dossier::stories {
namespace {

using testing::MakeDoc;

// Three happenings, two articles each, plus a wire copy; two happenings
// share a storyline (troops in Iraq).
std::vector<StoryDocument> Corpus() {
  return {
      MakeDoc("w1",
              "president visits baghdad talks prime minister troops withdrawal iraq "
              "coalition forces combat mission ends december",
              {1, 2}, 100),
      MakeDoc("q1",
              "earthquake magnitude strikes coast japan tsunami warning rescuers villages "
              "collapsed houses fukushima",
              {7}, 100),
      MakeDoc("w1copy",
              "president visits baghdad talks prime minister troops withdrawal iraq "
              "coalition forces combat mission ends december reuters",
              {1, 2}, 100),
      MakeDoc("w2",
              "baghdad visit president prime minister agree troops withdrawal iraq "
              "combat mission end coalition",
              {1, 2}, 101),
      MakeDoc("q2",
              "japan earthquake tsunami warning lifted rescuers search collapsed houses "
              "villages coast",
              {7}, 101),
      MakeDoc("s1",
              "troops iraq withdrawal coalition combat mission baghdad pentagon announces "
              "last brigade leaves kuwait border convoy",
              {1, 2, 9}, 120),
      MakeDoc("s2",
              "last combat brigade convoy leaves iraq kuwait border pentagon troops "
              "withdrawal coalition mission",
              {1, 2, 9}, 121),
  };
}

std::vector<Assignment> AddAll(StoryClusterer& c, const std::vector<StoryDocument>& docs) {
  std::vector<Assignment> out;
  for (const StoryDocument& d : docs) out.push_back(c.Add(d));
  return out;
}

// The articles of each event of `storyline` that still has articles, in
// event order.
using Groups = std::vector<std::vector<std::string>>;
Groups EventGroups(const StoryClusterer& c, uint32_t storyline) {
  Groups out;
  for (uint32_t e : c.SummarizeStoryline(storyline).events) {
    EventSummary s = c.Summarize(e);
    if (!s.articles.empty()) out.push_back(s.articles);
  }
  return out;
}

ClustererOptions TestOptions() {
  ClustererOptions o;
  o.event_threshold = 0.3f;
  o.storyline_threshold = 0.1f;
  return o;
}

TEST(StoryClusterer, GroupsEventsStorylinesAndCopies) {
  StoryClusterer c(TestOptions());
  std::vector<Assignment> a = AddAll(c, Corpus());
  EXPECT_EQ(a[0].event, a[2].event);
  EXPECT_EQ(a[2].copy_group, 0u);  // the copy
  EXPECT_EQ(a[0].event, a[3].event);
  EXPECT_NE(a[0].event, a[1].event);
  EXPECT_EQ(a[1].event, a[4].event);
  EXPECT_EQ(a[5].event, a[6].event);
  EXPECT_NE(a[5].event, a[0].event);
  EXPECT_EQ(a[5].storyline, a[0].storyline);
  EXPECT_NE(a[1].storyline, a[0].storyline);
  EXPECT_EQ(c.event_count(), 3u);
  EventSummary e = c.Summarize(a[0].event);
  EXPECT_EQ(e.articles, (std::vector<std::string>{"w1", "w1copy", "w2"}));
  EXPECT_EQ(e.sources, 2u);  // the wire copy counts once
  EXPECT_EQ(e.copy_groups.size(), 2u);
  EXPECT_EQ(e.date, IsoFromDay(100));
}

TEST(StoryClusterer, DeterministicAndIndexAgreesWithExhaustiveScan) {
  StoryClusterer a(TestOptions()), b(TestOptions());
  ClustererOptions exhaustive = TestOptions();
  exhaustive.exhaustive = true;
  StoryClusterer scan(exhaustive);
  std::vector<Assignment> x = AddAll(a, Corpus()), y = AddAll(b, Corpus()),
                          z = AddAll(scan, Corpus());
  for (size_t i = 0; i < x.size(); ++i) {
    EXPECT_EQ(x[i].event, y[i].event);
    EXPECT_EQ(x[i].storyline, y[i].storyline);
    EXPECT_EQ(x[i].event, z[i].event) << i;
    EXPECT_EQ(x[i].storyline, z[i].storyline) << i;
  }
}

TEST(StoryClusterer, RetiredEventsNeedStrongEvidence) {
  ClustererOptions o = TestOptions();
  o.event_window_days = 10;
  o.retired_threshold = 0.6f;
  o.event_decay_days = 0;  // no time penalty: the thresholds decide
  StoryClusterer c(o);
  Assignment first = c.Add(MakeDoc("a",
                                   "flood river dam burst valley evacuated town mayor "
                                   "emergency shelters rain",
                                   {4}, 0));
  c.Add(MakeDoc("b", "football cup final stadium penalty goal coach trophy fans", {5}, 30));
  EXPECT_EQ(c.active_event_count(), 1u);  // the flood retired
  // Weak evidence (a few shared words) no longer reaches it...
  Assignment weak =
      c.Add(MakeDoc("c", "rain town mayor budget council taxes school roads", {}, 31));
  EXPECT_TRUE(weak.new_event);
  // ...strong evidence does, and reactivates it.
  Assignment strong = c.Add(MakeDoc("d",
                                    "dam burst flood valley evacuated town mayor emergency "
                                    "shelters rain river",
                                    {4}, 32));
  EXPECT_EQ(strong.event, first.event);
  EXPECT_TRUE(c.Summarize(first.event).active);
}

// Two fights of one champion: online, with a permissive event threshold,
// they make one event; refinement (which discounts what the whole storyline
// shares) separates them by their own opponents, places and scores.
TEST(StoryClusterer, RefinementSeparatesHappeningsOfOneStoryline) {
  const std::string common = "klitschko heavyweight champion title fight boxing ring ";
  std::vector<StoryDocument> docs = {
      MakeDoc("a1", common + "arreola knockout round ten los angeles staples", {1, 10}),
      MakeDoc("b1", common + "johnson points decision bern switzerland judges", {1, 11}),
      MakeDoc("a2", common + "arreola corner stopped round ten staples angeles", {1, 10}),
      MakeDoc("b2", common + "johnson decision judges scored bern switzerland", {1, 11}),
      MakeDoc("a3", common + "arreola los angeles staples knockout corner", {1, 10}),
      MakeDoc("b3", common + "johnson bern judges unanimous decision switzerland", {1, 11}),
  };
  ClustererOptions o = TestOptions();
  o.event_threshold = 0.01f;
  o.refine_threshold = 0.05f;
  ClustererOptions off = o;
  off.refine_max_articles = 0;
  StoryClusterer plain(off), refined(o);
  AddAll(plain, docs);
  AddAll(refined, docs);
  refined.Settle();
  EXPECT_EQ(plain.storyline_count(), 1u);
  EXPECT_EQ(plain.event_count(), 1u);  // online alone merges the fights
  ASSERT_EQ(refined.storyline_count(), 1u);
  StorylineSummary s = refined.SummarizeStoryline(0);
  ASSERT_EQ(s.events.size(), 2u);
  EXPECT_EQ(refined.Summarize(s.events[0]).articles, (std::vector<std::string>{"a1", "a2", "a3"}));
  EXPECT_EQ(refined.Summarize(s.events[1]).articles, (std::vector<std::string>{"b1", "b2", "b3"}));
  // Settling again changes nothing; Save and Load keep the refined events.
  std::string bytes = refined.Save();
  refined.Settle();
  EXPECT_EQ(refined.Save(), bytes);
  Result<std::unique_ptr<StoryClusterer>> loaded = StoryClusterer::Load(bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->Save(), bytes);
}

// The events of a corpus that makes one storyline, once settled.
Groups SettledEvents(const ClustererOptions& o, const std::vector<StoryDocument>& docs) {
  StoryClusterer c(o);
  AddAll(c, docs);
  c.Settle();
  EXPECT_EQ(c.storyline_count(), 1u);
  return EventGroups(c, 0);
}

// Refinement sets apart articles led by other persons: without the rule
// the shared details of day and place pair each minister's article with a
// president's; with it (factor 0 here, to be sure of the outcome) each
// visitor's articles go together, unless the articles name each other's
// protagonist.
TEST(StoryClusterer, RefinementSetsApartArticlesLedByOtherPersons) {
  const std::string common =
      "visit baghdad talks prime minister support sovereignty troops coalition iraq ";
  auto corpus = [&](bool name_each_other) {
    std::vector<uint32_t> minister = {1, 5}, president = {2, 5};
    if (name_each_other) president.push_back(1);
    return std::vector<StoryDocument>{
        MakeDoc("m1", common + "tuesday erbil kurdistan airport", minister),
        MakeDoc("p1", common + "tuesday erbil kurdistan airport", president),
        MakeDoc("m2", common + "wednesday basra port oil", minister),
        MakeDoc("p2", common + "wednesday basra port oil", president),
    };
  };
  auto events = [&](float factor, bool name_each_other) {
    ClustererOptions o = TestOptions();
    o.event_threshold = 0.01f;
    o.refine_threshold = 0.05f;
    o.near_duplicates.min_similarity = 1.1;  // no copies: refinement decides
    o.refine_protagonist_factor = factor;
    return SettledEvents(o, corpus(name_each_other));
  };
  const Groups by_protagonist = {{"m1", "m2"}, {"p1", "p2"}};
  EXPECT_NE(events(1.0f, false), by_protagonist);
  EXPECT_EQ(events(0.0f, false), by_protagonist);
  EXPECT_EQ(events(0.0f, true), events(1.0f, true));
}

// A short report of a fight is far from the average of the fight's reports
// but near one of them: refinement leaves it alone, the lone-article rule
// puts it with its nearest report, unless their days are far apart.
TEST(StoryClusterer, LoneReportJoinsItsNearestReportsEvent) {
  const std::string common = "klitschko heavyweight champion title fight boxing ring ";
  auto events = [&](float lone_threshold, int32_t lone_day) {
    std::vector<StoryDocument> docs = {
        MakeDoc("a1", common + "arreola knockout round ten staples purse promoter million", {1, 10},
                100),
        MakeDoc("b1", common + "johnson points decision bern switzerland judges", {1, 11}, 100),
        MakeDoc("a2", common + "arreola corner stopped round ten staples angeles", {1, 10}, 100),
        MakeDoc("b2", common + "johnson decision judges scored bern switzerland", {1, 11}, 100),
        MakeDoc("a3", common + "arreola los angeles staples knockout corner", {1, 10}, 100),
        MakeDoc("lone", "purse promoter million tickets sold arena parking gates crowd", {},
                lone_day),
    };
    ClustererOptions o = TestOptions();
    o.event_threshold = 0.01f;
    o.storyline_threshold = 0.01f;
    o.refine_threshold = 0.2f;
    o.refine_lone_threshold = lone_threshold;
    return SettledEvents(o, docs);
  };
  EXPECT_EQ(events(0, 100), (Groups{{"a1", "a2", "a3"}, {"b1", "b2"}, {"lone"}}));
  EXPECT_EQ(events(0.05f, 100), (Groups{{"a1", "a2", "a3", "lone"}, {"b1", "b2"}}));
  EXPECT_EQ(events(0.05f, 160), (Groups{{"a1", "a2", "a3"}, {"b1", "b2"}, {"lone"}}));
}

// Two title defences of one boxer share the champion, the kind of event
// and some details; average linkage with a low threshold makes them one.
// Each group is far tighter than the link between them, so with the split
// rule they stay two events; groups below the minimum size are not judged.
TEST(StoryClusterer, RefinementKeepsTwoTightGroupsApart) {
  const std::string common = "klitschko heavyweight champion title defence boxing ";
  const std::vector<std::string> first = {"rahman",   "seventh",  "mannheim",
                                          "stoppage", "sluggish", "december"};
  const std::vector<std::string> second = {"thompson", "sixth",   "bern",
                                           "corner",   "rematch", "july"};
  const std::vector<std::string> shared = {"germany", "crowd", "referee"};
  auto events = [&](float ratio, uint32_t min_articles) {
    std::vector<StoryDocument> docs;
    for (int k = 0; k < 6; ++k) {
      for (const auto* side : {&first, &second}) {
        std::string words = common;
        for (int w = 0; w < 4; ++w) words += (*side)[(k + w) % side->size()] + " ";
        words += shared[k % shared.size()];
        std::string id = side == &first ? "r" : "t";
        id += static_cast<char>('0' + k);
        docs.push_back(MakeDoc(id, words, {1}));
      }
    }
    ClustererOptions o = TestOptions();
    o.event_threshold = 0.01f;
    o.storyline_threshold = 0.01f;
    o.refine_threshold = 0.01f;
    o.refine_lone_threshold = 0;
    o.near_duplicates.min_similarity = 1.1;  // no copies: refinement decides
    o.refine_split_ratio = ratio;
    o.refine_split_min_articles = min_articles;
    return SettledEvents(o, docs);
  };
  const Groups by_fight = {{"r0", "r1", "r2", "r3", "r4", "r5"},
                           {"t0", "t1", "t2", "t3", "t4", "t5"}};
  const Groups one = {{"r0", "t0", "r1", "t1", "r2", "t2", "r3", "t3", "r4", "t4", "r5", "t5"}};
  EXPECT_EQ(events(0, 6), one);
  EXPECT_EQ(events(0.45f, 6), by_fight);
  EXPECT_EQ(events(0.45f, 7), one);
}

// Reports of two stages of one story share too little with the other
// stage's storyline for an article to join it online (threshold high
// here), but their events are alike: Settle merges the two storylines,
// under the lower id, and leaves the unrelated one alone. Merging is an
// overlay: assignments and summaries give the root; the one taken in
// summarises to no events; a saved state reloads the same.
TEST(StoryClusterer, SettleMergesStorylinesOfLikeEvents) {
  const std::vector<StoryDocument> docs = {
      MakeDoc("visit1", "troops withdrawal iraq baghdad coalition talks minister visit", {1, 2}),
      MakeDoc("harvest", "wheat harvest rain farmers prices grain export", {7}),
      MakeDoc("visit2", "troops withdrawal iraq baghdad coalition talks president summit", {1, 3}),
  };
  auto run = [&](float threshold, std::vector<uint32_t>* changed) {
    ClustererOptions o = TestOptions();
    o.storyline_threshold = 0.95f;  // online, each article opens a storyline
    o.near_duplicates.min_similarity = 1.1;
    o.storyline_merge_threshold = threshold;
    auto c = std::make_unique<StoryClusterer>(o);
    std::vector<Assignment> a = AddAll(*c, docs);
    EXPECT_EQ(a[0].storyline, 0u);
    EXPECT_EQ(a[2].storyline, 2u);
    *changed = c->Settle();
    return c;
  };
  std::vector<uint32_t> changed;
  auto apart = run(0, &changed);
  EXPECT_TRUE(changed.empty());
  EXPECT_NE(apart->Summarize(0).storyline, apart->Summarize(2).storyline);

  auto merged = run(0.3f, &changed);
  EXPECT_EQ(changed, (std::vector<uint32_t>{0, 2}));
  EXPECT_EQ(merged->Summarize(2).storyline, 0u);
  EXPECT_EQ(merged->Summarize(1).storyline, 1u);
  EXPECT_EQ(merged->SummarizeStoryline(0).events, (std::vector<uint32_t>{0, 2}));
  EXPECT_TRUE(merged->SummarizeStoryline(2).events.empty());
  auto loaded = StoryClusterer::Load(merged->Save());
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->Summarize(2).storyline, 0u);
  EXPECT_EQ((*loaded)->Save(), merged->Save());
  // A later report of the second stage joins its own part, reported under
  // the root.
  Assignment later = merged->Add(
      MakeDoc("visit3", "troops withdrawal iraq baghdad coalition talks president summit", {1, 3}));
  EXPECT_EQ(later.storyline, 0u);
}

// Two happenings of one kind told of other people: film stars' deaths,
// each a burst of reports naming a dozen people of its own. The names
// fill the events' whole centroids, which are far apart; the events'
// heaviest terms (with the document frequencies of the end, when the
// words of the first burst are no longer new) are what the happenings
// share: storyline_merge_terms merges the two storylines, and leaves the
// unrelated one alone.
TEST(StoryClusterer, SettleMergesHappeningsOfOneKindByTheirTerms) {
  const std::string kind = "actress died aged pinup model hollywood films career icon ";
  std::vector<StoryDocument> docs;
  const char* background[] = {
      "parliament vote budget deficit taxes spending cuts coalition minister",
      "football league final goal striker penalty stadium fans coach",
      "storm flood river rain evacuation rescue village damage",
      "court trial jury verdict appeal sentence judge prison",
      "election campaign poll candidate debate voters turnout",
      "bank interest rates inflation markets shares investors",
  };
  uint32_t n = 0;
  for (const char* words : background) {
    std::string id = "bg";
    id += std::to_string(n);
    docs.push_back(MakeDoc(id, words, {100 + n++}));
  }
  std::vector<uint32_t> page_names, williams_names;
  for (uint32_t k = 0; k < 12; ++k) {
    page_names.push_back(1 + k);
    williams_names.push_back(21 + k);
  }
  for (int i = 0; i < 4; ++i) {
    std::string id = "page";
    id += std::to_string(i);
    docs.push_back(MakeDoc(id, kind + "page bettie tennessee bondage photos", page_names));
  }
  for (int i = 0; i < 4; ++i) {
    std::string id = "williams";
    id += std::to_string(i);
    docs.push_back(MakeDoc(id, kind + "williams esther swimmer olympic aquatic", williams_names));
  }
  docs.push_back(MakeDoc("harvest", "wheat harvest farmers grain prices export drought", {9}));
  const size_t page = 6, williams = 10, harvest = 14;
  // The storyline of each article after Settle.
  auto storylines = [&](uint32_t terms) {
    ClustererOptions o = TestOptions();
    o.near_duplicates.min_similarity = 1.1;
    o.storyline_threshold = 0.9f;  // online, each burst keeps its storyline
    o.storyline_merge_threshold = 0.25f;
    o.storyline_merge_terms = terms;
    StoryClusterer c(o);
    std::vector<Assignment> online = AddAll(c, docs);
    EXPECT_NE(online[page].storyline, online[williams].storyline);
    c.Settle();
    std::vector<uint32_t> out;
    for (const Assignment& a : online) out.push_back(c.Summarize(a.event).storyline);
    return out;
  };
  const std::vector<uint32_t> whole = storylines(0);
  EXPECT_NE(whole[page], whole[williams]);
  const std::vector<uint32_t> by_terms = storylines(32);
  EXPECT_EQ(by_terms[page], by_terms[williams]);
  EXPECT_EQ(by_terms[page], by_terms[page + 3]);
  EXPECT_NE(by_terms[harvest], by_terms[page]);
  EXPECT_NE(by_terms[0], by_terms[page]);
}

// Undated reports (an archive without dates) of a story whose dated
// reports left the window of days long ago: as for an undated article,
// only the window of articles counts when Settle links their storyline.
TEST(StoryClusterer, SettleLinksUndatedStorylineWithAnOldDatedOne) {
  const std::string story = "troops withdrawal iraq baghdad coalition talks combat mission ";
  ClustererOptions o = TestOptions();
  o.near_duplicates.min_similarity = 1.1;
  o.storyline_threshold = 0.95f;  // online, the undated reports open their own
  o.storyline_merge_threshold = 0.3f;
  StoryClusterer c(o);
  Assignment old = c.Add(MakeDoc("dated", story + "minister visit", {1, 2}, 100));
  c.Add(MakeDoc("later", "wheat harvest farmers grain prices export drought", {9}, 900));
  c.Settle();
  Assignment undated = c.Add(MakeDoc("undated", story + "president summit", {1, 3}));
  EXPECT_NE(undated.storyline, old.storyline);
  EXPECT_EQ(c.Settle(), (std::vector<uint32_t>{old.storyline, undated.storyline}));
  EXPECT_EQ(c.Summarize(undated.event).storyline, old.storyline);
}

// An undated article may report an old happening: the window of days,
// which runs from the newest day seen, does not retire events and
// storylines for it (only the window of articles does). A dated article
// of today still needs strong evidence to reopen them.
TEST(StoryClusterer, UndatedArticleMayJoinAnOldStory) {
  const std::string flood = "flood river levee breach evacuation village rescue boats ";
  ClustererOptions o = TestOptions();
  o.near_duplicates.min_similarity = 1.1;
  StoryClusterer c(o);
  Assignment old = c.Add(MakeDoc("old", flood + "mayor sandbags", {}, 100));
  c.Add(MakeDoc("today", "election parliament vote coalition budget", {}, 1000));
  // Alike enough for an active storyline (0.1), not for a retired one (0.5).
  const std::string later = "flood river levee breach army helicopters dam spillway ";
  Assignment undated = c.Add(MakeDoc("undated", later + "night", {}));
  EXPECT_EQ(undated.storyline, old.storyline);
  Assignment dated = c.Add(MakeDoc("dated", later + "morning", {}, 1000));
  EXPECT_NE(dated.storyline, old.storyline);
}

TEST(StoryClusterer, OptionsByName) {
  ClustererOptions o;
  EXPECT_TRUE(SetClustererOption(&o, "event_threshold", "0.42").ok());
  EXPECT_FLOAT_EQ(o.event_threshold, 0.42f);
  EXPECT_TRUE(SetClustererOption(&o, "near_duplicates.min_similarity", "0.8").ok());
  EXPECT_DOUBLE_EQ(o.near_duplicates.min_similarity, 0.8);
  EXPECT_TRUE(SetClustererOption(&o, "storyline_merge_terms", "24").ok());
  EXPECT_EQ(o.storyline_merge_terms, 24u);
  EXPECT_FALSE(SetClustererOption(&o, "no_such_option", "1").ok());
  EXPECT_FALSE(SetClustererOption(&o, "query_keys", "-3").ok());
  EXPECT_FALSE(SetClustererOption(&o, "event_threshold", "0.4x").ok());

  PipelineOptions p;
  EXPECT_TRUE(SetPipelineOption(&p, "document.lead_decay", "0.25").ok());
  EXPECT_FLOAT_EQ(p.document.lead_decay, 0.25f);
  EXPECT_TRUE(SetPipelineOption(&p, "event_threshold", "0.42").ok());
  EXPECT_FLOAT_EQ(p.clusterer.event_threshold, 0.42f);
  EXPECT_FALSE(SetPipelineOption(&p, "document.lead_decay", "-1").ok());
  EXPECT_FALSE(SetPipelineOption(&p, "document.lead_decay", "x").ok());
  EXPECT_FALSE(SetPipelineOption(&p, "document.no_such_option", "1").ok());
  EXPECT_FLOAT_EQ(p.document.lead_decay, 0.25f);
}

// An English and a French report of one happening, and an English report of
// another, built from text with the entity stage's output given by hand.
struct Article3 {
  Article article;
  identity::ArticleEntities entities;
  std::vector<uint32_t> ids;
};

Article3 MakeArticle(const char* id, const char* lang, const char* text,
                     std::vector<std::pair<std::string, uint32_t>> places) {
  Article3 a;
  a.article.id = id;
  a.article.language = lang;
  a.article.text = text;
  a.article.published = "2021-07-26";
  for (const auto& [alias, gid] : places) {
    identity::ArticleEntity e;
    e.type = ner::EntityType::kLoc;
    e.alias_id = alias;
    a.entities.entities.push_back(e);
    a.ids.push_back(gid);
  }
  return a;
}

// A one-article event is dated by the day its article names twice (the
// happening), not by an earlier day it names once (the background).
TEST(StoryClusterer, OneArticleEventTakesTheDayItNamesTwice) {
  DocumentBuilder plain(nullptr);
  Article3 a = MakeArticle("m1", "en",
                           "The minister headed to Iraq on Thursday. On Wednesday, a convoy was "
                           "damaged. The minister's visit on Thursday shows France's intent.",
                           {});
  a.article.published = "2020-08-28";
  StoryDocument d =
      plain.Build(a.article, a.entities, a.ids, {"2020-08-27", "2020-08-26", "2020-08-27"});
  EXPECT_EQ(d.dates, (std::vector<int32_t>{DayFromIso("2020-08-26"), DayFromIso("2020-08-27")}));
  EXPECT_EQ(d.repeated_dates, (std::vector<int32_t>{DayFromIso("2020-08-27")}));
  StoryClusterer c(TestOptions());
  Assignment one = c.Add(d);
  EXPECT_EQ(c.Summarize(one.event).date, "2020-08-27");
  Result<std::unique_ptr<StoryClusterer>> loaded = StoryClusterer::Load(c.Save());
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->Summarize(one.event).date, "2020-08-27");
  // Named once each, the earliest day in the month before publication.
  d.repeated_dates.clear();
  StoryClusterer once(TestOptions());
  EXPECT_EQ(once.Summarize(once.Add(d).event).date, "2020-08-26");
}

// Without a publication day, the days an article names say nothing sure of
// its happening (the earliest here is an anniversary): its event is undated.
TEST(StoryClusterer, EventOfUndatedArticlesIsUndated) {
  DocumentBuilder plain(nullptr);
  Article3 a = MakeArticle("u1", "en",
                           "Veterans marked the armistice of 11 November 1918. On 11 November "
                           "1918 the guns fell silent; the ceremony was held on 9 November 2013.",
                           {});
  a.article.published.clear();
  StoryDocument d =
      plain.Build(a.article, a.entities, a.ids, {"1918-11-11", "1918-11-11", "2013-11-09"});
  ASSERT_EQ(d.day, kNoDay);
  ASSERT_EQ(d.repeated_dates, (std::vector<int32_t>{DayFromIso("1918-11-11")}));
  StoryClusterer c(TestOptions());
  EventSummary e = c.Summarize(c.Add(d).event);
  EXPECT_EQ(e.date, "");
  EXPECT_EQ(e.articles, (std::vector<std::string>{"u1"}));
}

// A crisis told over months: each report has its own words, but the same
// country, capital and leader, named again and again.
std::vector<StoryDocument> CrisisReports() {
  const char* words[] = {
      "protesters march squares demanding reforms police tear gas crowds friday prayers chant "
      "slogans arrests students",
      "army tanks shell besieged town residents flee shortages bread snipers rooftops hospital "
      "wounded electricity cut",
      "ceasefire monitors arrive observers mission truce violations envoy plan deadline "
      "withdrawal heavy weapons",
      "refugees camps border winter tents aid agencies appeal blankets children schools donors "
      "pledge millions",
      "opposition council formed exiles conference recognition delegates istanbul charter "
      "transition elections constitution",
  };
  std::vector<StoryDocument> out;
  for (int i = 0; i < 5; ++i) {
    const std::string n = std::to_string(i);
    std::string report = "c", filler = "f",
                filler_words = "football league season cup final goal striker ";
    report += n;
    filler += n;
    filler_words += n;
    out.push_back(MakeDoc(report, words[i], {1, 2, 3}, 100 + 40 * i));
    out.back().entities[0].mentions = 9;  // the country
    out.back().entities[1].mentions = 4;  // its leader
    out.back().entities[2].mentions = 2;  // its capital
    // Filler: other stories, so that the names are not everywhere.
    out.push_back(MakeDoc(filler, filler_words, {20 + static_cast<uint32_t>(i)}, 101 + 40 * i));
  }
  return out;
}

TEST(StoryClusterer, StorylineFollowsItsNamesWhileItsWordsChange) {
  StoryClusterer c(TestOptions());
  std::vector<Assignment> a = AddAll(c, CrisisReports());
  for (size_t i = 2; i < a.size(); i += 2) EXPECT_EQ(a[i].storyline, a[0].storyline) << i;
  // The words alone leave each report on its own.
  ClustererOptions words_only = TestOptions();
  words_only.salience_weight = 0;
  StoryClusterer w(words_only);
  std::vector<Assignment> b = AddAll(w, CrisisReports());
  EXPECT_NE(b[2].storyline, b[0].storyline);
}

TEST(StoryClusterer, OneSharedNameDoesNotMakeAStoryline) {
  std::vector<StoryDocument> docs = CrisisReports();
  // The second report shares only its most named entity with the first.
  docs[2].entities[1].id = 30;
  docs[2].entities[2].id = 31;
  StoryClusterer c(TestOptions());
  std::vector<Assignment> a = AddAll(c, docs);
  EXPECT_NE(a[2].storyline, a[0].storyline);
}

TEST(StoryClusterer, DocumentCountsMentionsOfNamesAndPlaces) {
  DocumentBuilder plain(nullptr);
  Article3 a = MakeArticle("m1", "en", "Iraq and Baghdad. Iraq again. Baghdad.",
                           {{"country:IQ", 4}, {"", 5}, {"country:IQ", 4}});
  a.entities.entities[0].mentions.resize(2);
  a.entities.entities[1].mentions.resize(3);
  StoryDocument d = plain.Build(a.article, a.entities, a.ids, {});
  ASSERT_EQ(d.entities.size(), 2u);
  EXPECT_EQ(d.entities[0].mentions, 3u);  // 2 + 1 (an entity without mentions counts once)
  EXPECT_EQ(d.entities[1].mentions, 3u);
  ASSERT_EQ(d.places.size(), 2u);
  ASSERT_EQ(d.place_mentions.size(), 2u);
  const bool iraq_first = d.places[0] == FeatureKey(FeatureKind::kPlace, "country:IQ");
  EXPECT_EQ(d.place_mentions[iraq_first ? 0 : 1], 3u);
  EXPECT_EQ(d.place_mentions[iraq_first ? 1 : 0], 3u);
}

TEST(StoryClusterer, FrenchArticleJoinsTheEnglishEvent) {
  ScopedTempDir tmp("stories_crosslingual");
  const std::string& dir = tmp.path();
  testing::WriteDictd(dir, "freedict-fra-eng",
                      {{"retrait", "retrait\nwithdrawal\n"},
                       {"troupe", "troupe\ntroop\n"},
                       {"combat", "combat\ncombat\n"},
                       {"annoncer", "annoncer\nto announce\n"},
                       {"fin", "fin\nend\n"},
                       {"mission", "mission\nmission\n"},
                       {"président", "président\npresident\n"}});
  LexiconOptions lo;
  lo.dict_dir = dir;
  Result<std::unique_ptr<const PivotLexicon>> lex = PivotLexicon::Load(lo);
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  DocumentBuilder builder(lex->get());
  DocumentBuilder plain(nullptr);
  Article3 en = MakeArticle("en1", "en",
                            "President announces withdrawal of combat troops from Iraq. The "
                            "combat mission will end by December 31, the president announced "
                            "in Washington after talks on the withdrawal of 2,500 troops.",
                            {{"country:IQ", 0}, {"country:US", 1}});
  Article3 other = MakeArticle("en2", "en",
                               "Floods in Germany: rescuers search for survivors as the death "
                               "toll rises to 160 after record rain in the Ahr valley.",
                               {{"country:DE", 2}});
  Article3 fr = MakeArticle("fr1", "fr",
                            "Le président annonce le retrait des troupes de combat d'Irak. La "
                            "mission de combat prendra fin le 31 décembre, a annoncé le "
                            "président à Washington, après des discussions sur le retrait de "
                            "2 500 soldats.",
                            {{"country:IQ", 0}, {"country:US", 1}});
  StoryDocument d_en = builder.Build(en.article, en.entities, en.ids);
  StoryDocument d_other = builder.Build(other.article, other.entities, other.ids);
  StoryDocument d_fr = builder.Build(fr.article, fr.entities, fr.ids);
  StoryDocument d_fr_plain = plain.Build(fr.article, fr.entities, fr.ids);
  auto shared = [](const StoryDocument& a, const StoryDocument& b) {
    int n = 0;
    for (const WeightedTerm& t : a.terms) {
      for (const WeightedTerm& u : b.terms) n += t.key == u.key;
    }
    return n;
  };
  // The lexicon is what makes the words meet.
  EXPECT_GE(shared(d_en, d_fr), shared(d_en, d_fr_plain) + 4);
  ASSERT_EQ(d_fr.places.size(), 2u);
  EXPECT_EQ(d_fr.places, d_en.places);

  ClustererOptions o = TestOptions();
  StoryClusterer c(o);
  Assignment a_en = c.Add(d_en);
  Assignment a_other = c.Add(d_other);
  Assignment a_fr = c.Add(d_fr);
  EXPECT_NE(a_en.event, a_other.event);
  EXPECT_EQ(a_fr.event, a_en.event);
  EventSummary e = c.Summarize(a_en.event, "fr");
  EXPECT_EQ(e.languages, (std::vector<std::string>{"en", "fr"}));
  EXPECT_EQ(e.title.substr(0, 13), "Le président");
  EXPECT_EQ(c.Summarize(a_en.event, "en").title.substr(0, 9), "President");
}

}  // namespace
}  // namespace dossier::stories
