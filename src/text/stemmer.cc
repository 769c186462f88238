// Tested by stemmer_test.cc.
#include "text/stemmer.h"

#include <cctype>
#include <functional>
#include <string>
#include <vector>

#include <libstemmer.h>

namespace dossier {
namespace {

// ISO 639-1 codes of the Snowball algorithms shipped by libstemmer.
struct LanguageName {
  std::string_view iso;
  const char* snowball;
};
constexpr LanguageName kLanguages[] = {
    {"ar", "arabic"},     {"ca", "catalan"},   {"da", "danish"},     {"de", "german"},
    {"el", "greek"},      {"en", "english"},   {"es", "spanish"},    {"eu", "basque"},
    {"fi", "finnish"},    {"fr", "french"},    {"ga", "irish"},      {"hi", "hindi"},
    {"hu", "hungarian"},  {"hy", "armenian"},  {"id", "indonesian"}, {"it", "italian"},
    {"lt", "lithuanian"}, {"nb", "norwegian"}, {"ne", "nepali"},     {"nl", "dutch"},
    {"nn", "norwegian"},  {"no", "norwegian"}, {"pt", "portuguese"}, {"ro", "romanian"},
    {"ru", "russian"},    {"sr", "serbian"},   {"sv", "swedish"},    {"ta", "tamil"},
    {"tr", "turkish"},    {"yi", "yiddish"},
};

// "pt-BR" -> "pt", "EN" -> "en".
std::string PrimaryLanguage(std::string_view language) {
  std::string out;
  for (char c : language) {
    if (c == '-' || c == '_') break;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

const char* SnowballName(std::string_view language) {
  const std::string code = PrimaryLanguage(language);
  for (const LanguageName& l : kLanguages) {
    if (l.iso == code) return l.snowball;
  }
  return nullptr;
}

// Snowball takes most of the time of stemming an article, and news text
// repeats its words, so recent stems are kept in a direct-mapped cache: a
// word hashes to one slot, which holds the last word stemmed there. Bounded
// memory (about half a MiB), no eviction pass, and the frequent words stay.
constexpr size_t kCacheSlots = 8192;   // a power of two
constexpr size_t kMaxCachedWord = 48;  // longer words are rare: not cached

struct CacheSlot {
  std::string word;
  std::string stem;
};

}  // namespace

struct Stemmer::Rep {
  sb_stemmer* stemmer = nullptr;
  std::vector<CacheSlot> cache;  // empty until the first Stem()

  ~Rep() {
    if (stemmer != nullptr) sb_stemmer_delete(stemmer);
  }

  std::string_view Snowball(std::string_view word) {
    const sb_symbol* stem = sb_stemmer_stem(
        stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (stem == nullptr) return word;  // out of memory: the word is its own stem
    return std::string_view(reinterpret_cast<const char*>(stem),
                            static_cast<size_t>(sb_stemmer_length(stemmer)));
  }
};

Stemmer::Stemmer(std::string_view language) : rep_(std::make_unique<Rep>()) {
  // A Debian libstemmer built without one of the algorithms returns null:
  // ok() is then false, as for a language Snowball does not cover.
  if (const char* name = SnowballName(language)) rep_->stemmer = sb_stemmer_new(name, "UTF_8");
}

Stemmer::~Stemmer() = default;

bool Stemmer::ok() const { return rep_->stemmer != nullptr; }

std::string_view Stemmer::Stem(std::string_view folded_word) {
  if (rep_->stemmer == nullptr || folded_word.empty()) return folded_word;
  if (folded_word.size() > kMaxCachedWord) return rep_->Snowball(folded_word);
  if (rep_->cache.empty()) rep_->cache.resize(kCacheSlots);
  CacheSlot& slot = rep_->cache[std::hash<std::string_view>()(folded_word) & (kCacheSlots - 1)];
  if (slot.word != folded_word) {
    const std::string_view stem = rep_->Snowball(folded_word);
    slot.stem.assign(stem.data(), stem.size());
    slot.word.assign(folded_word.data(), folded_word.size());
  }
  return slot.stem;
}

}  // namespace dossier
