#!/usr/bin/env bash
# errors/rules — the business rules (schemas/TYPE-rules.xsl, docs/rules.md).
#
# Each tests/errors/rules/*.xml is a small valid document with one defect on
# the line marked DEFECT; its header comment says what folio must report:
#     expect: error CODE      exit 1, the only diagnostic is
#                             FILE:LINE:COL: error: ... [CODE] at the DEFECT
#                             line (COL = its first '<'); render writes no
#                             PDF; render with --force does, and still warns
#     expect: warning CODE    the same diagnostic as a warning; exit 0 and
#                             a PDF
#     expect: schema          the schema rejects it (the rule is the schema's):
#                             exit 1 at the DEFECT line, no rule code, and
#                             --force does not help
#     expect: clean           no diagnostics at all, a PDF
#     params: a=b c=d         run with --param a=b --param c=d
#     says: TEXT              the message contains TEXT (English messages)
# Then: every input/*.xml still validates (warnings allowed), the faithful
# 2017 seed gets exactly its duplicate-number warning, the examples of
# `folio new` are clean, and the rule stylesheets run under plain xsltproc.
. "$(dirname "$0")/../lib.sh"
need_folio

mkdir -p "$T/o"

# header, n_diags and expect_rule come from tests/lib.sh.

# no_rule_codes NAME — no "[CODE]" of a rule on stderr.
no_rule_codes() {
  if grep -q -E '\[(PROTOCOL|ORDER|NOTE|DOCUMENT)-[A-Z-]+\]$' "$ERR"; then
    fail "$1" "a business rule reported on a document the schema rejects" "$ERR"
  else
    pass "$1"
  fi
}

