<?xml version="1.0" encoding="UTF-8"?>
<!--
  report.xsl — urn:folio:report → XSL-FO for folio's engine.
  XSLT 1.0 (libxslt).  Layout: GOST R 7.0.97 as summarised in
  shared/design/gost-layout.md §1, §3.5, §4.2, §4.5, §4.8; vocabulary:
  schemas/report.xsd, docs/report.md.

  Order of the printed report (one fo:page-sequence):
    [access mark / approval stamp, right zone]
    [ORGANISATION]                        (centred)
    ОТЧЕТ                                 (centred, bold)
    [date ..................... № number] [place]
    heading + period: "о деятельности … за 2024 год"   (centred, bold)
    text: sections "1. Общие сведения" (centred, bold), points 1.1 …,
          paragraphs, lists, tables, and
      table of measures: № | measure | deadline | [responsible] |
          completion mark (state word in italics, achieved result);
          [summary: "Всего мероприятий – 20, из них выполнено – 16 (80,0 %), …"]
      KPI table: № | indicator | unit | target | actual | % | [reason]
          % = actual / target × 100 (target / actual for better="lower"),
          one decimal, decimal comma; the deviation in percentage points
          below it in brackets; below 100 % in bold;
          [note explaining the brackets and the bold]
      [chart: for every indicator a light bar (target) and a dark bar
          (actual), in % of the target (or in values), value labels,
          grid, 100 % line, legend; SVG in fo:instream-foreign-object,
          as wide as the text; "Рисунок 1 – …" below]
    [signature: position at left, И.О. Фамилия at right]
    [executor mark at the foot of the last page]

  The requisites, running text and the table of measures are templates of
  measures.xsl and requisites.xsl (shared with plan.xsl); the KPI table and the chart are
  here.  Emits only the FO subset folio's engine supports; blocks and rows
  made from source elements carry folio:line.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:folio="urn:folio:fo"
                xmlns:svg="http://www.w3.org/2000/svg"
                xmlns:r="urn:folio:report"
                exclude-result-prefixes="r">

  <xsl:import href="measures.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- Containers: their whitespace is layout of the source, not text.
       Mixed-content elements (p, point, li, cell, name, result, mark,
       reason, b, i, who) keep theirs; it is collapsed when printed. -->
  <xsl:strip-space elements="r:report r:org r:people r:person r:approval
                             r:text r:section r:list r:table r:head r:row
                             r:measures r:group r:measure r:kpi r:indicator
                             r:chart r:signatures"/>

  <!-- 'numbers' or 'repeat' for the header of long tables on later
       pages; empty: the header attribute of <measures> / <kpi>. -->
  <xsl:param name="table-header" select="''"/>
  <!-- Chart colours: target (light) and actual (dark) bars; both print
       distinctly in greyscale. -->
  <xsl:param name="report-chart-target" select="'#b9cce0'"/>
  <xsl:param name="report-chart-actual" select="'#2f5f8f'"/>
  <xsl:param name="report-chart-font" select="'PT Sans'"/>
  <!-- Width of the chart's drawing in pt: the text width (170 mm with the
       default margins).  The drawing is scaled to the text width anyway,
       so this only sets the size its type is designed for. -->
  <xsl:param name="report-chart-width" select="481.89"/>

  <xsl:variable name="doc" select="/r:report"/>
  <xsl:variable name="year" select="substring($doc/r:period/@start, 1, 4)"/>

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
    <xsl:apply-templates select="r:report"/>
  </xsl:template>

  <xsl:template match="r:report">
    <fo:root xsl:use-attribute-sets="folio-root">
      <xsl:call-template name="folio-layout-master-set">
        <xsl:with-param name="footer" select="boolean(r:executor)"/>
      </xsl:call-template>
      <fo:page-sequence initial-page-number="1">
        <xsl:attribute name="master-reference">
          <xsl:choose>
            <xsl:when test="r:executor">folio-pages-footer</xsl:when>
            <xsl:otherwise>folio-pages</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:call-template name="folio-page-number"/>
        <xsl:call-template name="folio-executor-footer">
          <xsl:with-param name="executor" select="r:executor"/>
        </xsl:call-template>
        <fo:flow flow-name="xsl-region-body">
          <fo:block font-family="{$folio-font-family}"
                    font-size="{$folio-font-size}"
                    line-height="{$folio-line-height}"
                    text-align="justify">
            <xsl:call-template name="folio-line"/>
            <xsl:call-template name="header"/>
            <fo:block space-before="24pt">
              <xsl:apply-templates select="r:text/*" mode="folio-block"/>
            </fo:block>
            <xsl:call-template name="folio-signature-block">
              <xsl:with-param name="block" select="r:signatures"/>
            </xsl:call-template>
          </fo:block>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- Header: stamp in the right zone, organisation, ОТЧЕТ, heading with
       the period ("о деятельности … за 2024 год"). -->
  <xsl:template name="header">
    <xsl:call-template name="folio-header">
      <xsl:with-param name="layout" select="@header"/>
      <xsl:with-param name="org" select="r:org"/>
      <xsl:with-param name="title">
        <xsl:choose>
          <xsl:when test="r:title">
            <xsl:call-template name="folio-upper">
              <xsl:with-param name="s" select="normalize-space(r:title)"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="folio-label">
              <xsl:with-param name="id" select="'kind.отчет'"/>
              <xsl:with-param name="upper" select="true()"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="title-node" select="r:title"/>
      <xsl:with-param name="date">
        <xsl:for-each select="r:date">
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
      <xsl:with-param name="date-node" select="(r:date | r:number)[1]"/>
      <xsl:with-param name="number" select="r:number"/>
      <xsl:with-param name="place">
        <xsl:call-template name="folio-text">
          <xsl:with-param name="s" select="r:place"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="place-node" select="r:place"/>
      <xsl:with-param name="heading">
        <xsl:call-template name="folio-prose">
          <xsl:with-param name="s" select="r:heading"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:call-template name="folio-period">
          <xsl:with-param name="period" select="r:period"/>
          <xsl:with-param name="doc" select="'report'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="heading-node" select="r:heading"/>
      <xsl:with-param name="gost" select="$the-gost"/>
      <xsl:with-param name="right">
        <xsl:if test="r:access">
          <xsl:call-template name="folio-access-mark">
            <xsl:with-param name="mark" select="r:access"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="r:approval">
          <fo:block>
            <xsl:if test="r:access">
              <xsl:attribute name="space-before">
                <xsl:value-of select="$folio-gap"/>
              </xsl:attribute>
            </xsl:if>
            <xsl:call-template name="folio-approval-stamp">
              <xsl:with-param name="stamp" select="r:approval"/>
            </xsl:call-template>
          </fo:block>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The header mode of a long table: the run parameter, else the
       element's attribute. -->
  <xsl:template name="header-mode">
    <xsl:choose>
      <xsl:when test="$table-header = 'numbers' or $table-header = 'repeat'">
        <xsl:value-of select="$table-header"/>
      </xsl:when>
      <xsl:when test="@header = 'repeat'">repeat</xsl:when>
      <xsl:otherwise>numbers</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Measures and their summary                                       -->
  <!-- ============================================================== -->

  <xsl:template match="r:measures" mode="folio-block">
    <xsl:call-template name="folio-measures">
      <xsl:with-param name="doc" select="'report'"/>
      <xsl:with-param name="year" select="$year"/>
      <xsl:with-param name="header">
        <xsl:call-template name="header-mode"/>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="r:summary"/>
  </xsl:template>

  <!-- "Всего мероприятий – 20, из них выполнено – 16 (80,0 %),
       выполнено частично – 2, не выполнено – 2."  A number the author
       states (attribute) is printed as stated — report-rules.xsl checks
       it against the table; the others are counted from the rows. -->
  <xsl:template match="r:summary">
    <xsl:variable name="all" select="../r:measure | ../r:group/r:measure"/>
    <fo:block text-indent="{$folio-indent}" text-align="justify" space-before="6pt"
              keep-with-previous="always">
      <xsl:call-template name="folio-line"/>
      <xsl:choose>
        <xsl:when test="normalize-space(.) != ''">
          <xsl:call-template name="folio-prose">
            <xsl:with-param name="s" select="."/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="total">
            <xsl:choose>
              <xsl:when test="@total">
                <xsl:value-of select="number(@total)"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="count($all)"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:call-template name="folio-label">
            <xsl:with-param name="id" select="'summary.total'"/>
            <xsl:with-param name="capital" select="true()"/>
          </xsl:call-template>
          <xsl:value-of select="concat('&#160;– ', $total, ', ')"/>
          <xsl:call-template name="folio-label">
            <xsl:with-param name="id" select="'summary.of-them'"/>
          </xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:variable name="parts">
            <xsl:call-template name="summary-part">
              <xsl:with-param name="status" select="'done'"/>
              <xsl:with-param name="all" select="$all"/>
              <xsl:with-param name="total" select="$total"/>
            </xsl:call-template>
            <xsl:call-template name="summary-part">
              <xsl:with-param name="status" select="'partly'"/>
              <xsl:with-param name="all" select="$all"/>
            </xsl:call-template>
            <xsl:call-template name="summary-part">
              <xsl:with-param name="status" select="'not-done'"/>
              <xsl:with-param name="all" select="$all"/>
            </xsl:call-template>
            <xsl:call-template name="summary-part">
              <xsl:with-param name="status" select="'in-progress'"/>
              <xsl:with-param name="all" select="$all"/>
            </xsl:call-template>
            <xsl:call-template name="summary-part">
              <xsl:with-param name="status" select="'moved'"/>
              <xsl:with-param name="all" select="$all"/>
            </xsl:call-template>
            <xsl:call-template name="summary-part">
              <xsl:with-param name="status" select="'cancelled'"/>
              <xsl:with-param name="all" select="$all"/>
            </xsl:call-template>
          </xsl:variable>
          <!-- parts end with ", "; the last becomes "." -->
          <xsl:value-of select="substring($parts, 1, string-length($parts) - 2)"/>
          <xsl:text>.</xsl:text>
        </xsl:otherwise>
      </xsl:choose>
    </fo:block>
  </xsl:template>

  <!-- "выполнено – 16 (80,0 %), " for one status (nothing when 0); the
       share is given for "done" only. -->
  <xsl:template name="summary-part">
    <xsl:param name="status"/>
    <xsl:param name="all"/>
    <xsl:param name="total" select="0"/>
    <xsl:variable name="stated" select="@*[local-name() = $status]"/>
    <xsl:variable name="n">
      <xsl:choose>
        <xsl:when test="$stated">
          <xsl:value-of select="number($stated)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="count($all[@status = $status])"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="$n > 0 or ($status = 'done' and $total > 0)">
      <xsl:call-template name="folio-label">
        <xsl:with-param name="id" select="concat('status.', $status)"/>
      </xsl:call-template>
      <xsl:value-of select="concat('&#160;– ', $n)"/>
      <xsl:if test="$status = 'done' and $total > 0">
        <xsl:text> (</xsl:text>
        <xsl:call-template name="folio-format-number">
          <xsl:with-param name="s">
            <xsl:choose>
              <xsl:when test="@percent">
                <xsl:value-of select="@percent"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="$n div $total * 100"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="decimals" select="1"/>
        </xsl:call-template>
        <xsl:text>&#160;%)</xsl:text>
      </xsl:if>
      <xsl:text>, </xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Key performance indicators                                       -->
  <!-- ============================================================== -->

  <!-- Fulfilment of an indicator (context: indicator), in %, unrounded:
       actual / target × 100, or target / actual × 100 when lower is
       better; NaN when it cannot be computed (no target, no actual, a
       zero divisor). -->
  <xsl:template name="kpi-percent">
    <xsl:variable name="t" select="number(translate(normalize-space(r:target), ',', '.'))"/>
    <xsl:variable name="a" select="number(translate(normalize-space(r:actual), ',', '.'))"/>
    <xsl:variable name="lower"
                  select="@better = 'lower' or (not(@better) and r:target/@bound = 'max')"/>
    <xsl:choose>
      <xsl:when test="normalize-space(r:target) = '' or normalize-space(r:actual) = ''">NaN</xsl:when>
      <xsl:when test="$lower and $a != 0">
        <xsl:value-of select="$t div $a * 100"/>
      </xsl:when>
      <xsl:when test="not($lower) and $t != 0">
        <xsl:value-of select="$a div $t * 100"/>
      </xsl:when>
      <xsl:otherwise>NaN</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Number of an indicator (context: indicator), with its period:
       n; continuous numbering (default) through the whole table; or
       "group.k" with numbering="grouped". -->
  <xsl:template name="kpi-number">
    <xsl:variable name="kpi" select="ancestor::r:kpi[1]"/>
    <xsl:choose>
      <xsl:when test="@n">
        <xsl:value-of select="normalize-space(@n)"/>
      </xsl:when>
      <xsl:when test="$kpi/@numbering = 'grouped' and parent::r:group">
        <xsl:for-each select="..">
          <xsl:call-template name="kpi-group-number"/>
        </xsl:for-each>
        <xsl:value-of select="concat('.', count(preceding-sibling::r:indicator) + 1)"/>
      </xsl:when>
      <xsl:when test="$kpi/@numbering = 'grouped'">
        <xsl:value-of select="count(preceding-sibling::r:indicator | preceding-sibling::r:group) + 1"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="count(preceding::r:indicator) - count($kpi/preceding::r:indicator) + 1"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>.</xsl:text>
  </xsl:template>

  <xsl:template name="kpi-group-number">
    <xsl:choose>
      <xsl:when test="@n">
        <xsl:value-of select="normalize-space(@n)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="count(preceding-sibling::r:indicator | preceding-sibling::r:group) + 1"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Target as printed: "не менее 30" / "не более 5" / "30"; a dash for
       none. -->
  <xsl:template name="kpi-target">
    <xsl:for-each select="r:target">
      <xsl:if test="@bound and normalize-space(.) != ''">
        <xsl:call-template name="folio-label">
          <xsl:with-param name="id" select="concat('kpi.', @bound)"/>
        </xsl:call-template>
        <!-- a plain space: in a narrow column the number goes under
             "не менее" rather than being cut -->
        <xsl:text> </xsl:text>
      </xsl:if>
    </xsl:for-each>
    <xsl:call-template name="kpi-value">
      <xsl:with-param name="v" select="r:target"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="kpi-value">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="normalize-space($v) = ''">–</xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="folio-format-number">
          <xsl:with-param name="s" select="$v"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="r:kpi" mode="folio-block">
    <xsl:variable name="inds" select=".//r:indicator"/>
    <xsl:variable name="show-reason" select="boolean($inds/r:reason)"/>
    <xsl:variable name="ncols" select="6 + $show-reason"/>
    <xsl:variable name="mode">
      <xsl:call-template name="header-mode"/>
    </xsl:variable>
    <xsl:variable name="columns">
      <!-- mm of the 170 mm text width: "Ед. изм.", "Целевое значение",
           "Причины отклонения" fit unbroken; "Фактическое" and
           "Исполнение" break at their soft hyphens; the name takes the
           rest -->
      <fo:table-column column-width="proportional-column-width(10)"/>
      <fo:table-column column-width="proportional-column-width({51 + 28 * not($show-reason)})"/>
      <fo:table-column column-width="proportional-column-width(15)"/>
      <fo:table-column column-width="proportional-column-width(23)"/>
      <fo:table-column column-width="proportional-column-width(23)"/>
      <fo:table-column column-width="proportional-column-width(20)"/>
      <xsl:if test="$show-reason">
        <fo:table-column column-width="proportional-column-width(28)"/>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="head">
      <fo:table-row>
        <xsl:call-template name="kpi-head-cell">
          <xsl:with-param name="id" select="'kpi.number'"/>
          <xsl:with-param name="first" select="true()"/>
        </xsl:call-template>
        <xsl:call-template name="kpi-head-cell">
          <xsl:with-param name="id" select="'kpi.name'"/>
        </xsl:call-template>
        <xsl:call-template name="kpi-head-cell">
          <xsl:with-param name="id" select="'kpi.unit'"/>
        </xsl:call-template>
        <xsl:call-template name="kpi-head-cell">
          <xsl:with-param name="id" select="'kpi.target'"/>
        </xsl:call-template>
        <xsl:call-template name="kpi-head-cell">
          <xsl:with-param name="id" select="'kpi.actual'"/>
        </xsl:call-template>
        <xsl:call-template name="kpi-head-cell">
          <xsl:with-param name="id" select="'kpi.percent'"/>
        </xsl:call-template>
        <xsl:if test="$show-reason">
          <xsl:call-template name="kpi-head-cell">
            <xsl:with-param name="id" select="'kpi.reason'"/>
          </xsl:call-template>
        </xsl:if>
      </fo:table-row>
    </xsl:variable>
    <xsl:variable name="body">
      <xsl:for-each select="r:group | r:indicator">
        <xsl:choose>
          <xsl:when test="self::r:group">
            <fo:table-row keep-with-next.within-page="always">
              <xsl:call-template name="folio-line"/>
              <xsl:call-template name="folio-grid-cell">
                <xsl:with-param name="first" select="true()"/>
                <xsl:with-param name="span" select="$ncols"/>
                <xsl:with-param name="align" select="'center'"/>
                <xsl:with-param name="bold" select="true()"/>
                <xsl:with-param name="hyphenate" select="false()"/>
                <xsl:with-param name="content">
                  <xsl:if test="../@numbering = 'grouped'">
                    <xsl:call-template name="kpi-group-number"/>
                    <xsl:text>.&#160;</xsl:text>
                  </xsl:if>
                  <xsl:call-template name="folio-text">
                    <xsl:with-param name="s" select="r:title"/>
                  </xsl:call-template>
                </xsl:with-param>
              </xsl:call-template>
            </fo:table-row>
            <xsl:for-each select="r:indicator">
              <xsl:call-template name="kpi-row">
                <xsl:with-param name="show-reason" select="$show-reason"/>
              </xsl:call-template>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="kpi-row">
              <xsl:with-param name="show-reason" select="$show-reason"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <!-- is any indicator off its target? (then the note explains the
         brackets and the bold) -->
    <xsl:variable name="deviations">
      <xsl:for-each select="$inds">
        <xsl:variable name="p">
          <xsl:call-template name="kpi-percent"/>
        </xsl:variable>
        <xsl:if test="string(number($p)) != 'NaN' and round(number($p) * 10) != 1000">x</xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <!-- the KPI table's columns are narrow (the reason for a deviation
         gets about 26 mm): its cells are hyphenated, so that a long word
         is divided by the rules rather than cut at the column edge -->
    <fo:block hyphenate="true" space-before="6pt" space-after="6pt" text-indent="0"
              text-align="start" font-size="{$folio-table-font-size}"
              line-height="normal">
      <xsl:call-template name="folio-line"/>
      <xsl:call-template name="folio-table-caption"/>
      <xsl:call-template name="folio-numbered-table">
        <xsl:with-param name="columns" select="$columns"/>
        <xsl:with-param name="head" select="$head"/>
        <xsl:with-param name="body" select="$body"/>
        <xsl:with-param name="ncols" select="$ncols"/>
        <xsl:with-param name="mode" select="$mode"/>
      </xsl:call-template>
      <xsl:if test="$deviations != '' and not(@note = 'false' or @note = '0')">
        <fo:block space-before="3pt" text-align="justify" text-indent="{$folio-indent}"
                  hyphenate="true" keep-with-previous="always">
          <xsl:call-template name="folio-label-fill">
            <xsl:with-param name="id" select="'kpi.note'"/>
            <xsl:with-param name="pairs" select="'{c}|6|'"/>
          </xsl:call-template>
        </fo:block>
      </xsl:if>
    </fo:block>
    <xsl:apply-templates select="r:chart"/>
  </xsl:template>

  <!-- A header cell of the KPI table, not hyphenated: the labels carry
       soft hyphens where a word is too long for its column
       ("Факти-ческое", "Испол-нение"). -->
  <xsl:template name="kpi-head-cell">
    <xsl:param name="id"/>
    <xsl:param name="first" select="false()"/>
    <xsl:param name="hyphenate" select="false()"/>
    <xsl:call-template name="folio-grid-cell">
      <xsl:with-param name="hyphenate" select="$hyphenate"/>
      <xsl:with-param name="first" select="$first"/>
      <xsl:with-param name="top" select="true()"/>
      <xsl:with-param name="bottom" select="false()"/>
      <xsl:with-param name="align" select="'center'"/>
      <xsl:with-param name="bold" select="true()"/>
      <xsl:with-param name="middle" select="true()"/>
      <xsl:with-param name="content">
        <xsl:call-template name="folio-label">
          <xsl:with-param name="id" select="$id"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- One indicator row. -->
  <xsl:template name="kpi-row">
    <xsl:param name="show-reason"/>
    <xsl:variable name="p">
      <xsl:call-template name="kpi-percent"/>
    </xsl:variable>
    <xsl:variable name="p1" select="round(number($p) * 10) div 10"/>
    <fo:table-row keep-together.within-page="always">
      <xsl:call-template name="folio-line"/>
      <xsl:call-template name="folio-grid-cell">
        <xsl:with-param name="first" select="true()"/>
        <xsl:with-param name="align" select="'center'"/>
        <xsl:with-param name="content">
          <xsl:call-template name="kpi-number"/>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="folio-grid-cell">
        <xsl:with-param name="content">
          <xsl:for-each select="r:name">
            <xsl:call-template name="folio-cell-flow"/>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="folio-grid-cell">
        <xsl:with-param name="align" select="'center'"/>
        <xsl:with-param name="content">
          <xsl:call-template name="folio-text">
            <xsl:with-param name="s" select="r:unit"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="folio-grid-cell">
        <xsl:with-param name="align" select="'center'"/>
        <xsl:with-param name="hyphenate" select="false()"/>
        <xsl:with-param name="content">
          <xsl:call-template name="kpi-target"/>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="folio-grid-cell">
        <xsl:with-param name="align" select="'center'"/>
        <xsl:with-param name="content">
          <xsl:call-template name="kpi-value">
            <xsl:with-param name="v" select="r:actual"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="folio-grid-cell">
        <xsl:with-param name="align" select="'center'"/>
        <xsl:with-param name="bold" select="$p1 &lt; 100"/>
        <xsl:with-param name="hyphenate" select="false()"/>
        <xsl:with-param name="content">
          <xsl:choose>
            <xsl:when test="string($p1) = 'NaN'">–</xsl:when>
            <xsl:otherwise>
              <fo:block>
                <xsl:call-template name="folio-format-number">
                  <xsl:with-param name="s" select="$p1"/>
                  <xsl:with-param name="decimals" select="1"/>
                </xsl:call-template>
              </fo:block>
              <xsl:if test="$p1 != 100">
                <fo:block>
                  <xsl:text>(</xsl:text>
                  <xsl:call-template name="folio-format-number">
                    <xsl:with-param name="s" select="$p1 - 100"/>
                    <xsl:with-param name="decimals" select="1"/>
                    <xsl:with-param name="sign" select="true()"/>
                  </xsl:call-template>
                  <xsl:text>)</xsl:text>
                </fo:block>
              </xsl:if>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:if test="$show-reason">
        <xsl:call-template name="folio-grid-cell">
          <xsl:with-param name="content">
            <xsl:for-each select="r:reason">
              <xsl:call-template name="folio-cell-flow"/>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </fo:table-row>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Chart: target against actual, SVG                                -->
  <!-- ============================================================== -->

  <!-- Geometry of the drawing, in pt (1 SVG unit = 1 pt):
         legend          0 … 18
         rows            top + i × row, two bars each
         axis            under the rows: tick labels, then the axis title
       Labels of the indicators in the left column (wrapped to 3 lines),
       the bars between x0 and x1, value labels after the bars. -->
  <xsl:variable name="chart-top" select="26"/>
  <xsl:variable name="chart-row" select="30"/>
  <xsl:variable name="chart-label" select="150"/>

  <xsl:template match="r:chart">
    <xsl:variable name="inds" select="../r:indicator | ../r:group/r:indicator"/>
    <xsl:variable name="n" select="count($inds)"/>
    <xsl:variable name="w" select="number($report-chart-width)"/>
    <xsl:variable name="x0" select="$chart-label + 6"/>
    <xsl:variable name="x1" select="$w - 64"/>
    <xsl:variable name="plot-h" select="$n * $chart-row"/>
    <xsl:variable name="h" select="$chart-top + $plot-h + 36"/>
    <xsl:variable name="percent" select="not(@scale = 'value')"/>
    <!-- the largest value to draw: in % of target, or in values -->
    <xsl:variable name="max">
      <xsl:choose>
        <xsl:when test="$percent">
          <xsl:for-each select="$inds[number(translate(normalize-space(r:target), ',', '.')) > 0
                                      and normalize-space(r:actual) != '']">
            <xsl:sort select="number(translate(normalize-space(r:actual), ',', '.'))
                              div number(translate(normalize-space(r:target), ',', '.'))"
                      data-type="number" order="descending"/>
            <xsl:if test="position() = 1">
              <xsl:value-of select="number(translate(normalize-space(r:actual), ',', '.'))
                                    div number(translate(normalize-space(r:target), ',', '.')) * 100"/>
            </xsl:if>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="($inds/r:target | $inds/r:actual)[normalize-space(.) != '']">
            <xsl:sort select="number(translate(normalize-space(.), ',', '.'))"
                      data-type="number" order="descending"/>
            <xsl:if test="position() = 1">
              <xsl:value-of select="number(translate(normalize-space(.), ',', '.'))"/>
            </xsl:if>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="top-value">
      <xsl:choose>
        <xsl:when test="$percent and (string(number($max)) = 'NaN' or number($max) &lt; 100)">100</xsl:when>
        <xsl:when test="string(number($max)) = 'NaN' or number($max) &lt;= 0">1</xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="number($max)"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <!-- tick step: 25 % or 50 % on the percent scale (100 % is a grid
         line), else 1, 2, 2.5 or 5 × 10^k with at most 8 steps -->
    <xsl:variable name="step">
      <xsl:choose>
        <xsl:when test="$percent and number($top-value) &lt;= 200">25</xsl:when>
        <xsl:when test="$percent and number($top-value) &lt;= 400">50</xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="chart-step">
            <xsl:with-param name="max" select="number($top-value)"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="axis-max" select="ceiling(number($top-value) div $step) * $step"/>
    <xsl:variable name="scale" select="($x1 - $x0) div $axis-max"/>
    <fo:block space-before="12pt" space-after="6pt" text-indent="0"
              text-align="center" keep-together.within-page="always">
      <xsl:call-template name="folio-line"/>
      <fo:block line-height="1">
        <fo:instream-foreign-object width="100%" content-width="scale-to-fit">
          <xsl:call-template name="folio-line"/>
          <svg:svg width="{$w}" height="{$h}" viewBox="0 0 {$w} {$h}"
                   font-family="{$report-chart-font}">
            <!-- legend -->
            <svg:rect x="{$x0}" y="4" width="14" height="9" fill="{$report-chart-target}"/>
            <svg:text x="{$x0 + 19}" y="12" font-size="9">
              <xsl:call-template name="folio-label">
                <xsl:with-param name="id" select="'chart.target'"/>
              </xsl:call-template>
            </svg:text>
            <svg:rect x="{$x0 + 150}" y="4" width="14" height="9" fill="{$report-chart-actual}"/>
            <svg:text x="{$x0 + 169}" y="12" font-size="9">
              <xsl:call-template name="folio-label">
                <xsl:with-param name="id" select="'chart.actual'"/>
              </xsl:call-template>
            </svg:text>
            <!-- grid and tick labels -->
            <xsl:call-template name="chart-ticks">
              <xsl:with-param name="v" select="0"/>
              <xsl:with-param name="step" select="number($step)"/>
              <xsl:with-param name="max" select="$axis-max"/>
              <xsl:with-param name="x0" select="$x0"/>
              <xsl:with-param name="scale" select="$scale"/>
              <xsl:with-param name="y0" select="$chart-top"/>
              <xsl:with-param name="y1" select="$chart-top + $plot-h"/>
              <xsl:with-param name="percent" select="$percent"/>
            </xsl:call-template>
            <!-- the 100 % line, under the bars and their labels -->
            <xsl:if test="$percent">
              <svg:line x1="{$x0 + 100 * $scale}" y1="{$chart-top - 3}"
                        x2="{$x0 + 100 * $scale}" y2="{$chart-top + $plot-h}"
                        stroke="#333333" stroke-width="0.8" stroke-dasharray="3,2"/>
            </xsl:if>
            <!-- rows -->
            <xsl:for-each select="$inds">
              <xsl:call-template name="chart-row">
                <xsl:with-param name="y" select="$chart-top + (position() - 1) * $chart-row"/>
                <xsl:with-param name="x0" select="$x0"/>
                <xsl:with-param name="scale" select="$scale"/>
                <xsl:with-param name="percent" select="$percent"/>
              </xsl:call-template>
            </xsl:for-each>
            <!-- axes -->
            <svg:line x1="{$x0}" y1="{$chart-top - 3}" x2="{$x0}" y2="{$chart-top + $plot-h}"
                      stroke="#000000" stroke-width="0.6"/>
            <svg:line x1="{$x0}" y1="{$chart-top + $plot-h}" x2="{$x1}" y2="{$chart-top + $plot-h}"
                      stroke="#000000" stroke-width="0.6"/>
            <svg:text x="{($x0 + $x1) div 2}" y="{$chart-top + $plot-h + 28}"
                      font-size="9" text-anchor="middle">
              <xsl:call-template name="folio-label">
                <xsl:with-param name="id">
                  <xsl:choose>
                    <xsl:when test="$percent">chart.axis-percent</xsl:when>
                    <xsl:otherwise>chart.axis-value</xsl:otherwise>
                  </xsl:choose>
                </xsl:with-param>
              </xsl:call-template>
            </svg:text>
          </svg:svg>
        </fo:instream-foreign-object>
      </fo:block>
      <fo:block space-before="6pt" font-size="{$folio-font-size}" hyphenate="false"
                text-align="center" keep-with-previous="always">
        <xsl:if test="normalize-space(@n) != ''">
          <xsl:call-template name="folio-label">
            <xsl:with-param name="id" select="'caption.figure'"/>
            <xsl:with-param name="capital" select="true()"/>
          </xsl:call-template>
          <xsl:value-of select="concat('&#160;', normalize-space(@n), '&#160;– ')"/>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="r:caption">
            <xsl:call-template name="folio-prose">
              <xsl:with-param name="s" select="r:caption"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="folio-label">
              <xsl:with-param name="id" select="'chart.title'"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </fo:block>
    </fo:block>
  </xsl:template>

  <!-- A "nice" tick step for an axis from 0 to $max: the smallest of
       1, 2, 2.5, 5 × 10^k giving at most 8 steps. -->
  <xsl:template name="chart-step">
    <xsl:param name="max"/>
    <xsl:param name="unit" select="0.01"/>
    <xsl:choose>
      <xsl:when test="$max div $unit &lt;= 8">
        <xsl:value-of select="$unit"/>
      </xsl:when>
      <xsl:when test="$max div (2 * $unit) &lt;= 8">
        <xsl:value-of select="2 * $unit"/>
      </xsl:when>
      <xsl:when test="$max div (2.5 * $unit) &lt;= 8">
        <xsl:value-of select="2.5 * $unit"/>
      </xsl:when>
      <xsl:when test="$max div (5 * $unit) &lt;= 8">
        <xsl:value-of select="5 * $unit"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="chart-step">
          <xsl:with-param name="max" select="$max"/>
          <xsl:with-param name="unit" select="10 * $unit"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Vertical grid lines and their labels from $v to $max. -->
  <xsl:template name="chart-ticks">
    <xsl:param name="v"/>
    <xsl:param name="step"/>
    <xsl:param name="max"/>
    <xsl:param name="x0"/>
    <xsl:param name="scale"/>
    <xsl:param name="y0"/>
    <xsl:param name="y1"/>
    <xsl:param name="percent"/>
    <xsl:if test="$v &lt;= $max + $step div 1000">
      <xsl:variable name="x" select="$x0 + $v * $scale"/>
      <xsl:if test="$v > 0">
        <svg:line x1="{$x}" y1="{$y0 - 3}" x2="{$x}" y2="{$y1}"
                  stroke="#d0d0d0" stroke-width="0.5"/>
      </xsl:if>
      <svg:line x1="{$x}" y1="{$y1}" x2="{$x}" y2="{$y1 + 3}"
                stroke="#000000" stroke-width="0.6"/>
      <svg:text x="{$x}" y="{$y1 + 12}" font-size="8" text-anchor="middle">
        <xsl:call-template name="folio-format-number">
          <xsl:with-param name="s" select="$v"/>
          <xsl:with-param name="decimals">
            <xsl:choose>
              <xsl:when test="$step = floor($step)">0</xsl:when>
              <xsl:when test="$step * 10 = floor($step * 10)">1</xsl:when>
              <xsl:otherwise>2</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </svg:text>
      <xsl:call-template name="chart-ticks">
        <xsl:with-param name="v" select="$v + $step"/>
        <xsl:with-param name="step" select="$step"/>
        <xsl:with-param name="max" select="$max"/>
        <xsl:with-param name="x0" select="$x0"/>
        <xsl:with-param name="scale" select="$scale"/>
        <xsl:with-param name="y0" select="$y0"/>
        <xsl:with-param name="y1" select="$y1"/>
        <xsl:with-param name="percent" select="$percent"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- One indicator (context): its label at the left, the target bar,
       the actual bar below it, each with its value at the end (on a
       white halo, so the grid and the 100 % line never cross it). -->
  <xsl:template name="chart-row">
    <xsl:param name="y"/>
    <xsl:param name="x0"/>
    <xsl:param name="scale"/>
    <xsl:param name="percent"/>
    <xsl:variable name="t" select="number(translate(normalize-space(r:target), ',', '.'))"/>
    <xsl:variable name="a" select="number(translate(normalize-space(r:actual), ',', '.'))"/>
    <xsl:variable name="has-t" select="normalize-space(r:target) != ''"/>
    <xsl:variable name="has-a" select="normalize-space(r:actual) != ''"/>
    <!-- lengths in axis units -->
    <xsl:variable name="tv">
      <xsl:choose>
        <xsl:when test="not($has-t)">NaN</xsl:when>
        <xsl:when test="$percent and $t > 0">100</xsl:when>
        <xsl:when test="$percent">NaN</xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$t"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="av">
      <xsl:choose>
        <xsl:when test="not($has-a)">NaN</xsl:when>
        <xsl:when test="$percent and $has-t and $t > 0">
          <xsl:value-of select="$a div $t * 100"/>
        </xsl:when>
        <xsl:when test="$percent">NaN</xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$a"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="number">
      <xsl:call-template name="kpi-number"/>
    </xsl:variable>
    <xsl:variable name="label">
      <xsl:value-of select="concat($number, ' ')"/>
      <xsl:choose>
        <xsl:when test="r:short">
          <xsl:value-of select="normalize-space(r:short)"/>
        </xsl:when>
        <xsl:otherwise>
          <!-- the full name, cut after three lines -->
          <xsl:value-of select="normalize-space(r:name)"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <!-- label lines, "|"-separated, at most 3 -->
    <xsl:variable name="lines">
      <xsl:call-template name="chart-wrap">
        <xsl:with-param name="s" select="normalize-space($label)"/>
        <xsl:with-param name="width" select="30"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="nlines" select="string-length($lines) - string-length(translate($lines, '|', ''))"/>
    <xsl:call-template name="chart-label-lines">
      <xsl:with-param name="lines" select="$lines"/>
      <xsl:with-param name="y" select="$y + $chart-row div 2 - ($nlines - 1) * 5 + 3"/>
      <xsl:with-param name="left" select="3"/>
    </xsl:call-template>
    <!-- target bar -->
    <xsl:choose>
      <xsl:when test="string(number($tv)) != 'NaN'">
        <svg:rect x="{$x0}" y="{$y + 5}" width="{$tv * $scale}" height="9"
                  fill="{$report-chart-target}"/>
        <svg:text x="{$x0 + $tv * $scale + 3}" y="{$y + 12.5}" font-size="8"
                  stroke="#ffffff" stroke-width="2.4" stroke-linejoin="round"
                  paint-order="stroke">
          <xsl:call-template name="kpi-value">
            <xsl:with-param name="v" select="r:target"/>
          </xsl:call-template>
        </svg:text>
      </xsl:when>
      <xsl:otherwise>
        <svg:text x="{$x0 + 3}" y="{$y + 12.5}" font-size="8" font-style="italic">
          <xsl:call-template name="folio-label">
            <xsl:with-param name="id" select="'chart.no-data'"/>
          </xsl:call-template>
        </svg:text>
      </xsl:otherwise>
    </xsl:choose>
    <!-- actual bar -->
    <xsl:choose>
      <xsl:when test="string(number($av)) != 'NaN'">
        <svg:rect x="{$x0}" y="{$y + 15}" width="{$av * $scale}" height="9"
                  fill="{$report-chart-actual}"/>
        <svg:text x="{$x0 + $av * $scale + 3}" y="{$y + 22.5}" font-size="8"
                  stroke="#ffffff" stroke-width="2.4" stroke-linejoin="round"
                  paint-order="stroke">
          <xsl:call-template name="kpi-value">
            <xsl:with-param name="v" select="r:actual"/>
          </xsl:call-template>
          <xsl:if test="$percent">
            <xsl:text> (</xsl:text>
            <xsl:call-template name="folio-format-number">
              <xsl:with-param name="s" select="$av"/>
              <xsl:with-param name="decimals" select="1"/>
            </xsl:call-template>
            <xsl:text>&#160;%)</xsl:text>
          </xsl:if>
        </svg:text>
      </xsl:when>
      <xsl:otherwise>
        <svg:text x="{$x0 + 3}" y="{$y + 22.5}" font-size="8" font-style="italic">
          <xsl:choose>
            <xsl:when test="$has-a">
              <xsl:call-template name="kpi-value">
                <xsl:with-param name="v" select="r:actual"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="folio-label">
                <xsl:with-param name="id" select="'chart.no-data'"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </svg:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Words of $s in lines of at most $width characters, each line
       followed by "|"; at most $left lines, the last one cut with "…". -->
  <xsl:template name="chart-wrap">
    <xsl:param name="s"/>
    <xsl:param name="width"/>
    <xsl:param name="left" select="3"/>
    <xsl:param name="line" select="''"/>
    <xsl:variable name="word" select="substring-before(concat($s, ' '), ' ')"/>
    <xsl:variable name="rest" select="substring-after($s, ' ')"/>
    <xsl:choose>
      <xsl:when test="$s = ''">
        <xsl:if test="$line != ''">
          <xsl:value-of select="concat($line, '|')"/>
        </xsl:if>
      </xsl:when>
      <xsl:when test="$line = ''">
        <xsl:call-template name="chart-wrap">
          <xsl:with-param name="s" select="$rest"/>
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="left" select="$left"/>
          <xsl:with-param name="line" select="$word"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="string-length($line) + 1 + string-length($word) &lt;= $width">
        <xsl:call-template name="chart-wrap">
          <xsl:with-param name="s" select="$rest"/>
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="left" select="$left"/>
          <xsl:with-param name="line" select="concat($line, ' ', $word)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$left &lt;= 1">
        <xsl:value-of select="concat($line, '…|')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat($line, '|')"/>
        <xsl:call-template name="chart-wrap">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="left" select="$left - 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="chart-label-lines">
    <xsl:param name="lines"/>
    <xsl:param name="y"/>
    <xsl:param name="left"/>
    <xsl:if test="contains($lines, '|')">
      <svg:text x="0" y="{$y}" font-size="9">
        <xsl:value-of select="substring-before($lines, '|')"/>
      </svg:text>
      <xsl:call-template name="chart-label-lines">
        <xsl:with-param name="lines" select="substring-after($lines, '|')"/>
        <xsl:with-param name="y" select="$y + 10"/>
        <xsl:with-param name="left" select="$left - 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
