// WidenListenBacklog: gives the process's listening TCP sockets on `port` a
// longer accept queue.
//
// cpp-httplib listens with the backlog its library was compiled with
// (Debian's libcpp-httplib: 5); defining CPPHTTPLIB_LISTEN_BACKLOG in our
// build cannot change a compiled library. With 200 clients connecting at
// once, the kernel then dropped SYNs and clients retried after 1, 3 and 7 s
// (wrk counted the 10 s ones as timeouts). listen() on a socket that is
// already listening sets its backlog anew, so the server's socket is found
// by its port and listened on again.
//
// Internal to the API. Thread-safety: call before the server accepts.
#ifndef DOSSIER_API_LISTEN_BACKLOG_H_
#define DOSSIER_API_LISTEN_BACKLOG_H_

#include "base/status.h"

namespace dossier::api::internal {

// The backlog the server asks for (the kernel caps it at somaxconn).
inline constexpr int kListenBacklog = 1024;

// Listens again with `backlog` on every listening socket of this process
// bound to `port`. Returns how many it found (0 is no error: the caller
// decides), or IOError when listen() fails.
Result<int> WidenListenBacklog(int port, int backlog = kListenBacklog);

}  // namespace dossier::api::internal

#endif  // DOSSIER_API_LISTEN_BACKLOG_H_
