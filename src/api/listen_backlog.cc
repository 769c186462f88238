// Tested by serve_test.cc (ListensWithALongQueue).
#include "api/listen_backlog.h"

#include <cerrno>
#include <cstring>
#include <string>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>

namespace dossier::api::internal {
namespace {

// The local port of socket `fd`, or -1 when it is no IPv4/IPv6 socket.
int LocalPort(int fd) {
  sockaddr_storage addr{};
  socklen_t length = sizeof addr;
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length) != 0) return -1;
  if (addr.ss_family == AF_INET) {
    return ntohs(reinterpret_cast<const sockaddr_in*>(&addr)->sin_port);
  }
  if (addr.ss_family == AF_INET6) {
    return ntohs(reinterpret_cast<const sockaddr_in6*>(&addr)->sin6_port);
  }
  return -1;
}

}  // namespace

Result<int> WidenListenBacklog(int port, int backlog) {
  rlimit limit{};
  const int max_fd = getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < 65536
                         ? static_cast<int>(limit.rlim_cur)
                         : 65536;
  int found = 0;
  for (int fd = 0; fd < max_fd; ++fd) {
    int accepting = 0;
    socklen_t length = sizeof accepting;
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &length) != 0 || !accepting) {
      continue;  // closed, not a socket, or not listening
    }
    int type = 0;
    length = sizeof type;
    if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &length) != 0 || type != SOCK_STREAM ||
        LocalPort(fd) != port) {
      continue;
    }
    if (listen(fd, backlog) != 0) {
      return Status::IOError("listen on port " + std::to_string(port) + ": " +
                             std::strerror(errno));
    }
    ++found;
  }
  return found;
}

}  // namespace dossier::api::internal
