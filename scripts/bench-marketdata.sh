#!/usr/bin/env bash
# Market-data figures for docs/BENCHMARKS.md, on 127.0.0.1 only, against a loopback provider stub
# (scripts/bench/provider_stub.py), never the network:
#   1. cached quote: GET /api/v1/quotes/AAPL with a bearer token, 128 connections (wrk), the quote
#      served from the cache (Yahoo asked once);
#   2. provider failure: uncached quotes while Yahoo (the primary) answers 500s, then while it hangs,
#      against Stooq (the fallback) alone at the same load: p99 of the fallback answer vs the
#      fallback's own p99.
# Needs wrk, curl and python3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT=${BENCH_PORT:-18091}
STUB_PORT=${BENCH_STUB_PORT:-18092}
DURATION=${BENCH_DURATION:-10s}
FAILURE_DURATION=${BENCH_FAILURE_DURATION:-40s}
BASE="http://127.0.0.1:$PORT"
PASSWORD="Quiet-Harbor-Lantern-72"
command -v wrk >/dev/null || { echo "bench: wrk is needed (apt-get install wrk)" >&2; exit 1; }

./sextant build >/dev/null
pids=()
dirs=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "${dirs[@]}"
}
trap cleanup EXIT

# start_stack YAHOO_MODE PROVIDERS QUOTE_TTL [extra env...]: a stub and a server using it
start_stack() {
  local mode=$1 providers=$2 ttl=$3; shift 3
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  pids=()
  python3 scripts/bench/provider_stub.py "$STUB_PORT" "$mode" 50 &
  pids+=($!)
  local data_dir; data_dir=$(mktemp -d); dirs+=("$data_dir")
  env SERVER_PORT=$PORT SEXTANT_DATA_DIR="$data_dir" SEXTANT_REGISTRATION=open SEXTANT_RATELIMIT_ENABLED=false \
    SEXTANT_DEMO_ENABLED=false SEXTANT_PROVIDERS_ENABLED="$providers" SEXTANT_PROVIDERS_CROSS_CHECK=false \
    SEXTANT_PROVIDERS_QUOTE_TTL="$ttl" SEXTANT_PROVIDERS_STALE_FOR=1ms \
    SEXTANT_PROVIDERS_URLS_YAHOO="http://127.0.0.1:$STUB_PORT" SEXTANT_PROVIDERS_URLS_STOOQ="http://127.0.0.1:$STUB_PORT" \
    "$@" ./sextant serve >"$data_dir/server.log" 2>&1 &
  pids+=($!)
  until curl -sf "$BASE/health" >/dev/null 2>&1; do sleep 0.1; done
  json() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
  curl -sf "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}" >/dev/null
  token=$(curl -sf "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}" | json accessToken)
}

summary() { # wrk output -> "N req/s, p50 X, p99 Y"
  awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF}
       END {printf "%s req/s, p50 %s, p99 %s%s\n", rps, p50, p99, (bad ? ", non-2xx " bad : "")}'
}

echo "== 1. cached quote, GET /api/v1/quotes/AAPL with a bearer token, 128 connections, $DURATION"
start_stack ok yahoo 1h
curl -sf -H "Authorization: Bearer $token" "$BASE/api/v1/quotes/AAPL" >/dev/null
wrk -t2 -c128 -d3s -H "Authorization: Bearer $token" "$BASE/api/v1/quotes/AAPL" >/dev/null
wrk -t2 -c128 -d"$DURATION" --latency -H "Authorization: Bearer $token" "$BASE/api/v1/quotes/AAPL" | summary
echo "upstream calls: $(curl -s "http://127.0.0.1:$STUB_PORT/count")"

# Uncached quotes: a TTL of 1 ms makes every request a miss (concurrent ones still share a fetch).
failure_run() {
  curl -sf -H "Authorization: Bearer $token" "$BASE/api/v1/quotes/AAPL" >/dev/null || true
  wrk -t2 -c16 -d5s -H "Authorization: Bearer $token" "$BASE/api/v1/quotes/AAPL" >/dev/null
  wrk -t2 -c16 -d"$FAILURE_DURATION" --latency -H "Authorization: Bearer $token" "$BASE/api/v1/quotes/AAPL" | summary
}
echo "== 2a. fallback alone: Stooq (50 ms), uncached quotes, 16 connections"
start_stack ok stooq 1ms
failure_run
echo "== 2b. Yahoo answering 500s, Stooq behind it"
start_stack fail yahoo,stooq 1ms
failure_run
echo "upstream calls: $(curl -s "http://127.0.0.1:$STUB_PORT/count")"
echo "== 2c. Yahoo hanging (30 s; Sextant's timeout 3 s), Stooq behind it"
start_stack hang yahoo,stooq 1ms
failure_run
echo "upstream calls: $(curl -s "http://127.0.0.1:$STUB_PORT/count")"
