#!/usr/bin/env bash
# hostile/xml — XML that attacks the parser: empty and binary files,
# 100 000 nested elements, entity bombs (billion laughs, quadratic
# blow-up), external entities and DTDs by file and by network, XInclude,
# a huge attribute and a huge text node, malformed and overlong UTF-8, a
# NUL byte, a 1 GiB file.  Each: a diagnostic naming the file, exit 1 (2
# for the size limit), no signal, nothing written, nothing read from the
# file system or the network, within seconds.  (docs/security.md)
# test-timeout: 120
. "$(dirname "$0")/../lib.sh"
need_folio

mkdir -p "$T/o" "$T/in"
proto=tests/errors/valid-protocol.xml

# refused NAME RC SUBCOMMAND FILE [WORD] — exit RC, an error line naming
# FILE (mentioning WORD), no crash, no output, in under 10 seconds.
refused() {
  local name=$1 rc=$2 sub=$3 in=$4 word=${5:-} t0 t1
  rm -f "$T/o/out.pdf"
  t0=$(date +%s%N)
  folio "$sub" "$in" -o "$T/o/out.pdf"
  t1=$(date +%s%N)
  expect_no_crash "$name/no-crash"
  expect_rc "$name/exit-$rc" "$rc"
  if ! grep -q -E -e "^$in:([0-9]+:[0-9]+:)? error: " "$ERR"; then
    fail "$name/diagnostic" "no '$in:LINE:COL: error:' line" "$ERR"
  elif [ -n "$word" ] && ! grep -q -F -e "$word" "$ERR"; then
    fail "$name/diagnostic" "the error does not say '$word'" "$ERR"
  else
    pass "$name/diagnostic"
  fi
  # one error (libxml2's follow-up errors are cut off); a note may follow
  if [ "$(grep -c ': error: ' "$ERR")" -eq 1 ] &&
     ! grep -v -q -E -e "^$in(:[0-9]+:[0-9]+)?: (error|note): " "$ERR"; then
    pass "$name/one-error"
  else
    fail "$name/one-error" "expected one error line and nothing but diagnostics" "$ERR"
  fi
  expect_no_file "$name/no-output" "$T/o/out.pdf"
  if [ $(((t1 - t0) / 1000000)) -lt 10000 ]; then pass "$name/fast"
  else fail "$name/fast" "took $(((t1 - t0) / 1000000)) ms"; fi
}

# fo_doc FILE BODY [PROLOG] — a one-page FO document with BODY in a block.
fo_doc() {
  { printf '<?xml version="1.0" encoding="UTF-8"?>\n%s\n' "${3:-}"
    printf '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">\n'
    printf '<fo:layout-master-set><fo:simple-page-master master-name="p">'
    printf '<fo:region-body/></fo:simple-page-master></fo:layout-master-set>\n'
    printf '<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">\n'
    printf '<fo:block>%s</fo:block>\n' "$2"
    printf '</fo:flow></fo:page-sequence></fo:root>\n'; } >"$1"
}

# protocol_with FILE PROLOG BODY — valid-protocol.xml with PROLOG before the
# root and BODY as the text of <body> (BODY "@N": N times "x").
protocol_with() {
  python3 - "$proto" "$1" "$2" "$3" <<'PY'
import sys
src, out, prolog, body = sys.argv[1:5]
t = open(src, encoding="utf-8").read()
t = t.replace("<protocol ", prolog + "\n<protocol ", 1)
if body.startswith("@"):
    body = "x" * int(body[1:])
t = t.replace("<body>Координационного совета кластера</body>", "<body>" + body + "</body>", 1)
open(out, "w", encoding="utf-8").write(t)
PY
}

