<?xml version="1.0" encoding="UTF-8"?>
<!--
  order-rules.xsl — checks of an order (распоряжение, приказ, …) beyond its
  schema: appendices referred to and present, appendix numbering, deadlines
  in the text before the date of the order.

  folio applies it to the source after order.xsd has accepted it; the
  output is a list of
    <folio:diag code="ORDER-…" severity="error|warning" line="N">message</folio:diag>
  which folio prints as FILE:LINE:COL: error|warning: message [code].
  Every rule, its code and what it recognises in the text: docs/rules.md.
  (The signature is required by order.xsd itself.)

  The order's text has no markup for appendix references or deadlines, so
  they are recognised in the words of each paragraph, point, list item,
  table cell (inline b, i, nobr, who count as part of their block):
    appendix references  "приложение № 2", "(приложения № 1, 2)",
                         "приложениями № 1–3", "Приложение 2 к настоящему
                         приказу"; "прилагаемые", "приложение к настоящему …"
                         refer to the appendices without a number;
                         "приложение № 1 к приказу от …" (к + anything but
                         "настоящему") is another act's and is ignored;
    deadlines            "в срок до 01.03.2025", "Срок: 1 марта 2025 г.",
                         "Срок исполнения – 2025-03-01", "не позднее …".
  Runs under plain xsltproc too (line numbers from saxon:line-number).
  Messages are Russian; English when the root has xml:lang="en".
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:o="urn:folio:order"
                xmlns:folio="urn:folio:fo"
                xmlns:str="http://exslt.org/strings"
                xmlns:exsl="http://exslt.org/common"
                xmlns:saxon="http://icl.com/saxon"
                exclude-result-prefixes="o str exsl saxon">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:variable name="lang-en" select="starts-with(/*/@xml:lang, 'en')"/>
  <xsl:variable name="doc" select="/o:order"/>
  <xsl:variable name="order-date" select="normalize-space($doc/o:date)"/>

  <xsl:variable name="UP" select="'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="LO" select="'абвгдеёжзийклмнопрстуфхцчшщъыьэюяabcdefghijklmnopqrstuvwxyz'"/>
  <!-- Punctuation that separates words (kept: . № - – — /). -->
  <xsl:variable name="PUNCT" select="'(),;:«»&quot;„“”!?[]'"/>
  <xsl:variable name="SPACES" select="'                    '"/>
  <xsl:variable name="MONTHS" select="' января февраля марта апреля мая июня июля августа сентября октября ноября декабря '"/>

  <!-- Appendices with their numbers as printed: @n, else the position. -->
  <xsl:variable name="apps-rtf">
    <xsl:for-each select="$doc/o:appendix">
      <a id="{generate-id()}">
        <xsl:attribute name="n">
          <xsl:choose>
            <xsl:when test="@n"><xsl:value-of select="normalize-space(@n)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="position()"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </a>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="apps" select="exsl:node-set($apps-rtf)/a"/>

  <!-- Blocks whose words are scanned. -->
  <xsl:variable name="text-blocks"
                select="$doc/o:text//*[self::o:p or self::o:li or self::o:point or self::o:cell or self::o:caption or self::o:title]"/>
  <xsl:variable name="all-blocks"
                select="$text-blocks | $doc/o:appendix//*[self::o:p or self::o:li or self::o:point or self::o:cell or self::o:caption or self::o:title]"/>

  <!-- Every reference to an appendix in the order's own text:
       <ref lo= hi= block=/> (numbered) or <generic strong= word= block=/>. -->
  <xsl:variable name="refs-rtf">
    <xsl:for-each select="$text-blocks">
      <xsl:variable name="block" select="generate-id()"/>
      <xsl:variable name="text"><xsl:call-template name="block-text"/></xsl:variable>
      <xsl:variable name="tokens" select="str:tokenize(translate(translate($text, $UP, $LO), $PUNCT, $SPACES), ' &#9;&#10;&#13;&#160;')"/>
      <xsl:for-each select="$tokens[starts-with(., 'прил') or starts-with(., 'attached') or starts-with(., 'append') or starts-with(., 'annex')]">
        <xsl:variable name="w">
          <xsl:call-template name="word"><xsl:with-param name="t" select="."/></xsl:call-template>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="starts-with($w, 'прилагаем') or $w = 'attached'">
            <generic strong="1" word="{$w}" block="{$block}"/>
          </xsl:when>
          <xsl:when test="starts-with($w, 'приложени') or starts-with($w, 'appendi') or starts-with($w, 'annex')">
            <xsl:variable name="got-rtf">
              <xsl:call-template name="collect-numbers">
                <xsl:with-param name="t" select="following-sibling::*[1]"/>
              </xsl:call-template>
            </xsl:variable>
            <xsl:variable name="got" select="exsl:node-set($got-rtf)"/>
            <xsl:variable name="to-other" select="($got/stop/@w = 'к' or $got/stop/@w = 'to')
                                                  and not(starts-with($got/stop/@next, 'настоящ') or $got/stop/@next = 'this')"/>
            <xsl:choose>
              <xsl:when test="$to-other"/>
              <xsl:when test="$got/r">
                <xsl:for-each select="$got/r">
                  <ref lo="{@lo}" hi="{@hi}" block="{$block}"/>
                </xsl:for-each>
              </xsl:when>
              <xsl:otherwise>
                <generic strong="{number($got/stop/@w = 'к' or $got/stop/@w = 'to')}" word="{$w}" block="{$block}"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:when>
        </xsl:choose>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="refs" select="exsl:node-set($refs-rtf)/*"/>

  <!-- ============================================================== -->
  <!-- Driver                                                           -->
  <!-- ============================================================== -->

  <xsl:template match="/">
    <folio:diags>
      <xsl:call-template name="check-references"/>
      <xsl:call-template name="check-numbering"/>
      <xsl:for-each select="$all-blocks">
        <xsl:call-template name="check-deadlines"/>
      </xsl:for-each>
    </folio:diags>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- ORDER-APPENDIX-MISSING, ORDER-APPENDIX-UNREFERENCED              -->
  <!-- ============================================================== -->

  <xsl:template name="check-references">
    <!-- numbered references to appendices that are not there -->
    <xsl:for-each select="$refs[self::ref]">
      <xsl:variable name="ref" select="."/>
      <xsl:variable name="missing">
        <xsl:call-template name="missing-numbers">
          <xsl:with-param name="i" select="number(@lo)"/>
          <xsl:with-param name="hi" select="number(@hi)"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:if test="normalize-space($missing) != ''">
        <xsl:variable name="block" select="$text-blocks[generate-id() = $ref/@block]"/>
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'ORDER-APPENDIX-MISSING'"/>
          <xsl:with-param name="node" select="$block"/>
          <xsl:with-param name="ru">В тексте есть ссылка на приложение № <xsl:value-of select="str:replace(normalize-space($missing), ' ', ', ')"/>, а такого приложения нет (приложений &lt;appendix&gt;: <xsl:value-of select="count($apps)"/>).</xsl:with-param>
          <xsl:with-param name="en">The text refers to appendix <xsl:value-of select="str:replace(normalize-space($missing), ' ', ', ')"/>, which does not exist (&lt;appendix&gt; elements: <xsl:value-of select="count($apps)"/>).</xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
    <!-- "прилагаемые …", "приложение к настоящему …" with no appendix -->
    <xsl:if test="not($apps)">
      <xsl:for-each select="$refs[self::generic][@strong = 1]">
        <xsl:variable name="ref" select="."/>
        <xsl:if test="not(preceding-sibling::generic[@strong = 1][@block = $ref/@block])">
          <xsl:call-template name="diag">
            <xsl:with-param name="code" select="'ORDER-APPENDIX-MISSING'"/>
            <xsl:with-param name="node" select="$text-blocks[generate-id() = $ref/@block]"/>
            <xsl:with-param name="ru">В тексте упомянуто приложение («<xsl:value-of select="@word"/>»), но в документе нет ни одного приложения &lt;appendix&gt;.</xsl:with-param>
            <xsl:with-param name="en">The text mentions an appendix ("<xsl:value-of select="@word"/>") but the document has no &lt;appendix&gt;.</xsl:with-param>
          </xsl:call-template>
        </xsl:if>
      </xsl:for-each>
    </xsl:if>
    <!-- appendices nothing refers to (only when no unnumbered reference
         such as "прилагаемые" could cover them) -->
    <xsl:if test="not($refs[self::generic])">
      <xsl:for-each select="$doc/o:appendix">
        <xsl:variable name="n" select="$apps[@id = generate-id(current())]/@n"/>
        <xsl:if test="not($refs[self::ref][number(@lo) &lt;= number($n) and number($n) &lt;= number(@hi)])">
          <xsl:call-template name="diag">
            <xsl:with-param name="code" select="'ORDER-APPENDIX-UNREFERENCED'"/>
            <xsl:with-param name="severity" select="'warning'"/>
            <xsl:with-param name="ru">На приложение № <xsl:value-of select="$n"/> нет ссылки в тексте документа: упомяните его в пункте («… (приложение № <xsl:value-of select="$n"/>)», «прилагаемый …») или удалите.</xsl:with-param>
            <xsl:with-param name="en">Nothing in the text refers to appendix <xsl:value-of select="$n"/>: mention it in a point ("… (appendix <xsl:value-of select="$n"/>)", "attached …") or remove it.</xsl:with-param>
          </xsl:call-template>
        </xsl:if>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- The numbers from $i to $hi that no appendix has, space-separated
       (at most 50 of them: a longer range is not a reference). -->
  <xsl:template name="missing-numbers">
    <xsl:param name="i"/>
    <xsl:param name="hi"/>
    <xsl:if test="$i &lt;= $hi and $hi - $i &lt; 50">
      <xsl:if test="not($apps[number(@n) = $i])">
        <xsl:value-of select="concat($i, ' ')"/>
      </xsl:if>
      <xsl:call-template name="missing-numbers">
        <xsl:with-param name="i" select="$i + 1"/>
        <xsl:with-param name="hi" select="$hi"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- After "приложени…": the numbers that follow (<r lo= hi=/>) and the
       word that ends them (<stop w= next=/>). -->
  <xsl:template name="collect-numbers">
    <xsl:param name="t"/>
    <xsl:param name="prev" select="''"/>
    <xsl:param name="dash" select="false()"/>
    <xsl:param name="k" select="0"/>
    <xsl:variable name="w0">
      <xsl:call-template name="word"><xsl:with-param name="t" select="$t"/></xsl:call-template>
    </xsl:variable>
    <!-- "№1", "n1" -->
    <xsl:variable name="w">
      <xsl:choose>
        <xsl:when test="(starts-with($w0, '№') or starts-with($w0, 'n')) and string-length($w0) > 1
                        and translate(substring($w0, 2), '0123456789-–', '') = ''">
          <xsl:value-of select="substring($w0, 2)"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$w0"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="range" select="translate($w, '–—', '--')"/>
    <xsl:choose>
      <xsl:when test="not($t) or $k > 12">
        <stop w="" next=""/>
      </xsl:when>
      <xsl:when test="$w = '№' or $w = '№№' or $w = 'n' or $w = 'no' or $w = 'nos'
                      or $w = 'и' or $w = 'and' or $w = 'или' or $w = 'or'
                      or $w = '-' or $w = '–' or $w = '—'">
        <xsl:call-template name="collect-numbers">
          <xsl:with-param name="t" select="$t/following-sibling::*[1]"/>
          <xsl:with-param name="prev" select="$prev"/>
          <xsl:with-param name="dash" select="$w = '-' or $w = '–' or $w = '—'"/>
          <xsl:with-param name="k" select="$k + 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$w != '' and translate($w, '0123456789', '') = ''">
        <xsl:choose>
          <xsl:when test="$dash and $prev != ''"><r lo="{$prev}" hi="{number($w)}"/></xsl:when>
          <xsl:otherwise><r lo="{number($w)}" hi="{number($w)}"/></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="collect-numbers">
          <xsl:with-param name="t" select="$t/following-sibling::*[1]"/>
          <xsl:with-param name="prev" select="number($w)"/>
          <xsl:with-param name="k" select="$k + 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="contains($range, '-') and substring-before($range, '-') != '' and substring-after($range, '-') != ''
                      and translate(substring-before($range, '-'), '0123456789', '') = ''
                      and translate(substring-after($range, '-'), '0123456789', '') = ''">
        <r lo="{number(substring-before($range, '-'))}" hi="{number(substring-after($range, '-'))}"/>
        <xsl:call-template name="collect-numbers">
          <xsl:with-param name="t" select="$t/following-sibling::*[1]"/>
          <xsl:with-param name="prev" select="number(substring-after($range, '-'))"/>
          <xsl:with-param name="k" select="$k + 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <stop w="{$w}">
          <xsl:attribute name="next">
            <xsl:call-template name="word"><xsl:with-param name="t" select="$t/following-sibling::*[1]"/></xsl:call-template>
          </xsl:attribute>
        </stop>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- ORDER-APPENDIX-DUP, ORDER-APPENDIX-GAP                           -->
  <!-- ============================================================== -->

  <xsl:template name="check-numbering">
    <xsl:for-each select="$doc/o:appendix">
      <xsl:variable name="pos" select="position()"/>
      <xsl:variable name="me" select="$apps[$pos]"/>
      <xsl:variable name="dup" select="$apps[position() &lt; $pos][@n = $me/@n][1]"/>
      <xsl:variable name="prev" select="$apps[$pos - 1]"/>
      <xsl:choose>
        <xsl:when test="$dup">
          <xsl:call-template name="diag">
            <xsl:with-param name="code" select="'ORDER-APPENDIX-DUP'"/>
            <xsl:with-param name="severity" select="'warning'"/>
            <xsl:with-param name="ru">Номер приложения <xsl:value-of select="$me/@n"/> повторяется (он уже есть у приложения в строке <xsl:call-template name="line"><xsl:with-param name="node" select="$doc/o:appendix[generate-id() = $dup/@id]"/></xsl:call-template>)<xsl:if test="not(@n)">: у этого приложения нет n, и folio нумерует его по порядку</xsl:if>.</xsl:with-param>
            <xsl:with-param name="en">Appendix number <xsl:value-of select="$me/@n"/> is used twice (also by the appendix on line <xsl:call-template name="line"><xsl:with-param name="node" select="$doc/o:appendix[generate-id() = $dup/@id]"/></xsl:call-template>)<xsl:if test="not(@n)">: this appendix has no n, so folio numbers it by its position</xsl:if>.</xsl:with-param>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="translate($me/@n, '0123456789', '') = ''
                        and ((not($prev) and number($me/@n) != 1)
                             or ($prev and translate($prev/@n, '0123456789', '') = '' and number($me/@n) != number($prev/@n) + 1))">
          <xsl:call-template name="diag">
            <xsl:with-param name="code" select="'ORDER-APPENDIX-GAP'"/>
            <xsl:with-param name="severity" select="'warning'"/>
            <xsl:with-param name="ru">Приложение № <xsl:value-of select="$me/@n"/> идёт <xsl:choose><xsl:when test="$prev">после приложения № <xsl:value-of select="$prev/@n"/>: ожидался № <xsl:value-of select="$prev/@n + 1"/></xsl:when><xsl:otherwise>первым: ожидался № 1</xsl:otherwise></xsl:choose>. Если так в подлиннике, оставьте; иначе исправьте n.</xsl:with-param>
            <xsl:with-param name="en">Appendix <xsl:value-of select="$me/@n"/> comes <xsl:choose><xsl:when test="$prev">after appendix <xsl:value-of select="$prev/@n"/>: expected <xsl:value-of select="$prev/@n + 1"/></xsl:when><xsl:otherwise>first: expected 1</xsl:otherwise></xsl:choose>. Keep it if the original says so; otherwise fix n.</xsl:with-param>
          </xsl:call-template>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- ORDER-DEADLINE-PAST                                              -->
  <!-- ============================================================== -->

  <xsl:template name="check-deadlines">
    <xsl:variable name="block" select="."/>
    <xsl:variable name="text"><xsl:call-template name="block-text"/></xsl:variable>
    <xsl:variable name="tokens" select="str:tokenize(translate(translate($text, $UP, $LO), $PUNCT, $SPACES), ' &#9;&#10;&#13;&#160;')"/>
    <xsl:variable name="found-rtf">
      <xsl:for-each select="$tokens[starts-with(., 'срок') or starts-with(., 'поздн') or starts-with(., 'позже') or starts-with(., 'deadline')]">
        <xsl:variable name="w">
          <xsl:call-template name="word"><xsl:with-param name="t" select="."/></xsl:call-template>
        </xsl:variable>
        <xsl:if test="starts-with($w, 'срок') or $w = 'позднее' or $w = 'позже' or $w = 'deadline'">
          <xsl:call-template name="date-after">
            <xsl:with-param name="t" select="following-sibling::*[1]"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="order-ymd" select="number(translate($order-date, '-', ''))"/>
    <xsl:for-each select="exsl:node-set($found-rtf)/d[number(@ymd) &lt; $order-ymd]">
      <xsl:if test="not(preceding-sibling::d[@ymd = current()/@ymd])">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'ORDER-DEADLINE-PAST'"/>
          <xsl:with-param name="node" select="$block"/>
          <xsl:with-param name="ru">Срок «<xsl:value-of select="@text"/>» раньше даты документа <xsl:value-of select="concat(substring($order-date, 9, 2), '.', substring($order-date, 6, 2), '.', substring($order-date, 1, 4))"/>.</xsl:with-param>
          <xsl:with-param name="en">Deadline "<xsl:value-of select="@text"/>" is before the date of the order, <xsl:value-of select="$order-date"/>.</xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- The date at token $t, after at most three words such as "до",
       "исполнения", "не позднее", "–": <d ymd="20250301" text="01.03.2025"/>. -->
  <xsl:template name="date-after">
    <xsl:param name="t"/>
    <xsl:param name="k" select="0"/>
    <xsl:variable name="w">
      <xsl:call-template name="word"><xsl:with-param name="t" select="$t"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="not($t)"/>
      <xsl:when test="$k &lt; 3 and ($w = 'до' or $w = 'исполнения' or $w = 'не' or $w = 'позднее'
                      or $w = '-' or $w = '–' or $w = '—' or $w = 'is' or $w = 'by')">
        <xsl:call-template name="date-after">
          <xsl:with-param name="t" select="$t/following-sibling::*[1]"/>
          <xsl:with-param name="k" select="$k + 1"/>
        </xsl:call-template>
      </xsl:when>
      <!-- 01.03.2025 -->
      <xsl:when test="string-length($w) = 10 and substring($w, 3, 1) = '.' and substring($w, 6, 1) = '.'
                      and translate($w, '0123456789', '') = '..'">
        <d ymd="{concat(substring($w, 7, 4), substring($w, 4, 2), substring($w, 1, 2))}" text="{$w}"/>
      </xsl:when>
      <!-- 2025-03-01 -->
      <xsl:when test="string-length($w) = 10 and substring($w, 5, 1) = '-' and substring($w, 8, 1) = '-'
                      and translate($w, '0123456789', '') = '--'">
        <d ymd="{translate($w, '-', '')}" text="{$w}"/>
      </xsl:when>
      <!-- 1 марта 2025 г. -->
      <xsl:when test="string-length($w) &lt;= 2 and $w != '' and translate($w, '0123456789', '') = ''">
        <xsl:variable name="month" select="string($t/following-sibling::*[1])"/>
        <xsl:variable name="year" select="substring(string($t/following-sibling::*[2]), 1, 4)"/>
        <xsl:if test="contains($MONTHS, concat(' ', $month, ' ')) and string-length($year) = 4
                      and translate($year, '0123456789', '') = ''">
          <xsl:variable name="before" select="substring-before($MONTHS, concat(' ', $month, ' '))"/>
          <xsl:variable name="m" select="string-length($before) - string-length(translate($before, ' ', '')) + 1"/>
          <d ymd="{concat($year, format-number($m, '00'), format-number($w, '00'))}"
             text="{concat($w, ' ', $month, ' ', $year)}"/>
        </xsl:if>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Helpers                                                          -->
  <!-- ============================================================== -->

  <!-- The words of the context block itself: its text and that of its
       inline elements (b, i, nobr, who), not of the blocks inside it. -->
  <xsl:template name="block-text">
    <xsl:variable name="me" select="generate-id()"/>
    <xsl:for-each select=".//text()[generate-id(ancestor::*[self::o:p or self::o:li or self::o:point or self::o:cell or self::o:caption or self::o:title][1]) = $me]">
      <xsl:value-of select="."/>
    </xsl:for-each>
  </xsl:template>

  <!-- A token without a trailing full stop ("2025." "г." → "2025" "г"). -->
  <xsl:template name="word">
    <xsl:param name="t"/>
    <xsl:variable name="s" select="string($t)"/>
    <xsl:choose>
      <xsl:when test="substring($s, string-length($s)) = '.'">
        <xsl:value-of select="substring($s, 1, string-length($s) - 1)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One diagnostic at the source line of $node. -->
  <xsl:template name="diag">
    <xsl:param name="code"/>
    <xsl:param name="severity" select="'error'"/>
    <xsl:param name="node" select="."/>
    <xsl:param name="ru"/>
    <xsl:param name="en"/>
    <folio:diag code="{$code}" severity="{$severity}">
      <xsl:attribute name="line">
        <xsl:call-template name="line">
          <xsl:with-param name="node" select="$node"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:choose>
        <xsl:when test="$lang-en"><xsl:value-of select="normalize-space($en)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space($ru)"/></xsl:otherwise>
      </xsl:choose>
    </folio:diag>
  </xsl:template>

  <!-- Source line of the first node of $node: folio:line under folio,
       saxon:line-number under xsltproc, else 0. -->
  <xsl:template name="line">
    <xsl:param name="node" select="."/>
    <xsl:choose>
      <xsl:when test="function-available('folio:line')">
        <xsl:value-of select="folio:line($node)"/>
      </xsl:when>
      <xsl:when test="function-available('saxon:line-number')">
        <xsl:for-each select="$node[1]"><xsl:value-of select="saxon:line-number()"/></xsl:for-each>
      </xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
