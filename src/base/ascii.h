// ASCII-only character and string helpers: no locale (unlike <cctype>), and
// bytes >= 0x80 are never spaces, digits or letters, so UTF-8 passes through
// unchanged. Not for Unicode case folding (see entities/word_forms.h).
#ifndef DOSSIER_BASE_ASCII_H_
#define DOSSIER_BASE_ASCII_H_

#include <string>
#include <string_view>

namespace dossier::ascii {

// What std::isspace accepts in the "C" locale: " \t\n\r\f\v".
inline constexpr std::string_view kSpaces = " \t\n\r\f\v";

constexpr bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// 'a'..'z' or '0'..'9': a letter or digit of folded (lowercased) text.
constexpr bool IsLowerOrDigit(char c) { return (c >= 'a' && c <= 'z') || IsDigit(c); }

constexpr bool HasDigit(std::string_view s) {
  for (char c : s) {
    if (IsDigit(c)) return true;
  }
  return false;
}

// 'A'..'Z' to 'a'..'z'; every other byte unchanged.
constexpr char ToLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ToLower(c);
  return out;
}

// Equal once 'A'..'Z' are lowercased on both sides.
constexpr bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ToLower(a[i]) != ToLower(b[i])) return false;
  }
  return true;
}

constexpr bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsNoCase(s.substr(0, prefix.size()), prefix);
}

// `s` without its leading and trailing bytes from `spaces` (a view into `s`).
constexpr std::string_view Trim(std::string_view s, std::string_view spaces = kSpaces) {
  while (!s.empty() && spaces.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  while (!s.empty() && spaces.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return s;
}

// True when `s` is empty or holds only bytes from `spaces`.
constexpr bool IsBlank(std::string_view s, std::string_view spaces = kSpaces) {
  return s.find_first_not_of(spaces) == std::string_view::npos;
}

}  // namespace dossier::ascii

#endif  // DOSSIER_BASE_ASCII_H_
