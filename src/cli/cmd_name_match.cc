// dossier name-match: the name matcher on names out of context.
//   dossier name-match A B [--type PER]   one pair: "score<TAB>decision<TAB>kind"
//   dossier name-match < pairs.tsv        lines "name_a<TAB>name_b[<TAB>type]" (more
//                                         columns are ignored; '#' lines and blank
//                                         lines are skipped): each printed back with
//                                         "<TAB>score<TAB>decision<TAB>kind" appended
// Decision is "match" or "no-match"; kind says why (entities/name_matcher.h).
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "entities/identity_resources.h"
#include "entities/name_matcher.h"

namespace dossier::cli {
namespace {

struct NameMatchOptions {
  std::vector<std::string> names;
  std::string type;
};

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    size_t tab = line.find('\t', pos);
    if (tab == std::string::npos) {
      out.push_back(line.substr(pos));
      return out;
    }
    out.push_back(line.substr(pos, tab - pos));
    pos = tab + 1;
  }
}

// "" -> unknown; otherwise PER, ORG, LOC or MISC.
bool ParseType(const std::string& s, std::optional<ner::EntityType>* type) {
  type->reset();
  if (s.empty()) return true;
  *type = ner::ParseEntityType(s);
  return type->has_value();
}

std::string Line(const identity::NameMatch& m) {
  char score[16];
  std::snprintf(score, sizeof(score), "%.3f", m.score);
  return std::string(score) + "\t" + (m.match ? "match" : "no-match") + "\t" +
         std::string(identity::MatchKindName(m.kind));
}

nlohmann::json MatchJson(const std::string& a, const std::string& b, const identity::NameMatch& m) {
  return {{"a", a},
          {"b", b},
          {"score", m.score},
          {"match", m.match},
          {"kind", std::string(identity::MatchKindName(m.kind))}};
}

void Print(const nlohmann::json& j) {
  std::string line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::printf("%s\n", line.c_str());
}

int RunStdin(const GlobalOptions& global, const identity::NameMatcher& matcher) {
  std::string line;
  size_t line_no = 0;
  bool rejected = false;
  while (std::getline(std::cin, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = SplitTabs(line);
    std::optional<ner::EntityType> type;
    if (f.size() < 2 || !ParseType(f.size() > 2 ? f[2] : "", &type)) {
      std::fprintf(stderr, "dossier name-match: stdin:%zu: expected name_a<TAB>name_b[<TAB>type]\n",
                   line_no);
      rejected = true;
      continue;
    }
    identity::NameMatch m = matcher.Match(f[0], f[1], type);
    if (global.json) {
      Print(MatchJson(f[0], f[1], m));
    } else {
      std::printf("%s\t%s\t%s\n", f[0].c_str(), f[1].c_str(), Line(m).c_str());
    }
  }
  return rejected ? kExitRejected : kExitOk;
}

int Run(const GlobalOptions& global, const NameMatchOptions& o) {
  std::optional<ner::EntityType> type;
  if (!ParseType(o.type, &type)) {
    std::fprintf(stderr, "dossier name-match: --type must be PER, ORG, LOC or MISC\n");
    return kExitUsage;
  }
  if (!o.names.empty() && o.names.size() != 2) {
    std::fprintf(stderr, "dossier name-match: give two names, or none to read pairs from stdin\n");
    return kExitUsage;
  }
  Result<std::unique_ptr<const identity::IdentityResources>> resources =
      identity::IdentityResources::Load();
  if (!resources.ok()) {
    std::fprintf(stderr, "dossier name-match: %s\n", resources.status().ToString().c_str());
    return kExitFailure;
  }
  const identity::NameMatcher& matcher = (*resources)->matcher();
  if (o.names.empty()) return RunStdin(global, matcher);
  identity::NameMatch m = matcher.Match(o.names[0], o.names[1], type);
  if (global.json) {
    Print(MatchJson(o.names[0], o.names[1], m));
  } else {
    std::printf("%s\n", Line(m).c_str());
  }
  return kExitOk;
}

}  // namespace

void AddNameMatchCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto o = std::make_shared<NameMatchOptions>();
  CLI::App* cmd = app.add_subcommand(
      "name-match",
      "Do two names denote the same entity, out of context? Prints score, match/no-match and "
      "the kind of evidence; with no names, reads name_a<TAB>name_b[<TAB>type] lines on stdin");
  cmd->add_option("names", o->names, "two names (none: read pairs from stdin)");
  cmd->add_option("--type", o->type, "the entity type when known: PER, ORG, LOC or MISC");
  cmd->callback([&global, o, exit_code] { *exit_code = Run(global, *o); });
}

}  // namespace dossier::cli
