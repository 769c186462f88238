// Tested by feed_reader_test.cc.
#include "ingest/xml_entities.h"

#include <array>
#include <cstring>

#include <strings.h>

namespace dossier {
namespace {

struct Entity {
  std::string_view name;
  std::string_view utf8;
};

// The named entities HTML-minded feed writers use most.
constexpr std::array<Entity, 52> kEntities = {{
    {"nbsp", "\u00a0"},   {"copy", "\u00a9"},   {"reg", "\u00ae"},    {"trade", "\u2122"},
    {"hellip", "\u2026"}, {"mdash", "\u2014"},  {"ndash", "\u2013"},  {"lsquo", "\u2018"},
    {"rsquo", "\u2019"},  {"sbquo", "\u201a"},  {"ldquo", "\u201c"},  {"rdquo", "\u201d"},
    {"bdquo", "\u201e"},  {"laquo", "\u00ab"},  {"raquo", "\u00bb"},  {"bull", "\u2022"},
    {"middot", "\u00b7"}, {"deg", "\u00b0"},    {"euro", "\u20ac"},   {"pound", "\u00a3"},
    {"yen", "\u00a5"},    {"cent", "\u00a2"},   {"sect", "\u00a7"},   {"para", "\u00b6"},
    {"times", "\u00d7"},  {"divide", "\u00f7"}, {"shy", "\u00ad"},    {"iexcl", "\u00a1"},
    {"iquest", "\u00bf"}, {"aacute", "\u00e1"}, {"agrave", "\u00e0"}, {"acirc", "\u00e2"},
    {"auml", "\u00e4"},   {"ccedil", "\u00e7"}, {"eacute", "\u00e9"}, {"egrave", "\u00e8"},
    {"ecirc", "\u00ea"},  {"euml", "\u00eb"},   {"iacute", "\u00ed"}, {"icirc", "\u00ee"},
    {"iuml", "\u00ef"},   {"ntilde", "\u00f1"}, {"oacute", "\u00f3"}, {"ocirc", "\u00f4"},
    {"ouml", "\u00f6"},   {"uacute", "\u00fa"}, {"ugrave", "\u00f9"}, {"ucirc", "\u00fb"},
    {"uuml", "\u00fc"},   {"szlig", "\u00df"},  {"Eacute", "\u00c9"}, {"thinsp", "\u2009"},
}};

// windows-1252 bytes 0x80..0x9F; the rest equals ISO-8859-1.
constexpr std::array<int, 32> kCp1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

}  // namespace

std::string_view HtmlEntityUtf8(std::string_view name) {
  for (const Entity& e : kEntities) {
    if (e.name == name) return e.utf8;
  }
  return {};
}

int HandleUnknownEncoding(void* /*data*/, const XML_Char* name, XML_Encoding* info) {
  if (strcasecmp(name, "windows-1252") != 0 && strcasecmp(name, "cp1252") != 0 &&
      strcasecmp(name, "x-cp1252") != 0) {
    return XML_STATUS_ERROR;
  }
  for (int i = 0; i < 256; ++i) info->map[i] = i;
  for (int i = 0; i < 32; ++i) info->map[0x80 + i] = kCp1252High[i];
  info->data = nullptr;
  info->convert = nullptr;
  info->release = nullptr;
  return XML_STATUS_OK;
}

}  // namespace dossier
