// Fuzz target: the JSON Lines reader, through ReadStream as `dossier
// ingest` reads a .jsonl file, plus a differential check of its two line
// parsers: whenever the one-pass flat parser accepts a line, it must give
// exactly the record the general (nlohmann) parser gives.
// FUZZ_DEPS: dossier_ingest
#include <cstdint>
#include <string_view>

#include "fuzz_util.h"
#include "ingest/jsonl_reader.h"

using dossier::fuzz::Require;

namespace {

bool SameRecord(const dossier::RawRecord& a, const dossier::RawRecord& b) {
  return a.kind == b.kind && a.body == b.body && a.charset == b.charset && a.id == b.id &&
         a.url == b.url && a.title == b.title && a.published == b.published &&
         a.outlet == b.outlet && a.language == b.language && a.author == b.author;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes = dossier::fuzz::AsView(data, size);
  dossier::fuzz::ReadAndCheck(bytes, dossier::Format::kJsonLines, dossier::fuzz::SmallLimits());

  std::string_view line = bytes.substr(0, bytes.find('\n'));
  dossier::RawRecord flat;
  if (dossier::jsonl_internal::ParseFlatJsonLine(line, &flat)) {
    auto general = dossier::jsonl_internal::ParseJsonLine(line);
    Require(general.ok(), "a line the flat parser accepts is valid JSON");
    Require(SameRecord(flat, *general), "flat and general parsers agree");
  }
  return 0;
}
