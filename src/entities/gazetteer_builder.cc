// Tested by gazetteer_test.cc (on small files it writes).
#include "entities/gazetteer_builder.h"

#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "entities/corpus_reader.h"
#include "entities/simple_tokenizer.h"
#include "entities/word_forms.h"

namespace dossier::ner {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> f;
  size_t pos = 0;
  for (;;) {
    size_t tab = line.find('\t', pos);
    f.push_back(line.substr(pos, tab == std::string_view::npos ? tab : tab - pos));
    if (tab == std::string_view::npos) return f;
    pos = tab + 1;
  }
}

// Latin script (with Latin-1 and Latin Extended letters), digits, spaces
// and common punctuation only.
bool IsLatinName(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) continue;
    // Lead bytes C2..C9 cover U+0080..U+027F (Latin-1 Supplement, Latin
    // Extended-A and -B, IPA); E2 80 covers quotes and dashes.
    if (c >= 0xC2 && c <= 0xC9) {
      ++i;
      continue;
    }
    if (c == 0xE2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

class Builder {
 public:
  Builder(Gazetteer* g, GazetteerBuildStats* stats) : g_(g), stats_(stats) {}

  void Add(std::string_view category, std::string_view name) {
    if (name.size() < 2 || !IsLatinName(name)) return;
    // Short codes in capitals ("ALV", "NYC") are not names in running text.
    if (name.size() <= 4 && GetCaseClass(name) == CaseClass::kAllCaps) return;
    int id = g_->AddCategory(category);
    if (id < 0) return;
    tokens_.clear();
    SimpleTokenize(name, &tokens_);
    std::vector<std::string> lower;
    for (std::string_view t : tokens_) lower.push_back(Lower(t));
    g_->Add(id, lower);
    ++stats_->names;
  }

 private:
  Gazetteer* g_;
  GazetteerBuildStats* stats_;
  std::vector<std::string_view> tokens_;
};

// ISO 639-2/T codes of countries.json for the ISO 639-1 codes we train.
std::string Iso3(const std::string& lang) {
  if (lang == "en") return "eng";
  if (lang == "fr") return "fra";
  if (lang == "de") return "deu";
  if (lang == "es") return "spa";
  if (lang == "it") return "ita";
  if (lang == "pt") return "por";
  if (lang == "nl") return "nld";
  return lang;
}

std::string Plural(const std::string& lang, std::string_view w) {
  std::string s(w);
  if (s.empty() || s.back() == 's' || s.back() == 'x' || s.back() == 'z') return s;
  if (lang == "en" && s.ends_with("ese")) return s;  // the Chinese, the Japanese
  return s + "s";
}

Status ReadCities(const std::string& path, Builder* b) {
  std::string text;
  DOSSIER_RETURN_IF_ERROR(ReadFileToString(path, &text));
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + pos, nl - pos);
    pos = nl + 1;
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() < 15) continue;
    long population = std::strtol(std::string(f[14]).c_str(), nullptr, 10);
    std::string_view cat = population >= 1000000  ? "city_1m"
                           : population >= 100000 ? "city_100k"
                                                  : "city";
    b->Add(cat, f[1]);
    b->Add(cat, f[2]);
    std::string_view alt = f[3];
    size_t p = 0;
    while (p < alt.size()) {
      size_t comma = alt.find(',', p);
      if (comma == std::string_view::npos) comma = alt.size();
      b->Add(cat, alt.substr(p, comma - p));
      p = comma + 1;
    }
  }
  return Status::OK();
}

Status ReadTsvColumn(const std::string& path, size_t column, std::string_view cat, Builder* b,
                     size_t column2 = SIZE_MAX, std::string_view cat2 = {}) {
  std::string text;
  DOSSIER_RETURN_IF_ERROR(ReadFileToString(path, &text));
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + pos, nl - pos);
    pos = nl + 1;
    if (line.starts_with("#")) continue;
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() > column) b->Add(cat, f[column]);
    if (column2 != SIZE_MAX && f.size() > column2) b->Add(cat2, f[column2]);
  }
  return Status::OK();
}

void AddJsonString(const nlohmann::json* j, std::string_view cat, Builder* b) {
  if (j != nullptr && j->is_string()) b->Add(cat, j->get_ref<const std::string&>());
}

// The member `key` of object j, or nullptr.
const nlohmann::json* Get(const nlohmann::json* j, const char* key) {
  if (j == nullptr || !j->is_object()) return nullptr;
  auto it = j->find(key);
  return it == j->end() ? nullptr : &*it;
}

