#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests (the ctest fixture `postgres`):
#   postgres_fixture.sh start STATE_DIR   initdb in a temporary directory, start the server on
#                                         127.0.0.1 (a free port; its socket in that directory),
#                                         create the database dossier_test, and write its URL
#                                         to STATE_DIR/url
#   postgres_fixture.sh stop STATE_DIR    stop it and remove the directory
# PostgreSQL refuses to run as root: as root the server runs as the `postgres` user (the
# Debian package creates it); otherwise as the calling user. Durability is off (fsync,
# synchronous_commit): the data is thrown away.
set -euo pipefail

cmd="${1:-}"
state="${2:-}"
if [[ -z "$cmd" || -z "$state" ]]; then
  echo "usage: $0 start|stop STATE_DIR" >&2
  exit 2
fi

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
as=()
if [[ "$(id -u)" == 0 ]]; then as=(runuser -u postgres --); fi

stop() {
  [[ -f "$state/datadir" ]] || return 0
  local data
  data=$(cat "$state/datadir")
  if [[ -n "$bin" && -f "$data/pgdata/postmaster.pid" ]]; then
    "${as[@]}" "$bin/pg_ctl" -D "$data/pgdata" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$data"
  rm -f "$state/url" "$state/datadir"
}

case "$cmd" in
  start)
    if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
      echo "postgres_fixture: PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin;" \
           "install the packages of scripts/packages.txt (postgresql)" >&2
      exit 1
    fi
    if [[ "$(id -u)" == 0 ]] && ! id postgres >/dev/null 2>&1; then
      echo "postgres_fixture: running as root but there is no postgres user to run the server" >&2
      exit 1
    fi
    stop  # a server left over by an interrupted run
    mkdir -p "$state"
    data=$(mktemp -d /tmp/dossier-pg.XXXXXX)
    echo "$data" >"$state/datadir"
    if [[ "$(id -u)" == 0 ]]; then chown postgres: "$data"; fi
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    if ! "${as[@]}" "$bin/initdb" -D "$data/pgdata" -E UTF8 --locale=C.UTF-8 -A trust -U postgres \
        >"$data/initdb.log" 2>&1; then
      echo "postgres_fixture: initdb failed:" >&2
      cat "$data/initdb.log" >&2
      stop
      exit 1
    fi
    if ! "${as[@]}" "$bin/pg_ctl" -D "$data/pgdata" -l "$data/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k $data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
        start >/dev/null; then
      echo "postgres_fixture: the server did not start:" >&2
      cat "$data/server.log" >&2
      stop
      exit 1
    fi
    "${as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres dossier_test
    echo "postgresql://postgres@127.0.0.1:$port/dossier_test" >"$state/url"
    echo "postgres_fixture: $(cat "$state/url") (data in $data)"
    ;;
  stop)
    stop
    ;;
  *)
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
    ;;
esac
