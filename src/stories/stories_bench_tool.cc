// stories_bench_tool: reads articles as JSON Lines ({"id", "text",
// "language", "published", "title", "dates": [ISO...]}) from a file or
// stdin, in order, and prints one JSON line per article:
//   {"id": ..., "event": N, "storyline": N, "copy_group": N, "score": x}
// then, since refinement may move earlier articles between events, one
// such line per article with its final event and storyline (readers keep
// the last line of each id), then one {"events": E, "storylines": S} line
// (E: events that have articles). For bench/story_bench.py
// until the dossier CLI carries the stories stage.
//
//   stories_bench_tool [--set name=value]... [--no-lexicon] [--settle-every N]
//                      [--save-docs OUT] [FILE]
//   stories_bench_tool [--set name=value]... [--settle-every N] --load-docs DOCS
// --settle-every settles the clusterer after every N articles, as the
// analysis pass does after each batch (512 articles); by default only at
// the end.
// --set document.lead_decay=X sets the DocumentBuilder's option (not with
// --load-docs: loaded documents are already built).
// --save-docs writes each article's StoryDocument as a JSON line; --load-docs
// clusters such a file without the text and entity stages (for tuning).
#include <fstream>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "stories/story_pipeline.h"

using namespace dossier;

namespace {

nlohmann::json DocToJson(const stories::StoryDocument& d) {
  nlohmann::json terms = nlohmann::json::array(), entities = nlohmann::json::array();
  for (const auto& t : d.terms) terms.push_back({t.key, t.weight});
  for (const auto& e : d.entities) entities.push_back({e.id, static_cast<int>(e.type), e.mentions});
  return {{"id", d.id},
          {"language", d.language},
          {"title", d.title},
          {"day", d.day},
          {"terms", terms},
          {"entities", entities},
          {"places", d.places},
          {"place_mentions", d.place_mentions},
          {"numbers", d.numbers},
          {"dates", d.dates},
          {"repeated_dates", d.repeated_dates},
          {"shingles", d.shingles}};
}

stories::StoryDocument DocFromJson(const nlohmann::json& j) {
  stories::StoryDocument d;
  d.id = j.at("id").get<std::string>();
  d.language = j.at("language").get<std::string>();
  d.title = j.at("title").get<std::string>();
  d.day = j.at("day").get<int32_t>();
  for (const auto& t : j.at("terms")) d.terms.push_back({t[0].get<uint64_t>(), t[1].get<float>()});
  for (const auto& e : j.at("entities")) {
    d.entities.push_back({e[0].get<uint32_t>(), static_cast<ner::EntityType>(e[1].get<int>()),
                          e.size() > 2 ? e[2].get<uint32_t>() : 1u});
  }
  d.places = j.at("places").get<std::vector<uint64_t>>();
  d.place_mentions = j.value("place_mentions", std::vector<uint32_t>{});
  d.numbers = j.at("numbers").get<std::vector<uint64_t>>();
  d.dates = j.at("dates").get<std::vector<int32_t>>();
  d.repeated_dates = j.value("repeated_dates", std::vector<int32_t>{});
  d.shingles = j.at("shingles").get<std::vector<uint64_t>>();
  return d;
}

// The final assignment of every article (refinement may have moved some);
// returns the number of events with articles.
size_t PrintFinal(stories::StoryClusterer& c) {
  c.Settle();
  size_t events = 0;
  for (uint32_t e = 0; e < c.event_count(); ++e) {
    stories::EventSummary s = c.Summarize(e);
    if (s.articles.empty()) continue;
    ++events;
    for (const std::string& id : s.articles) {
      std::cout << nlohmann::json{{"id", id}, {"event", e}, {"storyline", s.storyline}}.dump()
                << "\n";
    }
  }
  return events;
}

}  // namespace

