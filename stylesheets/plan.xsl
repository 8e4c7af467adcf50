<?xml version="1.0" encoding="UTF-8"?>
<!--
  plan.xsl — urn:folio:plan → XSL-FO for folio's engine.
  XSLT 1.0 (libxslt).  Layout: GOST R 7.0.97 as summarised in
  shared/design/gost-layout.md §1, §3.4, §4.5, §4.8; vocabulary:
  schemas/plan.xsd, docs/plan.md.

  Order of the printed plan (one fo:page-sequence):
    [access mark / approval stamp, right zone]
        УТВЕРЖДАЮ / position / И.О. Фамилия / date
     or УТВЕРЖДЕН / решением … / (протокол от … № …)
    [ORGANISATION]                        (centred)
    ПЛАН                                  (centred, bold)
    [date ..................... № number] [place]
    heading + period: "работы … на 2025 год"   (centred, bold)
    [intro: goals and tasks]
    table of measures, 12 pt:
      № п/п | Наименование мероприятия | Срок исполнения [, результат] |
      Ответственные | [Отметка о выполнении]
      1 | 2 | 3 | 4 | 5            (column numbers: on every later page
                                    only this row, GOST 5.18 — or the
                                    whole header with header="repeat")
      1. Организационные мероприятия   (row across all columns)
      1.1. | … | I квартал | Петров П.П. |
    [text after the table]
    [signature of the compiler: position at left, И.О. Фамилия at right]
    [executor mark at the foot of the last page]

  The requisites, the running text and the table of measures are
  templates of measures.xsl and requisites.xsl (shared with report.xsl);
  this module decides
  what goes where.  Emits only the FO subset folio's engine supports;
  blocks and rows made from source elements carry folio:line.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:folio="urn:folio:fo"
                xmlns:pl="urn:folio:plan"
                exclude-result-prefixes="pl">

  <xsl:import href="measures.xsl"/>
  <!-- signed documents: empty signature fields over the signature lines -->
  <xsl:variable name="folio-signature-fields" select="true()"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- Containers: their whitespace is layout of the source, not text.
       Mixed-content elements (p, point, li, cell, name, result, mark, b,
       i, who) keep theirs; it is collapsed when printed. -->
  <xsl:strip-space elements="pl:plan pl:org pl:people pl:person pl:approval
                             pl:intro pl:text pl:list pl:section pl:table
                             pl:head pl:row pl:measures pl:group pl:measure
                             pl:signatures"/>

  <!-- 'numbers' or 'repeat' for the table header on later pages; empty:
       the header attribute of <measures> (default numbers). -->
  <xsl:param name="table-header" select="''"/>

  <xsl:variable name="doc" select="/pl:plan"/>
  <xsl:variable name="year" select="substring($doc/pl:period/@start, 1, 4)"/>

  <!-- 2016 or 2025: the only difference applied so far is the width of
       the corner header zone (7.5 cm / 8 cm, gost-layout.md §0). -->
  <xsl:variable name="the-gost">
    <xsl:choose>
      <xsl:when test="$doc/@gost">
        <xsl:value-of select="$doc/@gost"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$gost-edition"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:apply-templates select="pl:plan"/>
  </xsl:template>

  <xsl:template match="pl:plan">
    <fo:root xsl:use-attribute-sets="folio-root">
      <xsl:call-template name="folio-layout-master-set">
        <xsl:with-param name="footer" select="boolean(pl:executor)"/>
      </xsl:call-template>
      <fo:page-sequence initial-page-number="1">
        <xsl:attribute name="master-reference">
          <xsl:choose>
            <xsl:when test="pl:executor">folio-pages-footer</xsl:when>
            <xsl:otherwise>folio-pages</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:call-template name="folio-page-number"/>
        <xsl:call-template name="folio-executor-footer">
          <xsl:with-param name="executor" select="pl:executor"/>
        </xsl:call-template>
        <fo:flow flow-name="xsl-region-body">
          <fo:block font-family="{$folio-font-family}"
                    font-size="{$folio-font-size}"
                    line-height="{$folio-line-height}"
                    text-align="justify">
            <xsl:call-template name="folio-line"/>
            <xsl:call-template name="header"/>
            <fo:block space-before="24pt">
              <xsl:apply-templates select="pl:intro/*" mode="folio-block"/>
              <xsl:apply-templates select="pl:measures"/>
              <xsl:apply-templates select="pl:text/*" mode="folio-block"/>
            </fo:block>
            <xsl:call-template name="folio-signature-block">
              <xsl:with-param name="block" select="pl:signatures"/>
            </xsl:call-template>
          </fo:block>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- Header: stamp in the right zone, organisation, ПЛАН, heading with
       the period ("работы … на 2025 год"). -->
  <xsl:template name="header">
    <xsl:call-template name="folio-header">
      <xsl:with-param name="layout" select="@header"/>
      <xsl:with-param name="org" select="pl:org"/>
      <xsl:with-param name="title">
        <xsl:choose>
          <xsl:when test="pl:title">
            <xsl:call-template name="folio-upper">
              <xsl:with-param name="s" select="normalize-space(pl:title)"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="folio-label">
              <xsl:with-param name="id" select="'kind.план'"/>
              <xsl:with-param name="upper" select="true()"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="title-node" select="pl:title"/>
      <xsl:with-param name="date">
        <xsl:for-each select="pl:date">
          <xsl:call-template name="folio-format-date">
            <xsl:with-param name="iso" select="."/>
            <xsl:with-param name="format">
              <xsl:choose>
                <xsl:when test="@format">
                  <xsl:value-of select="@format"/>
                </xsl:when>
                <xsl:otherwise>numeric</xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:with-param>
      <xsl:with-param name="date-node" select="(pl:date | pl:number)[1]"/>
      <xsl:with-param name="number" select="pl:number"/>
      <xsl:with-param name="place">
        <xsl:call-template name="folio-text">
          <xsl:with-param name="s" select="pl:place"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="place-node" select="pl:place"/>
      <xsl:with-param name="heading">
        <xsl:call-template name="folio-prose">
          <xsl:with-param name="s" select="pl:heading"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:call-template name="folio-period">
          <xsl:with-param name="period" select="pl:period"/>
          <xsl:with-param name="doc" select="'plan'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="heading-node" select="pl:heading"/>
      <xsl:with-param name="gost" select="$the-gost"/>
      <xsl:with-param name="right">
        <xsl:if test="pl:access">
          <xsl:call-template name="folio-access-mark">
            <xsl:with-param name="mark" select="pl:access"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="pl:approval">
          <fo:block>
            <xsl:if test="pl:access">
              <xsl:attribute name="space-before">
                <xsl:value-of select="$folio-gap"/>
              </xsl:attribute>
            </xsl:if>
            <xsl:call-template name="folio-approval-stamp">
              <xsl:with-param name="stamp" select="pl:approval"/>
            </xsl:call-template>
          </fo:block>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The table of measures (measures.xsl folio-measures); the run
       parameter table-header overrides the header attribute. -->
  <xsl:template match="pl:measures">
    <xsl:call-template name="folio-measures">
      <xsl:with-param name="doc" select="'plan'"/>
      <xsl:with-param name="year" select="$year"/>
      <xsl:with-param name="header">
        <xsl:choose>
          <xsl:when test="$table-header = 'numbers' or $table-header = 'repeat'">
            <xsl:value-of select="$table-header"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="@header"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
