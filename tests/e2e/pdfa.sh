#!/usr/bin/env bash
# e2e/pdfa — the post stage: PDF/A-2b by default (XMP identification agreeing
# with the Info dictionary, sRGB OutputIntent, document ID), read back with
# pdfinfo, qpdf and `folio check`; reproducible bytes (two renders in
# different directories, cmp); PDF/A-3b with the source XML attached
# (pdfdetach -list, `folio extract` byte for byte); `folio check` on PDFs
# from another producer; link annotations from fo:basic-link.
# test-timeout: 120
. "$(dirname "$0")/../lib.sh"
need_folio

SRC=input/protocol-2021-tomsk.xml

# --- default: PDF/A-2b -------------------------------------------------------
folio render "$SRC" -o "$T/p.pdf"
expect_rc render-exit 0
pdfinfo -meta "$T/p.pdf" >"$T/meta" 2>&1
if grep -q '<pdfaid:part>2</pdfaid:part>' "$T/meta" &&
   grep -q '<pdfaid:conformance>B</pdfaid:conformance>' "$T/meta"; then
  pass xmp-pdfaid-2b
else
  fail xmp-pdfaid-2b "no pdfaid part 2 / conformance B in the XMP" "$T/meta"
fi
# XMP and Info carry the same values (pdfinfo reads Info, -meta the XMP)
pdfinfo "$T/p.pdf" >"$T/info"
title=$(sed -n 's/^Title: *//p' "$T/info")
producer=$(sed -n 's/^Producer: *//p' "$T/info")
if [ -n "$title" ] && grep -q -F ">$title</rdf:li>" "$T/meta" &&
   grep -q -F "<pdf:Producer>$producer</pdf:Producer>" "$T/meta" &&
   grep -q -F '<xmp:CreateDate>1970-01-01T00:00:00Z</xmp:CreateDate>' "$T/meta" &&
   grep -q '^CreationDate: *Thu Jan  1 00:00:00 1970' "$T/info"; then
  pass xmp-agrees-info
else
  fail xmp-agrees-info "title/producer/date differ between Info and XMP" "$T/meta"
fi
check qpdf-check "qpdf --check reports problems" qpdf --check "$T/p.pdf" >/dev/null
folio check "$T/p.pdf"
expect_rc folio-check-exit 0
for prop in 'PDF/A identification PDF/A-2B' 'OutputIntent         GTS_PDFA1' \
            'fonts embedded' 'document ID          present' 'XMP metadata         agrees'; do
  if grep -q -E "^  ok +${prop}" "$OUT"; then
    pass "check-ok-$(printf '%s' "$prop" | tr -c 'A-Za-z0-9' '-' | sed 's/-*$//;s/--*/-/g')"
  else
    fail "check-ok-$(printf '%s' "$prop" | tr -c 'A-Za-z0-9' '-' | sed 's/-*$//;s/--*/-/g')" \
         "folio check does not say ok for '$prop'" "$OUT"
  fi
done
# the OutputIntent's profile is the sRGB profile, byte for byte
oi=$(qpdf --show-object=trailer "$T/p.pdf" >/dev/null; python3 - "$T/p.pdf" <<'EOF'
import re, subprocess, sys
root = subprocess.run(["qpdf", "--show-object=trailer", sys.argv[1]], capture_output=True, text=True).stdout
r = re.search(r"/Root (\d+) 0 R", root).group(1)
cat = subprocess.run(["qpdf", "--show-object=" + r, sys.argv[1]], capture_output=True, text=True).stdout
o = re.search(r"/OutputIntents \[ (\d+) 0 R", cat).group(1)
oi = subprocess.run(["qpdf", "--show-object=" + o, sys.argv[1]], capture_output=True, text=True).stdout
print(re.search(r"/DestOutputProfile (\d+) 0 R", oi).group(1))
EOF
)
if [ -n "$oi" ] && qpdf --show-object="$oi" --filtered-stream-data "$T/p.pdf" >"$T/icc" 2>/dev/null &&
   cmp -s "$T/icc" /usr/share/color/icc/sRGB.icc; then
  pass output-intent-srgb
