// The ReadInput façade: stdin, a file, or a directory walk.
// Tested by ingest_test.cc.
#include "ingest/ingest.h"

#include <cerrno>
#include <cstring>

#include <sys/stat.h>
#include <unistd.h>

#include "ingest/dir_walk.h"
#include "ingest/read_stream.h"

namespace dossier {

IngestCounts ReadInput(const std::string& input, const IngestOptions& options,
                       const RecordCallback& on_record, const ErrorCallback& on_error) {
  RecordSink sink(on_record, on_error);
  if (input == "-") {
    FdStream in(STDIN_FILENO, /*owned=*/false);
    StreamInput stdin_input;
    stdin_input.bytes = &in;
    stdin_input.path = "-";
    stdin_input.format = Format::kJsonLines;
    ReadStream(stdin_input, options, &sink);
    return sink.counts();
  }
  struct stat st;
  if (::stat(input.c_str(), &st) != 0) {
    sink.Error(input, "", std::string("cannot open: ") + std::strerror(errno));
    return sink.counts();
  }
  if (!S_ISDIR(st.st_mode)) {
    ReadFile(input, options, &sink);
    return sink.counts();
  }
  WalkDirectory(
      input,
      [&](const std::string& path) {
        ReadFile(path, options, &sink);
        return !sink.stopped();
      },
      [&](const std::string& path, const std::string& message) { sink.Error(path, "", message); });
  return sink.counts();
}

}  // namespace dossier
