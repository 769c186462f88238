// RecordMessage: a RawRecord (ingest/record.h) as the bytes of one work
// message, binary-safe (a record's body is raw bytes in any charset).
//
//   std::string bytes = EncodeRecord(record);
//   Result<RawRecord> back = DecodeRecord(bytes);  // equal to `record`
//
// Format: "DREC1\n", then each field as its decimal byte length, ':' and its
// bytes, in the order of RawRecord's declaration (kind as "text"/"html").
//
// Thread-safety: pure functions.
#ifndef DOSSIER_SCALEOUT_RECORD_MESSAGE_H_
#define DOSSIER_SCALEOUT_RECORD_MESSAGE_H_

#include <string>
#include <string_view>

#include "base/status.h"
#include "ingest/record.h"

namespace dossier::scaleout {

std::string EncodeRecord(const RawRecord& record);

// Corruption when `bytes` is not what EncodeRecord writes.
Result<RawRecord> DecodeRecord(std::string_view bytes);

// The message id under which the record is published ("r" and 16 hex digits
// of the XXH64 of its encoding): publishing the same record again gives the
// same id, which the stream drops as a duplicate.
std::string RecordMessageId(std::string_view encoded);

}  // namespace dossier::scaleout

#endif  // DOSSIER_SCALEOUT_RECORD_MESSAGE_H_