shopt -s nullglob
inputs=(tests/errors/rules/*.xml)
if [ ${#inputs[@]} -eq 0 ]; then
  fail inputs "no tests/errors/rules/*.xml"
fi

for in in "${inputs[@]}"; do
  name=$(basename "$in" .xml)
  read -r kind code <<<"$(header "$in" expect)"
  says=$(header "$in" says)
  args=()
  for p in $(header "$in" params); do args+=(--param "$p"); done
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
      folio validate "${args[@]}" "$in"
      expect_rc "$name/validate-exit-$want" "$want"
      expect_rule "$name/validate-diagnostic" "$in" "$line" "$kind" "$code" "$says"

      folio render "${args[@]}" "$in" -o "$T/o/out.pdf"
      expect_rc "$name/render-exit-$want" "$want"
      expect_rule "$name/render-diagnostic" "$in" "$line" "$kind" "$code" "$says"
      if [ "$kind" = error ]; then
        expect_no_file "$name/render-no-pdf" "$T/o/out.pdf"
        folio render --force "${args[@]}" "$in" -o "$T/o/out.pdf"
        expect_rc "$name/force-exit-0" 0
        expect_pdf "$name/force-pdf" "$T/o/out.pdf"
        expect_rule "$name/force-still-reports" "$in" "$line" error "$code"
      else
        expect_pdf "$name/render-pdf" "$T/o/out.pdf"
      fi
      ;;
    schema)
      folio validate "$in"
      expect_rc "$name/validate-exit-1" 1
      expect_diag "$name/schema-diagnostic" "$in" "$line"
      no_rule_codes "$name/no-rule-diagnostic"
      folio render --force "$in" -o "$T/o/out.pdf"
      expect_rc "$name/force-does-not-skip-schema" 1
      expect_no_file "$name/force-no-pdf" "$T/o/out.pdf"
      ;;
    clean)
      folio validate "${args[@]}" "$in"
      expect_rc "$name/validate-exit-0" 0
      if [ -s "$ERR" ]; then fail "$name/no-diagnostics" "stderr is not empty" "$ERR"; else pass "$name/no-diagnostics"; fi
      folio render "${args[@]}" "$in" -o "$T/o/out.pdf"
      expect_rc "$name/render-exit-0" 0
      expect_pdf "$name/render-pdf" "$T/o/out.pdf"
      ;;
    *)
      fail "$name" "$in: unknown 'expect: $kind'"
      ;;
  esac
done

# A reference to an undefined person: the schema's keyref reports it and the
# rules do not run (they only see schema-valid documents).
folio validate tests/errors/schema-dangling-ref.xml
expect_rc dangling-ref/exit-1 1
expect_diag dangling-ref/schema-diagnostic tests/errors/schema-dangling-ref.xml \
  "$(marker_line tests/errors/schema-dangling-ref.xml)"
no_rule_codes dangling-ref/no-rule-diagnostic

# validate with several files: a rule error in one makes the exit 1.
folio validate tests/errors/rules/good-protocol-casting.xml tests/errors/rules/protocol-vote-result.xml
expect_rc several/exit-1 1
if grep -q -F 'tests/errors/rules/protocol-vote-result.xml:' "$ERR" \
   && ! grep -q -F 'good-protocol-casting.xml:' "$ERR"; then
  pass several/reports-the-bad-one
else
  fail several/reports-the-bad-one "expected a diagnostic for protocol-vote-result.xml only" "$ERR"
fi

# --quiet hides rule warnings, not rule errors.
folio validate -q tests/errors/rules/protocol-decision-dup.xml
if [ "$RC" -eq 0 ] && [ ! -s "$ERR" ]; then pass quiet/hides-warnings; else fail quiet/hides-warnings "exit $RC" "$ERR"; fi

# Every example document still validates: warnings allowed, no errors.
for in in input/*.xml; do
  name=input/$(basename "$in" .xml)
  folio validate "$in"
  expect_rc "$name/exit-0" 0
  if grep -q -E ': error: ' "$ERR"; then fail "$name/no-errors" "error lines on stderr" "$ERR"; else pass "$name/no-errors"; fi
done

# The faithful 2017 seed repeats decision number 4: one warning, at the
# second "4", and it renders.
seed=input/protocol-2017-smolensk.xml
if [ -f "$seed" ]; then
  line=$(grep -n -F '<decision n="4">' "$seed" | sed -n 2p | cut -d: -f1)
  folio render "$seed" -o "$T/o/seed.pdf"
  expect_rc seed-2017/render-exit-0 0
  expect_pdf seed-2017/render-pdf "$T/o/seed.pdf"
  expect_rule seed-2017/duplicate-4-warning "$seed" "$line" warning PROTOCOL-DECISION-DUP
fi

# The examples printed by `folio new TYPE` (of the types these rules
# cover): valid, no diagnostics at all, they render, and `folio new` prints
# them as they are.
for type in protocol order note document; do
  in=schemas/examples/$type.xml
  name=examples/$type
  if [ ! -f "$in" ]; then
    fail "$name" "$in is missing"
    continue
  fi
  folio validate "$in"
  expect_rc "$name/validate-exit-0" 0
  if [ -s "$ERR" ]; then fail "$name/no-diagnostics" "stderr is not empty" "$ERR"; else pass "$name/no-diagnostics"; fi
  rm -f "$T/o/ex.pdf"
  folio render "$in" -o "$T/o/ex.pdf"
  expect_rc "$name/render-exit-0" 0
  if [ -s "$ERR" ]; then fail "$name/render-no-diagnostics" "stderr is not empty" "$ERR"; else pass "$name/render-no-diagnostics"; fi
  expect_pdf "$name/render-pdf" "$T/o/ex.pdf"
  folio new "$type"
  if [ "$RC" -eq 0 ] && cmp -s "$OUT" "$in"; then
    pass "$name/folio-new"
  else
    fail "$name/folio-new" "'folio new $type' ($(describe_rc)) does not print $in" "$ERR"
  fi
done

# The rule stylesheets run under plain xsltproc (folio:line is guarded;
# lines then come from saxon:line-number), messages in the document's
# language.
if command -v xsltproc >/dev/null 2>&1; then
  for pair in protocol:protocol-quorum order:order-deadline-past note:note-as-of-future document:document-point-gap; do
    type=${pair%%:*}
    in=tests/errors/rules/${pair#*:}.xml
    code=$(header "$in" expect)
    code=${code#* }
    line=$(marker_line "$in")
    if xsltproc "schemas/$type-rules.xsl" "$in" >"$T/x.out" 2>"$T/x.err" \
       && grep -q -E "code=\"$code\" severity=\"[a-z]+\" line=\"$line\"" "$T/x.out"; then
      pass "xsltproc/$type"
    else
      fail "xsltproc/$type" "no $code at line $line from xsltproc" "$T/x.err"
    fi
  done
  # English for a note (note.xsd has no xml:lang yet, so only here).
  sed 's/<note xmlns="urn:folio:note"/& xml:lang="en"/' tests/errors/rules/note-as-of-future.xml >"$T/note-en.xml"
  if xsltproc schemas/note-rules.xsl "$T/note-en.xml" 2>/dev/null | grep -q 'a note cannot state facts'; then
    pass xsltproc/english-note
  else
    fail xsltproc/english-note "no English message for xml:lang=\"en\""
  fi
else
  skip xsltproc "xsltproc not installed"
fi

finish
