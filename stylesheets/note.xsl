<?xml version="1.0" encoding="UTF-8"?>
<!--
  note.xsl — urn:folio:note → XSL-FO for folio's engine.
  XSLT 1.0 (libxslt).  Layout: GOST R 7.0.97 as summarised in
  shared/design/gost-layout.md §1, §2, §3.6, §4; vocabulary:
  schemas/note.xsd, docs/note.md.

  Order of the printed note (one fo:page-sequence):
    [access mark / approval stamp / addressee, right zone]
    [organisation / unit]               (centred, or corner zone)
    СПРАВКА (centred, bold)
    [date ...................... № number]   [place]
    heading [по состоянию на DATE]      (centred, bold)
    text: paragraphs, lists, tables, points, sections
    [Приложение: … на 3 л. в 1 экз.]
    [signature: position at left, И.О. Фамилия at right]
    [date under the signature, at the left]
    [executor mark at the foot of the last page]

  The requisites and the running text are templates of requisites.xsl
  (on top of common.xsl).
  Emits only the FO subset folio's engine supports; blocks made from
  source elements carry folio:line.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:folio="urn:folio:fo"
                xmlns:n="urn:folio:note"
                exclude-result-prefixes="n">

  <xsl:import href="requisites.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- Containers: their whitespace is layout of the source, not text. -->
  <xsl:strip-space elements="n:note n:org n:people n:person n:addressee
                             n:approval n:text n:list n:section n:table
                             n:head n:row n:attachments n:signatures"/>

  <!-- 'words', 'words-long' or 'numeric' for the header date; empty: the
       date's format attribute, else 'numeric'. -->
  <xsl:param name="date-format" select="''"/>

  <xsl:variable name="doc" select="/n:note"/>

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

  <!-- Date of an element of dateType in its own format, numeric unless
       told otherwise ($override: the run parameter). -->
  <xsl:template name="date">
    <xsl:param name="override" select="''"/>
    <xsl:call-template name="folio-format-date">
      <xsl:with-param name="iso" select="."/>
      <xsl:with-param name="format">
        <xsl:choose>
          <xsl:when test="$override = 'words' or $override = 'words-long'
                          or $override = 'numeric'">
            <xsl:value-of select="$override"/>
          </xsl:when>
          <xsl:when test="@format">
            <xsl:value-of select="@format"/>
          </xsl:when>
          <xsl:otherwise>numeric</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="/">
    <xsl:apply-templates select="n:note"/>
  </xsl:template>

  <xsl:template match="n:note">
    <fo:root xsl:use-attribute-sets="folio-root">
      <xsl:call-template name="folio-layout-master-set">
        <xsl:with-param name="footer" select="boolean(n:executor)"/>
      </xsl:call-template>
      <fo:page-sequence initial-page-number="1" force-page-count="no-force">
        <xsl:attribute name="master-reference">
          <xsl:choose>
            <xsl:when test="n:executor">folio-pages-footer</xsl:when>
            <xsl:otherwise>folio-pages</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:call-template name="folio-page-number"/>
        <xsl:call-template name="folio-executor-footer">
          <xsl:with-param name="executor" select="n:executor"/>
        </xsl:call-template>
        <fo:flow flow-name="xsl-region-body">
          <fo:block font-family="{$folio-font-family}"
                    font-size="{$folio-font-size}"
                    line-height="{$folio-line-height}"
                    text-align="justify">
            <xsl:call-template name="folio-line"/>
            <xsl:call-template name="header"/>
            <fo:block space-before="24pt">
              <xsl:apply-templates select="n:text/*" mode="folio-block"/>
            </fo:block>
            <xsl:call-template name="folio-attachment-mark">
              <xsl:with-param name="mark" select="n:attachments"/>
            </xsl:call-template>
            <xsl:call-template name="folio-signature-block">
              <xsl:with-param name="block" select="n:signatures"/>
            </xsl:call-template>
            <xsl:for-each select="n:signed">
              <fo:block hyphenate="false" text-indent="0" text-align="start" space-before="6pt"
                        keep-with-previous="always">
                <xsl:call-template name="folio-line"/>
                <xsl:call-template name="date"/>
              </fo:block>
            </xsl:for-each>
          </fo:block>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <xsl:template name="header">
    <xsl:call-template name="folio-header">
      <xsl:with-param name="layout" select="@header"/>
      <xsl:with-param name="org" select="n:org"/>
      <xsl:with-param name="title">
        <xsl:call-template name="folio-label">
          <xsl:with-param name="id">
            <xsl:choose>
              <xsl:when test="@kind">
                <xsl:value-of select="concat('kind.', normalize-space(@kind))"/>
              </xsl:when>
              <xsl:otherwise>kind.справка</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="upper" select="true()"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="date">
        <xsl:for-each select="n:date">
          <xsl:call-template name="date">
            <xsl:with-param name="override" select="$date-format"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:with-param>
      <xsl:with-param name="date-node" select="(n:date | n:number)[1]"/>
      <xsl:with-param name="number" select="n:number"/>
      <xsl:with-param name="place">
        <xsl:call-template name="folio-text">
          <xsl:with-param name="s" select="n:place"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="place-node" select="n:place"/>
      <xsl:with-param name="heading">
        <xsl:call-template name="folio-prose">
          <xsl:with-param name="s" select="n:heading"/>
        </xsl:call-template>
        <xsl:for-each select="n:as-of">
          <xsl:text> </xsl:text>
          <xsl:call-template name="folio-label">
            <xsl:with-param name="id" select="'date.as-of'"/>
          </xsl:call-template>
          <xsl:text>&#160;</xsl:text>
          <xsl:call-template name="date"/>
        </xsl:for-each>
      </xsl:with-param>
      <xsl:with-param name="heading-node" select="n:heading"/>
      <xsl:with-param name="gost" select="$the-gost"/>
      <xsl:with-param name="right">
        <xsl:if test="n:access">
          <xsl:call-template name="folio-access-mark">
            <xsl:with-param name="mark" select="n:access"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="n:approval">
          <fo:block>
            <xsl:if test="n:access">
              <xsl:attribute name="space-before">
                <xsl:value-of select="$folio-gap"/>
              </xsl:attribute>
            </xsl:if>
            <xsl:call-template name="folio-approval-stamp">
              <xsl:with-param name="stamp" select="n:approval"/>
            </xsl:call-template>
          </fo:block>
        </xsl:if>
        <xsl:if test="n:addressee">
          <fo:block>
            <xsl:if test="n:access or n:approval">
              <xsl:attribute name="space-before">
                <xsl:value-of select="$folio-gap"/>
              </xsl:attribute>
            </xsl:if>
            <xsl:for-each select="n:addressee/n:line">
              <fo:block>
                <xsl:call-template name="folio-line"/>
                <xsl:call-template name="folio-prose">
                  <xsl:with-param name="s" select="."/>
                </xsl:call-template>
              </fo:block>
            </xsl:for-each>
          </fo:block>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
