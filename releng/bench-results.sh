#!/usr/bin/env bash
# Results benchmark, measured in one run (not a timed test): a real PostgreSQL (embedded, random loopback
# port) saved in a temp vault, the workbench product under Xvfb, a SQL editor on it, and a 1,000,000-row query:
#  - the time until its first rows show (the editor's "first N rows ... shown after X ms" log line),
#  - the time to scroll to the last row with End pressed again and again in the grid (the grid keeps at most
#    100,000 rows and fetches 200 rows beyond the last one painted),
#  - the workbench's live heap after a full GC (jcmd GC.run, GC.heap_info) before the query and at the last
#    row, and the ratio after/before.
# Needs Xvfb, xdotool and xclip (.ci/run installs them) and the built product tests (./build -DskipTests verify).
# Usage: releng/bench-results.sh [rows, default 1000000] [scroll limit in seconds, default 1200]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/releng/tools.sh"
JAVA_HOME=$(dora_find_jdk) || exit 1
export JAVA_HOME
dora_ensure_products "$ROOT"
TESTS="$ROOT/tests/io.dora.product.tests/target"
if [ ! -f "$TESTS/test.classpath" ] || [ ! -d "$TESTS/test-classes" ]; then
  echo "bench-results: $TESTS has no test classes or test.classpath; run ./build -DskipTests verify" >&2
  exit 1
fi
exec "$JAVA_HOME/bin/java" -cp "$TESTS/test-classes:$(cat "$TESTS/test.classpath")" \
  -Ddora.workbench.home="$(dora_workbench_home "$ROOT")" -Ddora.cli.home="$(dora_cli_home "$ROOT")" \
  io.dora.product.tests.workbench.ResultsBenchmark "$@"
