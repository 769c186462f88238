// Tested by name_key_test.cc (NameNormalizer.*).
#include "entities/name_normalizer.h"

#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "base/ascii.h"
namespace dossier::identity {
namespace {

// Markers between letters, resolved once the whole name is seen.
constexpr char kSpace = ' ';
constexpr char kHyphen = '-';
constexpr char kApostrophe = '\'';
constexpr char kDot = '.';

bool IsApostrophe(UChar32 c) {
  switch (c) {
    case '\'':
    case '`':
    case 0x00B4:  // acute accent
    case 0x02B9:  // modifier prime
    case 0x02BB:  // turned comma (okina)
    case 0x02BC:  // modifier apostrophe
    case 0x02BE:  // right half ring (hamza)
    case 0x02BF:  // left half ring (ayn)
    case 0x2018:
    case 0x2019:
    case 0x2032:
      return true;
    default:
      return false;
  }
}

bool IsHyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Latin letters without a canonical decomposition, spelt in ASCII.
const char* SpellLatin(UChar32 c) {
  switch (c) {
    case 0x00DF:
      return "ss";  // ß
    case 0x00E6:
      return "ae";  // æ
    case 0x0153:
      return "oe";  // œ
    case 0x00F8:
      return "o";  // ø
    case 0x0142:
      return "l";  // ł
    case 0x0111:
      return "d";  // đ
    case 0x00F0:
      return "d";  // ð
    case 0x00FE:
      return "th";  // þ
    case 0x0131:
      return "i";  // dotless i
    case 0x0127:
      return "h";  // ħ
    case 0x014B:
      return "n";  // ŋ
    case 0x0138:
      return "k";  // ĸ
    case 0x017F:
      return "s";  // long s
    case 0x0259:
      return "e";  // schwa (Azeri)
    default:
      return nullptr;
  }
}

// Appends the marker-level form of `utf8` to *out. Returns false if some
// letter needs the transliterator (non-Latin script or unknown letter).
bool FastFold(std::string_view utf8, bool lenient, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  if (U_FAILURE(status)) nfkd = nullptr;
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  icu::UnicodeString decomposition;
  while (i < n) {
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c < 0) continue;  // ill-formed byte
    if (c < 0x80) {
      char a = static_cast<char>(c);
      if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
      if (ascii::IsLowerOrDigit(a)) {
        out->push_back(a);
      } else if (a == '-') {
        out->push_back(kHyphen);
      } else if (a == '.') {
        out->push_back(kDot);
      } else if (IsApostrophe(c)) {
        out->push_back(kApostrophe);
      } else {
        out->push_back(kSpace);
      }
      continue;
    }
    if (IsApostrophe(c)) {
      out->push_back(kApostrophe);
      continue;
    }
    if (IsHyphen(c)) {
      out->push_back(kHyphen);
      continue;
    }
    if (c == 0x00AD || u_charType(c) == U_NON_SPACING_MARK) continue;  // soft hyphen, marks
    if (!u_isalnum(c)) {
      out->push_back(kSpace);
      continue;
    }
    UChar32 lower = u_tolower(c);
    decomposition.remove();
    if (nfkd == nullptr || !nfkd->getDecomposition(lower, decomposition)) {
      decomposition.setTo(lower);
    }
    for (int32_t k = 0; k < decomposition.length();) {
      UChar32 d = decomposition.char32At(k);
      k += U16_LENGTH(d);
      if (u_charType(d) == U_NON_SPACING_MARK) continue;
      d = u_tolower(d);
      if (d < 0x80) {
        char a = static_cast<char>(d);
        out->push_back(ascii::IsLowerOrDigit(a) ? a : kSpace);
      } else if (const char* spelt = SpellLatin(d); spelt != nullptr) {
        out->append(spelt);
      } else if (lenient) {
        out->push_back(kSpace);
      } else {
        return false;
      }
    }
  }
  return true;
}

bool IsElision(std::string_view word) {
  if (word.size() == 1) {
    switch (word[0]) {
      case 'l':
      case 'd':
      case 'j':
      case 'n':
      case 'm':
      case 's':
      case 't':
      case 'c':
        return true;
      default:
        return false;
    }
  }
  return word == "qu";
}

// Resolves the markers of FastFold's output into the documented alphabet.
std::string Resolve(const std::string& marked) {
  std::string out;
  out.reserve(marked.size());
  size_t word_start = 0;  // in `out`
  bool initials = false;  // inside "U.S."-like run whose dots were dropped
  auto separate = [&] {
    initials = false;
    while (!out.empty() && (out.back() == kSpace || out.back() == kHyphen)) out.pop_back();
    if (!out.empty()) out.push_back(kSpace);
    word_start = out.size();
  };
  const size_t n = marked.size();
  for (size_t i = 0; i < n; ++i) {
    const char c = marked[i];
    if (ascii::IsLowerOrDigit(c)) {
      out.push_back(c);
      continue;
    }
    const bool after_alnum = !out.empty() && ascii::IsLowerOrDigit(out.back());
    const bool before_alnum = i + 1 < n && ascii::IsLowerOrDigit(marked[i + 1]);
    if (c == kHyphen) {
      if (after_alnum && before_alnum) {
        out.push_back(kHyphen);
      } else {
        separate();
      }
    } else if (c == kApostrophe) {
      std::string_view word(out.data() + word_start, out.size() - word_start);
      const bool possessive_s = before_alnum && marked[i + 1] == 's' &&
                                (i + 2 >= n || !ascii::IsLowerOrDigit(marked[i + 2]));
      if (possessive_s && after_alnum) {
        ++i;  // "Macron's": the clitic is not part of the name
      } else if (after_alnum && before_alnum && IsElision(word)) {
        separate();
      }
      // Otherwise the mark is dropped: "Sa'id", "Ba'ath", "al'-".
    } else if (c == kDot) {
      // "U.S.", "U.N.": one letter, a dot, one letter, a dot (or the end).
      const size_t tail = out.size() - word_start;
      const bool next_is_initial = before_alnum && (i + 2 >= n || marked[i + 2] == kDot);
      if (after_alnum && next_is_initial && (tail == 1 || initials)) {
        initials = true;
        continue;
      }
      separate();
    } else {
      separate();
    }
  }
  while (!out.empty() && (out.back() == kSpace || out.back() == kHyphen)) out.pop_back();
  return out;
}

}  // namespace

NameNormalizer::NameNormalizer() {
  UErrorCode status = U_ZERO_ERROR;
  to_latin_.reset(
      icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) to_latin_.reset();
}

NameNormalizer::~NameNormalizer() = default;

std::string NameNormalizer::Transliterate(std::string_view utf8) const {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (to_latin_ == nullptr) return std::string(utf8);
    to_latin_->transliterate(u);
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string NameNormalizer::Fold(std::string_view utf8) const {
  std::string marked;
  marked.reserve(utf8.size());
  if (!FastFold(utf8, /*lenient=*/false, &marked)) {
    marked.clear();
    std::string latin = Transliterate(utf8);
    (void)FastFold(latin, /*lenient=*/true, &marked);
  }
  return Resolve(marked);
}

}  // namespace dossier::identity
