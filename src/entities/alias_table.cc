// Tested by alias_table_test.cc.
#include "entities/alias_table.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/uscript.h>

#include "base/ascii.h"
#include "entities/mo_file.h"

namespace dossier::identity {
namespace {

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t next = s.find(sep, pos);
    if (next == std::string_view::npos) {
      out.push_back(s.substr(pos));
      return out;
    }
    out.push_back(s.substr(pos, next - pos));
    pos = next + 1;
  }
}

// Trimmed around lines and fields: spaces and the '\r' of a CRLF line end
// (not tabs, which separate fields).
constexpr std::string_view kFieldSpaces = " \r";

// Calls fn(fields, line_number) for each data line; stops at fn's error.
template <typename Fn>
Status ForEachLine(std::string_view text, std::string_view source, size_t min_fields, Fn fn) {
  size_t line_no = 0;
  for (std::string_view line : SplitOn(text, '\n')) {
    ++line_no;
    line = ascii::Trim(line, kFieldSpaces);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> fields = SplitOn(line, '\t');
    if (fields.size() < min_fields) {
      return Status::InvalidInput(std::string(source) + ":" + std::to_string(line_no) +
                                  ": expected " + std::to_string(min_fields) +
                                  " tab-separated fields");
    }
    for (std::string_view& f : fields) f = ascii::Trim(f, kFieldSpaces);
    DOSSIER_RETURN_IF_ERROR(fn(fields, line_no));
  }
  return Status::OK();
}

bool ValidCountryCode(std::string_view code) {
  return code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z';
}

// Acronym entries: written in capitals, at most 5 letters or digits.
bool IsAcronymName(const NameKey& key) {
  if (!key.all_caps) return false;
  size_t letters = 0;
  for (const NameToken& t : key.tokens) letters += t.text.size();
  return letters <= 5;
}

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

}  // namespace

AliasTable::AliasTable(const NameNormalizer* normalizer) : normalizer_(normalizer) {}

uint32_t AliasTable::GroupIndex(std::string_view id, ner::EntityType type,
                                std::string_view display) {
  auto it = group_index_.find(std::string(id));
  if (it != group_index_.end()) {
    AliasGroup& g = groups_[it->second];
    if (g.display.empty()) g.display = std::string(display);
    return it->second;
  }
  const auto index = static_cast<uint32_t>(groups_.size());
  AliasGroup g;
  g.id = std::string(id);
  g.type = type;
  g.display = std::string(display);
  groups_.push_back(std::move(g));
  group_index_.emplace(std::string(id), index);
  return index;
}

void AliasTable::AddName(std::string_view group_id, ner::EntityType type, std::string_view name,
                         AliasKind kind, uint8_t priority) {
  NameKey key = MakeNameKey(*normalizer_, name);
  if (key.empty()) return;
  const uint32_t group =
      GroupIndex(group_id, type, kind == AliasKind::kName ? name : std::string_view());
  std::string spelling;
  for (const NameToken& t : key.tokens) spelling += t.text;
  if (group_id.rfind("capital:", 0) == 0) {
    for (const AliasRef& r : Lookup(key)) {
      if (r.kind == AliasKind::kName && groups_[r.group].id.rfind("country:", 0) == 0) return;
    }
  }
  std::vector<Entry>& entries = keys_[key.Joined()];
  const bool acronym = IsAcronymName(key);
  for (Entry& e : entries) {
    if (e.ref.group == group && e.ref.kind == kind && e.spelling == spelling) {
      e.ref.priority = std::min(e.ref.priority, priority);
      e.acronym = e.acronym && acronym;
      return;
    }
  }
  entries.push_back({AliasRef{group, kind, priority}, acronym, std::move(spelling)});
}

Status AliasTable::AddAliases(std::string_view tsv, std::string_view source) {
  return ForEachLine(tsv, source, 3, [&](const std::vector<std::string_view>& f, size_t line) {
    std::optional<ner::EntityType> type = ner::ParseEntityType(f[1]);
    if (f[0].empty() || !type.has_value()) {
      return Status::InvalidInput(std::string(source) + ":" + std::to_string(line) +
                                  ": expected <id> <PER|ORG|LOC|MISC> <names>");
    }
    for (std::string_view name : SplitOn(f[2], '|')) {
      name = ascii::Trim(name, kFieldSpaces);
      if (!name.empty()) AddName(f[0], *type, name, AliasKind::kName, 0);
    }
    return Status::OK();
  });
}

