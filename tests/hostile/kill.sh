#!/usr/bin/env bash
# hostile/kill — a batch of 200 small documents killed with SIGKILL at
# random moments ten times, then run to the end: after every kill each PDF
# on disk is complete (qpdf --check), no worker outlives the batch, and the
# final set of PDFs is byte for byte the set an uninterrupted run makes
# (SOURCE_DATE_EPOCH pins the dates, so the bytes are reproducible).
# KILL_SEED=N repeats one sequence of kill moments.
# test-timeout: 240
. "$(dirname "$0")/../lib.sh"
. "$REPO/tests/batch-lib.sh"
need_folio
CMD_TIMEOUT=120

RANDOM=${KILL_SEED:-$$}
echo "kill moments seeded with RANDOM=${KILL_SEED:-$$}"
in="$T/in"
gen_protocols "$in" 200
out="$T/out"

# the reference: one run, not interrupted
folio batch "$in" -d "$T/ref" -j 2 -q
expect_rc reference-run 0
tree_sums "$T/ref" >"$T/ref.sums"

partial=0 damaged=0 strays=0 visible=0
declare -A checked
for round in 1 2 3 4 5 6 7 8 9 10; do
  "$FOLIO" batch "$in" -d "$out" -j 2 -q --manifest "$T/m.jsonl" >/dev/null 2>&1 </dev/null &
  pid=$!
  ms=$((RANDOM % 600 + 200))
  sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  sleep 0.1
  # workers die with the batch (PR_SET_PDEATHSIG)
  if pgrep -f -- "$in" >/dev/null; then
    strays=$((strays + 1))
    pgrep -a -f -- "$in" | sed 's/^/    /'
  fi
  n=0
  for f in "$out"/*.pdf; do
    [ -e "$f" ] || continue
    n=$((n + 1))
    # a PDF already found complete is checked again only if it changed
    id=$(stat -c '%i %s %Y' "$f")
    [ "${checked[$f]:-}" = "$id" ] && continue
    checked[$f]=$id
    if ! qpdf_ok "$f"; then
      damaged=$((damaged + 1))
      echo "round $round: damaged $f"
    fi
  done
  # anything else is a hidden temporary file, never a visible one
  other=$(find "$out" -mindepth 1 ! -name '*.pdf' ! -name '.*' 2>/dev/null | wc -l)
  visible=$((visible + other))
  echo "round $round: $n complete PDFs"
  [ "$n" -gt 0 ] && [ "$n" -lt 200 ] && partial=$((partial + 1))
done
[ "$damaged" -eq 0 ] && pass every-pdf-complete-after-kills || fail every-pdf-complete-after-kills "$damaged damaged PDFs"
[ "$strays" -eq 0 ] && pass no-worker-outlives-a-kill || fail no-worker-outlives-a-kill "workers still running after $strays kills"
[ "$visible" -eq 0 ] && pass no-visible-partial-files || fail no-visible-partial-files "$visible files that are neither PDFs nor hidden"
# the test means something only if some kills hit the middle of the work
[ "$partial" -gt 0 ] && pass kills-hit-mid-batch || fail kills-hit-mid-batch "no kill left a partial set"

folio batch "$in" -d "$out" -j 2 --manifest "$T/m.jsonl" --progress=plain
expect_rc resumed-run 0
tree_sums "$out" >"$T/out.sums"
if cmp -s "$T/ref.sums" "$T/out.sums"; then
  pass resumed-equals-uninterrupted
else
  diff "$T/ref.sums" "$T/out.sums" >"$T/d"
  fail resumed-equals-uninterrupted "the PDFs differ from an uninterrupted run" "$T/d"
fi
left=$(find "$out" -name '.*' | wc -l)
[ "$left" -eq 0 ] && pass no-temp-files-after-resume || fail no-temp-files-after-resume "$left temporary files left"
if [ "$(wc -l <"$T/m.jsonl")" -eq 200 ] && manifest_check "$T/m.jsonl" >"$T/mc" 2>&1; then
  pass resumed-manifest-complete
else
  fail resumed-manifest-complete "manifest of the resumed run" "$T/mc"
fi

finish
