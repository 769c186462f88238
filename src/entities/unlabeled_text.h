// Reading unlabelled text for the trainer: plain text files (*.txt, one
// paragraph or sentence a line), JSON Lines (*.jsonl) and JSON (*.json)
// files (every string under a "text", "main_content" or "articleBody" key),
// given as files or directories (searched
// recursively, in sorted order so the result does not depend on the file
// system). Each line is tokenised with SimpleTokenize.
//
// Thread-safety: pure function.
#ifndef DOSSIER_ENTITIES_UNLABELED_TEXT_H_
#define DOSSIER_ENTITIES_UNLABELED_TEXT_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dossier::ner {

struct UnlabeledStats {
  size_t files = 0;
  size_t lines = 0;
  size_t tokens = 0;
};

// Calls on_line with the tokens of every non-empty line.
Status ReadUnlabeledText(const std::vector<std::string>& paths,
                         const std::function<void(const std::vector<std::string_view>&)>& on_line,
                         UnlabeledStats* stats);

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_UNLABELED_TEXT_H_