# --- empty, binary ----------------------------------------------------------
: >"$T/in/empty.xml"
: >"$T/in/empty.fo"
printf '\000\001\002%%PDF\000\377\376<\000r\000o\000o\000t\000>\000' >"$T/in/binary.xml"
cp "$T/in/binary.xml" "$T/in/binary.fo"
refused empty-xml 1 render "$T/in/empty.xml" empty
refused binary-xml 1 render "$T/in/binary.xml"
refused empty-fo 1 fo "$T/in/empty.fo" empty
refused binary-fo 1 fo "$T/in/binary.fo"
folio validate "$T/in/empty.xml" "$T/in/binary.xml"
expect_rc validate-empty-binary-exit-1 1

# --- 100 000 nested elements -------------------------------------------------
python3 -c '
import sys
n = 100000
sys.stdout.write("<protocol xmlns=\"urn:folio:protocol\">" + "<a>" * n + "</a>" * n + "</protocol>\n")
' >"$T/in/deep.xml"
refused deep-nesting-xml 1 render "$T/in/deep.xml" depth
python3 -c '
import sys
n = 100000
sys.stdout.write("<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\">" + "<fo:block>" * n + "</fo:block>" * n + "</fo:root>\n")
' >"$T/in/deep.fo"
refused deep-nesting-fo 1 fo "$T/in/deep.fo" depth
# exactly one line: libxml2's cascade of follow-up errors is cut off
if [ "$(grep -c . "$ERR")" -eq 1 ]; then pass deep-nesting-fo/one-line
else fail deep-nesting-fo/one-line "$(grep -c . "$ERR") lines" "$ERR"; fi

# --- entity bombs: entities in text are never expanded ----------------------
laughs='<!DOCTYPE protocol [
  <!ENTITY l0 "ha">'
for i in 1 2 3 4 5 6 7 8 9; do
  laughs="$laughs
  <!ENTITY l$i \"$(for _ in 1 2 3 4 5 6 7 8 9 10; do printf '&l%d;' "$((i - 1))"; done)\">"
done
laughs="$laughs
]>"
protocol_with "$T/in/laughs.xml" "$laughs" '&l9;'
# (libxml2 already refuses the declarations: "entity reference loop")
refused billion-laughs 1 render "$T/in/laughs.xml"
fo_doc "$T/in/laughs.fo" '&l9;' "$(printf '%s\n' "$laughs" | sed 's/DOCTYPE protocol/DOCTYPE fo:root/')"
refused billion-laughs-fo 1 fo "$T/in/laughs.fo"
# ... nor in attributes, where libxml2's amplification check stops them
fo_doc "$T/in/laughs-attr.fo" '<fo:inline font-family="&l9;">x</fo:inline>' \
  "$(printf '%s\n' "$laughs" | sed 's/DOCTYPE protocol/DOCTYPE fo:root/')"
refused billion-laughs-attribute 1 fo "$T/in/laughs-attr.fo"

# quadratic blow-up: one 100 KB entity used 20 000 times (2 GB expanded)
python3 - "$T/in/quadratic.fo" <<'PY'
import sys
body = "&a;" * 20000
doc = ('<?xml version="1.0"?>\n<!DOCTYPE fo:root [<!ENTITY a "%s">]>\n'
       '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set>'
       '<fo:simple-page-master master-name="p"><fo:region-body/></fo:simple-page-master>'
       '</fo:layout-master-set><fo:page-sequence master-reference="p">'
       '<fo:flow flow-name="xsl-region-body"><fo:block>%s</fo:block></fo:flow>'
       '</fo:page-sequence></fo:root>\n') % ("x" * 100000, body)
open(sys.argv[1], "w").write(doc)
PY
refused quadratic-blowup 1 fo "$T/in/quadratic.fo" '&a;'
if [ "$(grep -c ': error: ' "$ERR")" -eq 1 ]; then pass quadratic-blowup/one-error
else fail quadratic-blowup/one-error "one error per entity name expected" "$ERR"; fi

# an internal entity that is harmless still cannot silently vanish
fo_doc "$T/in/entity.fo" 'ООО &co; и &amp; &#1071;' '<!DOCTYPE fo:root [<!ENTITY co "Ромашка">]>'
refused internal-entity 1 fo "$T/in/entity.fo" '&co;'
# (columns count bytes, as libxml2's do: "ООО " is 7 bytes)
if grep -q -E "^$T/in/entity.fo:6:18: error: " "$ERR"; then pass internal-entity/position
else fail internal-entity/position "expected line 6, column 18" "$ERR"; fi

