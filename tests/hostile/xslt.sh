#!/usr/bin/env bash
# hostile/xslt — stylesheets that try what a stylesheet must not: write
# files (exsl:document, xsl:document), read outside the allowed
# directories (document() of /etc/passwd, of a file:// URI, through a
# symlink), reach the network (document(), xsl:import), recurse forever or
# loop for ever.  Each is refused with a clear message, exit 1, no output,
# nothing written; and an input that names its own stylesheet
# (<?xml-stylesheet?>) does not get it.  (docs/security.md)
# test-timeout: 120
. "$(dirname "$0")/../lib.sh"
need_folio

# a data directory with one extra document type, "evil": any content under
# <evil xmlns="urn:folio:evil">; its stylesheet is what each case writes
D=$T/data
mkdir -p "$D/schemas" "$D/stylesheets" "$T/o" "$T/src"
cat >"$D/schemas/evil.xsd" <<'XSD'
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           targetNamespace="urn:folio:evil" elementFormDefault="qualified">
  <xs:element name="evil"><xs:complexType mixed="true"><xs:sequence>
    <xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>
XSD
in=$T/src/doc.xml
printf '<evil xmlns="urn:folio:evil">текст</evil>\n' >"$in"
secret="folio-secret-$$-$RANDOM"
printf '<s>%s</s>\n' "$secret" >"$T/secret.xml"

# sheet BODY [EXTRA-NAMESPACES] — stylesheets/evil.xsl: BODY inside the
# template for "/", which is wrapped in a one-page FO document.
sheet() {
  cat >"$D/stylesheets/evil.xsl" <<XSL
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl" ${2:-}>
  <xsl:template match="/">
    <fo:root><fo:layout-master-set><fo:simple-page-master master-name="p">
      <fo:region-body/></fo:simple-page-master></fo:layout-master-set>
      <fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
        <fo:block>$1</fo:block>
      </fo:flow></fo:page-sequence></fo:root>
  </xsl:template>
${3:-}
</xsl:stylesheet>
XSL
}

# one_diag NAME — stderr is exactly one line, "FILE:LINE:COL: error: ..."
# or "FILE: error: ..." (no stack dump, no follow-up lines).
one_diag() {
  if [ "$(grep -c . "$ERR")" -eq 1 ] && grep -q -E '^[^ :]+(:[0-9]+:[0-9]+)?: error: ' "$ERR"; then
    pass "$1/one-line"
  else
    fail "$1/one-line" "expected one 'FILE[:LINE:COL]: error: ...' line" "$ERR"
  fi
}

# refused NAME WORD — render fails: exit 1, one error line saying WORD, no
# PDF, the secret nowhere in the output, in seconds.
refused() {
  local name=$1 word=$2 t0 t1
  rm -f "$T/o/out.pdf"
  t0=$(date +%s)
  folio render --data-dir "$D" "$in" -o "$T/o/out.pdf"
  t1=$(date +%s)
  expect_no_crash "$name/no-crash"
  expect_rc "$name/exit-1" 1
  if grep -q -E ': error: ' "$ERR" && grep -q -i -F -e "$word" "$ERR"; then pass "$name/message"
  else fail "$name/message" "no error saying '$word'" "$ERR"; fi
  one_diag "$name"
  if [ $((t1 - t0)) -le 10 ]; then pass "$name/fast"
  else fail "$name/fast" "took $((t1 - t0)) s"; fi
  expect_no_file "$name/no-output" "$T/o/out.pdf"
  if grep -q -F -e "$secret" "$OUT" "$ERR"; then fail "$name/not-read" "the secret file was read"
  else pass "$name/not-read"; fi
}

# control: the harness itself works (a plain stylesheet renders)
sheet 'hello'
folio render --data-dir "$D" "$in" -o "$T/o/ok.pdf"
expect_rc control/exit-0 0
expect_pdf control/pdf "$T/o/ok.pdf"

