// RecordSink: where the format readers deliver records and errors.
//
// Wraps the caller's callbacks, counts what went through, and remembers when
// the record callback asked to stop, so that every reader can check
// stopped() and unwind.
//
// Thread-safety: none; one sink per ReadInput call.
#ifndef DOSSIER_INGEST_RECORD_SINK_H_
#define DOSSIER_INGEST_RECORD_SINK_H_

#include <string>

#include "ingest/ingest.h"
#include "ingest/record.h"

namespace dossier {

class RecordSink {
 public:
  // The callbacks must outlive the sink. An empty callback drops what it
  // would get (the counts still count it).
  RecordSink(const RecordCallback& on_record, const ErrorCallback& on_error)
      : on_record_(on_record), on_error_(on_error) {}

  // Delivers a record unless stopped. Returns false once the consumer has
  // asked to stop.
  bool Emit(RawRecord&& record) {
    if (stopped_) return false;
    ++counts_.records;
    if (on_record_ && !on_record_(std::move(record))) stopped_ = true;
    return !stopped_;
  }

  void Error(const std::string& path, const std::string& locator, const std::string& message) {
    if (stopped_) return;
    ++counts_.errors;
    if (on_error_) on_error_(InputError{path, locator, message});
  }

  bool stopped() const { return stopped_; }
  const IngestCounts& counts() const { return counts_; }

 private:
  const RecordCallback& on_record_;
  const ErrorCallback& on_error_;
  IngestCounts counts_;
  bool stopped_ = false;
};

}  // namespace dossier

#endif  // DOSSIER_INGEST_RECORD_SINK_H_
