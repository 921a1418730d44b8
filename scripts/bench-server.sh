#!/usr/bin/env bash
# Measures the foundation's server figures on this machine (docs/BENCHMARKS.md records them):
#   1. start-up: './sextant serve' on an already built jar until /health says UP (fresh data dir);
#   2. GET /health under 64 concurrent loopback connections (wrk, one load thread so that the
#      load generator takes one of the two cores, not both): latency percentiles.
# Bounded: fixed run counts and durations, 127.0.0.1 only. Needs wrk ('apt-get install wrk').
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT=${BENCH_PORT:-18080}
STARTS=${BENCH_STARTS:-5}
DURATION=${BENCH_DURATION:-30s}
URL="http://127.0.0.1:$PORT/health"
command -v wrk >/dev/null || { echo "bench: wrk is needed (apt-get install wrk)" >&2; exit 1; }

./sextant build >/dev/null
server_pid=
stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
  fi
}
trap stop_server EXIT

start_server() {
  local data_dir=$1
  SERVER_PORT=$PORT SEXTANT_DATA_DIR=$data_dir ./sextant serve >"$data_dir.log" 2>&1 &
  server_pid=$!
}

echo "== start-up to /health UP ($STARTS runs, fresh data directory each)"
for run in $(seq 1 "$STARTS"); do
  data_dir=$(mktemp -d)
  started=$(date +%s%N)
  start_server "$data_dir"
  until curl -sf "$URL" 2>/dev/null | grep -q '"status":"UP"'; do sleep 0.02; done
  ready=$(date +%s%N)
  echo "run $run: ready in $(( (ready - started) / 1000000 )) ms"
  stop_server
  rm -rf "$data_dir" "$data_dir.log"
done

echo "== GET /health, 64 connections, $DURATION after a 10 s warm-up"
data_dir=$(mktemp -d)
start_server "$data_dir"
until curl -sf "$URL" >/dev/null 2>&1; do sleep 0.05; done
wrk -t1 -c64 -d10s "$URL" >/dev/null
wrk -t1 -c64 -d"$DURATION" --latency "$URL"
stop_server
rm -rf "$data_dir" "$data_dir.log"