# --- writing files ------------------------------------------------------------
sheet "<exsl:document href=\"$T/o/written.txt\" method=\"text\">pwned</exsl:document>x"
refused exsl-document 'write'
expect_no_file exsl-document/nothing-written "$T/o/written.txt"
sheet "<xsl:document href=\"$T/o/written2.txt\" method=\"text\">pwned</xsl:document>x"
sed -i 's/version="1.0"/version="1.1"/' "$D/stylesheets/evil.xsl"
refused xsl-document 'write'
expect_no_file xsl-document/nothing-written "$T/o/written2.txt"
mkdir -p "$T/o/sub"
sheet "<exsl:document href=\"$T/o/newdir/x.txt\" method=\"text\">pwned</exsl:document>x"
refused exsl-document-mkdir 'write'
expect_no_file exsl-document-mkdir/no-directory "$T/o/newdir"

# --- reading outside the allowed directories --------------------------------
sheet "<xsl:value-of select=\"document('/etc/passwd')\"/>"
refused read-absolute 'not allowed'
sheet "<xsl:value-of select=\"document('file://$T/secret.xml')\"/>"
refused read-file-uri 'not allowed'
sheet "<xsl:value-of select=\"document('../../../../../../../../$T/secret.xml')\"/>"
refused read-dotdot 'not allowed'
ln -s "$T/secret.xml" "$T/src/link.xml"
sheet "<xsl:value-of select=\"document('link.xml', /)\"/>"
refused read-symlink-out 'not allowed'
rm -f "$T/src/link.xml"
# the source's own directory is allowed (a document next to the source)
printf '<n>рядом</n>\n' >"$T/src/near.xml"
sheet "<xsl:value-of select=\"document('near.xml', /)\"/>"
folio render --data-dir "$D" "$in" -o "$T/o/near.pdf"
expect_rc read-beside-source/exit-0 0
if pdftotext "$T/o/near.pdf" - 2>/dev/null | grep -q 'рядом'; then pass read-beside-source/read
else fail read-beside-source/read "the file beside the source was not read"; fi

# ... but a file read there gets the source's safe parse: no XXE through
# document() (libxslt's own loader would expand entities and load DTDs)
printf '<!DOCTYPE n [<!ENTITY x SYSTEM "file://%s">]>\n<n>&x;</n>\n' "$T/secret.xml" >"$T/src/near-xxe.xml"
sheet "<xsl:value-of select=\"document('near-xxe.xml', /)\"/>"
folio render --data-dir "$D" "$in" -o "$T/o/near-xxe.pdf"
expect_no_crash document-xxe/no-crash
if { [ -f "$T/o/near-xxe.pdf" ] && pdftotext "$T/o/near-xxe.pdf" - 2>/dev/null | grep -q -F -e "$secret"; } ||
   grep -q -F -e "$secret" "$OUT" "$ERR"; then
  fail document-xxe/not-read "the entity's file was read through document()"
else
  pass document-xxe/not-read
fi

# --- network -------------------------------------------------------------------
python3 - "$T/port" "$T/hits" <<'PY' &
import os, socket, sys
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(16)
open(sys.argv[1] + ".tmp", "w").write(str(s.getsockname()[1]))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
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
url="http://127.0.0.1:$(cat "$T/port" 2>/dev/null || echo 9)"
no_network() {
  if [ -s "$T/hits" ]; then fail "$1/no-network" "folio connected to $url"; : >"$T/hits"
  else pass "$1/no-network"; fi
}
sheet "<xsl:value-of select=\"document('$url/x.xml')\"/>"
refused read-network 'network'
no_network read-network
sheet 'x' '' "<xsl:import href=\"$url/evil.xsl\"/>"
# xsl:import must come first in the stylesheet
python3 - "$D/stylesheets/evil.xsl" "$url" <<'PY'
import sys
p, url = sys.argv[1:3]
t = open(p).read()
imp = '<xsl:import href="%s/evil.xsl"/>' % url
t = t.replace(imp, "").replace('>\n  <xsl:template match="/">', '>\n' + imp + '\n  <xsl:template match="/">', 1)
open(p, "w").write(t)
PY
folio render --data-dir "$D" "$in" -o "$T/o/out.pdf"
expect_no_crash import-network/no-crash
expect_rc import-network/exit-2 2
if grep -q -E ': error: Network file read for .* refused' "$ERR"; then pass import-network/message
else fail import-network/message "no refusal message" "$ERR"; fi
expect_no_file import-network/no-output "$T/o/out.pdf"
no_network import-network
sheet 'x' '' "<xsl:include href=\"$T/secret.xml\"/>"
folio render --data-dir "$D" "$in" -o "$T/o/out.pdf"
expect_rc include-outside/exit-2 2
if grep -q -E ': error: reading .*secret.xml is not allowed' "$ERR"; then pass include-outside/message
else fail include-outside/message "no refusal message" "$ERR"; fi
# (libxslt's own "xsl:include : unable to load" is not repeated; its
# position goes to the refusal)
one_diag include-outside
if grep -q -E '^[^ ]*evil.xsl:[0-9]+:1: error: reading ' "$ERR"; then pass include-outside/position
else fail include-outside/position "the refusal does not give the line of the xsl:include" "$ERR"; fi
if grep -q -F -e "$secret" "$OUT" "$ERR"; then fail include-outside/not-read "the file was read"
else pass include-outside/not-read; fi
kill "$listener" 2>/dev/null
wait "$listener" 2>/dev/null
# a file that is not there is not "outside": a broken data directory says so
sheet 'x' '' '<xsl:include href="no-such-part.xsl"/>'
folio render --data-dir "$D" "$in" -o "$T/o/out.pdf"
expect_rc include-missing/exit-2 2
if grep -q -E ': error: cannot read .*no-such-part.xsl: No such file' "$ERR"; then pass include-missing/message
else fail include-missing/message "no 'cannot read ...: No such file' error" "$ERR"; fi
one_diag include-missing
expect_no_file include-missing/no-output "$T/o/out.pdf"

