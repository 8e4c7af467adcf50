#!/usr/bin/env bash
# errors/malformed — a source XML that is not well-formed (mismatched end
# tag on a known line): exit 1, one FILE:LINE:COL: error: line pointing at
# that line, and no output left behind — not even over an existing file.
. "$(dirname "$0")/../lib.sh"
need_folio

in=tests/errors/malformed.xml
line=$(marker_line "$in")
mkdir -p "$T/o"

folio render "$in" -o "$T/o/out.pdf"
expect_rc render-exit-1 1
expect_diag render-diagnostic "$in" "$line"
expect_no_file render-no-output "$T/o/out.pdf"
expect_clean_dir render-no-temp-files "$T/o"

# A failed run leaves an existing target as it was.
printf 'previous contents\n' >"$T/keep.ref"
cp "$T/keep.ref" "$T/o/keep.pdf"
folio render "$in" -o "$T/o/keep.pdf"
expect_rc render-existing-target-exit-1 1
if cmp -s "$T/keep.ref" "$T/o/keep.pdf"; then
  pass render-existing-target-untouched
else
  fail render-existing-target-untouched "$T/o/keep.pdf was overwritten or removed"
fi
expect_clean_dir render-existing-target-no-temp-files "$T/o" keep.pdf
rm -f "$T/o/keep.pdf"

folio render "$in" -d "$T/o"
expect_rc render-dir-exit-1 1
expect_clean_dir render-dir-no-output "$T/o"

folio validate "$in"
expect_rc validate-exit-1 1
expect_diag validate-diagnostic "$in" "$line"

folio transform "$in" -o "$T/o/out.fo"
expect_rc transform-exit-1 1
expect_diag transform-diagnostic "$in" "$line"
expect_no_file transform-no-output "$T/o/out.fo"

folio transform "$in"
expect_rc transform-stdout-exit-1 1
if [ -s "$OUT" ]; then fail transform-stdout-empty "wrote to stdout" "$OUT"; else pass transform-stdout-empty; fi

finish
