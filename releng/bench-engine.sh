#!/usr/bin/env bash
# Engine benchmarks, measured side by side in one run (not timed tests), each in a JVM capped at -Xmx256m:
#  (a) streaming 1,000,000 rows x 10 columns from PostgreSQL: Dora's engine vs a bare JDBC loop, same fetch size
#  (b) cancel latency, cancel() until the server no longer lists the query: PostgreSQL and MariaDB
# The servers are started by the benchmarks themselves (embedded PostgreSQL; the system's mariadbd).
# Usage: releng/bench-engine.sh [extra maven arguments, e.g. -o]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
exec "$ROOT/build" -Pbench -DskipTests "$@" \
  -pl bundles/io.dora.core,bundles/io.dora.driver.jdbc,bundles/io.dora.driver.postgres,bundles/io.dora.driver.mysql \
  clean verify