# --- recursion and endless work ----------------------------------------------
sheet '<xsl:call-template name="r"/>' '' '<xsl:template name="r"><xsl:call-template name="r"/></xsl:template>'
# (one_diag: libxslt's stack dump of templates and variables is not shown)
refused infinite-recursion 'recursion'
sheet '<xsl:call-template name="r"><xsl:with-param name="n" select="0"/></xsl:call-template>' '' \
  '<xsl:template name="r"><xsl:param name="n"/><xsl:variable name="v" select="$n + 1"/><xsl:call-template name="r"><xsl:with-param name="n" select="$v"/></xsl:call-template></xsl:template>'
refused infinite-recursion-vars 'recursion'
# 2^60 calls, never deep: only a time limit ends it (set low for the test)
sheet '<xsl:call-template name="t"><xsl:with-param name="d" select="60"/></xsl:call-template>' '' \
  '<xsl:template name="t"><xsl:param name="d"/><xsl:if test="$d &gt; 0"><xsl:call-template name="t"><xsl:with-param name="d" select="$d - 1"/></xsl:call-template><xsl:call-template name="t"><xsl:with-param name="d" select="$d - 1"/></xsl:call-template></xsl:if></xsl:template>'
t0=$(date +%s)
FOLIO_XSLT_TIME_LIMIT=2 folio render --data-dir "$D" "$in" -o "$T/o/out.pdf"
t1=$(date +%s)
expect_rc endless-work/exit-1 1
if grep -q -E ': error: .*(time|seconds)' "$ERR"; then pass endless-work/message
else fail endless-work/message "no error about the time limit" "$ERR"; fi
if [ $((t1 - t0)) -le 10 ]; then pass endless-work/stopped
else fail endless-work/stopped "took $((t1 - t0)) s with a 2 s limit"; fi
expect_no_file endless-work/no-output "$T/o/out.pdf"

# --- an input that names its own stylesheet does not get it -----------------
cat >"$T/src/evil-pi.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">PWNED</xsl:template>
</xsl:stylesheet>
XSL
sheet 'normal'
printf '<?xml-stylesheet type="text/xsl" href="evil-pi.xsl"?>\n<evil xmlns="urn:folio:evil">текст</evil>\n' >"$T/src/pi.xml"
folio transform --data-dir "$D" "$T/src/pi.xml"
expect_rc stylesheet-pi/exit-0 0
if grep -q PWNED "$OUT"; then fail stylesheet-pi/ignored "the input's own stylesheet was applied"
elif grep -q normal "$OUT"; then pass stylesheet-pi/ignored
else fail stylesheet-pi/ignored "no output from folio's stylesheet" "$ERR"; fi

finish
