#!/usr/bin/env bash
# e2e/batch — folio batch: inputs (directory, glob, @list), outputs that
# pass qpdf --check, the manifest (JSON, sha256sum, pdfinfo pages),
# incremental runs (skip, touch, --force, --changed-only), a broken
# document among good ones, progress modes, usage errors.
# test-timeout: 120
. "$(dirname "$0")/../lib.sh"
. "$REPO/tests/batch-lib.sh"
need_folio
CMD_TIMEOUT=60

in="$T/in"
gen_protocols "$in" 6
mkdir -p "$in/sub"
gen_protocols "$in/sub" 2 50
out="$T/out"

# --- a directory, recursively ---------------------------------------------

folio batch "$in" -d "$out" -j 2 --manifest "$T/m.jsonl"
expect_rc dir-exit 0
n=$(find "$out" -name '*.pdf' | wc -l)
if [ "$n" -eq 8 ]; then pass dir-all-outputs; else fail dir-all-outputs "expected 8 PDFs, found $n" "$ERR"; fi
if [ -f "$out/sub/p-0050.pdf" ] && [ -f "$out/p-0001.pdf" ]; then
  pass dir-keeps-subdirectories
else
  fail dir-keeps-subdirectories "expected out/sub/p-0050.pdf and out/p-0001.pdf" "$ERR"
fi
all_pdfs_ok "$out" >"$T/q" && pass outputs-pass-qpdf-check || fail outputs-pass-qpdf-check "qpdf --check" "$T/q"
if pdftotext "$out/p-0003.pdf" - | grep -q 'выпуск 3\.'; then
  pass output-has-its-own-text
else
  fail output-has-its-own-text "p-0003.pdf does not say 'выпуск 3.'"
fi
expect_clean_dir no-temp-files "$out" sub $(cd "$out" && ls)

manifest_check "$T/m.jsonl" >"$T/mc" 2>&1 && pass manifest-valid || fail manifest-valid "manifest" "$T/mc"
if [ "$(wc -l <"$T/m.jsonl")" -eq 8 ] && [ "$(grep -c '"status":"done"' "$T/m.jsonl")" -eq 8 ]; then
  pass manifest-one-line-per-document
else
  fail manifest-one-line-per-document "expected 8 lines, all done" "$T/m.jsonl"
fi
if [ ! -e "$T/m.jsonl.part" ]; then pass manifest-part-removed; else fail manifest-part-removed "m.jsonl.part left"; fi

# --- incremental: nothing changed, so nothing is rendered -------------------

