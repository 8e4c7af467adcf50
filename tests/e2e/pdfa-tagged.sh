#!/usr/bin/env bash
# e2e/pdfa-tagged — PDF/A levels a: the structure tree cairo writes from the
# FO structure (src/render/tags.c) read back with pdfinfo -struct-text:
# headings from role=, paragraphs, lists (L/LI/Lbl/LBody), tables
# (Table/THead/TH/TR/TD), figures with /Alt from fox:alt-text, /Lang from
# xml:lang, MarkInfo; the text in reading order; qpdf --check and folio
# check pass; 3a carries the source too.
# test-timeout: 90
. "$(dirname "$0")/../lib.sh"
need_folio

# --- an FO document with every structure -------------------------------------
cat >"$T/s.fo" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"
         xmlns:fox="http://xmlgraphics.apache.org/fop/extensions" language="en">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="p" page-width="300pt" page-height="400pt" margin="20pt">
      <fo:region-body margin-top="20pt"/>
      <fo:region-before extent="15pt"/>
    </fo:simple-page-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="p">
    <fo:static-content flow-name="xsl-region-before">
      <fo:block text-align="center">page <fo:page-number/></fo:block>
    </fo:static-content>
    <fo:flow flow-name="xsl-region-body" font-size="10pt">
      <fo:block role="H1" font-weight="bold">Alpha heading</fo:block>
      <fo:block>Bravo paragraph text.</fo:block>
      <fo:list-block provisional-distance-between-starts="20pt">
        <fo:list-item>
          <fo:list-item-label end-indent="label-end()"><fo:block>1.</fo:block></fo:list-item-label>
          <fo:list-item-body start-indent="body-start()"><fo:block>Charlie item</fo:block></fo:list-item-body>
        </fo:list-item>
      </fo:list-block>
      <fo:table table-layout="fixed" width="100%">
        <fo:table-column column-width="50%"/><fo:table-column column-width="50%"/>
        <fo:table-header><fo:table-row>
          <fo:table-cell><fo:block>Delta head</fo:block></fo:table-cell>
          <fo:table-cell><fo:block>Echo head</fo:block></fo:table-cell>
        </fo:table-row></fo:table-header>
        <fo:table-body><fo:table-row>
          <fo:table-cell><fo:block>Foxtrot cell</fo:block></fo:table-cell>
          <fo:table-cell><fo:block>Golf cell</fo:block></fo:table-cell>
        </fo:table-row></fo:table-body>
      </fo:table>
      <fo:block><fo:instream-foreign-object fox:alt-text="A red square">
        <svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><rect width="20" height="20" fill="red"/></svg>
      </fo:instream-foreign-object></fo:block>
      <fo:block>Hotel last words.</fo:block>
    </fo:flow>
  </fo:page-sequence>
</fo:root>
EOF
folio fo "$T/s.fo" --pdfa=2a -o "$T/s.pdf"
expect_rc fo-2a-exit 0
check fo-2a-qpdf-check "qpdf --check reports problems" qpdf --check "$T/s.pdf" >/dev/null
pdfinfo -struct-text "$T/s.pdf" >"$T/st" 2>&1
# each text under its structure type, in this order
python3 - "$T/st" >"$T/order" 2>&1 <<'EOF'
import sys
want = [("H1", "Alpha heading"), ("P", "Bravo paragraph"), ("Lbl", "1."),
        ("LBody", "Charlie item"), ("TH", "Delta head"), ("TH", "Echo head"),
        ("TD", "Foxtrot cell"), ("TD", "Golf cell"), ("Figure", None),
        ("P", "Hotel last words")]
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
i = 0
tags = []   # stack of (indent, tag)
found = 0
for ln in lines:
    s = ln.strip()
    if not s:
        continue
    ind = len(ln) - len(ln.lstrip())
    while tags and tags[-1][0] >= ind:
        tags.pop()
    if s.startswith('"'):
        if found < len(want):
            tag, text = want[found]
            inner = [t for _, t in tags]
            if text and text in s and tag in inner:
                found += 1
    else:
        tags.append((ind, s.split()[0]))
        if found < len(want) and want[found][1] is None and s.split()[0] == want[found][0]:
            found += 1
