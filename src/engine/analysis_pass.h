// AnalysisPass: runs the analysis stages over the stored articles that have
// not been analysed yet, in publication order, and stores what they find.
//
//   Result<std::unique_ptr<AnalysisPass>> pass = AnalysisPass::Create(store.get(), {});
//   Result<AnalysisReport> r = (*pass)->Run();
//
// Per article (ArticlePreparer, engine/article_prep.h; the part the
// scale-out workers run): named entities (the tagger of its language, when dossier has
// one), their identity within the article, then across articles (the
// EntityResolver, whose state persists in the store); then its quotes (a
// quote of the same speaker with the same words in an earlier article is
// marked the same quote), its dates and its figures (ArticleStages); then
// the story clusterer places it in an event (its copy group, near-duplicate
// wire copies counting once) and a storyline — online, in publication order,
// the clusterer's state persisting in the store like the resolver's. After
// the last batch, the conflicts between all analysed articles' figures and
// dates are computed again. Articles are analysed
// in batches; each batch's findings, the articles it marks analysed and the
// resolver's state after it are written in one transaction, so a killed run
// loses at most one batch and a re-run continues where the store stands:
// adding articles later extends the entities without analysing the old
// articles again.
//
// Thread-safety: one AnalysisPass per store, used from one thread.
#ifndef DOSSIER_ENGINE_ANALYSIS_PASS_H_
#define DOSSIER_ENGINE_ANALYSIS_PASS_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "engine/article_prep.h"
#include "store/store.h"

namespace dossier {

struct AnalysisOptions {
  // Parameters that affect performance.
  // Articles per transaction. Each commit also rewrites the saved state of
  // the online stages, so larger batches write less. Default 512.
  size_t batch_size = 512;
};

struct AnalysisReport {
  uint64_t articles = 0;       ///< articles analysed by this run
  uint64_t without_model = 0;  ///< of which in a language without an entity model
  uint64_t mentions = 0;       ///< entity mentions found
  uint64_t entities = 0;       ///< entities in the store after the run
  uint64_t quotes = 0;         ///< quotes found
  uint64_t figures = 0;        ///< numeric claims found
  uint64_t conflicts = 0;      ///< conflicts between sources after the run (all articles)
  uint64_t events = 0;         ///< events in the store after the run
  uint64_t storylines = 0;     ///< storylines in the store after the run
};

class AnalysisPass {
 public:
  using ProgressCallback = std::function<void(const AnalysisReport& so_far, size_t pending)>;

  // Loads the models and resources and the saved state of `store`.
  // Errors: a missing model directory or data file, a corrupt saved state.
  // REQUIRES: store outlives the pass.
  static Result<std::unique_ptr<AnalysisPass>> Create(Store* store, AnalysisOptions options = {});
  ~AnalysisPass();

  void set_progress_callback(ProgressCallback cb);

  // Analyses every pending article. Fails only when the store fails (or an
  // article vanished meanwhile); what earlier batches stored stays.
  Result<AnalysisReport> Run();

  // The same over articles whose per-article part ran elsewhere
  // (ArticlePreparer, in a scale-out worker), in the order given; what Run()
  // does for the articles PendingAnalysis() lists, in that order. Rows,
  // deletions and states of `last` join the last transaction (a caller's
  // own progress, such as the scale-out clusterer's cursor); it is written
  // even when `prepared` is empty.
  // REQUIRES: each article is stored and not analysed yet.
  Result<AnalysisReport> RunPrepared(std::vector<PreparedArticle> prepared, FindingsBatch last);

 private:
  struct Impl;
  explicit AnalysisPass(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dossier

#endif  // DOSSIER_ENGINE_ANALYSIS_PASS_H_