int main(int argc, char** argv) {
  stories::PipelineOptions options;
  std::string path = "-", save_docs, load_docs;
  size_t settle_every = 0;
  bool lead_decay_set = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--set" && i + 1 < argc) {
      std::string kv = argv[++i];
      size_t eq = kv.find('=');
      const std::string name = kv.substr(0, eq);
      Status s = eq == std::string::npos
                     ? Status::InvalidInput("--set needs name=value")
                     : stories::SetPipelineOption(&options, name, kv.substr(eq + 1));
      if (!s.ok()) {
        std::cerr << s.ToString() << "\n";
        return 2;
      }
      lead_decay_set |= name == "document.lead_decay";
    } else if (arg == "--save-docs" && i + 1 < argc) {
      save_docs = argv[++i];
    } else if (arg == "--load-docs" && i + 1 < argc) {
      load_docs = argv[++i];
    } else if (arg == "--settle-every" && i + 1 < argc) {
      const std::string n = argv[++i];
      if (n.empty() || n.find_first_not_of("0123456789") != std::string::npos || n.size() > 9) {
        std::cerr << "--settle-every needs a number of articles, not '" << n << "'\n";
        return 2;
      }
      settle_every = std::stoul(n);
    } else if (arg == "--no-lexicon") {
      options.use_lexicon = false;
    } else if (arg.size() > 1 && arg[0] == '-') {
      std::cerr << "usage: stories_bench_tool [--set name=value]... [--no-lexicon] "
                   "[--settle-every N] [--save-docs OUT] [FILE]\n";
      return 2;
    } else {
      path = arg;
    }
  }
  if (!load_docs.empty() && lead_decay_set) {
    std::cerr << "--set document.lead_decay has no effect with --load-docs\n";
    return 2;
  }
  if (!load_docs.empty()) {
    std::ifstream in(load_docs);
    stories::StoryClusterer c(options.clusterer);
    for (std::string line; std::getline(in, line);) {
      stories::StoryDocument d = DocFromJson(nlohmann::json::parse(line));
      stories::Assignment as = c.Add(d);
      if (settle_every > 0 && c.article_count() % settle_every == 0) c.Settle();
      std::cout << nlohmann::json{{"id", d.id},
                                  {"event", as.event},
                                  {"storyline", as.storyline},
                                  {"copy_group", as.copy_group},
                                  {"score", as.score}}
                       .dump()
                << "\n";
    }
    size_t events = PrintFinal(c);
    std::cout << nlohmann::json{{"events", events}, {"storylines", c.live_storyline_count()}}.dump()
              << "\n";
    return 0;
  }
  std::ofstream saved;
  if (!save_docs.empty()) saved.open(save_docs);
  Result<std::unique_ptr<stories::StoryPipeline>> pipeline =
      stories::StoryPipeline::Create(options);
  if (!pipeline.ok()) {
    std::cerr << pipeline.status().ToString() << "\n";
    return 3;
  }
  std::ifstream file;
  if (path != "-") {
    file.open(path);
    if (!file) {
      std::cerr << "cannot open " << path << "\n";
      return 2;
    }
  }
  std::istream& in = path == "-" ? std::cin : file;
  std::string line;
  int line_no = 0, rejected = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("text")) {
      std::cerr << path << ": line " << line_no << ": not a JSON object with \"text\"\n";
      ++rejected;
      continue;
    }
    Article a;
    a.id = j.value("id", std::to_string(line_no));
    a.text = j.value("text", "");
    a.language = j.value("language", "en");
    a.published = j.value("published", "");
    a.title = j.value("title", "");
    std::vector<std::string> dates;
    if (j.contains("dates") && j["dates"].is_array()) {
      for (const auto& d : j["dates"]) {
        if (d.is_string()) dates.push_back(d.get<std::string>());
      }
    }
    stories::StoryDocument doc = (*pipeline)->Build(a, dates);
    if (saved.is_open()) saved << DocToJson(doc).dump() << "\n";
    stories::Assignment as = (*pipeline)->clusterer().Add(doc);
    if (settle_every > 0 && (*pipeline)->clusterer().article_count() % settle_every == 0)
      (*pipeline)->clusterer().Settle();
    nlohmann::json out = {{"id", a.id},
                          {"event", as.event},
                          {"storyline", as.storyline},
                          {"copy_group", as.copy_group},
                          {"score", as.score}};
    std::cout << out.dump() << "\n";
  }
  stories::StoryClusterer& c = (*pipeline)->clusterer();
  size_t events = PrintFinal(c);
  std::cout << nlohmann::json{{"events", events},
                              {"storylines", c.live_storyline_count()},
                              {"lexicon_fr",
                               (*pipeline)->lexicon() ? (*pipeline)->lexicon()->size("fr") : 0}}
                   .dump()
            << "\n";
  return rejected > 0 ? 1 : 0;
}