# --- external entities and DTDs: nothing is read ------------------------------
secret="folio-secret-$$-$RANDOM"
printf '%s\n' "$secret" >"$T/secret.txt"
printf '<!ENTITY x "%s">\n' "$secret" >"$T/evil.dtd"

# a listener on a local port records any connection (network XXE)
python3 - "$T/port" "$T/hits" <<'PY' &
import socket, sys
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(16)
open(sys.argv[1] + ".tmp", "w").write(str(s.getsockname()[1]))
import os; os.rename(sys.argv[1] + ".tmp", sys.argv[1])
s.settimeout(60)
while True:
    try:
        c, _ = s.accept()
    except Exception:
        break
    open(sys.argv[2], "a").write("connection\n")
    c.close()
PY
listener=$!
for _ in $(seq 50); do [ -f "$T/port" ] && break; sleep 0.1; done
port=$(cat "$T/port" 2>/dev/null || echo 9)
url="http://127.0.0.1:$port"

# not_read NAME — neither the secret nor a connection came of the last run
not_read() {
  if grep -q -F -e "$secret" "$OUT" "$ERR" 2>/dev/null ||
     { [ -f "$T/o/out.pdf" ] && pdftotext "$T/o/out.pdf" - 2>/dev/null | grep -q -F -e "$secret"; }; then
    fail "$1/not-read" "the file's contents reached the output"
  else
    pass "$1/not-read"
  fi
  if [ -s "$T/hits" ]; then fail "$1/no-network" "folio connected to $url"; : >"$T/hits"
  else pass "$1/no-network"; fi
}

# file XXE in a source document (valid-protocol.xml, body = &x;)
protocol_with "$T/in/xxe.xml" "<!DOCTYPE protocol [ <!ENTITY x SYSTEM \"file://$T/secret.txt\"> ]>" '&x;'
folio transform "$T/in/xxe.xml"
expect_no_crash xxe-file-transform/no-crash
not_read xxe-file-transform
refused xxe-file 1 render "$T/in/xxe.xml" '&x;'
not_read xxe-file
# network XXE
protocol_with "$T/in/xxe-net.xml" "<!DOCTYPE protocol [ <!ENTITY x SYSTEM \"$url/x\"> ]>" '&x;'
refused xxe-network 1 render "$T/in/xxe-net.xml" '&x;'
not_read xxe-network
# parameter entity pulling an external DTD in the internal subset
protocol_with "$T/in/xxe-param.xml" "<!DOCTYPE protocol [ <!ENTITY % p SYSTEM \"$url/p.dtd\"> %p; ]>" 'текст'
folio render "$T/in/xxe-param.xml" -o "$T/o/out.pdf"
expect_no_crash xxe-parameter/no-crash
not_read xxe-parameter
rm -f "$T/o/out.pdf"
# external DTDs, by file and by network, declaring the entity used
protocol_with "$T/in/dtd-file.xml" "<!DOCTYPE protocol SYSTEM \"file://$T/evil.dtd\">" '&x;'
refused external-dtd-file 1 render "$T/in/dtd-file.xml"
not_read external-dtd-file
protocol_with "$T/in/dtd-net.xml" "<!DOCTYPE protocol SYSTEM \"$url/evil.dtd\">" '&x;'
refused external-dtd-network 1 render "$T/in/dtd-net.xml"
not_read external-dtd-network
fo_doc "$T/in/dtd.fo" '&x;' "<!DOCTYPE fo:root SYSTEM \"$url/evil.dtd\">"
refused external-dtd-fo 1 fo "$T/in/dtd.fo"
not_read external-dtd-fo
# XInclude is not processed
fo_doc "$T/in/xinclude.fo" "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file://$T/secret.txt\" parse=\"text\"/><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"$url/x\" parse=\"text\"/>"
folio fo "$T/in/xinclude.fo" -o "$T/o/out.pdf"
expect_no_crash xinclude/no-crash
not_read xinclude
rm -f "$T/o/out.pdf"
kill "$listener" 2>/dev/null
wait "$listener" 2>/dev/null

