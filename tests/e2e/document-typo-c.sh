#!/usr/bin/env bash
# test-timeout: 120
# tests/e2e/document-typo-c.sh -- folio:nbsp (src/xslt/typo.c), the C form
# of document.xsl's no-break-space typography, gives the same bytes as the
# stylesheet's own templates on a few thousand random strings made of the
# rules' material (numbers, years, months, initials, №, %, кв., г., года,
# dashes, punctuation, long strings that the templates halve).
#
# A test stylesheet in a copy of the data directory imports document.xsl and
# calls document-typo (the dispatcher the document type uses) on each
# string.  folio runs it with its extension (the C side) and also calls the
# template document-typo-xslt directly (the XSLT side in the same run);
# xsltproc, which has no folio:nbsp, runs the dispatcher's fallback.  All
# three must agree line for line.  The random strings come from a fixed
# seed, so a failure can be reproduced.
. "$(dirname "$0")/../lib.sh"
need_folio

D="$T/data"
mkdir -p "$D"
cp -r schemas stylesheets "$D"/
cat >"$D/schemas/typotest.xsd" <<'XSD'
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           targetNamespace="urn:folio:typotest" elementFormDefault="qualified">
  <xs:element name="t">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="s" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>
XSD
# One line per string: the dispatcher's result, a TAB, the template's result
# (with $direct); first a line saying whether folio:nbsp is there.
cat >"$D/stylesheets/typotest.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:t="urn:folio:typotest" xmlns:folio="urn:folio:fo">
  <xsl:import href="document.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:param name="direct" select="'1'"/>
  <xsl:template match="/">
    <xsl:value-of select="concat('nbsp-available: ', function-available('folio:nbsp'), '&#10;')"/>
    <xsl:for-each select="t:t/t:s">
      <xsl:call-template name="document-typo">
        <xsl:with-param name="s" select="normalize-space(.)"/>
      </xsl:call-template>
      <xsl:if test="$direct = '1'">
        <xsl:text>&#9;</xsl:text>
        <xsl:call-template name="document-typo-xslt">
          <xsl:with-param name="s" select="normalize-space(.)"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
XSL

N=3000
python3 - "$N" >"$T/s.xml" <<'EOF'
import random, sys
from xml.sax.saxutils import escape
rnd = random.Random(20240607)
months = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
caps = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯABCZ"
noncaps = "ЪЫЬабвяё"
punct = ["", "", "", ",", ".", ";", ":", ")", "»", ".,", "),", "»."]
words = ["решение", "комиссии", "принято", "по", "докладу", "и", "с", "от",
         "Иванова", "Жарких", "Петров", "ООО", "Smith", "report", "ёлка",
         "Ъер", "Ы", "Ь", "x", "в", "до", "г", "год", "годы", "года", "г.",
         "кв", "кв.", "кв.,", "№", "№5", "N", "%", "%,", "%)", "–", "—", "-",
         "-а", "–б", "—в", "--", "(Е.В.)", "Е.В", "е.в.", "А.Б.В.", "A.B.",
         "Ё.Ж.", "Ъ.", "Ы.Ь.", "т.е.", "т.д.", "ст.", "п.", "2014г.", "12а",
         "2014-2015", "1.5", "0", "00", "000", "0000", "00000", "🙂", "☺",
         "a\u00a0b", "«текст»", "(см.", "прил.)", "»", "…", "no.", "No"]

def token():
    r = rnd.random()
    if r < 0.10: return str(rnd.randint(0, 99))
    if r < 0.17: return str(rnd.randint(1900, 2099)) + rnd.choice(punct)
    if r < 0.20: return str(rnd.randint(0, 99999))
    if r < 0.32: return rnd.choice(months) + rnd.choice(punct)
    if r < 0.34: return rnd.choice(months)[:rnd.randint(1, 5)]
    if r < 0.44:
        c = rnd.choice(caps + noncaps)
        s = c + "." if rnd.random() < 0.9 else c
        if rnd.random() < 0.5:
            s += rnd.choice(caps + noncaps) + rnd.choice([".", ".", "", ","])
        return s + rnd.choice(punct)
    if r < 0.52: return rnd.choice(caps) + rnd.choice(["ванов", "етров", "арких", "", "a"]) + rnd.choice(punct)
    return rnd.choice(words) + (rnd.choice(punct) if rnd.random() < 0.3 else "")

def sentence():
    r = rnd.random()
    n = rnd.randint(1, 8) if r < 0.6 else rnd.randint(20, 120)
    s = " ".join(token() for _ in range(n))
    # the stylesheet passes normalize-space(.): now and then leave it work
    if rnd.random() < 0.05: s = "  " + s.replace(" ", " \n\t ", 2) + " "
    return s

out = ['<t xmlns="urn:folio:typotest">', "<s></s>", "<s>   </s>", "<s>№</s>"]
for _ in range(int(sys.argv[1]) - 3):
    out.append("<s>" + escape(sentence()) + "</s>")
