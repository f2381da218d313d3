#!/usr/bin/env bash
# SSH tunnel benchmark, measured side by side in one run (not a timed test): bulk transfer through a Dora
# tunnel (JSch) vs OpenSSH's 'ssh -L' on the same throw-away sshd; prints both rates and their ratio
# (target >= 0.5). Needs root (the throw-away sshd's test user), openssh-server and openssh-client.
# Usage: releng/bench-ssh.sh [extra maven arguments, e.g. -o]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
exec "$ROOT/build" -Pbench-ssh -DskipTests "$@" \
  -pl bundles/io.dora.core,bundles/io.dora.net.tls,bundles/io.dora.driver.jdbc,bundles/io.dora.driver.postgres,bundles/io.dora.driver.mysql,bundles/io.dora.net.ssh \
  clean verify
