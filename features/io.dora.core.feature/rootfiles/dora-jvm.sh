# Sourced by the dora and dora-cli start scripts (POSIX sh), after they set HERE (the installation folder) and
# JAVA (the java command).

# Sets DORA_JAVA_VERSION to the feature version of $JAVA (17, 21, 25...) read from its JDK's release file,
# cheaper than starting a JVM to ask it; empty when that file is not found.
dora_java_version() {
  DORA_JAVA_VERSION=
  jvm_java=$(command -v "$JAVA" 2>/dev/null) && jvm_java=$(readlink -f "$jvm_java" 2>/dev/null) || return 0
  DORA_JAVA_VERSION=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "${jvm_java%/bin/java}/release" 2>/dev/null)
}

# Stops with a clear message when $JAVA is known to be older than Java 21 (the launcher's class files need 21).
dora_require_java() {
  dora_java_version
  if [ -n "$DORA_JAVA_VERSION" ] && [ "$DORA_JAVA_VERSION" -lt 21 ] 2>/dev/null; then
    echo "dora: Java 21 or newer is needed, and $JAVA is Java $DORA_JAVA_VERSION: set JAVA_HOME to a JDK 21+." >&2
    exit 2
  fi
}

# Class-data sharing: the JVM maps the classes that an earlier start of this installation parsed and verified
# from an archive in the user's cache, instead of loading them again (about 0.4 s less to the workbench window
# on a 2-core machine). The archive is written at the exit of a run that found none, or found one made by
# another JDK. Only the process holding the lock on file descriptor 9 (open for its whole life, released by the
# kernel when it ends) may write it, so runs side by side never write it at once; the others just read it.
# The archive's name changes with the installed bundles (an update, a rebuild): the JVM refuses an archive
# whose launcher jar changed, but would not write a new one. Needs Java 19+ (an older one would refuse the
# options and not start) and flock (util-linux) to write it. DORA_JVM_TUNING=off turns it off.
# Sets DORA_CDS_OPTIONS; $1 names the product.
dora_cds() {
  DORA_CDS_OPTIONS=
  [ "${DORA_JVM_TUNING:-on}" = off ] && return 0
  [ -n "${DORA_JAVA_VERSION+set}" ] || dora_java_version
  [ "${DORA_JAVA_VERSION:-0}" -ge 19 ] 2>/dev/null || return 0
  cds_product=$1
  cds_dir="${XDG_CACHE_HOME:-$HOME/.cache}/dora/cds"
  [ -d "$cds_dir" ] || mkdir -p "$cds_dir" 2>/dev/null || return 0
  [ -w "$cds_dir" ] || return 0
  # (set -- splits cksum's "checksum size" without one more process per value)
  set -- $(printf '%s' "$HERE" | cksum)
  cds_install=$1
  set -- $(cksum < "$HERE/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info" 2>/dev/null)
  cds_archive="$cds_dir/$cds_product-$cds_install-${1:-0}.jsa"
  # the options are word-split where they are used
  case $cds_archive in *[[:space:]]*) return 0 ;; esac
  # the JVM prints archive warnings on standard output, which is dora-cli's data: never (tag aot from Java 25 on)
  DORA_CDS_OPTIONS="-XX:SharedArchiveFile=$cds_archive -Xlog:cds*=off"
  [ "$DORA_JAVA_VERSION" -ge 25 ] && DORA_CDS_OPTIONS="$DORA_CDS_OPTIONS -Xlog:aot*=off"
  command -v flock >/dev/null 2>&1 || return 0
  exec 9>>"$cds_archive.lock"
  if flock -n 9; then
    DORA_CDS_OPTIONS="$DORA_CDS_OPTIONS -XX:+AutoCreateSharedArchive"
    # a dump cut short (a crash, a kill) leaves a file without its header, written last; the JVM would then
    # run without any archive, its own included, and never write this one again
    if [ -f "$cds_archive" ]; then
      set -- $(od -An -tx1 -N4 "$cds_archive" 2>/dev/null)
      case "$1$2$3$4" in
        a8ab0bf0 | f00baba8) ;;
        *) rm -f "$cds_archive" ;;
      esac
    fi
    # when this run writes a new archive: the archives of this installation's earlier bundles are of no more
    # use, and those of installations unused for 60 days (removed ones, say) go too; a later start of such an
    # installation writes its own again
    if [ ! -f "$cds_archive" ]; then
      for cds_old in "$cds_dir/$cds_product-$cds_install-"*.jsa; do
        [ ! -e "$cds_old" ] || rm -f "$cds_old" "$cds_old.lock"
      done
      find "$cds_dir" -name '*.jsa' -atime +60 -exec rm -f {} + 2>/dev/null
    fi
  else
    exec 9>&-
  fi
}

# The JIT: C2, the optimizing compiler, waits for code that stays hot beyond a start (ten times its default
# thresholds; C1 still compiles at once). On a 2-core machine C2's compilations otherwise take a core from the
# start itself: about 0.4 s less to the workbench window, for about 3 % more time on a 2,000,000-row export
# (medians of 5, side by side; docs/architecture.md). DORA_JVM_TUNING=off turns it off. Sets DORA_JIT_OPTIONS.
dora_jit() {
  DORA_JIT_OPTIONS=
  [ "${DORA_JVM_TUNING:-on}" = off ] && return 0
  DORA_JIT_OPTIONS="-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000"
  DORA_JIT_OPTIONS="$DORA_JIT_OPTIONS -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000"
}

# The heap, for the workbench: a start's first touch of fresh memory costs a page fault per 4 KB page, dearer
# still in a virtual machine. Where the kernel offers transparent huge pages (mode always or madvise), the heap
# gets 2 MB pages, and a young generation of at least 64 MB leaves two collections before the window instead of
# three: about 0.25 s less to the workbench window on a 2-core machine (side by side, docs/architecture.md), for
# about 20 MB more resident memory. G1 still grows the young generation beyond 64 MB as it sees fit. Not for
# dora-cli: the JVM prints its warnings on standard output, dora-cli's data. DORA_JVM_TUNING=off turns it off.
# Sets DORA_HEAP_OPTIONS.
dora_heap() {
  DORA_HEAP_OPTIONS=
  [ "${DORA_JVM_TUNING:-on}" = off ] && return 0
  DORA_HEAP_OPTIONS="-XX:NewSize=64m"
  heap_thp=
  heap_thp_mode=/sys/kernel/mm/transparent_hugepage/enabled
  [ -r "$heap_thp_mode" ] && read -r heap_thp < "$heap_thp_mode"
  case $heap_thp in
    *"[always]"* | *"[madvise]"*) DORA_HEAP_OPTIONS="$DORA_HEAP_OPTIONS -XX:+UseTransparentHugePages" ;;
  esac
}
