#!/usr/bin/env bash
# e2e/batch-collection — one XML file holding many documents: one PDF per
# entry named by the template, the same text as the document rendered on
# its own, diagnostics at the line of the collection file, a namespace
# prefix declared only on the collection root, template and naming errors.
# test-timeout: 90
. "$(dirname "$0")/../lib.sh"
. "$REPO/tests/batch-lib.sh"
need_folio
CMD_TIMEOUT=60

c="$T/cluster.xml"
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<!-- four protocols of one cluster -->'
  echo '<collection xmlns="urn:folio:collection" xmlns:p="urn:folio:protocol">'
  protocol_body 1
  protocol_body 2 | sed -e 's|<date>2021-04-09</date>|<date>2021-05-14</date>|'
  # entry 3: every element written with the prefix of the collection root
  protocol_body 3 | sed -e 's| xmlns="urn:folio:protocol"||' \
    -e 's|<\([a-z]\)|<p:\1|g' -e 's|</\([a-z]\)|</p:\1|g'
  # entry 4: a date that does not exist
  protocol_body 4 | sed -e 's|<date>2021-04-09</date>|<date>2021-02-30</date> <!-- DEFECT -->|'
  echo '</collection>'
} >"$c"
line=$(marker_line "$c")
out="$T/out"

folio batch "$c" -d "$out" --name '{type}-{number}-{date}.pdf' --manifest "$T/m.jsonl" -j 2
expect_rc collection-exit-1 1
missing=""
for f in protocol-1-2021-04-09 protocol-2-2021-05-14 protocol-3-2021-04-09; do
  qpdf_ok "$out/$f.pdf" || missing="$missing $f"
done
if [ -z "$missing" ]; then pass collection-outputs-named-by-template; else fail collection-outputs-named-by-template "missing or damaged:$missing" "$ERR"; fi
if [ "$(ls "$out" | wc -l)" -eq 3 ]; then pass collection-no-output-for-bad-entry; else fail collection-no-output-for-bad-entry "expected 3 files in $out" "$ERR"; fi
if grep -q -E "^$c:$line:[0-9]+: error: .*2021-02-30" "$ERR"; then
  pass collection-diagnostic-at-collection-line
else
  fail collection-diagnostic-at-collection-line "expected $c:$line:COL: error about 2021-02-30" "$ERR"
fi
if grep -q '3 done, 0 skipped, 1 failed' "$ERR"; then pass collection-summary; else fail collection-summary "expected 3 done, 1 failed" "$ERR"; fi
manifest_check "$T/m.jsonl" >"$T/mc" 2>&1 && pass collection-manifest-valid || fail collection-manifest-valid "manifest" "$T/mc"
if python3 -c '
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
sys.exit(not ([r["entry"] for r in rs] == [1, 2, 3, 4] and
              [r["status"] for r in rs] == ["done"] * 3 + ["failed"]))' "$T/m.jsonl"; then
  pass collection-manifest-entries
else
  fail collection-manifest-entries "expected entries 1-4, the last failed" "$T/m.jsonl"
fi

# the entry's PDF says what the same document says rendered on its own
{ echo '<?xml version="1.0" encoding="UTF-8"?>'; protocol_body 2 | sed -e 's|<date>2021-04-09</date>|<date>2021-05-14</date>|'; } >"$T/alone.xml"
folio render "$T/alone.xml" -o "$T/alone.pdf"
pdftotext "$T/alone.pdf" "$T/alone.txt"
pdftotext "$out/protocol-2-2021-05-14.pdf" "$T/entry.txt"
if [ "$RC" -eq 0 ] && [ -s "$T/alone.txt" ] && cmp -s "$T/alone.txt" "$T/entry.txt"; then
  pass collection-entry-same-text-as-alone
else
  diff "$T/alone.txt" "$T/entry.txt" >"$T/d"
  fail collection-entry-same-text-as-alone "texts differ" "$T/d"
fi
# the prefixed entry is a protocol like the others
if pdftotext "$out/protocol-3-2021-04-09.pdf" - | grep -q 'ПРОТОКОЛ'; then
  pass collection-prefixed-entry
else
  fail collection-prefixed-entry "protocol-3 does not read as a protocol"
fi

# default names: {source}-{index}.pdf; the collection's name="" attribute
folio batch "$c" -d "$T/default" --force-rules
if [ -f "$T/default/cluster-1.pdf" ] && [ -f "$T/default/cluster-3.pdf" ]; then
  pass collection-default-names
else
  fail collection-default-names "expected cluster-1.pdf ... cluster-3.pdf" "$ERR"
fi
sed -e 's|<collection |<collection name="{@form}-{people/person/surname}-{index}" |' "$c" >"$T/named.xml"
folio batch "$T/named.xml" -d "$T/named"
if [ -f "$T/named/full-Матвеев-2.pdf" ]; then
  pass collection-name-attribute
else
  fail collection-name-attribute "expected full-Матвеев-2.pdf: $(ls "$T/named" | tr '\n' ' ')" "$ERR"
fi

# a field the entries do not have: each entry fails, with its line
folio batch "$c" -d "$T/nofield" --name '{nosuch}.pdf'
if [ "$RC" -eq 1 ] && [ "$(grep -c 'field {nosuch} has no value' "$ERR")" -eq 4 ] &&
   grep -q -E "^$c:4:1: error: " "$ERR"; then
  pass collection-missing-field
else
  fail collection-missing-field "expected 4 errors, the first at $c:4:1" "$ERR"
fi
# a template that gives every entry the same name
folio batch "$c" -d "$T/same" --name 'same.pdf'
expect_rc collection-name-collision-exit-2 2
expect_no_file collection-name-collision-writes-nothing "$T/same"

# a name template (here from the document itself) cannot leave the
# output directory
sed -e 's|<collection |<collection name="../{number}" |' "$c" >"$T/escape.xml"
mkdir -p "$T/esc/out"
folio batch "$T/escape.xml" -d "$T/esc/out"
if [ "$RC" -eq 1 ] && [ "$(grep -c 'would leave the output directory' "$ERR")" -eq 4 ] &&
   [ "$(ls "$T/esc")" = out ] && [ -z "$(ls "$T/esc/out")" ]; then
  pass collection-name-cannot-escape
else
  fail collection-name-cannot-escape "expected 4 errors and nothing written" "$ERR"
fi

# a collection that is not well-formed is one failure with its line
printf '<collection xmlns="urn:folio:collection">\n<a>\n</collection>\n' >"$T/bad.xml"
folio batch "$T/bad.xml" "$T/alone.xml" -d "$T/bad"
if [ "$RC" -eq 1 ] && grep -q -E "^$T/bad.xml:3:[0-9]+: error: " "$ERR" && [ -f "$T/bad/alone.pdf" ]; then
  pass collection-malformed
else
  fail collection-malformed "expected bad.xml:3 error, alone.pdf rendered" "$ERR"
fi

finish
