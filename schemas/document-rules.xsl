<?xml version="1.0" encoding="UTF-8"?>
<!--
  document-rules.xsl — checks of a long document (положение, методические
  материалы) beyond its schema: the explicit numbers of its points.

  Points numbered with n reproduce the original, so irregular numbering is
  a warning, never an error: a duplicate number in the same part (the
  document's text or one appendix), a gap ("7" after "5", "8.3" after
  "8.1", a first point that is not 1), a sub-point whose number does not
  start with its point's ("9.1" inside point 8).  Points without n are
  numbered by folio and not checked.

  folio applies it to the source after document.xsd has accepted it; the
  output is a list of
    <folio:diag code="DOCUMENT-…" severity="warning" line="N">message</folio:diag>
  which folio prints as FILE:LINE:COL: warning: message [code].
  Every rule and its code: docs/rules.md.  Runs under plain xsltproc too
  (line numbers from saxon:line-number).  Messages are Russian; English
  when the root has xml:lang="en".
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:d="urn:folio:document"
                xmlns:folio="urn:folio:fo"
                xmlns:str="http://exslt.org/strings"
                xmlns:saxon="http://icl.com/saxon"
                exclude-result-prefixes="d str saxon">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:variable name="lang-en" select="starts-with(/*/@xml:lang, 'en')"/>

  <!-- Points by part (the document or one appendix) and number. -->
  <xsl:key name="by-number" match="d:point[@n]"
           use="concat(generate-id(ancestor::d:appendix[1]), '|', normalize-space(@n))"/>

  <xsl:template match="/">
    <folio:diags>
      <xsl:for-each select="//d:point[@n]">
        <!-- The point before it at its level: the preceding sibling
             sub-point, or, for a top-level point, the previous top-level
             point of the same part (across sections): the top ancestor of
             the nearest preceding point. -->
        <xsl:variable name="prev"
                      select="preceding-sibling::d:point[1][current()/parent::d:point]
                              | (preceding::d:point[1]/ancestor-or-self::d:point[last()])
                                  [not(current()/parent::d:point)]
                                  [generate-id(ancestor::d:appendix[1]) = generate-id(current()/ancestor::d:appendix[1])]"/>
        <xsl:call-template name="check-point">
          <xsl:with-param name="prev" select="$prev"/>
          <xsl:with-param name="first-in-part" select="not($prev)"/>
        </xsl:call-template>
      </xsl:for-each>
    </folio:diags>
  </xsl:template>

  <xsl:template name="check-point">
    <xsl:param name="prev"/>
    <xsl:param name="first-in-part"/>
    <xsl:variable name="n" select="normalize-space(@n)"/>
    <xsl:variable name="part" select="generate-id(ancestor::d:appendix[1])"/>
    <xsl:variable name="first" select="key('by-number', concat($part, '|', $n))[1]"/>
    <xsl:variable name="parent" select="parent::d:point[@n]"/>
    <xsl:choose>
      <xsl:when test="generate-id($first) != generate-id(.)">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'DOCUMENT-POINT-DUP'"/>
          <xsl:with-param name="ru">Номер пункта <xsl:value-of select="$n"/> повторяется (он уже есть в строке <xsl:call-template name="line"><xsl:with-param name="node" select="$first"/></xsl:call-template>). Если так в подлиннике, оставьте; иначе исправьте n.</xsl:with-param>
          <xsl:with-param name="en">Point number <xsl:value-of select="$n"/> is used twice (also on line <xsl:call-template name="line"><xsl:with-param name="node" select="$first"/></xsl:call-template>). Keep it if the original says so; otherwise fix n.</xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$parent and contains($n, '.')
                      and not(starts-with($n, concat(normalize-space($parent/@n), '.')))">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'DOCUMENT-POINT-PARENT'"/>
          <xsl:with-param name="ru">Подпункт <xsl:value-of select="$n"/> стоит внутри пункта <xsl:value-of select="normalize-space($parent/@n)"/>: ожидался номер вида <xsl:value-of select="normalize-space($parent/@n)"/>.N. Если так в подлиннике, оставьте; иначе исправьте n.</xsl:with-param>
          <xsl:with-param name="en">Sub-point <xsl:value-of select="$n"/> is inside point <xsl:value-of select="normalize-space($parent/@n)"/>: expected a number <xsl:value-of select="normalize-space($parent/@n)"/>.N. Keep it if the original says so; otherwise fix n.</xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$first-in-part or $prev/@n">
        <xsl:variable name="expected">
          <xsl:call-template name="next-number">
            <xsl:with-param name="prev" select="normalize-space($prev/@n)"/>
            <xsl:with-param name="n" select="$n"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:if test="$expected != '' and $expected != $n">
          <xsl:call-template name="diag">
            <xsl:with-param name="code" select="'DOCUMENT-POINT-GAP'"/>
            <xsl:with-param name="ru">Пункт <xsl:value-of select="$n"/> идёт <xsl:choose><xsl:when test="$prev">после пункта <xsl:value-of select="normalize-space($prev/@n)"/></xsl:when><xsl:otherwise>первым</xsl:otherwise></xsl:choose>: ожидался номер <xsl:value-of select="$expected"/>. Если так в подлиннике, оставьте; иначе исправьте n.</xsl:with-param>
            <xsl:with-param name="en">Point <xsl:value-of select="$n"/> comes <xsl:choose><xsl:when test="$prev">after point <xsl:value-of select="normalize-space($prev/@n)"/></xsl:when><xsl:otherwise>first</xsl:otherwise></xsl:choose>: expected number <xsl:value-of select="$expected"/>. Keep it if the original says so; otherwise fix n.</xsl:with-param>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The number expected after $prev ("" = first at its level), in the
       form of $n: "4" after "3", "8.2" after "8.1", "1" or "8.1" first.
       Empty when it cannot be told (letters, Roman numbers, other heads). -->
  <xsl:template name="next-number">
    <xsl:param name="prev"/>
    <xsl:param name="n"/>
    <xsl:variable name="n-last" select="str:tokenize($n, '.')[last()]"/>
    <xsl:variable name="n-head" select="substring($n, 1, string-length($n) - string-length($n-last))"/>
    <xsl:choose>
      <xsl:when test="$prev = ''">
        <xsl:if test="translate($n-last, '0123456789', '') = ''">
          <xsl:value-of select="concat($n-head, '1')"/>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="p-last" select="str:tokenize($prev, '.')[last()]"/>
        <xsl:variable name="p-head" select="substring($prev, 1, string-length($prev) - string-length($p-last))"/>
        <xsl:if test="translate($p-last, '0123456789', '') = '' and translate($n-last, '0123456789', '') = ''
                      and $p-head = $n-head">
          <xsl:value-of select="concat($p-head, number($p-last) + 1)"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Helpers                                                          -->
  <!-- ============================================================== -->

  <xsl:template name="diag">
    <xsl:param name="code"/>
    <xsl:param name="severity" select="'warning'"/>
    <xsl:param name="node" select="."/>
    <xsl:param name="ru"/>
    <xsl:param name="en"/>
    <folio:diag code="{$code}" severity="{$severity}">
      <xsl:attribute name="line">
        <xsl:call-template name="line">
          <xsl:with-param name="node" select="$node"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:choose>
        <xsl:when test="$lang-en"><xsl:value-of select="normalize-space($en)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space($ru)"/></xsl:otherwise>
      </xsl:choose>
    </folio:diag>
  </xsl:template>

  <xsl:template name="line">
    <xsl:param name="node" select="."/>
    <xsl:choose>
      <xsl:when test="function-available('folio:line')">
        <xsl:value-of select="folio:line($node)"/>
      </xsl:when>
      <xsl:when test="function-available('saxon:line-number')">
        <xsl:for-each select="$node[1]"><xsl:value-of select="saxon:line-number()"/></xsl:for-each>
      </xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
