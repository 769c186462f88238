// NerModel: everything a tagger needs, and its file format.
//
// File layout (little-endian; see model_format.md):
//   u32 magic "DNER" | u32 format version | u64 payload size | zstd(payload)
// The payload is a list of sections, each u32 tag + varint length + bytes:
//   ARGS (NerArgs text), LEXI (WordLexicon), GAZE (Gazetteer),
//   TRAN (two Transitions), WGHT (WeightTable).
// Unknown sections are skipped, so sections may be added within a version;
// a file whose version is newer than kNerFormatVersion is rejected.
//
// Thread-safety: const methods may run concurrently.
#ifndef DOSSIER_ENTITIES_NER_MODEL_H_
#define DOSSIER_ENTITIES_NER_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"
#include "entities/gazetteer.h"
#include "entities/ner_args.h"
#include "entities/viterbi.h"
#include "entities/weight_table.h"
#include "entities/word_lexicon.h"

namespace dossier::ner {

inline constexpr uint32_t kNerMagic = 0x52454E44;  // "DNER" in file byte order
inline constexpr uint32_t kNerFormatVersion = 1;

struct NerModel {
  NerArgs args;
  WordLexicon lexicon;
  Gazetteer gazetteer;
  WeightTable weights;         ///< block 0: stage 1; block 1: stage 2 (if args.non_local)
  Transitions transitions[2];  ///< per stage

  // The whole file as bytes.
  std::string Serialize() const;
  // Corruption on a bad magic, truncated or malformed data; Unsupported on a
  // newer format version.
  static Result<NerModel> Parse(std::string_view bytes);

  Status Save(const std::string& path) const;
  // NotFound if the file does not exist; otherwise as Parse().
  static Result<NerModel> Load(const std::string& path);
};

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_NER_MODEL_H_
