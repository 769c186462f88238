// Tested by ingest_test.cc and jsonl_reader_test.cc.
#include "ingest/read_stream.h"

#include "ingest/article_reader.h"
#include "ingest/decoded_input.h"
#include "ingest/feed_reader.h"
#include "ingest/jsonl_reader.h"
#include "ingest/sidecar.h"
#include "ingest/warc_reader.h"

namespace dossier {

void ReadStream(const StreamInput& input, const IngestOptions& options, RecordSink* sink) {
  RatioGuard guard{options.max_decompression_ratio, options.max_record_bytes};
  DecodedInput decoded(input.bytes, guard);
  BufferedReader& in = decoded.reader();
  SniffResult sniffed;
  if (input.format.has_value()) {
    sniffed.format = *input.format;
  } else {
    std::string_view head = in.Peek(kSniffBytes);
    if (head.empty() && !in.status().ok()) {
      sink->Error(input.path, "", in.status().message());
      return;
    }
    // A stream error early on is reported by the format reader, after the
    // records before it: the head is then not known to be the whole input.
    bool complete = head.size() < kSniffBytes && in.status().ok();
    Result<SniffResult> result = SniffFormat(head.substr(0, kSniffBytes), complete);
    if (!result.ok()) {
      sink->Error(input.path, "", result.status().message());
      return;
    }
    sniffed = std::move(*result);
  }
  switch (sniffed.format) {
    case Format::kText:
    case Format::kHtml: {
      ArticleSource source;
      source.path = input.path;
      source.kind = sniffed.format == Format::kHtml ? ContentKind::kHtml : ContentKind::kText;
      source.charset = sniffed.charset;
      if (input.sidecar) source.sidecar_path = SidecarPathFor(input.path);
      ReadArticle(in, source, options, sink);
      return;
    }
    case Format::kJsonLines:
      ReadJsonLines(in, input.path, options, sink);
      return;
    case Format::kFeed:
      ReadFeed(in, input.path, options, sink);
      return;
    case Format::kWarc:
      ReadWarc(in, input.path, options, sink);
      return;
  }
}

IngestCounts ReadStream(const StreamInput& input, const IngestOptions& options,
                        const RecordCallback& on_record, const ErrorCallback& on_error) {
  RecordSink sink(on_record, on_error);
  ReadStream(input, options, &sink);
  return sink.counts();
}

void ReadFile(const std::string& path, const IngestOptions& options, RecordSink* sink) {
  Result<std::unique_ptr<FdStream>> file = OpenFileStream(path);
  if (!file.ok()) {
    sink->Error(path, "", file.status().message());
    return;
  }
  StreamInput input;
  input.bytes = file->get();
  input.path = path;
  input.sidecar = true;
  ReadStream(input, options, sink);
}

}  // namespace dossier
