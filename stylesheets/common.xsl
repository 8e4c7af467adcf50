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
    - folio:line, the source line copied onto emitted FO.

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
                xmlns:folio="urn:folio:fo">

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
       down by folio-body-offset, so text starts at folio-margin-top. -->
  <xsl:template name="folio-layout-master-set">
    <fo:layout-master-set>
      <fo:simple-page-master master-name="folio-first"
                             page-width="{$folio-page-width}"
                             page-height="{$folio-page-height}"
                             margin-top="{$folio-number-top}"
                             margin-bottom="{$folio-margin-bottom}"
                             margin-left="{$folio-margin-left}"
                             margin-right="{$folio-margin-right}">
        <fo:region-body margin-top="{$folio-body-offset}"/>
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
    </fo:layout-master-set>
  </xsl:template>

  <!-- Static content of region-before: the page number, centred, arabic,
       nothing else.  Page 1 uses a master without region-before. -->
  <xsl:template name="folio-page-number">
    <fo:static-content flow-name="xsl-region-before">
      <fo:block font-family="{$folio-font-family}"
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

  <!-- Month name in the genitive for month number "01".."12". -->
  <xsl:template name="folio-month-genitive">
    <xsl:param name="m"/>
    <xsl:choose>
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
         format 'numeric' -> "09.04.2021"
         format 'words'   -> "9 апреля 2021 г." (NBSP between the parts,
                             no leading zero on the day).
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
        <xsl:text>&#160;г.</xsl:text>
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
    <xsl:variable name="surname" select="normalize-space($person/*[local-name() = 'surname'])"/>
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
    <xsl:call-template name="folio-person-name">
      <xsl:with-param name="person" select="key('folio-id', $ref)[1]"/>
      <xsl:with-param name="as" select="$as"/>
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
    <fo:block space-before="{$space-before}"
              keep-together.within-page="always"
              text-indent="0" text-align="start">
      <xsl:call-template name="folio-line"/>
      <fo:table table-layout="fixed" width="100%" border-collapse="separate">
        <xsl:call-template name="folio-line"/>
        <fo:table-column column-width="proportional-column-width(3)"/>
        <fo:table-column column-width="proportional-column-width(2)"/>
        <fo:table-body>
          <fo:table-row>
            <fo:table-cell display-align="after">
              <fo:block text-align="start" text-indent="0">
                <xsl:call-template name="folio-text">
                  <xsl:with-param name="s" select="$role"/>
                </xsl:call-template>
              </fo:block>
            </fo:table-cell>
            <fo:table-cell display-align="after">
              <fo:block text-align="end" text-indent="0">
                <xsl:value-of select="$name"/>
              </fo:block>
            </fo:table-cell>
          </fo:table-row>
        </fo:table-body>
      </fo:table>
    </fo:block>
  </xsl:template>

</xsl:stylesheet>
