// RatioGuard: the zip-bomb check shared by the decompressing streams.
//
// Decompressed bytes may not exceed ratio * compressed bytes + slack. The
// slack lets one small, highly compressible record through; the ratio stops
// a file that keeps expanding.
//
// Thread-safety: a plain value.
#ifndef DOSSIER_INGEST_RATIO_GUARD_H_
#define DOSSIER_INGEST_RATIO_GUARD_H_

#include <cstdint>
#include <string>

#include "base/status.h"

namespace dossier {

struct RatioGuard {
  uint64_t max_ratio = 0;  ///< 0: no limit
  uint64_t slack = 0;      ///< bytes allowed on top of max_ratio * compressed

  // OK, or LimitExceeded naming the format ("gzip") and compressed offset.
  Status Check(const char* format, uint64_t compressed, uint64_t decompressed) const {
    if (max_ratio == 0) return Status::OK();
    // Saturating: a huge ratio must not overflow into a tiny limit.
    uint64_t limit =
        compressed > (UINT64_MAX - slack) / max_ratio ? UINT64_MAX : compressed * max_ratio + slack;
    if (decompressed <= limit) return Status::OK();
    return Status::LimitExceeded(std::string(format) + " stream expands more than " +
                                 std::to_string(max_ratio) + " times at compressed offset " +
                                 std::to_string(compressed) + " (zip bomb?)");
  }
};

}  // namespace dossier

#endif  // DOSSIER_INGEST_RATIO_GUARD_H_
