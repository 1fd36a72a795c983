#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback, for the store's contract tests and the store benchmark.
#   postgres-test-server.sh install            installs Debian's postgresql when its binaries are missing (root only)
#   postgres-test-server.sh start DIR PORT     initdb in DIR/data, postgres on 127.0.0.1:PORT, database "sitrep";
#                                              prints the Npgsql connection string on its last line
#   postgres-test-server.sh stop DIR           stops that server and removes DIR
#   postgres-test-server.sh halt DIR           stops that server (fast shutdown), keeping DIR (fault tests)
#   postgres-test-server.sh resume DIR         starts it again on the same port with the same options
# Set PG_FAST=1 to start with fsync off (tests only: a power cut may lose the data; a crash of Sitrep never does).
# As root, initdb and postgres run as the "postgres" OS user (PostgreSQL refuses to run as root).
set -euo pipefail

bindir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ]; then
      echo "$dir"
      return 0
    fi
  done
  if command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return 0
  fi
  return 1
}

install() {
  if bindir >/dev/null; then
    return 0
  fi
  if [ "$(id -u)" != 0 ]; then
    echo "postgres-test-server: PostgreSQL's initdb is missing and this is not root; run 'sudo apt-get install postgresql'" >&2
    exit 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "postgres-test-server: PostgreSQL's initdb is missing and there is no apt-get to install it" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  bindir >/dev/null || { echo "postgres-test-server: postgresql installed but initdb not found" >&2; exit 1; }
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local dir=$1 port=$2 bin
  install
  bin=$(bindir)
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$dir"
  fi
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  local options="-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir"
  if [ "${PG_FAST:-0}" = 1 ]; then
    options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  # Kept for resume: the server comes back on the same port with the same settings.
  echo "$options" >"$dir/options"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$options" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q -c "CREATE DATABASE sitrep" >/dev/null
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=sitrep"
}

halt() {
  local dir=$1 bin
  bin=$(bindir)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null \
    || { tail -n 20 "$dir/server.log" >&2; exit 1; }
}

resume() {
  local dir=$1 bin
  bin=$(bindir)
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$(cat "$dir/options")" start >/dev/null \
    || { tail -n 20 "$dir/server.log" >&2; exit 1; }
}

stop() {
  local dir=$1 bin
  bin=$(bindir)
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  install) install ;;
  start) start "${2:?DIR}" "${3:?PORT}" ;;
  stop) stop "${2:?DIR}" ;;
  halt) halt "${2:?DIR}" ;;
  resume) resume "${2:?DIR}" ;;
  *) echo "usage: $0 install | start DIR PORT | stop DIR | halt DIR | resume DIR" >&2; exit 2 ;;
esac
