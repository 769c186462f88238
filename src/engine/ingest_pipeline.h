// IngestPipeline: inputs -> ingest -> clean -> text -> store, in batches.
//
//   IngestPipeline pipeline(store.get(), options, on_error);
//   Result<IngestReport> r = pipeline.Run({"samples/"});
//
// Each record is cleaned and analysed as it arrives; articles are written in
// batches (PipelineOptions::batch_size articles or batch_bytes bytes), each
// batch in one transaction, so an interrupted run never leaves a half-written
// article and memory does not grow with the input. A bad record is reported
// through the error callback (naming its file and record) and the run goes
// on. Run() fails only when the store fails; then nothing of the failing
// batch is stored.
//
// Thread-safety: one IngestPipeline per thread.
#ifndef DOSSIER_ENGINE_INGEST_PIPELINE_H_
#define DOSSIER_ENGINE_INGEST_PIPELINE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "clean/cleaner.h"
#include "engine/article_analyzer.h"
#include "ingest/ingest.h"
#include "store/store.h"

namespace dossier {

struct PipelineOptions {
  IngestOptions ingest;
  CleanOptions clean;
  // Parameters that affect performance.
  //
  // A batch is written in one store transaction when it holds batch_size
  // articles or batch_bytes bytes of text and stems, whichever comes first,
  // so memory stays bounded by batch_bytes (plus one article) whatever the
  // input. Larger batches write faster: the full-text index writes one
  // segment per transaction, and fewer, larger segments mean less merging
  // later. A crash loses at most one uncommitted batch (which a re-run
  // stores again). Defaults 16384 articles, 64 MiB: 100,000 articles of
  // ~6 KB ingested ~9% faster than in batches of 16 MiB (fewer merge levels;
  // bench/ingest_throughput.py), for ~90 MB more peak memory (the batch and
  // the index's pending terms, schema.cc v5), still independent of the input.
  size_t batch_size = 16384;
  size_t batch_bytes = 64u << 20;
};

struct IngestReport {
  uint64_t records = 0;     ///< records read from the inputs
  uint64_t stored = 0;      ///< new articles stored
  uint64_t duplicates = 0;  ///< articles already in the store (or earlier in this run)
  uint64_t rejected = 0;    ///< records or inputs refused with an error
  uint64_t text_bytes = 0;  ///< bytes of cleaned text of the records processed
};

// One stored (or duplicate) article, for listing what a run found.
struct IngestedArticle {
  std::string id;
  bool inserted = false;
  const Article* article = nullptr;  ///< valid only during the callback
};

class IngestPipeline {
 public:
  using ArticleCallback = std::function<void(const IngestedArticle&)>;
  using ProgressCallback = std::function<void(const IngestReport&)>;

  // REQUIRES: store outlives the pipeline.
  IngestPipeline(Store* store, PipelineOptions options, ErrorCallback on_error);

  // Optional: called for every article after its batch is committed.
  void set_article_callback(ArticleCallback cb) { on_article_ = std::move(cb); }
  // Optional: called after every batch.
  void set_progress_callback(ProgressCallback cb) { on_progress_ = std::move(cb); }

  // Reads every input in order. Returns the report, or the store's error.
  Result<IngestReport> Run(const std::vector<std::string>& inputs);

 private:
  Status Flush();

  Store* store_;
  PipelineOptions options_;
  ErrorCallback on_error_;
  ArticleCallback on_article_;
  ProgressCallback on_progress_;
  ArticleCleaner cleaner_;
  ArticleAnalyzer analyzer_;
  std::vector<AnalyzedArticle> batch_;
  size_t batch_bytes_ = 0;  // text and stems bytes in batch_
  IngestReport report_;
};

}  // namespace dossier

#endif  // DOSSIER_ENGINE_INGEST_PIPELINE_H_
