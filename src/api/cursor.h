// Pagination cursors: opaque to clients, stable across requests.
//
//   std::string c = EncodeCursor("E42");           // "RTQy"
//   std::optional<std::string> key = DecodeCursor(c); // "E42"
//
// A cursor is the URL-safe base64 (RFC 4648 §5, no padding) of the sort key
// of the last item a page returned; the next page starts after that key.
// Clients must treat cursors as opaque: only their round trip is promised.
//
// Thread-safety: pure functions.
#ifndef DOSSIER_API_CURSOR_H_
#define DOSSIER_API_CURSOR_H_

#include <optional>
#include <string>
#include <string_view>

namespace dossier::api {

std::string EncodeCursor(std::string_view key);

// The key, or nullopt when `cursor` is not a cursor this API made (a
// character outside the alphabet, a bad length, non-zero padding bits).
std::optional<std::string> DecodeCursor(std::string_view cursor);

}  // namespace dossier::api

#endif  // DOSSIER_API_CURSOR_H_
