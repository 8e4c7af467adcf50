<?xml version="1.0" encoding="UTF-8"?>
<!--
  requisites.xsl — templates shared by the registered documents (orders,
  notes, plans, reports), on top of common.xsl.  XSLT 1.0 for libxslt.

  What is here:
    - numbers and dates of registered documents ("№ 344-р/адм",
      "от 09.04.2021 № 12");
    - folio-prose: NBSP inside word dates and after initials;
    - requisites (common.xsd issuerType and the other requisite types):
      header in longitudinal or corner layout (folio-header), right zone
      (folio-right-zone), access mark, approval stamp (УТВЕРЖДАЮ /
      УТВЕРЖДЕНО …), appendix mark (Приложение № 1 к …), signature block
      with optional capital surnames, attachment mark, executor mark in
      the footer of the last page (masters made with
      folio-layout-master-set footer = true());
    - running text (common.xsd flow* types) in modes folio-block and
      folio-inline: paragraphs, lists, numbered points and sections,
      ruled tables.

  As in common.xsl, nothing here knows a document type's element names.
  order.xsl and note.xsl import this module; measures.xsl builds on it.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:folio="urn:folio:fo"
                xmlns:exsl="http://exslt.org/common"
                exclude-result-prefixes="exsl">

  <xsl:import href="common.xsl"/>

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

</xsl:stylesheet>
