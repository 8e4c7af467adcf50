#!/usr/bin/env bash
# tests/e2e/xslt-reads.sh -- what stylesheets may read with document():
# files in folio's data directory (a rules stylesheet in schemas/ reads the
# label catalogue in stylesheets/) but nothing outside it or the source's
# directory (/etc/passwd is refused, and the run fails).
. "$(dirname "$0")/../lib.sh"

D="$T/data"
mkdir -p "$D"
cp -r schemas stylesheets "$D"/
rules() {  # $1 = the URI the rules stylesheet reads
  cat > "$D/schemas/note-rules.xsl" <<XSL
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:folio="urn:folio:fo">
  <xsl:template match="/">
    <folio:diag code="READ" severity="warning" line="1"><xsl:value-of
      select="count(document('$1')/*/*)"/> entries</folio:diag>
  </xsl:template>
</xsl:stylesheet>
XSL
}
IN=input/note-smolensk-sociocultural-cluster.xml

rules ../stylesheets/labels-ru.xml
folio validate --data-dir "$D" "$IN"
expect_rc xslt-reads/data-dir-allowed 0
if grep -q -E 'warning: [1-9][0-9]* entries \[READ\]' "$ERR"; then
  pass xslt-reads/labels-read
else
  fail xslt-reads/labels-read "the label catalogue was not read" "$ERR"
fi

rules /etc/passwd
folio validate --data-dir "$D" "$IN"
expect_rc xslt-reads/outside-refused 1
grep -q 'reading /etc/passwd is not allowed' "$ERR" \
  && pass xslt-reads/outside-message || fail xslt-reads/outside-message "no refusal message" "$ERR"
finish