# --- huge attribute, huge text node ----------------------------------------
python3 -c '
import sys
sys.stdout.write("<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\"><fo:layout-master-set>"
  "<fo:simple-page-master master-name=\"p\" page-width=\"" + "9" * 20000000 + "\">"
  "<fo:region-body/></fo:simple-page-master></fo:layout-master-set></fo:root>\n")' >"$T/in/huge-attr.fo"
refused huge-attribute 1 fo "$T/in/huge-attr.fo"
if [ "$(grep -c . "$ERR")" -eq 1 ]; then pass huge-attribute/one-line
else fail huge-attribute/one-line "$(grep -c . "$ERR") lines" "$ERR"; fi
# 20 MB of text in one element, without a blank: parsed, then refused by
# the paragraph limit before layout
protocol_with "$T/in/huge-text.xml" "" @20000000
refused huge-text 1 render "$T/in/huge-text.xml" 'bytes of text'
rm -f "$T/in/huge-text.xml"

# --- bad UTF-8 and a NUL byte: an error at the line of the bad byte ---------
n=0
for bad in '\300\257' '\200' '\342\202' '\355\240\200' '\370\210\200\200\200' '\364\220\200\200'; do
  n=$((n + 1))
  { printf '<?xml version="1.0" encoding="UTF-8"?>\n<protocol xmlns="urn:folio:protocol">\n'
    printf '<body>x'; printf "$bad"; printf 'y</body>\n</protocol>\n'; } >"$T/in/utf8-$n.xml"
  refused "bad-utf8-$n" 1 render "$T/in/utf8-$n.xml"
  if grep -q -E "^$T/in/utf8-$n.xml:3:[0-9]+: error: " "$ERR"; then pass "bad-utf8-$n/line"
  else fail "bad-utf8-$n/line" "the error is not at line 3" "$ERR"; fi
done
{ printf '<?xml version="1.0" encoding="UTF-8"?>\n<protocol xmlns="urn:folio:protocol">\n'
  printf '<body>x\000y</body>\n</protocol>\n'; } >"$T/in/nul.xml"
refused nul-byte 1 render "$T/in/nul.xml"
if grep -q -E "^$T/in/nul.xml:3:[0-9]+: error: " "$ERR"; then pass nul-byte/line
else fail nul-byte/line "the error is not at line 3" "$ERR"; fi

# --- a 1 GiB file: refused by its size, never read (sparse: costs nothing) --
truncate -s 1G "$T/in/huge.xml"
cp --sparse=always "$T/in/huge.xml" "$T/in/huge.fo"
for sub in render fo; do
  f=$T/in/huge.xml; [ $sub = fo ] && f=$T/in/huge.fo
  /usr/bin/time -f '%M' -o "$T/rss" timeout -k 5 "$CMD_TIMEOUT" "$FOLIO" $sub "$f" -o "$T/o/out.pdf" >"$OUT" 2>"$ERR" </dev/null
  RC=$?
  expect_rc "1gib-$sub/exit-2" 2
  if grep -q -E "^$f: error: .*limit" "$ERR" && [ "$(grep -c . "$ERR")" -eq 1 ]; then pass "1gib-$sub/one-line"
  else fail "1gib-$sub/one-line" "expected one '$f: error: ... limit' line" "$ERR"; fi
  rss=$(tail -1 "$T/rss" 2>/dev/null || echo 0)
  if [ "${rss:-0}" -lt 200000 ]; then pass "1gib-$sub/not-read"
  else fail "1gib-$sub/not-read" "peak memory ${rss} KB: the file was read"; fi
  expect_no_file "1gib-$sub/no-output" "$T/o/out.pdf"
done
rm -f "$T/in/huge.xml" "$T/in/huge.fo"

finish
