#!/usr/bin/env bash
# Web app figures for docs/BENCHMARKS.md (issue 15): WebBudgetTest (every script and style sheet the
# page can load, gzipped as served, against 300 KiB) and FirstLoadBrowserTest (navigation start to
# the app's sextant:interactive mark, cold browser contexts, /sign-in and a signed-in /markets,
# against 1 s). Needs Chromium at /usr/bin/chromium (or -Dsextant.chromium=...).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
./sextant test -o -pl server -am -Dtest='WebBudgetTest,FirstLoadBrowserTest' \
  -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true 2>&1 | grep -E '(web budget|first load)' || true
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
