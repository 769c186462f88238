// Tested by timeline_test.cc.
#include "engine/timeline.h"

#include <algorithm>
#include <set>
#include <utility>

#include "engine/article_stages.h"

namespace dossier {
namespace {

using Json = nlohmann::json;

// Two sentences report the same happening when most content words of the
// shorter one are in the other (an overlap coefficient, so that a short
// headline matches the longer sentence that tells it).
constexpr double kSameHappeningOverlap = 0.5;
constexpr size_t kMinContentWordBytes = 4;

std::set<std::string> ContentWords(std::string_view text) {
  std::set<std::string> out;
  std::string word;
  auto flush = [&] {
    if (word.size() >= kMinContentWordBytes) out.insert(word);
    word.clear();
  };
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
      word += c;
    } else if (c >= 'A' && c <= 'Z') {
      word += static_cast<char>(c - 'A' + 'a');
    } else {
      flush();
    }
  }
  flush();
  return out;
}

double Overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  for (const std::string& w : a) shared += b.count(w);
  return static_cast<double>(shared) / static_cast<double>(std::min(a.size(), b.size()));
}

Result<Json> LoadRow(Store* store, std::string_view collection, std::string_view id) {
  Result<FindingRow> row = store->GetFinding(collection, id);
  if (!row.ok()) return row.status();
  Json j = Json::parse(row->json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::Corruption("stored " + std::string(collection) + " row \"" + std::string(id) +
                              "\" is not a JSON object");
  }
  return j;
}

std::string StringOr(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

struct Candidate {
  TimelineEntry entry;
  std::set<std::string> words;
};

// Adds `c` to the entry of the same date that tells the same happening, or
// as a new entry.
void Merge(Candidate c, std::vector<Candidate>* entries) {
  for (Candidate& e : *entries) {
    if (e.entry.date != c.entry.date || Overlap(e.words, c.words) < kSameHappeningOverlap) continue;
    const std::string& article = c.entry.sources.front().article;
    const bool has_article =
        std::any_of(e.entry.sources.begin(), e.entry.sources.end(),
                    [&](const TimelineSource& s) { return s.article == article; });
    if (has_article) continue;
    e.entry.sources.push_back(std::move(c.entry.sources.front()));
    e.entry.estimated = e.entry.estimated && c.entry.estimated;
    return;
  }
  entries->push_back(std::move(c));
}

// The happenings of one event's articles, merged into `entries`.
Status AddEvent(Store* store, const Json& event, std::vector<Candidate>* entries) {
  const std::string event_id = StringOr(event, "id");
  // An event of undated articles is placed in its storyline
  // (engine/event_dates.h). Its articles' leads go with it. Their other
  // sentences dated only through the estimate of the publication day ("on
  // Wednesday", "last month") are left out: resolved against a guess, their
  // dates could be years off.
  const std::string placed = event.value("date_estimated", false) ? StringOr(event, "date") : "";
  bool any = false;
  std::vector<TimelineSource> plain;  // the articles, for an event without happenings
  for (const auto& a : event.value("articles", Json::array())) {
    if (!a.is_string()) continue;
    Result<Article> article = store->GetArticle(a.get<std::string>());
    if (!article.ok()) return article.status();
    TimelineSource base;
    base.article = article->id;
    base.outlet = article->outlet;
    base.language = article->language;
    base.sentence = article->title;
    plain.push_back(base);
    Result<Json> row = LoadRow(store, kHappenings, article->id);
    if (!row.ok()) {
      if (row.status().code() == Status::Code::kNotFound) continue;  // analysed before timelines
      return row.status();
    }
    for (const auto& h : (*row).value("happenings", Json::array())) {
      const bool estimated = h.value("estimated", false);
      if (estimated && !placed.empty() && !h.value("lead", false)) continue;
      const std::string date = estimated && !placed.empty() ? placed : StringOr(h, "date");
      const std::string text = StringOr(h, "text");
      if (date.empty() || text.empty()) continue;
      Candidate c;
      c.entry.date = date;
      c.entry.estimated = estimated;
      c.entry.event = event_id;
      c.entry.text = text;
      TimelineSource s = base;
      s.sentence = text;
      s.start = h.value("start", 0u);
      s.end = h.value("end", 0u);
      c.entry.sources.push_back(std::move(s));
      c.words = ContentWords(text);
      Merge(std::move(c), entries);
      any = true;
    }
  }
  if (!any && !plain.empty()) {
    Candidate c;
    c.entry.date = StringOr(event, "date");
    c.entry.event = event_id;
    c.entry.text = StringOr(event, "title");
    c.entry.sources = std::move(plain);
    entries->push_back(std::move(c));
  }
  return Status::OK();
}

}  // namespace

Result<Timeline> BuildTimeline(Store* store, std::string_view id) {
  Timeline t;
  t.id = std::string(id);
  std::vector<Json> events;
  const bool storyline = id.starts_with("S");
  if (!storyline && !id.starts_with("V")) {
    return Status::NotFound("no storyline or event \"" + std::string(id) + "\"");
  }
  Result<Json> head = LoadRow(store, storyline ? "storylines" : "events", id);
  if (!head.ok()) {
    if (head.status().code() != Status::Code::kNotFound) return head.status();
    return Status::NotFound(std::string("no ") + (storyline ? "storyline" : "event") + " \"" +
                            std::string(id) + "\"");
  }
  t.title = StringOr(*head, "title");
  if (storyline) {
    for (const auto& e : head->value("events", Json::array())) {
      if (!e.is_string()) continue;
      Result<Json> event = LoadRow(store, "events", e.get<std::string>());
      if (!event.ok()) {
        if (event.status().code() == Status::Code::kNotFound) continue;
        return event.status();
      }
      events.push_back(std::move(*event));
    }
  } else {
    events.push_back(std::move(*head));
  }
  std::vector<Candidate> entries;
  for (const Json& e : events) {
    Status s = AddEvent(store, e, &entries);
    if (!s.ok()) return s;
  }
  // ISO 8601 strings order by time; a coarser date ("2020-09") before the
  // days it holds; undated entries last.
  std::stable_sort(entries.begin(), entries.end(), [](const Candidate& a, const Candidate& b) {
    if (a.entry.date.empty() != b.entry.date.empty()) return b.entry.date.empty();
    return a.entry.date < b.entry.date;
  });
  for (Candidate& c : entries) t.entries.push_back(std::move(c.entry));
  return t;
}

nlohmann::ordered_json TimelineJson(const Timeline& timeline) {
  nlohmann::ordered_json j;
  j["id"] = timeline.id;
  j["title"] = timeline.title;
  j["entries"] = nlohmann::ordered_json::array();
  for (const TimelineEntry& e : timeline.entries) {
    nlohmann::ordered_json item;
    item["date"] =
        e.date.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(e.date);
    item["estimated"] = e.estimated;
    item["event"] = e.event;
    item["text"] = e.text;
    item["sources"] = nlohmann::ordered_json::array();
    for (const TimelineSource& s : e.sources) {
      item["sources"].push_back({{"article", s.article},
                                 {"outlet", s.outlet},
                                 {"language", s.language},
                                 {"sentence", s.sentence},
                                 {"start", s.start},
                                 {"end", s.end}});
    }
    j["entries"].push_back(std::move(item));
  }
  return j;
}

}  // namespace dossier
