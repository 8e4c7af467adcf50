#!/usr/bin/env bash
# e2e/sign — signature fields and `folio sign`: a protocol carries empty
# fields named role.Person over its signature lines (not over any text);
# a throw-away CA and two signers made with the openssl CLI sign both
# fields one after the other (incremental updates); poppler's pdfsig, with
# the CA in a test NSS database (certutil), finds both signatures valid and
# trusted; openssl cms verifies the CMS (detached, SHA-256,
# signing-certificate-v2); qpdf --check and folio check pass on every step.
# test-timeout: 120
. "$(dirname "$0")/../lib.sh"
need_folio

for tool in openssl pdfsig certutil; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    fail "tool-$tool" "$tool is not installed (make deps)"
    finish
  fi
done

SRC=input/protocol-2017-smolensk.xml
folio render "$SRC" -o "$T/p.pdf"
expect_rc render-exit 0

# --- the fields --------------------------------------------------------------
folio check "$T/p.pdf"
if grep -q -E '^  ok +signature fields +2: chair.Churanov \(empty\), secretary.Belokopytov \(empty\)$' "$OUT"; then
  pass fields-named
else
  fail fields-named "expected fields chair.Churanov and secretary.Belokopytov" "$OUT"
fi
if pdfinfo "$T/p.pdf" | grep -q '^Form: *AcroForm'; then
  pass fields-acroform
else
  fail fields-acroform "pdfinfo does not see an AcroForm"
fi
# every field lies on its page, left of the signer's name, on the name's
# line, and over no word of the page
qpdf --json "$T/p.pdf" >"$T/p.json" 2>/dev/null
pdftotext -bbox-layout "$T/p.pdf" "$T/words.html" 2>/dev/null
python3 - "$T/p.json" "$T/words.html" >"$T/geom" 2>&1 <<'EOF'
import json, re, sys
d = json.load(open(sys.argv[1]))
objs = d["qpdf"][1] if isinstance(d.get("qpdf"), list) else d["objects"]
def obj(ref):
    o = objs.get("obj:" + ref, objs.get(ref))
    return o.get("value", o) if isinstance(o, dict) else o
pages = [p["object"] for p in d["pages"]]
html = open(sys.argv[2], encoding="utf-8").read()
words = []   # (page index, x0, y0, x1, y1, text) in PDF space (y up)
for i, page in enumerate(re.findall(r"<page width=\"([\d.]+)\" height=\"([\d.]+)\">(.*?)</page>", html, re.S)):
    h = float(page[1])
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page[2]):
        x0, y0, x1, y1 = map(float, m.groups()[:4])
        words.append((i, x0, h - y1, x1, h - y0, m.group(5)))
bad = 0
n = 0
for f in d["acroform"]["fields"]:
    n += 1
    w = obj(f["object"])
    r = [float(v) for v in w["/Rect"]]
    p = pages.index(w["/P"])
    name = f["fullname"]
    surname = {"chair.Churanov": "Чуранов", "secretary.Belokopytov": "Белокопытов"}[name]
    nm = [x for x in words if x[0] == p and x[5] == surname]
    if not nm:
        print(name, "no word", surname, "on page", p + 1); bad += 1; continue
    x = min(nm, key=lambda w: w[2])   # the lowest: the signature line
    if not (r[2] <= x[1] and r[1] <= x[2] <= r[3]):
        print(name, "rect", r, "is not left of and level with", x); bad += 1
    if r[2] - r[0] < 90 or r[3] - r[1] < 20:
        print(name, "rect", r, "too small for a stamp"); bad += 1
    for o in words:
        # 0.5pt of tolerance: ascender/descender boxes touch the field edge
        if o[0] == p and o[1] < r[2] - 0.5 and o[3] > r[0] + 0.5 and o[2] < r[3] - 0.5 and o[4] > r[1] + 0.5:
            print(name, "covers the word", o[5]); bad += 1
print("fields", n, "bad", bad)
EOF
if grep -q '^fields 2 bad 0$' "$T/geom"; then
  pass fields-placed
else
  fail fields-placed "field rectangles not beside the names or over text" "$T/geom"
fi
folio render "$SRC" --no-signature-fields -o "$T/nf.pdf"
folio check "$T/nf.pdf"
if grep -q -E '^  -- +signature fields +none' "$OUT"; then
  pass no-signature-fields
else
  fail no-signature-fields "--no-signature-fields still made fields" "$OUT"
fi
# a report is not signed as such: no fields
folio render input/report-2024-smolensk-ict-cluster.xml -o "$T/r.pdf"
folio check "$T/r.pdf"
if grep -q -E '^  -- +signature fields +none' "$OUT"; then
  pass report-no-fields
else
  fail report-no-fields "a report got signature fields" "$OUT"
fi
folio render input/order-2018-smolensk.xml -o "$T/o.pdf"
folio check "$T/o.pdf"
if grep -q -E '^  ok +signature fields +1: head.Ostrovsky \(empty\)' "$OUT"; then
  pass order-head-field
else
  fail order-head-field "the order has no head.Ostrovsky field" "$OUT"
fi

