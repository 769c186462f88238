// Tested by name_key_test.cc.
#include "entities/name_key.h"

#include <array>
#include <cstdint>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace dossier::identity {
namespace {

// Arabic article forms written before a hyphen: "al-", "ash-" (sun letters).
constexpr std::array<std::string_view, 14> kHyphenParticles = {
    "al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er", "es", "ez"};
// Standalone Arabic articles ("Al Kadhimi", "El Sisi").
constexpr std::array<std::string_view, 2> kArticles = {"al", "el"};
// European particles of family names; set aside unless last.
constexpr std::array<std::string_view, 18> kEuropeanParticles = {
    "de",    "du",  "des", "da",  "das", "do",  "dos", "di", "del",
    "della", "van", "von", "der", "den", "ter", "ten", "le", "la"};
// Patronymic links; set aside unless first ("Ben Wallace").
constexpr std::array<std::string_view, 4> kPatronymics = {"bin", "ibn", "ben", "bint"};
constexpr std::array<std::string_view, 7> kConnectors = {"of",  "and",  "et", "und",
                                                         "for", "pour", "the"};
constexpr std::array<std::string_view, 8> kDeterminers = {"the", "les", "los", "las",
                                                          "die", "der", "das", "l"};
constexpr std::array<std::string_view, 8> kHonorifics = {"mr",   "mrs", "ms",     "mme",
                                                         "mlle", "dr",  "messrs", "mmes"};
// Spellings of "Abd al-" written as one word.
constexpr std::array<std::string_view, 6> kAbdPrefixes = {"abdal",  "abdel", "abdul",
                                                          "abdoul", "abdol", "abdil"};

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t next = s.find(sep, pos);
    if (next == std::string_view::npos) next = s.size();
    if (next > pos) out.push_back(s.substr(pos, next - pos));
    pos = next + 1;
  }
  return out;
}

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

struct Word {
  std::string text;
  bool particle = false;  // set aside, kept in NameKey::particles
};

// "abdul rahman" / "abd" "rahman" / "abdelrahman" -> "abdalrahman".
void NormalizeAbd(std::vector<Word>* words) {
  std::vector<Word> out;
  for (size_t i = 0; i < words->size(); ++i) {
    Word w = (*words)[i];
    if (!w.particle) {
      std::string_view t = w.text;
      std::string rest;
      bool abd = false;
      if (t == "abd") {
        abd = true;
      } else {
        for (std::string_view p : kAbdPrefixes) {
          if (t.substr(0, p.size()) == p) {
            abd = true;
            rest = std::string(t.substr(p.size()));
            break;
          }
        }
      }
      if (abd) {
        if (rest.empty()) {
          // The next non-particle word completes the name.
          size_t j = i + 1;
          while (j < words->size() && (*words)[j].particle) ++j;
          if (j < words->size()) {
            rest = (*words)[j].text;
            i = j;
          }
        }
        w.text = "abdal" + rest;
      }
    }
    out.push_back(std::move(w));
  }
  *words = std::move(out);
}

}  // namespace

std::string PhoneticForm(std::string_view t) {
  std::string raw;
  raw.reserve(t.size() + 2);
  const size_t n = t.size();
  auto starts = [&](size_t i, std::string_view s) { return t.substr(i, s.size()) == s; };
  for (size_t i = 0; i < n;) {
    if (starts(i, "tsch")) {
      raw += 'x';
      i += 4;
    } else if (starts(i, "sch") || starts(i, "tch")) {
      raw += 'x';
      i += 3;
    } else if (starts(i, "dzh")) {
      raw += 'j';
      i += 3;
    } else if (starts(i, "sh") || starts(i, "ch") || starts(i, "sz") || starts(i, "cz")) {
      raw += 'x';
      i += 2;
    } else if (starts(i, "zh") || starts(i, "dj")) {
      raw += 'j';
      i += 2;
    } else if (starts(i, "kh") || starts(i, "ck")) {
      raw += 'k';
      i += 2;
    } else if (starts(i, "gh")) {
      raw += 'g';
      i += 2;
    } else if (starts(i, "dh")) {
      raw += 'z';
      i += 2;
    } else if (starts(i, "th")) {
      raw += 't';
      i += 2;
    } else if (starts(i, "ph")) {
      raw += 'f';
      i += 2;
    } else if (starts(i, "ou")) {
      // French spelling of w between vowels or before one at the start:
      // "Ouattara", "Zarkaoui"; but "Fouad", "Mouammar" have a u.
      const bool w = i + 2 < n && IsVowel(t[i + 2]) && (i == 0 || IsVowel(t[i - 1]));
      raw += w ? 'v' : 'u';
      i += 2;
    } else if (starts(i, "ai") || starts(i, "ay")) {
      raw += 'i';
      i += 2;
    } else {
      char c = t[i];
      switch (c) {
        case 'q':
          raw += 'k';
          break;
        case 'w':
          raw += 'v';
          break;
        case 'y':
          raw += 'i';
          break;
        case 'e':
          raw += 'i';
          break;
        case 'o':
          raw += 'u';
          break;
        case 'x':
          raw += "ks";
          break;
        case 'c': {
          char next = i + 1 < n ? t[i + 1] : '\0';
          raw += (next == 'e' || next == 'i' || next == 'y') ? 's' : 'k';
          break;
        }
        default:
          raw += c;
      }
      ++i;
    }
  }
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    if (out.empty() || out.back() != c) out.push_back(c);
  }
  if (out.size() > 2 && out.back() == 'h' && IsVowel(out[out.size() - 2])) out.pop_back();
  return out;
}

