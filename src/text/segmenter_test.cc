// Tests for text/segmenter.h. Each case is one line: input, then a compact
// dump of the result ("|" between sentences, kind letters before tokens).
#include "text/segmenter.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace dossier {
namespace {

std::string Span(std::string_view text, uint32_t begin, uint32_t end) {
  return std::string(text.substr(begin, end - begin));
}

// "First sentence.|Second one."
std::string DumpSentences(std::string_view text, const Segmentation& s) {
  std::string out;
  for (const Sentence& x : s.sentences) {
    if (!out.empty()) out += "|";
    out += Span(text, x.begin, x.end);
  }
  return out;
}

// "W:Iraq's N:5,000 P:," with "/" between sentences.
std::string DumpTokens(std::string_view text, const Segmentation& s) {
  std::string out;
  for (const Sentence& x : s.sentences) {
    if (!out.empty()) out += " /";
    for (uint32_t i = x.first_token; i < x.first_token + x.token_count; ++i) {
      const Token& t = s.tokens[i];
      if (!out.empty() && out.back() != '/') out += " ";
      if (out.size() > 0 && out.back() == '/') out += " ";
      out += t.kind == TokenKind::kWord ? "W:" : t.kind == TokenKind::kNumber ? "N:" : "P:";
      out += Span(text, t.begin, t.end);
    }
  }
  return out;
}

// Invariants that hold for any input: spans in order, inside the text,
// trimmed, sentences inside paragraphs, tokens inside their sentence and
// covering every tokenizable byte exactly once.
void CheckInvariants(std::string_view text, const Segmentation& s) {
  SCOPED_TRACE(std::string(text));
  uint32_t last = 0;
  for (const TextSpan& p : s.paragraphs) {
    ASSERT_LE(last, p.begin);
    ASSERT_LT(p.begin, p.end);
    ASSERT_LE(p.end, text.size());
    EXPECT_NE(text[p.begin], ' ');
    EXPECT_NE(text[p.end - 1], ' ');
    last = p.end;
  }
  size_t para = 0;
  uint32_t next_token = 0;
  last = 0;
  for (const Sentence& x : s.sentences) {
    ASSERT_LE(last, x.begin);
    ASSERT_LT(x.begin, x.end);
    while (para < s.paragraphs.size() && s.paragraphs[para].end < x.end) ++para;
    ASSERT_LT(para, s.paragraphs.size());
    EXPECT_GE(x.begin, s.paragraphs[para].begin);
    EXPECT_NE(text[x.begin], ' ');
    EXPECT_NE(text[x.end - 1], ' ');
    EXPECT_EQ(x.first_token, next_token);
    for (uint32_t i = x.first_token; i < x.first_token + x.token_count; ++i) {
      ASSERT_LT(i, s.tokens.size());
      const Token& t = s.tokens[i];
      EXPECT_GE(t.begin, x.begin);
      EXPECT_LE(t.end, x.end);
      EXPECT_LT(t.begin, t.end);
      if (i > x.first_token) {
        EXPECT_LE(s.tokens[i - 1].end, t.begin);
      }
    }
    next_token = x.first_token + x.token_count;
    last = x.end;
  }
  EXPECT_EQ(next_token, s.tokens.size());
}

struct SentenceCase {
  const char* language;
  const char* text;
  const char* sentences;
};

const SentenceCase kSentenceCases[] = {
    {"en", "", ""},
    {"en", " \n\n \t ", ""},
    {"en", "One sentence.", "One sentence."},
    {"en", "  Leading and trailing spaces.   ", "Leading and trailing spaces."},
    {"en", "It rained. Then it stopped! Did it? Yes.", "It rained.|Then it stopped!|Did it?|Yes."},
    // Titles never end a sentence.
    {"en", "Mr. Smith met Dr. Jones and Gen. Milley. They talked.",
     "Mr. Smith met Dr. Jones and Gen. Milley.|They talked."},
    // Initials never end a sentence.
    {"en", "J. Smith met M. al-Kazimi in Baghdad. Then he left.",
     "J. Smith met M. al-Kazimi in Baghdad.|Then he left."},
    {"en", "The report by E. J. Dionne was read.", "The report by E. J. Dionne was read."},
    // Dotted acronyms end a sentence only before a sentence starter.
    {"en", "The U.S. Army left Iraq. The U.N. stayed.",
     "The U.S. Army left Iraq.|The U.N. stayed."},
    {"en", "Troops went back to the U.S. The move surprised many.",
     "Troops went back to the U.S.|The move surprised many."},
    {"en", "He works at the U.N. Security Council.", "He works at the U.N. Security Council."},
    {"en", "They met at 9 a.m. Officials said so.", "They met at 9 a.m. Officials said so."},
    {"en", "They met at 9 a.m. The talks lasted.", "They met at 9 a.m.|The talks lasted."},
    // May-end abbreviations from the list.
    {"en", "Apple Inc. CEO Tim Cook spoke. Shares rose.",
     "Apple Inc. CEO Tim Cook spoke.|Shares rose."},
    {"en", "He bought shares of Apple Inc. The deal closed.",
     "He bought shares of Apple Inc.|The deal closed."},
    {"en", "Apples, pears, etc. The list was long.", "Apples, pears, etc.|The list was long."},
    {"en", "The visit on Aug. 27, 2020 was short.", "The visit on Aug. 27, 2020 was short."},
    // Before-number abbreviations.
    {"en", "It was No. 10 on the list. No. It was not.",
     "It was No. 10 on the list.|No.|It was not."},
    {"en", "He paid approx. 5,000 dollars. It was cheap.",
     "He paid approx. 5,000 dollars.|It was cheap."},
    // Quotes and brackets around the abbreviation or the next word.
    {"en", "He met (Dr. Ho) there. \"We agree,\" he said.",
     "He met (Dr. Ho) there.|\"We agree,\" he said."},
    {"en", "She lives in the U.S. \"We like it,\" she said.",
     "She lives in the U.S.|\"We like it,\" she said."},
    // Sentences never cross paragraphs, even after an abbreviation.
    {"en", "First para ends with Dr.\n\nSecond para.", "First para ends with Dr.|Second para."},
    {"en", "No final stop\n\nNext paragraph. Two.", "No final stop|Next paragraph.|Two."},
    // Single newlines also separate.
    {"en", "Line one\nLine two", "Line one|Line two"},
    {"en", "Windows line\r\nbreaks here", "Windows line|breaks here"},
    // A lost space between sentences.
    {"fr", "la Maison Blanche.La responsable a parlé.",
     "la Maison Blanche.|La responsable a parlé."},
    {"en", "Tools, e.g.The Hammer, and U.S.Army gear.",
     "Tools, e.g.The Hammer, and U.S.Army gear."},
    // French.
    {"fr", "M. Austin a souligné la nécessité. Les discussions se poursuivront.",
     "M. Austin a souligné la nécessité.|Les discussions se poursuivront."},
    {"fr", "Mme. Dupont et Mlle. Martin sont venues. Elles sont reparties.",
     "Mme. Dupont et Mlle. Martin sont venues.|Elles sont reparties."},
    {"fr", "En 52 av. J.-C. César gagna. Les Gaulois perdirent.",
     "En 52 av. J.-C. César gagna.|Les Gaulois perdirent."},
    {"fr", "Il est né en 63 av. J.-C. Il est mort en 14.",
     "Il est né en 63 av. J.-C.|Il est mort en 14."},
    // German, Spanish.
    {"de", "Das sagte Dr. Müller z.B. gestern. Er ging.",
     "Das sagte Dr. Müller z.B. gestern.|Er ging."},
    {"es", "El Sr. García llegó ayer. Ella no.", "El Sr. García llegó ayer.|Ella no."},
    // A language without a list still has the built-in rules.
    {"sv", "Det sa J. Andersson. Han gick.", "Det sa J. Andersson.|Han gick."},
    {"", "Undetermined language. Still split.", "Undetermined language.|Still split."},
    // Unicode spaces are trimmed.
    {"en", "\u3000Ideographic space.\u3000\u00a0Next one.\u2003", "Ideographic space.|Next one."},
};

TEST(SegmenterTest, Sentences) {
  for (const SentenceCase& c : kSentenceCases) {
    TextSegmenter seg(c.language);
    Segmentation s = seg.Segment(c.text);
    EXPECT_EQ(DumpSentences(c.text, s), c.sentences) << "[" << c.language << "] " << c.text;
    CheckInvariants(c.text, s);
  }
}

struct TokenCase {
  const char* language;
  const char* text;
  const char* tokens;
};

const TokenCase kTokenCases[] = {
    {"en", "Iraq's 5,000 troops, al-Kazimi said.",
     "W:Iraq's N:5,000 W:troops P:, W:al P:- W:Kazimi W:said P:."},
    {"en", "About 2,800 and 3.500 and 2020 and 1.5%.",
     "W:About N:2,800 W:and N:3.500 W:and N:2020 W:and N:1.5 P:% P:."},
    {"en", "Iraq’s “sovereignty” — it is.", "W:Iraq’s P:“ W:sovereignty P:” P:— W:it W:is P:."},
    {"en", "The U.S. Army left. Then...", "W:The W:U.S P:. W:Army W:left P:. / W:Then P:. P:. P:."},
    {"fr", "la Maison Blanche.La responsable", "W:la W:Maison W:Blanche P:. / W:La W:responsable"},
    {"fr", "Une délégation s'est jointe.", "W:Une W:délégation W:s'est W:jointe P:."},
    {"en", "Tabs\tand  spaces\u00a0here", "W:Tabs W:and W:spaces W:here"},
    {"en", "COVID-19 hit in 2020-03.", "W:COVID P:- N:19 W:hit W:in N:2020 P:- N:03 P:."},
    // ICU's tailored word rules are kept: Swedish and Finnish join "a:b".
    {"sv", "Talade med S:t Olof i EU:s namn.", "W:Talade W:med W:S:t W:Olof W:i W:EU:s W:namn P:."},
    {"fi", "EU:n jäsen", "W:EU:n W:jäsen"},
    {"en", "EU:s", "W:EU P:: W:s"},
};

TEST(SegmenterTest, Tokens) {
  for (const TokenCase& c : kTokenCases) {
    TextSegmenter seg(c.language);
    Segmentation s = seg.Segment(c.text);
    EXPECT_EQ(DumpTokens(c.text, s), c.tokens) << "[" << c.language << "] " << c.text;
    CheckInvariants(c.text, s);
  }
}

// A character the fast word tokenizer does not handle (here an ideograph in
// a paragraph of its own) sends the whole text through ICU's iterator: both
// paths must give the same sentences and tokens.
TEST(SegmenterTest, IcuPathGivesTheSameTokens) {
  std::vector<std::string> texts;
  for (const TokenCase& c : kTokenCases) texts.push_back(c.text);
  for (const SentenceCase& c : kSentenceCases) texts.push_back(c.text);
  texts.push_back("Straddles.Two sentences.Here and there.Done.");
  for (const char* name : {"000_e1a734cba25a82d5", "001_70321ae0b2c1328a", "002_7ae8a522009a5cd5",
                           "003_c9ff6c25b3102a1e", "004_e7a04df67541ed59"}) {
    std::ifstream in(std::string(DOSSIER_SOURCE_DIR) + "/samples/" + name + ".txt");
    std::ostringstream sample;
    sample << in.rdbuf();
    ASSERT_FALSE(sample.str().empty()) << name;
    texts.push_back(sample.str());
  }
  TextSegmenter seg("fr");
  for (const std::string& text : texts) {
    const Segmentation fast = seg.Segment(text);
    const std::string with_ideograph = text + "\n\n中";
    const Segmentation icu = seg.Segment(with_ideograph);
    CheckInvariants(with_ideograph, icu);
    ASSERT_EQ(icu.sentences.size(), fast.sentences.size() + 1) << text;
    ASSERT_EQ(icu.tokens.size(), fast.tokens.size() + 1) << text;
    for (size_t i = 0; i < fast.sentences.size(); ++i) {
      EXPECT_EQ(icu.sentences[i].first_token, fast.sentences[i].first_token) << text;
      EXPECT_EQ(icu.sentences[i].token_count, fast.sentences[i].token_count) << text;
    }
    for (size_t i = 0; i < fast.tokens.size(); ++i) {
      EXPECT_EQ(icu.tokens[i].begin, fast.tokens[i].begin) << text;
      EXPECT_EQ(icu.tokens[i].end, fast.tokens[i].end) << text;
      EXPECT_EQ(icu.tokens[i].kind, fast.tokens[i].kind) << text;
    }
  }
}

TEST(SegmenterTest, OffsetsAreBytesIntoTheText) {
  const std::string text = "Égypte et Irak.\n\nΑθήνα είπε.";
  TextSegmenter seg("fr");
  Segmentation s = seg.Segment(text);
  ASSERT_EQ(s.paragraphs.size(), 2u);
  EXPECT_EQ(Span(text, s.paragraphs[1].begin, s.paragraphs[1].end), "Αθήνα είπε.");
  ASSERT_GE(s.tokens.size(), 2u);
  EXPECT_EQ(s.tokens[1].begin, 8u);  // "É" takes two bytes
  EXPECT_EQ(Span(text, s.tokens[1].begin, s.tokens[1].end), "et");
  ASSERT_EQ(s.sentences.size(), 2u);
  EXPECT_EQ(s.sentences[1].token_count, 3u);
}

TEST(SegmenterTest, IdeographicTextIsSplitIntoWords) {
  const std::string text = "我们是中国人。他们来了。";
  TextSegmenter seg("zh");
  Segmentation s = seg.Segment(text);
  EXPECT_EQ(s.sentences.size(), 2u);
  CheckInvariants(text, s);
  size_t words = 0;
  for (const Token& t : s.tokens) words += t.kind == TokenKind::kWord;
  EXPECT_GE(words, 4u);  // dictionary-based: more than one word per sentence
}

TEST(SegmenterTest, ReusingOneSegmenterGivesTheSameResult) {
  TextSegmenter seg("en");
  const std::string a = "Dr. Ho left the U.S. The end.\n\nNew paragraph here.";
  const std::string b = "Short.";
  std::string first = DumpTokens(a, seg.Segment(a));
  EXPECT_EQ(DumpTokens(b, seg.Segment(b)), "W:Short P:.");
  EXPECT_EQ(DumpTokens(a, seg.Segment(a)), first);
}

TEST(SegmenterTest, IllFormedUtf8DoesNotBreakInvariants) {
  const std::string inputs[] = {
      std::string("Bad \xff\xfe bytes. Next \xc3 one.\n\n\xe2\x80 End."),
      std::string("\xf0\x9f\x98"),
      std::string(". . .\n\n\n."),
      std::string("\xe2\x80\xa9x"),
  };
  TextSegmenter seg("en");
  for (const std::string& text : inputs) CheckInvariants(text, seg.Segment(text));
}

// The seed articles: every character but whitespace is in exactly one token.
TEST(SegmenterTest, SampleArticlesKeepEveryCharacter) {
  TextSegmenter seg("en");
  std::string text;
  for (int i = 0; i < 200; ++i) {
    text += "Sen. Smith (R.) said 5,000 U.S. troops—approx. half—left on Sept. 3. ";
    if (i % 7 == 6) text += "\n\n";
  }
  Segmentation s = seg.Segment(text);
  CheckInvariants(text, s);
  size_t covered = 0;
  for (const Token& t : s.tokens) covered += t.end - t.begin;
  size_t non_space = 0;
  for (char c : text) non_space += c != ' ' && c != '\n';
  EXPECT_EQ(covered, non_space);
}

// Sentence breaks come from ICU over a UTF-16 copy of the text, mapped back
// to byte offsets: characters of 1 to 4 bytes (2 UTF-16 units for 😀)
// before, inside and after the sentences must not shift them.
TEST(SegmenterTest, SentenceOffsetsAreBytesWhateverTheCharacterSizes) {
  const std::string text =
      "😀 Le président est arrivé. «Bonjour», a-t-il dit 😀😀. Ça va? 中文句子。Next "
      "one 𝒳!\n\nÉté 2021.";
  TextSegmenter seg("fr");
  Segmentation s = seg.Segment(text);
  CheckInvariants(text, s);
  std::vector<std::string> got;
  for (const Sentence& x : s.sentences) got.push_back(text.substr(x.begin, x.end - x.begin));
  EXPECT_EQ(got,
            (std::vector<std::string>{"😀 Le président est arrivé.", "«Bonjour», a-t-il dit 😀😀.",
                                      "Ça va?", "中文句子。", "Next one 𝒳!", "Été 2021."}));
}

struct FoldCase_ {
  const char* in;
  const char* out;
};

TEST(FoldCaseTest, Table) {
  const FoldCase_ kCases[] = {
      {"", ""},
      {"Hello", "hello"},
      {"ABC-def 123", "abc-def 123"},
      {"ÉTATS-UNIS", "états-unis"},
      {"Straße", "strasse"},
      {"ΣΟΦΟΣ", "σοφοσ"},
      {"ПРЕЗИДЕНТ", "президент"},
      {"İstanbul", "i̇stanbul"},
  };
  for (const FoldCase_& c : kCases) EXPECT_EQ(FoldCase(c.in), c.out) << c.in;
}

std::string IcuFold(std::string_view word) {
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  icu::CaseMap::utf8Fold(U_FOLD_CASE_DEFAULT,
                         icu::StringPiece(word.data(), static_cast<int32_t>(word.size())), sink,
                         nullptr, status);
  EXPECT_TRUE(U_SUCCESS(status)) << word;
  return out;
}

std::string Utf8(UChar32 c) {
  std::string out;
  icu::UnicodeString(c).toUTF8String(out);
  return out;
}

// FoldCase folds ASCII and Latin-1 itself: it must agree with ICU on every
// code point there and around it, alone and inside words.
TEST(FoldCaseTest, AgreesWithIcuOnLatinAndBeyond) {
  std::string reused = "left over";
  for (UChar32 c = 0x20; c < 0x800; ++c) {
    if (c >= 0x7F && c < 0xA0) continue;  // controls
    const std::string ch = Utf8(c);
    for (const std::string& word : {ch, "A" + ch + "b", ch + ch + "Z", "\xc3\x89T" + ch}) {
      EXPECT_EQ(FoldCase(word), IcuFold(word)) << word;
      FoldCaseInto(word, &reused);
      EXPECT_EQ(reused, IcuFold(word)) << word;
    }
  }
  for (const char* word : {"ÉTATS-UNIS", "Straße", "µs", "İstanbul", "ΣΟΦΟΣ", "ǅ", "ﬁn", "Ａ"}) {
    EXPECT_EQ(FoldCase(word), IcuFold(word)) << word;
  }
}

}  // namespace
}  // namespace dossier
