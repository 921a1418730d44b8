#!/usr/bin/env bash
# Durable-commit figures for docs/BENCHMARKS.md: commits per second of single-row autocommit
# inserts from one connection (200 warm-up, then BENCH_COMMITS timed), on H2 as it was (WRITE_DELAY
# 500), with WRITE_DELAY=0, on Sextant's dsync: file system (what the server uses), and on the
# local PostgreSQL with synchronous_commit off and on. H2 files go to a scratch directory under
# TMPDIR. Set BENCH_POSTGRES=- to skip PostgreSQL (default jdbc:postgresql://127.0.0.1:5432/test).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

COMMITS=${BENCH_COMMITS:-3000}
POSTGRES=${BENCH_POSTGRES:-jdbc:postgresql://127.0.0.1:5432/test}
POSTGRES_USER=${BENCH_POSTGRES_USER:-postgres}
JAR=server/target/sextant-server.jar

# The JDK the server is built for (25 or newer), as the launcher finds it.
java_home=""
for candidate in ${JAVA_HOME:+"$JAVA_HOME"} /usr/lib/jvm/*; do
  if [ -x "$candidate/bin/java" ] \
    && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
    java_home=$candidate
    break
  fi
done
[ -n "$java_home" ] || { echo "bench: no JDK 25 or newer found (set JAVA_HOME)" >&2; exit 1; }
JAVA_HOME=$java_home
if [ ! -f "$JAR" ]; then
  # package, not install: nothing is written to the shared Maven repository.
  mvn -B -q package -pl server -am -DskipTests
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The server's own class path (its classes and its H2 and PostgreSQL drivers), from the built jar.
"$JAVA_HOME/bin/java" -Djarmode=tools -jar "$JAR" extract --destination "$scratch/app" >/dev/null
"$JAVA_HOME/bin/java" -cp "$scratch/app/sextant-server.jar:$scratch/app/lib/*" \
  scripts/bench/CommitRate.java "$scratch/h2" "$POSTGRES" "$POSTGRES_USER" "$COMMITS"
