<?xml version="1.0" encoding="UTF-8"?>
<!--
  measures.xsl — templates shared by plans and reports, on top of
  requisites.xsl (and so common.xsl).  XSLT 1.0 for libxslt.

  What is here:
    - numbers in the document's language (folio-format-number: decimal
      comma and NO-BREAK SPACE groups in Russian), Roman numerals;
    - plans and reports (common.xsd periodType, measure* types): the
      period phrase after the heading (folio-period: "на 2025 год",
      "за I квартал 2024 года"), deadlines (folio-deadline), and the
      table of measures (folio-measures) with groups, numbered columns
      and the GOST 5.18 header of long tables (folio-numbered-table:
      full header once, then only the column-number row).

  plan.xsl and report.xsl import this module.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:folio="urn:folio:fo"
                xmlns:exsl="http://exslt.org/common"
                exclude-result-prefixes="exsl">

  <xsl:import href="requisites.xsl"/>

  <!-- ============================================================== -->
  <!-- Numbers (gost-layout.md §4.2): decimal comma, groups of three    -->
  <!-- ============================================================== -->

  <!-- Russian: "25 352 121,5" (NO-BREAK SPACE between the groups, so a
       number never breaks), minus sign U+2212; English: "25,352,121.5". -->
  <xsl:decimal-format name="folio-ru" decimal-separator="," grouping-separator="&#160;"
                      minus-sign="&#8722;"/>
  <xsl:decimal-format name="folio-en" decimal-separator="." grouping-separator=","
                      minus-sign="&#8722;"/>

  <!-- The value of a number as the author wrote it: "12,5", "12.5",
       "1 250" → 12.5, 12.5, 1250; NaN when it is not a number. -->
  <xsl:template name="folio-number-value">
    <xsl:param name="s"/>
    <xsl:value-of select="number(translate(normalize-space($s), ', &#160;', '.'))"/>
  </xsl:template>

  <!-- A number printed in the document's language: decimal comma and
       NO-BREAK SPACE thousands separators in Russian.  $decimals: digits
       after the separator, rounded half up (-1: as many as written);
       $sign: "+" before a positive number (deviations).  Anything that
       is not a number is printed as written. -->
  <xsl:template name="folio-format-number">
    <xsl:param name="s"/>
    <xsl:param name="decimals" select="-1"/>
    <xsl:param name="sign" select="false()"/>
    <xsl:variable name="t" select="translate(normalize-space($s), ', &#160;', '.')"/>
    <xsl:variable name="v" select="number($t)"/>
    <xsl:variable name="dec">
      <xsl:choose>
        <xsl:when test="number($decimals) >= 0">
          <xsl:value-of select="number($decimals)"/>
        </xsl:when>
        <xsl:when test="contains($t, '.')">
          <xsl:value-of select="string-length(substring-after($t, '.'))"/>
        </xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string($v) = 'NaN'">
        <xsl:value-of select="normalize-space($s)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="scale" select="number(substring('10000000000', 1, $dec + 1))"/>
        <xsl:variable name="r" select="round($v * $scale) div $scale"/>
        <xsl:variable name="zeros" select="substring('0000000000', 1, $dec)"/>
        <xsl:if test="$sign and $r > 0">+</xsl:if>
        <xsl:choose>
          <xsl:when test="$folio-language = 'en'">
            <xsl:value-of select="format-number($r, concat('#,##0', substring('.', 1, $dec > 0), $zeros), 'folio-en')"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="format-number($r, concat('#&#160;##0', substring(',', 1, $dec > 0), $zeros), 'folio-ru')"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Roman numeral of 1..12 (quarters, sections). -->
  <xsl:template name="folio-roman">
    <xsl:param name="n"/>
    <xsl:variable name="all" select="' I II III IV V VI VII VIII IX X XI XII '"/>
    <xsl:variable name="k" select="number($n)"/>
    <xsl:choose>
      <xsl:when test="$k >= 1 and $k &lt;= 12 and $k = floor($k)">
        <!-- the k-th word of $all -->
        <xsl:call-template name="folio-nth-word">
          <xsl:with-param name="s" select="normalize-space($all)"/>
          <xsl:with-param name="k" select="$k"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$n"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="folio-nth-word">
    <xsl:param name="s"/>
    <xsl:param name="k"/>
    <xsl:choose>
      <xsl:when test="$k &lt;= 1">
        <xsl:value-of select="substring-before(concat($s, ' '), ' ')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="folio-nth-word">
          <xsl:with-param name="s" select="substring-after($s, ' ')"/>
          <xsl:with-param name="k" select="$k - 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A label pattern with {x} slots filled: $pairs is "{y}|2025|{Q}|II|"
       (slot, value, slot, value …, each followed by "|"). -->
  <xsl:template name="folio-fill">
    <xsl:param name="s"/>
    <xsl:param name="pairs"/>
    <xsl:choose>
      <xsl:when test="contains($pairs, '|')">
        <xsl:variable name="slot" select="substring-before($pairs, '|')"/>
        <xsl:variable name="rest" select="substring-after($pairs, '|')"/>
        <xsl:variable name="a">
          <xsl:call-template name="folio-replace">
            <xsl:with-param name="s" select="$s"/>
            <xsl:with-param name="from" select="$slot"/>
            <xsl:with-param name="to" select="substring-before($rest, '|')"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="folio-fill">
          <xsl:with-param name="s" select="$a"/>
          <xsl:with-param name="pairs" select="substring-after($rest, '|')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$s"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The label $id with its slots filled from $pairs (see folio-fill). -->
  <xsl:template name="folio-label-fill">
    <xsl:param name="id"/>
    <xsl:param name="pairs"/>
    <xsl:param name="capital" select="false()"/>
    <xsl:variable name="pattern">
      <xsl:call-template name="folio-label">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="capital" select="$capital"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="folio-fill">
      <xsl:with-param name="s" select="$pattern"/>
      <xsl:with-param name="pairs" select="$pairs"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Period of a plan or report (common.xsd periodType)               -->
  <!-- ============================================================== -->

  <!-- Number of days in month $m ("01".."12") of year $y. -->
  <xsl:template name="folio-month-days">
    <xsl:param name="y"/>
    <xsl:param name="m"/>
    <xsl:variable name="leap" select="($y mod 4 = 0 and $y mod 100 != 0) or $y mod 400 = 0"/>
    <xsl:choose>
      <xsl:when test="number($m) = 2 and $leap">29</xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="substring('312831303130313130313031', 2 * number($m) - 1, 2)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The period phrase after the heading of a plan ($doc 'plan': "на
       2025 год") or a report ('report': "за 2024 год"): a calendar year,
       several whole years, a quarter, a half-year, nine months, a month,
       or any other span ("на период с 01.02.2025 по 30.09.2025").  The
       element's own text replaces the generated phrase. -->
  <xsl:template name="folio-period">
    <xsl:param name="period"/>
    <xsl:param name="doc" select="'plan'"/>
    <xsl:for-each select="$period">
      <xsl:choose>
        <xsl:when test="normalize-space(.) != ''">
          <xsl:call-template name="folio-prose">
            <xsl:with-param name="s" select="."/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="folio-label">
            <xsl:with-param name="id" select="concat('period.', $doc)"/>
          </xsl:call-template>
          <xsl:text>&#160;</xsl:text>
          <xsl:call-template name="folio-period-phrase">
            <xsl:with-param name="start" select="normalize-space(@start)"/>
            <xsl:with-param name="end" select="normalize-space(@end)"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="folio-period-phrase">
    <xsl:param name="start"/>
    <xsl:param name="end"/>
    <xsl:variable name="ys" select="substring($start, 1, 4)"/>
    <xsl:variable name="ye" select="substring($end, 1, 4)"/>
    <xsl:variable name="ms" select="substring($start, 6, 2)"/>
    <xsl:variable name="me" select="substring($end, 6, 2)"/>
    <xsl:variable name="ds" select="substring($start, 9, 2)"/>
    <xsl:variable name="de" select="substring($end, 9, 2)"/>
    <xsl:variable name="last">
      <xsl:call-template name="folio-month-days">
        <xsl:with-param name="y" select="number($ye)"/>
        <xsl:with-param name="m" select="$me"/>
      </xsl:call-template>
    </xsl:variable>
    <!-- from the first day of a month to the last day of a month -->
    <xsl:variable name="whole" select="$ds = '01' and $de = $last"/>
    <xsl:variable name="span" select="12 * (number($ye) - number($ys)) + number($me) - number($ms) + 1"/>
    <xsl:choose>
      <xsl:when test="$whole and $ms = '01' and $me = '12' and $ys = $ye">
        <xsl:call-template name="folio-label-fill">
          <xsl:with-param name="id" select="'period.year'"/>
          <xsl:with-param name="pairs" select="concat('{y}|', $ys, '|')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$whole and $ms = '01' and $me = '12' and number($ye) > number($ys)">
        <xsl:call-template name="folio-label-fill">
          <xsl:with-param name="id" select="'period.years'"/>
          <xsl:with-param name="pairs" select="concat('{y1}|', $ys, '|{y2}|', $ye, '|')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$whole and $span = 3 and (number($ms) - 1) mod 3 = 0">
        <xsl:variable name="q" select="(number($ms) - 1) div 3 + 1"/>
        <xsl:call-template name="folio-label-fill">
          <xsl:with-param name="id" select="'period.quarter'"/>
          <xsl:with-param name="pairs">
            <xsl:value-of select="concat('{y}|', $ys, '|{q}|', $q, '|{Q}|')"/>
            <xsl:call-template name="folio-roman">
              <xsl:with-param name="n" select="$q"/>
            </xsl:call-template>
            <xsl:text>|</xsl:text>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$whole and $span = 6 and ($ms = '01' or $ms = '07')">
        <xsl:call-template name="folio-label-fill">
          <xsl:with-param name="id" select="concat('period.half.', 1 + ($ms = '07'))"/>
          <xsl:with-param name="pairs" select="concat('{y}|', $ys, '|')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$whole and $span = 9 and $ms = '01'">
        <xsl:call-template name="folio-label-fill">
          <xsl:with-param name="id" select="'period.nine-months'"/>
          <xsl:with-param name="pairs" select="concat('{y}|', $ys, '|')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$whole and $span = 1">
        <xsl:call-template name="folio-label-fill">
          <xsl:with-param name="id" select="'period.month'"/>
          <xsl:with-param name="pairs">
            <xsl:value-of select="concat('{y}|', $ys, '|{m}|')"/>
            <xsl:call-template name="folio-label">
              <xsl:with-param name="id" select="concat('month.nom.', number($ms))"/>
            </xsl:call-template>
            <xsl:text>|</xsl:text>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="folio-label-fill">
          <xsl:with-param name="id" select="'period.range'"/>
          <xsl:with-param name="pairs">
            <xsl:text>{d1}|</xsl:text>
            <xsl:call-template name="folio-format-date">
              <xsl:with-param name="iso" select="$start"/>
              <xsl:with-param name="format" select="'numeric'"/>
            </xsl:call-template>
            <xsl:text>|{d2}|</xsl:text>
            <xsl:call-template name="folio-format-date">
              <xsl:with-param name="iso" select="$end"/>
              <xsl:with-param name="format" select="'numeric'"/>
            </xsl:call-template>
            <xsl:text>|</xsl:text>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Table of measures (common.xsd measuresType): plan and report     -->
  <!-- ============================================================== -->

  <!-- Deadline of a measure (context: the deadline element): its text,
       else made from its attributes; $year is the period's first year
       (a quarter or month of that year prints without it). -->
  <xsl:template name="folio-deadline">
    <xsl:param name="year" select="''"/>
    <xsl:variable name="y" select="normalize-space(@year)"/>
    <xsl:variable name="own-year" select="$y = '' or $y = $year"/>
    <xsl:choose>
      <xsl:when test="normalize-space(.) != ''">
        <xsl:call-template name="folio-prose">
          <xsl:with-param name="s" select="."/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@on">
        <xsl:call-template name="folio-format-date">
          <xsl:with-param name="iso" select="@on"/>
          <xsl:with-param name="format" select="'numeric'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@by">
        <xsl:call-template name="folio-label-fill">
          <xsl:with-param name="id" select="'deadline.by'"/>
          <xsl:with-param name="pairs">
            <xsl:text>{d}|</xsl:text>
            <xsl:call-template name="folio-format-date">
              <xsl:with-param name="iso" select="@by"/>
              <xsl:with-param name="format" select="'numeric'"/>
            </xsl:call-template>
            <xsl:text>|</xsl:text>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@from and @to">
        <xsl:call-template name="folio-format-date-range">
          <xsl:with-param name="iso" select="@from"/>
          <xsl:with-param name="end" select="@to"/>
          <xsl:with-param name="format" select="'numeric'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@quarter">
        <xsl:call-template name="folio-label-fill">
          <xsl:with-param name="id">
            <xsl:choose>
              <xsl:when test="$own-year">deadline.quarter</xsl:when>
              <xsl:otherwise>deadline.quarter-year</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="pairs">
            <xsl:value-of select="concat('{y}|', $y, '|{q}|', number(@quarter), '|{Q}|')"/>
            <xsl:call-template name="folio-roman">
              <xsl:with-param name="n" select="@quarter"/>
            </xsl:call-template>
            <xsl:text>|</xsl:text>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@month">
        <xsl:call-template name="folio-label-fill">
          <xsl:with-param name="id">
            <xsl:choose>
              <xsl:when test="$own-year">deadline.month</xsl:when>
              <xsl:otherwise>deadline.month-year</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="pairs">
            <xsl:value-of select="concat('{y}|', $y, '|{m}|')"/>
            <xsl:call-template name="folio-label">
              <xsl:with-param name="id" select="concat('month.nom.', number(@month))"/>
            </xsl:call-template>
            <xsl:text>|</xsl:text>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@from">
        <xsl:call-template name="folio-format-date">
          <xsl:with-param name="iso" select="@from"/>
          <xsl:with-param name="format" select="'numeric'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@to">
        <xsl:call-template name="folio-label-fill">
          <xsl:with-param name="id" select="'deadline.by'"/>
          <xsl:with-param name="pairs">
            <xsl:text>{d}|</xsl:text>
            <xsl:call-template name="folio-format-date">
              <xsl:with-param name="iso" select="@to"/>
              <xsl:with-param name="format" select="'numeric'"/>
            </xsl:call-template>
            <xsl:text>|</xsl:text>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- One ruled cell of a grid table.  Each cell draws its end and after
       rules, the first cell of a row its start rule, a cell of a row that
       opens the table (or a repeated header) its before rule, so
       neighbouring cells never double a line.  $content: the cell's
       blocks; $bottom false() for the last row of a header that a
       column-number row follows (that row draws the line). -->
  <xsl:template name="folio-grid-cell">
    <xsl:param name="content"/>
    <xsl:param name="first" select="false()"/>
    <xsl:param name="top" select="false()"/>
    <xsl:param name="bottom" select="true()"/>
    <xsl:param name="align" select="'start'"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:param name="span" select="1"/>
    <xsl:param name="middle" select="false()"/>
    <xsl:param name="hyphenate" select="true()"/>
    <fo:table-cell padding-before="2pt" padding-after="2pt"
                   padding-start="3pt" padding-end="3pt"
                   border-end-style="solid" border-end-width="0.5pt">
      <xsl:if test="$bottom">
        <xsl:attribute name="border-after-style">solid</xsl:attribute>
        <xsl:attribute name="border-after-width">0.5pt</xsl:attribute>
      </xsl:if>
      <xsl:if test="$first">
        <xsl:attribute name="border-start-style">solid</xsl:attribute>
        <xsl:attribute name="border-start-width">0.5pt</xsl:attribute>
      </xsl:if>
      <xsl:if test="$top">
        <xsl:attribute name="border-before-style">solid</xsl:attribute>
        <xsl:attribute name="border-before-width">0.5pt</xsl:attribute>
      </xsl:if>
      <xsl:if test="$span > 1">
        <xsl:attribute name="number-columns-spanned">
          <xsl:value-of select="$span"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:if test="$middle">
        <xsl:attribute name="display-align">center</xsl:attribute>
      </xsl:if>
      <fo:block text-align="{$align}" text-indent="0">
        <xsl:if test="$bold">
          <xsl:attribute name="font-weight">bold</xsl:attribute>
        </xsl:if>
        <xsl:if test="not($hyphenate)">
          <xsl:attribute name="hyphenate">false</xsl:attribute>
        </xsl:if>
        <xsl:copy-of select="$content"/>
      </fo:block>
    </fo:table-cell>
  </xsl:template>

  <!-- The row "1 | 2 | … | $n" of column numbers (GOST 5.18), the top
       row of every page of a long table. -->
  <xsl:template name="folio-number-row">
    <xsl:param name="n"/>
    <xsl:param name="i" select="1"/>
    <xsl:param name="row" select="true()"/>
    <xsl:choose>
      <xsl:when test="$row">
        <fo:table-row>
          <xsl:call-template name="folio-number-row">
            <xsl:with-param name="n" select="$n"/>
            <xsl:with-param name="row" select="false()"/>
          </xsl:call-template>
        </fo:table-row>
      </xsl:when>
      <xsl:when test="$i &lt;= $n">
        <xsl:call-template name="folio-grid-cell">
          <xsl:with-param name="first" select="$i = 1"/>
          <xsl:with-param name="top" select="true()"/>
          <xsl:with-param name="align" select="'center'"/>
          <xsl:with-param name="content" select="$i"/>
        </xsl:call-template>
        <xsl:call-template name="folio-number-row">
          <xsl:with-param name="n" select="$n"/>
          <xsl:with-param name="i" select="$i + 1"/>
          <xsl:with-param name="row" select="false()"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- A table with a numbered header (GOST 5.18).  $columns: the
       fo:table-column elements; $head: the header rows made with
       $last-bottom = false() for their last row (the number row under it
       draws that line); $body: the body rows; $ncols: number of columns;
       $mode 'numbers': the full header once, as a table of its own kept
       with the body, whose fo:table-header is the number row — so the
       first page shows header + numbers and every later page only the
       numbers; 'repeat': header and number row repeated on every page. -->
  <xsl:template name="folio-numbered-table">
    <xsl:param name="columns"/>
    <xsl:param name="head"/>
    <xsl:param name="body"/>
    <xsl:param name="ncols"/>
    <xsl:param name="mode" select="'numbers'"/>
    <xsl:choose>
      <xsl:when test="$mode = 'repeat'">
        <fo:table table-layout="fixed" width="100%" border-collapse="separate">
          <xsl:call-template name="folio-line"/>
          <xsl:copy-of select="$columns"/>
          <fo:table-header>
            <xsl:copy-of select="$head"/>
            <xsl:call-template name="folio-number-row">
              <xsl:with-param name="n" select="$ncols"/>
            </xsl:call-template>
          </fo:table-header>
          <fo:table-body>
            <xsl:copy-of select="$body"/>
          </fo:table-body>
        </fo:table>
      </xsl:when>
      <xsl:otherwise>
        <fo:block keep-with-next="always">
          <fo:table table-layout="fixed" width="100%" border-collapse="separate">
            <xsl:call-template name="folio-line"/>
            <xsl:copy-of select="$columns"/>
            <fo:table-body>
              <xsl:copy-of select="$head"/>
            </fo:table-body>
          </fo:table>
        </fo:block>
        <fo:table table-layout="fixed" width="100%" border-collapse="separate">
          <xsl:call-template name="folio-line"/>
          <xsl:copy-of select="$columns"/>
          <fo:table-header>
            <xsl:call-template name="folio-number-row">
              <xsl:with-param name="n" select="$ncols"/>
            </xsl:call-template>
          </fo:table-header>
          <fo:table-body>
            <xsl:copy-of select="$body"/>
          </fo:table-body>
        </fo:table>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Caption above a table, from the left border: "Таблица 1 – text"
       when the table has a number n, else the text alone. -->
  <xsl:template name="folio-table-caption">
    <xsl:param name="n" select="@n"/>
    <xsl:for-each select="*[local-name() = 'caption']">
      <fo:block keep-with-next="always" space-after="3pt" text-align="start"
                text-indent="0" font-size="{$folio-font-size}">
        <xsl:call-template name="folio-line"/>
        <xsl:if test="normalize-space($n) != ''">
          <xsl:call-template name="folio-label">
            <xsl:with-param name="id" select="'caption.table'"/>
            <xsl:with-param name="capital" select="true()"/>
          </xsl:call-template>
          <xsl:value-of select="concat('&#160;', normalize-space($n), '&#160;– ')"/>
        </xsl:if>
        <xsl:call-template name="folio-prose">
          <xsl:with-param name="s" select="."/>
        </xsl:call-template>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- Content of a cell element of measureTextType (inline text, p,
       list) as blocks; $prefix runs into the first line. -->
  <xsl:template name="folio-cell-flow">
    <xsl:param name="prefix" select="''"/>
    <xsl:variable name="blocks" select="*[local-name() = 'p' or local-name() = 'list']"/>
    <xsl:variable name="lead"
                  select="node()[not(self::*[local-name() = 'p' or local-name() = 'list'])]
                                [not(preceding-sibling::*[local-name() = 'p' or local-name() = 'list'])]"/>
    <xsl:variable name="lead-text" select="$lead[self::* or normalize-space(.) != '']"/>
    <xsl:if test="$lead-text or $prefix != '' or not($blocks)">
      <fo:block>
        <xsl:value-of select="$prefix"/>
        <xsl:apply-templates select="$lead" mode="folio-inline"/>
      </fo:block>
    </xsl:if>
    <xsl:for-each select="$blocks">
      <xsl:choose>
        <xsl:when test="local-name() = 'p'">
          <fo:block>
            <xsl:call-template name="folio-line"/>
            <xsl:apply-templates select="node()" mode="folio-inline"/>
          </fo:block>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="type" select="@type"/>
          <xsl:for-each select="*[local-name() = 'li']">
            <xsl:variable name="marker">
              <xsl:call-template name="folio-list-marker">
                <xsl:with-param name="type" select="$type"/>
                <xsl:with-param name="n" select="position()"/>
              </xsl:call-template>
            </xsl:variable>
            <xsl:call-template name="folio-cell-flow">
              <xsl:with-param name="prefix">
                <xsl:if test="$marker != ''">
                  <xsl:value-of select="concat($marker, '&#160;')"/>
                </xsl:if>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:variable name="here" select="generate-id()"/>
      <xsl:variable name="tail"
                    select="following-sibling::node()[not(self::*[local-name() = 'p' or local-name() = 'list'])]
                            [generate-id(preceding-sibling::*[local-name() = 'p' or local-name() = 'list'][1]) = $here]"/>
      <xsl:if test="$tail[self::* or normalize-space(.) != '']">
        <fo:block>
          <xsl:apply-templates select="$tail" mode="folio-inline"/>
        </fo:block>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- Number of a measure (context: measure): its n; with
       numbering="continuous" on the table its position among all the
       table's measures; else "group.k" in a group, else its position;
       with a final period. -->
  <xsl:template name="folio-measure-number">
    <xsl:variable name="n">
      <xsl:choose>
        <xsl:when test="@n">
          <xsl:value-of select="normalize-space(@n)"/>
        </xsl:when>
        <xsl:when test="ancestor::*[local-name() = 'measures'][1]/@numbering = 'continuous'">
          <xsl:value-of select="count(preceding::*[local-name() = 'measure'])
                                - count(ancestor::*[local-name() = 'measures'][1]
                                        /preceding::*[local-name() = 'measure']) + 1"/>
        </xsl:when>
        <xsl:when test="parent::*[local-name() = 'group']">
          <xsl:for-each select="..">
            <xsl:call-template name="folio-measure-group-number"/>
          </xsl:for-each>
          <xsl:value-of select="concat('.', count(preceding-sibling::*[local-name() = 'measure']) + 1)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="count(preceding-sibling::*[local-name() = 'measure'
                                                            or local-name() = 'group']) + 1"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:value-of select="concat($n, '.')"/>
  </xsl:template>

  <!-- Number of a group of measures, without the final period. -->
  <xsl:template name="folio-measure-group-number">
    <xsl:choose>
      <xsl:when test="@n">
        <xsl:value-of select="normalize-space(@n)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="count(preceding-sibling::*[local-name() = 'measure'
                                                          or local-name() = 'group']) + 1"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The state word of a measure's status ('' for none), capitalised
       when $capital. -->
  <xsl:template name="folio-measure-status">
    <xsl:param name="capital" select="false()"/>
    <xsl:if test="@status">
      <xsl:call-template name="folio-label">
        <xsl:with-param name="id" select="concat('status.', @status)"/>
        <xsl:with-param name="capital" select="$capital"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The table of measures (context: an element of measuresType).
       $doc 'plan':   № | measure | deadline [, expected result] |
                      [responsible] | [completion mark]
       $doc 'report': № | measure | deadline | [responsible] |
                      completion mark (state word, achieved result, mark)
       Groups print as rows spanning all columns ("1. Организационные
       мероприятия"), kept with their first measure; a measure row is
       never cut at a page end.  $year: the period's first year (for
       deadlines given by quarter or month). -->
  <xsl:template name="folio-measures">
    <xsl:param name="doc" select="'plan'"/>
    <xsl:param name="year" select="''"/>
    <xsl:param name="header" select="@header"/>
    <xsl:variable name="measures" select=".//*[local-name() = 'measure']"/>
    <xsl:variable name="show-resp"
                  select="not(@responsible = 'false' or @responsible = '0')
                          and (@responsible = 'true' or @responsible = '1'
                               or $measures/*[local-name() = 'responsible'])"/>
    <xsl:variable name="show-mark"
                  select="not(@marks = 'false' or @marks = '0')
                          and ($doc = 'report' or @marks = 'true' or @marks = '1'
                               or $measures/*[local-name() = 'mark'] or $measures/@status)"/>
    <xsl:variable name="result-in-deadline"
                  select="$doc = 'plan' and boolean($measures/*[local-name() = 'result'])"/>
    <xsl:variable name="ncols" select="3 + $show-resp + $show-mark"/>
    <!-- the mark column holds the achieved result in a report -->
    <xsl:variable name="mark-width">
      <xsl:choose>
        <xsl:when test="$doc = 'report'">44</xsl:when>
        <xsl:otherwise>29</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="mode">
      <xsl:choose>
        <xsl:when test="$header = 'repeat'">repeat</xsl:when>
        <xsl:otherwise>numbers</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="columns">
      <!-- widths in mm of the 170 mm text width with all five columns:
           "№ п/п" and "ежеквартально" fit on one line, and so does
           "Белокопытов М.В." (names are never hyphenated) -->
      <fo:table-column column-width="proportional-column-width(16)"/>
      <!-- the measure's name takes the rest of 165 (a missing column's
           room too), so the other columns keep their widths -->
      <fo:table-column column-width="proportional-column-width({165 - 16 - 33 - 38 * $show-resp
                                                                - $mark-width * $show-mark})"/>
      <fo:table-column column-width="proportional-column-width(33)"/>
      <xsl:if test="$show-resp">
        <fo:table-column column-width="proportional-column-width(38)"/>
      </xsl:if>
      <xsl:if test="$show-mark">
        <fo:table-column column-width="proportional-column-width({$mark-width})"/>
      </xsl:if>
    </xsl:variable>
    <!-- the header row: its bottom line is the number row's top line -->
    <xsl:variable name="head">
      <fo:table-row>
        <xsl:call-template name="folio-grid-cell">
          <xsl:with-param name="first" select="true()"/>
          <xsl:with-param name="top" select="true()"/>
          <xsl:with-param name="bottom" select="false()"/>
          <xsl:with-param name="align" select="'center'"/>
          <xsl:with-param name="bold" select="true()"/>
          <xsl:with-param name="middle" select="true()"/>
          <xsl:with-param name="hyphenate" select="false()"/>
          <xsl:with-param name="content">
            <xsl:call-template name="folio-label">
              <xsl:with-param name="id" select="'measures.number'"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="folio-grid-cell">
          <xsl:with-param name="top" select="true()"/>
          <xsl:with-param name="bottom" select="false()"/>
          <xsl:with-param name="align" select="'center'"/>
          <xsl:with-param name="bold" select="true()"/>
          <xsl:with-param name="middle" select="true()"/>
          <xsl:with-param name="hyphenate" select="false()"/>
          <xsl:with-param name="content">
            <xsl:call-template name="folio-label">
              <xsl:with-param name="id" select="'measures.name'"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="folio-grid-cell">
          <xsl:with-param name="top" select="true()"/>
          <xsl:with-param name="bottom" select="false()"/>
          <xsl:with-param name="align" select="'center'"/>
          <xsl:with-param name="bold" select="true()"/>
          <xsl:with-param name="middle" select="true()"/>
          <xsl:with-param name="hyphenate" select="false()"/>
          <xsl:with-param name="content">
            <xsl:call-template name="folio-label">
              <xsl:with-param name="id">
                <xsl:choose>
                  <xsl:when test="$result-in-deadline">measures.deadline-result</xsl:when>
                  <xsl:otherwise>measures.deadline</xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:if test="$show-resp">
          <xsl:call-template name="folio-grid-cell">
            <xsl:with-param name="top" select="true()"/>
            <xsl:with-param name="bottom" select="false()"/>
            <xsl:with-param name="align" select="'center'"/>
            <xsl:with-param name="bold" select="true()"/>
            <xsl:with-param name="middle" select="true()"/>
            <xsl:with-param name="hyphenate" select="false()"/>
            <xsl:with-param name="content">
              <xsl:call-template name="folio-label">
                <xsl:with-param name="id" select="'measures.responsible'"/>
              </xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="$show-mark">
          <xsl:call-template name="folio-grid-cell">
            <xsl:with-param name="top" select="true()"/>
            <xsl:with-param name="bottom" select="false()"/>
            <xsl:with-param name="align" select="'center'"/>
            <xsl:with-param name="bold" select="true()"/>
            <xsl:with-param name="middle" select="true()"/>
            <xsl:with-param name="hyphenate" select="false()"/>
            <xsl:with-param name="content">
              <xsl:call-template name="folio-label">
                <xsl:with-param name="id" select="'measures.mark'"/>
              </xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:if>
      </fo:table-row>
    </xsl:variable>
    <xsl:variable name="body">
      <xsl:for-each select="*[local-name() = 'group' or local-name() = 'measure']">
        <xsl:choose>
          <xsl:when test="local-name() = 'group'">
            <fo:table-row keep-with-next.within-page="always">
              <xsl:call-template name="folio-line"/>
              <xsl:call-template name="folio-grid-cell">
                <xsl:with-param name="first" select="true()"/>
                <xsl:with-param name="span" select="$ncols"/>
                <xsl:with-param name="align" select="'center'"/>
                <xsl:with-param name="bold" select="true()"/>
                <xsl:with-param name="hyphenate" select="false()"/>
                <xsl:with-param name="content">
                  <xsl:if test="not(../@numbering = 'continuous')">
                    <xsl:call-template name="folio-measure-group-number"/>
                    <xsl:text>.&#160;</xsl:text>
                  </xsl:if>
                  <xsl:call-template name="folio-text">
                    <xsl:with-param name="s" select="*[local-name() = 'title']"/>
                  </xsl:call-template>
                </xsl:with-param>
              </xsl:call-template>
            </fo:table-row>
            <xsl:for-each select="*[local-name() = 'measure']">
              <xsl:call-template name="folio-measure-row">
                <xsl:with-param name="doc" select="$doc"/>
                <xsl:with-param name="year" select="$year"/>
                <xsl:with-param name="show-resp" select="$show-resp"/>
                <xsl:with-param name="show-mark" select="$show-mark"/>
              </xsl:call-template>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="folio-measure-row">
              <xsl:with-param name="doc" select="$doc"/>
              <xsl:with-param name="year" select="$year"/>
              <xsl:with-param name="show-resp" select="$show-resp"/>
              <xsl:with-param name="show-mark" select="$show-mark"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <!-- ragged (start-aligned) cells are not hyphenated, as in the other
         tables: words stay whole -->
    <fo:block hyphenate="false" space-before="6pt" space-after="6pt" text-indent="0"
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
    </fo:block>
  </xsl:template>

  <!-- One measure row (context: measure). -->
  <xsl:template name="folio-measure-row">
    <xsl:param name="doc"/>
    <xsl:param name="year"/>
    <xsl:param name="show-resp"/>
    <xsl:param name="show-mark"/>
    <fo:table-row keep-together.within-page="always">
      <xsl:call-template name="folio-line"/>
      <xsl:call-template name="folio-grid-cell">
        <xsl:with-param name="first" select="true()"/>
        <xsl:with-param name="align" select="'center'"/>
        <xsl:with-param name="content">
          <xsl:call-template name="folio-measure-number"/>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="folio-grid-cell">
        <xsl:with-param name="content">
          <xsl:for-each select="*[local-name() = 'name']">
            <xsl:call-template name="folio-cell-flow"/>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="folio-grid-cell">
        <xsl:with-param name="align" select="'center'"/>
        <xsl:with-param name="content">
          <xsl:for-each select="*[local-name() = 'deadline']">
            <fo:block>
              <xsl:call-template name="folio-line"/>
              <xsl:call-template name="folio-deadline">
                <xsl:with-param name="year" select="$year"/>
              </xsl:call-template>
            </fo:block>
          </xsl:for-each>
          <xsl:if test="$doc = 'plan'">
            <xsl:for-each select="*[local-name() = 'result']">
              <fo:block space-before="3pt" font-style="italic">
                <xsl:call-template name="folio-line"/>
                <xsl:call-template name="folio-cell-flow"/>
              </fo:block>
            </xsl:for-each>
          </xsl:if>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:if test="$show-resp">
        <xsl:call-template name="folio-grid-cell">
          <xsl:with-param name="hyphenate" select="false()"/>
          <xsl:with-param name="content">
            <xsl:for-each select="*[local-name() = 'responsible']">
              <fo:block>
                <xsl:call-template name="folio-line"/>
                <xsl:choose>
                  <xsl:when test="normalize-space(.) != ''">
                    <xsl:call-template name="folio-prose">
                      <xsl:with-param name="s" select="."/>
                    </xsl:call-template>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:call-template name="folio-person-name-by-ref">
                      <xsl:with-param name="ref" select="@ref"/>
                      <xsl:with-param name="as">
                        <xsl:choose>
                          <xsl:when test="@as">
                            <xsl:value-of select="@as"/>
                          </xsl:when>
                          <xsl:otherwise>surname-initials</xsl:otherwise>
                        </xsl:choose>
                      </xsl:with-param>
                    </xsl:call-template>
                  </xsl:otherwise>
                </xsl:choose>
              </fo:block>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="$show-mark">
        <xsl:call-template name="folio-grid-cell">
          <xsl:with-param name="content">
            <xsl:variable name="status">
              <xsl:call-template name="folio-measure-status">
                <xsl:with-param name="capital" select="true()"/>
              </xsl:call-template>
            </xsl:variable>
            <xsl:choose>
              <xsl:when test="$doc = 'report'">
                <xsl:if test="$status != ''">
                  <fo:block font-style="italic" hyphenate="false">
                    <xsl:value-of select="$status"/>
                  </fo:block>
                </xsl:if>
                <xsl:for-each select="*[local-name() = 'result' or local-name() = 'mark']">
                  <fo:block>
                    <xsl:call-template name="folio-line"/>
                    <xsl:call-template name="folio-cell-flow"/>
                  </fo:block>
                </xsl:for-each>
              </xsl:when>
              <xsl:when test="*[local-name() = 'mark']">
                <xsl:for-each select="*[local-name() = 'mark']">
                  <fo:block>
                    <xsl:call-template name="folio-line"/>
                    <xsl:call-template name="folio-cell-flow"/>
                  </fo:block>
                </xsl:for-each>
              </xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="$status"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </fo:table-row>
  </xsl:template>

</xsl:stylesheet>
