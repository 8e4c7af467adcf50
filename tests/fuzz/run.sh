#!/usr/bin/env bash
# tests/fuzz/run.sh BUILD SECONDS TARGET... — what `make fuzz` runs.
#
# For each target: seeds BUILD/corpus/TARGET from the repository's own
# inputs (once; the corpus then grows across runs), runs BUILD/fuzz-TARGET
# for SECONDS on one core, and keeps what it finds in BUILD/crashes/TARGET/
# (crash-*, leak-*, timeout-*, oom-*).  A finding becomes a regression test
# by copying the input to tests/hostile/fuzz-regress/TARGET-NAME.{fo,xml}
# (tests/hostile/fuzz-regress.sh runs them all through the normal binary).
# Prints one summary line per target; exits 1 when any target found
# something new.
set -u
cd "$(dirname "$0")/../.." || exit 2
BUILD=$1 SECONDS_EACH=$2
shift 2
export LC_ALL=C.UTF-8 FONTCONFIG_FILE="$PWD/tests/fonts.conf" SOURCE_DATE_EPOCH=0 TZ=UTC
export XDG_CACHE_HOME="${TMPDIR:-/tmp}/folio-test-cache-$(id -u)"
KIT=../shared/conformance

seed() {
  local t=$1 c=$BUILD/corpus/$1 f
  [ -d "$c" ] && return
  mkdir -p "$c"
  case $t in
    xml-fo|pipeline)
      for f in tests/golden/*.fo tests/errors/*.fo tests/hostile/fuzz-regress/*.fo \
               "$KIT"/fo/*.fo; do
        [ -f "$f" ] || continue
        # the pipeline target skips inputs above 64 KiB
        [ "$t" = pipeline ] && [ "$(stat -c %s "$f")" -gt 65536 ] && continue
        cp "$f" "$c/$(basename "$f")"
      done ;;
    protocol)
      for f in input/protocol-*.xml schemas/examples/protocol.xml \
               tests/errors/*protocol*.xml tests/errors/schema-*.xml \
               tests/hostile/fuzz-regress/protocol-*.xml; do
        [ -f "$f" ] && cp "$f" "$c/$(basename "$f")"
      done ;;
    props)
      # name NUL value, from the attributes the goldens and the kit use
      cat tests/golden/*.fo "$KIT"/fo/*.fo | grep -o '[a-z][a-z.-]*="[^"]*"' |
        sort -u | head -3000 | while IFS= read -r a; do
          n=${a%%=*} v=${a#*=\"}
          printf '%s\0%s' "$n" "${v%\"}" >"$c/$(printf '%s' "$a" | md5sum | cut -c1-16)"
        done ;;
  esac
}

found=0
for t in "$@"; do
  bin=$BUILD/fuzz-$t
  [ -x "$bin" ] || { echo "fuzz/$t: $bin not built"; found=1; continue; }
  seed "$t"
  art=$BUILD/crashes/$t
  mkdir -p "$art"
  before=$(ls "$art" | wc -l)
  # one worker (one core), in a child process so that a finding is written
  # out and fuzzing goes on; 20 s per input is a hang; 2 GiB an explosion
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
  LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$bin" -max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=2048 \
      -malloc_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
      -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
      -artifact_prefix="$art/" "$BUILD/corpus/$t" >"$BUILD/fuzz-$t.log" 2>&1
  rc=$?
  after=$(ls "$art" | wc -l)
  execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' "$BUILD/fuzz-$t.log" | tail -1)
  echo "fuzz/$t: ${SECONDS_EACH}s, ${execs:-?} runs, corpus $(ls "$BUILD/corpus/$t" | wc -l), exit $rc, new findings $((after - before)) (log $BUILD/fuzz-$t.log)"
  [ "$after" -gt "$before" ] && found=1
done
exit $found