Status AliasTable::AddDemonyms(std::string_view tsv, std::string_view source) {
  return ForEachLine(tsv, source, 3, [&](const std::vector<std::string_view>& f, size_t line) {
    if (!ValidCountryCode(f[0])) {
      return Status::InvalidInput(std::string(source) + ":" + std::to_string(line) +
                                  ": bad country code '" + std::string(f[0]) + "'");
    }
    const std::string id = "country:" + std::string(f[0]);
    for (std::string_view form : SplitOn(f[2], '|')) {
      form = ascii::Trim(form, kFieldSpaces);
      if (!form.empty()) AddName(id, ner::EntityType::kLoc, form, AliasKind::kDemonym, 0);
    }
    return Status::OK();
  });
}

Status AliasTable::AddCapitals(std::string_view tsv, std::string_view source) {
  return ForEachLine(tsv, source, 2, [&](const std::vector<std::string_view>& f, size_t line) {
    if (!ValidCountryCode(f[0])) {
      return Status::InvalidInput(std::string(source) + ":" + std::to_string(line) +
                                  ": bad country code '" + std::string(f[0]) + "'");
    }
    const std::string country = "country:" + std::string(f[0]);
    const std::string id = "capital:" + std::string(f[0]);
    GroupIndex(country, ner::EntityType::kLoc, "");
    for (std::string_view name : SplitOn(f[1], '|')) {
      name = ascii::Trim(name, kFieldSpaces);
      if (!name.empty()) AddName(id, ner::EntityType::kLoc, name, AliasKind::kName, 0);
    }
    if (std::optional<uint32_t> g = FindGroup(id); g.has_value()) groups_[*g].capital_of = country;
    return Status::OK();
  });
}

void AliasTable::AddIcuCountries(const std::vector<std::string>& languages) {
  std::set<std::string, std::less<>> codes;
  for (const char* const* c = icu::Locale::getISOCountries(); *c != nullptr; ++c) codes.insert(*c);
  for (size_t li = 0; li < languages.size(); ++li) {
    const uint8_t priority = li == 0 ? 1 : 2;
    const icu::Locale display(languages[li].c_str());
    for (const std::string& code : codes) {
      icu::UnicodeString name;
      icu::Locale("", code.c_str()).getDisplayCountry(display, name);
      std::string utf8 = ToUtf8(name);
      if (utf8.empty() || utf8 == code) continue;  // ICU knows no name
      AddName("country:" + code, ner::EntityType::kLoc, utf8, AliasKind::kName, priority);
    }
    // CLDR's alternative forms: "US", "UK", "Ivory Coast", "Türkiye".
    UErrorCode status = U_ZERO_ERROR;
    UResourceBundle* bundle = ures_open(U_ICUDATA_NAME "-region", languages[li].c_str(), &status);
    if (U_FAILURE(status)) continue;
    for (const char* table : {"Countries%short", "Countries%variant"}) {
      UErrorCode s = U_ZERO_ERROR;
      UResourceBundle* forms = ures_getByKey(bundle, table, nullptr, &s);
      if (U_FAILURE(s)) continue;
      const int32_t size = ures_getSize(forms);
      for (int32_t i = 0; i < size; ++i) {
        UErrorCode e = U_ZERO_ERROR;
        UResourceBundle* item = ures_getByIndex(forms, i, nullptr, &e);
        if (U_FAILURE(e)) continue;
        const char* key = ures_getKey(item);
        int32_t len = 0;
        const UChar* value = ures_getString(item, &len, &e);
        if (U_SUCCESS(e) && key != nullptr && codes.count(std::string_view(key)) > 0) {
          AddName("country:" + std::string(key), ner::EntityType::kLoc,
                  ToUtf8(icu::UnicodeString(value, len)), AliasKind::kName, priority);
        }
        ures_close(item);
      }
      ures_close(forms);
    }
    ures_close(bundle);
  }
}

