#!/usr/bin/env bash
# Measures what authentication costs (docs/BENCHMARKS.md records the figures):
#   1. GET / with no credential, with a bearer access token, and with an API key: median latency
#      over one sequential loopback connection each (wrk -c1), so the difference is the per-request
#      authentication work (JWT check or keyed-hash lookup, account lookup, authorities).
#   2. POST /api/v1/auth/login (argon2id): time per sign-in over 20 sequential attempts.
# Bounded and on 127.0.0.1 only. Needs wrk and curl.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT=${BENCH_PORT:-18090}
DURATION=${BENCH_DURATION:-5s}
BASE="http://127.0.0.1:$PORT"
PASSWORD="Quiet-Harbor-Lantern-72"
command -v wrk >/dev/null || { echo "bench: wrk is needed (apt-get install wrk)" >&2; exit 1; }

./sextant build >/dev/null
data_dir=$(mktemp -d)
SERVER_PORT=$PORT SEXTANT_DATA_DIR=$data_dir SEXTANT_REGISTRATION=open \
  SEXTANT_RATELIMIT_ENABLED=false ./sextant serve >"$data_dir.log" 2>&1 &
server_pid=$!
cleanup() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  rm -rf "$data_dir" "$data_dir.log"
}
trap cleanup EXIT
until curl -sf "$BASE/health" >/dev/null 2>&1; do sleep 0.1; done

json() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
curl -sf "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}" >/dev/null
token=$(curl -sf "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}" | json accessToken)
key=$(curl -sf "$BASE/api/v1/me/api-keys" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"bench","scopes":["marketdata:read"]}' | json key)

# Median latency in microseconds of one wrk run over a single connection.
p50_us() {
  wrk -t1 -c1 -d"$DURATION" --latency "$@" | sed -n 's/^ *50% *\([0-9.]*\)\([a-z]*\).*/\1 \2/p' |
    awk '{ if ($2 == "ms") printf "%d", $1 * 1000; else printf "%d", $1 }'
}
ROUNDS=${BENCH_ROUNDS:-5}
echo "== GET / median latency over one connection: $ROUNDS interleaved rounds of $DURATION per variant"
for warm in 1 2; do p50_us "$BASE/" >/dev/null; p50_us -H "Authorization: Bearer $token" "$BASE/" >/dev/null; done
anon=(); bearer=(); apikey=()
for round in $(seq 1 "$ROUNDS"); do
  anon+=("$(p50_us "$BASE/")")
  bearer+=("$(p50_us -H "Authorization: Bearer $token" "$BASE/")")
  apikey+=("$(p50_us -H "X-API-Key: $key" "$BASE/")")
  echo "round $round: anonymous ${anon[-1]} us, bearer ${bearer[-1]} us, API key ${apikey[-1]} us"
done
mid() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
a=$(mid "${anon[@]}"); b=$(mid "${bearer[@]}"); k=$(mid "${apikey[@]}")
echo "median of rounds: anonymous $a us, bearer $b us (+$((b - a)) us), API key $k us (+$((k - a)) us)"

echo "== POST /api/v1/auth/login, 20 sequential sign-ins"
times=()
for _ in $(seq 1 20); do
  t=$(curl -s -o /dev/null -w '%{time_total}' "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}")
  times+=("$t")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "min %.0f ms, median %.0f ms, max %.0f ms\n", a[1]*1000, a[int((NR+1)/2)]*1000, a[NR]*1000}'