out.append("</t>")
print("\n".join(out))
EOF
if [ "$(grep -c '<s>' "$T/s.xml")" -ne "$N" ]; then
  fail document-typo-c/generate "expected $N strings" "$T/s.xml"; finish
fi

CMD_TIMEOUT=100 folio transform --data-dir "$D" "$T/s.xml" -o "$T/folio.txt"
expect_rc document-typo-c/folio-transform 0
timeout 100 xsltproc --stringparam direct 0 "$D/stylesheets/typotest.xsl" "$T/s.xml" >"$T/xsltproc.txt" 2>"$T/xsltproc.err"
rc=$?
if [ "$rc" -eq 0 ]; then pass document-typo-c/xsltproc; else
  fail document-typo-c/xsltproc "exit $rc" "$T/xsltproc.err"; fi

python3 - "$T/folio.txt" "$T/xsltproc.txt" "$N" >"$T/report" <<'EOF'
import sys
f = open(sys.argv[1], encoding="utf-8").read().split("\n")
x = open(sys.argv[2], encoding="utf-8").read().split("\n")
n = int(sys.argv[3])
# the files end with a newline: one empty piece after the last line
problems = []
if f[0] != "nbsp-available: true": problems.append("folio: " + f[0])
if x[0] != "nbsp-available: false": problems.append("xsltproc: " + x[0])
f, x = f[1:-1], x[1:-1]
if len(f) != n or len(x) != n:
    problems.append("lines: folio %d, xsltproc %d, strings %d" % (len(f), len(x), n))
compared = with_nbsp = 0
for i, (lf, lx) in enumerate(zip(f, x)):
    c, _, t = lf.partition("\t")
    if not (c == t == lx):
        problems.append("string %d:\n  C:        %r\n  template: %r\n  xsltproc: %r" % (i + 1, c, t, lx))
    compared += 1
    with_nbsp += "\u00a0" in c
print(compared, with_nbsp)
print("\n".join(problems[:10]))
EOF
read -r compared with_nbsp <"$T/report"
if [ "$(wc -l <"$T/report")" -eq 2 ] && [ -z "$(sed -n 2p "$T/report")" ]; then
  pass document-typo-c/same-bytes
else
  fail document-typo-c/same-bytes "the C function and the templates differ" "$T/report"
fi
# not vacuous: every string compared, and most of them had a rule to apply
if [ "$compared" -eq "$N" ]; then pass document-typo-c/all-compared; else
  fail document-typo-c/all-compared "compared $compared of $N strings"; fi
if [ "$with_nbsp" -ge $((N / 2)) ]; then pass document-typo-c/rules-applied; else
  fail document-typo-c/rules-applied "only $with_nbsp of $N results have a NO-BREAK SPACE"; fi

# a whole document: the long seed under folio (folio:nbsp) and under
# xsltproc (the templates) gives the same FO but for folio:line attributes
LONGDOC=input/guidance-cluster-specialised-organisation.xml
folio transform "$LONGDOC" -o "$T/long.fo"
expect_rc document-typo-c/long-folio 0
timeout 100 xsltproc stylesheets/document.xsl "$LONGDOC" >"$T/long-xsltproc.fo" 2>"$T/long.err"
rc=$?
if [ "$rc" -eq 0 ]; then pass document-typo-c/long-xsltproc; else
  fail document-typo-c/long-xsltproc "exit $rc" "$T/long.err"; fi
got=$(python3 -c 'import re, sys
a, b = (re.sub(r" folio:line=\"[0-9]+\"", "", open(f, encoding="utf-8").read())
        for f in sys.argv[1:])
print("same" if a == b else "different", a.count("\u00a0"))' "$T/long.fo" "$T/long-xsltproc.fo")
case $got in
  "same "[1-9]*) pass document-typo-c/long-same ;;
  *) fail document-typo-c/long-same "folio and xsltproc: $got (want the same FO, with NO-BREAK SPACEs)" ;;
esac

# a 1 MB paragraph through folio:nbsp (the C side only): done, and right
python3 - >"$T/big.xml" <<'EOF'
print('<t xmlns="urn:folio:typotest"><s>' + " ".join(["от 6 марта 2013 г. № 5"] * 45000) + "</s></t>")
EOF
folio transform --data-dir "$D" --param direct=0 "$T/big.xml" -o "$T/big.txt"
expect_rc document-typo-c/one-mb 0
got=$(python3 -c 'import sys
s = open(sys.argv[1], encoding="utf-8").read().split("\n")[1]
print(len(s.encode()), s.count("\u00a0"))' "$T/big.txt")
want="$(python3 -c 'print(len(" ".join(["от 6 марта 2013 г. № 5"] * 45000).encode()) + 45000 * 4, 45000 * 4)')"
if [ "$got" = "$want" ]; then pass document-typo-c/one-mb-result; else
  fail document-typo-c/one-mb-result "bytes and NO-BREAK SPACEs: got $got, want $want"; fi

finish
