#include "entities/corpus_reader.h"

#include <gtest/gtest.h>

namespace dossier::ner {
namespace {

TEST(CorpusReader, ConllWithDocumentsKeepsRawLines) {
  std::string text =
      "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\n"
      "-DOCSTART- -X- O O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n";
  Result<Corpus> c = ParseCorpus(text, CorpusFormat::kAuto);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->documents.size(), 2u);
  const LabeledSentence& s = c->documents[1].sentences[0];
  EXPECT_EQ(s.tokens, (std::vector<std::string>{"Peter", "Blackburn"}));
  ASSERT_EQ(s.spans.size(), 1u);
  EXPECT_EQ(s.spans[0].last_token, 1u);
  EXPECT_EQ(s.lines[0], "Peter NNP I-NP I-PER");
  // Printing before + lines + trailer gives the file back.
  std::string back;
  for (const LabeledDocument& d : c->documents) {
    for (const LabeledSentence& x : d.sentences) {
      back += x.before;
      for (const std::string& l : x.lines) back += l + "\n";
    }
  }
  back += c->trailer;
  EXPECT_EQ(back, text);
}

TEST(CorpusReader, WikiannAndConllu) {
  Result<Corpus> w =
      ParseCorpus("fr:Parti\tB-ORG\nfr:libéral\tI-ORG\n\nfr:Sedan\tB-LOC\n", CorpusFormat::kAuto);
  ASSERT_TRUE(w.ok());
  ASSERT_EQ(w->documents.size(), 2u);  // no document markers: one per sentence
  EXPECT_EQ(w->documents[0].sentences[0].tokens[1], "libéral");
  Result<Corpus> u = ParseCorpus("0\tNintendo\tB-ORG\n1\t,\tO\n", CorpusFormat::kAuto);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->documents[0].sentences[0].tokens[0], "Nintendo");
  EXPECT_EQ(u->documents[0].sentences[0].spans.size(), 1u);
}

TEST(CorpusReader, ErrorsNameTheLine) {
  Result<Corpus> c = ParseCorpus("a O\nb\n", CorpusFormat::kConll);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("line 2"), std::string::npos);
  EXPECT_FALSE(ParseCorpus("a B-DATE\n", CorpusFormat::kConll).ok());
  // Untagged input is accepted when tags are not required.
  Result<Corpus> untagged = ParseCorpus("Hello\nworld\n", CorpusFormat::kConll, false);
  ASSERT_TRUE(untagged.ok());
  EXPECT_FALSE(untagged->has_tags);
  EXPECT_EQ(untagged->TokenCount(), 2u);
}

}  // namespace
}  // namespace dossier::ner