Status AliasTable::AddIsoCodes(const std::string& json_path, const std::string& locale_dir,
                               const std::vector<std::string>& languages) {
  std::ifstream in(json_path);
  if (!in) return Status::NotFound("cannot open " + json_path);
  struct Country {
    std::string code;
    std::vector<std::string> names;
    std::string official;
  };
  std::vector<Country> countries;
  try {
    nlohmann::json j = nlohmann::json::parse(in);
    for (const nlohmann::json& c : j.at("3166-1")) {
      Country country;
      country.code = c.at("alpha_2").get<std::string>();
      for (const char* field : {"name", "official_name", "common_name"}) {
        if (c.contains(field)) country.names.push_back(c.at(field).get<std::string>());
      }
      if (c.contains("official_name")) country.official = c.at("official_name").get<std::string>();
      if (ValidCountryCode(country.code)) countries.push_back(std::move(country));
    }
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption(json_path + ": " + e.what());
  }
  for (const Country& c : countries) {
    for (const std::string& name : c.names) {
      AddName("country:" + c.code, ner::EntityType::kLoc, name, AliasKind::kName, 1);
    }
  }
  for (size_t li = 0; li < languages.size(); ++li) {
    if (languages[li] == "en") continue;
    // Languages in other scripts: ICU has their usual names, and
    // transliterating every official name costs more than it finds.
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode scripts[4];
    const int32_t n = uscript_getCode(languages[li].c_str(), scripts, 4, &status);
    if (U_FAILURE(status) || n < 1 || scripts[0] != USCRIPT_LATIN) continue;
    const std::string path = locale_dir + "/" + languages[li] + "/LC_MESSAGES/iso_3166-1.mo";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) continue;
    Result<MoCatalog> catalog = MoCatalog::Read(path);
    if (!catalog.ok()) return catalog.status();
    const uint8_t priority = li == 0 ? 1 : 2;
    for (const Country& c : countries) {
      for (const std::string& name : c.names) {
        if (name == c.official)
          continue;  // ICU has the usual names; official ones are rare in text
        std::string_view translated = catalog->Translate(name);
        if (!translated.empty()) {
          AddName("country:" + c.code, ner::EntityType::kLoc, translated, AliasKind::kName,
                  priority);
        }
      }
    }
  }
  return Status::OK();
}

std::vector<AliasRef> AliasTable::Lookup(const NameKey& key, bool exact_spelling) const {
  std::vector<AliasRef> out;
  if (key.empty()) return out;
  const std::string joined = key.Joined();
  auto it = keys_.find(joined);
  if (it == keys_.end()) return out;
  std::string spelling;
  for (const NameToken& t : key.tokens) spelling += t.text;
  const bool must_spell = exact_spelling || joined.size() < 4;
  // Short keys of the other display languages' names must be spelt alike
  // too: English "Sure" folds as Turkish "Suriye" (Syria) does.
  const bool must_spell_other = must_spell || joined.size() < 6;
  for (const Entry& e : it->second) {
    if (e.acronym && !key.all_caps) continue;
    if ((e.ref.priority >= 2 ? must_spell_other : must_spell) && e.spelling != spelling) continue;
    if (std::find(out.begin(), out.end(), e.ref) != out.end()) continue;
    out.push_back(e.ref);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const AliasRef& a, const AliasRef& b) { return a.priority < b.priority; });
  return out;
}

std::vector<AliasRef> AliasTable::Lookup(std::string_view name) const {
  return Lookup(MakeNameKey(*normalizer_, name));
}

std::optional<uint32_t> AliasTable::UniqueGroup(const std::vector<AliasRef>& refs, AliasKind kind) {
  int best = 256;
  for (const AliasRef& r : refs) {
    if (r.kind == kind) best = std::min<int>(best, r.priority);
  }
  std::optional<uint32_t> found;
  for (const AliasRef& r : refs) {
    if (r.kind != kind || r.priority != best) continue;
    if (found.has_value() && *found != r.group) return std::nullopt;  // ambiguous
    found = r.group;
  }
  return found;
}

std::optional<uint32_t> AliasTable::FindGroup(std::string_view id) const {
  auto it = group_index_.find(std::string(id));
  if (it == group_index_.end()) return std::nullopt;
  return it->second;
}

}  // namespace dossier::identity
