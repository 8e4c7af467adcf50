#!/usr/bin/env bash
# tests/run.sh [FILTER] — folio's test driver (what `make test` runs, from the
# repo root, after building build/folio and build/folio-unit).
#
# Runs, in order:
#   unit      build/folio-unit; each line "PASS name" / "FAIL name: reason"
#             it prints is one check, reported as unit/name;
#   golden    for each tests/golden/NAME.fo: `folio fo` with --dump-areas
#             (and --dump-fo when NAME.fotree exists), diffed against
#             NAME.areas / NAME.fotree; GOLDEN_UPDATE=1 rewrites those files;
#   scripts   tests/e2e/*.sh, tests/errors/*.sh, tests/hostile/*.sh; each prints its own
#             PASS/FAIL lines through tests/lib.sh, reported as e2e/NAME/check.
# FILTER keeps only tests whose name (unit/x, golden/x, e2e/x, errors/x)
# contains it.  Each test runs under `timeout` (TEST_TIMEOUT, default 60 s).
#
# Output: every PASS and FAIL line (FAIL followed by indented details), then
# exactly one last line "N passed, N failed".  Exit 1 if anything failed,
# 2 if FILTER matched nothing.
#
# Goldens: to start one, add tests/golden/NAME.fo (and an empty NAME.fotree
# if the FO dump should be checked too), then GOLDEN_UPDATE=1 tests/run.sh
# golden/NAME and review the written files.
#
# The environment is pinned here (locale, fonts, dates), so results do not
# depend on the machine; tests/lib.sh pins the same for scripts run alone.

set -u
cd "$(dirname "$0")/.." || exit 2
REPO=$(pwd -P)

export LC_ALL=C.UTF-8
export FONTCONFIG_FILE="$REPO/tests/fonts.conf"
export SOURCE_DATE_EPOCH=0
export TZ=UTC
FOLIO_TEST_CACHE="${TMPDIR:-/tmp}/folio-test-cache-$(id -u)"
export FOLIO_TEST_CACHE
export XDG_CACHE_HOME="$FOLIO_TEST_CACHE"
unset FOLIO_DATA_DIR

FILTER=${1:-}
TEST_TIMEOUT=${TEST_TIMEOUT:-60}
# FOLIO_BUILD_DIR=build-asan runs the suite against the sanitizer build.
BUILD_DIR=${FOLIO_BUILD_DIR:-build}
export FOLIO="$REPO/$BUILD_DIR/folio"
UNIT="$REPO/$BUILD_DIR/folio-unit"
GOLDEN_DIR=tests/golden

tmp=$(mktemp -d "${TMPDIR:-/tmp}/folio-run.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0

# selected ID — does test ID pass the filter?
selected() { [ -z "$FILTER" ] || [[ "$1" == *"$FILTER"* ]]; }

# ok ID / ko ID REASON [DETAIL-FILE [PREFIX]]
ok() { printf 'PASS %s\n' "$1"; passed=$((passed + 1)); }
ko() {
  printf 'FAIL %s: %s\n' "$1" "$2"
  failed=$((failed + 1))
  if [ $# -ge 3 ] && [ -s "$3" ]; then
    head -n "${DETAIL_LINES:-20}" -- "$3" | sed 's/^/    /'
  fi
}

# timed_out RC — describes an exit status from timeout(1).
rc_text() {
  case $1 in
    124) printf 'timed out after %ss' "$TEST_TIMEOUT" ;;
    12[5-7]) printf 'could not run (exit %s)' "$1" ;;
    13[7-9] | 1[4-9][0-9] | 2[0-9][0-9]) printf 'exit %s (signal %s)' "$1" "$(($1 - 128))" ;;
    *) printf 'exit %s' "$1" ;;
  esac
}

# collect ID LOG RC — turns a log of PASS/FAIL/SKIP lines into checks named
# ID/name.  Lines after a FAIL that are not PASS/FAIL/SKIP are its details.
# A non-zero RC with no FAIL line becomes a FAIL of ID itself.
collect() {
  local id=$1 log=$2 rc=$3 line name reason in_fail=0 fails=0 checks=0
  while IFS= read -r line || [ -n "$line" ]; do
    case $line in
      "PASS "*)
        name=${line#PASS }
        in_fail=0
        selected "$id/$name" || selected "$id" || continue
        ok "$id/$name"; checks=$((checks + 1)) ;;
      "FAIL "*)
        name=${line#FAIL }
        reason=${name#*: }
        [ "$reason" = "$name" ] && reason="failed"
        name=${name%%: *}
        in_fail=0
        selected "$id/$name" || selected "$id" || continue
        ko "$id/$name" "$reason"; checks=$((checks + 1)); fails=$((fails + 1))
        in_fail=1 ;;
      "SKIP "*)
        in_fail=0
        printf 'SKIP %s/%s\n' "$id" "${line#SKIP }" ;;
      *)
        if [ "$in_fail" -eq 1 ]; then
          case $line in " "*) printf '%s\n' "$line" ;; *) printf '    %s\n' "$line" ;; esac
        fi ;;
    esac
  done <"$log"
  if [ "$rc" -ne 0 ] && [ "$fails" -eq 0 ] && selected "$id"; then
    # Crashed, timed out, or failed without saying why: show its output.
    grep -v -E '^(PASS|SKIP) ' "$log" >"$tmp/stray"
    ko "$id" "$(rc_text "$rc") without a FAIL line" "$tmp/stray"
  elif [ "$rc" -eq 0 ] && [ "$checks" -eq 0 ] && [ -z "$FILTER" ]; then
    ko "$id" "reported no checks"
  fi
}

