#!/usr/bin/env bash
# Market-data figures for docs/BENCHMARKS.md, on 127.0.0.1 only, against a loopback provider stub
# (scripts/bench/provider_stub.py), never the network:
#   1. cached quote: GET /api/v1/quotes/AAPL with a bearer token, 128 connections (wrk), the quote
#      served from the cache (Yahoo asked once);
#   2. provider failover (ProviderFailoverBenchmark): uncached quotes while Yahoo (the primary,
#      stubbed) answers 500s, then hangs, against Stooq (the fallback, stubbed at 50 ms) alone;
#   3. the bar store (BarStoreReadBenchmark): 10 years of daily bars for 500 symbols into arrays,
#      on H2 and on the local PostgreSQL.
# Needs wrk, curl and python3 (and PostgreSQL at 127.0.0.1:5432 for the last figure).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT=${BENCH_PORT:-18091}
STUB_PORT=${BENCH_STUB_PORT:-18092}
DURATION=${BENCH_DURATION:-10s}
BASE="http://127.0.0.1:$PORT"
PASSWORD="Quiet-Harbor-Lantern-72"
command -v wrk >/dev/null || { echo "bench: wrk is needed (apt-get install wrk)" >&2; exit 1; }

# The jar only, into target/: './sextant test' is 'mvn verify'; './sextant build' would 'mvn install'
# into the shared ~/.m2, which a benchmark has no need of ('./sextant serve' runs server/target's jar).
./sextant test -q -o -DskipTests -pl server -am >/dev/null
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
  local server=$!
  until curl -sf "$BASE/health" >/dev/null 2>&1; do
    kill -0 "$server" 2>/dev/null || { echo "bench: the server did not start:" >&2; tail -20 "$data_dir/server.log" >&2; exit 1; }
    sleep 0.1
  done
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

echo "== 1. cached quote, GET /api/v1/quotes/AAPL with a bearer token, 128 connections (one wrk thread), $DURATION after 10 s of warm-up"
start_stack ok yahoo 1h
curl -sf -H "Authorization: Bearer $token" "$BASE/api/v1/quotes/AAPL" >/dev/null
wrk -t1 -c128 -d10s -H "Authorization: Bearer $token" "$BASE/api/v1/quotes/AAPL" >/dev/null
wrk -t1 -c128 -d"$DURATION" --latency -H "Authorization: Bearer $token" "$BASE/api/v1/quotes/AAPL" | summary
echo "upstream calls: $(curl -s "http://127.0.0.1:$STUB_PORT/count")"

echo "== 2. provider failover and 3. bar store reads (JUnit benchmarks, tag 'benchmark')"
kill "${pids[@]}" 2>/dev/null || true
./sextant test -o -pl server -am -Dtest='ProviderFailoverBenchmark,BarStoreReadBenchmark*' -Dsextant.excludedGroups= \
  -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep -E '^(Stooq|Yahoo|H2|PostgreSQL)|Tests run:|FAIL' || true
