<?xml version="1.0" encoding="UTF-8"?>
<!--
  note-rules.xsl — checks of an information note (справка) beyond its
  schema: the dates agree with each other, attachment marks say something,
  an external note is signed.

  folio applies it to the source after note.xsd has accepted it; the
  output is a list of
    <folio:diag code="NOTE-…" severity="error|warning" line="N">message</folio:diag>
  which folio prints as FILE:LINE:COL: error|warning: message [code].
  Every rule and its code: docs/rules.md.

  The note's date is <date>, or, when the header has none, <signed> (the
  date under the signature).  Runs under plain xsltproc too (line numbers
  from saxon:line-number).  Messages are Russian; English when the root has
  xml:lang="en".
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:n="urn:folio:note"
                xmlns:folio="urn:folio:fo"
                xmlns:saxon="http://icl.com/saxon"
                exclude-result-prefixes="n saxon">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:variable name="lang-en" select="starts-with(/*/@xml:lang, 'en')"/>
  <xsl:variable name="doc" select="/n:note"/>
  <xsl:variable name="date-el" select="($doc/n:date | $doc/n:signed)[1]"/>
  <xsl:variable name="date" select="normalize-space($date-el)"/>

  <xsl:template match="/">
    <folio:diags>
      <xsl:for-each select="$doc">
        <xsl:call-template name="check-as-of"/>
        <xsl:call-template name="check-signed"/>
        <xsl:call-template name="check-approval"/>
        <xsl:call-template name="check-attachments"/>
        <xsl:call-template name="check-signature"/>
      </xsl:for-each>
    </folio:diags>
  </xsl:template>

  <!-- NOTE-AS-OF-FUTURE: "по состоянию на" a day after the note's date. -->
  <xsl:template name="check-as-of">
    <xsl:for-each select="n:as-of">
      <xsl:variable name="d" select="normalize-space(.)"/>
      <xsl:if test="$date != '' and translate($d, '-', '') > translate($date, '-', '')">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'NOTE-AS-OF-FUTURE'"/>
          <xsl:with-param name="ru">Сведения «по состоянию на <xsl:call-template name="date"><xsl:with-param name="d" select="$d"/></xsl:call-template>» позже даты справки <xsl:call-template name="date"><xsl:with-param name="d" select="$date"/></xsl:call-template> (&lt;<xsl:value-of select="local-name($date-el)"/>&gt;): справка не может описывать состояние на будущую дату.</xsl:with-param>
          <xsl:with-param name="en">The data are "as of <xsl:value-of select="$d"/>", after the note's date <xsl:value-of select="$date"/> (&lt;<xsl:value-of select="local-name($date-el)"/>&gt;): a note cannot state facts as of a later day.</xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- NOTE-DATE-MISMATCH: the header date and the date under the signature differ. -->
  <xsl:template name="check-signed">
    <xsl:for-each select="n:signed[../n:date]">
      <xsl:if test="normalize-space(.) != $date">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'NOTE-DATE-MISMATCH'"/>
          <xsl:with-param name="severity" select="'warning'"/>
          <xsl:with-param name="ru">Дата под подписью <xsl:call-template name="date"><xsl:with-param name="d" select="normalize-space(.)"/></xsl:call-template> не совпадает с датой справки в шапке <xsl:call-template name="date"><xsl:with-param name="d" select="$date"/></xsl:call-template>: у документа одна дата — оставьте &lt;date&gt; или &lt;signed&gt;.</xsl:with-param>
          <xsl:with-param name="en">The date under the signature, <xsl:value-of select="normalize-space(.)"/>, differs from the header date <xsl:value-of select="$date"/>: a document has one date — keep &lt;date&gt; or &lt;signed&gt;.</xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- NOTE-APPROVAL-EARLY: approved before it was written. -->
  <xsl:template name="check-approval">
    <xsl:for-each select="n:approval/n:date">
      <xsl:variable name="d" select="normalize-space(.)"/>
      <xsl:if test="$date != '' and translate($d, '-', '') &lt; translate($date, '-', '')">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'NOTE-APPROVAL-EARLY'"/>
          <xsl:with-param name="severity" select="'warning'"/>
          <xsl:with-param name="ru">Дата утверждения <xsl:call-template name="date"><xsl:with-param name="d" select="$d"/></xsl:call-template> раньше даты справки <xsl:call-template name="date"><xsl:with-param name="d" select="$date"/></xsl:call-template>: документ утверждают после того, как он составлен.</xsl:with-param>
          <xsl:with-param name="en">The approval date <xsl:value-of select="$d"/> is before the note's date <xsl:value-of select="$date"/>: a document is approved after it is written.</xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- NOTE-ATTACHMENT-EMPTY: "Приложение: в 1 экз." says nothing. -->
  <xsl:template name="check-attachments">
    <xsl:for-each select="n:attachments/n:item[normalize-space(.) = '' and not(@sheets)]">
      <xsl:call-template name="diag">
        <xsl:with-param name="code" select="'NOTE-ATTACHMENT-EMPTY'"/>
        <xsl:with-param name="ru">Отметка о приложении без названия и без числа листов: напишите название приложения в &lt;item&gt; или укажите sheets="…", если оно уже названо в тексте.</xsl:with-param>
        <xsl:with-param name="en">Attachment mark with neither a title nor a number of sheets: write the attachment's title in &lt;item&gt;, or give sheets="…" when the text already names it.</xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- NOTE-UNSIGNED: a note sent to an addressee must be signed. -->
  <xsl:template name="check-signature">
    <xsl:if test="n:addressee and not(n:signatures)">
      <xsl:call-template name="diag">
        <xsl:with-param name="code" select="'NOTE-UNSIGNED'"/>
        <xsl:with-param name="severity" select="'warning'"/>
        <xsl:with-param name="node" select="n:addressee"/>
        <xsl:with-param name="ru">Справка направляется адресату (&lt;addressee&gt;), но не подписана: добавьте &lt;signatures&gt; с подписью руководителя.</xsl:with-param>
        <xsl:with-param name="en">The note goes to an addressee (&lt;addressee&gt;) but is not signed: add &lt;signatures&gt; with the head's signature.</xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Helpers                                                          -->
  <!-- ============================================================== -->

  <xsl:template name="diag">
    <xsl:param name="code"/>
    <xsl:param name="severity" select="'error'"/>
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

  <!-- ISO date as DD.MM.YYYY. -->
  <xsl:template name="date">
    <xsl:param name="d"/>
    <xsl:value-of select="concat(substring($d, 9, 2), '.', substring($d, 6, 2), '.', substring($d, 1, 4))"/>
  </xsl:template>

</xsl:stylesheet>