need = ["Document", "L", "LI", "Table", "THead", "TBody", "TR"]
missing = [t for t in need if not any(l.strip().split(" ")[0] == t for l in lines if l.strip())]
print("found", found, "of", len(want), "missing", missing)
EOF
if grep -q '^found 10 of 10 missing \[\]$' "$T/order"; then
  pass structure-tree
else
  fail structure-tree "pdfinfo -struct-text lacks structure or order" "$T/order"
  sed 's/^/    /' "$T/st" | head -40
fi
qpdf --qdf --object-streams=disable "$T/s.pdf" "$T/s.qdf" 2>/dev/null
if grep -a -q '/Alt (A red square)' "$T/s.qdf"; then
  pass figure-alt
else
  fail figure-alt "the Figure has no /Alt from fox:alt-text"
fi
if grep -a -q '/Lang (en)' "$T/s.qdf" && grep -a -q -E '/Marked true' "$T/s.qdf"; then
  pass lang-markinfo
else
  fail lang-markinfo "no /Lang (en) or /MarkInfo << /Marked true >>"
fi
folio check "$T/s.pdf"
if [ "$RC" -eq 0 ] && grep -q -E '^  ok +PDF/A identification PDF/A-2A' "$OUT" &&
   grep -q -E '^  ok +tags +tagged \(structure tree, MarkInfo\), language en' "$OUT"; then
  pass check-2a
else
  fail check-2a "folio check on the 2a file" "$OUT"
fi

# --- a seed protocol at 3a ---------------------------------------------------------
SRC=input/protocol-2021-tomsk.xml
folio render "$SRC" --pdfa=3a -o "$T/p.pdf"
expect_rc render-3a-exit 0
check render-3a-qpdf-check "qpdf --check reports problems" qpdf --check "$T/p.pdf" >/dev/null
folio check "$T/p.pdf"
if [ "$RC" -eq 0 ] && grep -q -E '^  ok +PDF/A identification PDF/A-3A' "$OUT" &&
   grep -q -E '^  ok +attachments +1: protocol-2021-tomsk.xml \(Source' "$OUT" &&
   grep -q -E '^  ok +tags +tagged .* language ru' "$OUT"; then
  pass check-3a
else
  fail check-3a "folio check on the 3a protocol" "$OUT"
fi
pdfinfo -struct-text "$T/p.pdf" >"$T/pst" 2>&1
if grep -A1 -E '^ *H1' "$T/pst" | grep -q 'ПРОТОКОЛ' &&
   grep -q -E '^ *(TD|TH)' "$T/pst"; then
  pass protocol-heading-table
else
  fail protocol-heading-table "no H1 ПРОТОКОЛ or no table cells in the structure" "$T/pst"
fi
# the structure holds the page's text in the order pdftotext reads it
pdftotext -f 1 -l 1 "$T/p.pdf" "$T/p1.txt"
python3 - "$T/pst" "$T/p1.txt" >"$T/cmp" <<'EOF'
import re, sys
st = " ".join(re.findall(r'"(.*)"', open(sys.argv[1], encoding="utf-8").read()))
tx = open(sys.argv[2], encoding="utf-8").read()
norm = lambda s: re.sub(r"[\s\u00ad\u00a0-]+", "", s)
st, tx = norm(st), norm(tx)
# the first page's text (without its page number) is a prefix of the tree's
print("ok" if tx[:400] and st.startswith(tx[:400]) else "differs:\n" + tx[:200] + "\n" + st[:200])
EOF
if grep -q '^ok$' "$T/cmp"; then
  pass reading-order
else
  fail reading-order "structure text and page text differ" "$T/cmp"
fi

finish
