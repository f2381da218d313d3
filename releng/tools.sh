# Shared by ./build, ./dora and the scripts in releng/: locate a JDK >= 21 and Maven 3.9.x.
# Sourced, not run. Messages go to stderr, results to stdout.

DORA_MIN_JAVA=21
DORA_MAVEN_VERSION=3.9.11

# Prints the feature version of the JDK at $1 (17, 21, 25...), or nothing when it is no JDK.
dora_jdk_version() {
  local home=$1 v=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
  fi
  [ "$v" = 1 ] && v=8
  [ -n "$v" ] && echo "$v"
}

# Prints the home of a JDK >= 21: JAVA_HOME first, then the usual install folders, then the PATH.
dora_find_jdk() {
  local c v
  local candidates=("${JAVA_HOME:-}")
  for c in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/java/* "$HOME"/.sdkman/candidates/java/* \
           "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    candidates+=("$c")
  done
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  local best="" bestv=0
  for c in "${candidates[@]}"; do
    [ -n "$c" ] && [ -d "$c" ] || continue
    v=$(dora_jdk_version "$c") || continue
    # JAVA_HOME wins when it is recent enough; otherwise the newest JDK found.
    if [ "$c" = "${JAVA_HOME:-}" ] && [ "$v" -ge "$DORA_MIN_JAVA" ]; then echo "$c"; return 0; fi
    if [ "$v" -gt "$bestv" ]; then best=$c; bestv=$v; fi
  done
  if [ "$bestv" -ge "$DORA_MIN_JAVA" ]; then echo "$best"; return 0; fi
  echo "dora: no JDK $DORA_MIN_JAVA or newer found (JAVA_HOME, /usr/lib/jvm, PATH); install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+, or set JAVA_HOME to it." >&2
  return 1
}

# Prints the path of a Maven 3.9.x 'mvn': one on the PATH if it is 3.9+, else the pinned version,
# fetched once by its coordinates with the installed Maven and unpacked into the user's cache.
dora_find_maven() {
  local mvn v cache dist
  if command -v mvn >/dev/null 2>&1; then
    v=$(mvn -v 2>/dev/null | sed -n 's/.*Apache Maven \([0-9]*\.[0-9]*\).*/\1/p' | head -1)
    case "$v" in 3.9|3.1[0-9]|4.*) command -v mvn; return 0 ;; esac
  fi
  cache=${XDG_CACHE_HOME:-$HOME/.cache}/dora-build
  dist=$cache/apache-maven-$DORA_MAVEN_VERSION
  if [ ! -x "$dist/bin/mvn" ]; then
    if ! command -v mvn >/dev/null 2>&1; then
      echo "dora: Maven not found; install Maven 3.x (e.g. 'apt-get install maven'): the build fetches Maven $DORA_MAVEN_VERSION with it." >&2
      return 1
    fi
    echo "dora: fetching Maven $DORA_MAVEN_VERSION through the installed Maven..." >&2
    mkdir -p "$cache"
    local tmp; tmp=$(mktemp -d "$cache/fetch.XXXXXX")
    # run outside the project: Maven 3.8 would load the reactor's Tycho extension and fail
    if ! (cd "$tmp" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
          -Dartifact="org.apache.maven:apache-maven:$DORA_MAVEN_VERSION:tar.gz:bin" \
          -DoutputDirectory="$tmp" >&2); then
      rm -rf "$tmp"
      echo "dora: could not fetch org.apache.maven:apache-maven:$DORA_MAVEN_VERSION (see above)." >&2
      return 1
    fi
    tar -xzf "$tmp/apache-maven-$DORA_MAVEN_VERSION-bin.tar.gz" -C "$tmp"
    rm -rf "$dist" && mv "$tmp/apache-maven-$DORA_MAVEN_VERSION" "$dist"
    rm -rf "$tmp"
  fi
  echo "$dist/bin/mvn"
}

# Where the build materializes the products (Linux, GTK, x86_64).
dora_cli_home() { echo "$1/product/target/products/io.dora.cli.product/linux/gtk/x86_64/dora-cli"; }
dora_workbench_home() { echo "$1/product/target/products/io.dora.workbench.product/linux/gtk/x86_64/dora"; }

# Builds the products (tests skipped) when either is missing or any file the build reads is newer.
# $1 is the checkout's root.
dora_ensure_products() {
  local root=$1 oldest
  local cli; cli=$(dora_cli_home "$root")/dora-cli
  local workbench; workbench=$(dora_workbench_home "$root")/dora
  if [ -x "$cli" ] && [ -x "$workbench" ]; then
    oldest=$cli; [ "$workbench" -ot "$cli" ] && oldest=$workbench
    [ -z "$(find "$root/pom.xml" "$root/bundles" "$root/features" "$root/product" "$root/releng" "$root/tests" \
            -newer "$oldest" -type f ! -path '*/target/*' -print -quit)" ] && return 0
  fi
  echo "dora: building the products (./build -DskipTests verify)..." >&2
  "$root/build" -q -DskipTests verify >&2
}
