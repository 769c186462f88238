// NerTagger: finds names of people, organisations, places and other things
// (PER, ORG, LOC, MISC) in tokenised text, with a model made by the trainer
// (ner_trainer.h).
//
//   Result<NerTagger> tagger = NerTagger::Load("models/ner-en.bin");
//   if (!tagger.ok()) return tagger.status();
//   std::vector<EntitySpan> spans = tagger->TagSentence({"Macron", "visited", "Baghdad"});
//   // {0, 0, PER}, {2, 2, LOC}
//
// Two stages: stage 1 labels every sentence from local features; stage 2
// (if the model has it) labels again, also seeing how stage 1 labelled the
// other occurrences of each word in the document. So tag a whole document
// in one TagDocument call: a name is easier to type once the document has
// used it in a clear context.
//
// Tokens should be split as in the training corpora: punctuation apart,
// English "'s" apart (SplitClitics in simple_tokenizer.h does that).
//
// Thread-safety: a NerTagger is immutable after Load; its const methods may
// run concurrently (each call uses its own scratch space).
#ifndef DOSSIER_ENTITIES_TAGGER_H_
#define DOSSIER_ENTITIES_TAGGER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "entities/entity_type.h"
#include "entities/features.h"
#include "entities/ner_model.h"

namespace dossier::ner {

// The mean, over the span's tokens, of the margin between the emission of
// the chosen label and of the best other label (emissions: n x kNumLabels,
// rows of the span's sentence). The span score is a logistic of it.
float SpanMargin(const float* emissions, const uint8_t* labels, const EntitySpan& span);

class NerTagger {
 public:
  // NotFound if the file is absent; Corruption or Unsupported if it is not a
  // model this build reads.
  static Result<NerTagger> Load(const std::string& path);
  explicit NerTagger(NerModel model);

  NerTagger(NerTagger&&) = default;
  NerTagger& operator=(NerTagger&&) = default;

  // Entities of each sentence of a document, in token order; span token
  // indices are relative to their sentence.
  std::vector<std::vector<EntitySpan>> TagDocument(
      const std::vector<std::vector<std::string_view>>& sentences) const;

  // A document of one sentence.
  std::vector<EntitySpan> TagSentence(const std::vector<std::string_view>& tokens) const;

  // BILOU labels of every token of the document, sentence after sentence,
  // and the per-token emission scores of the final stage (n x kNumLabels).
  void Label(const std::vector<std::vector<std::string_view>>& sentences,
             std::vector<uint8_t>* labels, std::vector<float>* emissions) const;

  const NerModel& model() const { return *model_; }

 private:
  std::unique_ptr<const NerModel> model_;
  FeatureExtractor extractor_;
};

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_TAGGER_H_
