#!/usr/bin/env bash
# A current ClickHouse (26.7, embedded through npm chdb 3.4.0) on loopback, behind the subset of the HTTP interface
# ModScope uses (scripts/chdb/chdb-http.mjs): one node, cluster 'one_shard' (this node only), for checking the
# ClickHouse engine's SQL on a modern release (tests/ModScope.ClickHouse.Tests/ModernParityTests).
#   scripts/chdb-http.sh start    installs chdb with npm into scripts/chdb/node_modules when missing (546 MB), starts
#                                 the shim on HTTP ${MODSCOPE_CHDB_PORT:-18130}, waits until it answers, and creates
#                                 database 'modscope' with the ModScope tables (idempotent)
#   scripts/chdb-http.sh stop     stops it by PID (data stays under the folder until it is deleted)
#   scripts/chdb-http.sh status   prints whether it answers
# Folder: ${MODSCOPE_CHDB_DIR:-/tmp/modscope-chdb}. Needs node and npm (the npm registry, or its local mirror).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=pidfile.sh
source "$here/pidfile.sh"
dir="${MODSCOPE_CHDB_DIR:-/tmp/modscope-chdb}"
port="${MODSCOPE_CHDB_PORT:-18130}"
schema="$here/clickhouse-schema.sql"
url="http://127.0.0.1:$port/"

answers() { curl -sf "${url}?query=SELECT%201" >/dev/null 2>&1; }

run_sql() {
  local out
  if ! out=$(curl -sS --fail-with-body "$url" --data-binary "$1" 2>&1); then
    echo "chdb: $out" >&2
    return 1
  fi
}

create_tables() {
  local statement=""
  run_sql "CREATE DATABASE IF NOT EXISTS modscope"
  # The cluster script's schema, over this node's one-shard cluster.
  while IFS= read -r line || [ -n "$line" ]; do
    if [ -z "$line" ]; then
      [ -n "$statement" ] && run_sql "$statement"
      statement=""
    elif [[ "$line" != --* ]]; then
      statement+="${line//Distributed(two_shards,/Distributed(one_shard,}"$'\n'
    fi
  done <"$schema"
  [ -n "$statement" ] && run_sql "$statement"
  return 0
}

start() {
  if answers; then echo "chdb already answering on $url"; return 0; fi
  command -v node >/dev/null || { echo "node not found: install Node.js (20+) and npm" >&2; exit 1; }
  if [ ! -f "$here/chdb/node_modules/chdb/package.json" ]; then
    echo "installing chdb 3.4.0 into $here/chdb/node_modules (546 MB)..." >&2
    (cd "$here/chdb" && npm install --no-audit --no-fund --no-package-lock --loglevel=error >&2)
  fi
  mkdir -p "$dir"
  nohup node "$here/chdb/chdb-http.mjs" --port "$port" --dir "$dir" >"$dir/shim.log" 2>&1 </dev/null &
  echo $! >"$dir/pid"
  local waited=0
  until answers; do
    if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then echo "the chdb shim exited; see $dir/shim.log:" >&2; tail -5 "$dir/shim.log" >&2; exit 1; fi
    sleep 0.1; waited=$((waited + 1))
    if [ "$waited" -ge 600 ]; then echo "chdb did not answer on port $port within 60 s; see $dir/shim.log" >&2; exit 1; fi
  done
  create_tables
  echo "ClickHouse $(curl -sf "${url}?query=SELECT%20version()") (chdb) up: $url, cluster 'one_shard' (data in $dir)"
}

stop() {
  stop_pidfile "$dir/pid"
}

status() {
  if answers; then echo "chdb: up (http $port, ClickHouse $(curl -sf "${url}?query=SELECT%20version()"))"; else echo "chdb: down"; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
