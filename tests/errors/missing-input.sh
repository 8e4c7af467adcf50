#!/usr/bin/env bash
# errors/missing-input — an input file that does not exist: exit 2 with one
# error line naming it, for every subcommand, and no output.
. "$(dirname "$0")/../lib.sh"
need_folio

in=tests/errors/no-such-file.xml
mkdir -p "$T/o"

# check_missing NAME — after a run on $in.
check_missing() {
  expect_rc "$1/exit-2" 2
  expect_one_line "$1/one-line"
  if grep -q -F -e "no-such-file" "$ERR"; then
    pass "$1/names-file"
  else
    fail "$1/names-file" "the error does not name the file" "$ERR"
  fi
}

folio render "$in" -o "$T/o/out.pdf"
check_missing render
expect_no_file render/no-output "$T/o/out.pdf"

folio validate "$in"
check_missing validate

folio transform "$in" -o "$T/o/out.fo"
check_missing transform
expect_no_file transform/no-output "$T/o/out.fo"

folio fo tests/errors/no-such-file.fo -o "$T/o/out.pdf"
expect_rc fo/exit-2 2
expect_one_line fo/one-line
expect_clean_dir no-output-at-all "$T/o"

finish
