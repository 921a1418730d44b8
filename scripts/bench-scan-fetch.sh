#!/usr/bin/env bash
# Cold SCAN figures for docs/BENCHMARKS.md ("Issue 12: parallel SCAN fetch"), on 127.0.0.1 only:
#   1. demo: a fresh server (new data directory), its first query SCAN demo WHERE RSI(14) < 30, then
#      the same query again (every series then served from the bar store);
#   2. provider: demo off, Yahoo pointed at the loopback stub (scripts/bench/provider_stub.py) whose
#      chart answers take CHART_DELAY_MS (its free-tier budget lifted, at most 8 calls in flight as by
#      default); a watchlist of N_SYMBOLS stub symbols, then its first SCAN.
# Runs the jar given as SEXTANT_JAR (default server/target/sextant-server.jar, built beforehand).
# Needs curl and python3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

JAR=${SEXTANT_JAR:-server/target/sextant-server.jar}
PORT=${BENCH_PORT:-18119}
STUB_PORT=${BENCH_STUB_PORT:-18129}
CHART_DELAY_MS=${CHART_DELAY_MS:-50}
N_SYMBOLS=${N_SYMBOLS:-25}
BASE="http://127.0.0.1:$PORT"
PASSWORD="Quiet-Harbor-Lantern-72"
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
PARTS=${BENCH_PARTS:-12} # which of the two figures to take

pids=()
dirs=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "${dirs[@]}"
}
trap cleanup EXIT

stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  pids=()
}

# start_server [env...]: a server on a fresh data directory, and a signed-in user's token
start_server() {
  local data_dir; data_dir=$(mktemp -d); dirs+=("$data_dir")
  env SERVER_PORT=$PORT SEXTANT_DATA_DIR="$data_dir" SEXTANT_REGISTRATION=open SEXTANT_RATELIMIT_ENABLED=false \
    "$@" "$JAVA" -jar "$JAR" >"$data_dir/server.log" 2>&1 &
  pids+=($!)
  local server=$!
  until curl -sf "$BASE/health" >/dev/null 2>&1; do
    kill -0 "$server" 2>/dev/null || { echo "bench: the server did not start:" >&2; tail -20 "$data_dir/server.log" >&2; exit 1; }
    sleep 0.1
  done
  curl -sf "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}" >/dev/null
  token=$(curl -sf "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
}

# query TEXT: "<seconds> <HTTP status> <inputs>" of one FK-DSL query
query() {
  local out; out=$(mktemp); dirs+=("$out")
  local timing
  timing=$(curl -s -o "$out" -w '%{time_total} %{http_code}' -H "Authorization: Bearer $token" \
    -H 'Content-Type: text/plain' --data-binary "$1" "$BASE/api/v1/query")
  echo "$timing inputs=$(grep -o '"provider"' "$out" | wc -l)"
}

if [[ $PARTS == *1* ]]; then
  echo "== 1. demo universe, fresh server: SCAN demo WHERE RSI(14) < 30"
  start_server
  echo "first (cold):  $(query 'SCAN demo WHERE RSI(14) < 30')"
  echo "second (warm): $(query 'SCAN demo WHERE RSI(14) < 30')"
  stop_all
fi
[[ $PARTS == *2* ]] || exit 0

echo "== 2. $N_SYMBOLS stub symbols through Yahoo at ${CHART_DELAY_MS} ms a chart answer: SCAN watchlist:stub WHERE RSI(14) < 30"
python3 scripts/bench/provider_stub.py "$STUB_PORT" ok 0 "$CHART_DELAY_MS" &
pids+=($!)
start_server SEXTANT_DEMO_ENABLED=false SEXTANT_PROVIDERS_ENABLED=yahoo SEXTANT_PROVIDERS_CROSS_CHECK=false \
  SEXTANT_PROVIDERS_WARM_WATCHLISTS=false SEXTANT_PROVIDERS_BUDGETS=yahoo=100000/1s \
  SEXTANT_PROVIDERS_URLS_YAHOO="http://127.0.0.1:$STUB_PORT"
symbols=$(python3 -c "import json; print(json.dumps(['S%03d' % i for i in range($N_SYMBOLS)]))")
curl -sf "$BASE/api/v1/me/watchlists" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"name\":\"stub\",\"symbols\":$symbols}" >/dev/null
before=$(curl -s "http://127.0.0.1:$STUB_PORT/count")
echo "first (cold):  $(query 'SCAN watchlist:stub WHERE RSI(14) < 30')"
echo "upstream calls before/after: $before $(curl -s "http://127.0.0.1:$STUB_PORT/count")"
echo "second (warm): $(query 'SCAN watchlist:stub WHERE RSI(14) < 30')"
