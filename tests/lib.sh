# shellcheck shell=bash
# tests/lib.sh — helpers shared by tests/e2e/*.sh and tests/errors/*.sh.
#
# Source it first thing:   . "$(dirname "$0")/../lib.sh"
#
# A test script reports any number of checks, one line each, on stdout:
#     PASS name
#     FAIL name: reason
#     SKIP name: reason          (not counted by tests/run.sh)
# Other output (details after a FAIL) is shown by tests/run.sh only when the
# script failed.  The script ends with `finish`, which exits 1 if any check
# failed.  Scripts also run on their own (bash tests/errors/malformed.sh):
# this file pins the same environment as tests/run.sh.
#
# What it does not do: build folio, or judge anything by itself — every
# check is explicit in the test script.

set -u

# --- environment ---------------------------------------------------------

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
FOLIO=${FOLIO:-$REPO/build/folio}
export LC_ALL=C.UTF-8
export FONTCONFIG_FILE="$REPO/tests/fonts.conf"
export SOURCE_DATE_EPOCH=0
export TZ=UTC
export XDG_CACHE_HOME="${FOLIO_TEST_CACHE:-${TMPDIR:-/tmp}/folio-test-cache-$(id -u)}"
unset FOLIO_DATA_DIR
# Per-command limit; tests/run.sh also limits each whole script.
CMD_TIMEOUT=${CMD_TIMEOUT:-30}

# Scripts run from the repo root and name their inputs relative to it
# (tests/errors/x.xml), so diagnostics carry exactly that path.
cd "$REPO" || exit 2

# Scratch directory, removed on exit.
T=$(mktemp -d "${TMPDIR:-/tmp}/folio-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
trap 'exit 143' TERM INT

# Name of this test for messages: e2e/protocols, errors/malformed, ...
TEST_ID=$(basename "$(dirname "$0")")/$(basename "$0" .sh)

_lib_passes=0
_lib_fails=0

# --- reporting -----------------------------------------------------------

# pass NAME
pass() { printf 'PASS %s\n' "$1"; _lib_passes=$((_lib_passes + 1)); }

# fail NAME REASON [DETAIL-FILE]  — DETAIL-FILE's head is shown indented.
fail() {
  printf 'FAIL %s: %s\n' "$1" "$2"
  _lib_fails=$((_lib_fails + 1))
  if [ $# -ge 3 ] && [ -s "$3" ]; then
    head -n 15 -- "$3" | sed 's/^/    | /'
  fi
}

# skip NAME REASON
skip() { printf 'SKIP %s: %s\n' "$1" "$2"; }

# check NAME REASON COMMAND... — PASS if COMMAND succeeds, else FAIL REASON.
check() {
  local name=$1 reason=$2
  shift 2
  if "$@"; then pass "$name"; else fail "$name" "$reason"; fi
}

# finish — last line of every script.
finish() {
  if [ "$_lib_passes" -eq 0 ] && [ "$_lib_fails" -eq 0 ]; then
    fail "$TEST_ID" "no checks reported"
  fi
  [ "$_lib_fails" -eq 0 ]
  exit $?
}

# need_folio — FAIL and stop when the binary is missing.
need_folio() {
  if [ ! -x "$FOLIO" ]; then
    fail "$TEST_ID" "$FOLIO not built"
    finish
  fi
}

# --- running folio -------------------------------------------------------

# folio ARGS...  — runs folio with a time limit; afterwards
#   $RC      exit status (124 = timed out)
#   $OUT     file with its stdout,  $ERR  file with its stderr
# Never fails itself (safe under set -e, which we do not use anyway).
OUT="$T/.stdout"
ERR="$T/.stderr"
RC=0
folio() {
  timeout -k 5 "$CMD_TIMEOUT" "$FOLIO" "$@" >"$OUT" 2>"$ERR" </dev/null
  RC=$?
  return 0
}

# folio_in DIR ARGS...  — the same, with DIR as the current directory.
folio_in() {
  local dir=$1
  shift
  (cd "$dir" && exec timeout -k 5 "$CMD_TIMEOUT" "$FOLIO" "$@") >"$OUT" 2>"$ERR" </dev/null
  RC=$?
  return 0
}

# describe_rc — " (exit N)" with a hint for signals and timeouts.
describe_rc() {
  case $RC in
    124) printf 'timed out after %ss' "$CMD_TIMEOUT" ;;
    13[0-9]|1[4-9][0-9]|2[0-9][0-9])
         printf 'exit %s (killed by signal %s)' "$RC" "$((RC - 128))" ;;
    *)   printf 'exit %s' "$RC" ;;
  esac
}

# expect_rc NAME WANT — checks $RC; on failure shows stderr.
expect_rc() {
  if [ "$RC" -eq "$2" ]; then
    pass "$1"
  else
    fail "$1" "expected exit $2, got $(describe_rc)" "$ERR"
  fi
}

# expect_no_crash NAME — exit status below 128 and not a timeout.
expect_no_crash() {
  if [ "$RC" -lt 124 ]; then pass "$1"; else fail "$1" "$(describe_rc)" "$ERR"; fi
}

# --- diagnostics ---------------------------------------------------------

# _diag_prefix FILE [LINE] — ERE matching the start of a diagnostic line
# "FILE:LINE:COL: " (FILE literally; any LINE when not given).
_diag_prefix() {
  local f
  f=$(printf '%s' "$1" | sed 's#[][\.*^$+?(){}|]#\\&#g')
  printf '^%s:%s:[0-9]+: ' "$f" "${2:-[0-9]+}"
}

