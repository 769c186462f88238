// Tested by gazetteer_test.cc.
#include "entities/gazetteer.h"

#include <algorithm>

#include "entities/feature_hash.h"
#include "entities/tag_scheme.h"

namespace dossier::ner {

namespace {
constexpr uint64_t kPhraseSeed = 0x5D1E5C0FFEE0F00DULL;
}

int Gazetteer::AddCategory(std::string_view name) {
  int id = FindCategory(name);
  if (id >= 0) return id;
  if (categories_.size() >= kMaxCategories) return -1;
  categories_.emplace_back(name);
  return static_cast<int>(categories_.size()) - 1;
}

int Gazetteer::FindCategory(std::string_view name) const {
  for (size_t i = 0; i < categories_.size(); ++i) {
    if (categories_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

uint64_t Gazetteer::TokenKey(std::string_view lower_token) { return HashString(lower_token); }

uint64_t Gazetteer::Extend(uint64_t phrase_key, uint64_t token_key) {
  return Combine(phrase_key, token_key);
}

void Gazetteer::Add(int category, const std::vector<std::string>& lower_tokens) {
  if (lower_tokens.empty() || lower_tokens.size() > kMaxPhraseTokens) return;
  uint64_t key = kPhraseSeed;
  for (size_t i = 0; i < lower_tokens.size(); ++i) {
    key = Extend(key, TokenKey(lower_tokens[i]));
    uint32_t& v = phrases_[key];
    if (i + 1 < lower_tokens.size()) {
      v |= kPrefixBit;
    } else {
      if ((v & 0xFFFF) == 0) ++phrase_count_;
      v |= 1u << category;
    }
  }
}

void Gazetteer::Match(const uint64_t* token_keys, size_t n, uint64_t* marks) const {
  if (phrases_.size() == 0) return;
  for (size_t i = 0; i < n; ++i) {
    uint64_t key = kPhraseSeed;
    size_t end = std::min(n, i + kMaxPhraseTokens);
    for (size_t j = i; j < end; ++j) {
      key = Extend(key, token_keys[j]);
      const uint32_t* v = phrases_.Find(key);
      if (v == nullptr) break;
      uint32_t cats = *v & 0xFFFF;
      while (cats != 0) {
        int c = __builtin_ctz(cats);
        cats &= cats - 1;
        if (i == j) {
          marks[i] |= 1ULL << (4 * c + static_cast<int>(LabelPart::kU));
          continue;
        }
        marks[i] |= 1ULL << (4 * c + static_cast<int>(LabelPart::kB));
        for (size_t k = i + 1; k < j; ++k) {
          marks[k] |= 1ULL << (4 * c + static_cast<int>(LabelPart::kI));
        }
        marks[j] |= 1ULL << (4 * c + static_cast<int>(LabelPart::kL));
      }
      if ((*v & kPrefixBit) == 0) break;
    }
  }
}

void Gazetteer::Save(ByteWriter* w) const {
  w->VarU64(categories_.size());
  for (const std::string& c : categories_) w->Str(c);
  // Sorted, so the same lists always give the same bytes.
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  entries.reserve(phrases_.size());
  for (const auto& s : phrases_.slots()) {
    if (s.key != 0) entries.emplace_back(s.key, s.value);
  }
  std::sort(entries.begin(), entries.end());
  w->VarU64(phrase_count_);
  w->VarU64(entries.size());
  for (const auto& [k, v] : entries) {
    w->U64(k);
    w->VarU64(v);
  }
}

bool Gazetteer::Load(ByteReader* r) {
  *this = Gazetteer();
  uint64_t ncat = r->VarU64();
  if (!r->ok() || ncat > kMaxCategories) {
    r->Fail();
    return false;
  }
  for (uint64_t i = 0; i < ncat; ++i) categories_.emplace_back(r->Str());
  phrase_count_ = r->VarU64();
  uint64_t n = r->VarU64();
  if (!r->ok() || n > r->remaining()) {
    r->Fail();
    return false;
  }
  phrases_.Reserve(n);
  for (uint64_t i = 0; i < n && r->ok(); ++i) {
    uint64_t k = r->U64();
    phrases_[k] = static_cast<uint32_t>(r->VarU64());
  }
  return r->ok();
}

}  // namespace dossier::ner
