// Tests for clean/charset.h.
#include "clean/charset.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

using namespace std::string_view_literals;

std::string Utf16(std::u16string_view s, bool little_endian, bool bom) {
  std::string out;
  if (bom) out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (char16_t c : s) {
    const char lo = static_cast<char>(c & 0xFF), hi = static_cast<char>(c >> 8);
    if (little_endian) {
      out.push_back(lo);
      out.push_back(hi);
    } else {
      out.push_back(hi);
      out.push_back(lo);
    }
  }
  return out;
}

// windows-1252: é=E9, è=E8, ç=E7, à=E0, “=93, ”=94, –=96, ’=92.
constexpr std::string_view kCp1252 =
    "Le pr\xE9sident fran\xE7"
    "ais a d\xE9"
    "clar\xE9 \x93nous resterons\x94 \x96 c\x92"
    "est la r\xE9ponse de l\x92\xC9lys\xE9"
    "e \xE0 la d\xE9l\xE9gation irakienne, apr\xE8s "
    "des semaines de n\xE9gociations tr\xE8s difficiles.";
constexpr std::string_view kCp1252Utf8 =
    "Le président français a déclaré “nous resterons” – c’est la réponse de l’Élysée à la "
    "délégation irakienne, après des semaines de négociations très difficiles.";

TEST(CharsetTest, Utf8StaysAsIs) {
  Result<DecodedText> d = DecodeToUtf8("déjà vu “quoted”", "", false);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->text, "déjà vu “quoted”");
  EXPECT_EQ(d->charset, "UTF-8");
}

TEST(CharsetTest, ByteOrderMarks) {
  struct Case {
    std::string bytes;
    std::string_view want;
  };
  const Case cases[] = {
      {"\xEF\xBB\xBF"
       "caf\xC3\xA9",
       "café"},
      {Utf16(u"Zoë – 2020", true, true), "Zoë – 2020"},
      {Utf16(u"Zoë – 2020", false, true), "Zoë – 2020"},
      {std::string("\xFF\xFE\x00\x00"
                   "A\x00\x00\x00\xE9\x00\x00\x00",
                   12),
       "Aé"},
      {std::string("\x00\x00\xFE\xFF\x00\x00\x00"
                   "A\x00\x00\x00\xE9",
                   12),
       "Aé"},
  };
  for (const Case& c : cases) {
    Result<DecodedText> d = DecodeToUtf8(c.bytes, "", false);
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    EXPECT_EQ(d->text, c.want);
  }
}

TEST(CharsetTest, LegacyEncodingsAreDetectedAndConverted) {
  Result<DecodedText> d = DecodeToUtf8(kCp1252, "", false);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->text, kCp1252Utf8) << d->charset;
}

TEST(CharsetTest, DeclaredCharsetIsUsed) {
  // ISO-8859-1 is read as its superset windows-1252 (WHATWG).
  Result<DecodedText> d = DecodeToUtf8(kCp1252, "ISO-8859-1", false);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text, kCp1252Utf8);
  EXPECT_EQ(d->charset, "windows-1252");
  // A short Cyrillic text that detection could not pin down.
  Result<DecodedText> r = DecodeToUtf8("\xCF\xF0\xE8\xE2\xE5\xF2", "windows-1251", false);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "Привет");
}

TEST(CharsetTest, HtmlMetaCharset) {
  const std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
      "</head><body><p>" +
      std::string(kCp1252) + "</p></body></html>";
  EXPECT_EQ(FindHtmlMetaCharset(page), "iso-8859-1");
  EXPECT_EQ(FindHtmlMetaCharset("<meta charset='UTF-8'>"), "utf-8");
  EXPECT_EQ(FindHtmlMetaCharset("<META CHARSET=windows-1251 />"), "windows-1251");
  EXPECT_EQ(FindHtmlMetaCharset("<p>charset=x</p>"), "");
  Result<DecodedText> d = DecodeToUtf8(page, "", true);
  ASSERT_TRUE(d.ok());
  EXPECT_NE(d->text.find(kCp1252Utf8), std::string::npos);
  // Not an HTML record: the meta tag is just text, detection still works.
  EXPECT_TRUE(DecodeToUtf8(page, "", false).ok());
}

TEST(CharsetTest, DeclaredButWrong) {
  // Declared UTF-8, but only stray high bytes: legacy text.
  Result<DecodedText> d = DecodeToUtf8(kCp1252, "utf-8", false);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->text, kCp1252Utf8);
  // Declared Latin-1, but well-formed multi-byte UTF-8.
  Result<DecodedText> u = DecodeToUtf8("déjà “vu”", "iso-8859-1", false);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->text, "déjà “vu”");
}

TEST(CharsetTest, Utf16WithoutBom) {
  Result<DecodedText> d = DecodeToUtf8(Utf16(u"Hello, world – again", true, false), "", false);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->text, "Hello, world – again");
  Result<DecodedText> b = DecodeToUtf8(Utf16(u"Hello, world", false, false), "utf-16be", false);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->text, "Hello, world");
}

TEST(CharsetTest, Rejections) {
  struct Case {
    std::string bytes;
    std::string_view message;
  };
  const Case cases[] = {
      {"", "empty article"},
      {"\xEF\xBB\xBF", "empty article"},
      {std::string("PK\x03\x04\x00\x00\x08\x00", 8), "binary content, not text"},
      {"\x7F"
       "ELF\x02\x01\x01\x03\x04\x05\x06\x07\x0E\x0F\x10\x11",
       "binary content, not text"},
      // Good UTF-8 ("é", "è") around a lone Latin-1 byte at offset 13.
      {"caf\xC3\xA9 cr\xC3\xA8me \xE9t\xC3\xA9", "invalid UTF-8 at byte 13"},
      {"\xEF\xBB\xBF"
       "d\xC3\xA9j\xE0 vu \xC3\xA9t\xC3\xA9",
       "invalid UTF-8 at byte 7"},
  };
  for (const Case& c : cases) {
    Result<DecodedText> d = DecodeToUtf8(c.bytes, "", false);
    ASSERT_FALSE(d.ok()) << c.bytes;
    EXPECT_EQ(d.status().code(), Status::Code::kInvalidInput);
    EXPECT_EQ(d.status().message(), c.message);
  }
}

TEST(CharsetTest, TruncatedUtf8IsCorrupt) {
  Result<DecodedText> d = DecodeToUtf8("“quoted” and cut \xE2\x80", "", false);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().message(), "invalid UTF-8 at byte 21");
}

}  // namespace
}  // namespace dossier
