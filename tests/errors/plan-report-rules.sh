#!/usr/bin/env bash
# errors/plan-report-rules — the work plan and the annual report
# (urn:folio:plan, urn:folio:report): their business rules
# (schemas/plan-rules.xsl, schemas/report-rules.xsl), what the stylesheets
# compute (the % of target, the summary of the measures), the GOST header
# of long tables, the chart, the English catalogue, and the example
# documents of input/ and of `folio new`.
#
# Each tests/errors/plan-report/*.xml is a small valid document with one
# defect on the line marked DEFECT; its header comment says what folio
# must report (the same conventions as tests/errors/rules.sh):
#     expect: error CODE      exit 1, the only diagnostic is
#                             FILE:LINE:COL: error: ... [CODE] at the DEFECT
#                             line (COL = its first '<'); render writes no
#                             PDF; render with --force does
#     expect: warning CODE    the same diagnostic as a warning; exit 0, a PDF
#     expect: schema          the schema rejects it: exit 1 at the DEFECT
#                             line, no rule code
#     expect: clean           no diagnostics at all, a PDF
#     says: TEXT              the message contains TEXT
. "$(dirname "$0")/../lib.sh"
need_folio

mkdir -p "$T/o"
DIR=tests/errors/plan-report

# header, n_diags and expect_rule come from tests/lib.sh.

# no_stderr NAME — stderr is empty.
no_stderr() {
  if [ -s "$ERR" ]; then fail "$1" "stderr is not empty" "$ERR"; else pass "$1"; fi
}

# fo_has NAME FILE TEXT — the file contains TEXT, a NO-BREAK SPACE in the
# file matching a space in TEXT.
NBSP=$'\xc2\xa0'
fo_has() {
  if sed "s/$NBSP/ /g" "$2" | grep -q -F -e "$3"; then pass "$1"; else fail "$1" "'$3' not in $2"; fi
}

# fo_has_exact NAME FILE TEXT — the file contains TEXT as it is.
fo_has_exact() {
  if grep -q -F -e "$3" "$2"; then pass "$1"; else fail "$1" "'$3' not in $2"; fi
}

# fo_count NAME FILE XPATH WANT — count(XPATH) in the FO is WANT.
fo_count() {
  local got
  got=$(xmllint --xpath "count($3)" "$2" 2>/dev/null)
  if [ "$got" = "$4" ]; then pass "$1"; else fail "$1" "count($3) is '$got', expected $4"; fi
}

# --- the rule inputs -----------------------------------------------------

