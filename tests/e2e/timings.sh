#!/usr/bin/env bash
# e2e/timings — `folio render --timings`: one note per document with the
# wall time of each stage, and of the thread loading fonts and hyphenation
# beside them (the first document of a run); the PDF does not change; a second document of
# the same type in the same run reuses the compiled schema and stylesheet
# (no compile stages in its note); a document that fails validation still
# gets its note after its errors, and no stylesheet error (the stylesheet
# is compiled beside the validation, its problems only count for a valid
# document).
. "$(dirname "$0")/../lib.sh"
need_folio

doc=tests/errors/valid-protocol.xml
num='[0-9]+\.[0-9] ms'

folio render "$doc" -o "$T/plain.pdf"
expect_rc plain-exit 0
folio render --timings "$doc" -o "$T/timed.pdf"
expect_rc timed-exit 0
if [ "$(wc -l <"$ERR")" -eq 1 ] &&
   grep -q -E "^$doc: note: timings: load $num, schema $num, .*xslt-compile $num, .*transform $num, fo-tree $num, .*layout $num, render $num, post $num, write $num, total $num; fonts and hyphenation loaded beside in $num\$" "$ERR"; then
  pass one-note
else
  fail one-note "expected one 'timings:' note naming every stage" "$ERR"
fi
# stages the main thread runs one after the other fit in the total
if awk '{ for (i = 1; i <= NF; i++) v[$i] = $(i + 1) + 0 }
        END { exit !(v["total"] >= v["transform"] + v["layout"] + v["render"] + v["post"]) }' \
       FS='[ ,]+' "$ERR"; then
  pass total-covers-stages
else
  fail total-covers-stages "total is less than transform + layout + render + post" "$ERR"
fi
if cmp -s "$T/plain.pdf" "$T/timed.pdf"; then
  pass same-pdf
else
  fail same-pdf "--timings changed the PDF"
fi

# two documents of one type: the second compiles nothing
mkdir -p "$T/in" "$T/out"
cp "$doc" "$T/in/a.xml"
cp "$doc" "$T/in/b.xml"
folio render --timings "$T/in/a.xml" "$T/in/b.xml" -d "$T/out"
expect_rc two-exit 0
if [ "$(grep -c 'timings:' "$ERR")" -eq 2 ] &&
   grep "in/a.xml: note: timings:" "$ERR" | grep -q xslt-compile &&
   grep "in/a.xml: note: timings:" "$ERR" | grep -q 'loaded beside' &&
   ! grep "in/b.xml: note: timings:" "$ERR" | grep -q -E 'xslt-compile|schema|loaded beside'; then
  pass warm-second
else
  fail warm-second "the second document should show no schema, xslt-compile or loading beside" "$ERR"
fi
if cmp -s "$T/out/a.pdf" "$T/out/b.pdf" && cmp -s "$T/out/a.pdf" "$T/plain.pdf"; then
  pass warm-same-pdf
else
  fail warm-same-pdf "a warm session renders other bytes than a cold one"
fi

# an invalid document: its schema error, then the note; nothing from XSLT
folio render --timings tests/errors/schema-bad-date.xml -o "$T/bad.pdf"
expect_rc invalid-exit 1
if grep -q -E '^tests/errors/schema-bad-date.xml:[0-9]+:[0-9]+: error: ' "$ERR" &&
   tail -n 1 "$ERR" | grep -q 'note: timings:' &&
   ! grep -v -e '^tests/errors/schema-bad-date.xml:[0-9]*:[0-9]*: error: ' \
             -e '^tests/errors/schema-bad-date.xml: note: timings: ' "$ERR" | grep -q . &&
   [ ! -e "$T/bad.pdf" ]; then
  pass invalid-errors-then-note
else
  fail invalid-errors-then-note "expected the schema error, then the note, no PDF" "$ERR"
fi

finish
