#!/usr/bin/env bash
# The README's test command (and CI's, through .ci/run): installs what the tests need, starts the servers, runs
# dotnet test, and prints the totals alone on the last line.
set -uo pipefail
cd "$(dirname "$0")/.."

# What the tests need beyond the .NET SDK (DuckDB ships inside its NuGet package):
#   chromium + fonts-noto-cjk  dashboard browser tests (Playwright drives Debian's chromium) and PDF reports
#   poppler-utils              pdftoppm/pdftotext to check rendered PDFs
#   clickhouse-server/-client  the two-shard loopback cluster for the ClickHouse parity tests
#   nodejs + npm               the loopback HTTP shim over chdb (ClickHouse 26.7, from npm) for the modern-release tests
packages="chromium fonts-noto-cjk poppler-utils clickhouse-server clickhouse-client"
missing=""
for p in $packages; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
# node and npm may come from another source than Debian's packages: only install them when the commands are missing.
{ command -v node && command -v npm; } >/dev/null 2>&1 || missing="$missing nodejs npm"
if [ -n "$missing" ]; then
  echo "installing:$missing"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null \
    || { echo "apt-get install failed:$missing" >&2; exit 1; }
fi

# A two-shard ClickHouse cluster on loopback for the parity tests; stopped however the run ends.
if [ -x scripts/clickhouse-cluster.sh ]; then
  scripts/clickhouse-cluster.sh start || { echo "could not start the ClickHouse cluster" >&2; exit 1; }
fi
# ClickHouse 26.7 (npm chdb 3.4.0, embedded) behind a loopback HTTP shim for the modern-release tests; the first start
# installs chdb (546 MB) with npm into scripts/chdb/node_modules.
if [ -x scripts/chdb-http.sh ]; then
  scripts/chdb-http.sh start || { echo "could not start chdb (scripts/chdb-http.sh; needs node and npm)" >&2; exit 1; }
fi
trap 'scripts/clickhouse-cluster.sh stop; scripts/chdb-http.sh stop' EXIT

rm -rf TestResults tests/*/TestResults
dotnet test
status=$?

passed=0; failed=0; skipped=0
for trx in $(find . -name '*.trx' -path '*TestResults*'); do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit $status
