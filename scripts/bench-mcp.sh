#!/usr/bin/env bash
# The MCP benchmark (docs/BENCHMARKS.md, issue 13): get_quote on a cached demo symbol over
# Streamable HTTP, BENCH_CLIENTS (32) concurrent MCP Java SDK clients for BENCH_SECONDS (20) after a
# 5 s warm-up, p50/p90/p99; and the MCP overhead over the same call on the tool catalog's face,
# sequential medians. One JVM holds the server (127.0.0.1, random port, fresh data directory, rate
# limits off) and the clients (McpBench in the server's test sources).
#
#   scripts/bench-mcp.sh
#   BENCH_CLIENTS=64 BENCH_SECONDS=30 scripts/bench-mcp.sh
#
# Builds offline into target/ (never 'mvn install').
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* | head -n 1)}
classpath_file=$(mktemp)
trap 'rm -f "$classpath_file"' EXIT
# In one reactor run, so that the analytics module resolves to its classes (the server's list is written last).
JAVA_HOME=$JAVA_HOME mvn -B -q -o test-compile dependency:build-classpath -pl server -am -Dspotless.check.skip=true \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test >/dev/null
echo "== MCP get_quote bench; load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -cp "server/target/test-classes:server/target/classes:analytics/target/classes:$(cat "$classpath_file")" \
  dev.sextant.mcp.internal.McpBench 2> >(grep -v -E 'WARN|Unsafe' >&2)
