// AttributionTrainer: trains an AttributionModel on a corpus of articles
// whose attributions are annotated as brat standoff (PolNeAR: Source, Cue
// and Content spans joined by Attribution events), with the averaged
// perceptron of the NER stage (entities/perceptron.h).
//
//   Result<std::vector<AttributionDocument>> docs = ReadBratCorpus("polnear/train");
//   AttributionTrainer trainer(options, lexicon);
//   Result<AttributionModel> m = trainer.Train(*docs, &log);
//
// Gold labels: each span fragment becomes the tokens it overlaps within
// one tagging unit (a paragraph); where spans overlap (a source shared by
// two attributions) the first in text order is kept.
//
// Thread-safety: one trainer per thread.
#ifndef DOSSIER_QUOTES_ATTRIBUTION_TRAINER_H_
#define DOSSIER_QUOTES_ATTRIBUTION_TRAINER_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "base/status.h"
#include "quotes/attribution_model.h"
#include "quotes/quote_lexicon.h"

namespace dossier::quotes {

struct GoldAttributionSpan {
  AttributionRole role = AttributionRole::kContent;
  uint32_t begin = 0;  ///< byte offsets into the document text
  uint32_t end = 0;
};

struct AttributionDocument {
  std::string name;
  std::string text;
  std::vector<GoldAttributionSpan> spans;  ///< fragments of the Source/Cue/Content spans
                                           ///< of every Attribution event
};

// Reads DIR/text/*.txt with, for each, the first (in sorted order)
// DIR/attributions/<stem>_*.ann; articles without annotations are skipped.
// brat character offsets are turned into byte offsets. NotFound when DIR
// holds no annotated article; InvalidInput names a malformed file.
Result<std::vector<AttributionDocument>> ReadBratCorpus(const std::string& dir);

// Parses one brat .ann file of `text` (REQUIRES: UTF-8).
Result<std::vector<GoldAttributionSpan>> ParseBratAttributions(std::string_view ann,
                                                               std::string_view text);

struct AttributionTrainerOptions {
  std::string language = "en";  ///< of the corpus: sentence and word segmentation
  // Parameters that affect the model.
  int hash_bits = 20;   ///< feature table of 2^bits rows (training memory 200 MB at 20)
  int epochs = 12;      ///< passes over the training documents
  float prune = 0.01f;  ///< weights below this magnitude are dropped from the model
  // Every heldout_every-th document (sorted order, index % k == k - 1) is
  // held out to choose the epoch; 0 trains on all for `epochs` passes.
  int heldout_every = 10;
  uint64_t seed = 1;  ///< order of the training units
  // Stacking: a second stage trained on first-stage labels produced by
  // stack_folds-fold jackknife (stack_epochs passes per fold); < 2: one stage.
  int stack_folds = 5;
  int stack_epochs = 10;
  std::string provenance;  ///< written into the model (data and command)
};

class AttributionTrainer {
 public:
  AttributionTrainer(AttributionTrainerOptions options, const QuoteLexicon* lexicon)
      : options_(std::move(options)), lexicon_(lexicon) {}

  // Trains and returns the model of the best epoch (held-out content F1)
  // or of the last one. Progress lines go to *log (may be null).
  // InvalidInput when there is nothing to train on.
  Result<AttributionModel> Train(const std::vector<AttributionDocument>& docs,
                                 std::ostream* log) const;

 private:
  AttributionTrainerOptions options_;
  const QuoteLexicon* lexicon_;
};

// Content-span agreement of tagged spans with gold spans, counted as the
// bench counts quotes: a predicted content span matches a gold one when
// they share at least 0.3 of the tokens of the longer (one-to-one, greedy).
struct SpanCounts {
  size_t predicted = 0, gold = 0, matched = 0;
  double F1() const {
    return predicted + gold == 0
               ? 0
               : 2.0 * static_cast<double>(matched) / static_cast<double>(predicted + gold);
  }
};
SpanCounts CountContentMatches(const std::vector<AttributionSpan>& predicted,
                               const std::vector<AttributionSpan>& gold);

}  // namespace dossier::quotes

#endif  // DOSSIER_QUOTES_ATTRIBUTION_TRAINER_H_