else
  fail output-intent-srgb "DestOutputProfile is not icc-profiles-free's sRGB.icc"
fi

# --- reproducible bytes ------------------------------------------------------
mkdir -p "$T/a/x" "$T/b"
cp "$SRC" "$T/a/x/doc.xml"
cp "$SRC" "$T/b/doc.xml"
folio_in "$T/a/x" render doc.xml -o "$T/a/out.pdf"
rc1=$RC
folio_in "$T/b" render "$T/b/doc.xml" -o out.pdf
if [ "$rc1" -eq 0 ] && [ "$RC" -eq 0 ] && cmp "$T/a/out.pdf" "$T/b/out.pdf" >"$T/cmp" 2>&1; then
  pass reproducible-bytes
else
  fail reproducible-bytes "two renders of the same input differ" "$T/cmp"
fi
SOURCE_DATE_EPOCH=86400 folio render "$SRC" -o "$T/d2.pdf"
if [ "$RC" -eq 0 ] && pdfinfo "$T/d2.pdf" | grep -q '^CreationDate: *Fri Jan  2 00:00:00 1970' &&
   pdfinfo -meta "$T/d2.pdf" | grep -q '<xmp:CreateDate>1970-01-02T00:00:00Z'; then
  pass date-from-source-date-epoch
else
  fail date-from-source-date-epoch "SOURCE_DATE_EPOCH=86400 is not the creation date" "$ERR"
fi

# --- PDF/A-3b with the source attached -------------------------------------
folio render "$SRC" --pdfa=3b -o "$T/p3.pdf"
expect_rc render-3b-exit 0
pdfdetach -list "$T/p3.pdf" >"$T/list" 2>&1
if grep -q -F 'protocol-2021-tomsk.xml' "$T/list"; then
  pass pdfdetach-lists-source
else
  fail pdfdetach-lists-source "pdfdetach -list does not show the source" "$T/list"
fi
folio extract "$T/p3.pdf" -o "$T/back.xml"
if [ "$RC" -eq 0 ] && cmp -s "$T/back.xml" "$SRC"; then
  pass extract-byte-for-byte
else
  fail extract-byte-for-byte "folio extract did not give the source back (exit $RC)" "$ERR"
fi
folio extract "$T/p3.pdf"
if [ "$RC" -eq 0 ] && cmp -s "$OUT" "$SRC"; then
  pass extract-stdout
else
  fail extract-stdout "folio extract to stdout differs" "$ERR"
fi
folio check "$T/p3.pdf"
if [ "$RC" -eq 0 ] && grep -q -E '^  ok +PDF/A identification PDF/A-3B' "$OUT" &&
   grep -q -E '^  ok +attachments +1: protocol-2021-tomsk.xml \(Source, text/xml\)' "$OUT"; then
  pass check-3b-attachment
else
  fail check-3b-attachment "folio check does not report the attached source" "$OUT"
fi
check qpdf-check-3b "qpdf --check reports problems" qpdf --check "$T/p3.pdf" >/dev/null
# the catalog's /AF names the same file specification
if qpdf --qdf --object-streams=disable "$T/p3.pdf" "$T/p3.qdf" 2>/dev/null;
   grep -a -q -E '/AF \[' "$T/p3.qdf" && grep -a -q '/AFRelationship /Source' "$T/p3.qdf"; then
  pass catalog-af
else
  fail catalog-af "no /AF array or AFRelationship /Source"
fi
folio render "$SRC" --pdfa=3b --no-attach-source -o "$T/p3n.pdf"
if [ "$RC" -eq 0 ] && ! pdfdetach -list "$T/p3n.pdf" | grep -q xml; then
  pass no-attach-source
else
  fail no-attach-source "--no-attach-source still attached something"
