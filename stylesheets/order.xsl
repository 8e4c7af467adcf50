<?xml version="1.0" encoding="UTF-8"?>
<!--
  order.xsl — urn:folio:order → XSL-FO for folio's engine.
  XSLT 1.0 (libxslt).  Layout: GOST R 7.0.97 as summarised in
  shared/design/gost-layout.md §1, §2, §3.3, §4; vocabulary:
  schemas/order.xsd, docs/order.md.

  Order of the printed act (one fo:page-sequence):
    [access mark, right zone]
    ORGANISATION (centred, bold)
    РАСПОРЯЖЕНИЕ (centred, bold)
    date ...................................... № number     (dateline split)
       or  "от 13 апреля 2018 года № 344-р/адм" centred      (dateline inline)
    place (centred)
    Heading (centred, bold, at most 12 cm wide)
    preamble paragraphs [ПРИКАЗЫВАЮ:]
    points 1. / 1.1. with lists, paragraphs, tables
    signature: position at left, И.О. Фамилия at right
    [executor mark at the foot of the last page]
  Then each appendix in its own fo:page-sequence (so it starts on a new
  page and may number its pages from 1):
    mark in the right zone: "Приложение № 1 / к распоряжению … / от … № …"
      or "УТВЕРЖДЕНО / распоряжением … / от … № …"
    ПОЛОЖЕНИЕ (centred, bold) / heading (centred, bold)
    points, sections, paragraphs, lists, tables.

  The shared requisites (header, marks, signature, executor) and the
  running text (points, lists, tables) are templates of requisites.xsl
  (on top of common.xsl); this
  module only decides what goes where.  Emits only the FO subset folio's
  engine supports; blocks made from source elements carry folio:line.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:folio="urn:folio:fo"
                xmlns:o="urn:folio:order"
                exclude-result-prefixes="o">

  <xsl:import href="requisites.xsl"/>
  <!-- signed documents: empty signature fields over the signature lines -->
  <xsl:variable name="folio-signature-fields" select="true()"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- Containers: their whitespace is layout of the source, not text.
       Mixed-content elements (p, point, li, cell, b, i, who) keep theirs;
       it is collapsed when printed. -->
  <xsl:strip-space elements="o:order o:org o:people o:person o:preamble
                             o:text o:list o:signatures o:appendix
                             o:section o:table o:head o:row"/>

  <!-- ============================================================== -->
  <!-- Parameters (document attributes win over them)                   -->
  <!-- ============================================================== -->

  <!-- 'split' or 'inline'; empty: the order's dateline attribute. -->
  <xsl:param name="dateline" select="''"/>
  <!-- 'words', 'words-long' or 'numeric' for the order's date; empty: the
       date's format attribute, else 'numeric'. -->
  <xsl:param name="date-format" select="''"/>
  <!-- 'restart' or 'continue'; empty: the order's appendix-pages. -->
  <xsl:param name="appendix-pages" select="''"/>

  <xsl:variable name="doc" select="/o:order"/>
  <xsl:variable name="kind" select="normalize-space($doc/@kind)"/>

  <xsl:variable name="the-dateline">
    <xsl:choose>
      <xsl:when test="$dateline = 'split' or $dateline = 'inline'">
        <xsl:value-of select="$dateline"/>
      </xsl:when>
      <xsl:when test="$doc/@dateline = 'inline'">inline</xsl:when>
      <xsl:otherwise>split</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:variable name="the-date-format">
    <xsl:choose>
      <xsl:when test="$date-format = 'words' or $date-format = 'words-long'
                      or $date-format = 'numeric'">
        <xsl:value-of select="$date-format"/>
      </xsl:when>
      <xsl:when test="$doc/o:date/@format">
        <xsl:value-of select="$doc/o:date/@format"/>
      </xsl:when>
      <xsl:otherwise>numeric</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:variable name="the-appendix-pages">
    <xsl:choose>
      <xsl:when test="$appendix-pages = 'restart' or $appendix-pages = 'continue'">
        <xsl:value-of select="$appendix-pages"/>
      </xsl:when>
      <xsl:when test="$doc/@appendix-pages = 'continue'">continue</xsl:when>
      <xsl:otherwise>restart</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

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

  <!-- ============================================================== -->
  <!-- Document                                                         -->
  <!-- ============================================================== -->

  <xsl:template match="/">
    <xsl:apply-templates select="o:order"/>
  </xsl:template>

  <xsl:template match="o:order">
    <fo:root xsl:use-attribute-sets="folio-root">
      <xsl:call-template name="folio-layout-master-set">
        <xsl:with-param name="footer" select="boolean(o:executor)"/>
      </xsl:call-template>
      <fo:page-sequence initial-page-number="1" force-page-count="no-force">
        <xsl:attribute name="master-reference">
          <xsl:choose>
            <xsl:when test="o:executor">folio-pages-footer</xsl:when>
            <xsl:otherwise>folio-pages</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:call-template name="folio-page-number"/>
        <xsl:call-template name="folio-executor-footer">
          <xsl:with-param name="executor" select="o:executor"/>
        </xsl:call-template>
        <fo:flow flow-name="xsl-region-body">
          <fo:block font-family="{$folio-font-family}"
                    font-size="{$folio-font-size}"
                    line-height="{$folio-line-height}"
                    text-align="justify">
            <xsl:call-template name="folio-line"/>
            <xsl:call-template name="header"/>
            <fo:block space-before="24pt">
              <xsl:apply-templates select="o:preamble"/>
              <xsl:apply-templates select="o:verb[not(@style = 'inline') or not(../o:preamble)]"/>
              <xsl:apply-templates select="o:text/*" mode="folio-block"/>
            </fo:block>
            <xsl:call-template name="folio-signature-block">
              <xsl:with-param name="block" select="o:signatures"/>
            </xsl:call-template>
          </fo:block>
        </fo:flow>
      </fo:page-sequence>
      <xsl:apply-templates select="o:appendix"/>
    </fo:root>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Header                                                           -->
  <!-- ============================================================== -->

  <xsl:template name="header">
    <xsl:call-template name="folio-header">
      <xsl:with-param name="layout" select="@header"/>
      <xsl:with-param name="org" select="o:org"/>
      <xsl:with-param name="title">
        <xsl:call-template name="folio-label">
          <xsl:with-param name="id" select="concat('kind.', $kind)"/>
          <xsl:with-param name="upper" select="true()"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="date">
        <xsl:call-template name="folio-format-date">
          <xsl:with-param name="iso" select="o:date"/>
          <xsl:with-param name="format" select="$the-date-format"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="date-node" select="o:date"/>
      <xsl:with-param name="number" select="o:number"/>
      <xsl:with-param name="dateline" select="$the-dateline"/>
      <xsl:with-param name="place">
        <xsl:call-template name="folio-text">
          <xsl:with-param name="s" select="o:place"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="place-node" select="o:place"/>
      <xsl:with-param name="heading">
        <xsl:call-template name="folio-prose">
          <xsl:with-param name="s" select="o:heading"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="heading-node" select="o:heading"/>
      <xsl:with-param name="gost" select="$the-gost"/>
      <xsl:with-param name="right">
        <xsl:if test="o:access">
          <xsl:call-template name="folio-access-mark">
            <xsl:with-param name="mark" select="o:access"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Preamble, verb                                                   -->
  <!-- ============================================================== -->

  <!-- Preamble paragraphs; an inline verb ends the last one
       ("… приказываю:"). -->
  <xsl:template match="o:preamble">
    <xsl:variable name="verb" select="../o:verb[@style = 'inline']"/>
    <xsl:for-each select="o:p">
      <xsl:apply-templates select="." mode="folio-block">
        <xsl:with-param name="suffix">
          <xsl:if test="position() = last() and $verb">
            <xsl:value-of select="concat(' ', normalize-space($verb), ':')"/>
          </xsl:if>
        </xsl:with-param>
      </xsl:apply-templates>
    </xsl:for-each>
  </xsl:template>

  <!-- "ПРИКАЗЫВАЮ:" on its own line from the left border. -->
  <xsl:template match="o:verb">
    <fo:block hyphenate="false" text-indent="0" text-align="start" keep-with-next="always"
              keep-with-previous="always">
      <xsl:call-template name="folio-line"/>
      <xsl:call-template name="folio-keyword">
        <xsl:with-param name="s" select="."/>
      </xsl:call-template>
    </fo:block>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Appendices                                                       -->
  <!-- ============================================================== -->

  <xsl:template match="o:appendix">
    <xsl:variable name="appendix-kind" select="normalize-space(@kind)"/>
    <xsl:variable name="gender">
      <xsl:choose>
        <xsl:when test="@gender">
          <xsl:value-of select="@gender"/>
        </xsl:when>
        <xsl:when test="$appendix-kind != ''">
          <xsl:call-template name="folio-label-gender">
            <xsl:with-param name="id" select="concat('kind.', $appendix-kind)"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>n</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="n">
      <xsl:choose>
        <xsl:when test="@n">
          <xsl:value-of select="normalize-space(@n)"/>
        </xsl:when>
        <xsl:when test="count(../o:appendix) > 1">
          <xsl:value-of select="count(preceding-sibling::o:appendix) + 1"/>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="title">
      <xsl:choose>
        <xsl:when test="o:title">
          <xsl:call-template name="folio-upper">
            <xsl:with-param name="s" select="normalize-space(o:title)"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$appendix-kind != ''">
          <xsl:call-template name="folio-label">
            <xsl:with-param name="id" select="concat('kind.', $appendix-kind)"/>
            <xsl:with-param name="upper" select="true()"/>
          </xsl:call-template>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <fo:page-sequence force-page-count="no-force">
      <xsl:choose>
        <xsl:when test="$the-appendix-pages = 'continue'">
          <xsl:attribute name="master-reference">folio-rest</xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="master-reference">folio-pages</xsl:attribute>
          <xsl:attribute name="initial-page-number">1</xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="folio-page-number">
        <xsl:with-param name="first-sequence" select="false()"/>
      </xsl:call-template>
      <fo:flow flow-name="xsl-region-body">
        <fo:block font-family="{$folio-font-family}"
                  font-size="{$folio-font-size}"
                  line-height="{$folio-line-height}"
                  text-align="justify">
          <xsl:call-template name="folio-line"/>
          <xsl:call-template name="folio-right-zone">
            <xsl:with-param name="space-after" select="'24pt'"/>
            <xsl:with-param name="content">
              <xsl:call-template name="folio-appendix-mark">
                <xsl:with-param name="mark">
                  <xsl:choose>
                    <xsl:when test="@mark">
                      <xsl:value-of select="@mark"/>
                    </xsl:when>
                    <xsl:otherwise>appendix</xsl:otherwise>
                  </xsl:choose>
                </xsl:with-param>
                <xsl:with-param name="n" select="$n"/>
                <xsl:with-param name="gender" select="$gender"/>
                <xsl:with-param name="dative">
                  <xsl:call-template name="folio-label">
                    <xsl:with-param name="id" select="concat('kind.', $kind, '.dat')"/>
                  </xsl:call-template>
                </xsl:with-param>
                <xsl:with-param name="instrumental">
                  <xsl:call-template name="folio-label">
                    <xsl:with-param name="id" select="concat('kind.', $kind, '.ins')"/>
                  </xsl:call-template>
                </xsl:with-param>
                <xsl:with-param name="issuer" select="$doc/o:org/o:genitive"/>
                <xsl:with-param name="date" select="$doc/o:date"/>
                <xsl:with-param name="number" select="$doc/o:number"/>
              </xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:if test="$title != ''">
            <fo:block hyphenate="false" text-align="center" text-indent="0" font-weight="bold"
                      keep-with-next="always">
              <xsl:for-each select="(o:title | .)[1]">
                <xsl:call-template name="folio-line"/>
              </xsl:for-each>
              <xsl:value-of select="$title"/>
            </fo:block>
          </xsl:if>
          <xsl:for-each select="o:heading">
            <fo:block hyphenate="false" text-align="center" text-indent="0" font-weight="bold"
                      start-indent="15mm" end-indent="15mm" keep-with-next="always">
              <xsl:call-template name="folio-line"/>
              <xsl:call-template name="folio-prose">
                <xsl:with-param name="s" select="."/>
              </xsl:call-template>
            </fo:block>
          </xsl:for-each>
          <fo:block space-before="24pt">
            <xsl:apply-templates select="*[not(self::o:title or self::o:heading)]"
                                 mode="folio-block"/>
          </fo:block>
        </fo:block>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

</xsl:stylesheet>
