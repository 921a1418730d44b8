#!/usr/bin/env bash
# Issue 14's FK-DSL figure for docs/BENCHMARKS.md ("Issue 14: FK-DSL forms"), on 127.0.0.1 only:
# ANALYZE <symbol> FOR TECHNICALS on a cached symbol (its bars already fetched once), goal under
# 20 ms server time. One server on a fresh data directory with the demo market, WARMUP queries, then
# ROUNDS queries one after the other; it reports the round trip's p50/p95/p99 (curl's time_total, an
# upper bound of the server's time) and the server's CPU time per query (user + system time of its
# process from /proc/<pid>/stat around the measured queries: HTTP, sign-in check and compute).
# Runs the jar given as SEXTANT_JAR (default server/target/sextant-server.jar, built beforehand).
# Needs curl and python3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

JAR=${SEXTANT_JAR:-server/target/sextant-server.jar}
PORT=${BENCH_PORT:-18104}
SYMBOL=${BENCH_SYMBOL:-AAPL}
WARMUP=${BENCH_WARMUP:-200}
ROUNDS=${BENCH_ROUNDS:-500}
QUERY=${BENCH_QUERY:-"ANALYZE $SYMBOL FOR TECHNICALS"}
BASE="http://127.0.0.1:$PORT"
PASSWORD="Quiet-Harbor-Lantern-72"
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
DATA_DIR=${BENCH_DATA_DIR:-$(mktemp -d)}

server=""
cleanup() {
  if [[ -n $server ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

mkdir -p "$DATA_DIR"
env SERVER_PORT=$PORT SEXTANT_DATA_DIR="$DATA_DIR" SEXTANT_REGISTRATION=open SEXTANT_RATELIMIT_ENABLED=false \
  "$JAVA" -jar "$JAR" >"$DATA_DIR/server.log" 2>&1 &
server=$!
until curl -sf "$BASE/health" >/dev/null 2>&1; do
  kill -0 "$server" 2>/dev/null || { echo "bench: the server did not start:" >&2; tail -20 "$DATA_DIR/server.log" >&2; exit 1; }
  sleep 0.2
done
curl -sf "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}" >/dev/null
token=$(curl -sf "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')

ask() {
  curl -s -o /dev/null -w '%{time_total} %{http_code}\n' -H "Authorization: Bearer $token" \
    -H 'Content-Type: text/plain' --data-binary "$QUERY" "$BASE/api/v1/query"
}

# The server process's CPU time in clock ticks (utime + stime).
cpu() {
  awk '{print $14 + $15}' "/proc/$server/stat"
}

first=$(ask)
echo "first query (fetches the bars): $first"
for _ in $(seq "$WARMUP"); do ask >/dev/null; done
before=$(cpu)
times=$(mktemp)
for _ in $(seq "$ROUNDS"); do ask >>"$times"; done
after=$(cpu)
echo "query: $QUERY; warm-up $WARMUP, measured $ROUNDS; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$times" "$before" "$after" "$(getconf CLK_TCK)" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1])]
bad = [r for r in rows if r[1] != "200"]
ms = sorted(float(r[0]) * 1000 for r in rows)
def q(p):
    return ms[min(len(ms) - 1, int(p * len(ms)))]
print(f"round trip ms: p50 {q(0.5):.2f}, p95 {q(0.95):.2f}, p99 {q(0.99):.2f}, max {ms[-1]:.2f}; non-200: {len(bad)}")
ticks = int(sys.argv[3]) - int(sys.argv[2])
print(f"server CPU ms per query: {ticks / int(sys.argv[4]) * 1000 / len(rows):.2f} ({ticks} ticks over {len(rows)} queries)")
PY
rm -f "$times"
