#!/usr/bin/env bash
# e2e/batch-pdfa — the post stage's options in folio batch: PDF/A level,
# the attached source, and why a collection entry cannot attach its source
# yet.
# test-timeout: 90
. "$(dirname "$0")/../lib.sh"
. "$REPO/tests/batch-lib.sh"
need_folio
CMD_TIMEOUT=60

in="$T/in"
gen_protocols "$in" 2

folio batch "$in" -d "$T/a2"
if [ "$RC" -eq 0 ] && pdfinfo -meta "$T/a2/p-0001.pdf" | grep -q 'pdfaid:part.*2\|<pdfaid:part>2<'; then
  pass default-pdfa-2
else
  fail default-pdfa-2 "no PDF/A-2 identification in p-0001.pdf" "$ERR"
fi

folio batch "$in" -d "$T/a3" --pdfa=3b
if [ "$RC" -eq 0 ] && pdfdetach -list "$T/a3/p-0002.pdf" | grep -q 'p-0002.xml' &&
   pdfinfo -meta "$T/a3/p-0002.pdf" | grep -q 'pdfaid:part.*3\|<pdfaid:part>3<'; then
  pass pdfa-3b-attaches-source
else
  fail pdfa-3b-attaches-source "p-0002.pdf is not PDF/A-3 with p-0002.xml attached" "$ERR"
fi
pdfdetach -save 1 -o "$T/back.xml" "$T/a3/p-0002.pdf" >/dev/null 2>&1
if cmp -s "$T/back.xml" "$in/p-0002.xml"; then pass attached-source-is-the-input; else fail attached-source-is-the-input "the attachment differs from the input"; fi

folio batch "$in" -d "$T/u" --attach-source
expect_rc attach-needs-pdfa-3 2
expect_one_line attach-needs-pdfa-3-one-line

c="$T/cluster.xml"
{ echo '<collection xmlns="urn:folio:collection">'; protocol_body 1; protocol_body 2; echo '</collection>'; } >"$c"
folio batch "$c" -d "$T/c3" --pdfa=3b
if [ "$RC" -eq 1 ] && [ "$(grep -c -E "^$c:[0-9]+:[0-9]+: error: the source of a collection entry cannot be attached" "$ERR")" -eq 2 ] &&
   [ -z "$(ls -A "$T/c3" 2>/dev/null)" ]; then
  pass collection-entry-attach-refused
else
  fail collection-entry-attach-refused "expected both entries refused, nothing written" "$ERR"
fi
folio batch "$c" -d "$T/c3n" --pdfa=3b --no-attach-source
if [ "$RC" -eq 0 ] && [ -f "$T/c3n/cluster-2.pdf" ] && ! pdfdetach -list "$T/c3n/cluster-2.pdf" | grep -q xml; then
  pass collection-no-attach-source
else
  fail collection-no-attach-source "expected cluster-2.pdf without attachment" "$ERR"
fi

finish
