// SimpleTokenize: a Penn-Treebank-like word tokeniser for the trainer's
// plain-text inputs (unlabelled text, gazetteer names), close to the
// tokenisation of the NER corpora: punctuation split off words, "'s" and
// "n't" split off in English, elided articles ("l'", "d'") in French;
// abbreviations with inner periods ("U.S.") and hyphenated words kept.
//
// Thread-safety: pure function.
#ifndef DOSSIER_ENTITIES_SIMPLE_TOKENIZER_H_
#define DOSSIER_ENTITIES_SIMPLE_TOKENIZER_H_

#include <string_view>
#include <vector>

namespace dossier::ner {

// Appends the tokens of `text` (views into it) to *out.
void SimpleTokenize(std::string_view text, std::vector<std::string_view>* out);

// Splits clitics off a word token: English "'s", "'", "n't"; French elided
// "l'", "d'", "qu'", ... (with ASCII or typographic apostrophes). Appends the
// pieces (views into `word`) to *out; a word without clitics is appended as
// it is.
void SplitClitics(std::string_view word, std::vector<std::string_view>* out);

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_SIMPLE_TOKENIZER_H_
