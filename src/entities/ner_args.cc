// Tested by model_io_test.cc.
#include "entities/ner_args.h"

#include <charconv>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

namespace dossier::ner {
namespace {

// Values are one line: newlines are escaped.
std::string Escape(std::string_view v) {
  std::string s;
  for (char c : v) {
    if (c == '\\') {
      s += "\\\\";
    } else if (c == '\n') {
      s += "\\n";
    } else {
      s += c;
    }
  }
  return s;
}

std::string Unescape(std::string_view v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '\\' && i + 1 < v.size()) {
      s += v[i + 1] == 'n' ? '\n' : v[i + 1];
      ++i;
    } else {
      s += v[i];
    }
  }
  return s;
}

// One key of the text form: how to print it and how to read it back.
struct Field {
  const char* key;
  std::function<std::string(const NerArgs&)> get;
  std::function<bool(const std::string&, NerArgs*)> set;
};

template <typename T>
Field Number(const char* key, T NerArgs::*member) {
  return {key, [member](const NerArgs& a) { return std::to_string(a.*member); },
          [member](const std::string& v, NerArgs* a) {
            if constexpr (std::is_floating_point_v<T>) {
              char* end = nullptr;
              a->*member = static_cast<T>(std::strtod(v.c_str(), &end));
              return end != v.c_str() && *end == '\0';
            } else {
              auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), a->*member);
              return ec == std::errc() && p == v.data() + v.size();
            }
          }};
}

bool ReadFlag(const std::string& v, bool* out) {
  if (v != "0" && v != "1") return false;
  *out = v == "1";
  return true;
}

Field Flag(const char* key, bool NerArgs::*member) {
  return {key, [member](const NerArgs& a) { return std::string(a.*member ? "1" : "0"); },
          [member](const std::string& v, NerArgs* a) { return ReadFlag(v, &(a->*member)); }};
}

Field FeatureFlag(const char* key, bool FeatureOptions::*member) {
  return {
      key, [member](const NerArgs& a) { return std::string(a.features.*member ? "1" : "0"); },
      [member](const std::string& v, NerArgs* a) { return ReadFlag(v, &(a->features.*member)); }};
}

Field Text(const char* key, std::string NerArgs::*member) {
  return {key, [member](const NerArgs& a) { return a.*member; },
          [member](const std::string& v, NerArgs* a) {
            a->*member = v;
            return true;
          }};
}

const std::vector<Field>& Fields() {
  static const std::vector<Field> fields = {
      Text("lang", &NerArgs::lang),
      Number("hash_bits", &NerArgs::hash_bits),
      Flag("non_local", &NerArgs::non_local),
      FeatureFlag("gazetteer", &FeatureOptions::gazetteer),
      FeatureFlag("clusters_used", &FeatureOptions::clusters),
      FeatureFlag("document", &FeatureOptions::document),
      Number("epochs", &NerArgs::epochs),
      Number("patience", &NerArgs::patience),
      Number("folds", &NerArgs::folds),
      Number("seed", &NerArgs::seed),
      Number("dev_fraction", &NerArgs::dev_fraction),
      Flag("retrain_full", &NerArgs::retrain_full),
      Number("prune", &NerArgs::prune),
      Number("clusters", &NerArgs::clusters),
      Number("min_cluster_count", &NerArgs::min_cluster_count),
      Flag("clean_silver", &NerArgs::clean_silver),
      Number("score_a", &NerArgs::score_a),
      Number("score_b", &NerArgs::score_b),
      Text("command", &NerArgs::command),
      Text("train", &NerArgs::train),
      Text("dev", &NerArgs::dev),
      Text("resources", &NerArgs::resources),
      Text("scores", &NerArgs::scores),
  };
  return fields;
}

}  // namespace

std::string NerArgs::ToText() const {
  std::string s;
  for (const Field& f : Fields()) {
    s += f.key;
    s += '=';
    s += Escape(f.get(*this));
    s += '\n';
  }
  return s;
}

Result<NerArgs> NerArgs::FromText(std::string_view text) {
  NerArgs a;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view key = line.substr(0, eq);
    for (const Field& f : Fields()) {
      if (key != f.key) continue;
      if (!f.set(Unescape(line.substr(eq + 1)), &a)) {
        return Status::InvalidInput("bad model argument " + std::string(line));
      }
    }
  }
  if (a.hash_bits < 8 || a.hash_bits > 30) {
    return Status::InvalidInput("bad model argument hash_bits=" + std::to_string(a.hash_bits));
  }
  return a;
}

}  // namespace dossier::ner