fi
folio extract "$T/p.pdf" -o "$T/none.xml"
expect_rc extract-none-exit 1
expect_no_file extract-none-no-file "$T/none.xml"

# PDF/A-2 allows PDF/A attachments only
folio render "$SRC" --pdfa=2b --attach-source -o "$T/bad.pdf"
expect_rc attach-2b-exit 2
expect_one_line attach-2b-message
expect_no_file attach-2b-no-output "$T/bad.pdf"
folio render "$SRC" --pdfa=4x -o "$T/bad.pdf"
expect_rc bad-level-exit 2

# --- plain PDF and foreign PDFs ----------------------------------------------
folio render "$SRC" --pdfa=none -o "$T/plain.pdf"
expect_rc render-none-exit 0
folio check "$T/plain.pdf"
if [ "$RC" -eq 1 ] && grep -q -E '^  FAIL +PDF/A identification' "$OUT"; then
  pass check-plain-fails
else
  fail check-plain-fails "folio check accepts a PDF without PDF/A identification" "$OUT"
fi
qpdf --empty "$T/empty.pdf"
folio check "$T/empty.pdf"
if [ "$RC" -eq 1 ] && grep -q -E '^  FAIL +OutputIntent +none' "$OUT"; then
  pass check-foreign
else
  fail check-foreign "folio check on qpdf's empty PDF" "$OUT"
fi
# an encrypted PDF with JavaScript is reported as such
printf '%s\n' '%PDF-1.4' '1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >> endobj' \
  '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj' \
  '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >> endobj' \
  '4 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj' \
  'trailer << /Root 1 0 R /Size 5 >>' '%%EOF' >"$T/js-raw.pdf"
qpdf "$T/js-raw.pdf" "$T/js.pdf" 2>/dev/null
qpdf --encrypt u o 256 -- "$T/js.pdf" "$T/enc.pdf" 2>/dev/null
folio check "$T/js.pdf"
if [ "$RC" -eq 1 ] && grep -q -E '^  FAIL +JavaScript' "$OUT"; then
  pass check-javascript
else
  fail check-javascript "JavaScript not reported" "$OUT"
fi
folio check "$T/enc.pdf"
if [ "$RC" -ge 1 ] && grep -q -i -E 'FAIL +encryption|error' "$OUT" "$ERR"; then
  pass check-encrypted
else
  fail check-encrypted "encryption not reported" "$OUT"
fi
printf 'not a pdf\n' >"$T/x.pdf"
folio check "$T/x.pdf"
expect_rc check-not-pdf-exit 2
expect_one_line check-not-pdf-message

# --- links: annotations written by the post stage ----------------------------
folio fo tests/golden/links-bookmarks.fo -o "$T/l.pdf"
expect_rc links-exit 0
check links-qpdf-check "qpdf --check reports problems" qpdf --check "$T/l.pdf" >/dev/null
if pdfinfo -url "$T/l.pdf" | grep -q -E '^ +1 +Annotation +https://example.org/a\?x=1$'; then
  pass link-uri
else
  fail link-uri "pdfinfo -url does not list the external link"
fi
qpdf --qdf --object-streams=disable "$T/l.pdf" "$T/l.qdf" 2>/dev/null
if tr '\n' ' ' <"$T/l.qdf" | grep -a -q -E '/Dest \[ +[0-9]+ 0 R +/XYZ'; then
  pass link-internal
else
  fail link-internal "no link annotation with an explicit destination"
fi
folio check "$T/l.pdf"
expect_rc links-check-exit 0
# folio fo at 3b attaches the FO file, its source
folio fo tests/golden/links-bookmarks.fo --pdfa=3b -o "$T/f3.pdf"
folio extract "$T/f3.pdf" -o "$T/f3.fo"
if [ "$RC" -eq 0 ] && cmp -s "$T/f3.fo" tests/golden/links-bookmarks.fo; then
  pass fo-3b-attaches-fo
else
  fail fo-3b-attaches-fo "folio fo --pdfa=3b did not attach the FO file" "$ERR"
fi

finish