# --- a throw-away CA and two signers ------------------------------------------
K=$T/keys
mkdir -p "$K"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$K/ca.key" -out "$K/ca.crt" -days 30 \
  -subj "/CN=folio test CA" -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" >/dev/null 2>&1
printf 'keyUsage=critical,digitalSignature,nonRepudiation\n' >"$K/ext"
mk_signer() {  # name cn password
  openssl req -newkey rsa:2048 -nodes -keyout "$K/$1.key" -out "$K/$1.csr" -utf8 \
    -subj "/CN=$2" >/dev/null 2>&1 &&
  openssl x509 -req -in "$K/$1.csr" -CA "$K/ca.crt" -CAkey "$K/ca.key" -CAcreateserial \
    -out "$K/$1.crt" -days 30 -extfile "$K/ext" >/dev/null 2>&1 &&
  openssl pkcs12 -export -inkey "$K/$1.key" -in "$K/$1.crt" -certfile "$K/ca.crt" \
    -out "$K/$1.p12" -passout "pass:$3" >/dev/null 2>&1
}
if mk_signer chair "Чуранов Василий Сергеевич" chair-secret &&
   mk_signer secretary "Белокопытов Максим Вячеславович" ""; then
  pass keys-made
else
  fail keys-made "openssl could not make the test CA and signers"
  finish
fi
printf 'chair-secret\n' >"$K/pw"
NSS=$T/nss
mkdir -p "$NSS"
certutil -N -d "sql:$NSS" --empty-password >/dev/null 2>&1
certutil -A -d "sql:$NSS" -n folio-test-ca -t "CT,C,C" -i "$K/ca.crt" >/dev/null 2>&1

# --- sign the first field ----------------------------------------------------
folio sign "$T/p.pdf" --field chair.Churanov --p12 "$K/chair.p12" --password-file "$K/pw" \
  -o "$T/s1.pdf"
expect_rc sign1-exit 0
# an incremental update: the unsigned file is a prefix of the signed one
size=$(stat -c %s "$T/p.pdf")
if cmp -s -n "$size" "$T/p.pdf" "$T/s1.pdf"; then
  pass sign1-incremental
else
  fail sign1-incremental "the signed file does not start with the original bytes"
fi
pdfsig -nssdir "sql:$NSS" "$T/s1.pdf" >"$T/sig1" 2>&1
if [ "$(grep -c 'Signature Validation: Signature is Valid.' "$T/sig1")" -eq 1 ] &&
   grep -q 'Certificate Validation: Certificate is Trusted.' "$T/sig1" &&
   grep -q 'Signature Type: ETSI.CAdES.detached' "$T/sig1" &&
   grep -q 'Signing Hash Algorithm: SHA-256' "$T/sig1" &&
   grep -q 'Signature Field Name: chair.Churanov' "$T/sig1"; then
  pass sign1-pdfsig-valid
else
  fail sign1-pdfsig-valid "pdfsig does not report one valid, trusted signature" "$T/sig1"
fi
check sign1-qpdf-check "qpdf --check reports problems" qpdf --check "$T/s1.pdf" >/dev/null
folio check "$T/s1.pdf"
if [ "$RC" -eq 0 ] && grep -q 'chair.Churanov (signed), secretary.Belokopytov (empty)' "$OUT"; then
  pass sign1-check
else
  fail sign1-check "folio check after the first signature" "$OUT"
fi

# --- the CMS itself: detached, SHA-256, signing-certificate-v2 ------------------
python3 - "$T/s1.pdf" "$T/cms.der" "$T/signed.bin" <<'EOF'
import re, sys
d = open(sys.argv[1], "rb").read()
m = list(re.finditer(rb"/ByteRange \[0 +(\d+) +(\d+) +(\d+)\]", d))[-1]
a, b, c = map(int, m.groups())
open(sys.argv[3], "wb").write(d[0:a] + d[b:b + c])
# the /Contents hex string is the DER padded with zeros: cut it at the
# length its outer SEQUENCE gives (stripping trailing zero digits cut a
# DER that itself ends in a zero byte)
raw = bytes.fromhex(d[a + 1:b - 1].decode())
n = raw[1]
if n < 0x80:
    total = 2 + n
else:
    k = n & 0x7F
    total = 2 + k + int.from_bytes(raw[2:2 + k], "big")
open(sys.argv[2], "wb").write(raw[:total])
EOF
openssl cms -cmsout -print -inform DER -in "$T/cms.der" >"$T/cms.txt" 2>&1
if grep -q 'signingCertificateV2' "$T/cms.txt" && grep -q 'messageDigest' "$T/cms.txt" &&
   grep -q -E 'algorithm: sha256' "$T/cms.txt"; then
  pass cms-attributes
else
  fail cms-attributes "the CMS lacks signing-certificate-v2, message digest or SHA-256" "$T/cms.txt"
fi
# openssl cms -verify may leave the CMS's trailing zero padding unread; the
# DER was cut at its own length above
if openssl cms -verify -binary -inform DER -in "$T/cms.der" -content "$T/signed.bin" \
     -CAfile "$K/ca.crt" -purpose any -out /dev/null >"$T/verify" 2>&1; then
  pass cms-verify
