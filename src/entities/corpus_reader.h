// Readers of labelled NER corpora in column formats.
//
//   conll:   "token ... tag" per line, whitespace-separated, tag last
//            (CoNLL-2003: token POS chunk tag); "-DOCSTART-" lines separate
//            documents.
//   wikiann: "xx:token<TAB>tag" (the "xx:" language prefix is removed).
//   conllu:  "index<TAB>token<TAB>tag" (WikiNEuRal).
// In all, a blank line ends a sentence and lines starting with '#' are
// comments. Tags are IOB1 or IOB2 (see tag_scheme.h); a corpus whose tags
// cannot be read is rejected with the line number.
//
// Each sentence keeps its raw lines and the non-token lines before it, so a
// reader can print the file back exactly with a column appended (what
// `dossier ner --conll` does).
//
// Thread-safety: pure functions.
#ifndef DOSSIER_ENTITIES_CORPUS_READER_H_
#define DOSSIER_ENTITIES_CORPUS_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "entities/entity_type.h"

namespace dossier::ner {

enum class CorpusFormat { kAuto, kConll, kWikiann, kConllu };

// "auto", "conll", "wikiann", "conllu"; InvalidInput otherwise.
Result<CorpusFormat> ParseCorpusFormat(std::string_view name);

struct LabeledSentence {
  std::vector<std::string> tokens;
  std::vector<std::string> tags;   ///< as in the file; empty strings if absent
  std::vector<EntitySpan> spans;   ///< gold spans (empty if the file has no tags)
  std::vector<std::string> lines;  ///< raw token lines, without the newline
  std::string before;              ///< raw lines before this sentence, with newlines
};

struct LabeledDocument {
  std::vector<LabeledSentence> sentences;
};

struct Corpus {
  std::vector<LabeledDocument> documents;
  std::string trailer;  ///< raw lines after the last sentence, with newlines
  bool has_tags = true;

  size_t TokenCount() const;
};

// Parses `text`. With kAuto the format is guessed from the first token line.
// Without document markers (wikiann, conllu) each sentence is its own
// document. If `require_tags` is false, lines with a single column (conll) or
// two (conllu) are accepted as untagged tokens.
Result<Corpus> ParseCorpus(std::string_view text, CorpusFormat format, bool require_tags = true);

// Reads and parses a file ("-" is stdin).
Result<Corpus> ReadCorpus(const std::string& path, CorpusFormat format, bool require_tags = true);

// Reads a whole file ("-" is stdin) into *out.
Status ReadFileToString(const std::string& path, std::string* out);

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_CORPUS_READER_H_
