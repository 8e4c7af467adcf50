<?xml version="1.0" encoding="UTF-8"?>
<!--
  protocol-rules.xsl — checks of a meeting protocol beyond its schema
  (quorum, votes, decision numbering, deadlines, officers, empty items,
  the items of an extract).

  folio applies it to the source after protocol.xsd has accepted it; the
  output is a list of
    <folio:diag code="PROTOCOL-…" severity="error|warning" line="N">message</folio:diag>
  which folio prints as FILE:LINE:COL: error|warning: message [code].
  Errors stop `folio validate` / `folio render` (exit 1) unless folio runs
  with its force option.
  Every rule, its code and its parameters: docs/rules.md.

  Runs under plain xsltproc too (parameters with its stringparam option);
  line numbers then come from saxon:line-number, which libexslt has.

  Messages are Russian; English when the root has xml:lang="en".
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:p="urn:folio:protocol"
                xmlns:folio="urn:folio:fo"
                xmlns:str="http://exslt.org/strings"
                xmlns:saxon="http://icl.com/saxon"
                exclude-result-prefixes="p str saxon">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- Quorum: the share of the body's members (<body members="N">) that
       must attend, in person or online: "1/2", "2/3", "0.5", "50%". -->
  <xsl:param name="quorum" select="'1/2'"/>
  <!-- more-than: more than that share (the usual "более половины");
       at-least: that share or more ("не менее двух третей"). -->
  <xsl:param name="quorum-rule" select="'more-than'"/>
  <!-- The same as the stylesheet's (protocol.xsl): the form to print and
       the items of an extract; empty: the root's form / extract. -->
  <xsl:param name="form" select="''"/>
  <xsl:param name="extract" select="''"/>

  <xsl:variable name="lang-en" select="starts-with(/*/@xml:lang, 'en')"/>
  <xsl:variable name="doc" select="/p:protocol"/>
  <xsl:variable name="meeting-date" select="normalize-space($doc/p:date)"/>
  <!-- Those who may vote: members present in person or online. -->
  <xsl:variable name="voters" select="$doc/p:present/* | $doc/p:online/*"/>
  <xsl:variable name="has-attendance" select="boolean($doc/p:present | $doc/p:online | $doc/p:invited)"/>

  <xsl:key name="person" match="p:people/p:person" use="@id"/>
  <xsl:key name="decision-n" match="p:decision[@n]" use="concat(generate-id(..), '|', normalize-space(@n))"/>
  <xsl:key name="attending" match="p:present/p:person | p:online/p:person | p:invited/p:person" use="@ref"/>
  <xsl:key name="listed" match="p:present/p:person | p:online/p:person | p:invited/p:person | p:absent/p:person" use="@ref"/>

  <!-- ============================================================== -->
  <!-- Driver                                                           -->
  <!-- ============================================================== -->

  <xsl:template match="/">
    <folio:diags>
      <xsl:for-each select="$doc">
        <xsl:call-template name="check-quorum"/>
        <xsl:call-template name="check-attendance"/>
        <xsl:call-template name="check-officers"/>
        <xsl:for-each select=".//p:speaker[@ref]">
          <xsl:call-template name="check-speaker"/>
        </xsl:for-each>
        <xsl:for-each select="p:agenda/p:item">
          <xsl:call-template name="check-item"/>
        </xsl:for-each>
        <xsl:for-each select=".//p:decision">
          <xsl:call-template name="check-decision"/>
        </xsl:for-each>
        <xsl:for-each select=".//p:vote">
          <xsl:call-template name="check-vote"/>
        </xsl:for-each>
        <xsl:for-each select=".//p:deadline[@date]">
          <xsl:call-template name="check-deadline"/>
        </xsl:for-each>
        <xsl:call-template name="check-signatures"/>
        <xsl:call-template name="check-extract"/>
      </xsl:for-each>
    </folio:diags>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- PROTOCOL-QUORUM, PROTOCOL-QUORUM-PARAM                           -->
  <!-- ============================================================== -->

  <xsl:template name="check-quorum">
    <!-- no attendance list: nothing to count -->
    <xsl:variable name="body" select="p:body[@members][../p:present or ../p:online]"/>
    <xsl:if test="$body">
      <xsl:variable name="q" select="translate(normalize-space($quorum), ',', '.')"/>
      <!-- The share as num/den, integers where possible (exact tests). -->
      <xsl:variable name="num">
        <xsl:choose>
          <xsl:when test="contains($q, '/')"><xsl:value-of select="number(substring-before($q, '/'))"/></xsl:when>
          <xsl:when test="substring($q, string-length($q)) = '%'"><xsl:value-of select="number(substring($q, 1, string-length($q) - 1))"/></xsl:when>
          <xsl:when test="contains($q, '.')"><xsl:value-of select="number(concat(substring-before($q, '.'), substring-after($q, '.')))"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="number($q)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="den">
        <xsl:choose>
          <xsl:when test="contains($q, '/')"><xsl:value-of select="number(substring-after($q, '/'))"/></xsl:when>
          <xsl:when test="substring($q, string-length($q)) = '%'">100</xsl:when>
          <xsl:when test="contains($q, '.')"><xsl:value-of select="number(substring('10000000000', 1, 1 + string-length(substring-after($q, '.'))))"/></xsl:when>
          <xsl:otherwise>1</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="members" select="number($body/@members)"/>
      <xsl:variable name="present" select="count($voters)"/>
      <xsl:choose>
        <xsl:when test="string(number($num)) = 'NaN' or string(number($den)) = 'NaN'
                        or not(number($den) > 0) or not(number($num) > 0) or number($num) > number($den)
                        or ($quorum-rule != 'at-least' and number($num) = number($den))
                        or not($quorum-rule = 'more-than' or $quorum-rule = 'at-least')">
          <xsl:call-template name="diag">
            <xsl:with-param name="code" select="'PROTOCOL-QUORUM-PARAM'"/>
            <xsl:with-param name="node" select="$body"/>
            <xsl:with-param name="ru">Кворум не проверен: параметр quorum="<xsl:value-of select="$quorum"/>" или quorum-rule="<xsl:value-of select="$quorum-rule"/>" не понят. Нужна доля от 0 до 1 (1/2, 2/3, 0.5, 50%) и правило more-than или at-least.</xsl:with-param>
            <xsl:with-param name="en">Quorum not checked: parameter quorum="<xsl:value-of select="$quorum"/>" or quorum-rule="<xsl:value-of select="$quorum-rule"/>" is not understood. Give a share between 0 and 1 (1/2, 2/3, 0.5, 50%) and the rule more-than or at-least.</xsl:with-param>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="needed">
            <xsl:choose>
              <xsl:when test="$quorum-rule = 'at-least'"><xsl:value-of select="ceiling(number($num) * $members div number($den))"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="floor(number($num) * $members div number($den)) + 1"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:if test="$present &lt; number($needed)">
            <xsl:call-template name="diag">
              <xsl:with-param name="code" select="'PROTOCOL-QUORUM'"/>
              <xsl:with-param name="node" select="$body"/>
              <xsl:with-param name="ru">Нет кворума: присутствуют <xsl:value-of select="$present"/> из <xsl:value-of select="$members"/> членов органа (&lt;present&gt; и &lt;online&gt;), а нужно не меньше <xsl:value-of select="$needed"/> (<xsl:choose><xsl:when test="$quorum-rule = 'at-least'">не менее</xsl:when><xsl:otherwise>более</xsl:otherwise></xsl:choose><xsl:text> </xsl:text><xsl:value-of select="$quorum"/> состава). Проверьте списки присутствующих и атрибут members у &lt;body&gt;.</xsl:with-param>
              <xsl:with-param name="en">No quorum: <xsl:value-of select="$present"/> of the body's <xsl:value-of select="$members"/> members attend (&lt;present&gt; and &lt;online&gt;), at least <xsl:value-of select="$needed"/> are needed (<xsl:choose><xsl:when test="$quorum-rule = 'at-least'">at least</xsl:when><xsl:otherwise>more than</xsl:otherwise></xsl:choose><xsl:text> </xsl:text><xsl:value-of select="$quorum"/> of the members). Check the attendance lists and the members attribute of &lt;body&gt;.</xsl:with-param>
            </xsl:call-template>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- PROTOCOL-ATTENDEE-TWICE                                          -->
  <!-- ============================================================== -->

  <xsl:template name="check-attendance">
    <xsl:for-each select="(p:present | p:online | p:invited | p:absent)/p:person">
      <xsl:variable name="first" select="key('listed', @ref)[1]"/>
      <xsl:if test="generate-id($first) != generate-id(.)">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'PROTOCOL-ATTENDEE-TWICE'"/>
          <xsl:with-param name="ru"><xsl:call-template name="name"/> уже записан(а) в списке &lt;<xsl:value-of select="local-name($first/..)"/>&gt; (строка <xsl:call-template name="line"><xsl:with-param name="node" select="$first"/></xsl:call-template>): каждый участник указывается в списках присутствующих и отсутствующих один раз.</xsl:with-param>
          <xsl:with-param name="en"><xsl:call-template name="name"/> is already listed in &lt;<xsl:value-of select="local-name($first/..)"/>&gt; (line <xsl:call-template name="line"><xsl:with-param name="node" select="$first"/></xsl:call-template>): list each participant once among those present and absent.</xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- PROTOCOL-CHAIR-ABSENT, PROTOCOL-SECRETARY-ABSENT                 -->
  <!-- ============================================================== -->

  <xsl:template name="check-officers">
    <xsl:if test="$has-attendance">
      <xsl:for-each select="p:chair[not(key('attending', @ref))]">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'PROTOCOL-CHAIR-ABSENT'"/>
          <xsl:with-param name="ru">Председатель <xsl:call-template name="name"/> не указан(а) среди присутствующих: добавьте &lt;person ref="<xsl:value-of select="@ref"/>"/&gt; в &lt;present&gt; или &lt;online&gt;.</xsl:with-param>
          <xsl:with-param name="en">The chair <xsl:call-template name="name"/> is not among those present: add &lt;person ref="<xsl:value-of select="@ref"/>"/&gt; to &lt;present&gt; or &lt;online&gt;.</xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="p:secretary[not(key('attending', @ref))]">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'PROTOCOL-SECRETARY-ABSENT'"/>
          <xsl:with-param name="ru">Секретарь <xsl:call-template name="name"/> не указан(а) среди присутствующих: добавьте &lt;person ref="<xsl:value-of select="@ref"/>"/&gt; в &lt;present&gt;, &lt;online&gt; или &lt;invited&gt;.</xsl:with-param>
          <xsl:with-param name="en">The secretary <xsl:call-template name="name"/> is not among those present: add &lt;person ref="<xsl:value-of select="@ref"/>"/&gt; to &lt;present&gt;, &lt;online&gt; or &lt;invited&gt;.</xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- PROTOCOL-SPEAKER-ABSENT                                          -->
  <!-- ============================================================== -->

  <xsl:template name="check-speaker">
    <xsl:if test="$has-attendance and not(key('attending', @ref))">
      <xsl:call-template name="diag">
        <xsl:with-param name="code" select="'PROTOCOL-SPEAKER-ABSENT'"/>
        <xsl:with-param name="severity" select="'warning'"/>
        <xsl:with-param name="ru">Докладчик <xsl:call-template name="name"/> не указан(а) ни в &lt;present&gt;, ни в &lt;online&gt;, ни в &lt;invited&gt;.</xsl:with-param>
        <xsl:with-param name="en">The speaker <xsl:call-template name="name"/> is in none of &lt;present&gt;, &lt;online&gt;, &lt;invited&gt;.</xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- PROTOCOL-ITEM-EMPTY, PROTOCOL-HEARD-EMPTY                        -->
  <!-- ============================================================== -->

  <xsl:template name="check-item">
    <xsl:choose>
      <xsl:when test="not(p:heard | p:spoke | p:text | p:decided)">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'PROTOCOL-ITEM-EMPTY'"/>
          <xsl:with-param name="severity" select="'warning'"/>
          <xsl:with-param name="ru">Вопрос <xsl:value-of select="position()"/> повестки («<xsl:call-template name="short"><xsl:with-param name="s" select="p:title"/></xsl:call-template>») пуст: нет ни СЛУШАЛИ (&lt;heard&gt;), ни ВЫСТУПИЛИ (&lt;spoke&gt;), ни текста (&lt;text&gt;), ни решения (&lt;decided&gt;).</xsl:with-param>
          <xsl:with-param name="en">Agenda item <xsl:value-of select="position()"/> ("<xsl:call-template name="short"><xsl:with-param name="s" select="p:title"/></xsl:call-template>") is empty: it has no &lt;heard&gt;, &lt;spoke&gt;, &lt;text&gt; or &lt;decided&gt;.</xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="p:heard[not(*) and normalize-space(.) = '']">
          <xsl:call-template name="diag">
            <xsl:with-param name="code" select="'PROTOCOL-HEARD-EMPTY'"/>
            <xsl:with-param name="ru">Пустой &lt;heard&gt; (СЛУШАЛИ): укажите докладчика &lt;speaker&gt; и (или) содержание доклада &lt;p&gt;, или удалите элемент.</xsl:with-param>
            <xsl:with-param name="en">Empty &lt;heard&gt;: give the &lt;speaker&gt; and/or the report's summary &lt;p&gt;, or remove the element.</xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Decisions: PROTOCOL-DECISION-EMPTY, -DUP, -GAP, -N-MIXED         -->
  <!-- ============================================================== -->

  <xsl:template name="check-decision">
    <xsl:if test="not(*) and normalize-space(.) = ''">
      <xsl:call-template name="diag">
        <xsl:with-param name="code" select="'PROTOCOL-DECISION-EMPTY'"/>
        <xsl:with-param name="ru">Пустой пункт решения &lt;decision&gt;: напишите текст решения или удалите пункт.</xsl:with-param>
        <xsl:with-param name="en">Empty &lt;decision&gt;: write the decision or remove it.</xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="@n">
        <xsl:variable name="n" select="normalize-space(@n)"/>
        <xsl:variable name="first" select="key('decision-n', concat(generate-id(..), '|', $n))[1]"/>
        <xsl:variable name="dup" select="$first[generate-id() != generate-id(current())]"/>
        <xsl:variable name="prev" select="preceding-sibling::p:decision[1]"/>
        <xsl:choose>
          <xsl:when test="$dup">
            <xsl:call-template name="diag">
              <xsl:with-param name="code" select="'PROTOCOL-DECISION-DUP'"/>
              <xsl:with-param name="severity" select="'warning'"/>
              <xsl:with-param name="ru">Номер пункта решения <xsl:value-of select="$n"/> повторяется (он уже есть в строке <xsl:call-template name="line"><xsl:with-param name="node" select="$dup"/></xsl:call-template>). Если так в подлиннике, оставьте; иначе исправьте n.</xsl:with-param>
              <xsl:with-param name="en">Decision number <xsl:value-of select="$n"/> is used twice (also on line <xsl:call-template name="line"><xsl:with-param name="node" select="$dup"/></xsl:call-template>). Keep it if the original says so; otherwise fix n.</xsl:with-param>
            </xsl:call-template>
          </xsl:when>
          <xsl:when test="not($prev) or $prev/@n">
            <xsl:variable name="expected">
              <xsl:call-template name="next-number">
                <xsl:with-param name="prev" select="normalize-space($prev/@n)"/>
                <xsl:with-param name="n0" select="$n"/>
              </xsl:call-template>
            </xsl:variable>
            <xsl:if test="$expected != '' and $expected != $n and concat($expected, '.') != $n">
              <xsl:call-template name="diag">
                <xsl:with-param name="code" select="'PROTOCOL-DECISION-GAP'"/>
                <xsl:with-param name="severity" select="'warning'"/>
                <xsl:with-param name="ru">Пункт решения <xsl:value-of select="$n"/> идёт <xsl:choose><xsl:when test="$prev">после пункта <xsl:value-of select="normalize-space($prev/@n)"/></xsl:when><xsl:otherwise>первым</xsl:otherwise></xsl:choose>: ожидался номер <xsl:value-of select="$expected"/>. Если так в подлиннике, оставьте; иначе исправьте n.</xsl:with-param>
                <xsl:with-param name="en">Decision <xsl:value-of select="$n"/> comes <xsl:choose><xsl:when test="$prev">after decision <xsl:value-of select="normalize-space($prev/@n)"/></xsl:when><xsl:otherwise>first</xsl:otherwise></xsl:choose>: expected number <xsl:value-of select="$expected"/>. Keep it if the original says so; otherwise fix n.</xsl:with-param>
              </xsl:call-template>
            </xsl:if>
          </xsl:when>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="../p:decision[@n] and not(preceding-sibling::p:decision[not(@n)])">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'PROTOCOL-DECISION-N-MIXED'"/>
          <xsl:with-param name="severity" select="'warning'"/>
          <xsl:with-param name="ru">У этого пункта решения нет номера n, а у других пунктов того же блока &lt;decided&gt; есть: задайте n у всех пунктов блока или ни у одного.</xsl:with-param>
          <xsl:with-param name="en">This decision has no n while others in the same &lt;decided&gt; do: give n to all decisions of the block or to none.</xsl:with-param>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The number expected after $prev ("" = first of its block), in the
       form of $n: "4" after "3", "2.2" after "2.1", "1" or "2.1" first.
       Empty when it cannot be told (non-numeric parts). -->
  <xsl:template name="next-number">
    <xsl:param name="prev"/>
    <xsl:param name="n0"/>
    <!-- "4." counts as "4" -->
    <xsl:variable name="n" select="substring($n0, 1, string-length($n0) - (substring($n0, string-length($n0)) = '.'))"/>
    <xsl:variable name="n-last" select="str:tokenize($n, '.')[last()]"/>
    <xsl:variable name="n-head" select="substring($n, 1, string-length($n) - string-length($n-last))"/>
    <xsl:choose>
      <xsl:when test="$prev = ''">
        <xsl:if test="translate($n-last, '0123456789', '') = ''">
          <xsl:value-of select="concat($n-head, '1')"/>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="p" select="substring($prev, 1, string-length($prev) - (substring($prev, string-length($prev)) = '.'))"/>
        <xsl:variable name="p-last" select="str:tokenize($p, '.')[last()]"/>
        <xsl:variable name="p-head" select="substring($p, 1, string-length($p) - string-length($p-last))"/>
        <xsl:if test="string($p-last) != '' and translate($p-last, '0123456789', '') = ''
                      and translate($n-last, '0123456789', '') = '' and $p-head = $n-head">
          <xsl:value-of select="concat($p-head, number($p-last) + 1)"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Votes: PROTOCOL-VOTE-COUNT, -RESULT, -UNANIMOUS, -CASTING        -->
  <!-- ============================================================== -->

  <xsl:template name="check-vote">
    <xsl:variable name="for" select="sum(@for)"/>
    <xsl:variable name="against" select="sum(@against)"/>
    <xsl:variable name="abstained" select="sum(@abstained)"/>
    <xsl:variable name="counted" select="boolean(@for | @against | @abstained)"/>
    <xsl:variable name="unanimous" select="@unanimous = 'true' or @unanimous = '1'"/>
    <xsl:variable name="tie" select="$counted and $for = $against"/>

    <xsl:if test="$counted and ($doc/p:present or $doc/p:online)
                  and $for + $against + $abstained > count($voters)">
      <xsl:call-template name="diag">
        <xsl:with-param name="code" select="'PROTOCOL-VOTE-COUNT'"/>
        <xsl:with-param name="ru">Голосов больше, чем присутствующих: «за» <xsl:value-of select="$for"/> + «против» <xsl:value-of select="$against"/> + «воздержались» <xsl:value-of select="$abstained"/> = <xsl:value-of select="$for + $against + $abstained"/>, а в &lt;present&gt; и &lt;online&gt; <xsl:value-of select="count($voters)"/>.</xsl:with-param>
        <xsl:with-param name="en">More votes than members present: for <xsl:value-of select="$for"/> + against <xsl:value-of select="$against"/> + abstained <xsl:value-of select="$abstained"/> = <xsl:value-of select="$for + $against + $abstained"/>, but &lt;present&gt; and &lt;online&gt; list <xsl:value-of select="count($voters)"/>.</xsl:with-param>
      </xsl:call-template>
    </xsl:if>

    <xsl:choose>
      <xsl:when test="$unanimous and ($against > 0 or $abstained > 0 or @result = 'rejected')">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'PROTOCOL-VOTE-UNANIMOUS'"/>
          <xsl:with-param name="ru">Голосование отмечено как единогласное (unanimous="true"), но <xsl:choose><xsl:when test="@result = 'rejected'">решение не принято (result="rejected")</xsl:when><xsl:otherwise>«против» <xsl:value-of select="$against"/>, «воздержались» <xsl:value-of select="$abstained"/></xsl:otherwise></xsl:choose>.</xsl:with-param>
          <xsl:with-param name="en">The vote is marked unanimous (unanimous="true") but <xsl:choose><xsl:when test="@result = 'rejected'">the decision is rejected (result="rejected")</xsl:when><xsl:otherwise>against <xsl:value-of select="$against"/>, abstained <xsl:value-of select="$abstained"/></xsl:otherwise></xsl:choose>.</xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@result = 'adopted' and (@for or @against)
                      and not($for > $against or ($tie and $for > 0 and @casting = 'for'))">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'PROTOCOL-VOTE-RESULT'"/>
          <xsl:with-param name="ru">Решение отмечено принятым (result="adopted"), но «за» <xsl:value-of select="$for"/>, «против» <xsl:value-of select="$against"/>: <xsl:choose><xsl:when test="$tie and $for > 0">при равенстве голосов решение принимается, только если решающий голос председательствующего «за» — укажите casting="for" или исправьте result.</xsl:when><xsl:otherwise>большинства «за» нет.</xsl:otherwise></xsl:choose></xsl:with-param>
          <xsl:with-param name="en">The decision is marked adopted (result="adopted") but for <xsl:value-of select="$for"/>, against <xsl:value-of select="$against"/>: <xsl:choose><xsl:when test="$tie and $for > 0">on a tie it is adopted only with the chair's casting vote for it — add casting="for" or fix result.</xsl:when><xsl:otherwise>there is no majority for it.</xsl:otherwise></xsl:choose></xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@result = 'rejected' and (@for or @against)
                      and ($for > $against or ($tie and $for > 0 and @casting = 'for'))">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'PROTOCOL-VOTE-RESULT'"/>
          <xsl:with-param name="ru">Решение отмечено непринятым (result="rejected"), но «за» <xsl:value-of select="$for"/>, «против» <xsl:value-of select="$against"/><xsl:if test="$tie">, и решающий голос председательствующего «за»</xsl:if>: большинство «за».</xsl:with-param>
          <xsl:with-param name="en">The decision is marked rejected (result="rejected") but for <xsl:value-of select="$for"/>, against <xsl:value-of select="$against"/><xsl:if test="$tie">, and the chair's casting vote is for it</xsl:if>: the majority is for it.</xsl:with-param>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>

    <xsl:if test="@casting and not($tie and $for > 0)">
      <xsl:call-template name="diag">
        <xsl:with-param name="code" select="'PROTOCOL-VOTE-CASTING'"/>
        <xsl:with-param name="severity" select="'warning'"/>
        <xsl:with-param name="ru">Решающий голос председательствующего (casting) учитывается только при равенстве голосов «за» и «против»<xsl:if test="$counted">, а здесь «за» <xsl:value-of select="$for"/>, «против» <xsl:value-of select="$against"/></xsl:if>.</xsl:with-param>
        <xsl:with-param name="en">The chair's casting vote (casting) only counts when for and against are equal<xsl:if test="$counted">; here for <xsl:value-of select="$for"/>, against <xsl:value-of select="$against"/></xsl:if>.</xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- PROTOCOL-DEADLINE-PAST                                           -->
  <!-- ============================================================== -->

  <xsl:template name="check-deadline">
    <xsl:variable name="d" select="normalize-space(@date)"/>
    <xsl:if test="$meeting-date != '' and number(translate($d, '-', '')) &lt; number(translate($meeting-date, '-', ''))">
      <xsl:call-template name="diag">
        <xsl:with-param name="code" select="'PROTOCOL-DEADLINE-PAST'"/>
        <xsl:with-param name="ru">Срок <xsl:call-template name="date"><xsl:with-param name="d" select="$d"/></xsl:call-template> раньше даты заседания <xsl:call-template name="date"><xsl:with-param name="d" select="$meeting-date"/></xsl:call-template>.</xsl:with-param>
        <xsl:with-param name="en">Deadline <xsl:value-of select="$d"/> is before the meeting date <xsl:value-of select="$meeting-date"/>.</xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- PROTOCOL-NO-SIGNATURES, PROTOCOL-UNSIGNED                        -->
  <!-- ============================================================== -->

  <xsl:template name="check-signatures">
    <xsl:choose>
      <xsl:when test="not(p:signatures)">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'PROTOCOL-NO-SIGNATURES'"/>
          <xsl:with-param name="severity" select="'warning'"/>
          <xsl:with-param name="ru">В протоколе нет подписей: протокол подписывают председатель и секретарь — добавьте &lt;signatures&gt; в конце.</xsl:with-param>
          <xsl:with-param name="en">The protocol has no signatures: the chair and the secretary sign it — add &lt;signatures&gt; at the end.</xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="signs" select="p:signatures/p:sign"/>
        <xsl:for-each select="(p:chair | p:secretary)[not(@ref = $signs/@ref)]">
          <xsl:call-template name="diag">
            <xsl:with-param name="code" select="'PROTOCOL-UNSIGNED'"/>
            <xsl:with-param name="severity" select="'warning'"/>
            <xsl:with-param name="ru"><xsl:choose><xsl:when test="self::p:chair">Председатель</xsl:when><xsl:otherwise>Секретарь</xsl:otherwise></xsl:choose><xsl:text> </xsl:text><xsl:call-template name="name"/> не подписывает протокол: добавьте &lt;sign ref="<xsl:value-of select="@ref"/>"/&gt; в &lt;signatures&gt;.</xsl:with-param>
            <xsl:with-param name="en">The <xsl:choose><xsl:when test="self::p:chair">chair</xsl:when><xsl:otherwise>secretary</xsl:otherwise></xsl:choose><xsl:text> </xsl:text><xsl:call-template name="name"/> does not sign the protocol: add &lt;sign ref="<xsl:value-of select="@ref"/>"/&gt; to &lt;signatures&gt;.</xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- PROTOCOL-EXTRACT-ITEM, PROTOCOL-EXTRACT-NO-DECISION              -->
  <!-- ============================================================== -->

  <!-- An extract (form="extract", or the parameter form=extract) must name
       existing agenda items (extract="2 3", or the parameter extract);
       a decision's item="N" must name an existing item (and, inside an
       item, that item).  Warning when an item of the extract has no
       decision to print while the protocol-level decisions are not
       linked to items. -->
  <xsl:template name="check-extract">
    <xsl:variable name="items" select="p:agenda/p:item"/>
    <xsl:variable name="n-items" select="count($items)"/>
    <xsl:variable name="is-extract"
                  select="$form = 'extract' or (not($form = 'full' or $form = 'short') and @form = 'extract')"/>
    <xsl:variable name="list">
      <xsl:choose>
        <xsl:when test="normalize-space($extract) != ''"><xsl:value-of select="normalize-space(translate($extract, ',;', '  '))"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space(@extract)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="root" select="."/>
    <xsl:if test="$is-extract">
      <xsl:if test="$list = ''">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'PROTOCOL-EXTRACT-ITEM'"/>
          <xsl:with-param name="ru">Выписка из протокола (form="extract") не называет ни одного вопроса повестки: укажите их номера в атрибуте extract, например extract="2".</xsl:with-param>
          <xsl:with-param name="en">The extract (form="extract") names no agenda item: give their numbers in the extract attribute, e.g. extract="2".</xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:for-each select="str:tokenize($list, ' ')">
        <xsl:variable name="k" select="string(.)"/>
        <xsl:choose>
          <xsl:when test="string(number($k)) != $k or not(number($k) >= 1) or number($k) > $n-items">
            <xsl:for-each select="$root">
              <xsl:call-template name="diag">
                <xsl:with-param name="code" select="'PROTOCOL-EXTRACT-ITEM'"/>
                <xsl:with-param name="ru">Выписка называет вопрос <xsl:value-of select="$k"/> (extract), а в повестке <xsl:call-template name="items-ru"><xsl:with-param name="n" select="$n-items"/></xsl:call-template>: такого вопроса нет. Исправьте номер в <xsl:choose><xsl:when test="normalize-space($extract) != ''">параметре</xsl:when><xsl:otherwise>атрибуте</xsl:otherwise></xsl:choose> extract.</xsl:with-param>
                <xsl:with-param name="en">The extract names item <xsl:value-of select="$k"/> (extract) but the agenda has <xsl:value-of select="$n-items"/> item<xsl:if test="$n-items != 1">s</xsl:if>: there is no such item. Fix the number in the extract <xsl:choose><xsl:when test="normalize-space($extract) != ''">parameter</xsl:when><xsl:otherwise>attribute</xsl:otherwise></xsl:choose>.</xsl:with-param>
              </xsl:call-template>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="item" select="$items[number($k)]"/>
            <xsl:if test="not($item/p:decided)
                          and not($root/p:decided/p:decision[number(@item) = number($k)])
                          and $root/p:decided/p:decision[not(@item)]">
              <xsl:for-each select="$item">
                <xsl:call-template name="diag">
                  <xsl:with-param name="code" select="'PROTOCOL-EXTRACT-NO-DECISION'"/>
                  <xsl:with-param name="severity" select="'warning'"/>
                  <xsl:with-param name="ru">В выписке вопрос <xsl:value-of select="$k"/> останется без решения: у него нет своего &lt;decided&gt;, а пункты общего блока решений (&lt;decided&gt; после &lt;/agenda&gt;) не отнесены к вопросам. Укажите item="<xsl:value-of select="$k"/>" у пунктов, принятых по этому вопросу.</xsl:with-param>
                  <xsl:with-param name="en">In the extract item <xsl:value-of select="$k"/> has no decision: it has no &lt;decided&gt; of its own and the protocol-level decisions (&lt;decided&gt; after &lt;/agenda&gt;) are not linked to items. Add item="<xsl:value-of select="$k"/>" to the decisions taken on it.</xsl:with-param>
                </xsl:call-template>
              </xsl:for-each>
            </xsl:if>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:if>
    <xsl:for-each select=".//p:decision[@item]">
      <xsl:variable name="k" select="number(@item)"/>
      <xsl:variable name="own" select="ancestor::p:item[1]"/>
      <xsl:choose>
        <xsl:when test="$k > $n-items">
          <xsl:call-template name="diag">
            <xsl:with-param name="code" select="'PROTOCOL-EXTRACT-ITEM'"/>
            <xsl:with-param name="ru">Пункт решения отнесён к вопросу <xsl:value-of select="$k"/> (item), а в повестке <xsl:call-template name="items-ru"><xsl:with-param name="n" select="$n-items"/></xsl:call-template>: такого вопроса нет.</xsl:with-param>
            <xsl:with-param name="en">The decision belongs to item <xsl:value-of select="$k"/> (item) but the agenda has <xsl:value-of select="$n-items"/> item<xsl:if test="$n-items != 1">s</xsl:if>: there is no such item.</xsl:with-param>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$own and $k != count($own/preceding-sibling::p:item) + 1">
          <xsl:call-template name="diag">
            <xsl:with-param name="code" select="'PROTOCOL-EXTRACT-ITEM'"/>
            <xsl:with-param name="ru">Пункт решения вопроса <xsl:value-of select="count($own/preceding-sibling::p:item) + 1"/> отнесён к вопросу <xsl:value-of select="$k"/> (item): внутри &lt;item&gt; атрибут item не нужен — удалите его.</xsl:with-param>
            <xsl:with-param name="en">A decision of item <xsl:value-of select="count($own/preceding-sibling::p:item) + 1"/> says it belongs to item <xsl:value-of select="$k"/> (item): inside &lt;item&gt; the attribute is not needed — remove it.</xsl:with-param>
          </xsl:call-template>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- "3 вопроса", "1 вопрос", "5 вопросов" -->
  <xsl:template name="items-ru">
    <xsl:param name="n"/>
    <xsl:value-of select="$n"/>
    <xsl:choose>
      <xsl:when test="$n mod 100 >= 11 and $n mod 100 &lt;= 14"> вопросов</xsl:when>
      <xsl:when test="$n mod 10 = 1"> вопрос</xsl:when>
      <xsl:when test="$n mod 10 >= 2 and $n mod 10 &lt;= 4"> вопроса</xsl:when>
      <xsl:otherwise> вопросов</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Helpers                                                          -->
  <!-- ============================================================== -->

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

  <!-- "Фамилия И.О." of the person the context element's @ref names. -->
  <xsl:template name="name">
    <xsl:variable name="p" select="key('person', @ref)"/>
    <xsl:choose>
      <xsl:when test="$p">
        <xsl:value-of select="normalize-space($p/p:surname)"/>
        <xsl:text> </xsl:text>
        <xsl:choose>
          <xsl:when test="$p/p:initials"><xsl:value-of select="normalize-space($p/p:initials)"/></xsl:when>
          <xsl:otherwise>
            <xsl:if test="$p/p:name"><xsl:value-of select="concat(substring(normalize-space($p/p:name), 1, 1), '.')"/></xsl:if>
            <xsl:if test="$p/p:patronymic"><xsl:value-of select="concat(substring(normalize-space($p/p:patronymic), 1, 1), '.')"/></xsl:if>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="@ref"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ISO date as DD.MM.YYYY. -->
  <xsl:template name="date">
    <xsl:param name="d"/>
    <xsl:value-of select="concat(substring($d, 9, 2), '.', substring($d, 6, 2), '.', substring($d, 1, 4))"/>
  </xsl:template>

  <!-- The first 60 characters of $s. -->
  <xsl:template name="short">
    <xsl:param name="s"/>
    <xsl:variable name="t" select="normalize-space($s)"/>
    <xsl:choose>
      <xsl:when test="string-length($t) > 60"><xsl:value-of select="concat(substring($t, 1, 57), '…')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
