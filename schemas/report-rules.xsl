<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-rules.xsl — checks of an annual report beyond its schema: the
  period, the key performance indicators (a target for every actual
  value, stated percentages against the computed ones, reasons for
  missed targets), the summary of the measures against the table, and
  the table of measures itself (numbering, statuses, deadlines against
  the reporting period).

  folio applies it to the source after report.xsd has accepted it
  (src/pipeline.c check_rules); the output is a list of
    <folio:diag code="REPORT-…" severity="error|warning" line="N">message</folio:diag>
  printed as FILE:LINE:COL: error|warning: message [code].  The rules and
  their codes: docs/report.md ("Проверки").  Messages are Russian;
  English when the root has xml:lang="en".

  The checks of the period and of a table of measures are those of
  plan-rules.xsl (imported), run with the prefix REPORT: numbering and
  empty responsible as in a plan; a deadline outside the reporting period
  is only a warning (a report may list measures carried over), and a
  measure need not have a deadline or a responsible person.

  Runs under plain xsltproc too; lines then come from saxon:line-number.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:folio="urn:folio:fo"
                xmlns:r="urn:folio:report"
                exclude-result-prefixes="r">

  <xsl:import href="plan-rules.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- ============================================================== -->
  <!-- Driver                                                           -->
  <!-- ============================================================== -->

  <xsl:template match="/">
    <folio:diags>
      <xsl:for-each select="r:report">
        <xsl:call-template name="rules-period">
          <xsl:with-param name="prefix" select="'REPORT'"/>
        </xsl:call-template>
        <xsl:variable name="period" select="r:period"/>
        <xsl:for-each select="r:text//r:measures">
          <xsl:call-template name="rules-measures">
            <xsl:with-param name="prefix" select="'REPORT'"/>
            <xsl:with-param name="period" select="$period"/>
            <xsl:with-param name="need-deadline" select="false()"/>
            <xsl:with-param name="need-responsible" select="@responsible = 'true' or @responsible = '1'"/>
            <xsl:with-param name="outside" select="'warning'"/>
          </xsl:call-template>
          <xsl:call-template name="check-status"/>
          <xsl:for-each select="r:summary">
            <xsl:call-template name="check-summary"/>
          </xsl:for-each>
        </xsl:for-each>
        <xsl:for-each select="r:text//r:kpi">
          <xsl:for-each select=".//r:indicator">
            <xsl:call-template name="check-indicator"/>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:for-each>
    </folio:diags>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- REPORT-STATUS-MISSING                                            -->
  <!-- ============================================================== -->

  <!-- Context: measures.  A report tells what became of every measure. -->
  <xsl:template name="check-status">
    <xsl:for-each select=".//r:measure[not(@status)]">
      <xsl:variable name="number">
        <xsl:call-template name="rules-measure-number"/>
      </xsl:variable>
      <xsl:call-template name="diag">
        <xsl:with-param name="code" select="'REPORT-STATUS-MISSING'"/>
        <xsl:with-param name="severity" select="'warning'"/>
        <xsl:with-param name="ru">У мероприятия <xsl:value-of select="$number"/> не указано состояние: добавьте status="done" (выполнено), "partly", "not-done", "in-progress", "moved" или "cancelled".</xsl:with-param>
        <xsl:with-param name="en">Measure <xsl:value-of select="$number"/> has no status: add status="done", "partly", "not-done", "in-progress", "moved" or "cancelled".</xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- REPORT-SUMMARY-COUNT, -SUM, -PERCENT                             -->
  <!-- ============================================================== -->

  <!-- Context: summary.  The stated parts must add up to the stated
       total (-SUM); otherwise every number the author states must be the
       one the table gives (-COUNT); a stated share of measures done must
       be done / total (-PERCENT). -->
  <xsl:template name="check-summary">
    <xsl:variable name="all" select="../r:measure | ../r:group/r:measure"/>
    <!-- "total: 20 (in the table 19); done: …" for every stated number
         the table contradicts -->
    <xsl:variable name="wrong-ru">
      <xsl:for-each select="@total | @done | @partly | @not-done | @in-progress | @moved | @cancelled">
        <xsl:variable name="counted">
          <xsl:choose>
            <xsl:when test="local-name() = 'total'">
              <xsl:value-of select="count($all)"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="count($all[@status = local-name(current())])"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:if test="number(.) != number($counted)">
          <xsl:value-of select="concat(local-name(), '=&quot;', ., '&quot;, а в таблице ', $counted, '; ')"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="wrong-en">
      <xsl:for-each select="@total | @done | @partly | @not-done | @in-progress | @moved | @cancelled">
        <xsl:variable name="counted">
          <xsl:choose>
            <xsl:when test="local-name() = 'total'">
              <xsl:value-of select="count($all)"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="count($all[@status = local-name(current())])"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:if test="number(.) != number($counted)">
          <xsl:value-of select="concat(local-name(), '=&quot;', ., '&quot; but the table has ', $counted, '; ')"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <!-- the stated parts against the stated total -->
    <xsl:variable name="parts" select="@done | @partly | @not-done | @in-progress | @moved | @cancelled"/>
    <xsl:variable name="sum" select="sum($parts)"/>
    <!-- a complete breakdown: every status that occurs in the table is stated -->
    <xsl:variable name="stated">
      <xsl:text> </xsl:text>
      <xsl:for-each select="$parts">
        <xsl:value-of select="concat(local-name(), ' ')"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="complete"
                  select="not($all[not(@status)])
                          and not($all[not(contains($stated, concat(' ', @status, ' ')))])"/>
    <xsl:variable name="bad-sum"
                  select="@total and $parts and ($sum > number(@total) or ($complete and $sum != number(@total)))"/>
    <xsl:if test="$bad-sum">
      <xsl:call-template name="diag">
        <xsl:with-param name="code" select="'REPORT-SUMMARY-SUM'"/>
        <xsl:with-param name="ru">Части итога не складываются во «всего»: <xsl:for-each select="$parts"><xsl:value-of select="."/><xsl:if test="position() != last()"> + </xsl:if></xsl:for-each> = <xsl:value-of select="$sum"/>, а total="<xsl:value-of select="@total"/>".</xsl:with-param>
        <xsl:with-param name="en">The parts of the summary do not add up to the total: <xsl:for-each select="$parts"><xsl:value-of select="."/><xsl:if test="position() != last()"> + </xsl:if></xsl:for-each> = <xsl:value-of select="$sum"/>, but total="<xsl:value-of select="@total"/>".</xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <!-- numbers that add up but contradict the table -->
    <xsl:if test="not($bad-sum) and $wrong-ru != ''">
      <xsl:call-template name="diag">
        <xsl:with-param name="code" select="'REPORT-SUMMARY-COUNT'"/>
        <xsl:with-param name="ru">Итог не сходится с таблицей мероприятий: <xsl:value-of select="substring($wrong-ru, 1, string-length($wrong-ru) - 2)"/>. Исправьте числа или состояния (status) мероприятий; можно и не писать числа — folio посчитает их сам.</xsl:with-param>
        <xsl:with-param name="en">The summary does not match the table of measures: <xsl:value-of select="substring($wrong-en, 1, string-length($wrong-en) - 2)"/>. Fix the numbers or the measures' status; or leave the numbers out and folio counts them.</xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="@percent">
      <xsl:variable name="total">
        <xsl:choose>
          <xsl:when test="@total"><xsl:value-of select="number(@total)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="count($all)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="done">
        <xsl:choose>
          <xsl:when test="@done"><xsl:value-of select="number(@done)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="count($all[@status = 'done'])"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="share" select="number(translate(normalize-space(@percent), ',', '.'))"/>
      <xsl:if test="$total > 0 and round($share * 10) != round($done div $total * 1000)">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'REPORT-SUMMARY-PERCENT'"/>
          <xsl:with-param name="ru">Доля выполненных мероприятий указана как <xsl:value-of select="@percent"/> %, а <xsl:value-of select="$done"/> из <xsl:value-of select="$total"/> — это <xsl:call-template name="decimal"><xsl:with-param name="v" select="$done div $total * 100"/></xsl:call-template> %.</xsl:with-param>
          <xsl:with-param name="en">The share of measures done is given as <xsl:value-of select="@percent"/> %, but <xsl:value-of select="$done"/> of <xsl:value-of select="$total"/> is <xsl:call-template name="decimal"><xsl:with-param name="v" select="$done div $total * 100"/></xsl:call-template> %.</xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Indicators: REPORT-KPI-*                                         -->
  <!-- ============================================================== -->

  <!-- Context: indicator. -->
  <xsl:template name="check-indicator">
    <xsl:variable name="number">
      <xsl:call-template name="kpi-number"/>
    </xsl:variable>
    <xsl:variable name="ts" select="normalize-space(r:target)"/>
    <xsl:variable name="as" select="normalize-space(r:actual)"/>
    <xsl:variable name="t" select="number(translate($ts, ',', '.'))"/>
    <xsl:variable name="a" select="number(translate($as, ',', '.'))"/>
    <xsl:variable name="lower"
                  select="@better = 'lower' or (not(@better) and r:target/@bound = 'max')"/>
    <!-- % of target, unrounded; NaN when it cannot be computed -->
    <xsl:variable name="p">
      <xsl:choose>
        <xsl:when test="$ts = '' or $as = ''">NaN</xsl:when>
        <xsl:when test="$lower and $a != 0"><xsl:value-of select="$t div $a * 100"/></xsl:when>
        <xsl:when test="not($lower) and $t != 0"><xsl:value-of select="$a div $t * 100"/></xsl:when>
        <xsl:otherwise>NaN</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="computable" select="string(number($p)) != 'NaN'"/>

    <!-- duplicate explicit numbers within the table -->
    <xsl:if test="@n">
      <xsl:variable name="n" select="normalize-space(@n)"/>
      <xsl:variable name="kid" select="generate-id(ancestor::r:kpi[1])"/>
      <xsl:variable name="dup"
                    select="preceding::r:indicator[generate-id(ancestor::r:kpi[1]) = $kid]
                                                  [normalize-space(@n) = $n][1]"/>
      <xsl:if test="$dup">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'REPORT-KPI-NUMBER-DUP'"/>
          <xsl:with-param name="ru">Номер показателя <xsl:value-of select="$n"/> повторяется (он уже есть в строке <xsl:call-template name="line"><xsl:with-param name="node" select="$dup"/></xsl:call-template>).</xsl:with-param>
          <xsl:with-param name="en">Indicator number <xsl:value-of select="$n"/> is used twice (also on line <xsl:call-template name="line"><xsl:with-param name="node" select="$dup"/></xsl:call-template>).</xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>

    <xsl:choose>
      <!-- an actual value with no target to measure it against -->
      <xsl:when test="$ts = '' and $as != ''">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'REPORT-KPI-TARGET-MISSING'"/>
          <xsl:with-param name="severity">
            <xsl:choose>
              <xsl:when test="$a != 0">error</xsl:when>
              <xsl:otherwise>warning</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="node" select="(r:target | r:actual)[1]"/>
          <xsl:with-param name="ru">У показателя <xsl:value-of select="$number"/> есть фактическое значение <xsl:value-of select="$as"/>, но нет целевого (&lt;target&gt;): исполнение в процентах не считается. Укажите целевое значение из программы или соглашения.</xsl:with-param>
          <xsl:with-param name="en">Indicator <xsl:value-of select="$number"/> has the actual value <xsl:value-of select="$as"/> but no target (&lt;target&gt;): its % of target cannot be computed. Give the target from the programme or agreement.</xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$ts != '' and $as = ''">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'REPORT-KPI-ACTUAL-MISSING'"/>
          <xsl:with-param name="severity" select="'warning'"/>
          <xsl:with-param name="node" select="(r:actual | r:target[not(../r:actual)])[1]"/>
          <xsl:with-param name="ru">У показателя <xsl:value-of select="$number"/> нет фактического значения (&lt;actual&gt;): в таблице будет прочерк, на диаграмме — «нет данных».</xsl:with-param>
          <xsl:with-param name="en">Indicator <xsl:value-of select="$number"/> has no actual value (&lt;actual&gt;): the table shows a dash, the chart "no data".</xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$ts != '' and not($computable)">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'REPORT-KPI-ZERO'"/>
          <xsl:with-param name="severity" select="'warning'"/>
          <xsl:with-param name="node" select="r:target"/>
          <xsl:with-param name="ru">Исполнение показателя <xsl:value-of select="$number"/> в процентах не считается: <xsl:choose><xsl:when test="$lower">фактическое значение равно нулю (better="lower")</xsl:when><xsl:otherwise>целевое значение равно нулю</xsl:otherwise></xsl:choose>. В графе будет прочерк.</xsl:with-param>
          <xsl:with-param name="en">The % of target of indicator <xsl:value-of select="$number"/> cannot be computed: <xsl:choose><xsl:when test="$lower">the actual value is zero (better="lower")</xsl:when><xsl:otherwise>the target is zero</xsl:otherwise></xsl:choose>. The column shows a dash.</xsl:with-param>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>

    <!-- a percentage the author states must be the computed one -->
    <xsl:for-each select="r:actual[@percent]">
      <xsl:variable name="stated" select="number(translate(normalize-space(@percent), ',', '.'))"/>
      <xsl:if test="not($computable) or round($stated * 10) != round(number($p) * 10)">
        <xsl:call-template name="diag">
          <xsl:with-param name="code" select="'REPORT-KPI-PERCENT'"/>
          <xsl:with-param name="ru">Исполнение показателя <xsl:value-of select="$number"/> указано как <xsl:value-of select="@percent"/> %, а <xsl:choose><xsl:when test="$computable">по целевому значению <xsl:value-of select="$ts"/> и фактическому <xsl:value-of select="$as"/> получается <xsl:call-template name="decimal"><xsl:with-param name="v" select="number($p)"/></xsl:call-template> %</xsl:when><xsl:otherwise>посчитать его нельзя (нет целевого или фактического значения)</xsl:otherwise></xsl:choose>. Исправьте значения или удалите атрибут percent — folio считает процент сам.</xsl:with-param>
          <xsl:with-param name="en">The % of target of indicator <xsl:value-of select="$number"/> is given as <xsl:value-of select="@percent"/> %, but <xsl:choose><xsl:when test="$computable">the target <xsl:value-of select="$ts"/> and the actual value <xsl:value-of select="$as"/> give <xsl:call-template name="decimal"><xsl:with-param name="v" select="number($p)"/></xsl:call-template> %</xsl:when><xsl:otherwise>it cannot be computed (no target or no actual value)</xsl:otherwise></xsl:choose>. Fix the values or remove the percent attribute — folio computes it.</xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>

    <!-- a missed target needs its reason -->
    <xsl:if test="$computable and round(number($p) * 10) &lt; 1000
                  and not(r:reason/*) and normalize-space(r:reason) = ''">
      <xsl:call-template name="diag">
        <xsl:with-param name="code" select="'REPORT-KPI-REASON-MISSING'"/>
        <xsl:with-param name="severity" select="'warning'"/>
        <xsl:with-param name="node" select="r:actual"/>
        <xsl:with-param name="ru">Показатель <xsl:value-of select="$number"/> не достиг целевого значения (<xsl:call-template name="decimal"><xsl:with-param name="v" select="number($p)"/></xsl:call-template> %), а причина отклонения не указана: добавьте &lt;reason&gt; после &lt;actual&gt;.</xsl:with-param>
        <xsl:with-param name="en">Indicator <xsl:value-of select="$number"/> missed its target (<xsl:call-template name="decimal"><xsl:with-param name="v" select="number($p)"/></xsl:call-template> %) and gives no reason: add &lt;reason&gt; after &lt;actual&gt;.</xsl:with-param>
      </xsl:call-template>
    </xsl:if>

    <!-- "не более" is a ceiling: lower is better -->
    <xsl:if test="(r:target/@bound = 'max' and @better = 'higher')
                  or (r:target/@bound = 'min' and @better = 'lower')">
      <xsl:call-template name="diag">
        <xsl:with-param name="code" select="'REPORT-KPI-BETTER'"/>
        <xsl:with-param name="severity" select="'warning'"/>
        <xsl:with-param name="ru">У показателя <xsl:value-of select="$number"/> целевое значение «<xsl:choose><xsl:when test="r:target/@bound = 'max'">не более</xsl:when><xsl:otherwise>не менее</xsl:otherwise></xsl:choose>», а better="<xsl:value-of select="@better"/>": проверьте, какое направление лучше — от этого зависит расчет процента исполнения.</xsl:with-param>
        <xsl:with-param name="en">Indicator <xsl:value-of select="$number"/> has a target "<xsl:choose><xsl:when test="r:target/@bound = 'max'">at most</xsl:when><xsl:otherwise>at least</xsl:otherwise></xsl:choose>" but better="<xsl:value-of select="@better"/>": check which direction is better — the % of target depends on it.</xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Number of an indicator (context) without its final period, as
       report.xsl prints it. -->
  <xsl:template name="kpi-number">
    <xsl:variable name="kpi" select="ancestor::r:kpi[1]"/>
    <xsl:choose>
      <xsl:when test="@n">
        <xsl:value-of select="normalize-space(@n)"/>
      </xsl:when>
      <xsl:when test="$kpi/@numbering = 'grouped' and parent::r:group">
        <xsl:for-each select="..">
          <xsl:call-template name="rules-group-number"/>
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
  </xsl:template>

  <!-- $v with one decimal, decimal comma in Russian messages. -->
  <xsl:template name="decimal">
    <xsl:param name="v"/>
    <xsl:variable name="s" select="format-number(round($v * 10) div 10, '0.0')"/>
    <xsl:choose>
      <xsl:when test="$lang-en"><xsl:value-of select="$s"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="translate($s, '.', ',')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
