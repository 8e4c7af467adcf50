<?xml version="1.0" encoding="UTF-8"?>
<!--
  protocol.xsl — urn:folio:protocol → XSL-FO for folio's engine.
  XSLT 1.0 (libxslt).  Layout: GOST R 7.0.97 as summarised in
  shared/design/gost-layout.md §1, §3.1–3.2, §4.1–4.4; vocabulary:
  schemas/protocol.xsd, docs/protocol.md.

  Order of the printed protocol:
    [org]  ПРОТОКОЛ [№ N]  heading
    date ............................................ settlement
    Время проведения / Место проведения
    Председатель / Заместитель председателя / Секретарь
    ПРИСУТСТВОВАЛИ: ... ПРИГЛАШЕННЫЕ: ... ОТСУТСТВОВАЛИ: ... quorum
    ПОВЕСТКА ДНЯ: numbered titles
    per item: "1. СЛУШАЛИ:" speaker — summary; ВЫСТУПИЛИ:; text;
              РЕШИЛИ: 1.1. ... vote        (full form)
              "1. Title" (speakers) votes РЕШИЛИ: ...  (short form)
    protocol-level РЕШИЛИ: 1. ... (if any)
    signatures (role at left, И.О. Фамилия at right)
    certification: Верно / position ... И.О. Фамилия / date (if any)

  Extract (form="extract", gost-layout.md §3.2 "Выписка из протокола"):
  title ВЫПИСКА ИЗ ПРОТОКОЛА; the same header and introduction, the
  attendance lists as head counts by default (attendance="count"); the
  agenda, the items and the protocol-level decisions (by their item
  attribute) of the items named in extract="2 3" only, with their
  original numbers; the signatures as in the protocol; the certification.

  Whitespace: every text node is collapsed here, so the FO never starts or
  ends a block with a space and the engine's default handling only has
  single spaces to deal with.  One fo:block per paragraph.

  Emits only the FO subset folio's engine supports; every block, list and
  table made from a source element carries folio:line (see common.xsl).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:folio="urn:folio:fo"
                xmlns:p="urn:folio:protocol"
                exclude-result-prefixes="p">

  <xsl:import href="common.xsl"/>
  <!-- signed documents: empty signature fields over the signature lines -->
  <xsl:variable name="folio-signature-fields" select="true()"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- Containers: their whitespace is layout of the source, not text.
       Mixed-content elements (p, li, decision, title, line, who, resp,
       deadline, vote, b, i) keep theirs; it is collapsed when printed. -->
  <xsl:strip-space elements="p:protocol p:org p:place p:people p:person
                             p:present p:online p:invited p:absent
                             p:agenda p:item p:heard p:spoke p:text
                             p:decided p:list p:signatures p:certified"/>

  <!-- ============================================================== -->
  <!-- Parameters (document attributes win over them)                   -->
  <!-- ============================================================== -->

  <!-- 'full', 'short' or 'extract'; empty: the protocol's form attribute. -->
  <xsl:param name="form" select="''"/>
  <!-- Items of an extract: "2", "1 3" (commas allowed); empty: the
       protocol's extract attribute. -->
  <xsl:param name="extract" select="''"/>
  <!-- 'words' or 'numeric' for the protocol date; empty: the date's
       format attribute, else 'words'. -->
  <xsl:param name="date-format" select="''"/>
  <!-- 'dash' or 'comma'; empty: the protocol's attendee-style attribute. -->
  <xsl:param name="attendee-style" select="''"/>

  <xsl:variable name="doc" select="/p:protocol"/>

  <xsl:variable name="the-form">
    <xsl:choose>
      <xsl:when test="$form = 'full' or $form = 'short' or $form = 'extract'">
        <xsl:value-of select="$form"/>
      </xsl:when>
      <xsl:when test="$doc/@form = 'short'">short</xsl:when>
      <xsl:when test="$doc/@form = 'extract'">extract</xsl:when>
      <xsl:otherwise>full</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="short" select="$the-form = 'short'"/>
  <xsl:variable name="is-extract" select="$the-form = 'extract'"/>

  <!-- " 2 3 ": the items of an extract, each between spaces. -->
  <xsl:variable name="extract-list">
    <xsl:choose>
      <xsl:when test="normalize-space($extract) != ''">
        <xsl:value-of select="concat(' ', normalize-space(translate($extract, ',;', '  ')), ' ')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat(' ', normalize-space($doc/@extract), ' ')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- 'list' or 'count' (attendance lists by name or as a head count). -->
  <xsl:variable name="the-attendance">
    <xsl:choose>
      <xsl:when test="$doc/@attendance = 'list' or $doc/@attendance = 'count'">
        <xsl:value-of select="$doc/@attendance"/>
      </xsl:when>
      <xsl:when test="$is-extract">count</xsl:when>
      <xsl:otherwise>list</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- The words of the extract and the certification are English when the
       root has xml:lang="en" (the rest of the protocol's words are
       Russian for now). -->
  <xsl:variable name="en"
                select="starts-with(translate(normalize-space($doc/@xml:lang), 'EN', 'en'), 'en')"/>

  <!-- Recorded for later use: the 2016 and 2025 layouts of a protocol do
       not differ yet (gost-layout.md §0 lists no change that applies). -->
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

  <xsl:variable name="the-attendee-style">
    <xsl:choose>
      <xsl:when test="$attendee-style = 'dash' or $attendee-style = 'comma'">
        <xsl:value-of select="$attendee-style"/>
      </xsl:when>
      <xsl:when test="$doc/@attendee-style = 'comma'">comma</xsl:when>
      <xsl:otherwise>dash</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- " — " with a NO-BREAK SPACE before the dash, so a line never starts
       with the dash. -->
  <xsl:variable name="dash" select="'&#160;— '"/>

  <!-- Runs of inline content between block children of a decision or a
       list item: key = parent id | id of the block before the run. -->
  <xsl:key name="run"
           match="p:decision/node() | p:li/node()"
           use="concat(generate-id(..), '|',
                       generate-id(preceding-sibling::*[self::p:p or self::p:list or self::p:vote][1]))"/>

  <!-- ============================================================== -->
  <!-- Document                                                         -->
  <!-- ============================================================== -->

  <xsl:template match="/">
    <xsl:apply-templates select="p:protocol"/>
  </xsl:template>

  <xsl:template match="p:protocol">
    <fo:root xsl:use-attribute-sets="folio-root">
      <xsl:call-template name="folio-layout-master-set"/>
      <fo:page-sequence master-reference="folio-pages" initial-page-number="1" force-page-count="no-force">
        <xsl:call-template name="folio-page-number"/>
        <fo:flow flow-name="xsl-region-body">
          <fo:block font-family="{$folio-font-family}"
                    font-size="{$folio-font-size}"
                    line-height="{$folio-line-height}"
                    text-align="justify">
            <xsl:call-template name="folio-line"/>
            <xsl:apply-templates select="p:org"/>
            <xsl:call-template name="title"/>
            <xsl:call-template name="date-line"/>
            <xsl:apply-templates select="p:time"/>
            <xsl:apply-templates select="p:place/p:venue"/>
            <xsl:apply-templates select="p:chair | p:deputy | p:secretary"/>
            <xsl:apply-templates select="p:present | p:online | p:invited | p:absent"/>
            <xsl:apply-templates select="p:quorum"/>
            <xsl:apply-templates select="p:agenda"/>
            <xsl:apply-templates select="p:agenda/p:item[not($is-extract)
                                         or contains($extract-list, concat(' ', count(preceding-sibling::p:item) + 1, ' '))]"/>
            <xsl:apply-templates select="p:decided"/>
            <xsl:apply-templates select="p:signatures"/>
            <xsl:apply-templates select="p:certified"/>
          </fo:block>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Header                                                           -->
  <!-- ============================================================== -->

  <!-- Organisation: parent above, full name, short name in parentheses;
       centred, single spacing, not indented. -->
  <xsl:template match="p:org">
    <fo:block hyphenate="false" text-align="center" text-indent="0" space-after="{$folio-gap}"
              keep-with-next="always">
      <xsl:call-template name="folio-line"/>
      <xsl:for-each select="p:parent | p:name | p:short">
        <fo:block>
          <xsl:call-template name="folio-line"/>
          <xsl:if test="self::p:short">(</xsl:if>
          <xsl:call-template name="folio-text">
            <xsl:with-param name="s" select="."/>
          </xsl:call-template>
          <xsl:if test="self::p:short">)</xsl:if>
        </fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <!-- "ПРОТОКОЛ № 1" bold and centred, then the heading (genitive, no
       final period) centred below, at most 12 cm wide (longitudinal
       layout). -->
  <xsl:template name="title">
    <!-- role: the structure type in a tagged PDF (folio render with pdfa=2a) -->
    <fo:block hyphenate="false" text-align="center" text-indent="0" font-weight="bold"
              keep-with-next="always" role="H1">
      <xsl:for-each select="(p:number | p:body)[1]">
        <xsl:call-template name="folio-line"/>
      </xsl:for-each>
      <xsl:choose>
        <xsl:when test="$is-extract and $en">EXTRACT FROM THE MINUTES</xsl:when>
        <xsl:when test="$is-extract">ВЫПИСКА ИЗ ПРОТОКОЛА</xsl:when>
        <xsl:otherwise>ПРОТОКОЛ</xsl:otherwise>
      </xsl:choose>
      <xsl:if test="p:number">
        <xsl:text> №&#160;</xsl:text>
        <xsl:value-of select="normalize-space(p:number)"/>
      </xsl:if>
    </fo:block>
    <xsl:for-each select="p:body">
      <fo:block hyphenate="false" text-align="center" text-indent="0" font-weight="bold"
                start-indent="25mm" end-indent="25mm" keep-with-next="always" role="H2">
        <xsl:call-template name="folio-line"/>
        <xsl:call-template name="folio-text">
          <xsl:with-param name="s" select="concat(@meeting, ' ', .)"/>
        </xsl:call-template>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- Date at the left border; the settlement (place of compilation) at
       the right border of the same line. -->
  <xsl:template name="date-line">
    <xsl:variable name="date">
      <xsl:for-each select="p:date">
        <xsl:call-template name="folio-format-date-range">
          <xsl:with-param name="iso" select="."/>
          <xsl:with-param name="end" select="@end"/>
          <xsl:with-param name="format">
            <xsl:choose>
              <xsl:when test="$date-format = 'words' or $date-format = 'numeric'">
                <xsl:value-of select="$date-format"/>
              </xsl:when>
              <xsl:when test="@format">
                <xsl:value-of select="@format"/>
              </xsl:when>
              <xsl:otherwise>words</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="p:date">
      <xsl:choose>
        <xsl:when test="../p:place/p:settlement">
          <fo:block space-before="{$folio-gap}" text-indent="0">
            <xsl:call-template name="folio-line"/>
            <fo:table table-layout="fixed" width="100%" border-collapse="separate">
              <xsl:call-template name="folio-line"/>
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
                      <xsl:for-each select="../p:place/p:settlement">
                        <xsl:call-template name="folio-line"/>
                        <xsl:call-template name="folio-text">
                          <xsl:with-param name="s" select="."/>
                        </xsl:call-template>
                      </xsl:for-each>
                    </fo:block>
                  </fo:table-cell>
                </fo:table-row>
              </fo:table-body>
            </fo:table>
          </fo:block>
        </xsl:when>
        <xsl:otherwise>
          <fo:block hyphenate="false" space-before="{$folio-gap}" text-indent="0" text-align="start">
            <xsl:call-template name="folio-line"/>
            <xsl:value-of select="$date"/>
          </fo:block>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="p:time">
    <fo:block hyphenate="false" text-indent="0" text-align="start">
      <xsl:call-template name="folio-line"/>
      <xsl:text>Время проведения: </xsl:text>
      <xsl:call-template name="folio-format-time">
        <xsl:with-param name="t" select="@start"/>
      </xsl:call-template>
      <xsl:if test="@end">
        <xsl:text>–</xsl:text>
        <xsl:call-template name="folio-format-time">
          <xsl:with-param name="t" select="@end"/>
        </xsl:call-template>
      </xsl:if>
    </fo:block>
  </xsl:template>

  <xsl:template match="p:venue">
    <fo:block hyphenate="false" text-indent="0" text-align="start">
      <xsl:call-template name="folio-line"/>
      <xsl:text>Место проведения: </xsl:text>
      <xsl:call-template name="folio-text">
        <xsl:with-param name="s" select="."/>
      </xsl:call-template>
    </fo:block>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Introduction                                                     -->
  <!-- ============================================================== -->

  <!-- "Председатель — В.С. Чуранов" -->
  <xsl:template match="p:chair | p:deputy | p:secretary">
    <fo:block hyphenate="false" text-indent="0" text-align="start">
      <xsl:if test="not(preceding-sibling::p:chair or preceding-sibling::p:deputy
                        or preceding-sibling::p:secretary)">
        <xsl:attribute name="space-before">
          <xsl:value-of select="$folio-gap"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:call-template name="folio-line"/>
      <xsl:choose>
        <xsl:when test="@label">
          <xsl:value-of select="normalize-space(@label)"/>
        </xsl:when>
        <xsl:when test="self::p:chair">Председатель</xsl:when>
        <xsl:when test="self::p:deputy">Заместитель председателя</xsl:when>
        <xsl:otherwise>Секретарь</xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="$dash"/>
      <xsl:call-template name="folio-person-name-by-ref">
        <xsl:with-param name="ref" select="@ref"/>
        <xsl:with-param name="as" select="'initials'"/>
      </xsl:call-template>
    </fo:block>
  </xsl:template>

  <!-- A keyword line: capitals and a colon, from the left border, kept
       with what follows. -->
  <xsl:template name="keyword-block">
    <xsl:param name="text"/>
    <xsl:param name="space" select="$folio-gap"/>
    <fo:block hyphenate="false" text-indent="0" text-align="start" keep-with-next="always"
              space-before="{$space}">
      <xsl:call-template name="folio-line"/>
      <xsl:call-template name="folio-keyword">
        <xsl:with-param name="s" select="$text"/>
      </xsl:call-template>
    </fo:block>
  </xsl:template>

  <xsl:template match="p:present | p:online | p:invited | p:absent">
    <xsl:variable name="label">
      <xsl:choose>
        <xsl:when test="@label">
          <xsl:value-of select="@label"/>
        </xsl:when>
        <xsl:when test="self::p:present">Присутствовали</xsl:when>
        <xsl:when test="self::p:online">Присутствовали дистанционно</xsl:when>
        <xsl:when test="self::p:invited">Приглашенные</xsl:when>
        <xsl:otherwise>Отсутствовали</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$the-attendance = 'count'">
        <xsl:call-template name="head-count">
          <xsl:with-param name="label" select="$label"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="keyword-block">
          <xsl:with-param name="text" select="$label"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:choose>
      <xsl:when test="$the-attendance = 'count'"/>
      <xsl:when test="@numbered = 'true' or @numbered = '1'">
        <!-- Numbered: "1. …;" … "N. … ." (GOST 4.7 enumeration). -->
        <fo:list-block provisional-distance-between-starts="10mm"
                       provisional-label-separation="2mm"
                       start-indent="0">
          <xsl:call-template name="folio-line"/>
          <xsl:for-each select="p:person | p:line">
            <fo:list-item>
              <xsl:call-template name="folio-line"/>
              <fo:list-item-label end-indent="label-end()">
                <fo:block hyphenate="false" text-indent="0" text-align="start">
                  <xsl:value-of select="position()"/>
                  <xsl:text>.</xsl:text>
                </fo:block>
              </fo:list-item-label>
              <fo:list-item-body start-indent="body-start()">
                <fo:block hyphenate="false" text-indent="0" text-align="start">
                  <xsl:call-template name="folio-line"/>
                  <xsl:variable name="line">
                    <xsl:call-template name="attendee"/>
                  </xsl:variable>
                  <xsl:value-of select="$line"/>
                  <xsl:choose>
                    <xsl:when test="position() != last()">;</xsl:when>
                    <xsl:when test="substring($line, string-length($line)) != '.'">.</xsl:when>
                  </xsl:choose>
                </fo:block>
              </fo:list-item-body>
            </fo:list-item>
          </xsl:for-each>
        </fo:list-block>
      </xsl:when>
      <xsl:otherwise>
        <!-- One line per attendee, from the left border, no punctuation;
             ragged right: a list of names is a requisite, not text. -->
        <xsl:for-each select="p:person | p:line">
          <fo:block hyphenate="false" text-indent="0" text-align="start">
            <xsl:call-template name="folio-line"/>
            <xsl:call-template name="attendee"/>
          </fo:block>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One attendee (context: p:person ref or p:line), as inline text:
       comma: "Фамилия Имя Отчество, должность организация — роль"
       dash:  "Фамилия Имя Отчество — должность организация, роль"
       A free-text line takes its role after a dash. -->
  <xsl:template name="attendee">
    <xsl:variable name="who" select="key('folio-id', self::p:person/@ref)[1]"/>
    <xsl:variable name="pos">
      <xsl:if test="$who">
        <xsl:call-template name="folio-person-position">
          <xsl:with-param name="person" select="$who"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="self::p:person">
        <xsl:call-template name="folio-person-name">
          <xsl:with-param name="person" select="$who"/>
          <xsl:with-param name="as">
            <xsl:choose>
              <xsl:when test="@as">
                <xsl:value-of select="@as"/>
              </xsl:when>
              <xsl:otherwise>full</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:if test="$pos != ''">
          <xsl:choose>
            <xsl:when test="$the-attendee-style = 'comma'">
              <xsl:text>, </xsl:text>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="$dash"/>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="$pos"/>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="folio-text">
          <xsl:with-param name="s" select="."/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="@role">
      <xsl:choose>
        <xsl:when test="$pos != '' and $the-attendee-style = 'dash'">
          <xsl:text>, </xsl:text>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$dash"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="folio-text">
        <xsl:with-param name="s" select="@role"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- attendance="count" (the default of an extract): one line,
       "ПРИСУТСТВОВАЛИ: 17 человек", each <person> and <line> counting as
       one; a full or short protocol adds "(список прилагается)": its
       list must then be attached (gost-layout.md §3.1, more than 15
       attendees).  An extract refers to the list of the protocol. -->
  <xsl:template name="head-count">
    <xsl:param name="label"/>
    <xsl:variable name="n" select="count(p:person | p:line)"/>
    <fo:block hyphenate="false" text-indent="0" text-align="start">
      <!-- consecutive head counts form one group -->
      <xsl:if test="not(preceding-sibling::*[1][self::p:present or self::p:online
                                                or self::p:invited or self::p:absent])">
        <xsl:attribute name="space-before">
          <xsl:value-of select="$folio-gap"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:call-template name="folio-line"/>
      <xsl:call-template name="folio-keyword">
        <xsl:with-param name="s" select="$label"/>
      </xsl:call-template>
      <xsl:value-of select="concat(' ', $n, '&#160;')"/>
      <xsl:choose>
        <xsl:when test="$en and $n = 1">person</xsl:when>
        <xsl:when test="$en">persons</xsl:when>
        <xsl:when test="$n mod 10 &gt;= 2 and $n mod 10 &lt;= 4
                        and not($n mod 100 &gt;= 12 and $n mod 100 &lt;= 14)">человека</xsl:when>
        <xsl:otherwise>человек</xsl:otherwise>
      </xsl:choose>
      <xsl:if test="not($is-extract)">
        <xsl:choose>
          <xsl:when test="$en"> (list attached)</xsl:when>
          <xsl:otherwise> (список прилагается)</xsl:otherwise>
        </xsl:choose>
      </xsl:if>
    </fo:block>
  </xsl:template>

  <xsl:template match="p:quorum">
    <fo:block text-indent="{$folio-indent}" space-before="{$folio-gap}">
      <xsl:call-template name="folio-line"/>
      <xsl:call-template name="folio-text">
        <xsl:with-param name="s" select="."/>
      </xsl:call-template>
    </fo:block>
  </xsl:template>

  <!-- Agenda: keyword, then the item titles as a numbered list. -->
  <xsl:template match="p:agenda">
    <xsl:call-template name="keyword-block">
      <xsl:with-param name="text">
        <xsl:choose>
          <xsl:when test="@label">
            <xsl:value-of select="@label"/>
          </xsl:when>
          <xsl:otherwise>Повестка дня</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <fo:list-block provisional-distance-between-starts="10mm"
                   provisional-label-separation="2mm"
                   start-indent="0">
      <xsl:call-template name="folio-line"/>
      <!-- an extract lists its own items only, with their numbers -->
      <xsl:for-each select="p:item[not($is-extract)
                            or contains($extract-list, concat(' ', count(preceding-sibling::p:item) + 1, ' '))]">
        <fo:list-item>
          <xsl:call-template name="folio-line"/>
          <fo:list-item-label end-indent="label-end()">
            <fo:block hyphenate="false" text-indent="0" text-align="start">
              <xsl:value-of select="count(preceding-sibling::p:item) + 1"/>
              <xsl:text>.</xsl:text>
            </fo:block>
          </fo:list-item-label>
          <fo:list-item-body start-indent="body-start()">
            <fo:block text-indent="0">
              <xsl:for-each select="p:title">
                <xsl:call-template name="folio-line"/>
                <xsl:call-template name="folio-text">
                  <xsl:with-param name="s" select="."/>
                </xsl:call-template>
              </xsl:for-each>
            </fo:block>
          </fo:list-item-body>
        </fo:list-item>
      </xsl:for-each>
    </fo:list-block>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Items (main part)                                                -->
  <!-- ============================================================== -->

  <xsl:template match="p:item">
    <xsl:variable name="n" select="count(preceding-sibling::p:item) + 1"/>
    <xsl:choose>
      <xsl:when test="not($short) and p:heard">
        <xsl:for-each select="p:heard">
          <xsl:call-template name="keyword-block">
            <xsl:with-param name="text" select="concat($n, '. СЛУШАЛИ')"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:apply-templates select="p:heard"/>
      </xsl:when>
      <xsl:otherwise>
        <!-- "1. Title" heading: items without a hearing, and the short form -->
        <fo:block text-indent="0" space-before="{$folio-gap}" keep-with-next="always">
          <xsl:call-template name="folio-line"/>
          <xsl:value-of select="concat($n, '. ')"/>
          <xsl:call-template name="folio-text">
            <xsl:with-param name="s" select="p:title"/>
          </xsl:call-template>
        </fo:block>
        <xsl:if test="$short">
          <xsl:call-template name="short-speakers"/>
          <!-- A vote recorded in the hearing, the speeches or the text is
               part of the decision record: it stays, on its own line. -->
          <xsl:apply-templates select="(p:heard | p:spoke | p:text)//p:vote"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="not($short)">
      <xsl:apply-templates select="p:spoke"/>
      <xsl:apply-templates select="p:text/*"/>
    </xsl:if>
    <xsl:apply-templates select="p:decided"/>
  </xsl:template>

  <!-- Short form: the speakers' names in parentheses under the title,
       each person once. -->
  <xsl:template name="short-speakers">
    <xsl:variable name="speakers"
                  select="(p:heard/p:speaker | p:spoke/p:speaker)
                          [not(@ref) or not(@ref = preceding::p:speaker
                                      [generate-id(ancestor::p:item[1]) = generate-id(current())]/@ref)]"/>
    <xsl:if test="$speakers">
      <fo:block text-indent="0" keep-with-next="always">
        <xsl:for-each select="$speakers[1]">
          <xsl:call-template name="folio-line"/>
        </xsl:for-each>
        <xsl:text>(</xsl:text>
        <xsl:for-each select="$speakers">
          <xsl:if test="position() > 1">, </xsl:if>
          <xsl:call-template name="person-mention">
            <xsl:with-param name="default-as" select="'initials'"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:text>)</xsl:text>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <!-- A speaker / who / resp mention: its text when given (grammatical
       case chosen by the author), else the referenced person's name. -->
  <xsl:template name="person-mention">
    <xsl:param name="default-as" select="'initials'"/>
    <xsl:choose>
      <xsl:when test="normalize-space(text()) != ''">
        <xsl:call-template name="folio-text">
          <xsl:with-param name="s" select="."/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@ref">
        <xsl:call-template name="folio-person-name-by-ref">
          <xsl:with-param name="ref" select="@ref"/>
          <xsl:with-param name="as">
            <xsl:choose>
              <xsl:when test="@as">
                <xsl:value-of select="@as"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="$default-as"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Names of the speaker children of the context, joined by ", ". -->
  <xsl:template name="speaker-names">
    <xsl:for-each select="p:speaker">
      <xsl:if test="position() > 1">, </xsl:if>
      <xsl:call-template name="person-mention">
        <xsl:with-param name="default-as" select="'initials'"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- СЛУШАЛИ / ВЫСТУПИЛИ body: "И.О. Фамилия — " runs into the first
       paragraph; without a first paragraph the item title is the
       summary (СЛУШАЛИ) or the names stand alone (ВЫСТУПИЛИ). -->
  <xsl:template name="speech">
    <xsl:variable name="blocks" select="p:p | p:list | p:vote"/>
    <xsl:variable name="names">
      <xsl:call-template name="speaker-names"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$names = ''">
        <xsl:apply-templates select="$blocks"/>
        <xsl:if test="not($blocks) and self::p:heard">
          <xsl:call-template name="plain-para">
            <xsl:with-param name="text" select="../p:title"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:when test="$blocks[1][self::p:p]">
        <xsl:apply-templates select="$blocks[1]">
          <xsl:with-param name="prefix" select="concat($names, $dash)"/>
        </xsl:apply-templates>
        <xsl:apply-templates select="$blocks[position() > 1]"/>
      </xsl:when>
      <xsl:otherwise>
        <fo:block text-indent="{$folio-indent}">
          <xsl:call-template name="folio-line"/>
          <xsl:value-of select="$names"/>
          <xsl:if test="self::p:heard">
            <xsl:value-of select="$dash"/>
            <xsl:call-template name="folio-ensure-period">
              <xsl:with-param name="s">
                <xsl:call-template name="folio-text">
                  <xsl:with-param name="s" select="../p:title"/>
                </xsl:call-template>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:if>
        </fo:block>
        <xsl:apply-templates select="$blocks"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="p:heard">
    <xsl:call-template name="speech"/>
  </xsl:template>

  <xsl:template match="p:spoke">
    <xsl:if test="not(preceding-sibling::*[1][self::p:spoke])">
      <xsl:call-template name="keyword-block">
        <xsl:with-param name="text" select="'ВЫСТУПИЛИ'"/>
        <xsl:with-param name="space" select="'0pt'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="speech"/>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Decisions                                                        -->
  <!-- ============================================================== -->

  <xsl:template match="p:decided">
    <!-- An extract prints the protocol-level decisions of its items (by
         their item attribute), with their original numbers. -->
    <xsl:variable name="decisions"
                  select="p:decision[not($is-extract) or ../parent::p:item
                                     or contains($extract-list, concat(' ', normalize-space(@item), ' '))]"/>
    <xsl:if test="$decisions">
      <xsl:call-template name="decided">
        <xsl:with-param name="decisions" select="$decisions"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="decided">
    <xsl:param name="decisions"/>
    <xsl:call-template name="keyword-block">
      <xsl:with-param name="text">
        <xsl:choose>
          <xsl:when test="@label">
            <xsl:value-of select="@label"/>
          </xsl:when>
          <xsl:otherwise>РЕШИЛИ</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="space">
        <xsl:choose>
          <xsl:when test="parent::p:item">6pt</xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="$folio-gap"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="$decisions"/>
    <xsl:apply-templates select="p:vote"/>
  </xsl:template>

  <!-- Number of a decision: the original's n when given; none for a lone
       unnumbered decision; "1.1." inside item 1; "1." at protocol level. -->
  <xsl:template name="decision-number">
    <xsl:choose>
      <xsl:when test="@n">
        <xsl:variable name="n" select="normalize-space(@n)"/>
        <xsl:value-of select="$n"/>
        <xsl:if test="substring($n, string-length($n)) != '.'
                      and substring($n, string-length($n)) != ')'">.</xsl:if>
      </xsl:when>
      <xsl:when test="count(../p:decision) = 1"/>
      <xsl:when test="../parent::p:item">
        <xsl:value-of select="concat(count(../../preceding-sibling::p:item) + 1, '.',
                                     count(preceding-sibling::p:decision) + 1, '.')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat(count(preceding-sibling::p:decision) + 1, '.')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A decision: its number runs into the first paragraph (text before
       the first block child); lists, paragraphs and votes follow; text
       after a block child makes a further paragraph. -->
  <xsl:template match="p:decision">
    <xsl:variable name="number">
      <xsl:call-template name="decision-number"/>
    </xsl:variable>
    <xsl:variable name="prefix">
      <xsl:if test="$number != ''">
        <xsl:value-of select="concat($number, ' ')"/>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="lead"
                  select="key('run', concat(generate-id(), '|'))
                          [not(self::p:p or self::p:list or self::p:vote)]"/>
    <xsl:variable name="first-block" select="(p:p | p:list | p:vote)[1]"/>
    <xsl:choose>
      <xsl:when test="$lead[self::* or normalize-space(.) != '']">
        <xsl:call-template name="run-para">
          <xsl:with-param name="nodes" select="$lead"/>
          <xsl:with-param name="prefix" select="$prefix"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$first-block[self::p:p]"/>
      <xsl:when test="$prefix != ''">
        <fo:block text-indent="{$folio-indent}" keep-with-next="always">
          <xsl:call-template name="folio-line"/>
          <xsl:value-of select="$number"/>
        </fo:block>
      </xsl:when>
    </xsl:choose>
    <xsl:for-each select="p:p | p:list | p:vote">
      <xsl:choose>
        <xsl:when test="not($lead[self::* or normalize-space(.) != ''])
                        and generate-id(.) = generate-id($first-block)
                        and self::p:p">
          <xsl:apply-templates select=".">
            <xsl:with-param name="prefix" select="$prefix"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="."/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:variable name="tail"
                    select="key('run', concat(generate-id(..), '|', generate-id()))
                            [not(self::p:p or self::p:list or self::p:vote)]"/>
      <xsl:if test="$tail[self::* or normalize-space(.) != '']">
        <xsl:call-template name="run-para">
          <xsl:with-param name="nodes" select="$tail"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- A text paragraph made of a run of inline nodes. -->
  <xsl:template name="run-para">
    <xsl:param name="nodes"/>
    <xsl:param name="prefix" select="''"/>
    <fo:block text-indent="{$folio-indent}">
      <xsl:for-each select="$nodes[1]">
        <xsl:call-template name="folio-line"/>
      </xsl:for-each>
      <xsl:value-of select="$prefix"/>
      <xsl:apply-templates select="$nodes" mode="inline"/>
    </fo:block>
  </xsl:template>

  <!-- Vote as its own line (in decided, decision, heard, spoke, text). -->
  <xsl:template match="p:vote">
    <fo:block text-indent="{$folio-indent}">
      <xsl:call-template name="folio-line"/>
      <xsl:call-template name="vote-text"/>
    </fo:block>
  </xsl:template>

  <!-- "Голосовали: «за» — 9, «против» — 1, «воздержались» — 1." and/or
       "Решение принято единогласно." / "Решение принято." / "Решение не
       принято."; the element's own text replaces all of it. -->
  <xsl:template name="vote-text">
    <xsl:choose>
      <xsl:when test="normalize-space(.) != ''">
        <xsl:call-template name="folio-text">
          <xsl:with-param name="s" select="."/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="counts" select="@for | @against | @abstained"/>
        <xsl:if test="$counts">
          <xsl:text>Голосовали: </xsl:text>
          <xsl:for-each select="@for | @against | @abstained">
            <xsl:if test="position() > 1">, </xsl:if>
            <xsl:choose>
              <xsl:when test="local-name() = 'for'">«за»</xsl:when>
              <xsl:when test="local-name() = 'against'">«против»</xsl:when>
              <xsl:otherwise>«воздержались»</xsl:otherwise>
            </xsl:choose>
            <xsl:value-of select="concat($dash, number(.))"/>
          </xsl:for-each>
          <xsl:text>.</xsl:text>
        </xsl:if>
        <xsl:variable name="outcome">
          <xsl:choose>
            <xsl:when test="@unanimous = 'true' or @unanimous = '1'">Решение принято единогласно.</xsl:when>
            <xsl:when test="@result = 'adopted'">Решение принято.</xsl:when>
            <xsl:when test="@result = 'rejected'">Решение не принято.</xsl:when>
          </xsl:choose>
        </xsl:variable>
        <xsl:if test="$counts and $outcome != ''">
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:value-of select="$outcome"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Text blocks                                                      -->
  <!-- ============================================================== -->

  <!-- Paragraph: justified, first-line indent; $prefix (speaker line,
       decision number) runs into its first line. -->
  <xsl:template match="p:p">
    <xsl:param name="prefix" select="''"/>
    <fo:block text-indent="{$folio-indent}">
      <xsl:call-template name="folio-line"/>
      <xsl:value-of select="$prefix"/>
      <xsl:apply-templates select="node()" mode="inline"/>
    </fo:block>
  </xsl:template>

  <xsl:template name="plain-para">
    <xsl:param name="text"/>
    <fo:block text-indent="{$folio-indent}">
      <xsl:call-template name="folio-line"/>
      <xsl:call-template name="folio-text">
        <xsl:with-param name="s" select="$text"/>
      </xsl:call-template>
    </fo:block>
  </xsl:template>

  <!-- Lists.  The marker of a top-level list stands at the paragraph
       indent; each nesting level moves 7.5 mm right, which is where the
       enclosing item's text starts.  type="none": plain indented lines. -->
  <xsl:template match="p:list">
    <xsl:variable name="depth" select="count(ancestor::p:list)"/>
    <xsl:variable name="start" select="concat(1.25 + 0.75 * $depth, 'cm')"/>
    <xsl:choose>
      <xsl:when test="@type = 'none'">
        <xsl:for-each select="p:li">
          <xsl:call-template name="li-content">
            <xsl:with-param name="indent" select="$start"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <fo:list-block start-indent="{$start}"
                       provisional-distance-between-starts="7.5mm"
                       provisional-label-separation="1.5mm">
          <xsl:call-template name="folio-line"/>
          <xsl:for-each select="p:li">
            <fo:list-item>
              <xsl:call-template name="folio-line"/>
              <fo:list-item-label end-indent="label-end()">
                <fo:block hyphenate="false" text-indent="0" text-align="start">
                  <xsl:call-template name="list-marker">
                    <xsl:with-param name="type" select="../@type"/>
                    <xsl:with-param name="n" select="position()"/>
                  </xsl:call-template>
                </fo:block>
              </fo:list-item-label>
              <fo:list-item-body start-indent="body-start()">
                <xsl:call-template name="li-content"/>
              </fo:list-item-body>
            </fo:list-item>
          </xsl:for-each>
        </fo:list-block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="list-marker">
    <xsl:param name="type"/>
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$type = 'bullet'">•</xsl:when>
      <xsl:when test="$type = 'number'">
        <xsl:value-of select="concat($n, ')')"/>
      </xsl:when>
      <xsl:when test="$type = 'letter'">
        <xsl:value-of select="concat(substring('абвгдежзиклмнопрстуфхцшщэюя', (($n - 1) mod 27) + 1, 1), ')')"/>
      </xsl:when>
      <xsl:otherwise>–</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Content of one li: its text as a block (with $indent as start-indent
       when given), then its nested lists. -->
  <xsl:template name="li-content">
    <xsl:param name="indent" select="''"/>
    <xsl:variable name="lead"
                  select="key('run', concat(generate-id(), '|'))[not(self::p:list)]"/>
    <fo:block text-indent="0">
      <xsl:if test="$indent != ''">
        <xsl:attribute name="start-indent">
          <xsl:value-of select="$indent"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:call-template name="folio-line"/>
      <xsl:apply-templates select="$lead" mode="inline"/>
    </fo:block>
    <xsl:for-each select="p:list">
      <xsl:apply-templates select="."/>
      <xsl:variable name="tail"
                    select="key('run', concat(generate-id(..), '|', generate-id()))[not(self::p:list)]"/>
      <xsl:if test="$tail[self::* or normalize-space(.) != '']">
        <fo:block text-indent="0">
          <xsl:if test="$indent != ''">
            <xsl:attribute name="start-indent">
              <xsl:value-of select="$indent"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:call-template name="folio-line"/>
          <xsl:apply-templates select="$tail" mode="inline"/>
        </fo:block>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Inline content                                                   -->
  <!-- ============================================================== -->

  <!-- Text: whitespace collapsed; a space is kept at an edge only when an
       inline neighbour is there to receive it, so blocks never start or
       end with a space. -->
  <xsl:template match="text()" mode="inline">
    <xsl:variable name="prev" select="preceding-sibling::node()[1]"/>
    <xsl:variable name="next" select="following-sibling::node()[1]"/>
    <xsl:variable name="in-inline" select="parent::p:b or parent::p:i"/>
    <xsl:variable name="prev-ok"
                  select="($prev and not($prev[self::p:p or self::p:list
                                              or (self::p:vote and not(parent::p:p))]))
                          or (not($prev) and $in-inline)"/>
    <xsl:variable name="next-ok"
                  select="($next and not($next[self::p:p or self::p:list
                                              or (self::p:vote and not(parent::p:p))]))
                          or (not($next) and $in-inline)"/>
    <!-- A period right after generated text that already ends with one
         ("Матвеев Д.М.", "30 ноября 2017 г.") is not printed twice. -->
    <xsl:variable name="prev-out">
      <xsl:if test="$prev[self::p:who or self::p:resp or self::p:deadline]
                    and starts-with(., '.')">
        <xsl:apply-templates select="$prev" mode="inline"/>
      </xsl:if>
    </xsl:variable>
    <!-- the text without its first character after such a period, else
         all of it: a string ((a = b) counts 1 or 0), not a result tree
         fragment built for every text node -->
    <xsl:variable name="text"
                  select="substring(., 1 + (substring($prev-out, string-length($prev-out)) = '.'))"/>
    <xsl:variable name="norm" select="normalize-space($text)"/>
    <xsl:choose>
      <xsl:when test="$norm = ''">
        <xsl:if test="$prev-ok and $next-ok and $prev and $next">
          <xsl:text> </xsl:text>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="$prev-ok and normalize-space(substring($text, 1, 1)) = ''">
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:call-template name="folio-text">
          <xsl:with-param name="s" select="$norm"/>
        </xsl:call-template>
        <xsl:if test="$next-ok and normalize-space(substring($text, string-length($text), 1)) = ''">
          <xsl:text> </xsl:text>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="p:who" mode="inline">
    <xsl:call-template name="person-mention">
      <xsl:with-param name="default-as" select="'surname-initials'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- "Срок: 28.05.2021" / "в срок до 30 ноября 2017 г." / the date. -->
  <xsl:template match="p:deadline" mode="inline">
    <xsl:variable name="style">
      <xsl:choose>
        <xsl:when test="@style">
          <xsl:value-of select="@style"/>
        </xsl:when>
        <xsl:otherwise>label</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="format">
      <xsl:choose>
        <xsl:when test="@format">
          <xsl:value-of select="@format"/>
        </xsl:when>
        <xsl:when test="$style = 'until'">words</xsl:when>
        <xsl:otherwise>numeric</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$style = 'label'">Срок: </xsl:when>
      <xsl:when test="$style = 'until'">в срок до </xsl:when>
    </xsl:choose>
    <xsl:choose>
      <xsl:when test="normalize-space(.) != ''">
        <xsl:call-template name="folio-text">
          <xsl:with-param name="s" select="."/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="folio-format-date">
          <xsl:with-param name="iso" select="@date"/>
          <xsl:with-param name="format" select="$format"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "Ответственный: Матвеев Д.М." / "Ответственные: …" / plain. -->
  <xsl:template match="p:resp" mode="inline">
    <xsl:if test="not(@style = 'plain')">
      <xsl:choose>
        <xsl:when test="@label">
          <xsl:value-of select="normalize-space(@label)"/>
        </xsl:when>
        <xsl:when test="count(p:who) > 1">Ответственные</xsl:when>
        <xsl:otherwise>Ответственный</xsl:otherwise>
      </xsl:choose>
      <xsl:text>: </xsl:text>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="p:who">
        <xsl:apply-templates select="node()" mode="inline"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="person-mention">
          <xsl:with-param name="default-as" select="'surname-initials'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="p:vote" mode="inline">
    <xsl:call-template name="vote-text"/>
  </xsl:template>

  <xsl:template match="p:b" mode="inline">
    <fo:inline font-weight="bold">
      <xsl:apply-templates select="node()" mode="inline"/>
    </fo:inline>
  </xsl:template>

  <xsl:template match="p:i" mode="inline">
    <fo:inline font-style="italic">
      <xsl:apply-templates select="node()" mode="inline"/>
    </fo:inline>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Signatures                                                       -->
  <!-- ============================================================== -->

  <!-- Two to three intervals below the text; kept with the last lines of
       the text so the signature never stands alone on a page. -->
  <xsl:template match="p:signatures">
    <fo:block space-before="28pt" text-indent="0"
              keep-with-previous="always" keep-together.within-page="always">
      <xsl:call-template name="folio-line"/>
      <xsl:for-each select="p:sign">
        <xsl:call-template name="folio-signature">
          <xsl:with-param name="role" select="@role"/>
          <xsl:with-param name="field">
            <xsl:call-template name="folio-signature-field-name"/>
          </xsl:with-param>
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
  <!-- Certification (copy or extract)                                  -->
  <!-- ============================================================== -->

  <!-- GOST R 7.0.97 requisite 26, below the signatures from the left
       border: "Верно" (or "Выписка верна"), the certifier's position at
       the left and "И.О. Фамилия" at the right with room for the
       handwritten signature between them, the date of certification;
       then, for a copy sent elsewhere, where the original is kept.  Kept
       together and with the signatures above. -->
  <xsl:template match="p:certified">
    <xsl:variable name="label" select="normalize-space(@label)"/>
    <xsl:variable name="who" select="key('folio-id', @ref)[1]"/>
    <fo:block space-before="28pt" text-indent="0" text-align="start"
              keep-with-previous="always" keep-together.within-page="always">
      <xsl:call-template name="folio-line"/>
      <fo:block hyphenate="false" text-indent="0" text-align="start">
        <xsl:call-template name="folio-line"/>
        <xsl:choose>
          <xsl:when test="$en and $label = 'Выписка верна'">Certified true extract</xsl:when>
          <xsl:when test="$en and $label = 'Копия верна'">Certified true copy</xsl:when>
          <xsl:when test="$en">Certified true</xsl:when>
          <xsl:when test="$label != ''">
            <xsl:value-of select="$label"/>
          </xsl:when>
          <xsl:otherwise>Верно</xsl:otherwise>
        </xsl:choose>
      </fo:block>
      <xsl:call-template name="folio-signature">
        <xsl:with-param name="role">
          <xsl:choose>
            <xsl:when test="@role">
              <xsl:value-of select="@role"/>
            </xsl:when>
            <xsl:otherwise>
              <!-- the position from <people>, with a capital letter -->
              <xsl:variable name="pos">
                <xsl:call-template name="folio-person-position">
                  <xsl:with-param name="person" select="$who"/>
                </xsl:call-template>
              </xsl:variable>
              <xsl:call-template name="folio-upper">
                <xsl:with-param name="s" select="substring($pos, 1, 1)"/>
              </xsl:call-template>
              <xsl:value-of select="substring($pos, 2)"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="name">
          <xsl:call-template name="folio-person-name-by-ref">
            <xsl:with-param name="ref" select="@ref"/>
            <xsl:with-param name="as" select="'initials'"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <fo:block hyphenate="false" text-indent="0" text-align="start">
        <xsl:call-template name="folio-line"/>
        <xsl:call-template name="folio-format-date">
          <xsl:with-param name="iso" select="@date"/>
          <xsl:with-param name="format">
            <xsl:choose>
              <xsl:when test="@format">
                <xsl:value-of select="@format"/>
              </xsl:when>
              <xsl:otherwise>numeric</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </fo:block>
      <xsl:for-each select="p:original">
        <fo:block text-indent="0" text-align="start" space-before="6pt">
          <xsl:call-template name="folio-line"/>
          <xsl:call-template name="folio-text">
            <xsl:with-param name="s" select="."/>
          </xsl:call-template>
        </fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

</xsl:stylesheet>
