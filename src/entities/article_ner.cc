// Tested by tagger_test.cc (ArticleApiGivesByteOffsets).
#include "entities/article_ner.h"

#include "entities/simple_tokenizer.h"

namespace dossier::ner {

ArticleNer::ArticleNer(const NerTagger* tagger, std::string_view language)
    : tagger_(tagger), segmenter_(language) {}

std::vector<Mention> ArticleNer::Find(std::string_view text) {
  Segmentation seg = segmenter_.Segment(text);
  std::vector<std::vector<std::string_view>> sentences;
  sentences.reserve(seg.sentences.size());
  std::vector<std::string_view> pieces;
  for (const Sentence& s : seg.sentences) {
    std::vector<std::string_view>& tokens = sentences.emplace_back();
    const uint32_t end = s.first_token + s.token_count;
    for (uint32_t i = s.first_token; i < end; ++i) {
      const Token& t = seg.tokens[i];
      if (t.kind == TokenKind::kPunct) {
        tokens.push_back(text.substr(t.begin, t.end - t.begin));
        continue;
      }
      // The corpora keep hyphenated compounds whole ("al-Kadhimi",
      // "Saint-Denis"): rejoin word-hyphen-word runs written without spaces.
      uint32_t last = i;
      while (last + 2 < end && seg.tokens[last + 1].begin == seg.tokens[last].end &&
             text.substr(seg.tokens[last + 1].begin,
                         seg.tokens[last + 1].end - seg.tokens[last + 1].begin) == "-" &&
             seg.tokens[last + 2].begin == seg.tokens[last + 1].end &&
             seg.tokens[last + 2].kind != TokenKind::kPunct) {
        last += 2;
      }
      std::string_view word = text.substr(t.begin, seg.tokens[last].end - t.begin);
      i = last;
      pieces.clear();
      SplitClitics(word, &pieces);
      tokens.insert(tokens.end(), pieces.begin(), pieces.end());
    }
  }
  std::vector<std::vector<EntitySpan>> spans = tagger_->TagDocument(sentences);
  std::vector<Mention> out;
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (const EntitySpan& e : spans[s]) {
      // Tokens are views into `text`, so offsets come from pointers.
      const std::string_view& first = sentences[s][e.first_token];
      const std::string_view& last = sentences[s][e.last_token];
      Mention m;
      m.begin = static_cast<uint32_t>(first.data() - text.data());
      m.end = static_cast<uint32_t>(last.data() + last.size() - text.data());
      m.type = e.type;
      m.score = e.score;
      m.sentence = static_cast<uint32_t>(s);
      out.push_back(m);
    }
  }
  return out;
}

}  // namespace dossier::ner
