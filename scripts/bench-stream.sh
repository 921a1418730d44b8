#!/usr/bin/env bash
# Live-stream delivery under load (docs/BENCHMARKS.md, issue 13), on 127.0.0.1 only, demo market:
# BENCH_STAGES clients (cumulative stages, default 2000 then more), each subscribed to
# BENCH_SYMBOLS (10) demo symbols at BENCH_INTERVAL ms (1000), one access token, with the server
# capped at -Xmx512m (so "heap under 512 MiB" holds if it runs). For each stage, after 5 s of
# settling, BENCH_SECONDS (30) measured: delivery latency (client receipt - the quote's fetchedAt,
# the moment the server's feed obtained it) p50/p99/p99.9/max, updates per second, errors, closed
# connections; then the server's heap after a full GC (jcmd). The driver runs on the same cores.
#
#   BENCH_PORT=18130 BENCH_STAGES=2000,3000,4000 scripts/bench-stream.sh
#
# Builds offline into target/ (never 'mvn install'). Needs curl. The demo market has 39 stock,
# index and crypto symbols (fewer than the 200 the issue names: each client takes 10 of them);
# stocks tick only in New York's session, crypto always.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT=${BENCH_PORT:-18130}
STAGES=${BENCH_STAGES:-2000,3000,4000}
SYMBOLS=${BENCH_SYMBOLS:-10}
INTERVAL=${BENCH_INTERVAL:-1000}
SECONDS_PER_STAGE=${BENCH_SECONDS:-30}
BASE="http://127.0.0.1:$PORT"
PASSWORD="Quiet-Harbor-Lantern-72"
JAVA_BIN=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JCMD_BIN=$(dirname "$JAVA_BIN")/jcmd

if [ -z "${BENCH_JAR:-}" ]; then
  ./sextant test -q -o -DskipTests -pl server -am >/dev/null
  BENCH_JAR=server/target/sextant-server.jar
fi
data_dir=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$data_dir"
}
trap cleanup EXIT

env SERVER_PORT="$PORT" SEXTANT_DATA_DIR="$data_dir" SEXTANT_REGISTRATION=open SEXTANT_RATELIMIT_ENABLED=false \
  "$JAVA_BIN" -Xmx512m ${BENCH_JAVA_OPTS:-} -jar "$BENCH_JAR" --sextant.streams.max-connections-per-user=100000 \
  --server.tomcat.max-connections=20000 >"$data_dir/server.log" 2>&1 &
server=$!
pids+=($server)
until curl -sf "$BASE/health" >/dev/null 2>&1; do
  kill -0 "$server" 2>/dev/null || { echo "bench: the server did not start:" >&2; tail -20 "$data_dir/server.log" >&2; exit 1; }
  sleep 0.2
done
json() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
curl -sf "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}" >/dev/null
token=$(curl -sf "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}" | json accessToken)

echo "== $STAGES clients x $SYMBOLS symbols at ${INTERVAL} ms, ${SECONDS_PER_STAGE} s per stage; load $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_BIN" -Xss256k scripts/StreamBench.java --port "$PORT" --token "$token" --stages "$STAGES" \
  --symbols "$SYMBOLS" --interval "$INTERVAL" --seconds "$SECONDS_PER_STAGE" ||
  { echo "bench: the driver failed; the server's log ends:" >&2; tail -30 "$data_dir/server.log" >&2; }
echo "== server heap after a full GC (capped at -Xmx512m):"
"$JCMD_BIN" "$server" GC.run >/dev/null
"$JCMD_BIN" "$server" GC.heap_info | head -3
grep -c ' ERROR ' "$data_dir/server.log" | sed 's/^/server log errors: /' || true
