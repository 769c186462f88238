// NerArgs: how a model was (or is to be) trained. Saved inside every model
// file as "key=value" lines, so a model records its own provenance; unknown
// keys are ignored when reading, so keys may be added without a format
// version change (never reuse a key for another meaning).
//
// Thread-safety: plain value.
#ifndef DOSSIER_ENTITIES_NER_ARGS_H_
#define DOSSIER_ENTITIES_NER_ARGS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"
#include "entities/features.h"

namespace dossier::ner {

struct NerArgs {
  // Parameters that affect the model.
  std::string lang = "en";  ///< ISO 639-1 code of the training data
  int hash_bits = 21;       ///< feature table of 2^bits rows; more: fewer collisions, more RAM
  bool non_local = true;    ///< train the second (document-level) stage
  FeatureOptions features;  ///< feature groups in use

  // Parameters that affect training.
  int epochs = 25;            ///< maximum passes over the training data
  int patience = 4;           ///< stop after this many epochs without a better dev F1
  int folds = 4;              ///< jack-knife folds for the stage-1 labels stage 2 learns from
  uint64_t seed = 1;          ///< shuffling seed
  double dev_fraction = 0.1;  ///< without a dev file: every 1/f-th document is held out
  bool retrain_full = true;   ///< after early stopping, retrain on train+dev held-out part
  float prune = 0.0f;         ///< drop weights of smaller magnitude when saving
  int clusters = 256;         ///< word clusters to build from unlabelled text (0: none)
  int min_cluster_count = 3;  ///< words rarer than this in unlabelled text get no cluster
  bool clean_silver = false;  ///< trim leading lower-case words off gold entities; drop
                              ///< entities with no capital (for silver corpora: WikiANN)

  // Span confidence = logistic(score_a * mean token margin + score_b), fitted
  // by the trainer on dev spans (margin: chosen label's score minus the
  // best other label's).
  float score_a = 1.0f;
  float score_b = 0.0f;

  // Provenance (written by the trainer; informative only).
  std::string command;    ///< the command line that trained the model
  std::string train;      ///< training files
  std::string dev;        ///< dev file or "held out from train"
  std::string resources;  ///< gazetteer and unlabelled-text sources
  std::string scores;     ///< dev scores per epoch and final

  std::string ToText() const;
  // Reads ToText() output; InvalidInput on a malformed known key.
  static Result<NerArgs> FromText(std::string_view text);
};

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_NER_ARGS_H_
