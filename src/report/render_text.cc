#include "report/render_text.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace dossier::report {

std::string FormatNumber(double value) {
  char buf[64];
  if (std::abs(value) >= 1e15 || value != std::floor(value)) {
    std::snprintf(buf, sizeof buf, "%g", value);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%.0f", std::abs(value));
  std::string digits = buf;
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

std::string DateRange(const std::string& first, const std::string& last) {
  if (first.empty() && last.empty()) return "date unknown";
  if (first.empty() || last.empty() || first == last) return first.empty() ? last : first;
  return first + " – " + last;
}

std::string OutletLabel(const std::string& outlet) {
  return outlet.empty() ? "(unknown outlet)" : outlet;
}

std::string SourceLabel(const SourceRef& source) {
  std::string out = OutletLabel(source.outlet);
  if (!source.language.empty()) out += ", " + source.language;
  if (!source.published.empty()) out += ", " + source.published.substr(0, 10);
  return out;
}

std::string FigureLabel(const ReportFigure& figure) {
  std::string out;
  if (!figure.approx.empty()) out += figure.approx + " ";
  out += FormatNumber(figure.value);
  // The range says what an approximation or an open bound allows; an exact
  // figure's rounding tolerance is no news to the reader.
  const bool ranged = !figure.approx.empty() || !figure.high;
  if (ranged) {
    out += " (" + FormatNumber(figure.low) + "–" + (figure.high ? FormatNumber(*figure.high) : "") +
           ")";
  }
  if (!figure.unit.empty()) out += " " + figure.unit;
  if (!figure.counts.empty() && figure.counts != figure.unit) out += " [" + figure.counts + "]";
  if (!figure.subject.empty()) out += ", " + figure.subject;
  return out;
}

std::string RoleLabel(const ActorRole& role) {
  std::string out = role.role;
  for (char& c : out) {
    if (c == '-') c = ' ';
  }
  if (!role.country.empty()) {
    const size_t colon = role.country.find(':');
    out += ", " + (colon == std::string::npos ? role.country : role.country.substr(colon + 1));
  }
  return out;
}

std::string QuoteText(const ReportQuote& quote) {
  if (!quote.direct) return quote.text;
  for (std::string_view mark : {"\"", "“", "«", "„", "‘", "'"}) {
    if (quote.text.starts_with(mark)) return quote.text;
  }
  return "“" + quote.text + "”";
}

std::string Plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string KindLabel(const std::string& kind) {
  if (kind.empty()) return kind;
  std::string out = kind;
  out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

}  // namespace dossier::report
