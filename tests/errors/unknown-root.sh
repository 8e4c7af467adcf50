#!/usr/bin/env bash
# errors/unknown-root — well-formed XML whose root names no folio document
# type (an unknown urn:folio:T, no namespace, a foreign namespace): there is
# no schema for it, so exit 2 with one error line and no output.
. "$(dirname "$0")/../lib.sh"
need_folio

mkdir -p "$T/o"
for name in unknown-namespace no-namespace foreign-namespace; do
  in=tests/errors/$name.xml
  folio render "$in" -o "$T/o/$name.pdf"
  expect_rc "$name/render-exit-2" 2
  expect_one_line "$name/render-one-line"
  expect_no_file "$name/render-no-output" "$T/o/$name.pdf"
  folio validate "$in"
  expect_rc "$name/validate-exit-2" 2
  folio transform "$in"
  expect_rc "$name/transform-exit-2" 2
done
expect_clean_dir no-output-at-all "$T/o"

finish
