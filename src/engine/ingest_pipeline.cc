// Tested by engine_test.cc and tests/cli_test.cc.
#include "engine/ingest_pipeline.h"

#include <utility>

namespace dossier {

IngestPipeline::IngestPipeline(Store* store, PipelineOptions options, ErrorCallback on_error)
    : store_(store),
      options_(std::move(options)),
      on_error_(std::move(on_error)),
      cleaner_(options_.clean) {
  if (options_.batch_size == 0) options_.batch_size = 1;
}

Status IngestPipeline::Flush() {
  if (batch_.empty()) return Status::OK();
  Result<PutOutcome> outcome = store_->PutArticles(batch_);
  if (!outcome.ok()) return outcome.status();
  report_.stored += outcome->inserted_count;
  report_.duplicates += outcome->duplicate_count;
  if (on_article_) {
    for (size_t i = 0; i < batch_.size(); ++i) {
      on_article_(IngestedArticle{outcome->ids[i], outcome->inserted[i], &batch_[i].article});
    }
  }
  batch_.clear();
  batch_bytes_ = 0;
  if (on_progress_) on_progress_(report_);
  return Status::OK();
}

Result<IngestReport> IngestPipeline::Run(const std::vector<std::string>& inputs) {
  Status store_error;
  auto on_error = [this](const InputError& e) {
    ++report_.rejected;
    if (on_error_) on_error_(e);
  };
  auto on_record = [&](RawRecord&& record) -> bool {
    ++report_.records;
    Result<Article> article = cleaner_.Clean(record);
    if (!article.ok()) {
      on_error(InputError{record.path, record.locator, article.status().message()});
      return true;
    }
    report_.text_bytes += article->text.size();
    batch_.push_back(analyzer_.Analyze(std::move(*article)));
    batch_bytes_ += batch_.back().article.text.size() + batch_.back().stems.size();
    if (batch_.size() >= options_.batch_size || batch_bytes_ >= options_.batch_bytes) {
      store_error = Flush();
      if (!store_error.ok()) return false;  // stop reading: the store is failing
    }
    return true;
  };
  for (const std::string& input : inputs) {
    ReadInput(input, options_.ingest, on_record, on_error);
    if (!store_error.ok()) return store_error;
  }
  DOSSIER_RETURN_IF_ERROR(Flush());
  return report_;
}

}  // namespace dossier
