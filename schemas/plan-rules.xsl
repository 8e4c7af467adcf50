<?xml version="1.0" encoding="UTF-8"?>
<!--
  plan-rules.xsl — checks of a work plan beyond its schema: the period,
  the deadlines against the period, the numbering of the measures, the
  responsible persons.

  folio applies it to the source after plan.xsd has accepted it
  (src/pipeline.c check_rules); the output is a list of
    <folio:diag code="PLAN-…" severity="error|warning" line="N">message</folio:diag>
  which folio prints as FILE:LINE:COL: error|warning: message [code].
  Errors stop `folio validate` / `folio render` (exit 1) unless folio runs
  with its force option.  The rules and their codes: docs/plan.md
  ("Проверки").  Messages are Russian; English when the root has
  xml:lang="en".

  The checks of the table of measures are named templates working on
  local names, so report-rules.xsl imports this module and runs them on a
  report's tables with its own code prefix (REPORT-…).  Measure numbers
  in the messages are computed as common.xsl prints them (the rules
  cannot import common.xsl: folio lets a rule stylesheet read files of
  its own directory only, and common.xsl reads stylesheets/labels-*.xml),
  and deadlines are quoted as the author wrote them.

  Runs under plain xsltproc too; lines then come from saxon:line-number.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:folio="urn:folio:fo"
                xmlns:saxon="http://icl.com/saxon"
                xmlns:pl="urn:folio:plan"
                exclude-result-prefixes="pl saxon">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- English messages for xml:lang="en", "en-GB", "EN" … (the same
       choice as common.xsl makes for the printed words). -->
  <xsl:variable name="lang-en"
                select="translate(substring(normalize-space(/*/@xml:lang), 1, 2), 'EN', 'en') = 'en'"/>

  <!-- ============================================================== -->
  <!-- Driver                                                           -->
  <!-- ============================================================== -->

  <xsl:template match="/">
    <folio:diags>
      <xsl:for-each select="pl:plan">
        <xsl:call-template name="rules-period">
          <xsl:with-param name="prefix" select="'PLAN'"/>
        </xsl:call-template>
        <xsl:for-each select="pl:measures">
          <xsl:call-template name="rules-measures">
            <xsl:with-param name="prefix" select="'PLAN'"/>
            <xsl:with-param name="period" select="../pl:period"/>
            <xsl:with-param name="need-deadline" select="true()"/>
            <xsl:with-param name="need-responsible"
                            select="not(@responsible = 'false' or @responsible = '0')"/>
            <xsl:with-param name="outside" select="'error'"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:for-each>
    </folio:diags>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- P-PERIOD-ORDER                                                   -->
  <!-- ============================================================== -->

  <!-- Context: the root element; its period. -->
  <xsl:template name="rules-period">
    <xsl:param name="prefix"/>
    <xsl:for-each select="*[local-name() = 'period']">
      <xsl:if test="number(translate(@end, '-', '')) &lt; number(translate(@start, '-', ''))">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="concat($prefix, '-PERIOD-ORDER')"/>
          <xsl:with-param name="ru">Период заканчивается раньше, чем начинается: start="<xsl:value-of select="@start"/>", end="<xsl:value-of select="@end"/>". Поменяйте даты местами.</xsl:with-param>
          <xsl:with-param name="en">The period ends before it starts: start="<xsl:value-of select="@start"/>", end="<xsl:value-of select="@end"/>". Swap the dates.</xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- The table of measures                                            -->
  <!-- ============================================================== -->

  <!-- Context: a measures element.
       $need-deadline     a measure without <deadline> is a warning;
       $need-responsible  a measure without <responsible> is an error;
       $outside           severity of a deadline outside the period
                          ('error' in a plan, 'warning' in a report, which
                          may list measures carried over). -->
  <xsl:template name="rules-measures">
    <xsl:param name="prefix"/>
    <xsl:param name="period"/>
    <xsl:param name="need-deadline" select="true()"/>
    <xsl:param name="need-responsible" select="true()"/>
    <xsl:param name="outside" select="'error'"/>
    <xsl:variable name="table" select="."/>
    <xsl:variable name="measures" select=".//*[local-name() = 'measure']"/>
    <xsl:variable name="continuous" select="@numbering = 'continuous'"/>

    <!-- groups: duplicate numbers -->
    <xsl:for-each select="*[local-name() = 'group'][@n]">
      <xsl:variable name="n" select="normalize-space(@n)"/>
      <xsl:variable name="dup" select="preceding-sibling::*[local-name() = 'group'][normalize-space(@n) = $n][1]"/>
      <xsl:if test="$dup">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="concat($prefix, '-GROUP-DUP')"/>
          <xsl:with-param name="ru">Номер раздела <xsl:value-of select="$n"/> повторяется (он уже есть в строке <xsl:call-template name="line"><xsl:with-param name="node" select="$dup"/></xsl:call-template>).</xsl:with-param>
          <xsl:with-param name="en">Group number <xsl:value-of select="$n"/> is used twice (also on line <xsl:call-template name="line"><xsl:with-param name="node" select="$dup"/></xsl:call-template>).</xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>

    <xsl:for-each select="$measures">
      <xsl:variable name="number">
        <xsl:call-template name="rules-measure-number"/>
      </xsl:variable>

      <!-- numbering -->
      <xsl:call-template name="rules-measure-numbering">
        <xsl:with-param name="prefix" select="$prefix"/>
        <xsl:with-param name="table" select="$table"/>
        <xsl:with-param name="continuous" select="$continuous"/>
      </xsl:call-template>

      <!-- name -->
      <xsl:if test="not(*[local-name() = 'name']/*) and normalize-space(*[local-name() = 'name']) = ''">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="concat($prefix, '-NAME-EMPTY')"/>
          <xsl:with-param name="node" select="*[local-name() = 'name']"/>
          <xsl:with-param name="ru">У мероприятия <xsl:value-of select="$number"/> пустое наименование &lt;name&gt;.</xsl:with-param>
          <xsl:with-param name="en">Measure <xsl:value-of select="$number"/> has an empty &lt;name&gt;.</xsl:with-param>
        </xsl:call-template>
      </xsl:if>

      <!-- responsible -->
      <xsl:variable name="resp" select="*[local-name() = 'responsible']"/>
      <xsl:for-each select="$resp[not(@ref) and normalize-space(.) = '']">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="concat($prefix, '-RESPONSIBLE-EMPTY')"/>
          <xsl:with-param name="ru">Пустой &lt;responsible&gt; у мероприятия <xsl:value-of select="$number"/>: укажите человека (ref="id" из &lt;people&gt;) или напишите ответственного текстом.</xsl:with-param>
          <xsl:with-param name="en">Empty &lt;responsible&gt; in measure <xsl:value-of select="$number"/>: give a person (ref="id" from &lt;people&gt;) or write who is responsible.</xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:if test="$need-responsible and not($resp)">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="concat($prefix, '-RESPONSIBLE-EMPTY')"/>
          <xsl:with-param name="ru">У мероприятия <xsl:value-of select="$number"/> не указан ответственный: добавьте &lt;responsible ref="…"/&gt; после срока (или responsible="false" у &lt;measures&gt;, если графы «Ответственные» в плане нет).</xsl:with-param>
          <xsl:with-param name="en">Measure <xsl:value-of select="$number"/> has no one responsible: add &lt;responsible ref="…"/&gt; after the deadline (or responsible="false" on &lt;measures&gt; if the plan has no such column).</xsl:with-param>
        </xsl:call-template>
      </xsl:if>

      <!-- deadline -->
      <xsl:variable name="deadline" select="*[local-name() = 'deadline']"/>
      <xsl:if test="$need-deadline and (not($deadline)
                    or (normalize-space($deadline) = '' and not($deadline/@*)))">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="concat($prefix, '-DEADLINE-MISSING')"/>
          <xsl:with-param name="severity" select="'warning'"/>
          <xsl:with-param name="node" select="($deadline | .)[1]"/>
          <xsl:with-param name="ru">У мероприятия <xsl:value-of select="$number"/> не указан срок исполнения (&lt;deadline&gt;).</xsl:with-param>
          <xsl:with-param name="en">Measure <xsl:value-of select="$number"/> has no deadline (&lt;deadline&gt;).</xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:for-each select="$deadline">
        <xsl:call-template name="rules-deadline">
          <xsl:with-param name="prefix" select="$prefix"/>
          <xsl:with-param name="period" select="$period"/>
          <xsl:with-param name="number" select="$number"/>
          <xsl:with-param name="outside" select="$outside"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- The printed number of a measure (context) without its final
       period: "1.3" — as common.xsl folio-measure-number makes it. -->
  <xsl:template name="rules-measure-number">
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
          <xsl:call-template name="rules-group-number"/>
        </xsl:for-each>
        <xsl:value-of select="concat('.', count(preceding-sibling::*[local-name() = 'measure']) + 1)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="count(preceding-sibling::*[local-name() = 'measure'
                                                          or local-name() = 'group']) + 1"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Number of a group (context), as common.xsl prints it. -->
  <xsl:template name="rules-group-number">
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

  <!-- Explicit numbers (n) of the measures of one table (context: a
       measure): -NUMBER-MISSING  some measures have n, this one (the first
                                  such) has not — error;
                 -NUMBER-DUP      the same n twice — error;
                 -NUMBER-GAP      n is not the one after the previous
                                  measure's — warning;
                 -NUMBER-GROUP    "2.1" in group 1 — warning. -->
  <xsl:template name="rules-measure-numbering">
    <xsl:param name="prefix"/>
    <xsl:param name="table"/>
    <xsl:param name="continuous"/>
    <xsl:variable name="here" select="."/>
    <xsl:variable name="all" select="$table//*[local-name() = 'measure']"/>
    <!-- the measures of this table before this one -->
    <xsl:variable name="tid" select="generate-id($table)"/>
    <xsl:variable name="before"
                  select="preceding::*[local-name() = 'measure']
                          [generate-id(ancestor::*[local-name() = 'measures'][1]) = $tid]"/>
    <xsl:choose>
      <xsl:when test="not(@n)">
        <xsl:if test="$all[@n] and not($before[not(@n)])">
          <xsl:variable name="others" select="count($all[not(@n)]) - 1"/>
          <xsl:variable name="n">
            <xsl:call-template name="rules-measure-number"/>
          </xsl:variable>
          <xsl:call-template name="diag">
            <xsl:with-param name="code" select="concat($prefix, '-NUMBER-MISSING')"/>
            <xsl:with-param name="ru">У этого мероприятия нет номера n, а у других мероприятий таблицы есть: задайте n у всех мероприятий или ни у одного (тогда folio пронумерует их сам)<xsl:if test="$others > 0">; без n еще <xsl:value-of select="$others"/></xsl:if>. Сейчас оно напечатается под номером <xsl:value-of select="$n"/>.</xsl:with-param>
            <xsl:with-param name="en">This measure has no n while other measures of the table do: give n to every measure or to none (folio then numbers them)<xsl:if test="$others > 0">; <xsl:value-of select="$others"/> more without n</xsl:if>. It would print as <xsl:value-of select="$n"/>.</xsl:with-param>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="n" select="normalize-space(@n)"/>
        <xsl:variable name="dup" select="$before[normalize-space(@n) = $n][1]"/>
        <xsl:variable name="group" select="parent::*[local-name() = 'group']"/>
        <xsl:variable name="group-n">
          <xsl:for-each select="$group">
            <xsl:call-template name="rules-group-number"/>
          </xsl:for-each>
        </xsl:variable>
        <xsl:variable name="prev-n">
          <xsl:choose>
            <xsl:when test="$group and not($continuous)">
              <xsl:value-of select="normalize-space(preceding-sibling::*[local-name() = 'measure'][1]/@n)"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="normalize-space($before[last()]/@n)"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="first" select="($group and not($continuous) and not(preceding-sibling::*[local-name() = 'measure']))
                                           or not($before)"/>
        <xsl:variable name="expected">
          <xsl:choose>
            <xsl:when test="$first and $group and not($continuous)">
              <xsl:value-of select="concat($group-n, '.1')"/>
            </xsl:when>
            <xsl:when test="$first">1</xsl:when>
            <xsl:when test="$prev-n != ''">
              <xsl:call-template name="rules-next-number">
                <xsl:with-param name="prev" select="$prev-n"/>
              </xsl:call-template>
            </xsl:when>
          </xsl:choose>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="$dup">
            <xsl:call-template name="diag">
              <xsl:with-param name="code" select="concat($prefix, '-NUMBER-DUP')"/>
              <xsl:with-param name="ru">Номер мероприятия <xsl:value-of select="$n"/> повторяется (он уже есть в строке <xsl:call-template name="line"><xsl:with-param name="node" select="$dup"/></xsl:call-template>).</xsl:with-param>
              <xsl:with-param name="en">Measure number <xsl:value-of select="$n"/> is used twice (also on line <xsl:call-template name="line"><xsl:with-param name="node" select="$dup"/></xsl:call-template>).</xsl:with-param>
            </xsl:call-template>
          </xsl:when>
          <xsl:when test="$group and not($continuous) and not(starts-with($n, concat($group-n, '.')))">
            <xsl:call-template name="diag">
              <xsl:with-param name="code" select="concat($prefix, '-NUMBER-GROUP')"/>
              <xsl:with-param name="severity" select="'warning'"/>
              <xsl:with-param name="ru">Мероприятие <xsl:value-of select="$n"/> стоит в разделе <xsl:value-of select="$group-n"/>: ожидался номер вида <xsl:value-of select="$group-n"/>.N. Если так в подлиннике, оставьте; иначе исправьте n.</xsl:with-param>
              <xsl:with-param name="en">Measure <xsl:value-of select="$n"/> is in group <xsl:value-of select="$group-n"/>: expected a number <xsl:value-of select="$group-n"/>.N. Keep it if the original says so; otherwise fix n.</xsl:with-param>
            </xsl:call-template>
          </xsl:when>
          <xsl:when test="$expected != '' and $expected != $n">
            <xsl:call-template name="diag">
              <xsl:with-param name="code" select="concat($prefix, '-NUMBER-GAP')"/>
              <xsl:with-param name="severity" select="'warning'"/>
              <xsl:with-param name="ru">Мероприятие <xsl:value-of select="$n"/> идёт <xsl:choose><xsl:when test="$first">первым</xsl:when><xsl:otherwise>после мероприятия <xsl:value-of select="$prev-n"/></xsl:otherwise></xsl:choose>: ожидался номер <xsl:value-of select="$expected"/> (номер пропущен?). Если так в подлиннике, оставьте; иначе исправьте n.</xsl:with-param>
              <xsl:with-param name="en">Measure <xsl:value-of select="$n"/> comes <xsl:choose><xsl:when test="$first">first</xsl:when><xsl:otherwise>after measure <xsl:value-of select="$prev-n"/></xsl:otherwise></xsl:choose>: expected number <xsl:value-of select="$expected"/> (a number skipped?). Keep it if the original says so; otherwise fix n.</xsl:with-param>
            </xsl:call-template>
          </xsl:when>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "1.4" after "1.3", "5" after "4"; empty when the last part is not
       a number. -->
  <xsl:template name="rules-next-number">
    <xsl:param name="prev"/>
    <xsl:param name="head" select="''"/>
    <xsl:choose>
      <xsl:when test="contains($prev, '.')">
        <xsl:call-template name="rules-next-number">
          <xsl:with-param name="prev" select="substring-after($prev, '.')"/>
          <xsl:with-param name="head" select="concat($head, substring-before($prev, '.'), '.')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$prev != '' and translate($prev, '0123456789', '') = ''">
        <xsl:value-of select="concat($head, number($prev) + 1)"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Deadlines: -DEADLINE-OUTSIDE, -DEADLINE-PARTLY, -DEADLINE-ORDER, -->
  <!-- -DEADLINE-MIXED                                                  -->
  <!-- ============================================================== -->

  <!-- Context: a deadline.  Its span [from, to] as yyyymmdd numbers,
       from the same attribute the stylesheet prints (on, by, from/to,
       quarter, month — in that order); compared with the period. -->
  <xsl:template name="rules-deadline">
    <xsl:param name="prefix"/>
    <xsl:param name="period"/>
    <xsl:param name="number"/>
    <xsl:param name="outside" select="'error'"/>
    <xsl:variable name="ps" select="number(translate($period/@start, '-', ''))"/>
    <xsl:variable name="pe" select="number(translate($period/@end, '-', ''))"/>
    <xsl:variable name="year">
      <xsl:choose>
        <xsl:when test="@year">
          <xsl:value-of select="normalize-space(@year)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="substring($period/@start, 1, 4)"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="kinds" select="boolean(@on) + boolean(@by) + boolean(@from | @to)
                                       + boolean(@quarter) + boolean(@month)"/>
    <!-- first and last month of a quarter or a month -->
    <xsl:variable name="m1">
      <xsl:choose>
        <xsl:when test="@quarter">
          <xsl:value-of select="format-number((@quarter - 1) * 3 + 1, '00')"/>
        </xsl:when>
        <xsl:when test="@month">
          <xsl:value-of select="format-number(@month, '00')"/>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="m2">
      <xsl:choose>
        <xsl:when test="@quarter">
          <xsl:value-of select="format-number(@quarter * 3, '00')"/>
        </xsl:when>
        <xsl:when test="@month">
          <xsl:value-of select="format-number(@month, '00')"/>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="last-day">
      <xsl:if test="$m2 != ''">
        <xsl:call-template name="rules-month-days">
          <xsl:with-param name="y" select="number($year)"/>
          <xsl:with-param name="m" select="$m2"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="a">
      <xsl:choose>
        <xsl:when test="@on"><xsl:value-of select="translate(@on, '-', '')"/></xsl:when>
        <xsl:when test="@by"><xsl:value-of select="translate(@by, '-', '')"/></xsl:when>
        <xsl:when test="@from"><xsl:value-of select="translate(@from, '-', '')"/></xsl:when>
        <xsl:when test="@to"><xsl:value-of select="translate(@to, '-', '')"/></xsl:when>
        <xsl:when test="$m1 != ''"><xsl:value-of select="concat($year, $m1, '01')"/></xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="b">
      <xsl:choose>
        <xsl:when test="@on"><xsl:value-of select="translate(@on, '-', '')"/></xsl:when>
        <xsl:when test="@by"><xsl:value-of select="translate(@by, '-', '')"/></xsl:when>
        <xsl:when test="@to"><xsl:value-of select="translate(@to, '-', '')"/></xsl:when>
        <xsl:when test="@from"><xsl:value-of select="translate(@from, '-', '')"/></xsl:when>
        <xsl:when test="$m2 != ''"><xsl:value-of select="concat($year, $m2, $last-day)"/></xsl:when>
      </xsl:choose>
    </xsl:variable>
    <!-- the deadline as the author wrote it: on="2026-03-01" -->
    <xsl:variable name="printed">
      <xsl:for-each select="@on | @by | @from | @to | @quarter | @month | @year">
        <xsl:if test="position() > 1">
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:value-of select="concat(local-name(), '=&quot;', normalize-space(.), '&quot;')"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="span"
                  select="concat(substring($period/@start, 9, 2), '.', substring($period/@start, 6, 2), '.',
                                 substring($period/@start, 1, 4), '–',
                                 substring($period/@end, 9, 2), '.', substring($period/@end, 6, 2), '.',
                                 substring($period/@end, 1, 4))"/>
    <xsl:choose>
      <xsl:when test="@from and @to and number($b) &lt; number($a)">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="concat($prefix, '-DEADLINE-ORDER')"/>
          <xsl:with-param name="ru">Срок мероприятия <xsl:value-of select="$number"/> заканчивается раньше, чем начинается: from="<xsl:value-of select="@from"/>", to="<xsl:value-of select="@to"/>".</xsl:with-param>
          <xsl:with-param name="en">The deadline of measure <xsl:value-of select="$number"/> ends before it starts: from="<xsl:value-of select="@from"/>", to="<xsl:value-of select="@to"/>".</xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$a != '' and (number($b) &lt; $ps or number($a) > $pe)">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="concat($prefix, '-DEADLINE-OUTSIDE')"/>
          <xsl:with-param name="severity" select="$outside"/>
          <xsl:with-param name="ru">Срок мероприятия <xsl:value-of select="$number"/> (<xsl:value-of select="$printed"/><xsl:if test="(@quarter or @month) and not(@year)">, <xsl:value-of select="$year"/> г.</xsl:if>) выходит за период <xsl:value-of select="$span"/>.<xsl:if test="$outside = 'error'"> Исправьте срок или период (&lt;period&gt;).</xsl:if></xsl:with-param>
          <xsl:with-param name="en">The deadline of measure <xsl:value-of select="$number"/> (<xsl:value-of select="$printed"/><xsl:if test="(@quarter or @month) and not(@year)">, <xsl:value-of select="$year"/></xsl:if>) lies outside the period <xsl:value-of select="$span"/>.<xsl:if test="$outside = 'error'"> Fix the deadline or the &lt;period&gt;.</xsl:if></xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$a != '' and (number($a) &lt; $ps or number($b) > $pe)">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="concat($prefix, '-DEADLINE-PARTLY')"/>
          <xsl:with-param name="severity" select="'warning'"/>
          <xsl:with-param name="ru">Срок мероприятия <xsl:value-of select="$number"/> (<xsl:value-of select="$printed"/>) выходит за период <xsl:value-of select="$span"/> частично.</xsl:with-param>
          <xsl:with-param name="en">The deadline of measure <xsl:value-of select="$number"/> (<xsl:value-of select="$printed"/>) lies partly outside the period <xsl:value-of select="$span"/>.</xsl:with-param>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="$kinds > 1">
      <xsl:call-template name="diag">
        <xsl:with-param name="code" select="concat($prefix, '-DEADLINE-MIXED')"/>
        <xsl:with-param name="severity" select="'warning'"/>
        <xsl:with-param name="ru">У срока мероприятия <xsl:value-of select="$number"/> несколько видов атрибутов сразу (on, by, from/to, quarter, month): печатается и проверяется только первый из них (порядок: on, by, from/to, quarter, month). Оставьте один.</xsl:with-param>
        <xsl:with-param name="en">The deadline of measure <xsl:value-of select="$number"/> has several kinds of attributes (on, by, from/to, quarter, month): only the first of them is printed and checked (in the order on, by, from/to, quarter, month). Keep one.</xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Helpers                                                          -->
  <!-- ============================================================== -->

  <!-- Days in month $m ("01".."12") of year $y. -->
  <xsl:template name="rules-month-days">
    <xsl:param name="y"/>
    <xsl:param name="m"/>
    <xsl:choose>
      <xsl:when test="number($m) = 2 and (($y mod 4 = 0 and $y mod 100 != 0) or $y mod 400 = 0)">29</xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="substring('312831303130313130313031', 2 * number($m) - 1, 2)"/>
      </xsl:otherwise>
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