else
  fail cms-verify "openssl cms -verify fails" "$T/verify"
fi

# --- sign the second field: the first stays valid ----------------------------
folio sign "$T/s1.pdf" --field secretary.Belokopytov --p12 "$K/secretary.p12" -o "$T/s2.pdf"
expect_rc sign2-exit 0
pdfsig -nssdir "sql:$NSS" "$T/s2.pdf" >"$T/sig2" 2>&1
if [ "$(grep -c 'Signature Validation: Signature is Valid.' "$T/sig2")" -eq 2 ] &&
   [ "$(grep -c 'Certificate Validation: Certificate is Trusted.' "$T/sig2")" -eq 2 ]; then
  pass sign2-both-valid
else
  fail sign2-both-valid "pdfsig does not report two valid, trusted signatures" "$T/sig2"
fi
check sign2-qpdf-check "qpdf --check reports problems" qpdf --check "$T/s2.pdf" >/dev/null
folio check "$T/s2.pdf"
if [ "$RC" -eq 0 ] && grep -q 'chair.Churanov (signed), secretary.Belokopytov (signed)' "$OUT"; then
  pass sign2-check
else
  fail sign2-check "folio check after the second signature" "$OUT"
fi
# the stamp is drawn: the signed page differs from the unsigned one where
# the fields are
pdftoppm -f 2 -l 2 -r 40 -gray "$T/p.pdf" "$T/before" 2>/dev/null
pdftoppm -f 2 -l 2 -r 40 -gray "$T/s2.pdf" "$T/after" 2>/dev/null
if [ -s "$T/before-2.pgm" ] && [ -s "$T/after-2.pgm" ] &&
   ! cmp -s "$T/before-2.pgm" "$T/after-2.pgm"; then
  pass stamp-drawn
else
  fail stamp-drawn "the signed page looks the same as the unsigned one"
fi

# --- detached signatures of any file (RSA and ECDSA) ---------------------------
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$K/ec.key" \
  -out "$K/ec.csr" -subj "/CN=EC signer" >/dev/null 2>&1 &&
openssl x509 -req -in "$K/ec.csr" -CA "$K/ca.crt" -CAkey "$K/ca.key" -CAcreateserial \
  -out "$K/ec.crt" -days 30 -extfile "$K/ext" >/dev/null 2>&1 &&
openssl pkcs12 -export -inkey "$K/ec.key" -in "$K/ec.crt" -out "$K/ec.p12" \
  -passout pass: >/dev/null 2>&1
cp "$SRC" "$T/doc.xml"
for who in chair ec; do
  pw=()
  [ "$who" = chair ] && pw=(--password-file "$K/pw")
  folio sign --detached "$T/doc.xml" --p12 "$K/$who.p12" "${pw[@]}" -o "$T/doc-$who.sig"
  if [ "$RC" -eq 0 ] &&
     openssl cms -verify -binary -inform DER -in "$T/doc-$who.sig" -content "$T/doc.xml" \
       -CAfile "$K/ca.crt" -purpose any -out /dev/null >"$T/dv" 2>&1 &&
     openssl cms -cmsout -print -inform DER -in "$T/doc-$who.sig" | grep -q signingCertificateV2; then
    pass "detached-$who-verifies"
  else
    fail "detached-$who-verifies" "openssl cms -verify fails on the detached signature" "$T/dv"
  fi
done
folio sign --detached "$T/doc.xml" --p12 "$K/ec.p12"
if [ "$RC" -eq 0 ] && [ -s "$T/doc.xml.sig" ]; then
  pass detached-default-name
else
  fail detached-default-name "no FILE.sig beside the input" "$ERR"
fi
echo x >>"$T/doc.xml"
if ! openssl cms -verify -binary -inform DER -in "$T/doc-ec.sig" -content "$T/doc.xml" \
     -CAfile "$K/ca.crt" -purpose any -out /dev/null >/dev/null 2>&1; then
  pass detached-detects-change
else
  fail detached-detects-change "a changed file still verifies"
fi

# --- errors --------------------------------------------------------------------
folio sign "$T/s2.pdf" --field chair.Churanov --p12 "$K/chair.p12" --password-file "$K/pw" \
  -o "$T/again.pdf"
expect_rc sign-again-exit 1
expect_one_line sign-again-message
expect_no_file sign-again-no-output "$T/again.pdf"
folio sign "$T/p.pdf" --field nobody.Nobody --p12 "$K/chair.p12" --password-file "$K/pw" \
  -o "$T/x.pdf"
expect_rc sign-no-field-exit 1
expect_no_file sign-no-field-no-output "$T/x.pdf"
folio sign "$T/p.pdf" --field chair.Churanov --p12 "$K/chair.p12" -o "$T/x.pdf"
expect_rc sign-wrong-password-exit 2
expect_one_line sign-wrong-password-message
expect_no_file sign-wrong-password-no-output "$T/x.pdf"
folio sign "$T/p.pdf" --field chair.Churanov -o "$T/x.pdf"
expect_rc sign-usage-exit 2

finish
