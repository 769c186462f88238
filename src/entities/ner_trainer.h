// TrainNerModel: trains a two-stage NER model from labelled corpora
// (trainer side; the tagger is in tagger.h).
//
// Steps:
//   1. read the corpora; without a dev file, hold out every k-th document
//      of the training data (k = 1 / args.dev_fraction) for early stopping;
//      gold entities without any letter (bare years and numbers, which
//      silver corpora label when they were links) are read as O; with
//      args.clean_silver, leading words without a capital are trimmed off
//      gold entities, and entities left without one are read as O;
//   2. build the resources the model carries: a gazetteer from GeoNames-style
//      files (gazetteer_builder.h) and a word lexicon (capitalisation
//      statistics and word clusters) from unlabelled text and the training
//      tokens (lexicon_builder.h);
//   3. stage 1: averaged perceptron on local features, epochs chosen by
//      dev F1 with patience;
//   4. stage 2 (args.non_local): stage-1 labels for every document by
//      jack-knifing (args.folds folds: each fold labelled by a stage-1 model
//      that did not see it, so stage 2 learns from labels as noisy as at run
//      time), then a perceptron on local + non-local features, epochs again
//      chosen on dev;
//   5. with args.retrain_full, both stages are retrained on train + dev for
//      the chosen epoch counts.
// Progress lines (per-epoch dev F1, timings) go to `log`.
//
// Thread-safety: pure function; uses one thread.
#ifndef DOSSIER_ENTITIES_NER_TRAINER_H_
#define DOSSIER_ENTITIES_NER_TRAINER_H_

#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "entities/corpus_reader.h"
#include "entities/ner_args.h"
#include "entities/ner_model.h"

namespace dossier::ner {

struct NerTrainInput {
  std::vector<std::string> train_files;
  std::string dev_file;  ///< empty: hold out part of the training data
  CorpusFormat format = CorpusFormat::kAuto;
  std::string gazetteer_dir;           ///< empty: no gazetteer
  std::vector<std::string> unlabeled;  ///< files or directories of text (*.txt, *.jsonl)
};

using TrainLog = std::function<void(const std::string& line)>;

Result<NerModel> TrainNerModel(const NerArgs& args, const NerTrainInput& input,
                               const TrainLog& log);

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_NER_TRAINER_H_
