#!/usr/bin/env bash
# MCP get_quote under 32 concurrent clients with the load generator in its own process
# (docs/BENCHMARKS.md, issue 13): the server jar on 127.0.0.1 (fresh data directory, demo market,
# rate limits off), BENCH_CLIENTS (32) MCP sessions made with curl (initialize, initialized), then
# wrk with BENCH_CLIENTS keep-alive connections for BENCH_SECONDS (20) after a 10 s warm-up, each
# request a tools/call of get_quote on AAPL (cached after the first) answered over SSE; latency
# percentiles from wrk, and the count of answers that carried structuredContent without isError.
# wrk is a C load generator (Debian package 'wrk'), so the driver takes a small share of the cores
# the server runs on. BENCH_THINK_MS (0,20,5): stages in which each client pauses that long between
# an answer and its next call (0 is back to back: the server saturated, latency is queueing). McpBench (scripts/bench-mcp.sh) measures the same call with the Java SDK
# client in the server's JVM, and the overhead over the tool catalog's face.
#
#   apt-get install -y wrk    # once
#   BENCH_JAR=server/target/sextant-server.jar scripts/bench-mcp-http.sh
#
# Builds offline into target/ when BENCH_JAR is not given (never 'mvn install'). Needs curl and wrk.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT=${BENCH_PORT:-18131}
CLIENTS=${BENCH_CLIENTS:-32}
SECONDS_MEASURED=${BENCH_SECONDS:-20}
THINK_STAGES=${BENCH_THINK_MS:-0,20,5}
BASE="http://127.0.0.1:$PORT"
PASSWORD="Quiet-Harbor-Lantern-72"
JAVA_BIN=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install -y wrk)" >&2; exit 1; }

if [ -z "${BENCH_JAR:-}" ]; then
  ./sextant test -q -o -DskipTests -pl server -am >/dev/null
  BENCH_JAR=server/target/sextant-server.jar
fi
data_dir=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  rm -rf "$data_dir"
}
trap cleanup EXIT

env SERVER_PORT="$PORT" SEXTANT_DATA_DIR="$data_dir" SEXTANT_REGISTRATION=open SEXTANT_RATELIMIT_ENABLED=false \
  "$JAVA_BIN" ${BENCH_JAVA_OPTS:-} -jar "$BENCH_JAR" >"$data_dir/server.log" 2>&1 &
server=$!
until curl -sf "$BASE/health" >/dev/null 2>&1; do
  kill -0 "$server" 2>/dev/null || { echo "bench: the server did not start:" >&2; tail -20 "$data_dir/server.log" >&2; exit 1; }
  sleep 0.2
done
json() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
curl -sf "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}" >/dev/null
token=$(curl -sf "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}" | json accessToken)
key=$(curl -sf "$BASE/api/v1/me/api-keys" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"bench","scopes":["marketdata:read"]}' | json key)
mcp() { curl -sf "$BASE/mcp" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
  -H 'Accept: application/json, text/event-stream' -H 'MCP-Protocol-Version: 2025-11-25' "$@"; }
sessions=""
for _ in $(seq 1 "$CLIENTS"); do
  id=$(mcp -i -d '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}' \
    | tr -d '\r' | sed -n 's/^[Mm]cp-[Ss]ession-[Ii]d: //p')
  mcp -H "Mcp-Session-Id: $id" -d '{"jsonrpc":"2.0","method":"notifications/initialized"}' >/dev/null || true
  sessions="$sessions,$id"
done
export MCP_KEY=$key MCP_SESSIONS=${sessions#,}
wrk -t2 -c"$CLIENTS" -d10s -s scripts/bench-mcp.lua "$BASE/mcp" >/dev/null
for think in ${THINK_STAGES//,/ }; do
  echo "== $CLIENTS clients, each pausing $think ms between an answer and its next call, ${SECONDS_MEASURED} s; load $(cut -d' ' -f1-3 /proc/loadavg)"
  MCP_THINK_MS=$think wrk -t2 -c"$CLIENTS" -d"${SECONDS_MEASURED}s" -s scripts/bench-mcp.lua "$BASE/mcp" | grep -E 'Requests/sec|answers|p50'
done
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
