<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl — templates shared by every document-type stylesheet
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
    - the label catalogue stylesheets/labels-LANG.xml (folio-label):
      month names, document kinds and their cases, stamp keywords, column
      headings; LANG is the root's xml:lang (ru by default, en) unless
      folio-lang is given.

  The rest of the shared templates is in two modules that build on this
  one, so that a type compiles only what it uses (libxslt compiles every
  template of every module it imports, on every cold run: a protocol
  compiled about twice as fast once it stopped importing the others):
    - requisites.xsl (imports common.xsl): requisites of registered
      documents and running text; order.xsl and note.xsl import it;
    - measures.xsl (imports requisites.xsl): numbers, periods, deadlines
      and the table of measures; plan.xsl and report.xsl import it.
  protocol.xsl and document.xsl import this module alone.

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

  <!-- Any element with an id, whatever its namespace (people, orgs),
       except the labels of the label catalogue: libxslt builds every key
       for every document key() is used in, the catalogue too, and its
       150-odd labels need not be indexed twice. -->
  <xsl:key name="folio-id" match="*[@id][not(self::lb:label)]" use="@id"
           xmlns:lb="urn:folio:labels"/>

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
    <xsl:variable name="n" select="normalize-space($s)"/>
    <xsl:choose>
      <!-- nothing to replace (most text): as it is, without the three
           passes of folio-replace -->
      <xsl:when test="not(contains($n, '№ ') or contains($n, ' —') or contains($n, ' –'))">
        <xsl:value-of select="$n"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="a">
          <xsl:call-template name="folio-replace">
            <xsl:with-param name="s" select="$n"/>
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
      </xsl:otherwise>
    </xsl:choose>
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
    <xsl:variable name="id" select="concat('month.', number($m))"/>
    <xsl:variable name="hit">
      <xsl:for-each select="$folio-labels">
        <xsl:for-each select="key('folio-label-id', $id)[1]">
          <xsl:value-of select="concat('+', normalize-space(.))"/>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="starts-with($hit, '+')">
        <xsl:value-of select="substring($hit, 2)"/>
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
  <!-- Labels by id.  key() looks in the document of the context node, so
       a lookup runs inside <xsl:for-each select="$folio-labels"> (one
       index per transformation instead of a walk of the whole catalogue
       on every call). -->
  <!-- (a name test: libxslt tests the pattern on every node of the
       source too, where a predicate costs an XPath evaluation each) -->
  <xsl:key name="folio-label-id" match="lb:label" use="@id"
           xmlns:lb="urn:folio:labels"/>

  <!-- The label with id $id: as stored; upper = true() for capitals,
       capital = true() for a capital first letter.  $default when the
       catalogue has no such label (else the id itself, so a missing label
       shows in the PDF instead of vanishing). -->
  <xsl:template name="folio-label">
    <xsl:param name="id"/>
    <xsl:param name="upper" select="false()"/>
    <xsl:param name="capital" select="false()"/>
    <xsl:param name="default" select="''"/>
    <!-- "+" and the label's text; empty when the catalogue has none -->
    <xsl:variable name="hit">
      <xsl:for-each select="$folio-labels">
        <xsl:for-each select="key('folio-label-id', $id)[1]">
          <xsl:value-of select="concat('+', normalize-space(.))"/>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="t">
      <xsl:choose>
        <xsl:when test="starts-with($hit, '+')">
          <xsl:value-of select="substring($hit, 2)"/>
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
    <xsl:for-each select="$folio-labels">
      <xsl:value-of select="key('folio-label-id', $id)[1]/@gender"/>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