// Calls fn on each element of an array or each value of an object.
template <typename Fn>
void Each(const nlohmann::json* j, Fn fn) {
  if (j == nullptr || !(j->is_array() || j->is_object())) return;
  for (auto it = j->begin(); it != j->end(); ++it) fn(&*it);
}

Status ReadCountriesJson(const std::string& path, const std::string& lang, Builder* b) {
  std::string text;
  DOSSIER_RETURN_IF_ERROR(ReadFileToString(path, &text));
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_array())
    return Status::InvalidInput(path + ": not a JSON array");
  const std::string l3 = Iso3(lang);
  for (const nlohmann::json& country : doc) {
    const nlohmann::json* c = &country;
    const nlohmann::json* name = Get(c, "name");
    AddJsonString(Get(name, "common"), "country", b);
    AddJsonString(Get(name, "official"), "country", b);
    Each(Get(name, "native"),
         [&](const nlohmann::json* v) { AddJsonString(Get(v, "common"), "country", b); });
    Each(Get(c, "altSpellings"), [&](const nlohmann::json* v) { AddJsonString(v, "country", b); });
    const nlohmann::json* tr = Get(Get(c, "translations"), l3.c_str());
    AddJsonString(Get(tr, "common"), "country", b);
    AddJsonString(Get(tr, "official"), "country", b);
    Each(Get(c, "capital"), [&](const nlohmann::json* v) { AddJsonString(v, "capital", b); });
    AddJsonString(Get(c, "subregion"), "area", b);
    AddJsonString(Get(c, "region"), "area", b);
    const nlohmann::json* dem = Get(Get(c, "demonyms"), l3.c_str());
    for (const char* g : {"f", "m"}) {
      const nlohmann::json* d = Get(dem, g);
      if (d == nullptr || !d->is_string()) continue;
      b->Add("demonym", d->get_ref<const std::string&>());
      b->Add("demonym", Plural(lang, d->get_ref<const std::string&>()));
    }
    // Language names are given in English only.
    if (lang == "en") {
      Each(Get(c, "languages"), [&](const nlohmann::json* v) { AddJsonString(v, "language", b); });
    }
  }
  return Status::OK();
}

Status ReadCountryTranslations(const std::string& path, const std::string& lang, Builder* b) {
  std::string text;
  DOSSIER_RETURN_IF_ERROR(ReadFileToString(path, &text));
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Status::InvalidInput(path + ": not a JSON object");
  }
  Each(&doc,
       [&](const nlohmann::json* names) { AddJsonString(Get(names, lang.c_str()), "country", b); });
  return Status::OK();
}

bool Exists(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  std::fclose(f);
  return true;
}

}  // namespace

Status BuildGazetteer(const std::string& dir, const std::string& lang, Gazetteer* g,
                      GazetteerBuildStats* stats) {
  *stats = GazetteerBuildStats();
  Builder b(g, stats);
  // Categories in a fixed order, so ids do not depend on which files exist.
  for (const char* c : {"country", "capital", "city_1m", "city_100k", "city", "region", "area",
                        "demonym", "language"}) {
    g->AddCategory(c);
  }
  auto path = [&](const char* name) { return dir + "/" + name; };
  if (Exists(path("countries.json"))) {
    DOSSIER_RETURN_IF_ERROR(ReadCountriesJson(path("countries.json"), lang, &b));
    ++stats->files;
  }
  if (Exists(path("countryInfo.tsv"))) {
    DOSSIER_RETURN_IF_ERROR(ReadTsvColumn(path("countryInfo.tsv"), 4, "country", &b, 5, "capital"));
    ++stats->files;
  }
  if (Exists(path("country_translations.json"))) {
    DOSSIER_RETURN_IF_ERROR(ReadCountryTranslations(path("country_translations.json"), lang, &b));
    ++stats->files;
  }
  if (Exists(path("regionInfo.tsv"))) {
    DOSSIER_RETURN_IF_ERROR(ReadTsvColumn(path("regionInfo.tsv"), 1, "region", &b, 2, "region"));
    ++stats->files;
  }
  if (Exists(path("cities15000.txt"))) {
    DOSSIER_RETURN_IF_ERROR(ReadCities(path("cities15000.txt"), &b));
    ++stats->files;
  }
  if (stats->files == 0) return Status::NotFound("no gazetteer files in " + dir);
  return Status::OK();
}

}  // namespace dossier::ner
