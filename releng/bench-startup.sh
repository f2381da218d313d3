#!/usr/bin/env bash
# Startup benchmark: launches of the workbench product under Xvfb, each from process start to the workbench
# window shown, on a fresh workspace: a warm-up launch (it writes the class-data sharing archive when the
# installation has none), then N launches as shipped alternating with N launches of a plain JVM
# (DORA_JVM_TUNING=off: no CDS archive, default JIT thresholds and heap), side by side in one run. Prints both
# medians and their ratio. Target: under 3 s on a 2-core machine.
# Needs Xvfb and xdotool, and xev (x11-utils) for the moment the X server maps the window, without polling's
# lag (.ci/run installs them). Usage: releng/bench-startup.sh [launches, default 5]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/releng/tools.sh"
JAVA_HOME=$(dora_find_jdk) || exit 1
export JAVA_HOME
dora_ensure_products "$ROOT"
exec "$JAVA_HOME/bin/java" -cp "$ROOT/tests/io.dora.product.tests/target/test-classes" \
  -Ddora.workbench.home="$(dora_workbench_home "$ROOT")" \
  io.dora.product.tests.workbench.StartupBenchmark "${1:-5}"
