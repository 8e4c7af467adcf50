#!/usr/bin/env bash
# e2e/batch-crash — a worker that crashes (abort() through the test hook
# FOLIO_TEST_CRASH, see src/batch.c) costs only its document: the others
# are rendered, the crash is reported against that document, the worker is
# replaced, the exit status is 1.  Also --timeout.
# test-timeout: 90
. "$(dirname "$0")/../lib.sh"
. "$REPO/tests/batch-lib.sh"
need_folio
CMD_TIMEOUT=60

in="$T/in"
gen_protocols "$in" 6

for j in 1 2; do
  out="$T/out$j"
  FOLIO_TEST_CRASH=p-0003.xml folio batch "$in" -d "$out" -j $j --manifest "$T/m$j.jsonl"
  unset FOLIO_TEST_CRASH
  expect_rc crash-j$j-exit-1 1
  n=$(ls "$out" | wc -l)
  if [ "$n" -eq 5 ] && [ ! -e "$out/p-0003.pdf" ] && all_pdfs_ok "$out" >"$T/q"; then
    pass crash-j$j-others-rendered
  else
    fail crash-j$j-others-rendered "expected 5 good PDFs, got $n" "$ERR"
  fi
  if grep -q -E "^$in/p-0003.xml: error: .*crashed \\(signal 6" "$ERR" &&
     grep -q '5 done, 0 skipped, 1 failed' "$ERR"; then
    pass crash-j$j-reported
  else
    fail crash-j$j-reported "expected the crash reported for p-0003.xml and 1 failed" "$ERR"
  fi
  if grep -q '"status":"failed"' "$T/m$j.jsonl" && [ "$(grep -c '"status":"done"' "$T/m$j.jsonl")" -eq 5 ]; then
    pass crash-j$j-manifest
  else
    fail crash-j$j-manifest "expected 5 done and 1 failed" "$T/m$j.jsonl"
  fi
  expect_clean_dir crash-j$j-no-temp-files "$out" p-0001.pdf p-0002.pdf p-0004.pdf p-0005.pdf p-0006.pdf
done

# without the hook, the next run renders the one that crashed and skips the rest
folio batch "$in" -d "$T/out1" --progress=plain
if [ "$RC" -eq 0 ] && grep -q '1 done, 5 skipped' "$ERR" && qpdf_ok "$T/out1/p-0003.pdf"; then
  pass crash-rerun-finishes
else
  fail crash-rerun-finishes "expected p-0003 rendered, 5 skipped" "$ERR"
fi

# --timeout: the long seed document takes far more than 0.2 s
long="$REPO/input/guidance-cluster-specialised-organisation.xml"
folio batch "$long" "$in/p-0001.xml" -d "$T/slow" --timeout 0.2 -j 2
if [ "$RC" -eq 1 ] && grep -q 'gave up after' "$ERR" && [ -f "$T/slow/p-0001.pdf" ] &&
   [ ! -e "$T/slow/guidance-cluster-specialised-organisation.pdf" ]; then
  pass timeout-gives-up
else
  fail timeout-gives-up "expected the long document to time out and p-0001 rendered" "$ERR"
fi
expect_clean_dir timeout-no-temp-files "$T/slow" p-0001.pdf

finish
