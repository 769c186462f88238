// dossier stories | event ID | timeline STORYLINE: the storylines, one event,
// and a storyline's events in date order with their sources.
#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/store_access.h"
#include "engine/timeline.h"

namespace dossier::cli {
namespace {

using Json = nlohmann::json;

// The rows of a findings collection by id, in stored order.
struct Rows {
  std::vector<Json> items;
  std::map<std::string, size_t> by_id;
};

std::optional<Rows> Load(Store* store, const char* collection) {
  Result<std::vector<FindingRow>> rows = store->ListFindings(collection);
  if (!rows.ok()) {
    PrintError(std::string("reading ") + collection + " failed", rows.status());
    return std::nullopt;
  }
  Rows out;
  for (const FindingRow& r : *rows) {
    out.by_id[r.id] = out.items.size();
    out.items.push_back(Json::parse(r.json, nullptr, false));
  }
  return out;
}

std::string Dump(const Json& j) { return j.dump(2, ' ', false, Json::error_handler_t::replace); }

std::string DateOr(const Json& v, const char* none) {
  return v.is_string() ? v.get<std::string>() : std::string(none);
}

// The outlets of an event's articles, for "who reported it".
std::vector<std::string> Outlets(Store* store, const Json& event) {
  std::vector<std::string> out;
  for (const auto& id : event["articles"]) {
    Result<Article> a = store->GetArticle(id.get<std::string>());
    std::string outlet = a.ok() && !a->outlet.empty() ? a->outlet : "(unknown outlet)";
    if (std::find(out.begin(), out.end(), outlet) == out.end()) out.push_back(outlet);
  }
  return out;
}

// An event's date, "~" after it when estimated (none of its articles is dated).
std::string EventDate(const Json& e, const char* none) {
  std::string date = DateOr(e["date"], none);
  if (e.value("date_estimated", false)) date += "~";
  return date;
}

void PrintEventLine(Store* store, const Json& e) {
  std::string outlets;
  for (const std::string& o : Outlets(store, e)) outlets += (outlets.empty() ? "" : ", ") + o;
  std::printf("  %-11s %-5s %s\n              %zu article%s, %d independent source%s (%s)\n",
              EventDate(e, "-").c_str(), e["id"].get<std::string>().c_str(),
              e["title"].get<std::string>().c_str(), e["articles"].size(),
              e["articles"].size() == 1 ? "" : "s", e["sources"].get<int>(),
              e["sources"].get<int>() == 1 ? "" : "s", outlets.c_str());
}

int RunStories(const GlobalOptions& global) {
  std::unique_ptr<Store> store = OpenStoreOrReport(global.db, /*read_only=*/true);
  if (!store) return kExitFailure;
  std::optional<Rows> storylines = Load(store.get(), "storylines");
  std::optional<Rows> events = Load(store.get(), "events");
  if (!storylines || !events) return kExitFailure;
  if (global.json) {
    Json out = Json::array();
    for (Json s : storylines->items) {
      Json evs = Json::array();
      for (const auto& id : s["events"]) evs.push_back(events->items[events->by_id.at(id)]);
      s["events"] = evs;
      out.push_back(s);
    }
    std::printf("%s\n", Dump(out).c_str());
    return kExitOk;
  }
  if (storylines->items.empty()) std::printf("no storylines yet (ingest or analyze articles)\n");
  for (const Json& s : storylines->items) {
    std::printf("%s %s [%s .. %s]\n", s["id"].get<std::string>().c_str(),
                s["title"].get<std::string>().c_str(), DateOr(s["first_date"], "?").c_str(),
                DateOr(s["last_date"], "?").c_str());
    for (const auto& id : s["events"]) {
      auto it = events->by_id.find(id);
      if (it != events->by_id.end()) PrintEventLine(store.get(), events->items[it->second]);
    }
  }
  if (std::any_of(events->items.begin(), events->items.end(),
                  [](const Json& e) { return e.value("date_estimated", false); })) {
    std::printf(
        "~ estimated: none of the event's articles is dated (dossier event ID tells more)\n");
  }
  return kExitOk;
}

int RunEvent(const GlobalOptions& global, const std::string& id) {
  std::unique_ptr<Store> store = OpenStoreOrReport(global.db, /*read_only=*/true);
  if (!store) return kExitFailure;
  std::optional<Rows> events = Load(store.get(), "events");
  if (!events) return kExitFailure;
  auto it = events->by_id.find(id);
  if (it == events->by_id.end()) {
    std::fprintf(stderr, "dossier: no event with id %s\n", id.c_str());
    return kExitRejected;
  }
  Json e = events->items[it->second];
  if (global.json) {
    e["outlets"] = Outlets(store.get(), e);
    std::printf("%s\n", Dump(e).c_str());
    return kExitOk;
  }
  std::printf("%s %s\n", e["id"].get<std::string>().c_str(), e["title"].get<std::string>().c_str());
  std::printf("date: %s", EventDate(e, "unknown").c_str());
  if (e.value("date_estimated", false)) {
    if (e["not_before"].is_string()) {
      std::printf(" (estimated: no article has a publication day; not before %s)",
                  e["not_before"].get<std::string>().c_str());
    } else {
      std::printf(" (estimated from its storyline: no article is dated or names a date)");
    }
  }
  std::printf("   storyline: %s   languages:", e["storyline"].get<std::string>().c_str());
  for (const auto& l : e["languages"]) std::printf(" %s", l.get<std::string>().c_str());
  std::printf("\n%d independent sources; articles (copies grouped):\n", e["sources"].get<int>());
  for (const auto& group : e["copy_groups"]) {
    for (size_t k = 0; k < group.size(); ++k) {
      Result<Article> a = store->GetArticle(group[k].get<std::string>());
      std::printf(
          "  %s %-16s %-10s %-14s %s\n", k == 0 ? "*" : " ", group[k].get<std::string>().c_str(),
          a.ok() && !a->published.empty() ? a->published.c_str() : "-",
          a.ok() && !a->outlet.empty() ? a->outlet.c_str() : "-", a.ok() ? a->title.c_str() : "");
    }
  }
  return kExitOk;
}

int RunTimeline(const GlobalOptions& global, const std::string& id) {
  std::unique_ptr<Store> store = OpenStoreOrReport(global.db, /*read_only=*/true);
  if (!store) return kExitFailure;
  Result<Timeline> t = BuildTimeline(store.get(), id);
  if (!t.ok()) {
    if (t.status().code() == Status::Code::kNotFound) {
      std::fprintf(stderr, "dossier: %s\n", t.status().message().c_str());
      return kExitRejected;
    }
    PrintError("reading the timeline failed", t.status());
    return kExitFailure;
  }
  if (global.json) {
    std::printf("%s\n",
                TimelineJson(*t).dump(2, ' ', false, Json::error_handler_t::replace).c_str());
    return kExitOk;
  }
  std::printf("%s %s\n", t->id.c_str(), t->title.c_str());
  for (const TimelineEntry& e : t->entries) {
    std::printf("%-10s%s %-5s %s\n", e.date.empty() ? "-" : e.date.c_str(), e.estimated ? "~" : " ",
                e.event.c_str(), e.text.c_str());
    std::string sources;
    for (const TimelineSource& s : e.sources) {
      sources += sources.empty() ? "" : "; ";
      sources +=
          (s.outlet.empty() ? "(unknown outlet)" : s.outlet) + " " + s.language + " " + s.article;
    }
    std::printf("%17s %s\n", "", sources.c_str());
  }
  if (std::any_of(t->entries.begin(), t->entries.end(),
                  [](const TimelineEntry& e) { return e.estimated; })) {
    std::printf(
        "~ estimated: no publication day (an event placed in its storyline, or a date\n"
        "  the text gives relative to an estimated publication day)\n");
  }
  return kExitOk;
}

}  // namespace

void AddStoriesCommands(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* stories =
      app.add_subcommand("stories", "The storylines, each with its events and their sources");
  stories->callback([&global, exit_code] { *exit_code = RunStories(global); });

  auto event_id = std::make_shared<std::string>();
  CLI::App* event = app.add_subcommand("event", "One event: its date, articles and copies");
  event->add_option("id", *event_id, "an event id, such as V3")->required();
  event->callback([&global, event_id, exit_code] { *exit_code = RunEvent(global, *event_id); });

  auto storyline_id = std::make_shared<std::string>();
  CLI::App* timeline = app.add_subcommand(
      "timeline", "The dated happenings of a storyline or event, in order, with their sources");
  timeline->add_option("id", *storyline_id, "a storyline id (S0) or an event id (V3)")->required();
  timeline->callback(
      [&global, storyline_id, exit_code] { *exit_code = RunTimeline(global, *storyline_id); });
}

}  // namespace dossier::cli
