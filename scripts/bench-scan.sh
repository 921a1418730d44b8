#!/usr/bin/env bash
# Issue 12's SCAN figure for docs/BENCHMARKS.md: issue 6's SCAN (RSI(14) < 30 AND VOLUME >
# AVG_VOLUME(30d) * 2 AND PRICE_CHANGE(1d) > 5% ORDER BY RSI(14) LIMIT 20) over 5,000 symbols x
# 2,520 daily bars through the server's own data path: the bars imported over HTTP into the bar
# store, the SCAN sent to POST /api/v1/query; round 1 cold (bar rows, snapshots taken), later rounds
# from the snapshots. On the embedded H2 file database and on the local PostgreSQL
# (ScanFromStoreBenchmark, tag 'benchmark'); 127.0.0.1 only. The query limits it needs are raised by
# configuration in the benchmark (SEXTANT_QUERY_MAX_UNIVERSE_SYMBOLS, _COMPUTE_TIME, ...).
#
#   scripts/bench-scan.sh            both databases (about 15 minutes on 2 cores)
#   scripts/bench-scan.sh h2         H2 only; 'postgres' for PostgreSQL only
#   BENCH_SYMBOLS=500 scripts/bench-scan.sh h2    a smaller market, to try the harness
#
# Builds with Maven offline into target/ only ('./sextant test' is 'mvn verify', never 'mvn install'). Needs PostgreSQL at
# 127.0.0.1:5432 for the second figure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

case "${1:-both}" in
  h2) tests='ScanFromStoreBenchmark#h2' ;;
  postgres) tests='ScanFromStoreBenchmark$OnPostgres' ;;
  both) tests='ScanFromStoreBenchmark*' ;;
  *) echo "usage: scripts/bench-scan.sh [h2|postgres|both]" >&2; exit 2 ;;
esac
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
./sextant test -o -pl server -am -Dtest="$tests" -Dsextant.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsextant.bench.symbols="${BENCH_SYMBOLS:-5000}" -Dsextant.bench.rounds="${BENCH_ROUNDS:-6}" >"$log" 2>&1 || status=$?
grep -E '^(H2|PostgreSQL)|Tests run:|FAIL|ERROR\]' "$log" || true
[ "$status" -eq 0 ] || { echo "bench: the benchmark failed (exit $status); last lines:" >&2; tail -40 "$log" >&2; }
exit "$status"
