#!/usr/bin/env bash
# errors/unwritable — an output that cannot be written (a missing directory,
# a path that is a directory): exit 2 with one error line, nothing created.
. "$(dirname "$0")/../lib.sh"
need_folio

doc=tests/errors/valid-protocol.xml
fo=tests/errors/minimal.fo
mkdir -p "$T/dir"

folio render "$doc" -o /nonexistent/dir/x.pdf
expect_rc render-missing-dir-exit-2 2
expect_one_line render-missing-dir-one-line

folio render "$doc" -o "$T/dir"
expect_rc render-to-directory-exit-2 2
expect_one_line render-to-directory-one-line
if [ -d "$T/dir" ]; then pass render-to-directory-kept; else fail render-to-directory-kept "the directory was replaced"; fi
expect_clean_dir render-to-directory-nothing-inside "$T/dir"

folio transform "$doc" -o /nonexistent/dir/x.fo
expect_rc transform-missing-dir-exit-2 2
expect_one_line transform-missing-dir-one-line

folio fo "$fo" -o /nonexistent/dir/x.pdf
expect_rc fo-missing-dir-exit-2 2
expect_one_line fo-missing-dir-one-line

folio fo "$fo" --dump-areas /nonexistent/dir/areas.txt
expect_rc dump-missing-dir-exit-2 2
expect_one_line dump-missing-dir-one-line

finish