# expect_diag NAME FILE LINE — stderr consists only of diagnostics for FILE
# in the form FILE:LINE:COL: SEVERITY: MESSAGE, at least one is an error,
# and the first error is at line LINE.
expect_diag() {
  local name=$1 file=$2 line=$3 p bad first got
  p=$(_diag_prefix "$file")
  bad=$(grep -v -E -c -e "$p(error|warning|note): ." -e '^[[:space:]]*$' "$ERR")
  first=$(grep -E -m1 -e "${p}error: " "$ERR")
  if [ "$bad" -ne 0 ]; then
    fail "$name" "$bad stderr line(s) not of the form $file:LINE:COL: error: MESSAGE" "$ERR"
  elif [ -z "$first" ]; then
    fail "$name" "no '$file:LINE:COL: error:' line on stderr" "$ERR"
  else
    got=${first#"$file":}
    got=${got%%:*}
    if [ "$got" = "$line" ]; then
      pass "$name"
    else
      fail "$name" "first error at line $got, expected line $line" "$ERR"
    fi
  fi
}

# expect_warning NAME FILE LINE WORD — a 'FILE:LINE:COL: warning:' line
# that mentions WORD, and no error lines.
expect_warning() {
  local name=$1 file=$2 line=$3 word=$4 p
  p=$(_diag_prefix "$file" "$line")
  if grep -q -E ': error: ' "$ERR"; then
    fail "$name" "unexpected error line on stderr" "$ERR"
  elif grep -E -e "${p}warning: " "$ERR" | grep -q -F -e "$word"; then
    pass "$name"
  else
    fail "$name" "no '$file:$line:COL: warning: ...$word...' line on stderr" "$ERR"
  fi
}

# expect_one_line NAME — stderr is exactly one non-empty line that says
# "error" (the form for exit status 2).
expect_one_line() {
  local n
  n=$(grep -c -v -E '^[[:space:]]*$' "$ERR")
  if [ "$n" -eq 1 ] && [ "$(wc -l <"$ERR")" -le 1 ] && grep -q -i 'error' "$ERR"; then
    pass "$1"
  else
    fail "$1" "expected one error line on stderr, got $n line(s)" "$ERR"
  fi
}

# marker_line FILE [MARK] — line number of the first line containing MARK
# (default "<!-- DEFECT -->", the comment that marks the defect line of
# the test inputs).
marker_line() {
  grep -n -F -m1 -e "${2:-<!-- DEFECT -->}" "$1" | cut -d: -f1
}

# --- files ---------------------------------------------------------------

# expect_no_file NAME PATH — PATH does not exist.
expect_no_file() {
  if [ -e "$2" ]; then fail "$1" "$2 was left behind"; else pass "$1"; fi
}

# expect_clean_dir NAME DIR [ALLOWED...] — DIR holds nothing except ALLOWED
# names (catches temp files left beside a target).
expect_clean_dir() {
  local name=$1 dir=$2 f extra=""
  shift 2
  for f in "$dir"/* "$dir"/.[!.]*; do
    [ -e "$f" ] || continue
    case " $* " in *" $(basename "$f") "*) continue ;; esac
    extra="$extra $(basename "$f")"
  done
  if [ -z "$extra" ]; then pass "$name"; else fail "$name" "unexpected files in $dir:$extra"; fi
}

# is_pdf PATH — a readable PDF (pdfinfo parses it) that qpdf --check finds
# sound and `folio check` passes (every PDF folio writes is PDF/A unless
# the test asks for --pdfa=none).
is_pdf() {
  [ -s "$1" ] && pdfinfo "$1" >/dev/null 2>&1 && qpdf --check "$1" >/dev/null 2>&1 &&
    "$FOLIO" check "$1" >/dev/null 2>&1
}

# expect_pdf NAME PATH
expect_pdf() {
  if is_pdf "$2"; then
    pass "$1"
  else
    fail "$1" "$2 is missing, not a PDF, fails qpdf --check or folio check"
  fi
}

# --- business-rule checks (tests/errors/*rules*.sh) ---------------------

# header FILE KEY — the value of "KEY: value" in the file's header comment.
header() { sed -n "s/^[[:space:]]*$2: //p" "$1" | head -n 1; }

# n_diags — the number of diagnostic lines on stderr.
n_diags() { grep -c -E ':[0-9]+:[0-9]+: (error|warning|note): |: (error|warning|note): ' "$ERR"; }

# expect_rule NAME FILE LINE SEVERITY CODE [SAYS] — stderr is exactly one
# diagnostic, FILE:LINE:COL: SEVERITY: ... [CODE], COL at the line's first
# '<', the message containing SAYS.
expect_rule() {
  local name=$1 file=$2 line=$3 sev=$4 code=$5 says=${6:-} col p got
  col=$(awk -v n="$line" 'NR == n { print index($0, "<"); exit }' "$file")
  p=$(_diag_prefix "$file" "$line")
  p=${p%'[0-9]+: '}
  got=$(n_diags)
  if [ "$got" -ne 1 ]; then
    fail "$name" "expected one diagnostic, got $got" "$ERR"
  elif ! grep -q -E "${p}${col}: ${sev}: .* \\[${code}\\]\$" "$ERR"; then
    fail "$name" "expected $file:$line:$col: $sev: ... [$code]" "$ERR"
  elif [ -n "$says" ] && ! grep -q -F -e "$says" "$ERR"; then
    fail "$name" "the message does not say '$says'" "$ERR"
  else
    pass "$name"
  fi
}

