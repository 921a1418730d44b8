#!/usr/bin/env bash
# Quote throughput against /health in one run of one server (docs/BENCHMARKS.md, issue 12), on
# 127.0.0.1 only: the demo market on (its default) and Yahoo pointed at the loopback stub
# (scripts/bench/provider_stub.py), never the network. For each round and each of
#   /health, a cached provider quote (GET /api/v1/quotes/IBM, Yahoo asked once) and a demo quote
#   (GET /api/v1/quotes/AAPL by default, BENCH_DEMO_SYMBOL),
# wrk -t1 -c128 with the same bearer token: 10 s of warm-up, then BENCH_DURATION measured; each
# quote's throughput is also given as a ratio of /health's in the same round.
#
#   BENCH_PORT=18113 BENCH_STUB_PORT=18114 scripts/bench-quotes.sh
#   BENCH_JAR=/path/sextant-server.jar ...   run that jar with 'java -jar' instead of building
#   BENCH_JFR=/tmp/demo.jfr ...              record a JFR profile of the server (settings=profile)
#
# Builds offline into target/ (never 'mvn install'). Needs wrk, curl and python3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT=${BENCH_PORT:-18093}
STUB_PORT=${BENCH_STUB_PORT:-18094}
DURATION=${BENCH_DURATION:-10s}
ROUNDS=${BENCH_ROUNDS:-2}
DEMO_SYMBOL=${BENCH_DEMO_SYMBOL:-AAPL}
BASE="http://127.0.0.1:$PORT"
PASSWORD="Quiet-Harbor-Lantern-72"
command -v wrk >/dev/null || { echo "bench: wrk is needed (apt-get install wrk)" >&2; exit 1; }

if [ -z "${BENCH_JAR:-}" ]; then
  # The jar only, into target/ ('./sextant test' is 'mvn verify'; './sextant build' would 'mvn install').
  ./sextant test -q -o -DskipTests -pl server -am >/dev/null
fi
data_dir=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$data_dir"
}
trap cleanup EXIT

python3 scripts/bench/provider_stub.py "$STUB_PORT" ok 0 &
pids+=($!)
jfr=()
[ -n "${BENCH_JFR:-}" ] && jfr=("-XX:StartFlightRecording=filename=$BENCH_JFR,settings=profile,dumponexit=true")
server_env=(SERVER_PORT=$PORT SEXTANT_DATA_DIR="$data_dir" SEXTANT_REGISTRATION=open SEXTANT_RATELIMIT_ENABLED=false
  SEXTANT_PROVIDERS_ENABLED=yahoo SEXTANT_PROVIDERS_CROSS_CHECK=false SEXTANT_PROVIDERS_QUOTE_TTL=1h
  SEXTANT_PROVIDERS_URLS_YAHOO="http://127.0.0.1:$STUB_PORT")
if [ -n "${BENCH_JAR:-}" ]; then
  env "${server_env[@]}" "${JAVA:-java}" "${jfr[@]}" -jar "$BENCH_JAR" >"$data_dir/server.log" 2>&1 &
else
  env "${server_env[@]}" JAVA_TOOL_OPTIONS="${jfr[*]}" ./sextant serve >"$data_dir/server.log" 2>&1 &
fi
pids+=($!)
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
auth="Authorization: Bearer $token"
for path in /api/v1/quotes/IBM "/api/v1/quotes/$DEMO_SYMBOL"; do
  echo "$path: $(curl -sf -H "$auth" "$BASE$path")"
done

rate() { # wrk output -> "RPS P50 P99 NON2XX REQUESTS"
  awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF} / requests in / {n=$1}
       END {printf "%s %s %s %s %s\n", rps, p50, p99, (bad ? bad : 0), n}'
}
# The server's CPU time so far, in clock ticks: CPU per request is steadier than throughput when
# other work shares the cores.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
tick=$(getconf CLK_TCK)
echo "== wrk -t1 -c128, $DURATION after 10 s of warm-up, bearer token; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  health=
  for target in health:/health provider:/api/v1/quotes/IBM "demo:/api/v1/quotes/$DEMO_SYMBOL"; do
    name=${target%%:*} path=${target#*:}
    wrk -t1 -c128 -d10s -H "$auth" "$BASE$path" >/dev/null
    before=$(cpu_ticks)
    read -r rps p50 p99 bad requests < <(wrk -t1 -c128 -d"$DURATION" --latency -H "$auth" "$BASE$path" | rate)
    cpu_us=$(python3 -c "print(f'{($(cpu_ticks) - $before) / $tick * 1e6 / $requests:.1f}')")
    [ "$name" = health ] && health=$rps
    ratio=$(python3 -c "print(f'{$rps / $health:.2f}')")
    printf 'round %d %-8s %-24s %10s req/s  p50 %-8s p99 %-8s  %s x /health  server CPU %s us/request%s\n' \
      "$round" "$name" "$path" "$rps" "$p50" "$p99" "$ratio" "$cpu_us" "$([ "$bad" = 0 ] || echo ", non-2xx $bad")"
  done
done
echo "upstream calls: $(curl -s "http://127.0.0.1:$STUB_PORT/count"); load average $(cut -d' ' -f1-3 /proc/loadavg)"
