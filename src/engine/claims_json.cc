// Tested by engine_test.cc (ClaimsJson*).
#include "engine/claims_json.h"

#include <cmath>
#include <exception>
#include <limits>

#include <nlohmann/json.hpp>

namespace dossier {
namespace {

using Json = nlohmann::json;

Json PointJson(const TimePoint& p) {
  return {{"p", static_cast<int>(p.precision)},
          {"y", p.year},
          {"m", p.month},
          {"d", p.day},
          {"w", p.week},
          {"we", p.weekend},
          {"s", p.season},
          {"v", p.vague}};
}

TimePoint PointFrom(const Json& j) {
  TimePoint p;
  p.precision = static_cast<Precision>(j.at("p").get<int>());
  p.year = j.at("y");
  p.month = j.at("m");
  p.day = j.at("d");
  p.week = j.at("w");
  p.weekend = j.at("we");
  p.season = j.at("s");
  p.vague = j.at("v");
  return p;
}

Json DateJson(const ClaimDate& d) {
  return {
      {"known", d.known},          {"value", d.value},         {"start", PointJson(d.start)},
      {"last", PointJson(d.last)}, {"estimated", d.estimated}, {"from_sentence", d.from_sentence}};
}

ClaimDate DateFrom(const Json& j) {
  ClaimDate d;
  d.known = j.at("known");
  d.value = j.at("value");
  d.start = PointFrom(j.at("start"));
  d.last = PointFrom(j.at("last"));
  d.estimated = j.at("estimated");
  d.from_sentence = j.at("from_sentence");
  return d;
}

}  // namespace

std::string ClaimsToJson(const ArticleFacts& facts) {
  Json j;
  j["article"] = facts.article;
  j["figures"] = Json::array();
  for (const NumericClaim& c : facts.figures) {
    j["figures"].push_back({{"sentence", c.sentence},
                            {"begin", c.begin},
                            {"end", c.end},
                            {"value", c.value},
                            {"low", c.low},
                            // JSON has no infinity: null is "unbounded".
                            {"high", std::isfinite(c.high) ? Json(c.high) : Json(nullptr)},
                            {"approx", c.approx},
                            {"vague", c.vague},
                            {"unit", c.unit},
                            {"counted", c.counted},
                            {"qualifier", c.qualifier},
                            {"counts_a_set", c.counts_a_set},
                            {"nationality", c.nationality},
                            {"subject", c.subject},
                            {"subject_keys", c.subject_keys},
                            {"date", DateJson(c.date)},
                            {"text", c.text}});
  }
  j["happenings"] = Json::array();
  for (const HappeningClaim& h : facts.happenings) {
    j["happenings"].push_back({{"sentence", h.sentence},
                               {"begin", h.begin},
                               {"end", h.end},
                               {"happening", h.happening},
                               {"participant", h.participant},
                               {"participant_text", h.participant_text},
                               {"date", DateJson(h.date)},
                               {"date_begin", h.date_begin},
                               {"date_end", h.date_end}});
  }
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<ArticleFacts> ClaimsFromJson(const std::string& json) {
  try {
    const Json j = Json::parse(json);
    ArticleFacts f;
    f.article = j.at("article");
    for (const Json& c : j.at("figures")) {
      NumericClaim n;
      n.article = f.article;
      n.sentence = c.at("sentence");
      n.begin = c.at("begin");
      n.end = c.at("end");
      n.value = c.at("value");
      n.low = c.at("low");
      n.high = c.at("high").is_null() ? std::numeric_limits<double>::infinity()
                                      : c.at("high").get<double>();
      n.approx = c.at("approx");
      // Claims stored before these three were kept lack them.
      n.vague = c.value("vague", false);
      n.unit = c.at("unit");
      n.counted = c.at("counted");
      n.qualifier = c.value("qualifier", std::string());
      n.counts_a_set = c.value("counts_a_set", true);
      n.nationality = c.at("nationality");
      n.subject = c.at("subject");
      n.subject_keys = c.at("subject_keys").get<std::vector<std::string>>();
      n.date = DateFrom(c.at("date"));
      n.text = c.at("text");
      f.figures.push_back(std::move(n));
    }
    for (const Json& c : j.at("happenings")) {
      HappeningClaim h;
      h.article = f.article;
      h.sentence = c.at("sentence");
      h.begin = c.at("begin");
      h.end = c.at("end");
      h.happening = c.at("happening");
      h.participant = c.at("participant");
      h.participant_text = c.at("participant_text");
      h.date = DateFrom(c.at("date"));
      h.date_begin = c.at("date_begin");
      h.date_end = c.at("date_end");
      f.happenings.push_back(std::move(h));
    }
    return f;
  } catch (const std::exception& e) {
    return Status::Corruption(std::string("stored claims: ") + e.what());
  }
}

}  // namespace dossier