# --- (a) unit tests --------------------------------------------------------

if [ -x "$UNIT" ]; then
  timeout -k 5 "$TEST_TIMEOUT" "$UNIT" >"$tmp/unit.log" 2>&1 </dev/null
  collect unit "$tmp/unit.log" $?
elif selected unit; then
  ko unit "$UNIT not built (run make)"
fi

# --- the pinned fonts -------------------------------------------------------

# Layout results depend on them: say so plainly when they are not there.
if selected env/fonts && command -v fc-match >/dev/null 2>&1; then
  got="$(fc-match -f '%{family[0]}' 'PT Serif'), $(fc-match -f '%{family[0]}' serif)"
  if [ "$got" = "PT Serif, Liberation Serif" ]; then
    ok env/fonts
  else
    ko env/fonts "tests/fonts.conf resolves PT Serif, serif to '$got' (need fonts-paratype, fonts-liberation2)"
  fi
fi

# --- (b) golden dumps --------------------------------------------------------

# golden_compare ID WANT GOT — diff, or rewrite WANT under GOLDEN_UPDATE=1.
golden_compare() {
  local id=$1 want=$2 got=$3
  if [ "${GOLDEN_UPDATE:-0}" = 1 ]; then
    if [ -f "$want" ] && cmp -s "$want" "$got"; then
      ok "$id"
    else
      cp -- "$got" "$want" && ok "$id" && printf '    updated %s\n' "$want"
    fi
  elif [ ! -f "$want" ]; then
    ko "$id" "no expected file $want (GOLDEN_UPDATE=1 tests/run.sh golden/ writes it)"
  elif diff -u --label "$want" --label "got" -- "$want" "$got" >"$tmp/diff"; then
    ok "$id"
  else
    ko "$id" "differs from $want ($(grep -c '^[-+][^-+]' "$tmp/diff") lines changed)" "$tmp/diff"
  fi
}

shopt -s nullglob
for fo in "$GOLDEN_DIR"/*.fo; do
  name=$(basename "$fo" .fo)
  id=golden/$name
  selected "$id" || [[ "$FILTER" == "$id".* ]] || continue
  if [ ! -x "$FOLIO" ]; then
    ko "$id" "$FOLIO not built"
    continue
  fi
  rm -f "$tmp/g.areas" "$tmp/g.fotree" "$tmp/g.pdf"
  args=(fo "$fo" --dump-areas "$tmp/g.areas" -o "$tmp/g.pdf")
  want_fotree="$GOLDEN_DIR/$name.fotree"
  [ -f "$want_fotree" ] && args+=(--dump-fo "$tmp/g.fotree")
  timeout -k 5 "$TEST_TIMEOUT" "$FOLIO" "${args[@]}" >"$tmp/g.log" 2>&1 </dev/null
  rc=$?
  if [ "$rc" -ne 0 ]; then
    ko "$id" "folio fo: $(rc_text "$rc")" "$tmp/g.log"
    continue
  fi
  if [ -f "$tmp/g.areas" ]; then
    golden_compare "$id.areas" "$GOLDEN_DIR/$name.areas" "$tmp/g.areas"
  else
    ko "$id.areas" "--dump-areas wrote nothing"
  fi
  if [ -f "$want_fotree" ]; then
    if [ -f "$tmp/g.fotree" ]; then
      golden_compare "$id.fotree" "$want_fotree" "$tmp/g.fotree"
    else
      ko "$id.fotree" "--dump-fo wrote nothing"
    fi
  fi
done

# --- (c) end-to-end and error scripts ----------------------------------------

for script in tests/e2e/*.sh tests/errors/*.sh tests/hostile/*.sh; do
  id=$(basename "$(dirname "$script")")/$(basename "$script" .sh)
  # A filter may name a test or one of its checks (e2e/cli/help).
  selected "$id" || [[ "$FILTER" == "$id/"* ]] || continue
  # a script may ask for a longer limit with a "# test-timeout: N" line
  limit=$(sed -n 's/^# test-timeout: \([0-9]*\)$/\1/p' "$script" | head -1)
  timeout -k 5 "${limit:-$TEST_TIMEOUT}" bash "$script" >"$tmp/script.log" 2>&1 </dev/null
  collect "$id" "$tmp/script.log" $?
done

printf '%d passed, %d failed\n' "$passed" "$failed" >"$tmp/summary"
if [ $((passed + failed)) -eq 0 ] && [ -n "$FILTER" ]; then
  echo "no test matches '$FILTER'"
  cat "$tmp/summary"
  exit 2
fi
cat "$tmp/summary"
[ "$failed" -eq 0 ]
