<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl — templates shared by the document-type stylesheets
  (xsl:import it first).  XSLT 1.0 for libxslt.

  What is here:
    - page geometry parameters and the page masters (GOST R 7.0.97: A4,
      margins 30/10/20/20 mm, page number centred 10 mm below the top edge,
      no number on page 1);
    - the static content carrying the page number;
    - dates (ISO in, "09.04.2021" or "9 апреля 2021 г." out), times
      ("12:00" in, "12.00" out);
    - people: lookup by id, initials, name forms;
    - the signature block (one two-cell table per signer);
    - small string helpers (capitals, replace, NBSP after "№", final period);
    - folio:line, the source line copied onto emitted FO;
    - the label catalogue stylesheets/labels-LANG.xml (folio-label,
      folio-label-fill for phrases with {x} slots): month names, document
      kinds and their cases, stamp keywords, column headings; LANG is the
      root's xml:lang (ru by default, en) unless folio-lang is given;
    - numbers in the document's language (folio-format-number: decimal
      comma and NO-BREAK SPACE groups in Russian), Roman numerals;
    - requisites shared by orders and notes (common.xsd issuerType and
      the other requisite types): header in longitudinal or corner layout
      (folio-header), right zone (folio-right-zone), access mark, approval
      stamp (УТВЕРЖДАЮ / УТВЕРЖДЕНО …), appendix mark (Приложение № 1 к …),
      signature block with optional capital surnames, attachment mark,
      executor mark in the footer of the last page (masters made with
      folio-layout-master-set footer = true());
    - running text (common.xsd flow* types) in modes folio-block and
      folio-inline: paragraphs, lists, numbered points and sections,
      ruled tables; folio-prose adds NBSP inside word dates and after
      initials;
    - plans and reports (common.xsd periodType, measure* types): the
      period phrase after the heading (folio-period: "на 2025 год",
      "за I квартал 2024 года"), deadlines (folio-deadline), and the
      table of measures (folio-measures) with groups, numbered columns
      and the GOST 5.18 header of long tables (folio-numbered-table:
      full header once, then only the column-number row).

  What is deliberately not here: anything that knows a document type's
  element names.  Every template works on local names or on values passed
  in, so the same module serves urn:folio:protocol, urn:folio:order, ...
  (common.xsd is chameleon-included, so its elements take the namespace of
  whichever type uses them).

  Only the FO subset documented for folio's engine is emitted.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:folio="urn:folio:fo"
                xmlns:exsl="http://exslt.org/common"
                exclude-result-prefixes="exsl">

  <!-- Language and hyphenation for the whole document: xml:lang of the
       source root (default Russian); justified 14pt text needs hyphens. -->
  <!-- GOST R 7.0.97-2025 requisite 31: a QR code of the document (issuer,
       type, number, date) at the lower right of page 1.  Off unless asked
       for (folio render with the parameter qr=1) -->
  <xsl:param name="qr" select="''"/>
  <xsl:variable name="folio-qr-on" select="$qr = '1' or $qr = 'yes' or $qr = 'true'"/>
  <xsl:variable name="folio-qr-zone" select="'22mm'"/>

  <xsl:attribute-set name="folio-root">
    <xsl:attribute name="language">
      <xsl:value-of select="substring(concat(/*/@xml:lang, 'ru'), 1, 2)"/>
    </xsl:attribute>
    <xsl:attribute name="hyphenate">true</xsl:attribute>
  </xsl:attribute-set>


  <!-- ============================================================== -->
  <!-- Parameters                                                       -->
  <!-- ============================================================== -->

  <!-- Passed by folio (see docs/conventions.md). -->
  <xsl:param name="gost-edition" select="'2016'"/>
  <xsl:param name="source-file" select="''"/>

  <!-- Typography.  Fonts are always named: never rely on engine defaults. -->
  <xsl:param name="folio-font-family" select="'PT Serif'"/>
  <xsl:param name="folio-font-size" select="'14pt'"/>
  <xsl:param name="folio-line-height" select="'normal'"/>
  <xsl:param name="folio-page-number-size" select="'12pt'"/>
  <!-- First-line indent of text paragraphs (GOST: 1.25 cm). -->
  <xsl:param name="folio-indent" select="'1.25cm'"/>
  <!-- One blank interval between requisites / sections. -->
  <xsl:param name="folio-gap" select="'12pt'"/>

  <!-- Page geometry (GOST R 7.0.97-2016, long-retention documents). -->
  <xsl:param name="folio-page-width" select="'210mm'"/>
  <xsl:param name="folio-page-height" select="'297mm'"/>
  <xsl:param name="folio-margin-left" select="'30mm'"/>
  <xsl:param name="folio-margin-right" select="'10mm'"/>
  <xsl:param name="folio-margin-top" select="'20mm'"/>
  <xsl:param name="folio-margin-bottom" select="'20mm'"/>
  <!-- Distance of the page number from the top edge of the sheet; must be
       smaller than folio-margin-top.  The page margin is this value and
       the body region starts (margin-top - this) lower. -->
  <xsl:param name="folio-number-top" select="'10mm'"/>
  <xsl:param name="folio-body-offset" select="'10mm'"/>
  <!-- Footer (executor mark on the last page): it takes the upper
       folio-footer-extent of the bottom margin; the two must add up to
       folio-margin-bottom so the body keeps its height. -->
  <xsl:param name="folio-footer-extent" select="'13mm'"/>
  <xsl:param name="folio-footer-margin" select="'7mm'"/>
  <xsl:param name="folio-footer-font-size" select="'10pt'"/>
  <!-- Right zone of the first page (approval stamp, appendix mark, access
       mark, addressee): its distance from the left text border; the zone
       is the rest of the text width (70 mm with the default margins). -->
  <xsl:param name="folio-zone-start" select="'100mm'"/>
  <!-- Corner header layout: width of the left requisite zone (GOST 2016:
       lines of at most 7.5 cm). -->
  <xsl:param name="folio-corner-width" select="'75mm'"/>
  <!-- ... and what is left of the text width beside it (170 mm − 75 mm):
       the end-indent that keeps the heading inside the zone's width; and
       the gap between the zone and the right zone (folio-zone-start −
       folio-corner-width).  The engine takes no length arithmetic, so
       these are given, not computed. -->
  <xsl:param name="folio-corner-rest" select="'95mm'"/>
  <xsl:param name="folio-corner-gap" select="'25mm'"/>
  <!-- Tables: type size (GOST permits a smaller size in tables). -->
  <xsl:param name="folio-table-font-size" select="'12pt'"/>

  <!-- Language of the label catalogue stylesheets/labels-LANG.xml: empty
       (the default) takes the xml:lang of the document's root element;
       'ru' or 'en' forces one.  See $folio-language. -->
  <xsl:param name="folio-lang" select="''"/>

  <!-- ============================================================== -->
  <!-- Keys                                                             -->
  <!-- ============================================================== -->

  <!-- Any element with an id, whatever its namespace (people, orgs). -->
  <xsl:key name="folio-id" match="*[@id]" use="@id"/>

  <!-- ============================================================== -->
  <!-- Source line                                                      -->
  <!-- ============================================================== -->

  <!-- Emits folio:line="N" for the context node when folio's extension
       function is available; nothing under plain xsltproc. -->
  <xsl:template name="folio-line">
    <xsl:if test="function-available('folio:line')">
      <xsl:attribute name="folio:line">
        <xsl:value-of select="folio:line(.)"/>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Page masters                                                     -->
  <!-- ============================================================== -->

  <!-- fo:layout-master-set with:
         folio-first  page 1: no region-before, hence no page number;
         folio-rest   pages 2..n: region-before holds the centred number;
         folio-pages  the page-sequence-master choosing between them.
       Both masters have identical body geometry: the page margin-top is
       the number's distance from the edge and the body region is pushed
       down by folio-body-offset, so text starts at folio-margin-top.
       With footer = true() two more masters and a second sequence master
       carry the executor mark (static content "folio-executor") at the
       foot of the last page of a sequence:
         folio-last   like folio-rest, plus the footer region;
         folio-only   like folio-first, plus the footer region (one-page
                      sequence);
         folio-pages-footer  only | first | last | rest.
       The footer region lies in the bottom margin (a "колонтитул", where
       GOST lets the executor mark go), so every master has the same body
       height and the last page holds exactly what it would hold anyway. -->
  <xsl:template name="folio-layout-master-set">
    <xsl:param name="footer" select="false()"/>
    <fo:layout-master-set>
      <fo:simple-page-master master-name="folio-first"
                             page-width="{$folio-page-width}"
                             page-height="{$folio-page-height}"
                             margin-top="{$folio-number-top}"
                             margin-left="{$folio-margin-left}"
                             margin-right="{$folio-margin-right}">
        <xsl:choose>
          <xsl:when test="$folio-qr-on">
            <!-- the QR zone sits in the lower right, the body above it -->
            <xsl:attribute name="margin-bottom">5mm</xsl:attribute>
            <fo:region-body margin-top="{$folio-body-offset}"
                            margin-bottom="{$folio-qr-zone}"/>
            <fo:region-after region-name="folio-qr" extent="{$folio-qr-zone}"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:attribute name="margin-bottom">
              <xsl:value-of select="$folio-margin-bottom"/>
            </xsl:attribute>
            <fo:region-body margin-top="{$folio-body-offset}"/>
          </xsl:otherwise>
        </xsl:choose>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="folio-rest"
                             page-width="{$folio-page-width}"
                             page-height="{$folio-page-height}"
                             margin-top="{$folio-number-top}"
                             margin-bottom="{$folio-margin-bottom}"
                             margin-left="{$folio-margin-left}"
                             margin-right="{$folio-margin-right}">
        <fo:region-body margin-top="{$folio-body-offset}"/>
        <fo:region-before extent="{$folio-body-offset}"/>
      </fo:simple-page-master>
      <fo:page-sequence-master master-name="folio-pages">
        <fo:repeatable-page-master-alternatives>
          <fo:conditional-page-master-reference master-reference="folio-first"
                                                page-position="first"/>
          <fo:conditional-page-master-reference master-reference="folio-rest"
                                                page-position="rest"/>
        </fo:repeatable-page-master-alternatives>
      </fo:page-sequence-master>
      <xsl:if test="$footer">
        <fo:simple-page-master master-name="folio-only"
                               page-width="{$folio-page-width}"
                               page-height="{$folio-page-height}"
                               margin-top="{$folio-number-top}"
                               margin-bottom="{$folio-footer-margin}"
                               margin-left="{$folio-margin-left}"
                               margin-right="{$folio-margin-right}">
          <fo:region-body margin-top="{$folio-body-offset}"
                          margin-bottom="{$folio-footer-extent}"/>
          <fo:region-after region-name="folio-executor"
                           extent="{$folio-footer-extent}"/>
        </fo:simple-page-master>
        <fo:simple-page-master master-name="folio-last"
                               page-width="{$folio-page-width}"
                               page-height="{$folio-page-height}"
                               margin-top="{$folio-number-top}"
                               margin-bottom="{$folio-footer-margin}"
                               margin-left="{$folio-margin-left}"
                               margin-right="{$folio-margin-right}">
          <fo:region-body margin-top="{$folio-body-offset}"
                          margin-bottom="{$folio-footer-extent}"/>
          <fo:region-before extent="{$folio-body-offset}"/>
          <fo:region-after region-name="folio-executor"
                           extent="{$folio-footer-extent}"/>
        </fo:simple-page-master>
        <fo:page-sequence-master master-name="folio-pages-footer">
          <fo:repeatable-page-master-alternatives>
            <fo:conditional-page-master-reference master-reference="folio-only"
                                                  page-position="only"/>
            <fo:conditional-page-master-reference master-reference="folio-first"
                                                  page-position="first"/>
            <fo:conditional-page-master-reference master-reference="folio-last"
                                                  page-position="last"/>
            <fo:conditional-page-master-reference master-reference="folio-rest"
                                                  page-position="rest"/>
          </fo:repeatable-page-master-alternatives>
        </fo:page-sequence-master>
      </xsl:if>
    </fo:layout-master-set>
    <xsl:call-template name="folio-declarations"/>
  </xsl:template>

  <!-- Document metadata for the PDF (Info dictionary and XMP, which
       folio's post stage writes identically): the title ("Протокол
       заседания …", "Распоряжение Об организации …"), the issuing
       organisation, the document's date as the creation date (so the
       same source always gives the same PDF).  FOP reads the same
       x:xmpmeta. -->
  <xsl:template name="folio-declarations">
    <xsl:variable name="r" select="/*"/>
    <xsl:variable name="kind">
      <xsl:choose>
        <xsl:when test="$r/@kind">
          <xsl:value-of select="normalize-space($r/@kind)"/>
        </xsl:when>
        <xsl:when test="local-name($r) = 'protocol' and $folio-language = 'en'">Minutes</xsl:when>
        <xsl:when test="local-name($r) = 'protocol'">Протокол</xsl:when>
        <xsl:when test="local-name($r) = 'plan' and $folio-language = 'en'">Plan</xsl:when>
        <xsl:when test="local-name($r) = 'plan'">План</xsl:when>
        <xsl:when test="local-name($r) = 'report' and $folio-language = 'en'">Report</xsl:when>
        <xsl:when test="local-name($r) = 'report'">Отчёт</xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="normalize-space($r/*[local-name() = 'type'])"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="what"
                  select="normalize-space(($r/*[local-name() = 'heading'] |
                                           $r/*[local-name() = 'body'])[1])"/>
    <xsl:variable name="number" select="normalize-space($r/*[local-name() = 'number'])"/>
    <xsl:variable name="title">
      <xsl:value-of select="concat(translate(substring($kind, 1, 1), $folio-lower, $folio-upper),
                                   substring($kind, 2))"/>
      <xsl:if test="$what != ''">
        <xsl:value-of select="concat(' ', $what)"/>
      </xsl:if>
      <xsl:if test="$number != ''">
        <xsl:value-of select="concat(' № ', $number)"/>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="o" select="$r/*[local-name() = 'org']"/>
    <xsl:variable name="org">
      <xsl:choose>
        <xsl:when test="$o/*[local-name() = 'name']">
          <xsl:value-of select="normalize-space($o/*[local-name() = 'name'])"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="normalize-space($o)"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <!-- the document's date, else the date of its approval -->
    <xsl:variable name="date"
                  select="normalize-space(($r/*[local-name() = 'date'] |
                                           $r/*[local-name() = 'approval']/*[local-name() = 'date'])[1])"/>
    <fo:declarations>
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
                           xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xsl:if test="normalize-space($title) != ''">
              <dc:title>
                <xsl:value-of select="normalize-space($title)"/>
              </dc:title>
            </xsl:if>
            <xsl:if test="$org != ''">
              <dc:creator>
                <xsl:value-of select="$org"/>
              </dc:creator>
            </xsl:if>
            <!-- YYYY-MM-DD only: anything else is not a date to rely on -->
            <xsl:if test="string-length($date) = 10 and
                          translate($date, '0123456789', '') = '--'">
              <xmp:CreateDate>
                <xsl:value-of select="concat($date, 'T00:00:00Z')"/>
              </xmp:CreateDate>
            </xsl:if>
          </rdf:Description>
        </rdf:RDF>
      </x:xmpmeta>
    </fo:declarations>
  </xsl:template>

  <!-- Static content of region-before: the page number, centred, arabic,
       nothing else.  Page 1 uses a master without region-before. -->
  <!-- What the QR code carries: issuer | document type | № number | date. -->
  <xsl:template name="folio-qr-data">
    <xsl:variable name="d" select="/*"/>
    <xsl:value-of select="normalize-space(($d/*[local-name() = 'org']/*[local-name() = 'name'])[1])"/>
    <xsl:text>|</xsl:text>
    <xsl:choose>
      <xsl:when test="$d/@kind"><xsl:value-of select="$d/@kind"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="local-name($d)"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$d/*[local-name() = 'number']">
      <xsl:text>|№ </xsl:text>
      <xsl:value-of select="normalize-space($d/*[local-name() = 'number'])"/>
    </xsl:if>
    <xsl:if test="$d/*[local-name() = 'date']">
      <xsl:text>|</xsl:text>
      <xsl:value-of select="normalize-space($d/*[local-name() = 'date'])"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="folio-page-number">
    <!-- false() for page sequences after the first (appendices): the QR
         requisite belongs to page 1 of the document only -->
    <xsl:param name="first-sequence" select="true()"/>
    <xsl:if test="$folio-qr-on and $first-sequence">
      <fo:static-content flow-name="folio-qr">
        <fo:block text-align="end" line-height="1" font-size="1pt">
          <folio:qr-code content-width="20mm">
            <xsl:attribute name="data">
              <xsl:call-template name="folio-qr-data"/>
            </xsl:attribute>
          </folio:qr-code>
        </fo:block>
      </fo:static-content>
    </xsl:if>
    <fo:static-content flow-name="xsl-region-before">
      <fo:block hyphenate="false" font-family="{$folio-font-family}"
                font-size="{$folio-page-number-size}"
                line-height="{$folio-line-height}"
                text-align="center">
        <fo:page-number/>
      </fo:block>
    </fo:static-content>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Strings                                                          -->
  <!-- ============================================================== -->

  <xsl:variable name="folio-lower"
                select="'абвгдеёжзийклмнопрстуфхцчшщъыьэюяabcdefghijklmnopqrstuvwxyz'"/>
  <xsl:variable name="folio-upper"
                select="'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>

  <!-- Capitals (the engine has no text-transform). -->
  <xsl:template name="folio-upper">
    <xsl:param name="s"/>
    <xsl:value-of select="translate($s, $folio-lower, $folio-upper)"/>
  </xsl:template>

  <!-- Replaces every occurrence of $from in $s by $to. -->
  <xsl:template name="folio-replace">
    <xsl:param name="s"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="$from != '' and contains($s, $from)">
        <xsl:value-of select="substring-before($s, $from)"/>
        <xsl:value-of select="$to"/>
        <xsl:call-template name="folio-replace">
          <xsl:with-param name="s" select="substring-after($s, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$s"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Author text as printed: whitespace collapsed; NO-BREAK SPACE after
       "№" so the sign never parts from its number, and before a dash
       preceded by a space (" —", " –") so no line starts with the dash. -->
  <xsl:template name="folio-text">
    <xsl:param name="s"/>
    <xsl:variable name="a">
      <xsl:call-template name="folio-replace">
        <xsl:with-param name="s" select="normalize-space($s)"/>
        <xsl:with-param name="from" select="'№ '"/>
        <xsl:with-param name="to" select="'№&#160;'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="b">
      <xsl:call-template name="folio-replace">
        <xsl:with-param name="s" select="$a"/>
        <xsl:with-param name="from" select="' —'"/>
        <xsl:with-param name="to" select="'&#160;—'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="folio-replace">
      <xsl:with-param name="s" select="$b"/>
      <xsl:with-param name="from" select="' –'"/>
      <xsl:with-param name="to" select="'&#160;–'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- $s with a final period added unless it already ends in . ! ? or … -->
  <xsl:template name="folio-ensure-period">
    <xsl:param name="s"/>
    <xsl:variable name="t" select="normalize-space($s)"/>
    <xsl:value-of select="$t"/>
    <xsl:if test="$t != '' and not(contains('.!?…', substring($t, string-length($t))))">
      <xsl:text>.</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- Label keyword: capitals, one colon ("ПРИСУТСТВОВАЛИ:"). -->
  <xsl:template name="folio-keyword">
    <xsl:param name="s"/>
    <xsl:variable name="t" select="normalize-space($s)"/>
    <xsl:call-template name="folio-upper">
      <xsl:with-param name="s" select="$t"/>
    </xsl:call-template>
    <xsl:if test="substring($t, string-length($t)) != ':'">
      <xsl:text>:</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Dates and times                                                  -->
  <!-- ============================================================== -->

  <!-- The genitive month names, looked up in the label catalogue once:
       the typography of running text (folio-bind-months) asks for all
       twelve for every piece of text, and each lookup walks the whole
       catalogue (half of a report's transformation). -->
  <xsl:variable name="folio-months-rtf">
    <xsl:call-template name="folio-month-list">
      <xsl:with-param name="m" select="1"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="folio-months" select="exsl:node-set($folio-months-rtf)/*"/>

  <xsl:template name="folio-month-list">
    <xsl:param name="m"/>
    <xsl:if test="$m &lt;= 12">
      <folio:month>
        <xsl:call-template name="folio-month-genitive-lookup">
          <xsl:with-param name="m" select="$m"/>
        </xsl:call-template>
      </folio:month>
      <xsl:call-template name="folio-month-list">
        <xsl:with-param name="m" select="$m + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Month $m (1-12, "04" too) in the genitive: "апреля"; nothing for
       anything else. -->
  <xsl:template name="folio-month-genitive">
    <xsl:param name="m"/>
    <xsl:value-of select="$folio-months[number($m)]"/>
  </xsl:template>

  <!-- Month name in the genitive for month number "01".."12", from the
       label catalogue (month.1 .. month.12); the built-in Russian names
       are the fallback when the catalogue cannot be read. -->
  <xsl:template name="folio-month-genitive-lookup">
    <xsl:param name="m"/>
    <xsl:variable name="l"
                  select="$folio-labels/*[local-name() = 'label'][@id = concat('month.', number($m))][1]"/>
    <xsl:choose>
      <xsl:when test="$l">
        <xsl:value-of select="normalize-space($l)"/>
      </xsl:when>
      <xsl:when test="number($m) = 1">января</xsl:when>
      <xsl:when test="number($m) = 2">февраля</xsl:when>
      <xsl:when test="number($m) = 3">марта</xsl:when>
      <xsl:when test="number($m) = 4">апреля</xsl:when>
      <xsl:when test="number($m) = 5">мая</xsl:when>
      <xsl:when test="number($m) = 6">июня</xsl:when>
      <xsl:when test="number($m) = 7">июля</xsl:when>
      <xsl:when test="number($m) = 8">августа</xsl:when>
      <xsl:when test="number($m) = 9">сентября</xsl:when>
      <xsl:when test="number($m) = 10">октября</xsl:when>
      <xsl:when test="number($m) = 11">ноября</xsl:when>
      <xsl:when test="number($m) = 12">декабря</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ISO date "2021-04-09" printed per GOST 5.10:
         format 'numeric'    -> "09.04.2021"
         format 'words'      -> "9 апреля 2021 г." (NBSP between the parts,
                                no leading zero on the day)
         format 'words-long' -> "9 апреля 2021 года" (the same, "года").
       Anything not shaped like an ISO date is printed as it is. -->
  <xsl:template name="folio-format-date">
    <xsl:param name="iso"/>
    <xsl:param name="format" select="'words'"/>
    <xsl:variable name="d" select="normalize-space($iso)"/>
    <xsl:variable name="y" select="substring($d, 1, 4)"/>
    <xsl:variable name="m" select="substring($d, 6, 2)"/>
    <xsl:variable name="dd" select="substring($d, 9, 2)"/>
    <xsl:choose>
      <xsl:when test="string-length($d) != 10 or substring($d, 5, 1) != '-'
                      or substring($d, 8, 1) != '-'">
        <xsl:value-of select="$d"/>
      </xsl:when>
      <xsl:when test="$format = 'numeric'">
        <xsl:value-of select="concat($dd, '.', $m, '.', $y)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="number($dd)"/>
        <xsl:text>&#160;</xsl:text>
        <xsl:call-template name="folio-month-genitive">
          <xsl:with-param name="m" select="$m"/>
        </xsl:call-template>
        <xsl:text>&#160;</xsl:text>
        <xsl:value-of select="$y"/>
        <!-- "г." / "года"; an empty label (English) prints nothing -->
        <xsl:variable name="year-word">
          <xsl:choose>
            <xsl:when test="$format = 'words-long'">
              <xsl:call-template name="folio-label">
                <xsl:with-param name="id" select="'date.year-long'"/>
                <xsl:with-param name="default" select="'года'"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="folio-label">
                <xsl:with-param name="id" select="'date.year'"/>
                <xsl:with-param name="default" select="'г.'"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:if test="$year-word != ''">
          <xsl:value-of select="concat('&#160;', $year-word)"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Date or date range (multi-day meeting).  Same month:
       "21–24.07.2025" / "21–24 июля 2025 г."; same year:
       "30.06–02.07.2025" / "30 июня – 2 июля 2025 г."; otherwise both
       dates in full joined by an en dash. -->
  <xsl:template name="folio-format-date-range">
    <xsl:param name="iso"/>
    <xsl:param name="end" select="''"/>
    <xsl:param name="format" select="'words'"/>
    <xsl:variable name="a" select="normalize-space($iso)"/>
    <xsl:variable name="b" select="normalize-space($end)"/>
    <xsl:choose>
      <xsl:when test="$b = '' or $b = $a">
        <xsl:call-template name="folio-format-date">
          <xsl:with-param name="iso" select="$a"/>
          <xsl:with-param name="format" select="$format"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="substring($a, 1, 7) = substring($b, 1, 7)">
        <xsl:choose>
          <xsl:when test="$format = 'numeric'">
            <xsl:value-of select="concat(substring($a, 9, 2), '–')"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="concat(number(substring($a, 9, 2)), '–')"/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="folio-format-date">
          <xsl:with-param name="iso" select="$b"/>
          <xsl:with-param name="format" select="$format"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="substring($a, 1, 4) = substring($b, 1, 4)">
        <xsl:choose>
          <xsl:when test="$format = 'numeric'">
            <xsl:value-of select="concat(substring($a, 9, 2), '.', substring($a, 6, 2), '–')"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="number(substring($a, 9, 2))"/>
            <xsl:text>&#160;</xsl:text>
            <xsl:call-template name="folio-month-genitive">
              <xsl:with-param name="m" select="substring($a, 6, 2)"/>
            </xsl:call-template>
            <xsl:text> – </xsl:text>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="folio-format-date">
          <xsl:with-param name="iso" select="$b"/>
          <xsl:with-param name="format" select="$format"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="folio-format-date">
          <xsl:with-param name="iso" select="$a"/>
          <xsl:with-param name="format" select="$format"/>
        </xsl:call-template>
        <xsl:text> – </xsl:text>
        <xsl:call-template name="folio-format-date">
          <xsl:with-param name="iso" select="$b"/>
          <xsl:with-param name="format" select="$format"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "12:00" or "12:00:00" -> "12.00". -->
  <xsl:template name="folio-format-time">
    <xsl:param name="t"/>
    <xsl:value-of select="translate(substring(normalize-space($t), 1, 5), ':', '.')"/>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- People                                                           -->
  <!-- ============================================================== -->

  <!-- Initial of one given name or patronymic: "Елена" -> "Е.";
       hyphenated "Анна-Мария" -> "А.-М.". -->
  <xsl:template name="folio-initial">
    <xsl:param name="s"/>
    <xsl:variable name="t" select="normalize-space($s)"/>
    <xsl:if test="$t != ''">
      <xsl:value-of select="concat(substring($t, 1, 1), '.')"/>
      <xsl:if test="contains($t, '-')">
        <xsl:text>-</xsl:text>
        <xsl:call-template name="folio-initial">
          <xsl:with-param name="s" select="substring-after($t, '-')"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- Initials of a person element: from <initials> when given (spaces
       removed: "А. В." -> "А.В."), else from <name> and <patronymic>. -->
  <xsl:template name="folio-initials">
    <xsl:param name="person"/>
    <xsl:variable name="given" select="$person/*[local-name() = 'initials']"/>
    <xsl:choose>
      <xsl:when test="$given">
        <xsl:value-of select="translate(normalize-space($given), ' ', '')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="folio-initial">
          <xsl:with-param name="s" select="$person/*[local-name() = 'name']"/>
        </xsl:call-template>
        <xsl:call-template name="folio-initial">
          <xsl:with-param name="s" select="$person/*[local-name() = 'patronymic']"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A person element's name in one of the forms of common.xsd nameForm:
         full              "Жарких Елена Вячеславовна"
         initials          "Е.В. Жарких"  (signature form)
         surname-initials  "Жарких Е.В."  (running text)
         surname           "Жарких"
       A NO-BREAK SPACE joins initials and surname. -->
  <xsl:template name="folio-person-name">
    <xsl:param name="person"/>
    <xsl:param name="as" select="'initials'"/>
    <!-- 'capitals': the surname in capital letters ("А.В. ОСТРОВСКИЙ"),
         as some bodies print it under a signature. -->
    <xsl:param name="surname-case" select="'as-written'"/>
    <xsl:variable name="surname-text" select="normalize-space($person/*[local-name() = 'surname'])"/>
    <xsl:variable name="surname">
      <xsl:choose>
        <xsl:when test="$surname-case = 'capitals'">
          <xsl:value-of select="translate($surname-text, $folio-lower, $folio-upper)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$surname-text"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="initials">
      <xsl:call-template name="folio-initials">
        <xsl:with-param name="person" select="$person"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$as = 'surname' or ($initials = '' and $as != 'full')">
        <xsl:value-of select="$surname"/>
      </xsl:when>
      <xsl:when test="$as = 'full' and $person/*[local-name() = 'name']">
        <xsl:value-of select="$surname"/>
        <xsl:for-each select="$person/*[local-name() = 'name' or local-name() = 'patronymic']">
          <xsl:value-of select="concat(' ', normalize-space(.))"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="$as = 'initials'">
        <xsl:value-of select="concat($initials, '&#160;', $surname)"/>
      </xsl:when>
      <xsl:otherwise>
        <!-- surname-initials, and 'full' when only initials are known -->
        <xsl:value-of select="$surname"/>
        <xsl:if test="$initials != ''">
          <xsl:value-of select="concat('&#160;', $initials)"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Name of the person with id $ref (empty when there is none). -->
  <xsl:template name="folio-person-name-by-ref">
    <xsl:param name="ref"/>
    <xsl:param name="as" select="'initials'"/>
    <xsl:param name="surname-case" select="'as-written'"/>
    <xsl:call-template name="folio-person-name">
      <xsl:with-param name="person" select="key('folio-id', $ref)[1]"/>
      <xsl:with-param name="as" select="$as"/>
      <xsl:with-param name="surname-case" select="$surname-case"/>
    </xsl:call-template>
  </xsl:template>

  <!-- "должность организация" of a person element; either part may be
       missing (the organisation is written as it reads after the position). -->
  <xsl:template name="folio-person-position">
    <xsl:param name="person"/>
    <xsl:variable name="pos" select="normalize-space($person/*[local-name() = 'position'])"/>
    <xsl:variable name="org" select="normalize-space($person/*[local-name() = 'org'])"/>
    <xsl:call-template name="folio-text">
      <xsl:with-param name="s" select="concat($pos, ' ', $org)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Signature                                                        -->
  <!-- ============================================================== -->

  <!-- One signer (GOST 5.22): a two-cell table, position/role at the left
       border, "И.О. Фамилия" at the right border; both cells aligned to
       the bottom so the name sits on the baseline of the role's last line.
       The context node is the source element (for folio:line).  The caller
       wraps the signers in a block that keeps them with the text above. -->
  <xsl:template name="folio-signature">
    <xsl:param name="role"/>
    <xsl:param name="name"/>
    <xsl:param name="space-before" select="'0pt'"/>
    <!-- the signature field's name (folio-signature-field-name), or '' -->
    <xsl:param name="field" select="''"/>
    <fo:block hyphenate="false" space-before="{$space-before}"
              keep-together.within-page="always"
              text-indent="0" text-align="start">
      <xsl:call-template name="folio-line"/>
      <xsl:if test="$field != ''">
        <xsl:attribute name="folio:signature-field">
          <xsl:value-of select="$field"/>
        </xsl:attribute>
      </xsl:if>
      <fo:table table-layout="fixed" width="100%" border-collapse="separate">
        <xsl:call-template name="folio-line"/>
        <fo:table-column column-width="proportional-column-width(3)"/>
        <fo:table-column column-width="proportional-column-width(2)"/>
        <fo:table-body>
          <fo:table-row>
            <fo:table-cell display-align="after">
              <fo:block hyphenate="false" text-align="start" text-indent="0">
                <xsl:call-template name="folio-text">
                  <xsl:with-param name="s" select="$role"/>
                </xsl:call-template>
              </fo:block>
            </fo:table-cell>
            <fo:table-cell display-align="after">
              <fo:block hyphenate="false" text-align="end" text-indent="0">
                <xsl:value-of select="$name"/>
              </fo:block>
            </fo:table-cell>
          </fo:table-row>
        </fo:table-body>
      </fo:table>
    </fo:block>
  </xsl:template>

  <!-- Signature fields (folio's post stage puts an empty PDF signature
       field over each signature line marked folio:signature-field="NAME").
       On for the document types that are signed as such: protocol.xsl,
       order.xsl and plan.xsl set this variable to true(). -->
  <xsl:variable name="folio-signature-fields" select="false()"/>

  <!-- The field name of a signer element (context: an element with @ref):
       "role.Person" — chair, secretary, or $default (head, approver,
       signer) from the role text, then the person's id with a capital
       letter ("chair.Ivanov").  A period separates the levels of a PDF
       field name, so the id's own periods become hyphens.  '' when
       fields are off or there is no @ref. -->
  <xsl:template name="folio-signature-field-name">
    <xsl:param name="role" select="@role"/>
    <xsl:param name="default" select="'signer'"/>
    <xsl:if test="$folio-signature-fields and normalize-space(@ref) != ''">
      <xsl:variable name="r" select="translate($role, $folio-upper, $folio-lower)"/>
      <xsl:variable name="ref" select="translate(normalize-space(@ref), '. ', '--')"/>
      <xsl:choose>
        <xsl:when test="contains($r, 'председател') or contains($r, 'chair')">chair</xsl:when>
        <xsl:when test="contains($r, 'секретар') or contains($r, 'secretary')">secretary</xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$default"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="concat('.', translate(substring($ref, 1, 1), $folio-lower, $folio-upper),
                                   substring($ref, 2))"/>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Label catalogue                                                  -->
  <!-- ============================================================== -->

  <!-- stylesheets/labels-LANG.xml: every word folio prints by itself
       (month names, ПРИЛОЖЕНИЕ, УТВЕРЖДЕНО, СПРАВКА, kinds of acts and
       their case forms).  Read relative to this stylesheet. -->
  <!-- The catalogue's language: the parameter folio-lang, else the root's
       xml:lang; "en", "en-GB", "EN" … select English, anything else
       (and no xml:lang) Russian — the only two catalogues there are. -->
  <xsl:variable name="folio-language">
    <xsl:choose>
      <xsl:when test="translate(substring(concat(normalize-space($folio-lang),
                                                 normalize-space(/*/@xml:lang)), 1, 2),
                                'EN', 'en') = 'en'">en</xsl:when>
      <xsl:otherwise>ru</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:variable name="folio-labels"
                select="document(concat('labels-', $folio-language, '.xml'))/*"/>

  <!-- The label with id $id: as stored; upper = true() for capitals,
       capital = true() for a capital first letter.  $default when the
       catalogue has no such label (else the id itself, so a missing label
       shows in the PDF instead of vanishing). -->
  <xsl:template name="folio-label">
    <xsl:param name="id"/>
    <xsl:param name="upper" select="false()"/>
    <xsl:param name="capital" select="false()"/>
    <xsl:param name="default" select="''"/>
    <xsl:variable name="l"
                  select="$folio-labels/*[local-name() = 'label'][@id = $id][1]"/>
    <xsl:variable name="t">
      <xsl:choose>
        <xsl:when test="$l">
          <xsl:value-of select="normalize-space($l)"/>
        </xsl:when>
        <xsl:when test="$default != ''">
          <xsl:value-of select="$default"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="concat('[', $id, ']')"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$upper">
        <xsl:value-of select="translate($t, $folio-lower, $folio-upper)"/>
      </xsl:when>
      <xsl:when test="$capital">
        <xsl:value-of select="concat(translate(substring($t, 1, 1), $folio-lower, $folio-upper),
                                     substring($t, 2))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$t"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Grammatical gender (m f n pl) of the label $id, '' when none. -->
  <xsl:template name="folio-label-gender">
    <xsl:param name="id"/>
    <xsl:value-of select="$folio-labels/*[local-name() = 'label'][@id = $id][1]/@gender"/>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Numbers and dates of registered documents                        -->
  <!-- ============================================================== -->

  <!-- "№ 344-р/адм" (NO-BREAK SPACE after the sign); empty for no number. -->
  <xsl:template name="folio-number">
    <xsl:param name="n"/>
    <xsl:if test="normalize-space($n) != ''">
      <xsl:call-template name="folio-label">
        <xsl:with-param name="id" select="'number.sign'"/>
        <xsl:with-param name="default" select="'№'"/>
      </xsl:call-template>
      <xsl:value-of select="concat('&#160;', normalize-space($n))"/>
    </xsl:if>
  </xsl:template>

  <!-- "от 13.04.2018 № 344-р/адм": reference to a registered document
       (in marks and stamps); the date in $format (default numeric). -->
  <xsl:template name="folio-date-number">
    <xsl:param name="date"/>
    <xsl:param name="number" select="''"/>
    <xsl:param name="format" select="'numeric'"/>
    <xsl:param name="from" select="true()"/>
    <xsl:if test="$from">
      <xsl:call-template name="folio-label">
        <xsl:with-param name="id" select="'date.from'"/>
        <xsl:with-param name="default" select="'от'"/>
      </xsl:call-template>
      <xsl:text>&#160;</xsl:text>
    </xsl:if>
    <xsl:call-template name="folio-format-date">
      <xsl:with-param name="iso" select="$date"/>
      <xsl:with-param name="format" select="$format"/>
    </xsl:call-template>
    <xsl:if test="normalize-space($number) != ''">
      <xsl:text> </xsl:text>
      <xsl:call-template name="folio-number">
        <xsl:with-param name="n" select="$number"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Prose: no-break spaces the author should not have to type        -->
  <!-- ============================================================== -->

  <!-- Author text of running prose: folio-text (NBSP after "№", before
       dashes) and NO-BREAK SPACEs inside word dates ("5 ноября 2008
       года", "2008 г.") and after initials ("Д.А. Медведев"), so that
       neither breaks across lines. -->
  <xsl:template name="folio-prose">
    <xsl:param name="s"/>
    <xsl:variable name="a">
      <xsl:call-template name="folio-text">
        <xsl:with-param name="s" select="$s"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="translate($a, '0123456789', '') != $a">
        <xsl:variable name="b">
          <xsl:call-template name="folio-bind-months">
            <xsl:with-param name="s" select="$a"/>
            <xsl:with-param name="m" select="1"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="c">
          <xsl:call-template name="folio-bind-after-number">
            <xsl:with-param name="s" select="$b"/>
            <xsl:with-param name="word" select="' г.'"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="d">
          <xsl:call-template name="folio-bind-after-number">
            <xsl:with-param name="s" select="$c"/>
            <xsl:with-param name="word" select="' года'"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="folio-bind-initials">
          <xsl:with-param name="s" select="$d"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="folio-bind-initials">
          <xsl:with-param name="s" select="$a"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Month names 1..12 in turn: "5 ноября" and "ноября 2008" joined. -->
  <xsl:template name="folio-bind-months">
    <xsl:param name="s"/>
    <xsl:param name="m"/>
    <xsl:choose>
      <xsl:when test="$m > 12">
        <xsl:value-of select="$s"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="name">
          <xsl:call-template name="folio-month-genitive">
            <xsl:with-param name="m" select="$m"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="a">
          <xsl:call-template name="folio-bind-after-number">
            <xsl:with-param name="s" select="$s"/>
            <xsl:with-param name="word" select="concat(' ', $name)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="b">
          <xsl:call-template name="folio-bind-before-number">
            <xsl:with-param name="s" select="$a"/>
            <xsl:with-param name="word" select="concat($name, ' ')"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="folio-bind-months">
          <xsl:with-param name="s" select="$b"/>
          <xsl:with-param name="m" select="$m + 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $word starts with a space (" ноября", " г."): where it follows a
       digit and ends a word, that space becomes a NO-BREAK SPACE. -->
  <xsl:template name="folio-bind-after-number">
    <xsl:param name="s"/>
    <xsl:param name="word"/>
    <xsl:choose>
      <xsl:when test="contains($s, $word)">
        <xsl:variable name="before" select="substring-before($s, $word)"/>
        <xsl:variable name="after" select="substring-after($s, $word)"/>
        <xsl:variable name="last" select="substring($before, string-length($before))"/>
        <xsl:variable name="next" select="substring($after, 1, 1)"/>
        <xsl:value-of select="$before"/>
        <xsl:choose>
          <xsl:when test="$last != '' and contains('0123456789', $last)
                          and ($next = '' or contains(' &#160;,.;:)»!?', $next))">
            <xsl:value-of select="concat('&#160;', substring($word, 2))"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="$word"/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="folio-bind-after-number">
          <xsl:with-param name="s" select="$after"/>
          <xsl:with-param name="word" select="$word"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$s"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $word ends with a space ("ноября "): where it is a whole word and a
       digit follows, that space becomes a NO-BREAK SPACE. -->
  <xsl:template name="folio-bind-before-number">
    <xsl:param name="s"/>
    <xsl:param name="word"/>
    <xsl:choose>
      <xsl:when test="contains($s, $word)">
        <xsl:variable name="before" select="substring-before($s, $word)"/>
        <xsl:variable name="after" select="substring-after($s, $word)"/>
        <xsl:variable name="prev" select="substring($before, string-length($before))"/>
        <xsl:value-of select="$before"/>
        <xsl:choose>
          <xsl:when test="($prev = '' or contains(' &#160;(«', $prev))
                          and contains('0123456789', substring($after, 1, 1))
                          and $after != ''">
            <xsl:value-of select="concat(substring($word, 1, string-length($word) - 1), '&#160;')"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="$word"/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="folio-bind-before-number">
          <xsl:with-param name="s" select="$after"/>
          <xsl:with-param name="word" select="$word"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$s"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ". " after initials ("Д.А. Медведев", "А. Иванов") before a capital
       letter becomes ".&#160;". -->
  <xsl:template name="folio-bind-initials">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '. ')">
        <xsl:variable name="before" select="substring-before($s, '. ')"/>
        <xsl:variable name="after" select="substring-after($s, '. ')"/>
        <xsl:variable name="n" select="string-length($before)"/>
        <xsl:variable name="c1" select="substring($before, $n)"/>
        <xsl:variable name="c0" select="substring($before, $n - 1, 1)"/>
        <xsl:variable name="c2" select="substring($before, $n - 2, 1)"/>
        <xsl:variable name="c3" select="substring($before, $n - 3, 1)"/>
        <xsl:variable name="upper-c1"
                      select="$c1 != '' and contains($folio-upper, $c1)"/>
        <!-- "…␣А." or "…␣А.В." (a one-letter word or two initials) -->
        <xsl:variable name="initials"
                      select="$upper-c1 and (
                                ($c0 = '' or contains(' &#160;(', $c0))
                                or ($c0 = '.' and $c2 != '' and contains($folio-upper, $c2)
                                    and ($c3 = '' or contains(' &#160;(', $c3))))"/>
        <xsl:variable name="next" select="substring($after, 1, 1)"/>
        <xsl:value-of select="$before"/>
        <xsl:choose>
          <xsl:when test="$initials and $next != '' and contains($folio-upper, $next)">
            <xsl:text>.&#160;</xsl:text>
          </xsl:when>
          <xsl:otherwise>
            <xsl:text>. </xsl:text>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="folio-bind-initials">
          <xsl:with-param name="s" select="$after"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$s"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Header: organisation, document type, date and number, place,     -->
  <!-- heading; right zone for stamps and marks                          -->
  <!-- ============================================================== -->

  <!-- A block in the right zone of the page (GOST: approval stamp,
       appendix mark, access mark, addressee): starts $folio-zone-start
       from the left text border, lines flush left, single spacing, never
       indented or justified.  $content is the zone's blocks. -->
  <xsl:template name="folio-right-zone">
    <xsl:param name="content"/>
    <xsl:param name="space-after" select="$folio-gap"/>
    <fo:block hyphenate="false" start-indent="{$folio-zone-start}" end-indent="0"
              text-align="start" text-indent="0"
              space-after="{$space-after}" keep-with-next="always">
      <xsl:call-template name="folio-line"/>
      <xsl:copy-of select="$content"/>
    </fo:block>
  </xsl:template>

  <!-- Access-restriction mark (requisite 14) for an element like
       <access copy="2">Для служебного пользования</access>:
       the text, then "Экз. № 2". -->
  <xsl:template name="folio-access-mark">
    <xsl:param name="mark"/>
    <xsl:for-each select="$mark">
      <fo:block>
        <xsl:call-template name="folio-line"/>
        <xsl:call-template name="folio-text">
          <xsl:with-param name="s" select="."/>
        </xsl:call-template>
      </fo:block>
      <xsl:if test="normalize-space(@copy) != ''">
        <fo:block>
          <xsl:call-template name="folio-label">
            <xsl:with-param name="id" select="'access.copy'"/>
            <xsl:with-param name="capital" select="true()"/>
          </xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:call-template name="folio-number">
            <xsl:with-param name="n" select="@copy"/>
          </xsl:call-template>
        </fo:block>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- The approval keyword for a document of gender $gender (m f n pl):
       УТВЕРЖДЕН / УТВЕРЖДЕНА / УТВЕРЖДЕНО / УТВЕРЖДЕНЫ. -->
  <xsl:template name="folio-approved-keyword">
    <xsl:param name="gender" select="'n'"/>
    <xsl:call-template name="folio-label">
      <xsl:with-param name="id">
        <xsl:choose>
          <xsl:when test="$gender = 'm' or $gender = 'f' or $gender = 'pl'">
            <xsl:value-of select="concat('approved.', $gender)"/>
          </xsl:when>
          <xsl:otherwise>approved.n</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="upper" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Approval stamp (requisite 16) for an element of common.xsd
       approvalStampType, as blocks for the right zone:
         by an official:  УТВЕРЖДАЮ / position / ________ И.О. Фамилия / date
         by an act:       УТВЕРЖДЕНО / act / от 05.03.2025 № 45-р
         by a body:       УТВЕРЖДЕНО / act / (протокол от 22.01.2025 № 1) -->
  <xsl:template name="folio-approval-stamp">
    <xsl:param name="stamp"/>
    <xsl:for-each select="$stamp">
      <xsl:variable name="date" select="*[local-name() = 'date']"/>
      <xsl:variable name="date-format">
        <xsl:choose>
          <xsl:when test="$date/@format">
            <xsl:value-of select="$date/@format"/>
          </xsl:when>
          <xsl:otherwise>numeric</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <fo:block keep-with-next="always">
        <xsl:call-template name="folio-line"/>
        <xsl:choose>
          <xsl:when test="*[local-name() = 'signer']">
            <xsl:call-template name="folio-label">
              <xsl:with-param name="id" select="'approve.self'"/>
              <xsl:with-param name="upper" select="true()"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="folio-approved-keyword">
              <xsl:with-param name="gender" select="@gender"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </fo:block>
      <xsl:choose>
        <xsl:when test="*[local-name() = 'signer']">
          <xsl:variable name="signer" select="*[local-name() = 'signer']"/>
          <fo:block keep-with-next="always">
            <xsl:for-each select="*[local-name() = 'position']">
              <xsl:call-template name="folio-line"/>
              <xsl:call-template name="folio-text">
                <xsl:with-param name="s" select="."/>
              </xsl:call-template>
            </xsl:for-each>
          </fo:block>
          <!-- room for the handwritten signature, then the decoding at the
               right border of the zone -->
          <fo:block hyphenate="false" text-align="end" space-before="6pt" keep-with-next="always">
            <xsl:for-each select="$signer">
              <xsl:call-template name="folio-line"/>
              <xsl:variable name="field">
                <xsl:call-template name="folio-signature-field-name">
                  <xsl:with-param name="role" select="''"/>
                  <xsl:with-param name="default" select="'approver'"/>
                </xsl:call-template>
              </xsl:variable>
              <xsl:if test="$field != ''">
                <xsl:attribute name="folio:signature-field">
                  <xsl:value-of select="$field"/>
                </xsl:attribute>
              </xsl:if>
              <xsl:choose>
                <xsl:when test="normalize-space(.) != ''">
                  <xsl:call-template name="folio-text">
                    <xsl:with-param name="s" select="."/>
                  </xsl:call-template>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:call-template name="folio-person-name-by-ref">
                    <xsl:with-param name="ref" select="@ref"/>
                    <xsl:with-param name="as" select="'initials'"/>
                  </xsl:call-template>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </fo:block>
          <xsl:for-each select="$date">
            <fo:block>
              <xsl:call-template name="folio-line"/>
              <xsl:call-template name="folio-format-date">
                <xsl:with-param name="iso" select="."/>
                <xsl:with-param name="format" select="$date-format"/>
              </xsl:call-template>
            </fo:block>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <fo:block keep-with-next="always">
            <xsl:for-each select="*[local-name() = 'act']">
              <xsl:call-template name="folio-line"/>
              <xsl:call-template name="folio-text">
                <xsl:with-param name="s" select="."/>
              </xsl:call-template>
            </xsl:for-each>
          </fo:block>
          <fo:block>
            <xsl:for-each select="$date">
              <xsl:call-template name="folio-line"/>
            </xsl:for-each>
            <xsl:choose>
              <xsl:when test="@protocol = 'true' or @protocol = '1'">
                <xsl:text>(</xsl:text>
                <xsl:call-template name="folio-label">
                  <xsl:with-param name="id" select="'approved.protocol'"/>
                </xsl:call-template>
                <xsl:text> </xsl:text>
                <xsl:call-template name="folio-date-number">
                  <xsl:with-param name="date" select="$date"/>
                  <xsl:with-param name="number" select="*[local-name() = 'number']"/>
                  <xsl:with-param name="format" select="$date-format"/>
                </xsl:call-template>
                <xsl:text>)</xsl:text>
              </xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="folio-date-number">
                  <xsl:with-param name="date" select="$date"/>
                  <xsl:with-param name="number" select="*[local-name() = 'number']"/>
                  <xsl:with-param name="format" select="$date-format"/>
                </xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
          </fo:block>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- Mark at the top right of an appendix (GOST 6.30 3.21, gost-layout
       §4.6), as blocks for the right zone:
         mark 'appendix':  Приложение № 1 / к распоряжению <issuer> /
                           от 13.04.2018 № 344-р/адм
         mark 'approved':  УТВЕРЖДЕНО / распоряжением <issuer> /
                           от 13.04.2018 № 344-р/адм
         mark 'both':      Приложение № 1, then the approval form.
       $n empty: a single appendix, "Приложение" without a number.
       $dative / $instrumental: the act's kind in those cases
       ("распоряжению" / "распоряжением"); $issuer: the issuing body in
       the genitive; $date ISO; $number the registration number. -->
  <xsl:template name="folio-appendix-mark">
    <xsl:param name="mark" select="'appendix'"/>
    <xsl:param name="n" select="''"/>
    <xsl:param name="gender" select="'n'"/>
    <xsl:param name="dative"/>
    <xsl:param name="instrumental"/>
    <xsl:param name="issuer" select="''"/>
    <xsl:param name="date"/>
    <xsl:param name="number" select="''"/>
    <xsl:param name="date-format" select="'numeric'"/>
    <xsl:if test="$mark = 'appendix' or $mark = 'both'">
      <fo:block keep-with-next="always">
        <xsl:call-template name="folio-label">
          <xsl:with-param name="id" select="'appendix'"/>
          <xsl:with-param name="capital" select="true()"/>
        </xsl:call-template>
        <xsl:if test="normalize-space($n) != ''">
          <xsl:text> </xsl:text>
          <xsl:call-template name="folio-number">
            <xsl:with-param name="n" select="$n"/>
          </xsl:call-template>
        </xsl:if>
      </fo:block>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="$mark = 'appendix'">
        <fo:block keep-with-next="always">
          <xsl:call-template name="folio-label">
            <xsl:with-param name="id" select="'appendix.to'"/>
          </xsl:call-template>
          <xsl:value-of select="concat('&#160;', $dative)"/>
          <xsl:if test="normalize-space($issuer) != ''">
            <xsl:text> </xsl:text>
            <xsl:call-template name="folio-text">
              <xsl:with-param name="s" select="$issuer"/>
            </xsl:call-template>
          </xsl:if>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block keep-with-next="always">
          <xsl:call-template name="folio-approved-keyword">
            <xsl:with-param name="gender" select="$gender"/>
          </xsl:call-template>
        </fo:block>
        <fo:block keep-with-next="always">
          <xsl:value-of select="$instrumental"/>
          <xsl:if test="normalize-space($issuer) != ''">
            <xsl:text> </xsl:text>
            <xsl:call-template name="folio-text">
              <xsl:with-param name="s" select="$issuer"/>
            </xsl:call-template>
          </xsl:if>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
    <fo:block>
      <xsl:call-template name="folio-date-number">
        <xsl:with-param name="date" select="$date"/>
        <xsl:with-param name="number" select="$number"/>
        <xsl:with-param name="format" select="$date-format"/>
      </xsl:call-template>
    </fo:block>
  </xsl:template>

  <!-- Organisation (issuerType / organisationType) as centred lines:
       parent, name, "(short)", unit.  $bold for the name (blank style). -->
  <xsl:template name="folio-org-lines">
    <xsl:param name="org"/>
    <xsl:param name="bold" select="true()"/>
    <xsl:for-each select="$org/*[local-name() = 'parent' or local-name() = 'name'
                                 or local-name() = 'short' or local-name() = 'unit']">
      <fo:block>
        <xsl:call-template name="folio-line"/>
        <xsl:if test="$bold and local-name() = 'name'">
          <xsl:attribute name="font-weight">bold</xsl:attribute>
        </xsl:if>
        <xsl:if test="local-name() = 'unit'">
          <xsl:attribute name="space-before">6pt</xsl:attribute>
        </xsl:if>
        <xsl:if test="local-name() = 'short'">(</xsl:if>
        <xsl:call-template name="folio-text">
          <xsl:with-param name="s" select="."/>
        </xsl:call-template>
        <xsl:if test="local-name() = 'short'">)</xsl:if>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- The header requisites of page 1.
       layout    'longitudinal' (centred across the text width) or 'corner'
                 (stacked in a $folio-corner-width zone at the left);
       org       the issuer element (may be empty);
       title     the document type, printed as given (capitals: the caller
                 uppercases);
       date      the formatted date ('' for none); date-node for its line;
       number    the registration number without "№" ('' for none);
       dateline  'split': date at the left, "№ N" at the right of one line
                 (GOST); 'inline': "от <date> № N" centred (corner: always
                 one line in the zone);
       place     the place of compilation ('' for none);
       heading   the heading text ('' for none); heading-node for its line;
       right     blocks for the right zone (approval stamp, access mark,
                 addressee), '' for none;
       gost      '2016' or '2025': the corner zone is 7.5 cm wide in the
                 2016 edition, 8 cm in the 2025 one. -->
  <xsl:template name="folio-header">
    <xsl:param name="layout" select="'longitudinal'"/>
    <xsl:param name="org" select="/.."/>
    <xsl:param name="title" select="''"/>
    <xsl:param name="title-node" select="/.."/>
    <xsl:param name="date" select="''"/>
    <xsl:param name="date-node" select="/.."/>
    <xsl:param name="number" select="''"/>
    <xsl:param name="dateline" select="'split'"/>
    <xsl:param name="place" select="''"/>
    <xsl:param name="place-node" select="/.."/>
    <xsl:param name="heading" select="''"/>
    <xsl:param name="heading-node" select="/.."/>
    <xsl:param name="right" select="''"/>
    <xsl:param name="gost" select="$gost-edition"/>
    <xsl:variable name="has-right" select="string($right) != ''"/>
    <xsl:variable name="corner-width">
      <xsl:choose>
        <xsl:when test="$gost = '2025'">80mm</xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$folio-corner-width"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="corner-rest">
      <xsl:choose>
        <xsl:when test="$gost = '2025'">90mm</xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$folio-corner-rest"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="corner-gap">
      <xsl:choose>
        <xsl:when test="$gost = '2025'">20mm</xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$folio-corner-gap"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="number-text">
      <xsl:call-template name="folio-number">
        <xsl:with-param name="n" select="$number"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$layout = 'corner'">
        <fo:block text-indent="0" keep-with-next="always">
          <fo:table table-layout="fixed" width="100%" border-collapse="separate">
            <fo:table-column column-width="{$corner-width}"/>
            <fo:table-column column-width="{$corner-gap}"/>
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-body>
              <fo:table-row>
                <fo:table-cell>
                  <fo:block hyphenate="false" text-align="center" text-indent="0">
                    <xsl:call-template name="folio-org-lines">
                      <xsl:with-param name="org" select="$org"/>
                    </xsl:call-template>
                    <xsl:if test="$title != ''">
                      <fo:block font-weight="bold" space-before="{$folio-gap}" role="H1">
                        <xsl:for-each select="$title-node">
                          <xsl:call-template name="folio-line"/>
                        </xsl:for-each>
                        <xsl:value-of select="$title"/>
                      </fo:block>
                    </xsl:if>
                    <xsl:if test="$date != '' or $number-text != ''">
                      <fo:block space-before="{$folio-gap}">
                        <xsl:for-each select="$date-node">
                          <xsl:call-template name="folio-line"/>
                        </xsl:for-each>
                        <xsl:if test="$dateline = 'inline' and $date != ''">
                          <xsl:call-template name="folio-label">
                            <xsl:with-param name="id" select="'date.from'"/>
                          </xsl:call-template>
                          <xsl:text>&#160;</xsl:text>
                        </xsl:if>
                        <xsl:value-of select="$date"/>
                        <xsl:if test="$date != '' and $number-text != ''">
                          <xsl:text> </xsl:text>
                        </xsl:if>
                        <xsl:value-of select="$number-text"/>
                      </fo:block>
                    </xsl:if>
                    <xsl:if test="$place != ''">
                      <fo:block>
                        <xsl:for-each select="$place-node">
                          <xsl:call-template name="folio-line"/>
                        </xsl:for-each>
                        <xsl:value-of select="$place"/>
                      </fo:block>
                    </xsl:if>
                  </fo:block>
                </fo:table-cell>
                <fo:table-cell>
                  <fo:block/>
                </fo:table-cell>
                <fo:table-cell>
                  <fo:block hyphenate="false" text-align="start" text-indent="0">
                    <xsl:copy-of select="$right"/>
                  </fo:block>
                </fo:table-cell>
              </fo:table-row>
            </fo:table-body>
          </fo:table>
        </fo:block>
        <xsl:if test="$heading != ''">
          <fo:block hyphenate="false" text-align="start" text-indent="0" font-weight="bold" role="H2"
                    end-indent="{$corner-rest}"
                    space-before="{$folio-gap}" keep-with-next="always">
            <xsl:for-each select="$heading-node">
              <xsl:call-template name="folio-line"/>
            </xsl:for-each>
            <xsl:value-of select="$heading"/>
          </fo:block>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="$has-right">
          <xsl:call-template name="folio-right-zone">
            <xsl:with-param name="content" select="$right"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="$org">
          <fo:block hyphenate="false" text-align="center" text-indent="0" keep-with-next="always">
            <xsl:call-template name="folio-org-lines">
              <xsl:with-param name="org" select="$org"/>
            </xsl:call-template>
          </fo:block>
        </xsl:if>
        <xsl:if test="$title != ''">
          <fo:block hyphenate="false" text-align="center" text-indent="0" font-weight="bold" role="H1"
                    keep-with-next="always">
            <xsl:if test="$org">
              <xsl:attribute name="space-before">
                <xsl:value-of select="$folio-gap"/>
              </xsl:attribute>
            </xsl:if>
            <xsl:for-each select="$title-node">
              <xsl:call-template name="folio-line"/>
            </xsl:for-each>
            <xsl:value-of select="$title"/>
          </fo:block>
        </xsl:if>
        <xsl:if test="$date != '' or $number-text != ''">
          <xsl:choose>
            <xsl:when test="$dateline = 'inline'">
              <fo:block hyphenate="false" text-align="center" text-indent="0"
                        space-before="{$folio-gap}" keep-with-next="always">
                <xsl:for-each select="$date-node">
                  <xsl:call-template name="folio-line"/>
                </xsl:for-each>
                <xsl:if test="$date != ''">
                  <xsl:call-template name="folio-label">
                    <xsl:with-param name="id" select="'date.from'"/>
                  </xsl:call-template>
                  <xsl:text>&#160;</xsl:text>
                  <xsl:value-of select="$date"/>
                </xsl:if>
                <xsl:if test="$date != '' and $number-text != ''">
                  <xsl:text> </xsl:text>
                </xsl:if>
                <xsl:value-of select="$number-text"/>
              </fo:block>
            </xsl:when>
            <xsl:otherwise>
              <fo:block text-indent="0" space-before="{$folio-gap}"
                        keep-with-next="always">
                <xsl:for-each select="$date-node">
                  <xsl:call-template name="folio-line"/>
                </xsl:for-each>
                <fo:table table-layout="fixed" width="100%" border-collapse="separate">
                  <fo:table-column column-width="proportional-column-width(1)"/>
                  <fo:table-column column-width="proportional-column-width(1)"/>
                  <fo:table-body>
                    <fo:table-row>
                      <fo:table-cell display-align="after">
                        <fo:block hyphenate="false" text-align="start">
                          <xsl:value-of select="$date"/>
                        </fo:block>
                      </fo:table-cell>
                      <fo:table-cell display-align="after">
                        <fo:block hyphenate="false" text-align="end">
                          <xsl:value-of select="$number-text"/>
                        </fo:block>
                      </fo:table-cell>
                    </fo:table-row>
                  </fo:table-body>
                </fo:table>
              </fo:block>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:if>
        <xsl:if test="$place != ''">
          <fo:block hyphenate="false" text-align="center" text-indent="0" keep-with-next="always">
            <xsl:if test="$date = '' and $number-text = ''">
              <xsl:attribute name="space-before">
                <xsl:value-of select="$folio-gap"/>
              </xsl:attribute>
            </xsl:if>
            <xsl:for-each select="$place-node">
              <xsl:call-template name="folio-line"/>
            </xsl:for-each>
            <xsl:value-of select="$place"/>
          </fo:block>
        </xsl:if>
        <xsl:if test="$heading != ''">
          <fo:block hyphenate="false" text-align="center" text-indent="0" font-weight="bold" role="H2"
                    start-indent="25mm" end-indent="25mm"
                    keep-with-next="always">
            <xsl:if test="$date != '' or $number-text != '' or $place != ''
                          or ($org and $title = '')">
              <xsl:attribute name="space-before">
                <xsl:value-of select="$folio-gap"/>
              </xsl:attribute>
            </xsl:if>
            <xsl:for-each select="$heading-node">
              <xsl:call-template name="folio-line"/>
            </xsl:for-each>
            <xsl:value-of select="$heading"/>
          </fo:block>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Signatures, attachment mark, executor mark                       -->
  <!-- ============================================================== -->

  <!-- A signature block element (common.xsd signerBlockType: sign
       children, optional surname="capitals"): 2–3 intervals below the
       text, kept with the last lines of the text and together. -->
  <xsl:template name="folio-signature-block">
    <xsl:param name="block"/>
    <xsl:param name="space-before" select="'28pt'"/>
    <xsl:for-each select="$block">
      <xsl:variable name="case">
        <xsl:choose>
          <xsl:when test="@surname = 'capitals'">capitals</xsl:when>
          <xsl:otherwise>as-written</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <fo:block space-before="{$space-before}" text-indent="0"
                keep-with-previous="always" keep-together.within-page="always">
        <xsl:call-template name="folio-line"/>
        <xsl:for-each select="*[local-name() = 'sign']">
          <xsl:call-template name="folio-signature">
            <xsl:with-param name="role" select="@role"/>
            <xsl:with-param name="field">
              <xsl:call-template name="folio-signature-field-name">
                <xsl:with-param name="default" select="'head'"/>
              </xsl:call-template>
            </xsl:with-param>
            <xsl:with-param name="name">
              <xsl:call-template name="folio-person-name-by-ref">
                <xsl:with-param name="ref" select="@ref"/>
                <xsl:with-param name="as" select="'initials'"/>
                <xsl:with-param name="surname-case" select="$case"/>
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
    </xsl:for-each>
  </xsl:template>

  <!-- "на 3 л. в 1 экз." of an attachment item ('' when neither given). -->
  <xsl:template name="folio-sheets-copies">
    <xsl:if test="@sheets">
      <xsl:call-template name="folio-label">
        <xsl:with-param name="id" select="'attachment.on'"/>
      </xsl:call-template>
      <xsl:value-of select="concat('&#160;', @sheets, '&#160;')"/>
      <xsl:call-template name="folio-label">
        <xsl:with-param name="id" select="'attachment.sheets'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="@copies">
      <xsl:if test="@sheets">
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:call-template name="folio-label">
        <xsl:with-param name="id" select="'attachment.in'"/>
      </xsl:call-template>
      <xsl:value-of select="concat('&#160;', @copies, '&#160;')"/>
      <xsl:call-template name="folio-label">
        <xsl:with-param name="id" select="'attachment.copies'"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Attachment mark (requisite 19) after the text, from the left border:
       one item: "Приложение: <name> на 3 л. в 1 экз."; several: the word,
       then "1. <name> на 2 л. в 1 экз." with hanging numbers. -->
  <xsl:template name="folio-attachment-mark">
    <xsl:param name="mark"/>
    <xsl:for-each select="$mark">
      <xsl:variable name="items" select="*[local-name() = 'item']"/>
      <xsl:variable name="word">
        <xsl:call-template name="folio-label">
          <xsl:with-param name="id" select="'attachment'"/>
          <xsl:with-param name="capital" select="true()"/>
        </xsl:call-template>
        <xsl:text>:</xsl:text>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="count($items) = 1">
          <fo:block hyphenate="false" space-before="{$folio-gap}" text-indent="0" text-align="start">
            <xsl:call-template name="folio-line"/>
            <xsl:value-of select="$word"/>
            <xsl:for-each select="$items">
              <xsl:if test="normalize-space(.) != ''">
                <xsl:text> </xsl:text>
                <xsl:call-template name="folio-prose">
                  <xsl:with-param name="s" select="."/>
                </xsl:call-template>
              </xsl:if>
              <xsl:if test="@sheets or @copies">
                <xsl:text> </xsl:text>
                <xsl:call-template name="folio-sheets-copies"/>
              </xsl:if>
            </xsl:for-each>
          </fo:block>
        </xsl:when>
        <xsl:otherwise>
          <fo:block hyphenate="false" space-before="{$folio-gap}" text-indent="0" text-align="start">
            <xsl:call-template name="folio-line"/>
            <fo:list-block provisional-distance-between-starts="35mm"
                           provisional-label-separation="2mm">
              <xsl:for-each select="$items">
                <fo:list-item>
                  <xsl:call-template name="folio-line"/>
                  <fo:list-item-label end-indent="label-end()">
                    <fo:block hyphenate="false" text-align="start">
                      <xsl:if test="position() = 1">
                        <xsl:value-of select="$word"/>
                      </xsl:if>
                    </fo:block>
                  </fo:list-item-label>
                  <fo:list-item-body start-indent="body-start()">
                    <fo:block hyphenate="false" text-align="start">
                      <xsl:value-of select="concat(position(), '. ')"/>
                      <xsl:call-template name="folio-prose">
                        <xsl:with-param name="s" select="."/>
                      </xsl:call-template>
                      <xsl:if test="@sheets or @copies">
                        <xsl:text> </xsl:text>
                        <xsl:call-template name="folio-sheets-copies"/>
                      </xsl:if>
                    </fo:block>
                  </fo:list-item-body>
                </fo:list-item>
              </xsl:for-each>
            </fo:list-block>
          </fo:block>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- Static content for the footer of the last page (masters made with
       folio-layout-master-set footer = true()): the executor mark of an
       element of common.xsd executorMarkType — full name, then phone and
       e-mail, in small type at the left border. -->
  <xsl:template name="folio-executor-footer">
    <xsl:param name="executor"/>
    <xsl:for-each select="$executor">
      <fo:static-content flow-name="folio-executor">
        <fo:block hyphenate="false" font-family="{$folio-font-family}"
                  font-size="{$folio-footer-font-size}"
                  line-height="normal" text-align="start" text-indent="0"
                  padding-before="3mm">
          <xsl:call-template name="folio-line"/>
          <fo:block>
            <xsl:choose>
              <xsl:when test="normalize-space(.) != ''">
                <xsl:call-template name="folio-text">
                  <xsl:with-param name="s" select="."/>
                </xsl:call-template>
              </xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="folio-person-name-by-ref">
                  <xsl:with-param name="ref" select="@ref"/>
                  <xsl:with-param name="as" select="'full'"/>
                </xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
          </fo:block>
          <xsl:if test="@phone or @email">
            <fo:block>
              <xsl:value-of select="normalize-space(@phone)"/>
              <xsl:if test="@phone and @email">
                <xsl:text>, </xsl:text>
              </xsl:if>
              <xsl:value-of select="normalize-space(@email)"/>
            </fo:block>
          </xsl:if>
        </fo:block>
      </fo:static-content>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Running text (common.xsd flow*): modes folio-block, folio-inline -->
  <!-- ============================================================== -->

  <!-- Block children of a mixed element (point, li, cell) split its
       inline content into runs: key = parent id | id of the block child
       before the run ('' for the lead run). -->
  <xsl:key name="folio-run"
           match="node()[parent::*[local-name() = 'point' or local-name() = 'li'
                                   or local-name() = 'cell']]
                        [not(self::*[local-name() = 'p' or local-name() = 'list'
                                     or local-name() = 'table' or local-name() = 'point'])]"
           use="concat(generate-id(..), '|',
                       generate-id(preceding-sibling::*[local-name() = 'p'
                                   or local-name() = 'list' or local-name() = 'table'
                                   or local-name() = 'point'][1]))"/>

  <!-- Is the node a block of running text? (for whitespace at run edges) -->
  <xsl:variable name="folio-block-names" select="'|p|list|table|point|section|title|'"/>

  <!-- Paragraph: justified, first-line indent; $prefix (a point number,
       a list marker) runs into its first line, $suffix ends its last. -->
  <xsl:template match="*[local-name() = 'p']" mode="folio-block">
    <xsl:param name="prefix" select="''"/>
    <xsl:param name="suffix" select="''"/>
    <xsl:param name="keep-with-previous" select="false()"/>
    <xsl:variable name="t" select="normalize-space(.)"/>
    <fo:block text-indent="{$folio-indent}" text-align="justify">
      <xsl:if test="substring($t, string-length($t)) = ':'
                    and following-sibling::*[1][local-name() = 'list' or local-name() = 'table']">
        <xsl:attribute name="keep-with-next">always</xsl:attribute>
      </xsl:if>
      <xsl:if test="$keep-with-previous">
        <xsl:attribute name="keep-with-previous">always</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="folio-line"/>
      <xsl:value-of select="$prefix"/>
      <xsl:apply-templates select="node()" mode="folio-inline"/>
      <xsl:value-of select="$suffix"/>
    </fo:block>
  </xsl:template>

  <!-- A run of inline nodes as one paragraph (first-line indent $indent,
       $prefix before it). -->
  <xsl:template name="folio-run-para">
    <xsl:param name="nodes"/>
    <xsl:param name="prefix" select="''"/>
    <xsl:param name="indent" select="$folio-indent"/>
    <xsl:param name="keep" select="false()"/>
    <xsl:param name="keep-with-previous" select="false()"/>
    <fo:block text-indent="{$indent}" text-align="justify">
      <xsl:if test="$keep">
        <xsl:attribute name="keep-with-next">always</xsl:attribute>
      </xsl:if>
      <xsl:if test="$keep-with-previous">
        <xsl:attribute name="keep-with-previous">always</xsl:attribute>
      </xsl:if>
      <xsl:for-each select="$nodes[1]">
        <xsl:call-template name="folio-line"/>
      </xsl:for-each>
      <xsl:value-of select="$prefix"/>
      <xsl:apply-templates select="$nodes" mode="folio-inline"/>
    </fo:block>
  </xsl:template>

  <!-- Content of a mixed element (point, li): the lead run with $prefix,
       then each block child followed by the run after it.  When there is
       no lead text and the first child is a p, the prefix runs into it. -->
  <xsl:template name="folio-mixed">
    <xsl:param name="prefix" select="''"/>
    <xsl:param name="indent" select="$folio-indent"/>
    <!-- the first line made here stays on the page of what came before
         (the last item of a list never stands alone on a new page) -->
    <xsl:param name="keep-with-previous" select="false()"/>
    <xsl:variable name="lead" select="key('folio-run', concat(generate-id(), '|'))"/>
    <xsl:variable name="blocks"
                  select="*[local-name() = 'p' or local-name() = 'list'
                            or local-name() = 'table' or local-name() = 'point']"/>
    <xsl:variable name="lead-has-text" select="$lead[self::* or normalize-space(.) != '']"/>
    <xsl:choose>
      <xsl:when test="$lead-has-text">
        <xsl:call-template name="folio-run-para">
          <xsl:with-param name="nodes" select="$lead"/>
          <xsl:with-param name="prefix" select="$prefix"/>
          <xsl:with-param name="indent" select="$indent"/>
          <xsl:with-param name="keep-with-previous" select="$keep-with-previous"/>
          <!-- "Утвердить прилагаемые:" stays with the list it opens -->
          <xsl:with-param name="keep"
                          select="$blocks and substring(normalize-space($lead[last()]),
                                    string-length(normalize-space($lead[last()]))) = ':'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$blocks[1][local-name() = 'p']"/>
      <xsl:when test="$prefix != ''">
        <fo:block text-indent="{$indent}" keep-with-next="always">
          <xsl:call-template name="folio-line"/>
          <xsl:value-of select="$prefix"/>
        </fo:block>
      </xsl:when>
    </xsl:choose>
    <xsl:for-each select="$blocks">
      <xsl:choose>
        <xsl:when test="not($lead-has-text) and position() = 1 and local-name() = 'p'">
          <xsl:apply-templates select="." mode="folio-block">
            <xsl:with-param name="prefix" select="$prefix"/>
            <xsl:with-param name="keep-with-previous" select="$keep-with-previous"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="." mode="folio-block"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:variable name="tail"
                    select="key('folio-run', concat(generate-id(..), '|', generate-id()))"/>
      <xsl:if test="$tail[self::* or normalize-space(.) != '']">
        <xsl:call-template name="folio-run-para">
          <xsl:with-param name="nodes" select="$tail"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- Lists: every item is a paragraph, the marker at the paragraph indent
       (one step further per nesting level), text wrapping to the left
       border — the usual look of enumerations in Russian acts. -->
  <xsl:template match="*[local-name() = 'list']" mode="folio-block">
    <xsl:variable name="depth"
                  select="count(ancestor::*[local-name() = 'list'])"/>
    <xsl:variable name="indent" select="concat(1.25 + 0.75 * $depth, 'cm')"/>
    <xsl:variable name="type" select="@type"/>
    <xsl:for-each select="*[local-name() = 'li']">
      <xsl:variable name="marker">
        <xsl:call-template name="folio-list-marker">
          <xsl:with-param name="type" select="$type"/>
          <xsl:with-param name="n" select="position()"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:call-template name="folio-mixed">
        <xsl:with-param name="prefix">
          <xsl:if test="$marker != ''">
            <xsl:value-of select="concat($marker, ' ')"/>
          </xsl:if>
        </xsl:with-param>
        <xsl:with-param name="indent" select="$indent"/>
        <xsl:with-param name="keep-with-previous"
                        select="position() = last() and last() > 1"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="folio-list-marker">
    <xsl:param name="type"/>
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$type = 'none'"/>
      <xsl:when test="$type = 'bullet'">•</xsl:when>
      <xsl:when test="$type = 'number'">
        <xsl:value-of select="concat($n, ')')"/>
      </xsl:when>
      <xsl:when test="$type = 'decimal'">
        <xsl:value-of select="concat($n, '.')"/>
      </xsl:when>
      <xsl:when test="$type = 'letter'">
        <xsl:variable name="letters">
          <xsl:call-template name="folio-label">
            <xsl:with-param name="id" select="'list.letters'"/>
            <xsl:with-param name="default" select="'абвгдежзиклмнопрстуфхцшщэюя'"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:value-of select="concat(substring($letters, (($n - 1) mod string-length($letters)) + 1, 1), ')')"/>
      </xsl:when>
      <xsl:otherwise>–</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Number of a point: its n; "S.P." inside section S or point S;
       none for a lone top-level point; else its position. -->
  <xsl:template name="folio-point-number">
    <xsl:variable name="pos"
                  select="count(preceding-sibling::*[local-name() = 'point']) + 1"/>
    <xsl:choose>
      <xsl:when test="@n">
        <xsl:variable name="n" select="normalize-space(@n)"/>
        <xsl:value-of select="$n"/>
        <xsl:if test="substring($n, string-length($n)) != '.'
                      and substring($n, string-length($n)) != ')'">.</xsl:if>
      </xsl:when>
      <xsl:when test="parent::*[local-name() = 'point']">
        <xsl:variable name="up">
          <xsl:for-each select="..">
            <xsl:call-template name="folio-point-number"/>
          </xsl:for-each>
        </xsl:variable>
        <xsl:value-of select="concat($up, $pos, '.')"/>
      </xsl:when>
      <xsl:when test="parent::*[local-name() = 'section']">
        <xsl:variable name="up">
          <xsl:for-each select="..">
            <xsl:call-template name="folio-section-number"/>
          </xsl:for-each>
        </xsl:variable>
        <xsl:value-of select="concat($up, $pos, '.')"/>
      </xsl:when>
      <xsl:when test="count(../*[local-name() = 'point']) = 1"/>
      <xsl:otherwise>
        <xsl:value-of select="concat($pos, '.')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="folio-section-number">
    <xsl:choose>
      <xsl:when test="@n">
        <xsl:variable name="n" select="normalize-space(@n)"/>
        <xsl:value-of select="$n"/>
        <xsl:if test="substring($n, string-length($n)) != '.'">.</xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat(count(preceding-sibling::*[local-name() = 'section']) + 1, '.')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*[local-name() = 'point']" mode="folio-block">
    <xsl:variable name="number">
      <xsl:call-template name="folio-point-number"/>
    </xsl:variable>
    <xsl:call-template name="folio-mixed">
      <xsl:with-param name="prefix">
        <xsl:if test="$number != ''">
          <xsl:value-of select="concat($number, ' ')"/>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Section: "1. Общие положения" centred, bold, kept with its text. -->
  <xsl:template match="*[local-name() = 'section']" mode="folio-block">
    <fo:block hyphenate="false" text-align="center" text-indent="0" font-weight="bold"
              space-before="{$folio-gap}" space-after="6pt" keep-with-next="always">
      <xsl:for-each select="*[local-name() = 'title']">
        <xsl:call-template name="folio-line"/>
      </xsl:for-each>
      <xsl:call-template name="folio-section-number"/>
      <xsl:text> </xsl:text>
      <xsl:call-template name="folio-text">
        <xsl:with-param name="s" select="*[local-name() = 'title']"/>
      </xsl:call-template>
    </fo:block>
    <xsl:apply-templates select="*[local-name() != 'title']" mode="folio-block"/>
  </xsl:template>

  <!-- Tables (GOST 5.18): smaller type, single spacing, no indent; every
       cell ruled; header rows bold, centred, repeated after page breaks.
       Column widths from widths="1 6 3" (proportional), else equal. -->
  <xsl:template match="*[local-name() = 'table']" mode="folio-block">
    <xsl:variable name="first-row"
                  select="(*[local-name() = 'head']/*[local-name() = 'row'] | *[local-name() = 'row'])[1]"/>
    <xsl:variable name="ncols"
                  select="count($first-row/*[local-name() = 'cell'][not(@span)])
                          + sum($first-row/*[local-name() = 'cell']/@span)"/>
    <fo:block hyphenate="false" space-before="6pt" space-after="6pt" text-indent="0"
              text-align="start" font-size="{$folio-table-font-size}">
      <xsl:call-template name="folio-line"/>
      <xsl:for-each select="*[local-name() = 'caption']">
        <fo:block keep-with-next="always" space-after="3pt">
          <xsl:call-template name="folio-line"/>
          <xsl:call-template name="folio-prose">
            <xsl:with-param name="s" select="."/>
          </xsl:call-template>
        </fo:block>
      </xsl:for-each>
      <fo:table table-layout="fixed" width="100%" border-collapse="separate">
        <xsl:call-template name="folio-line"/>
        <xsl:choose>
          <xsl:when test="normalize-space(@widths) != ''">
            <xsl:call-template name="folio-table-columns">
              <xsl:with-param name="widths" select="concat(normalize-space(@widths), ' ')"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <fo:table-column column-width="proportional-column-width(1)"
                             number-columns-repeated="{$ncols}"/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:for-each select="*[local-name() = 'head']">
          <fo:table-header>
            <xsl:for-each select="*[local-name() = 'row']">
              <xsl:call-template name="folio-table-row">
                <xsl:with-param name="head" select="true()"/>
              </xsl:call-template>
            </xsl:for-each>
          </fo:table-header>
        </xsl:for-each>
        <fo:table-body>
          <xsl:for-each select="*[local-name() = 'row']">
            <xsl:call-template name="folio-table-row"/>
          </xsl:for-each>
        </fo:table-body>
      </fo:table>
    </fo:block>
  </xsl:template>

  <xsl:template name="folio-table-columns">
    <xsl:param name="widths"/>
    <xsl:if test="normalize-space($widths) != ''">
      <fo:table-column column-width="proportional-column-width({substring-before($widths, ' ')})"/>
      <xsl:call-template name="folio-table-columns">
        <xsl:with-param name="widths" select="substring-after($widths, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- One row.  Borders: each cell draws its own right and bottom rule,
       the first cell of a row also its left rule, cells of the first row
       (of the header, or of the body when there is no header) their top
       rule; so neighbouring cells never double a line. -->
  <xsl:template name="folio-table-row">
    <xsl:param name="head" select="false()"/>
    <xsl:variable name="top"
                  select="not(preceding-sibling::*[local-name() = 'row'])
                          and ($head or not(../../*[local-name() = 'head']))
                          and not(parent::*[local-name() = 'table'] and ../*[local-name() = 'head'])"/>
    <!-- a row is never cut at a page end: a register's row read across two
         pages (a number here, its name there) is not acceptable -->
    <fo:table-row keep-together.within-page="always">
      <xsl:call-template name="folio-line"/>
      <xsl:for-each select="*[local-name() = 'cell']">
        <fo:table-cell padding-before="2pt" padding-after="2pt"
                       padding-start="3pt" padding-end="3pt"
                       border-end-style="solid" border-end-width="0.5pt"
                       border-after-style="solid" border-after-width="0.5pt">
          <xsl:if test="position() = 1">
            <xsl:attribute name="border-start-style">solid</xsl:attribute>
            <xsl:attribute name="border-start-width">0.5pt</xsl:attribute>
          </xsl:if>
          <xsl:if test="$top or $head">
            <xsl:attribute name="border-before-style">solid</xsl:attribute>
            <xsl:attribute name="border-before-width">0.5pt</xsl:attribute>
          </xsl:if>
          <xsl:if test="@span > 1">
            <xsl:attribute name="number-columns-spanned">
              <xsl:value-of select="@span"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:if test="$head">
            <xsl:attribute name="display-align">center</xsl:attribute>
          </xsl:if>
          <xsl:call-template name="folio-line"/>
          <xsl:variable name="align">
            <xsl:choose>
              <xsl:when test="@align = 'left'">start</xsl:when>
              <xsl:when test="@align = 'right'">end</xsl:when>
              <xsl:when test="@align = 'center'">center</xsl:when>
              <xsl:when test="@align = 'justify'">justify</xsl:when>
              <xsl:when test="$head">center</xsl:when>
              <xsl:otherwise>start</xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:variable name="paras" select="*[local-name() = 'p']"/>
          <xsl:variable name="lead" select="key('folio-run', concat(generate-id(), '|'))"/>
          <fo:block text-align="{$align}" text-indent="0">
            <xsl:if test="$head">
              <xsl:attribute name="font-weight">bold</xsl:attribute>
            </xsl:if>
            <xsl:if test="$lead[self::* or normalize-space(.) != ''] or not($paras)">
              <fo:block>
                <xsl:apply-templates select="$lead" mode="folio-inline"/>
              </fo:block>
            </xsl:if>
            <xsl:for-each select="$paras">
              <fo:block>
                <xsl:call-template name="folio-line"/>
                <xsl:apply-templates select="node()" mode="folio-inline"/>
              </fo:block>
              <xsl:variable name="tail"
                            select="key('folio-run', concat(generate-id(..), '|', generate-id()))"/>
              <xsl:if test="$tail[self::* or normalize-space(.) != '']">
                <fo:block>
                  <xsl:apply-templates select="$tail" mode="folio-inline"/>
                </fo:block>
              </xsl:if>
            </xsl:for-each>
          </fo:block>
        </fo:table-cell>
      </xsl:for-each>
    </fo:table-row>
  </xsl:template>

  <!-- Inline: text collapsed; a space at an edge only when an inline
       neighbour is there to receive it, so blocks never start or end
       with a space. -->
  <xsl:template match="text()" mode="folio-inline">
    <xsl:variable name="prev" select="preceding-sibling::node()[1]"/>
    <xsl:variable name="next" select="following-sibling::node()[1]"/>
    <xsl:variable name="in-inline"
                  select="parent::*[local-name() = 'b' or local-name() = 'i']"/>
    <xsl:variable name="prev-ok"
                  select="($prev and not($prev[self::* and contains($folio-block-names,
                                                   concat('|', local-name(), '|'))]))
                          or (not($prev) and $in-inline)"/>
    <xsl:variable name="next-ok"
                  select="($next and not($next[self::* and contains($folio-block-names,
                                                   concat('|', local-name(), '|'))]))
                          or (not($next) and $in-inline)"/>
    <xsl:variable name="norm" select="normalize-space(.)"/>
    <xsl:choose>
      <xsl:when test="$norm = ''">
        <xsl:if test="$prev-ok and $next-ok and $prev and $next">
          <xsl:text> </xsl:text>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="$prev-ok and normalize-space(substring(., 1, 1)) = ''">
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:call-template name="folio-prose">
          <xsl:with-param name="s" select="$norm"/>
        </xsl:call-template>
        <xsl:if test="$next-ok and normalize-space(substring(., string-length(.), 1)) = ''">
          <xsl:text> </xsl:text>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*[local-name() = 'b']" mode="folio-inline">
    <fo:inline font-weight="bold">
      <xsl:apply-templates select="node()" mode="folio-inline"/>
    </fo:inline>
  </xsl:template>

  <xsl:template match="*[local-name() = 'i']" mode="folio-inline">
    <fo:inline font-style="italic">
      <xsl:apply-templates select="node()" mode="folio-inline"/>
    </fo:inline>
  </xsl:template>

  <xsl:template match="*[local-name() = 'nobr']" mode="folio-inline">
    <xsl:value-of select="translate(normalize-space(.), ' ', '&#160;')"/>
  </xsl:template>

  <!-- Person mentioned in text: its own text (case chosen by the author)
       or the name from the register, "Фамилия И.О." by default. -->
  <xsl:template match="*[local-name() = 'who']" mode="folio-inline">
    <xsl:choose>
      <xsl:when test="normalize-space(.) != ''">
        <xsl:call-template name="folio-text">
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
  </xsl:template>

  <!-- Anything else met in running text: its text, so nothing is lost. -->
  <xsl:template match="*" mode="folio-inline">
    <xsl:apply-templates select="node()" mode="folio-inline"/>
  </xsl:template>

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
