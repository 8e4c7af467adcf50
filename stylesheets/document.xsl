<?xml version="1.0" encoding="UTF-8"?>
<!--
  document.xsl — urn:folio:document → XSL-FO for folio's engine.
  XSLT 1.0 (libxslt).  Layout: GOST R 7.0.97 as summarised in
  shared/design/gost-layout.md §1, §2, §4.6–4.8; vocabulary:
  schemas/document.xsd, docs/document.md.

  Order of the printed document:
    [org]  [approval stamp, top right]  TYPE  heading
    date ............................................ № number
    place
    text: section headings "I. Title" (centred, bold); points "8.1. …"
          run into their first paragraph; enumerations "1) …", "– …" set
          as paragraphs; tables (12 pt, header repeated on every page,
          optional column-number row, section rows spanning all columns);
          footnotes (superscript number, text at the foot of the page)
    signatures
    per appendix, from a new page: "Приложение [№ N]" + mark lines at the
          top right, [approval], TYPE, title, text, signatures

  Whitespace: every text node is collapsed here, so no block starts or
  ends with a space.  Typography applied to the author's text (no line
  break after "№", inside a word-numeric date "6 марта 2013 г.", between
  initials and surname, before a dash, between a number and "%").

  Template and parameter names all start with "document-" so that they
  never collide with common.xsl (imported, shared by all types).
  Emits only the FO subset folio's engine supports; every block, list and
  table made from a source element carries folio:line (see common.xsl).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:folio="urn:folio:fo"
                xmlns:d="urn:folio:document"
                xmlns:str="http://exslt.org/strings"
                exclude-result-prefixes="d str">

  <xsl:import href="common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- Containers: their whitespace is layout of the source, not text.
       Mixed-content elements (point, li, cell, footnote, p, title, b, i)
       keep theirs; it is collapsed when printed. -->
  <xsl:strip-space elements="d:document d:appendix d:section d:list d:table
                             d:head d:row d:group d:approval d:mark d:org
                             d:place d:people d:person d:signatures"/>

  <!-- ============================================================== -->
  <!-- Parameters                                                       -->
  <!-- ============================================================== -->

  <!-- Tables may be set smaller than the text (GOST 5.18). -->
  <xsl:param name="document-table-font-size" select="'12pt'"/>
  <!-- Footnote text. -->
  <xsl:param name="document-footnote-font-size" select="'12pt'"/>
  <!-- Where the lines of an approval stamp or an appendix mark start,
       measured from the left border of the text (right zone). -->
  <xsl:param name="document-zone-indent" select="'95mm'"/>
  <!-- Extra first-line indent per nesting level of enumerations, in cm. -->
  <xsl:param name="document-list-step" select="0.75"/>
  <!-- Cell borders and padding. -->
  <xsl:param name="document-rule" select="'0.5pt solid black'"/>
  <xsl:param name="document-cell-padding" select="'1mm'"/>

  <xsl:variable name="document-doc" select="/d:document"/>

  <!-- Recorded for later use: gost-layout.md §0 lists no 2016/2025
       difference that applies to this document type yet. -->
  <xsl:variable name="document-gost">
    <xsl:choose>
      <xsl:when test="$document-doc/@gost">
        <xsl:value-of select="$document-doc/@gost"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$gost-edition"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:variable name="document-months"
                select="' января февраля марта апреля мая июня июля августа сентября октября ноября декабря '"/>
  <xsl:variable name="document-capitals"
                select="'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>

  <!-- Runs of inline content between the block children of a mixed
       container (point, li, cell, footnote): key = container id | id of
       the block before the run ("" before the first block). -->
  <xsl:key name="document-run"
           match="d:point/node() | d:li/node() | d:cell/node() | d:footnote/node()"
           use="concat(generate-id(..), '|',
                       generate-id(preceding-sibling::*[self::d:p or self::d:list
                                   or self::d:table or self::d:point][1]))"/>

  <!-- ============================================================== -->
  <!-- Document                                                         -->
  <!-- ============================================================== -->

  <xsl:template match="/">
    <xsl:apply-templates select="d:document"/>
  </xsl:template>

  <xsl:template match="d:document">
    <fo:root xsl:use-attribute-sets="folio-root">
      <xsl:call-template name="folio-layout-master-set"/>
      <fo:page-sequence master-reference="folio-pages" initial-page-number="1" force-page-count="no-force">
        <xsl:call-template name="folio-page-number"/>
        <xsl:call-template name="document-footnote-separator"/>
        <fo:flow flow-name="xsl-region-body">
          <fo:block font-family="{$folio-font-family}"
                    font-size="{$folio-font-size}"
                    line-height="{$folio-line-height}"
                    text-align="justify">
            <xsl:call-template name="folio-line"/>
            <xsl:call-template name="document-title-block"/>
            <xsl:apply-templates select="d:section | d:point | d:p | d:list | d:table"/>
            <xsl:apply-templates select="d:signatures"/>
            <xsl:apply-templates select="d:appendix"/>
          </fo:block>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- The rule between the text and the footnotes at the foot of a page:
       a short line from the left border, as in typed documents. -->
  <xsl:template name="document-footnote-separator">
    <xsl:if test="//d:footnote">
      <fo:static-content flow-name="xsl-footnote-separator">
        <fo:block hyphenate="false" font-size="{$document-footnote-font-size}" text-indent="0"
                  text-align="start" space-after="3pt">
          <fo:leader leader-pattern="rule" leader-length="50mm"
                     rule-thickness="0.5pt" rule-style="solid"/>
        </fo:block>
      </fo:static-content>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Title block (document and appendix)                              -->
  <!-- ============================================================== -->

  <xsl:template name="document-title-block">
    <xsl:apply-templates select="d:org"/>
    <xsl:apply-templates select="d:approval"/>
    <xsl:apply-templates select="d:type"/>
    <xsl:apply-templates select="d:title"/>
    <xsl:call-template name="document-date-line"/>
    <xsl:apply-templates select="d:place"/>
  </xsl:template>

  <!-- Organisation: parent above, full name, short name in parentheses;
       centred, single spacing. -->
  <xsl:template match="d:org">
    <fo:block hyphenate="false" text-align="center" text-indent="0" space-after="{$folio-gap}"
              keep-with-next="always">
      <xsl:call-template name="folio-line"/>
      <xsl:for-each select="d:parent | d:name | d:short">
        <fo:block>
          <xsl:call-template name="folio-line"/>
          <xsl:if test="self::d:short">(</xsl:if>
          <xsl:call-template name="document-typo">
            <xsl:with-param name="s" select="normalize-space(.)"/>
          </xsl:call-template>
          <xsl:if test="self::d:short">)</xsl:if>
        </fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <!-- Approval stamp and appendix mark: lines flush left in the right
       zone, single spacing, never justified. -->
  <xsl:template match="d:approval | d:mark">
    <fo:block hyphenate="false" start-indent="{$document-zone-indent}" text-indent="0"
              text-align="start" space-after="{$folio-gap}" keep-with-next="always">
      <xsl:call-template name="folio-line"/>
      <xsl:if test="self::d:mark">
        <xsl:call-template name="document-appendix-word"/>
      </xsl:if>
      <xsl:for-each select="d:line">
        <fo:block>
          <xsl:call-template name="folio-line"/>
          <xsl:call-template name="document-typo">
            <xsl:with-param name="s" select="normalize-space(.)"/>
          </xsl:call-template>
        </fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <!-- "Приложение" / "Приложение № 2" (context: mark or appendix). -->
  <xsl:template name="document-appendix-word">
    <fo:block>
      <xsl:text>Приложение</xsl:text>
      <xsl:for-each select="ancestor-or-self::d:appendix[1][@n]">
        <xsl:value-of select="concat(' №&#160;', normalize-space(@n))"/>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <!-- Document type: capitals, bold, centred. -->
  <xsl:template match="d:document/d:type | d:appendix/d:type">
    <fo:block hyphenate="false" text-align="center" text-indent="0" font-weight="bold"
              keep-with-next="always">
      <xsl:if test="not(../d:title)">
        <xsl:attribute name="space-after">
          <xsl:value-of select="$folio-gap"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:call-template name="folio-line"/>
      <xsl:call-template name="folio-upper">
        <xsl:with-param name="s" select="normalize-space(.)"/>
      </xsl:call-template>
    </fo:block>
  </xsl:template>

  <!-- Heading of the text: bold, centred, lines at most 12 cm long. -->
  <xsl:template match="d:document/d:title | d:appendix/d:title">
    <fo:block hyphenate="false" text-align="center" text-indent="0" font-weight="bold"
              start-indent="25mm" end-indent="25mm" keep-with-next="always"
              space-after="{$folio-gap}">
      <xsl:call-template name="folio-line"/>
      <xsl:apply-templates select="node()" mode="document-inline"/>
    </fo:block>
  </xsl:template>

  <!-- Date at the left border, "№ N" at the right border of one line. -->
  <xsl:template name="document-date-line">
    <xsl:variable name="date">
      <xsl:for-each select="d:date">
        <xsl:call-template name="folio-format-date-range">
          <xsl:with-param name="iso" select="."/>
          <xsl:with-param name="end" select="@end"/>
          <xsl:with-param name="format">
            <xsl:choose>
              <xsl:when test="@format">
                <xsl:value-of select="@format"/>
              </xsl:when>
              <xsl:otherwise>words</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="d:date or d:number">
      <fo:block text-indent="0" space-after="{$folio-gap}" keep-with-next="always">
        <xsl:for-each select="(d:date | d:number)[1]">
          <xsl:call-template name="folio-line"/>
        </xsl:for-each>
        <fo:table table-layout="fixed" width="100%" border-collapse="separate">
          <fo:table-column column-width="proportional-column-width(1)"/>
          <fo:table-column column-width="proportional-column-width(1)"/>
          <fo:table-body>
            <fo:table-row>
              <fo:table-cell>
                <fo:block hyphenate="false" text-align="start">
                  <xsl:value-of select="$date"/>
                </fo:block>
              </fo:table-cell>
              <fo:table-cell>
                <fo:block hyphenate="false" text-align="end">
                  <xsl:for-each select="d:number">
                    <xsl:value-of select="concat('№&#160;', normalize-space(.))"/>
                  </xsl:for-each>
                </fo:block>
              </fo:table-cell>
            </fo:table-row>
          </fo:table-body>
        </fo:table>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template match="d:place">
    <fo:block hyphenate="false" text-align="center" text-indent="0" space-after="{$folio-gap}"
              keep-with-next="always">
      <xsl:call-template name="folio-line"/>
      <xsl:for-each select="d:settlement | d:venue">
        <fo:block>
          <xsl:call-template name="document-typo">
            <xsl:with-param name="s" select="normalize-space(.)"/>
          </xsl:call-template>
        </fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Sections and points                                              -->
  <!-- ============================================================== -->

  <!-- Section heading "I. Title": centred and bold; a subsection (section
       in a section) from the paragraph indent.  Kept with what follows. -->
  <xsl:template match="d:section">
    <xsl:variable name="sub" select="boolean(parent::d:section)"/>
    <fo:block font-weight="bold" keep-with-next="always"
              space-before="{$folio-gap}" space-after="{$folio-gap}">
      <xsl:choose>
        <xsl:when test="$sub">
          <xsl:attribute name="text-align">start</xsl:attribute>
          <xsl:attribute name="text-indent">
            <xsl:value-of select="$folio-indent"/>
          </xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="text-align">center</xsl:attribute>
          <xsl:attribute name="text-indent">0</xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="d:title">
        <xsl:call-template name="folio-line"/>
      </xsl:for-each>
      <xsl:if test="@n">
        <xsl:value-of select="concat(normalize-space(@n), '.&#160;')"/>
      </xsl:if>
      <xsl:apply-templates select="d:title/node()" mode="document-inline"/>
    </fo:block>
    <xsl:apply-templates select="d:section | d:point | d:p | d:list | d:table"/>
  </xsl:template>

  <!-- Point: "8.1." runs into its first paragraph. -->
  <xsl:template match="d:point">
    <xsl:variable name="n">
      <xsl:call-template name="document-point-number"/>
    </xsl:variable>
    <xsl:call-template name="document-flow">
      <xsl:with-param name="prefix">
        <xsl:value-of select="$n"/>
        <xsl:if test="substring($n, string-length($n)) != '.'">.</xsl:if>
        <xsl:text>&#160;</xsl:text>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The number of a point: its n; else the parent's number and the
       position among its sibling points; else the position among the
       top-level points of the document or of its appendix. -->
  <xsl:template name="document-point-number">
    <xsl:choose>
      <xsl:when test="@n">
        <xsl:value-of select="normalize-space(@n)"/>
      </xsl:when>
      <xsl:when test="parent::d:point">
        <xsl:for-each select="parent::d:point">
          <xsl:call-template name="document-point-number"/>
        </xsl:for-each>
        <xsl:value-of select="concat('.', count(preceding-sibling::d:point) + 1)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:number level="any" count="d:point[not(parent::d:point)]" from="d:appendix"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Mixed containers: point, li, cell                                -->
  <!-- ============================================================== -->

  <!-- Lays out the context element's content: runs of inline content
       become paragraphs, block children (p, list, table, point) are
       laid out in order; $prefix (number, list marker) starts the first
       paragraph. -->
  <xsl:template name="document-flow">
    <xsl:param name="prefix" select="''"/>
    <xsl:variable name="lead"
                  select="key('document-run', concat(generate-id(), '|'))
                          [not(self::d:p or self::d:list or self::d:table or self::d:point)]"/>
    <xsl:variable name="has-lead" select="boolean($lead[self::* or normalize-space(.) != ''])"/>
    <xsl:variable name="blocks" select="d:p | d:list | d:table | d:point"/>
    <xsl:choose>
      <xsl:when test="$has-lead">
        <xsl:call-template name="document-para">
          <xsl:with-param name="nodes" select="$lead"/>
          <xsl:with-param name="prefix" select="$prefix"/>
          <xsl:with-param name="keep" select="boolean($blocks[1][self::d:table])"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$prefix != '' and not($blocks[1][self::d:p])">
        <xsl:call-template name="document-para">
          <xsl:with-param name="nodes" select="/.."/>
          <xsl:with-param name="prefix" select="$prefix"/>
          <xsl:with-param name="keep" select="true()"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
    <xsl:for-each select="$blocks">
      <xsl:choose>
        <xsl:when test="not($has-lead) and position() = 1 and self::d:p">
          <xsl:apply-templates select=".">
            <xsl:with-param name="prefix" select="$prefix"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="."/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:variable name="tail"
                    select="key('document-run', concat(generate-id(..), '|', generate-id()))
                            [not(self::d:p or self::d:list or self::d:table or self::d:point)]"/>
      <xsl:if test="$tail[self::* or normalize-space(.) != '']">
        <xsl:call-template name="document-para">
          <xsl:with-param name="nodes" select="$tail"/>
          <xsl:with-param name="keep"
                          select="boolean(following-sibling::*[self::d:p or self::d:list
                                  or self::d:table or self::d:point][1][self::d:table])"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- One paragraph from a run of inline nodes. -->
  <xsl:template name="document-para">
    <xsl:param name="nodes"/>
    <xsl:param name="prefix" select="''"/>
    <xsl:param name="keep" select="false()"/>
    <fo:block>
      <xsl:attribute name="text-indent">
        <xsl:call-template name="document-indent"/>
      </xsl:attribute>
      <xsl:if test="$keep">
        <xsl:attribute name="keep-with-next">always</xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$nodes">
          <xsl:for-each select="$nodes[1]">
            <xsl:call-template name="folio-line"/>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="folio-line"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="$prefix"/>
      <xsl:apply-templates select="$nodes" mode="document-inline"/>
    </fo:block>
  </xsl:template>

  <!-- Paragraph element. -->
  <xsl:template match="d:p">
    <xsl:param name="prefix" select="''"/>
    <fo:block>
      <xsl:attribute name="text-indent">
        <xsl:call-template name="document-indent"/>
      </xsl:attribute>
      <xsl:if test="following-sibling::*[1][self::d:table]">
        <xsl:attribute name="keep-with-next">always</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="folio-line"/>
      <xsl:value-of select="$prefix"/>
      <xsl:apply-templates select="node()" mode="document-inline"/>
    </fo:block>
  </xsl:template>

  <!-- First-line indent of a paragraph at the context node: 1.25 cm in
       the text (0 in a table cell), plus one step per enumeration level
       below the first; 0 inside a hanging list item. -->
  <xsl:template name="document-indent">
    <xsl:variable name="depth" select="count(ancestor-or-self::d:list)"/>
    <xsl:variable name="base">
      <xsl:choose>
        <xsl:when test="ancestor-or-self::d:cell">0</xsl:when>
        <xsl:otherwise>1.25</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="ancestor-or-self::d:list[1][@layout = 'hanging']">0cm</xsl:when>
      <xsl:when test="$depth &lt;= 1 and $base = 0">0cm</xsl:when>
      <xsl:when test="$depth &lt;= 1">
        <xsl:value-of select="$folio-indent"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat(format-number($base + $document-list-step * ($depth - 1), '0.0##'), 'cm')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Enumerations                                                     -->
  <!-- ============================================================== -->

  <!-- layout="paragraph" (default): every item is a paragraph starting
       at the indent with its marker, wrapped lines from the left border,
       as in normative texts.  layout="hanging": marker column and the
       item's text in an indented column. -->
  <xsl:template match="d:list">
    <xsl:choose>
      <xsl:when test="@layout = 'hanging'">
        <xsl:variable name="depth" select="count(ancestor-or-self::d:list)"/>
        <xsl:variable name="base">
          <xsl:choose>
            <xsl:when test="ancestor::d:cell">0</xsl:when>
            <xsl:otherwise>1.25</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <fo:list-block start-indent="{concat(format-number($base + $document-list-step * ($depth - 1), '0.0##'), 'cm')}"
                       provisional-distance-between-starts="7.5mm"
                       provisional-label-separation="1.5mm">
          <xsl:call-template name="folio-line"/>
          <xsl:for-each select="d:li">
            <fo:list-item>
              <xsl:call-template name="folio-line"/>
              <fo:list-item-label end-indent="label-end()">
                <fo:block hyphenate="false" text-indent="0" text-align="start">
                  <xsl:call-template name="document-marker"/>
                </fo:block>
              </fo:list-item-label>
              <fo:list-item-body start-indent="body-start()">
                <xsl:call-template name="document-flow"/>
              </fo:list-item-body>
            </fo:list-item>
          </xsl:for-each>
        </fo:list-block>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="d:li">
          <xsl:variable name="marker">
            <xsl:call-template name="document-marker"/>
          </xsl:variable>
          <xsl:call-template name="document-flow">
            <xsl:with-param name="prefix">
              <xsl:if test="$marker != ''">
                <xsl:value-of select="concat($marker, '&#160;')"/>
              </xsl:if>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Marker of the context li: "1)", "а)", "–", "•" or nothing. -->
  <xsl:template name="document-marker">
    <xsl:variable name="type" select="../@type"/>
    <xsl:variable name="start">
      <xsl:choose>
        <xsl:when test="../@start">
          <xsl:value-of select="../@start"/>
        </xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="n" select="$start + count(preceding-sibling::d:li)"/>
    <xsl:choose>
      <xsl:when test="$type = 'number'">
        <xsl:value-of select="concat($n, ')')"/>
      </xsl:when>
      <xsl:when test="$type = 'letter'">
        <!-- Russian practice skips ё, й, ъ, ы, ь (and з/ч look-alikes are kept). -->
        <xsl:value-of select="concat(substring('абвгдежзиклмнопрстуфхцчшщэюя', (($n - 1) mod 28) + 1, 1), ')')"/>
      </xsl:when>
      <xsl:when test="$type = 'bullet'">•</xsl:when>
      <xsl:when test="$type = 'none'"/>
      <xsl:otherwise>–</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Tables                                                           -->
  <!-- ============================================================== -->

  <xsl:template match="d:table">
    <xsl:variable name="numbers" select="@column-numbers = 'true' or @column-numbers = '1'
                                         or @header = 'numbers'"/>
    <fo:block hyphenate="false" text-indent="0" text-align="start" font-size="{$document-table-font-size}"
              space-before="6pt" space-after="6pt">
      <xsl:call-template name="folio-line"/>
      <xsl:apply-templates select="d:caption"/>
      <xsl:choose>
        <xsl:when test="@header = 'numbers' and d:head">
          <!-- GOST 5.18: the full header once, then on every page only the
               row of column numbers.  The header is a table of its own,
               kept with the first rows of the body table, whose
               fo:table-header is the number row. -->
          <fo:block keep-with-next="always">
            <fo:table table-layout="fixed" width="100%" border-collapse="collapse">
              <xsl:call-template name="folio-line"/>
              <xsl:call-template name="document-columns"/>
              <fo:table-body>
                <xsl:apply-templates select="d:head/d:row" mode="document-head"/>
              </fo:table-body>
            </fo:table>
          </fo:block>
          <fo:table table-layout="fixed" width="100%" border-collapse="collapse">
            <xsl:call-template name="folio-line"/>
            <xsl:call-template name="document-columns"/>
            <fo:table-header>
              <xsl:call-template name="document-number-row"/>
            </fo:table-header>
            <fo:table-body>
              <xsl:apply-templates select="d:row | d:group"/>
            </fo:table-body>
          </fo:table>
        </xsl:when>
        <xsl:otherwise>
          <fo:table table-layout="fixed" width="100%" border-collapse="collapse">
            <xsl:call-template name="folio-line"/>
            <xsl:call-template name="document-columns"/>
            <xsl:if test="d:head or $numbers">
              <fo:table-header>
                <xsl:apply-templates select="d:head/d:row" mode="document-head">
                  <xsl:with-param name="more" select="$numbers"/>
                </xsl:apply-templates>
                <xsl:if test="$numbers">
                  <xsl:call-template name="document-number-row"/>
                </xsl:if>
              </fo:table-header>
            </xsl:if>
            <fo:table-body>
              <xsl:apply-templates select="d:row | d:group"/>
            </fo:table-body>
          </fo:table>
        </xsl:otherwise>
      </xsl:choose>
    </fo:block>
  </xsl:template>

  <!-- "Таблица 1 – Caption", above the table from the left border. -->
  <xsl:template match="d:caption">
    <fo:block hyphenate="false" text-align="start" text-indent="0" keep-with-next="always"
              font-size="{$folio-font-size}" space-after="3pt">
      <xsl:call-template name="folio-line"/>
      <xsl:text>Таблица</xsl:text>
      <xsl:if test="../@n">
        <xsl:value-of select="concat('&#160;', normalize-space(../@n))"/>
      </xsl:if>
      <xsl:text>&#160;– </xsl:text>
      <xsl:apply-templates select="node()" mode="document-inline"/>
    </fo:block>
  </xsl:template>

  <xsl:template name="document-columns">
    <xsl:for-each select="d:col">
      <fo:table-column>
        <xsl:attribute name="column-width">
          <xsl:variable name="w" select="normalize-space(@width)"/>
          <xsl:choose>
            <xsl:when test="$w = ''">proportional-column-width(1)</xsl:when>
            <xsl:when test="substring($w, string-length($w)) = '*'">
              <xsl:value-of select="concat('proportional-column-width(',
                                           substring($w, 1, string-length($w) - 1), ')')"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="$w"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </fo:table-column>
    </xsl:for-each>
  </xsl:template>

  <!-- The row "1 | 2 | 3" of column numbers. -->
  <xsl:template name="document-number-row">
    <fo:table-row>
      <xsl:for-each select="d:col">
        <fo:table-cell border="{$document-rule}" padding="{$document-cell-padding}"
                       display-align="center">
          <fo:block hyphenate="false" text-align="center">
            <xsl:value-of select="position()"/>
          </fo:block>
        </fo:table-cell>
      </xsl:for-each>
    </fo:table-row>
  </xsl:template>

  <!-- Header rows stay together: every one but the last of the header
       (the number row, when there is one, comes last) is kept with the
       next. -->
  <xsl:template match="d:row" mode="document-head">
    <xsl:param name="more" select="false()"/>
    <fo:table-row>
      <xsl:if test="$more or following-sibling::d:row">
        <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="folio-line"/>
      <xsl:for-each select="d:cell">
        <xsl:call-template name="document-cell">
          <xsl:with-param name="head" select="true()"/>
        </xsl:call-template>
      </xsl:for-each>
    </fo:table-row>
  </xsl:template>

  <!-- A body row is kept on one page (rows are short; a row split across
       pages is hard to read and can part the number from its text). -->
  <xsl:template match="d:row">
    <fo:table-row keep-together.within-page="always">
      <xsl:call-template name="folio-line"/>
      <xsl:for-each select="d:cell">
        <xsl:call-template name="document-cell"/>
      </xsl:for-each>
    </fo:table-row>
  </xsl:template>

  <!-- Section row spanning all columns, kept with the group's first row. -->
  <xsl:template match="d:group">
    <fo:table-row keep-with-next="always">
      <xsl:for-each select="d:title">
        <xsl:call-template name="folio-line"/>
      </xsl:for-each>
      <fo:table-cell number-columns-spanned="{count(../d:col)}"
                     border="{$document-rule}" padding="{$document-cell-padding}">
        <fo:block hyphenate="false" text-align="center" font-weight="bold">
          <xsl:for-each select="d:title">
            <xsl:call-template name="folio-line"/>
          </xsl:for-each>
          <xsl:apply-templates select="d:title/node()" mode="document-inline"/>
        </fo:block>
      </fo:table-cell>
    </fo:table-row>
    <xsl:apply-templates select="d:row"/>
  </xsl:template>

  <!-- One cell (context: d:cell).  Alignment: the cell's, else its
       column's, else centred in the header and at the start in the body. -->
  <xsl:template name="document-cell">
    <xsl:param name="head" select="false()"/>
    <xsl:variable name="table" select="ancestor::d:table[1]"/>
    <xsl:variable name="ncols" select="count($table/d:col)"/>
    <xsl:variable name="col"
                  select="count(preceding-sibling::d:cell[not(@span)])
                          + sum(preceding-sibling::d:cell[@span != 'all']/@span) + 1"/>
    <xsl:variable name="span">
      <xsl:choose>
        <xsl:when test="@span = 'all'">
          <xsl:value-of select="$ncols - $col + 1"/>
        </xsl:when>
        <xsl:when test="@span">
          <xsl:value-of select="@span"/>
        </xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="align">
      <xsl:choose>
        <xsl:when test="@align">
          <xsl:value-of select="@align"/>
        </xsl:when>
        <xsl:when test="$head">center</xsl:when>
        <xsl:when test="$table/d:col[$col]/@align">
          <xsl:value-of select="$table/d:col[$col]/@align"/>
        </xsl:when>
        <xsl:otherwise>left</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <!-- a cell cut at a page end keeps its rules on both pages: the grid
         stays closed (padding goes, as usual) -->
    <fo:table-cell border="{$document-rule}" padding="{$document-cell-padding}"
                   border-before-width.conditionality="retain"
                   border-after-width.conditionality="retain">
      <xsl:if test="$span > 1">
        <xsl:attribute name="number-columns-spanned">
          <xsl:value-of select="$span"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:if test="$head">
        <xsl:attribute name="display-align">center</xsl:attribute>
      </xsl:if>
      <fo:block>
        <xsl:attribute name="text-align">
          <xsl:choose>
            <xsl:when test="$align = 'left'">start</xsl:when>
            <xsl:when test="$align = 'right'">end</xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="$align"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:call-template name="folio-line"/>
        <xsl:call-template name="document-flow"/>
      </fo:block>
    </fo:table-cell>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Appendices and signatures                                        -->
  <!-- ============================================================== -->

  <xsl:template match="d:appendix">
    <fo:block break-before="page">
      <xsl:call-template name="folio-line"/>
      <xsl:choose>
        <xsl:when test="d:mark">
          <xsl:apply-templates select="d:mark"/>
        </xsl:when>
        <xsl:otherwise>
          <fo:block hyphenate="false" start-indent="{$document-zone-indent}" text-indent="0"
                    text-align="start" space-after="{$folio-gap}" keep-with-next="always">
            <xsl:call-template name="document-appendix-word"/>
          </fo:block>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="document-title-block"/>
      <xsl:apply-templates select="d:section | d:point | d:p | d:list | d:table"/>
      <xsl:apply-templates select="d:signatures"/>
    </fo:block>
  </xsl:template>

  <!-- Signatures: two to three intervals below the text, kept with its
       last lines; role at the left border, "И.О. Фамилия" at the right. -->
  <xsl:template match="d:signatures">
    <fo:block space-before="28pt" text-indent="0"
              keep-with-previous="always" keep-together.within-page="always">
      <xsl:call-template name="folio-line"/>
      <xsl:for-each select="d:sign">
        <xsl:call-template name="folio-signature">
          <xsl:with-param name="role" select="@role"/>
          <xsl:with-param name="name">
            <xsl:call-template name="folio-person-name-by-ref">
              <xsl:with-param name="ref" select="@ref"/>
              <xsl:with-param name="as" select="'initials'"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="space-before">
            <xsl:choose>
              <xsl:when test="position() > 1">
                <xsl:value-of select="$folio-gap"/>
              </xsl:when>
              <xsl:otherwise>0pt</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Inline content                                                   -->
  <!-- ============================================================== -->

  <!-- Text: whitespace collapsed; a space is kept at an edge only when an
       inline neighbour is there to receive it (never before a footnote
       mark), so blocks never start or end with a space. -->
  <xsl:template match="text()" mode="document-inline">
    <xsl:variable name="prev" select="preceding-sibling::node()[1]"/>
    <xsl:variable name="next" select="following-sibling::node()[1]"/>
    <xsl:variable name="in-inline" select="parent::d:b or parent::d:i"/>
    <xsl:variable name="prev-ok"
                  select="($prev and not($prev[self::d:p or self::d:list or self::d:table
                                              or self::d:point]))
                          or (not($prev) and $in-inline)"/>
    <xsl:variable name="next-ok"
                  select="($next and not($next[self::d:p or self::d:list or self::d:table
                                              or self::d:point or self::d:footnote]))
                          or (not($next) and $in-inline
                              and not(parent::*/following-sibling::node()[1][self::d:footnote]))"/>
    <xsl:variable name="norm" select="normalize-space(.)"/>
    <xsl:choose>
      <xsl:when test="$norm = ''">
        <xsl:if test="$prev-ok and $next-ok and $prev and $next">
          <xsl:text> </xsl:text>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="$prev-ok and normalize-space(substring(., 1, 1)) = ''">
          <xsl:choose>
            <xsl:when test="starts-with($norm, '–') or starts-with($norm, '—')">&#160;</xsl:when>
            <xsl:otherwise>
              <xsl:text> </xsl:text>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:if>
        <xsl:call-template name="document-typo">
          <xsl:with-param name="s" select="$norm"/>
        </xsl:call-template>
        <xsl:if test="$next-ok and normalize-space(substring(., string-length(.), 1)) = ''">
          <xsl:choose>
            <xsl:when test="substring($norm, string-length($norm)) = '№'">&#160;</xsl:when>
            <xsl:otherwise>
              <xsl:text> </xsl:text>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="d:b" mode="document-inline">
    <fo:inline font-weight="bold">
      <xsl:apply-templates select="node()" mode="document-inline"/>
    </fo:inline>
  </xsl:template>

  <xsl:template match="d:i" mode="document-inline">
    <fo:inline font-style="italic">
      <xsl:apply-templates select="node()" mode="document-inline"/>
    </fo:inline>
  </xsl:template>

  <!-- Footnote: superscript number in the text; the body at the foot of
       the page under a short rule, smaller, the same superscript number in
       front of its first paragraph.  Numbering runs through the whole
       document. -->
  <xsl:template match="d:footnote" mode="document-inline">
    <xsl:variable name="n">
      <xsl:number level="any" count="d:footnote"/>
    </xsl:variable>
    <fo:footnote>
      <fo:inline font-weight="normal" font-style="normal">
        <xsl:call-template name="document-footnote-mark">
          <xsl:with-param name="n" select="$n"/>
        </xsl:call-template>
      </fo:inline>
      <fo:footnote-body>
        <fo:block font-family="{$folio-font-family}"
                  font-size="{$document-footnote-font-size}"
                  line-height="{$folio-line-height}"
                  font-weight="normal" font-style="normal"
                  text-align="justify" start-indent="0" end-indent="0">
          <xsl:call-template name="folio-line"/>
          <xsl:variable name="lead"
                        select="key('document-run', concat(generate-id(), '|'))[not(self::d:p)]"/>
          <xsl:variable name="has-lead" select="boolean($lead[self::* or normalize-space(.) != ''])"/>
          <xsl:if test="$has-lead">
            <fo:block text-indent="{$folio-indent}">
              <xsl:call-template name="document-footnote-mark">
                <xsl:with-param name="n" select="$n"/>
              </xsl:call-template>
              <xsl:text>&#160;</xsl:text>
              <xsl:apply-templates select="$lead" mode="document-inline"/>
            </fo:block>
          </xsl:if>
          <xsl:for-each select="d:p">
            <fo:block text-indent="{$folio-indent}">
              <xsl:call-template name="folio-line"/>
              <xsl:if test="not($has-lead) and position() = 1">
                <xsl:call-template name="document-footnote-mark">
                  <xsl:with-param name="n" select="$n"/>
                </xsl:call-template>
                <xsl:text>&#160;</xsl:text>
              </xsl:if>
              <xsl:apply-templates select="node()" mode="document-inline"/>
            </fo:block>
            <xsl:variable name="tail"
                          select="key('document-run', concat(generate-id(..), '|', generate-id()))[not(self::d:p)]"/>
            <xsl:if test="$tail[self::* or normalize-space(.) != '']">
              <fo:block text-indent="{$folio-indent}">
                <xsl:apply-templates select="$tail" mode="document-inline"/>
              </fo:block>
            </xsl:if>
          </xsl:for-each>
        </fo:block>
      </fo:footnote-body>
    </fo:footnote>
  </xsl:template>

  <!-- The footnote number, raised and smaller. -->
  <xsl:template name="document-footnote-mark">
    <xsl:param name="n"/>
    <fo:inline baseline-shift="super" font-size="65%">
      <xsl:value-of select="$n"/>
    </fo:inline>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Typography of the author's text                                  -->
  <!-- ============================================================== -->

  <!-- $s (whitespace already collapsed) with NO-BREAK SPACEs where a line
       must not break: after "№"; inside a word-numeric date ("6 марта
       2013 г.", "12 апреля 2013 года"); between a year and "г."/"года";
       between initials and surname ("Е.В. Жарких", "Жарких Е.В.");
       before a dash; before "%"; in "2 кв. 2014".  This runs on all the
       author's text, so it is written for libxslt's speed (each XPath
       evaluation costs thousands of instructions): stretches where no
       rule can apply are copied whole, the rest goes word by word over
       EXSLT str:tokenize ($s has single spaces only, so the tokens are
       exactly its words), and only pairs a rule could apply to meet
       document-sep (a recursion over the rest of the string, word by
       word, used to be most of a long document's transform).  Under
       folio the same rules run in C, as folio:nbsp($s) (src/xslt/typo.c,
       byte for byte the same result: tests/e2e/document-typo-c.sh); the
       templates below stay for other processors (xsltproc). -->
  <xsl:template name="document-typo">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="function-available('folio:nbsp')">
        <xsl:value-of select="folio:nbsp($s)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="document-typo-xslt">
          <xsl:with-param name="s" select="$s"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="document-typo-xslt">
    <xsl:param name="s"/>
    <xsl:variable name="t" select="concat(' ', $s)"/>
    <xsl:choose>
      <!-- No word with a period or №, none starting with a digit or a
           dash: no pair can need a NO-BREAK SPACE (see below). -->
      <xsl:when test="not(contains($s, '.') or contains($s, '№')
                          or contains($t, ' 0') or contains($t, ' 1')
                          or contains($t, ' 2') or contains($t, ' 3')
                          or contains($t, ' 4') or contains($t, ' 5')
                          or contains($t, ' 6') or contains($t, ' 7')
                          or contains($t, ' 8') or contains($t, ' 9')
                          or contains($t, ' –') or contains($t, ' —')
                          or contains($t, ' -'))">
        <xsl:value-of select="$s"/>
      </xsl:when>
      <!-- A long string is halved at a space, so that the halves without
           such words cost one test each. -->
      <xsl:when test="string-length($s) > 160
                      and contains(substring($s, floor(string-length($s) div 2) + 1), ' ')">
        <xsl:variable name="half" select="floor(string-length($s) div 2)"/>
        <xsl:variable name="right0" select="substring($s, $half + 1)"/>
        <xsl:variable name="left"
                      select="concat(substring($s, 1, $half), substring-before($right0, ' '))"/>
        <xsl:variable name="right" select="substring-after($right0, ' ')"/>
        <xsl:call-template name="document-typo-xslt">
          <xsl:with-param name="s" select="$left"/>
        </xsl:call-template>
        <!-- the space between the halves -->
        <xsl:variable name="a" select="string(str:tokenize($left, ' ')[last()])"/>
        <xsl:variable name="b" select="substring-before(concat($right, ' '), ' ')"/>
        <xsl:choose>
          <xsl:when test="not(contains(concat($a, ' ', $b), '.')
                              or contains($a, '№')
                              or contains('0123456789', substring($a, 1, 1))
                              or contains('0123456789–—-', substring($b, 1, 1)))">
            <xsl:text> </xsl:text>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="document-sep">
              <xsl:with-param name="a" select="$a"/>
              <xsl:with-param name="b" select="$b"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="document-typo-xslt">
          <xsl:with-param name="s" select="$right"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="document-typo-words">
          <xsl:with-param name="s" select="$s"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Word by word. -->
  <xsl:template name="document-typo-words">
    <xsl:param name="s"/>
    <xsl:for-each select="str:tokenize($s, ' ')">
      <xsl:choose>
        <xsl:when test="position() = last()">
          <xsl:value-of select="."/>
        </xsl:when>
        <!-- Only such a pair can need a NO-BREAK SPACE (each test of
             document-sep implies one of these: a period in either word,
             "№" in the first, a digit or a dash starting the second, a
             digit starting the first); the others, most of the text, get
             their space without the full set of tests.  (contains() on
             purpose: libxml2's translate() costs far more here.) -->
        <xsl:when test="not(contains(concat(., ' ', following-sibling::*[1]), '.')
                            or contains(., '№')
                            or contains('0123456789', substring(., 1, 1))
                            or contains('0123456789–—-',
                                        substring(following-sibling::*[1], 1, 1)))">
          <xsl:value-of select="concat(., ' ')"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="."/>
          <xsl:call-template name="document-sep">
            <xsl:with-param name="a" select="string(.)"/>
            <xsl:with-param name="b" select="string(following-sibling::*[1])"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- The space between words $a and $b: NO-BREAK SPACE or a space. -->
  <xsl:template name="document-sep">
    <xsl:param name="a"/>
    <xsl:param name="b"/>
    <xsl:variable name="digits" select="'0123456789'"/>
    <xsl:variable name="a-number" select="$a != '' and translate($a, $digits, '') = ''"/>
    <xsl:variable name="b-bare" select="translate($b, ',;:.)»', '')"/>
    <!-- initials: "А." or "А.В." (capital letters) -->
    <xsl:variable name="a-initials"
                  select="(string-length($a) = 2 or string-length($a) = 4)
                          and contains($document-capitals, substring($a, 1, 1))
                          and substring($a, 2, 1) = '.'
                          and (string-length($a) = 2
                               or (contains($document-capitals, substring($a, 3, 1))
                                   and substring($a, 4, 1) = '.'))"/>
    <xsl:variable name="bt" select="translate($b, ',;:)»', '')"/>
    <xsl:variable name="b-initials"
                  select="(string-length($bt) = 2 or string-length($bt) = 4)
                          and contains($document-capitals, substring($bt, 1, 1))
                          and substring($bt, 2, 1) = '.'
                          and (string-length($bt) = 2
                               or (contains($document-capitals, substring($bt, 3, 1))
                                   and substring($bt, 4, 1) = '.'))"/>
    <xsl:choose>
      <!-- № 5 -->
      <xsl:when test="substring($a, string-length($a)) = '№'">&#160;</xsl:when>
      <!-- before a dash -->
      <xsl:when test="starts-with($b, '–') or starts-with($b, '—') or $b = '-'">&#160;</xsl:when>
      <!-- 6 марта -->
      <xsl:when test="$a-number and string-length($a) &lt;= 2
                      and contains($document-months, concat(' ', $b-bare, ' '))">&#160;</xsl:when>
      <!-- марта 2013 -->
      <xsl:when test="contains($document-months, concat(' ', $a, ' '))
                      and string-length($b) >= 4
                      and translate(substring($b, 1, 4), $digits, '') = ''">&#160;</xsl:when>
      <!-- 2013 г. / 2013 года -->
      <xsl:when test="$a-number and string-length($a) = 4
                      and (starts-with($b, 'г.') or starts-with($b, 'год'))">&#160;</xsl:when>
      <!-- 2 кв. 2014 -->
      <xsl:when test="$a-number and starts-with($b, 'кв.')">&#160;</xsl:when>
      <xsl:when test="$a = 'кв.' and string-length($b) >= 4
                      and translate(substring($b, 1, 4), $digits, '') = ''">&#160;</xsl:when>
      <!-- 20 % -->
      <xsl:when test="$a-number and starts-with($b, '%')">&#160;</xsl:when>
      <!-- Е.В. Жарких -->
      <xsl:when test="$a-initials and contains($document-capitals, substring($b, 1, 1))">&#160;</xsl:when>
      <!-- Жарких Е.В. -->
      <xsl:when test="$b-initials and string-length($a) > 1
                      and contains($document-capitals, substring($a, 1, 1))
                      and translate(substring($a, string-length($a)), '.,;:)', '') != ''">&#160;</xsl:when>
      <xsl:otherwise>
        <xsl:text> </xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