stamp() { stat -c '%i %Y.%y' "$out"/p-*.pdf "$out"/sub/*.pdf; }
stamp >"$T/before"
sleep 0.05
folio batch "$in" -d "$out" --manifest "$T/m.jsonl" --progress=plain
expect_rc rerun-exit 0
stamp >"$T/after"
if cmp -s "$T/before" "$T/after" && [ "$(grep -c ' skip ' "$ERR")" -eq 8 ]; then
  pass rerun-skips-everything
else
  fail rerun-skips-everything "outputs were rewritten or not reported as skipped" "$ERR"
fi
if grep -q '8 skipped, 0 failed' "$ERR"; then pass rerun-summary; else fail rerun-summary "no '8 skipped' in the summary" "$ERR"; fi
manifest_check "$T/m.jsonl" >"$T/mc" 2>&1 && pass rerun-manifest-valid || fail rerun-manifest-valid "manifest" "$T/mc"
if python3 -c '
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
sys.exit(not all(r["status"] == "skipped" and r["pages"] == 1 for r in rs))' "$T/m.jsonl"; then
  pass skipped-keep-pages-from-manifest
else
  fail skipped-keep-pages-from-manifest "skipped records lack pages" "$T/m.jsonl"
fi

# touching one source redoes that one only
sleep 0.05
touch "$in/p-0002.xml"
folio batch "$in" -d "$out" --progress=plain
if [ "$RC" -eq 0 ] && grep -q 'ok   .*p-0002.xml' "$ERR" && grep -q '1 done, 7 skipped' "$ERR"; then
  pass touched-source-redone
else
  fail touched-source-redone "expected p-0002 redone and 7 skipped" "$ERR"
fi

# --force redoes everything
folio batch "$in" -d "$out" --force --progress=plain
if [ "$RC" -eq 0 ] && grep -q '8 done, 0 skipped' "$ERR"; then pass force-redoes; else fail force-redoes "expected 8 done" "$ERR"; fi

# a missing output is rendered again
rm "$out/p-0004.pdf"
folio batch "$in" -d "$out" --progress=plain
if grep -q '1 done, 7 skipped' "$ERR" && qpdf_ok "$out/p-0004.pdf"; then
  pass missing-output-redone
else
  fail missing-output-redone "p-0004.pdf not rendered again" "$ERR"
fi

# the data directory's modules: schemas/requisites.xsd, included by
# order.xsd, is no document type of its own but a shared file, which every
# type depends on (an order that includes it must be redone); a type's own
# file (order.xsd, known as a type by its target namespace) redoes that
# type only
data="$T/data"
mkdir -p "$data" "$T/mod-in"
cp -r "$REPO/schemas" "$REPO/stylesheets" "$data/"
gen_protocols "$T/mod-in" 1
cp "$REPO/input/order-2018-smolensk.xml" "$T/mod-in/order.xml"
folio batch "$T/mod-in" -d "$T/mod-out" --data-dir "$data" --progress=plain
expect_rc modules-first-exit 0
sleep 0.05
touch "$data/schemas/requisites.xsd"
folio batch "$T/mod-in" -d "$T/mod-out" --data-dir "$data" --progress=plain
if [ "$RC" -eq 0 ] && grep -q 'ok   .*order.xml' "$ERR" && grep -q '2 done, 0 skipped' "$ERR"; then
  pass shared-module-redoes-order
else
  fail shared-module-redoes-order "expected order.xml (and the protocol) redone" "$ERR"
fi
sleep 0.05
touch "$data/schemas/order.xsd"
folio batch "$T/mod-in" -d "$T/mod-out" --data-dir "$data" --progress=plain
if [ "$RC" -eq 0 ] && grep -q 'ok   .*order.xml' "$ERR" && grep -q '1 done, 1 skipped' "$ERR"; then
  pass type-schema-redoes-its-type
else
  fail type-schema-redoes-its-type "expected order.xml redone and the protocol skipped" "$ERR"
fi

# --changed-only: a touch without a change is not a change; an edit is
folio batch "$in" -d "$out" --manifest "$T/h.jsonl" --changed-only
sleep 0.05
touch "$in"/*.xml
folio batch "$in" -d "$out" --manifest "$T/h.jsonl" --changed-only --progress=plain
if [ "$RC" -eq 0 ] && grep -q '0 done, 8 skipped' "$ERR"; then
  pass changed-only-ignores-touch
else
  fail changed-only-ignores-touch "expected 8 skipped" "$ERR"
fi
sed -i 's/выпуск 5\./выпуск пять./' "$in/p-0005.xml"
folio batch "$in" -d "$out" --manifest "$T/h.jsonl" --changed-only --progress=plain
if grep -q '1 done, 7 skipped' "$ERR" && pdftotext "$out/p-0005.pdf" - | grep -q 'выпуск пять'; then
  pass changed-only-redoes-edit
else
  fail changed-only-redoes-edit "expected p-0005 redone" "$ERR"
fi
# a PDF changed behind folio's back does not match the recorded hash
printf '%%%% tampered\n' >>"$out/p-0006.pdf"
folio batch "$in" -d "$out" --manifest "$T/h.jsonl" --changed-only --progress=plain
if grep -q 'ok   .*p-0006.xml' "$ERR" && grep -q '1 done, 7 skipped' "$ERR"; then
  pass changed-only-redoes-tampered-pdf
else
  fail changed-only-redoes-tampered-pdf "expected p-0006 redone" "$ERR"
fi

# --- one broken document among good ones --------------------------------------

mixed="$T/mixed"
gen_protocols "$mixed" 3
cp tests/errors/malformed.xml "$mixed/broken.xml"
line=$(marker_line "$mixed/broken.xml")
folio batch "$mixed" -d "$T/mixed-out" -j 2 --manifest "$T/mixed.jsonl"
expect_rc broken-exit-1 1
if [ "$(find "$T/mixed-out" -name 'p-*.pdf' | wc -l)" -eq 3 ] && [ ! -e "$T/mixed-out/broken.pdf" ]; then
  pass broken-others-done
else
  fail broken-others-done "expected the 3 good PDFs and no broken.pdf" "$ERR"
fi
if grep -q -E "^$mixed/broken.xml:$line:[0-9]+: error: " "$ERR" && grep -q '3 done, 0 skipped, 1 failed' "$ERR"; then
  pass broken-diagnostic-and-summary
else
  fail broken-diagnostic-and-summary "expected broken.xml:$line:COL: error and '1 failed'" "$ERR"
fi
if python3 -c '
import json, sys
rs = {json.loads(l)["input"].rsplit("/", 1)[1]: json.loads(l) for l in open(sys.argv[1])}
b = rs["broken.xml"]
sys.exit(not (b["status"] == "failed" and b["sha256"] is None and
              any(":%s:" % sys.argv[2] in d for d in b["diagnostics"])))' "$T/mixed.jsonl" "$line"; then
  pass broken-in-manifest
else
  fail broken-in-manifest "no failed record with the diagnostic" "$T/mixed.jsonl"
fi
expect_clean_dir broken-no-temp-files "$T/mixed-out" p-0001.pdf p-0002.pdf p-0003.pdf

# -q: only the failure
folio batch "$mixed" -d "$T/mixed-out" -q --force
if [ "$RC" -eq 1 ] && ! grep -q -E 'ok |skip |p-000' "$ERR" && grep -q 'broken.xml' "$ERR"; then
  pass quiet-only-failures
else
  fail quiet-only-failures "-q printed more than the failure" "$ERR"
fi
folio batch "$in" -d "$out" -q
if [ "$RC" -eq 0 ] && [ ! -s "$ERR" ]; then pass quiet-silent-when-fine; else fail quiet-silent-when-fine "-q printed something" "$ERR"; fi

# --- other inputs: glob, @list, plain files --------------------------------------

folio batch "$in/p-000[12].xml" -d "$T/glob" --progress=plain
if [ "$RC" -eq 0 ] && [ "$(ls "$T/glob" | wc -l)" -eq 2 ]; then pass glob-input; else fail glob-input "expected 2 PDFs" "$ERR"; fi
printf '# the list\n%s\n\n%s\n' "$in/p-0003.xml" "$in/sub" >"$T/list.txt"
folio batch "@$T/list.txt" -d "$T/list" --progress=plain
if [ "$RC" -eq 0 ] && [ -f "$T/list/p-0003.pdf" ] && [ -f "$T/list/p-0050.pdf" ] && [ -f "$T/list/p-0051.pdf" ]; then
  pass list-input
else
  fail list-input "expected p-0003, p-0050, p-0051" "$ERR"
fi

# --- usage errors: exit 2, nothing written -------------------------------------

folio batch "$in"
expect_rc usage-needs-dir 2
folio batch "$T/nope.xml" -d "$T/u1"
expect_rc usage-missing-input 2
expect_no_file usage-missing-input-writes-nothing "$T/u1"
mkdir -p "$T/other"
cp "$in/p-0002.xml" "$T/other/p-0001.xml"
folio batch "$in/p-0001.xml" "$T/other/p-0001.xml" -d "$T/u2"
expect_rc usage-two-inputs-one-output 2
expect_no_file usage-two-inputs-one-output-writes-nothing "$T/u2"
folio batch "$in/p-0001.xml" "$in/sub/../p-0001.xml" "$in/p-000[1].xml" -d "$T/u5" --progress=plain
if [ "$RC" -eq 0 ] && grep -q '1 done, 0 skipped' "$ERR"; then
  pass same-file-named-twice-rendered-once
else
  fail same-file-named-twice-rendered-once "expected 1 done" "$ERR"
fi
folio batch "$in" -d "$T/u3" --changed-only
expect_rc usage-changed-only-needs-manifest 2
folio batch "$in" -d "$T/u4" --shard 5/4
expect_rc usage-bad-shard 2
expect_one_line usage-bad-shard-one-line
folio batch "$in" -d "$T/u6" --no-such-option
expect_rc usage-unknown-option 2
expect_one_line usage-unknown-option-one-line
folio batch --help
if [ "$RC" -eq 0 ] && grep -q -- '--shard' "$OUT" && grep -q -- '--manifest' "$OUT"; then
  pass help
else
  fail help "folio batch --help" "$OUT"
fi

finish
