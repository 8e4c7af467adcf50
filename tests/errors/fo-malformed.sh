#!/usr/bin/env bash
# errors/fo-malformed — `folio fo` on an FO file that is not well-formed:
# exit 1, a FILE:LINE:COL: error: line at the known line, no PDF.
. "$(dirname "$0")/../lib.sh"
need_folio

in=tests/errors/malformed.fo
line=$(marker_line "$in")
mkdir -p "$T/o"

folio fo "$in" -o "$T/o/out.pdf"
expect_rc exit-1 1
expect_diag diagnostic "$in" "$line"
expect_no_file no-output "$T/o/out.pdf"
expect_clean_dir no-temp-files "$T/o"

folio fo "$in" --dump-areas "$T/o/areas.txt"
expect_rc dump-exit-1 1
expect_clean_dir dump-no-output "$T/o"

finish
