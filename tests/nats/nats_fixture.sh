#!/usr/bin/env bash
# A throwaway NATS server with JetStream for the tests and benchmarks (the ctest fixture `nats`):
#   nats_fixture.sh start STATE_DIR   start `nats-server -js` on 127.0.0.1 (a free port), its
#                                     JetStream store in a temporary directory, and write its
#                                     URL to STATE_DIR/url
#   nats_fixture.sh stop STATE_DIR    stop it and remove the directory
set -euo pipefail

cmd="${1:-}"
state="${2:-}"
if [[ -z "$cmd" || -z "$state" ]]; then
  echo "usage: $0 start|stop STATE_DIR" >&2
  exit 2
fi

stop() {
  [[ -f "$state/datadir" ]] || return 0
  local data
  data=$(cat "$state/datadir")
  if [[ -f "$data/pid" ]]; then
    local pid
    pid=$(cat "$data/pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$data"
  rm -f "$state/url" "$state/datadir"
}

case "$cmd" in
  start)
    server=$(command -v nats-server || true)
    if [[ -z "$server" ]]; then
      echo "nats_fixture: nats-server not found; install the packages of scripts/packages.txt" \
           "(nats-server)" >&2
      exit 1
    fi
    stop  # a server left over by an interrupted run
    mkdir -p "$state"
    data=$(mktemp -d /tmp/dossier-nats.XXXXXX)
    echo "$data" >"$state/datadir"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    # Messages up to ingest's default record limit (8 MiB; the server's default is 1 MiB).
    printf 'max_payload: 8388608\n' >"$data/server.conf"
    setsid "$server" -c "$data/server.conf" -js -a 127.0.0.1 -p "$port" -sd "$data/js" -P "$data/pid" \
      >"$data/server.log" 2>&1 </dev/null &
    for _ in $(seq 100); do
      if python3 -c "import socket,sys; s=socket.create_connection(('127.0.0.1', $port), 0.2); sys.exit(0 if s.recv(4).startswith(b'INFO') else 1)" 2>/dev/null; then
        echo "nats://127.0.0.1:$port" >"$state/url"
        echo "nats_fixture: $(cat "$state/url") (data in $data)"
        exit 0
      fi
      sleep 0.1
    done
    echo "nats_fixture: the server did not start:" >&2
    cat "$data/server.log" >&2
    stop
    exit 1
    ;;
  stop)
    stop
    ;;
  *)
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
    ;;
esac
