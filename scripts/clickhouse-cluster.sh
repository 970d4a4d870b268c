#!/usr/bin/env bash
# A two-shard ClickHouse cluster on loopback for trying ModScope's ClickHouse engine and for its parity tests.
#   scripts/clickhouse-cluster.sh start   two clickhouse-server processes (HTTP 18123 and 18124), cluster 'two_shards',
#                                         database 'modscope' with the ModScope tables on each node (idempotent)
#   scripts/clickhouse-cluster.sh stop    stops both servers (data stays under the folder until it is deleted)
#   scripts/clickhouse-cluster.sh status  prints whether each node answers
# Folder: ${MODSCOPE_CLICKHOUSE_DIR:-/tmp/modscope-clickhouse}. Needs the Debian package clickhouse-server.
set -euo pipefail

dir="${MODSCOPE_CLICKHOUSE_DIR:-/tmp/modscope-clickhouse}"
here="$(cd "$(dirname "$0")" && pwd)"
schema="$here/clickhouse-schema.sql"
# shellcheck source=pidfile.sh
source "$here/pidfile.sh"
cluster="two_shards"
nodes=(1 2)
http_port() { echo $((18122 + $1)); }
tcp_port() { echo $((19000 + $1)); }
inter_port() { echo $((19010 + $1)); }

answers() { curl -sf "http://127.0.0.1:$(http_port "$1")/?query=SELECT%201" >/dev/null 2>&1; }

write_config() {
  local n=$1 node="$dir/node$1"
  mkdir -p "$node/data" "$node/tmp" "$node/user_files" "$node/format_schemas" "$node/log"
  cat >"$node/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$node/log/server.log</log><errorlog>$node/log/error.log</errorlog><size>10M</size><count>2</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$(http_port "$n")</http_port>
  <tcp_port>$(tcp_port "$n")</tcp_port>
  <interserver_http_port>$(inter_port "$n")</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <path>$node/data/</path>
  <tmp_path>$node/tmp/</tmp_path>
  <user_files_path>$node/user_files/</user_files_path>
  <format_schema_path>$node/format_schemas/</format_schema_path>
  <users_config>$node/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mlock_executable>false</mlock_executable>
  <max_concurrent_queries>100</max_concurrent_queries>
  <mark_cache_size>268435456</mark_cache_size>
  <remote_servers>
    <$cluster>
      <shard><replica><host>127.0.0.1</host><port>$(tcp_port 1)</port></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>$(tcp_port 2)</port></replica></shard>
    </$cluster>
  </remote_servers>
</yandex>
XML
  cat >"$node/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage><load_balancing>random</load_balancing></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
XML
}

run_sql() { # node, sql
  local out
  if ! out=$(curl -sS --fail-with-body "http://127.0.0.1:$(http_port "$1")/" --data-binary "$2" 2>&1); then
    echo "node $1: $out" >&2
    return 1
  fi
}

create_tables() {
  local n=$1 statement=""
  run_sql "$n" "CREATE DATABASE IF NOT EXISTS modscope"
  # One statement per blank-line-separated block of the schema file.
  while IFS= read -r line || [ -n "$line" ]; do
    if [ -z "$line" ]; then
      [ -n "$statement" ] && run_sql "$n" "$statement"
      statement=""
    elif [[ "$line" != --* ]]; then
      statement+="$line"$'\n'
    fi
  done <"$schema"
  [ -n "$statement" ] && run_sql "$n" "$statement"
  return 0
}

start() {
  command -v clickhouse-server >/dev/null || { echo "clickhouse-server not found: install the Debian package clickhouse-server (apt-get install clickhouse-server)" >&2; exit 1; }
  for n in "${nodes[@]}"; do
    if answers "$n"; then continue; fi
    write_config "$n"
    local node="$dir/node$n"
    nohup clickhouse-server --config-file="$node/config.xml" >"$node/log/stdout.log" 2>&1 </dev/null &
    echo $! >"$node/pid"
  done
  for n in "${nodes[@]}"; do
    local waited=0
    until answers "$n"; do
      sleep 0.1; waited=$((waited + 1))
      if [ "$waited" -ge 300 ]; then echo "node $n did not answer on port $(http_port "$n") within 30 s; see $dir/node$n/log" >&2; exit 1; fi
    done
  done
  for n in "${nodes[@]}"; do create_tables "$n"; done
  echo "ClickHouse cluster '$cluster' up: http://127.0.0.1:$(http_port 1) and http://127.0.0.1:$(http_port 2) (data in $dir)"
}

stop() {
  for n in "${nodes[@]}"; do stop_pidfile "$dir/node$n/pid"; done
}

status() {
  for n in "${nodes[@]}"; do
    if answers "$n"; then echo "node $n: up (http $(http_port "$n"))"; else echo "node $n: down"; fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