shopt -s nullglob
inputs=("$DIR"/*.xml)
if [ ${#inputs[@]} -eq 0 ]; then
  fail inputs "no $DIR/*.xml"
fi

for in in "${inputs[@]}"; do
  name=$(basename "$in" .xml)
  read -r kind code <<<"$(header "$in" expect)"
  says=$(header "$in" says)
  line=$(marker_line "$in")
  if [ "$kind" != clean ] && [ -z "$line" ]; then
    fail "$name" "$in has no <!-- DEFECT --> marker"
    continue
  fi
  rm -f "$T/o/out.pdf"

  case $kind in
    error|warning)
      want=0
      [ "$kind" = error ] && want=1
      folio validate "$in"
      expect_rc "$name/validate-exit-$want" "$want"
      expect_rule "$name/validate-diagnostic" "$in" "$line" "$kind" "$code" "$says"
      folio render "$in" -o "$T/o/out.pdf"
      expect_rc "$name/render-exit-$want" "$want"
      if [ "$kind" = error ]; then
        expect_no_file "$name/render-no-pdf" "$T/o/out.pdf"
        folio render --force "$in" -o "$T/o/out.pdf"
        expect_rc "$name/force-exit-0" 0
        expect_pdf "$name/force-pdf" "$T/o/out.pdf"
      else
        expect_rule "$name/render-diagnostic" "$in" "$line" "$kind" "$code" "$says"
        expect_pdf "$name/render-pdf" "$T/o/out.pdf"
      fi
      ;;
    schema)
      folio validate "$in"
      expect_rc "$name/validate-exit-1" 1
      expect_diag "$name/schema-diagnostic" "$in" "$line"
      if grep -q -E '\[(PLAN|REPORT)-[A-Z-]+\]$' "$ERR"; then
        fail "$name/no-rule-diagnostic" "a rule reported on a document the schema rejects" "$ERR"
      else
        pass "$name/no-rule-diagnostic"
      fi
      ;;
    clean)
      folio validate "$in"
      expect_rc "$name/validate-exit-0" 0
      no_stderr "$name/no-diagnostics"
      folio render "$in" -o "$T/o/out.pdf"
      expect_rc "$name/render-exit-0" 0
      no_stderr "$name/render-no-diagnostics"
      expect_pdf "$name/render-pdf" "$T/o/out.pdf"
      ;;
    *)
      fail "$name" "$in: unknown 'expect: $kind'"
      ;;
  esac
done

# --- the rule stylesheets under plain xsltproc ---------------------------

if command -v xsltproc >/dev/null 2>&1; then
  for pair in plan:plan-deadline-outside report:report-kpi-percent report:report-summary-sum; do
    type=${pair%%:*}
    in=$DIR/${pair#*:}.xml
    code=$(header "$in" expect)
    code=${code#* }
    line=$(marker_line "$in")
    if xsltproc "schemas/$type-rules.xsl" "$in" >"$T/x.out" 2>"$T/x.err" \
       && grep -q -E "code=\"$code\" severity=\"[a-z]+\" line=\"$line\"" "$T/x.out"; then
      pass "xsltproc/${pair#*:}"
    else
      fail "xsltproc/${pair#*:}" "no $code at line $line from xsltproc" "$T/x.err"
    fi
  done
else
  skip xsltproc "xsltproc not installed"
fi

# --- what the report computes --------------------------------------------

# % of target: 34 of 30 → 113,3 (+13,3); "не более 5", 8 → 62,5 (−37,5)
# in bold; 0.5 of 0,5 → 100,0 without a deviation; the summary counts
# the rows and gives the share done.
in=$DIR/good-report-computed.xml
folio transform "$in" -o "$T/computed.fo"
expect_rc computed/transform-exit-0 0
fo_has computed/percent-over "$T/computed.fo" '113,3'
fo_has computed/deviation-over "$T/computed.fo" '(+13,3)'
fo_has computed/percent-lower-better "$T/computed.fo" '62,5'
fo_has computed/deviation-under "$T/computed.fo" '(−37,5)'
fo_count computed/under-in-bold "$T/computed.fo" \
  "//*[local-name()='block'][@font-weight='bold'][normalize-space(*[1])='62,5']" 1
fo_count computed/exact-no-deviation "$T/computed.fo" \
  "//*[local-name()='block'][*[1]='100,0'][not(*[2])]" 1
fo_has computed/bound-min "$T/computed.fo" 'не менее 30'
fo_has computed/summary "$T/computed.fo" 'Всего мероприятий – 3, из них выполнено – 2 (66,7 %), выполнено частично – 1.'
# no line breaks inside "не менее", before a dash or a percent sign
fo_has_exact computed/nbsp-bound "$T/computed.fo" "не${NBSP}менее 30"
fo_has_exact computed/nbsp-summary "$T/computed.fo" "выполнено${NBSP}– 2 (66,7${NBSP}%)"

# English: decimal point, comma groups, English words.
folio transform "$DIR/good-report-english.xml" -o "$T/en.fo"
expect_rc english-report/transform-exit-0 0
fo_has english-report/grouping "$T/en.fo" '1,700'
fo_has english-report/decimal-point "$T/en.fo" '113.3'
fo_has english-report/title "$T/en.fo" 'REPORT'
fo_has english-report/period "$T/en.fo" 'for the first half of 2024'
fo_has english-report/column "$T/en.fo" 'Reason for deviation'
folio transform "$DIR/good-plan-english.xml" -o "$T/pen.fo"
expect_rc english-plan/transform-exit-0 0
fo_has english-plan/title "$T/pen.fo" 'PLAN'
fo_has english-plan/period "$T/pen.fo" 'for 2025'
fo_has english-plan/quarter "$T/pen.fo" 'Q1'
fo_has english-plan/by "$T/pen.fo" 'by 31.03.2025'
fo_has english-plan/stamp "$T/pen.fo" 'APPROVED'
if grep -q -P '[\x{0400}-\x{04FF}]' "$T/pen.fo"; then
  fail english-plan/no-russian-words "Cyrillic in the FO of an English plan" "$T/pen.fo"
else
  pass english-plan/no-russian-words
fi

# --- the chart -----------------------------------------------------------

# SVG inside fo:instream-foreign-object, as wide as the text, with a
# viewBox; two bars per indicator plus two legend swatches.
fo_count chart/instream "$T/en.fo" "//*[local-name()='instream-foreign-object'][@width='100%'][@content-width='scale-to-fit']/*[local-name()='svg'][@viewBox]" 1
fo_count chart/bars "$T/en.fo" "//*[local-name()='svg']/*[local-name()='rect']" 6
fo_has chart/caption "$T/en.fo" 'Figure 1'

# --- the GOST header of a long table -------------------------------------

# numbers (default): the full header is a table of its own; the body
# table's repeated fo:table-header holds only the row of column numbers.
folio transform input/plan-2025-smolensk-ict-cluster.xml -o "$T/plan.fo"
expect_rc plan-header/transform-exit-0 0
fo_count plan-header/one-repeated-row "$T/plan.fo" "//*[local-name()='table-header']/*[local-name()='table-row']" 1
fo_count plan-header/number-row "$T/plan.fo" "//*[local-name()='table-header']//*[local-name()='table-cell'][.='5']" 1
# repeat: the header and the number row both repeat.
folio transform input/plan-2025-smolensk-ict-cluster.xml --param table-header=repeat -o "$T/plan-r.fo"
fo_count plan-header/repeat-two-rows "$T/plan-r.fo" "//*[local-name()='table-header']/*[local-name()='table-row']" 2

# In the PDF: the column headings on page 1 only; the number row on the
# top of page 2.
folio render input/plan-2025-smolensk-ict-cluster.xml -o "$T/plan.pdf"
expect_rc plan-pdf/render-exit-0 0
no_stderr plan-pdf/no-diagnostics
if is_pdf "$T/plan.pdf"; then
  p1=$(pdftotext -f 1 -l 1 -layout "$T/plan.pdf" - 2>/dev/null)
  p2=$(pdftotext -f 2 -l 2 -layout "$T/plan.pdf" - 2>/dev/null)
  if grep -q 'Ответственные' <<<"$p1" && ! grep -q 'Ответственные' <<<"$p2"; then
    pass plan-pdf/header-page-1-only
  else
    fail plan-pdf/header-page-1-only "column headings not on page 1 only"
  fi
  if grep -q -E '^ *1 +2 +3 +4 +5 *$' <<<"$p2"; then
    pass plan-pdf/number-row-page-2
  else
    fail plan-pdf/number-row-page-2 "no '1 2 3 4 5' row on page 2"
  fi
else
  fail plan-pdf/pdf "no PDF"
fi

# --- the example documents -----------------------------------------------

# input/plan-*.xml, input/report-*.xml: valid, no diagnostics, a PDF.
for in in input/plan-*.xml input/report-*.xml; do
  name=input/$(basename "$in" .xml)
  folio render "$in" -o "$T/o/in.pdf"
  expect_rc "$name/render-exit-0" 0
  no_stderr "$name/no-diagnostics"
  expect_pdf "$name/pdf" "$T/o/in.pdf"
done

# `folio new plan` / `folio new report` print the examples, which are
# clean and render.
for type in plan report; do
  folio new "$type"
  if [ "$RC" -eq 0 ] && cmp -s "$OUT" "schemas/examples/$type.xml"; then
    pass "new-$type/prints-the-example"
  else
    fail "new-$type/prints-the-example" "'folio new $type' ($(describe_rc))" "$ERR"
  fi
  cp "$OUT" "$T/new-$type.xml"
  folio render "$T/new-$type.xml" -o "$T/o/new.pdf"
  expect_rc "new-$type/render-exit-0" 0
  no_stderr "new-$type/no-diagnostics"
  expect_pdf "new-$type/pdf" "$T/o/new.pdf"
done

finish