bool IsAllCaps(std::string_view name) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(name.data());
  const int32_t n = static_cast<int32_t>(name.size());
  int letters = 0;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c < 0 || !u_isalpha(c)) continue;
    if (u_islower(c)) return false;
    ++letters;
  }
  return letters >= 2;
}

NameKey MakeNameKeyFromFolded(std::string_view folded, bool all_caps, std::string_view language) {
  NameKey key;
  key.all_caps = all_caps;
  std::vector<Word> words;
  for (std::string_view spaced : Split(folded, ' ')) {
    std::vector<std::string_view> parts = Split(spaced, '-');
    if (parts.empty()) continue;
    size_t first = 0;
    if (parts.size() >= 2 && IsOneOf(parts[0], kHyphenParticles)) {
      words.push_back({std::string(parts[0]), true});
      first = 1;
    }
    std::string joined;
    for (size_t i = first; i < parts.size(); ++i) joined += parts[i];
    words.push_back({std::move(joined), false});
  }
  // Leading honorifics and determiners, while something follows.
  auto remaining = [&](size_t from) {
    size_t k = 0;
    for (size_t i = from; i < words.size(); ++i) k += words[i].particle ? 0 : 1;
    return k;
  };
  for (size_t i = 0; i < words.size() && remaining(i) > 1; ++i) {
    const std::string& t = words[i].text;
    if (words[i].particle) continue;
    if (IsOneOf(t, kHonorifics) || IsOneOf(t, kDeterminers) || (language == "fr" && t == "m")) {
      words[i].particle = true;
      continue;
    }
    break;
  }
  // Articles, connectors and particles anywhere but where they are the name.
  size_t last_content = words.size();
  for (size_t i = words.size(); i-- > 0;) {
    if (!words[i].particle) {
      last_content = i;
      break;
    }
  }
  bool seen_content = false;
  for (size_t i = 0; i < words.size(); ++i) {
    Word& w = words[i];
    if (w.particle) continue;
    const bool last = i == last_content;
    if (!last &&
        (IsOneOf(w.text, kArticles) || IsOneOf(w.text, kConnectors) ||
         IsOneOf(w.text, kEuropeanParticles) || (seen_content && IsOneOf(w.text, kPatronymics)))) {
      w.particle = true;
      continue;
    }
    seen_content = true;
  }
  NormalizeAbd(&words);
  for (const Word& w : words) {
    if (w.particle) {
      key.particles.push_back(w.text);
      continue;
    }
    NameToken t;
    t.text = w.text;
    t.phonetic = PhoneticForm(w.text);
    t.initial = w.text.size() == 1 && w.text[0] >= 'a' && w.text[0] <= 'z';
    key.tokens.push_back(std::move(t));
  }
  if (key.tokens.empty()) {
    // Nothing but particles ("Le", "The"): the words are the name.
    key.particles.clear();
    for (const Word& w : words) {
      NameToken t;
      t.text = w.text;
      t.phonetic = PhoneticForm(w.text);
      t.initial = w.text.size() == 1;
      key.tokens.push_back(std::move(t));
    }
  }
  return key;
}

NameKey MakeNameKey(const NameNormalizer& normalizer, std::string_view name,
                    std::string_view language) {
  return MakeNameKeyFromFolded(normalizer.Fold(name), IsAllCaps(name), language);
}

std::string NameKey::Joined() const {
  std::string out;
  for (const NameToken& t : tokens) out += t.phonetic;
  return out;
}

std::string NameKey::Text() const {
  std::string out;
  for (const NameToken& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t.text;
  }
  return out;
}

std::string NameKey::Initials() const {
  std::string out;
  for (const NameToken& t : tokens) {
    if (!t.text.empty()) out += t.text[0];
  }
  return out;
}

}  // namespace dossier::identity
