#!/usr/bin/env bash
# errors/overflow — a word wider than its column (a few ems wide) is cut at
# the edge instead of running into the next cell (in degenerate widths it
# overflows, as in FOP); one warning with the block's line; a PDF is written.
. "$(dirname "$0")/../lib.sh"
need_folio

fo=tests/golden/word-overflow.fo
folio fo "$fo" -o "$T/o.pdf"
expect_rc exit-0 0
expect_warning warns-with-line "$fo" 12 "is cut at its edge"
if [ "$(grep -c "wider than" "$ERR")" -eq 1 ]; then pass warns-once; else fail warns-once "expected one warning" "$ERR"; fi
expect_pdf pdf-written "$T/o.pdf"
finish
