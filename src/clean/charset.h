// Charset decoding: the raw bytes of an article to UTF-8.
//
// Decision order:
//  1. a byte-order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE) wins;
//  2. empty input and binary-looking bytes (NULs, many C0 controls) are
//     rejected;
//  3. a declared charset (the container's, else for HTML a <meta charset> or
//     http-equiv Content-Type within the first 4 KiB) is used, unless the
//     bytes contradict it: bytes that are valid UTF-8 with multi-byte
//     sequences are UTF-8 whatever the declaration, and a declared UTF-8 that
//     holds only stray high bytes is treated as a legacy encoding;
//  4. valid UTF-8 is kept as is;
//  5. bytes with invalid sequences: if they also hold well-formed multi-byte
//     sequences (at least a quarter as many as the bad ones) the text is
//     corrupt UTF-8 and is rejected; otherwise it is a legacy 8-bit or CJK
//     encoding, detected with uchardet and converted with ICU.
//
//   Result<DecodedText> d = DecodeToUtf8(record.body, record.charset, is_html);
//
// Thread-safety: free functions; each call uses its own detector/converter.
#ifndef DOSSIER_CLEAN_CHARSET_H_
#define DOSSIER_CLEAN_CHARSET_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace dossier {

struct DecodedText {
  std::string text;     ///< well-formed UTF-8, without a byte-order mark
  std::string charset;  ///< what the bytes were read as: "UTF-8", "windows-1252", ...
};

// Returns the decoded text, or InvalidInput: "empty article", "binary
// content, not text", "invalid UTF-8 at byte N", or "cannot convert from X".
Result<DecodedText> DecodeToUtf8(std::string_view bytes, std::string_view declared_charset,
                                 bool is_html);

// The charset an HTML page declares in a <meta> tag within its first 4 KiB
// ("<meta charset=...>" or http-equiv Content-Type "...; charset=..."),
// lowercased; "" when none.
std::string FindHtmlMetaCharset(std::string_view html);

}  // namespace dossier

#endif  // DOSSIER_CLEAN_CHARSET_H_
