#!/usr/bin/env bash
# News figures for docs/BENCHMARKS.md (issue 14), NewsStoreBenchmark: 10,000 articles listed 12,500
# times (duplicates by URL and by headline mixed in) deduplicated and stored in writes of 100, then
# as-of reads of a symbol's last 30 days (limit 50 and 200), on the embedded H2 file database and
# on the local PostgreSQL (127.0.0.1:5432, database test; skipped when it is not running).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
./sextant test -o -pl server -am -Dtest='NewsStoreBenchmark*' -Dsextant.excludedGroups= \
  -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true 2>&1 | grep -E '^(H2|PostgreSQL)' || true
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
