// Tested by stemmer_test.cc.
#include "text/stemmer.h"

#include <cctype>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include <libstemmer.h>
#define XXH_INLINE_ALL
#include <xxhash.h>

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

}  // namespace

struct Stemmer::Rep {
  // Snowball takes most of the time of stemming an article, and news text
  // repeats its words, so recent stems are kept in a cache: 2-way set
  // associative, a word hashes to one set of two slots, the one used last
  // first. Bounded memory (1 MiB: the cache is looked up for every word, and a
  // larger one stalls on memory more than Snowball costs), no eviction pass,
  // and the frequent words stay. On real articles it misses about 5% of words,
  // where a direct-mapped cache of 8192 slots missed 15%.
  static constexpr size_t kCacheSets = 16384;  // a power of two
  static constexpr size_t kSlotBytes = 25;     // the word, and its stem unless a prefix of it

  struct CacheSlot {
    uint32_t hash = 0;
    uint8_t word_length = 0;  // 0: empty
    uint8_t stem_offset = 0;  // 0: the stem is a prefix of the word (Snowball's usual case)
    uint8_t stem_length = 0;
    char bytes[kSlotBytes];
    std::string_view word() const { return std::string_view(bytes, word_length); }
    std::string_view stem() const { return std::string_view(bytes + stem_offset, stem_length); }
  };
  // The slots a word may be in, the one used last first: one cache line.
  struct alignas(64) CacheSet {
    CacheSlot slots[2];
  };
  static_assert(sizeof(CacheSet) == 64, "one cache line per set");

  sb_stemmer* stemmer = nullptr;
  std::vector<CacheSet> cache;  // kCacheSets sets; empty until the first Stem()

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
  if (folded_word.size() > Rep::kSlotBytes) return rep_->Snowball(folded_word);
  if (rep_->cache.empty()) rep_->cache.resize(Rep::kCacheSets);
  const uint64_t h = XXH3_64bits(folded_word.data(), folded_word.size());
  const auto tag = static_cast<uint32_t>(h >> 32);
  Rep::CacheSlot* set = rep_->cache[h & (Rep::kCacheSets - 1)].slots;
  if (set[0].hash == tag && set[0].word() == folded_word) return set[0].stem();
  if (set[1].hash == tag && set[1].word() == folded_word) {
    std::swap(set[0], set[1]);
    return set[0].stem();
  }
  const std::string_view stem = rep_->Snowball(folded_word);
  const bool prefix = folded_word.substr(0, stem.size()) == stem;
  if (folded_word.size() + (prefix ? 0 : stem.size()) > Rep::kSlotBytes) return stem;
  set[1] = set[0];
  Rep::CacheSlot& slot = set[0];
  slot.hash = tag;
  slot.word_length = static_cast<uint8_t>(folded_word.size());
  slot.stem_offset = prefix ? 0 : static_cast<uint8_t>(folded_word.size());
  slot.stem_length = static_cast<uint8_t>(stem.size());
  std::memcpy(slot.bytes, folded_word.data(), folded_word.size());
  if (!prefix) std::memcpy(slot.bytes + folded_word.size(), stem.data(), stem.size());
  return slot.stem();
}

}  // namespace dossier
