#!/usr/bin/env bash
# errors/schema — well-formed protocols that break the schema in one place
# (tests/errors/schema-*.xml, each valid-protocol.xml with one defect on the
# line marked DEFECT): exit 1, the first FILE:LINE:COL: error: line points
# at the defect, no output — and an existing target is left alone.
. "$(dirname "$0")/../lib.sh"
need_folio

mkdir -p "$T/o"

# The control: without the defect the document is fine.
base=tests/errors/valid-protocol.xml
folio validate "$base"
expect_rc control/validate-exit-0 0
folio render "$base" -o "$T/o/control.pdf"
expect_rc control/render-exit-0 0
expect_pdf control/render-pdf "$T/o/control.pdf"
rm -f "$T/o/control.pdf"

shopt -s nullglob
for in in tests/errors/schema-*.xml; do
  name=$(basename "$in" .xml)
  name=${name#schema-}
  line=$(marker_line "$in")
  if [ -z "$line" ]; then
    fail "$name" "$in has no <!-- DEFECT --> marker"
    continue
  fi

  folio validate "$in"
  expect_rc "$name/validate-exit-1" 1
  expect_diag "$name/validate-diagnostic" "$in" "$line"

  folio render "$in" -o "$T/o/out.pdf"
  expect_rc "$name/render-exit-1" 1
  expect_diag "$name/render-diagnostic" "$in" "$line"
  expect_no_file "$name/render-no-output" "$T/o/out.pdf"

  folio transform "$in"
  expect_rc "$name/transform-exit-1" 1
done

# A failed render leaves an existing target as it was, and no temp files.
printf 'previous contents\n' >"$T/keep.ref"
cp "$T/keep.ref" "$T/o/keep.pdf"
folio render tests/errors/schema-bad-date.xml -o "$T/o/keep.pdf"
expect_rc existing-target/exit-1 1
if cmp -s "$T/keep.ref" "$T/o/keep.pdf"; then
  pass existing-target/untouched
else
  fail existing-target/untouched "$T/o/keep.pdf was overwritten or removed"
fi
expect_clean_dir existing-target/no-temp-files "$T/o" keep.pdf

# validate with several files: exit 1 if any is invalid, and every
# invalid one is reported.
folio validate "$base" tests/errors/schema-bad-date.xml tests/errors/schema-dangling-ref.xml
expect_rc validate-several-exit-1 1
if grep -q -F 'tests/errors/schema-bad-date.xml:' "$ERR" && grep -q -F 'tests/errors/schema-dangling-ref.xml:' "$ERR" \
   && ! grep -q -F "$base:" "$ERR"; then
  pass validate-several-reports-each
else
  fail validate-several-reports-each "expected errors for both invalid files and none for the valid one" "$ERR"
fi

finish
